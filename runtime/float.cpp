// float: the type, its arithmetic with Python's semantics (float_divmod,
// float_pow of CPython), int <-> float conversions and comparisons, and the
// freestanding math helpers the runtime uses instead of libm.
//
// The helpers compute in double whatever Float is. Where a result must be
// as good as libm's (pow, exp, log), they use double-double arithmetic
// (a value as an unevaluated sum hi + lo, about 106 bits) and round once.
#include "runtime/float.h"

#include "runtime/class.h"
#include "runtime/format_spec.h"
#include "runtime/int.h"
#include "runtime/runtime.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace taipan::rt {

// --- Math helpers -------------------------------------------------------------------

namespace {

uint64_t DoubleBits(double d) {
  uint64_t b;
  __builtin_memcpy(&b, &d, sizeof b);
  return b;
}

double DoubleFromBits(uint64_t b) {
  double d;
  __builtin_memcpy(&d, &b, sizeof d);
  return d;
}

constexpr double kPi = 3.14159265358979311600e+00;
constexpr double kPiOver2 = 1.57079632679489655800e+00;
constexpr double kPiOver4 = 7.85398163397448278999e-01;

}  // namespace


double FloatCopySign(double x, double sign) {
  return DoubleFromBits((DoubleBits(x) & ~(uint64_t{1} << 63)) | (DoubleBits(sign) & (uint64_t{1} << 63)));
}

double FloatTrunc(double x) {
  int e = static_cast<int>((DoubleBits(x) >> 52) & 0x7ff) - 1023;
  if (e >= 52) return x;  // integral, inf or nan
  if (e < 0) return FloatCopySign(0.0, x);
  uint64_t mask = (uint64_t{1} << (52 - e)) - 1;
  return DoubleFromBits(DoubleBits(x) & ~mask);
}

double FloatFloor(double x) {
  double t = FloatTrunc(x);
  if (t != x && x < 0) return t - 1.0;
  return t;
}

double FloatCeil(double x) {
  double t = FloatTrunc(x);
  if (t != x && x > 0) return t + 1.0;
  return t;
}

// x * 2**n with one rounding (musl's scalbn).
double FloatLdexp(double x, int n) {
  double y = x;
  if (n > 1023) {
    y *= 0x1p1023;
    n -= 1023;
    if (n > 1023) {
      y *= 0x1p1023;
      n -= 1023;
      if (n > 1023) n = 1023;
    }
  } else if (n < -1022) {
    // Scale by 2**-969 (not 2**-1022) so that the final multiplication is
    // the only one that can round into the subnormals.
    y *= 0x1p-1022 * 0x1p53;
    n += 1022 - 53;
    if (n < -1022) {
      y *= 0x1p-1022 * 0x1p53;
      n += 1022 - 53;
      if (n < -1022) n = -1022;
    }
  }
  return y * DoubleFromBits(static_cast<uint64_t>(0x3ff + n) << 52);
}

double FloatFrexp(double x, int* e) {
  uint64_t bits = DoubleBits(x);
  int biased = static_cast<int>((bits >> 52) & 0x7ff);
  if (biased == 0) {
    if (x == 0) {
      *e = 0;
      return x;
    }
    double normal = FloatFrexp(x * 0x1p64, e);
    *e -= 64;
    return normal;
  }
  if (biased == 0x7ff) {
    *e = 0;
    return x;
  }
  *e = biased - 1022;
  return DoubleFromBits((bits & ~(uint64_t{0x7ff} << 52)) | (uint64_t{1022} << 52));
}

// Exact remainder with the sign of x (musl's fmod).
double FloatFmod(double x, double y) {
  uint64_t ux = DoubleBits(x), uy = DoubleBits(y);
  int ex = static_cast<int>((ux >> 52) & 0x7ff);
  int ey = static_cast<int>((uy >> 52) & 0x7ff);
  uint64_t sign = ux >> 63;
  if ((uy << 1) == 0 || FloatIsNan(y) || ex == 0x7ff) return (x * y) / (x * y);
  if ((ux << 1) <= (uy << 1)) {
    if ((ux << 1) == (uy << 1)) return 0 * x;
    return x;
  }
  if (!ex) {
    for (uint64_t i = ux << 12; i >> 63 == 0; --ex, i <<= 1) {}
    ux <<= -ex + 1;
  } else {
    ux &= ~uint64_t{0} >> 12;
    ux |= uint64_t{1} << 52;
  }
  if (!ey) {
    for (uint64_t i = uy << 12; i >> 63 == 0; --ey, i <<= 1) {}
    uy <<= -ey + 1;
  } else {
    uy &= ~uint64_t{0} >> 12;
    uy |= uint64_t{1} << 52;
  }
  for (; ex > ey; --ex) {
    uint64_t i = ux - uy;
    if (i >> 63 == 0) {
      if (i == 0) return 0 * x;
      ux = i;
    }
    ux <<= 1;
  }
  uint64_t i = ux - uy;
  if (i >> 63 == 0) {
    if (i == 0) return 0 * x;
    ux = i;
  }
  for (; ux >> 52 == 0; ux <<= 1, --ex) {}
  if (ex > 0) {
    ux -= uint64_t{1} << 52;
    ux |= static_cast<uint64_t>(ex) << 52;
  } else {
    ux >>= -ex + 1;
  }
  ux |= sign << 63;
  return DoubleFromBits(ux);
}

// Correctly rounded. Where the FPU has a double-precision square root (it
// is correctly rounded by IEEE 754), that instruction; elsewhere the
// integer square root of the significand, one guard bit and a sticky
// remainder.
double FloatSqrt(double x) {
#if defined(__x86_64__) || (defined(__ARM_FP) && (__ARM_FP & 8))
  return __builtin_elementwise_sqrt(x);  // a NaN for x < 0, as below (its sign is never printed)
#endif
  if (FloatIsNan(x) || x == 0 || x == __builtin_inf()) return x;
  if (x < 0) return __builtin_nan("");
  int e;
  double fraction = FloatFrexp(x, &e);                 // x = fraction * 2**e, fraction in [0.5, 1)
  uint64_t m = static_cast<uint64_t>(fraction * 0x1p53);  // 53 bits
  e -= 53;
  if (e & 1) {
    m <<= 1;
    --e;
  }
  int b = 64 - __builtin_clzll(m);
  int s = 107 - b;
  if (s & 1) ++s;
  // q = floor(sqrt(m * 2**s)), 54 bits, digit by digit (two input bits each).
  uint64_t q = 0, r = 0;
  for (int i = 53; i >= 0; --i) {
    int position = 2 * i - s;
    uint64_t pair = position >= 0 ? (m >> position) & 3 : 0;
    r = (r << 2) | pair;
    uint64_t t = (q << 2) | 1;
    if (r >= t) {
      r -= t;
      q = (q << 1) | 1;
    } else {
      q <<= 1;
    }
  }
  uint64_t mantissa = q >> 1;
  if ((q & 1) && (r != 0 || (mantissa & 1))) ++mantissa;
  return FloatLdexp(static_cast<double>(mantissa), 1 + (e - s) / 2);
}

// --- Double-double arithmetic -------------------------------------------------------

namespace {

struct DD {
  double hi, lo;
};

DD TwoSum(double a, double b) {
  double s = a + b;
  double bb = s - a;
  return {s, (a - (s - bb)) + (b - bb)};
}

DD QuickTwoSum(double a, double b) {
  double s = a + b;
  return {s, b - (s - a)};
}

DD Split(double a) {
  double t = 134217729.0 * a;
  double hi = t - (t - a);
  return {hi, a - hi};
}

DD TwoProduct(double a, double b) {
  double p = a * b;
  if (!FloatIsFinite(p)) return {p, 0};
  DD x = Split(a), y = Split(b);
  return {p, ((x.hi * y.hi - p) + x.hi * y.lo + x.lo * y.hi) + x.lo * y.lo};
}

DD Add(DD a, DD b) {
  DD s = TwoSum(a.hi, b.hi);
  s.lo += a.lo + b.lo;
  return QuickTwoSum(s.hi, s.lo);
}

DD Mul(DD a, DD b) {
  DD p = TwoProduct(a.hi, b.hi);
  if (!FloatIsFinite(p.hi)) return p;
  p.lo += a.hi * b.lo + a.lo * b.hi;
  return QuickTwoSum(p.hi, p.lo);
}

DD Div(DD a, DD b) {
  double q1 = a.hi / b.hi;
  if (!FloatIsFinite(q1)) return {q1, 0};
  DD r = Add(a, Mul(b, DD{-q1, 0}));
  double q2 = r.hi / b.hi;
  r = Add(r, Mul(b, DD{-q2, 0}));
  double q3 = r.hi / b.hi;
  DD q = QuickTwoSum(q1, q2);
  return Add(q, DD{q3, 0});
}

constexpr DD kLn2 = {6.93147180559945286227e-01, 2.31904681384629955842e-17};

// ln(x) for finite x > 0.
DD LogDD(double x) {
  int k;
  double m = FloatFrexp(x, &k);  // [0.5, 1)
  if (m < 0.70710678118654752440) {
    m *= 2;
    --k;
  }
  // ln(m) = 2 atanh(s), s = (m - 1) / (m + 1), |s| < 0.172.
  DD s = Div(TwoSum(m, -1.0), TwoSum(m, 1.0));
  DD s2 = Mul(s, s);
  DD term = s, sum = s;
  for (int n = 3; n < 200; n += 2) {
    term = Mul(term, s2);
    DD t = Div(term, DD{static_cast<double>(n), 0});
    sum = Add(sum, t);
    if (t.hi == 0 || (t.hi < 0 ? -t.hi : t.hi) < 1e-35 * (sum.hi < 0 ? -sum.hi : sum.hi)) break;
  }
  sum = Add(sum, sum);
  return Add(sum, Mul(kLn2, DD{static_cast<double>(k), 0}));
}

// exp(t) rounded to double.
double ExpDD(DD t) {
  if (FloatIsNan(t.hi)) return t.hi;
  if (t.hi > 709.8) return __builtin_inf();
  if (t.hi < -745.2) return 0.0;
  double n = FloatFloor(t.hi / kLn2.hi + 0.5);
  DD r = Add(t, Mul(kLn2, DD{-n, 0}));
  r.hi *= 0x1p-10;
  r.lo *= 0x1p-10;
  // Taylor series, then square ten times.
  DD sum = {1, 0}, term = {1, 0};
  for (int i = 1; i < 30; ++i) {
    term = Div(Mul(term, r), DD{static_cast<double>(i), 0});
    sum = Add(sum, term);
    if (term.hi == 0 || (term.hi < 0 ? -term.hi : term.hi) < 1e-36) break;
  }
  for (int i = 0; i < 10; ++i) sum = Mul(sum, sum);
  int scale = static_cast<int>(n);
  // Round once at the end; near the subnormals scale in two steps.
  if (scale < -1000) return FloatLdexp(FloatLdexp(sum.hi, 100) + FloatLdexp(sum.lo, 100), scale - 100);
  return FloatLdexp(sum.hi + sum.lo, scale);
}

// x ** n for x > 0 and an integer n, by squaring in double-double.
double IntegerPow(double x, double n) {
  DD base = {x, 0};
  bool invert = n < 0;
  if (invert) {
    base = Div(DD{1, 0}, base);
    n = -n;
  }
  DD result = {1, 0};
  while (n > 0) {
    double half = FloatFloor(n * 0.5);
    if (n != half * 2) result = Mul(result, base);
    n = half;
    if (n > 0) base = Mul(base, base);
    if (!FloatIsFinite(base.hi) && n > 0) {
      // Overflow (or underflow after inversion): the magnitude decides.
      return base.hi > 1 ? __builtin_inf() : 0.0;
    }
  }
  return result.hi + result.lo;
}

double Atan(double t) {  // t >= 0
  if (t > 1) return kPiOver2 - Atan(1 / t);
  double offset = 0;
  if (t > 0.41421356237309503) {
    offset = kPiOver4;
    t = (t - 1) / (t + 1);
  }
  double t2 = t * t, term = t, sum = 0;
  for (int n = 1; n < 120; n += 2) {
    double add = term / n;
    sum += (n & 2) ? -add : add;
    term *= t2;
    if ((term < 0 ? -term : term) < 1e-20 * (sum < 0 ? -sum : sum) || term == 0) break;
  }
  return offset + sum;
}

// sin or cos of r, |r| <= pi/4.
double SinKernel(double r) {
  double r2 = r * r, term = r, sum = r;
  for (int n = 2; n < 40; n += 2) {
    term *= -r2 / (n * (n + 1));
    sum += term;
    if (term == 0 || (term < 0 ? -term : term) < 1e-20) break;
  }
  return sum;
}

double CosKernel(double r) {
  double r2 = r * r, term = 1, sum = 1;
  for (int n = 1; n < 40; n += 2) {
    term *= -r2 / (n * (n + 1));
    sum += term;
    if (term == 0 || (term < 0 ? -term : term) < 1e-20) break;
  }
  return sum;
}

// x = quadrant * pi/2 + r (Cody-Waite in three parts).
double ReduceQuarter(double x, int* quadrant) {
  double n = FloatFloor(x * 6.36619772367581382433e-01 + 0.5);
  double r = x - n * 1.57079632673412561417e+00;
  r -= n * 6.07710050630396597660e-11;
  r -= n * 2.02226624871116645580e-21;
  // n mod 4: from the integer itself while n fits one (two's complement
  // keeps the residue of negative n), else exactly through fmod.
  if (n > -0x1p62 && n < 0x1p62) {
    *quadrant = static_cast<int>(static_cast<int64_t>(n) & 3);
    return r;
  }
  double q = FloatFmod(n, 4.0);
  if (q < 0) q += 4;
  *quadrant = static_cast<int>(q);
  return r;
}

}  // namespace

double FloatExp(double x) { return ExpDD(DD{x, 0}); }

double FloatLog(double x) {
  if (FloatIsNan(x) || x == __builtin_inf()) return x;
  if (x == 0) return -__builtin_inf();
  if (x < 0) return __builtin_nan("");
  DD l = LogDD(x);
  return l.hi + l.lo;
}

double FloatPow(double x, double y) {
  if (y == 0) return 1;
  // Squares (the commonest power): one correctly rounded multiplication,
  // what the exact power rounds to, infinities, zeros and NaNs included.
  if (y == 2) return x * x;
  if (FloatIsNan(x) || FloatIsNan(y)) return x == 1 ? 1 : x + y;
  bool y_integral = FloatIsFinite(y) && FloatTrunc(y) == y;
  bool y_odd = y_integral && FloatFmod(y, 2.0) != 0;
  if (FloatIsInf(y)) {
    double ax = x < 0 ? -x : x;
    if (ax == 1) return 1;
    return (y > 0) == (ax > 1) ? __builtin_inf() : 0.0;
  }
  if (FloatIsInf(x)) {
    if (x > 0) return y > 0 ? x : 0.0;
    if (y > 0) return y_odd ? x : -x;
    return y_odd ? -0.0 : 0.0;
  }
  if (x == 0) {
    if (y < 0) return y_odd ? FloatCopySign(__builtin_inf(), x) : __builtin_inf();
    return y_odd ? x : 0.0;
  }
  bool negate = false;
  if (x < 0) {
    if (!y_integral) return __builtin_nan("");
    x = -x;
    negate = y_odd;
  }
  double result;
  if (x == 1) result = 1;
  else if (y == 0.5) result = FloatSqrt(x);  // correctly rounded, as the exact power
  else if (y_integral && (y < 0 ? -y : y) <= 4096) result = IntegerPow(x, y);
  else result = ExpDD(Mul(LogDD(x), DD{y, 0}));
  return negate ? -result : result;
}

double FloatSin(double x) {
  if (!FloatIsFinite(x)) return x - x;
  int q;
  double r = ReduceQuarter(x, &q);
  switch (q) {
    case 0: return SinKernel(r);
    case 1: return CosKernel(r);
    case 2: return -SinKernel(r);
    default: return -CosKernel(r);
  }
}

double FloatCos(double x) {
  if (!FloatIsFinite(x)) return x - x;
  int q;
  double r = ReduceQuarter(x, &q);
  switch (q) {
    case 0: return CosKernel(r);
    case 1: return -SinKernel(r);
    case 2: return -CosKernel(r);
    default: return SinKernel(r);
  }
}

double FloatAtan2(double y, double x) {
  if (FloatIsNan(x) || FloatIsNan(y)) return x + y;
  bool x_negative = (DoubleBits(x) >> 63) != 0;
  if (y == 0) return x_negative ? FloatCopySign(kPi, y) : y;
  if (x == 0) return FloatCopySign(kPiOver2, y);
  if (FloatIsInf(x)) {
    if (FloatIsInf(y)) return FloatCopySign(x_negative ? 3 * kPiOver4 : kPiOver4, y);
    return x_negative ? FloatCopySign(kPi, y) : FloatCopySign(0.0, y);
  }
  if (FloatIsInf(y)) return FloatCopySign(kPiOver2, y);
  double ay = y < 0 ? -y : y, ax = x < 0 ? -x : x;
  double a = Atan(ay / ax);
  if (x_negative) a = kPi - a;
  return FloatCopySign(a, y);
}

namespace {

// x * x exactly, as hi + lo (x's square neither overflows nor underflows).
DD TwoSquare(double x) {
  DD s = Split(x);
  double p = x * x;
  return {p, ((s.hi * s.hi - p) + 2 * s.hi * s.lo) + s.lo * s.lo};
}

// sqrt(hi + lo), correctly rounded in all but the rarest ties: one Newton
// step on the double-double value corrects the last bit of the root.
double SqrtOfDD(DD sum) {
  double root = FloatSqrt(sum.hi);
  DD square = TwoSquare(root);
  double correction = ((sum.hi - square.hi) - square.lo + sum.lo) / (2 * root);
  return root + correction;
}

}  // namespace

double FloatHypot(double x, double y) {
  x = DoubleFromBits(DoubleBits(x) & ~(uint64_t{1} << 63));
  y = DoubleFromBits(DoubleBits(y) & ~(uint64_t{1} << 63));
  if (x < y) {
    double t = x;
    x = y;
    y = t;
  }
  // The common case (abs of any complex a program is likely to meet): the
  // larger part within 2**+-450, so that no square overflows, and a square
  // of the smaller part that underflows is far below the larger's last
  // bit. (A NaN or infinite larger part is outside; a NaN smaller part
  // gives NaN, as it should.)
  int biased_exponent = static_cast<int>(DoubleBits(x) >> 52);
  if (biased_exponent >= 1023 - 450 && biased_exponent <= 1023 + 450)
    return SqrtOfDD(Add(TwoSquare(x), TwoSquare(y)));
  if (FloatIsInf(x) || FloatIsInf(y)) return __builtin_inf();
  if (FloatIsNan(x) || FloatIsNan(y)) return x + y;
  if (x == 0) return 0;
  // sqrt(x**2 + y**2) with the squares in double-double, scaled by 2**-e
  // (x = f * 2**e, f in [0.5, 1)) to avoid overflow and underflow.
  int e;
  double down, up;  // 2**-e and 2**e
  if (biased_exponent >= 1 && biased_exponent <= 2044) {
    // Both powers are normal doubles: multiplying by them is what
    // FloatLdexp does, without the frexp.
    e = biased_exponent - 1022;
    down = DoubleFromBits(static_cast<uint64_t>(1023 - e) << 52);
    up = DoubleFromBits(static_cast<uint64_t>(1023 + e) << 52);
  } else {
    FloatFrexp(x, &e);
    down = up = 0;
  }
  double sx = up != 0 ? x * down : FloatLdexp(x, -e);
  double sy = up != 0 ? y * down : FloatLdexp(y, -e);
  double root = SqrtOfDD(Add(TwoSquare(sx), TwoSquare(sy)));
  return up != 0 ? root * up : FloatLdexp(root, e);
}

// --- float objects ------------------------------------------------------------------

bool IsFloat(Value v) { return IsObject(v) && IsSubclass(TypeOf(v), &kFloatType); }

namespace {

Float FloatOf(Value v) { return ObjectPointer<FloatObject>(NativeValue(v))->value; }

}  // namespace

namespace {
[[noreturn]] void RaiseCannotConvertToFloat(Value v) {
  const char* parts[] = {"can't convert ", TypeNameOf(v), " to float"};
  RaiseJoined(&kTypeErrorType, parts, 3);
}
}  // namespace

Float FloatValue(Value v) {
  if (IsFloat(v)) return FloatOf(v);
  if (IsInt(v)) return IntToFloat(v);
  RaiseCannotConvertToFloat(v);
}

Float ConvertToFloat(Value v) {
  Float f;
  if (!TryFloatValue(v, &f)) RaiseCannotConvertToFloat(v);
  return f;
}

bool TryFloatValue(Value v, Float* out) {
  if (IsFloat(v)) {
    *out = FloatOf(v);
    return true;
  }
  if (IsInt(v)) {
    *out = IntToFloat(v);
    return true;
  }
  if (IsStr(v) || !IsObject(v)) return false;
  Value result = CallMethodIfAny(v, Q___float__);
  if (result == kNull) return false;
  if (!IsFloat(result)) RaiseTypeError("__float__ returned non-float");
  *out = FloatOf(result);
  return true;
}

Value FloatToInt(Float f) { return IntFromFloat(f); }

Float FloatFloorDivide(Float a, Float b) {
  if (b == 0) RaiseZeroDivisionError("divide by zero");
  Float mod = static_cast<Float>(FloatFmod(a, b));
  Float div = (a - mod) / b;
  if (mod != 0) {
    if ((b < 0) != (mod < 0)) div -= 1;
  }
  if (div != 0) {
    Float floored = static_cast<Float>(FloatFloor(div));
    if (div - floored > Float(0.5)) floored += 1;
    return floored;
  }
  return static_cast<Float>(FloatCopySign(0.0, a / b));
}

Float FloatModulo(Float a, Float b) {
  if (b == 0) RaiseZeroDivisionError("divide by zero");
  Float mod = static_cast<Float>(FloatFmod(a, b));
  if (mod != 0) {
    if ((b < 0) != (mod < 0)) mod += b;
  } else {
    mod = static_cast<Float>(FloatCopySign(0.0, b));
  }
  return mod;
}

namespace {

// -1, 0, 1 as int n <, ==, > float f; 2 when unordered (f is nan).
int CompareIntFloat(Value n, Float f) {
  if (FloatIsNan(f)) return 2;
  if (FloatIsInf(f)) return f > 0 ? -1 : 1;
  SignedWord w;
  bool small = IsSmallInt(n) || n == kTrue || n == kFalse || IntFitsWord(NativeValue(n), &w);
  if (small) {
    w = IsSmallInt(n) ? SmallIntValue(n) : n == kTrue ? 1 : n == kFalse ? 0 : w;
    // Exact: compare with floor(f) as a word, then with the fraction.
    constexpr double kLimit = static_cast<double>(static_cast<Word>(1) << (sizeof(Word) * 8 - 2)) * 2;
    if (static_cast<double>(f) >= kLimit) return -1;
    if (static_cast<double>(f) < -kLimit) return 1;
    double floored = FloatFloor(f);
    SignedWord fw = static_cast<SignedWord>(floored);
    if (w < fw) return -1;
    if (w > fw) return 1;
    return floored == static_cast<double>(f) ? 0 : -1;
  }
  // A big int against a finite float: exactly, against floor(f) as an int.
  double floored = FloatFloor(f);
  Value fi = FloatToInt(static_cast<Float>(floored));
  if (ApplyBinaryOp(BinaryOp::kLess, n, fi) == kTrue) return -1;
  if (ApplyBinaryOp(BinaryOp::kMore, n, fi) == kTrue) return 1;
  return floored == static_cast<double>(f) ? 0 : -1;
}

}  // namespace

SignedWord HashFloat(Float f) {
  if (FloatIsNan(f)) return 0;
  if (FloatIsInf(f)) return f > 0 ? 314159 : -314159;
  if (FloatTrunc(f) == f) {
    // Equal to an int: hash like it.
    constexpr double kLimit = static_cast<double>(kSmallIntMax / 2 + 1);
    if (f < kLimit && f > -kLimit) return static_cast<SignedWord>(f);
    return Hash(FloatToInt(f));
  }
  uint64_t bits = DoubleBits(f);
  Word mixed = static_cast<Word>(bits ^ (bits >> 29) ^ (bits >> 47));
  return static_cast<SignedWord>(mixed) >> 2;  // within the small int range
}

Value FloatPower(Float a, Float b) {
  // (0.0 ** -inf is inf, as C's pow and CPython have it.)
  if (a == 0 && b < 0 && FloatIsFinite(b)) RaiseZeroDivisionError("0.0 to a negative power");
  if (a < 0 && FloatIsFinite(b) && FloatTrunc(b) != b && FloatIsFinite(a))
    return ComplexPower(a, 0, b, 0);  // as CPython: a complex result
  return NewFloat(static_cast<Float>(FloatPow(a, b)));
}

namespace {

Value Compared(BinaryOp op, int c) {  // c: -1, 0, 1, or 2 for unordered
  switch (op) {
    case BinaryOp::kLess: return FromBool(c == -1);
    case BinaryOp::kMore: return FromBool(c == 1);
    case BinaryOp::kEqual: return FromBool(c == 0);
    case BinaryOp::kLessEqual: return FromBool(c == -1 || c == 0);
    case BinaryOp::kMoreEqual: return FromBool(c == 1 || c == 0);
    case BinaryOp::kNotEqual: return FromBool(c != 0);
    default: return kNull;
  }
}

int CompareFloats(Float a, Float b) {
  if (a < b) return -1;
  if (a > b) return 1;
  if (a == b) return 0;
  return 2;
}

Value FloatBinaryOp(BinaryOp op, Value lhs, Value rhs) {
  Float a = FloatOf(lhs);
  Float b;
  if (op <= BinaryOp::kNotEqual) {  // the comparisons
    if (IsFloat(rhs)) return Compared(op, CompareFloats(a, FloatOf(rhs)));
    if (IsInt(rhs)) {
      int c = CompareIntFloat(rhs, a);  // int vs float: turn around
      return Compared(op, c == 2 ? 2 : -c);
    }
    return kNull;
  }
  if (IsFloat(rhs)) b = FloatOf(rhs);
  else if (IsInt(rhs)) b = IntToFloat(rhs);
  else return kNull;
  op = NonInplaceOp(op);
  if (op >= BinaryOp::kReverseOr && op <= BinaryOp::kReversePower) {
    Float t = a;
    a = b;
    b = t;
    op = static_cast<BinaryOp>(static_cast<unsigned>(op) - static_cast<unsigned>(BinaryOp::kReverseOr) +
                               static_cast<unsigned>(BinaryOp::kOr));
  }
  switch (op) {
    case BinaryOp::kAdd: return NewFloat(a + b);
    case BinaryOp::kSubtract: return NewFloat(a - b);
    case BinaryOp::kMultiply: return NewFloat(a * b);
    case BinaryOp::kTrueDivide:
      if (b == 0) RaiseZeroDivisionError("divide by zero");
      return NewFloat(a / b);
    case BinaryOp::kFloorDivide: return NewFloat(FloatFloorDivide(a, b));
    case BinaryOp::kModulo: return NewFloat(FloatModulo(a, b));
    case BinaryOp::kDivMod: {
      Value items[2] = {NewFloat(FloatFloorDivide(a, b)), kNull};
      items[1] = NewFloat(FloatModulo(a, b));
      return NewTuple(2, items);
    }
    case BinaryOp::kPower: return FloatPower(a, b);
    default: return kNull;
  }
}

Value FloatUnaryOp(UnaryOp op, Value self) {
  Float f = FloatOf(self);
  switch (op) {
    case UnaryOp::kBool: return FromBool(f != 0);
    case UnaryOp::kPositive: return HasExactType(self, &kFloatType) ? self : NewFloat(f);
    case UnaryOp::kNegative: return NewFloat(-f);
    case UnaryOp::kAbs: return NewFloat(static_cast<Float>(FloatCopySign(f, 1.0)));
    case UnaryOp::kHash: return NewInt(HashFloat(f));
    case UnaryOp::kIntMaybe: return FloatToInt(f);
    case UnaryOp::kFloatMaybe: return HasExactType(self, &kFloatType) ? self : NewFloat(f);
    default: return kNull;
  }
}

void FloatPrint(const Printer& out, Value self, PrintKind) { PrintFloat(out, FloatOf(self)); }

Value FloatMakeNew(const Type*, size_t n_args, size_t n_kw, const Value* args) {
  CheckArgCount(n_args, n_kw, 0, 1, Q_float);
  if (n_args == 0) return NewFloat(0);
  Value x = args[0];
  if (HasExactType(x, &kFloatType)) return x;
  if (IsStr(x)) {
    size_t length;
    const char* text = StrBytes(x, &length);
    return ParseFloat(text, length);
  }
  BufferInfo buffer;  // any buffer, as MicroPython takes it (bytes, bytearray, memoryview, array)
  if (TryGetBuffer(x, &buffer, false)) return ParseFloat(static_cast<const char*>(buffer.data), buffer.length);
  return NewFloat(ConvertToFloat(x));
}

Value FloatAttr(Value self, Qstr name, AttrOp op, Value) {
  if (op != AttrOp::kLoad) return kNull;
  if (name == Q_real) return NewFloat(FloatOf(self));
  if (name == Q_imag) return NewFloat(0);
  return kNull;
}

Value FloatConjugate(Value self) { return NewFloat(FloatOf(self)); }

Value FloatIsInteger(Value self) {
  Float f = FloatOf(self);
  return FromBool(FloatIsFinite(f) && FloatTrunc(f) == f);
}

Value FloatAsIntegerRatio(Value self) {
  Float f = FloatOf(self);
  if (FloatIsNan(f)) RaiseValueError("cannot convert NaN to integer ratio");
  if (FloatIsInf(f)) RaiseOverflowError("cannot convert Infinity to integer ratio");
  Value items[2] = {kNull, FromSmallInt(1)};
  if (f == 0) {
    items[0] = FromSmallInt(0);
    return NewTuple(2, items);
  }
  int e;
  double fraction = FloatFrexp(f, &e);
  double m = FloatLdexp(fraction, 53);
  e -= 53;
  while (FloatFmod(m, 2.0) == 0) {
    m *= 0.5;
    ++e;
  }
  items[0] = NewIntFromLongLong(static_cast<long long>(m));
  if (e > 0) items[0] = ApplyBinaryOp(BinaryOp::kLshift, items[0], NewInt(e));
  else if (e < 0) items[1] = ApplyBinaryOp(BinaryOp::kLshift, FromSmallInt(1), NewInt(-e));
  return NewTuple(2, items);
}

// float.hex(): '0x1.8000000000000p+0' (CPython's layout for doubles).
Value FloatHex(Value self) {
  double f = FloatOf(self);
  StringBuilder text;
  if (FloatIsNan(f)) return NewStrFromCString("nan");
  if (FloatIsInf(f)) return NewStrFromCString(f > 0 ? "inf" : "-inf");
  if ((DoubleBits(f) >> 63) != 0) text.Append('-');
  if (f == 0) {
    text.AppendCString("0x0.0p+0");
    return text.ToStr();
  }
  int e;
  double fraction = FloatFrexp(f < 0 ? -f : f, &e);  // [0.5, 1)
  // CPython: the leading digit is 1 for normal numbers; subnormals keep
  // the minimum exponent -1022 with a leading 0.
  int exponent = e - 1;
  uint64_t m = static_cast<uint64_t>(FloatLdexp(fraction, 53));  // 53 bits
  if (exponent < -1022) {
    m >>= (-1022 - exponent);
    exponent = -1022;
  }
  text.AppendCString("0x");
  text.Append(static_cast<char>('0' + (m >> 52)));
  text.Append('.');
  for (int shift = 48; shift >= 0; shift -= 4) text.Append("0123456789abcdef"[(m >> shift) & 15]);
  text.Append('p');
  text.Append(exponent < 0 ? '-' : '+');
  char digits[8];
  int n = 0;
  unsigned magnitude = static_cast<unsigned>(exponent < 0 ? -exponent : exponent);
  do {
    digits[n++] = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude);
  while (n > 0) text.Append(digits[--n]);
  return text.ToStr();
}

constexpr BuiltinFunction kFloatAsIntegerRatioFn(Q_as_integer_ratio, FloatAsIntegerRatio);
constexpr BuiltinFunction kFloatConjugateFn(Q_conjugate, FloatConjugate);
constexpr BuiltinFunction kFloatHexFn(Q_hex, FloatHex);
constexpr BuiltinFunction kFloatIsIntegerFn(Q_is_integer, FloatIsInteger);

TAIPAN_CONST_MAP(kFloatMethods,
                 {Q_as_integer_ratio, &kFloatAsIntegerRatioFn},
                 {Q_conjugate, &kFloatConjugateFn},
                 {Q_hex, &kFloatHexFn},
                 {Q_is_integer, &kFloatIsIntegerFn});

}  // namespace

Value FloatRound(Value x, Value ndigits) {
  Float f = FloatValue(x);
  if (ndigits == kNull || ndigits == kNone) {
    double floored = FloatFloor(f);
    double diff = f - floored;
    if (diff > 0.5 || (diff == 0.5 && FloatFmod(floored, 2.0) != 0)) floored += 1;
    return FloatToInt(static_cast<Float>(floored));
  }
  SignedWord n = IndexValue(ndigits);
  if (!FloatIsFinite(f) || f == 0) return NewFloat(f);
  if (n > 400) return NewFloat(f);
  if (n < -400) return NewFloat(static_cast<Float>(FloatCopySign(0.0, f)));
  // Round the exact decimal value half to even (dtoa mode 3), read it back.
  StringBuilder text;
  text.AppendCString("0.");
  int decpt;
  size_t count = FloatDigits(f < 0 ? -f : f, 3, static_cast<int>(n), text, &decpt);
  if (count == 0) return NewFloat(static_cast<Float>(FloatCopySign(0.0, f)));
  text.Append('e');
  PrintSignedWord(text.AsPrinter(), decpt);
  Float rounded;
  ParseFloatText(text.data, text.length, &rounded);
  if (FloatIsInf(rounded)) RaiseOverflowError("rounded value too large to represent");
  return NewFloat(f < 0 ? -rounded : rounded);
}

const Type kFloatType = {
    .base = {&kTypeType},
    .flags = kTypeBaseAllowed,
    .name = Q_float,
    .make_new = FloatMakeNew,
    .print = FloatPrint,
    .unary_op = FloatUnaryOp,
    .binary_op = FloatBinaryOp,
    .attr = FloatAttr,
    .base_type = &kObjectType,
    .methods = &kFloatMethods,
};

// The name natively compiled code compares type words with (native_abi.def);
// an alias can only be defined next to the object it names.
extern "C" [[gnu::alias("_ZN6taipan2rt10kFloatTypeE")]] const Type taipan_native_type_float;

}  // namespace taipan::rt
