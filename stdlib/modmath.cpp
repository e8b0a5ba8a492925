// The math module, as MicroPython's: every function computes in double
// (float.h's freestanding helpers, no libm) and rounds to Float once.
//
// Errors follow MicroPython rather than CPython: a function of one or two
// floats raises ValueError "math domain error" whenever it turns a non-nan
// argument into nan or a finite one into inf (so exp(1000) is a ValueError,
// not CPython's OverflowError). ceil/floor/trunc return ints.
//
// The special functions (erf, gamma, ...) use short series, a continued
// fraction and Lanczos' fit: a few ulp mostly, within 4e-14 relative where
// they cancel (erfc between 0.5 and 2, lgamma near its zeros 1 and 2).
#include "runtime/float.h"
#include "runtime/native_abi.h"
#include "runtime/int.h"
#include "runtime/runtime.h"
#include "runtime/tuple.h"

// The special functions (expm1, log2, log10, the hyperbolic ones, erf, erfc,
// gamma, lgamma) and factorial and isclose cost about 8 KB of software
// double arithmetic on the ESP8266, which leaves them out as MicroPython's
// port does.
#ifndef TAIPAN_MATH_SPECIAL_FUNCTIONS
#if defined(TAIPAN_XTENSA_CALL0)
#define TAIPAN_MATH_SPECIAL_FUNCTIONS 0
#else
#define TAIPAN_MATH_SPECIAL_FUNCTIONS 1
#endif
#endif

namespace taipan::rt {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kE = 2.71828182845904523536;
constexpr double kLn2 = 0.69314718055994530942;
constexpr double kLn10 = 2.30258509299404568402;
constexpr double kSqrtPi = 1.77245385090551602730;
constexpr double kSqrt2Pi = 2.50662827463100050242;
constexpr double kHalfLog2Pi = 0.91893853320467274178;  // log(2 pi) / 2
constexpr double kInf = __builtin_inf();

// float(x) for math's arguments: int, bool, float or anything with __float__.
Float ArgFloat(Value x) {
  Float f;
  if (TryFloatValue(x, &f)) return f;
  return FloatValue(x);  // raises the TypeError
}

[[noreturn]] void RaiseDomainError() { RaiseValueError("math domain error"); }

double Fabs(double x) { return FloatCopySign(x, 1.0); }

// --- Elementary functions -----------------------------------------------------------

double Tan(double x) { return FloatSin(x) / FloatCos(x); }

double Asin(double x) {
  if (Fabs(x) > 1) return __builtin_nan("");
  return FloatAtan2(x, FloatSqrt((1 - x) * (1 + x)));
}

double Acos(double x) {
  if (Fabs(x) > 1) return __builtin_nan("");
  return FloatAtan2(FloatSqrt((1 - x) * (1 + x)), x);
}

double Atan(double x) { return FloatAtan2(x, 1.0); }

// --- Special functions --------------------------------------------------------------

#if TAIPAN_MATH_SPECIAL_FUNCTIONS

// log(1 + x) without losing x's low bits: log(u) * x / (u - 1) cancels the
// rounding of u = 1 + x (Goldberg's trick).
double Log1p(double x) {
  double u = 1.0 + x;
  if (u == 1.0) return x;
  double l = FloatLog(u);
  if (FloatIsInf(u)) return l;
  return l * (x / (u - 1.0));
}

// exp(x) - 1: the Taylor series where the subtraction would cancel.
double Expm1(double x) {
  if (!(Fabs(x) < 0.5)) return FloatExp(x) - 1.0;
  double term = x, sum = x;
  for (int n = 2; n < 40; ++n) {
    term *= x / n;
    double next = sum + term;
    if (next == sum) break;
    sum = next;
  }
  return sum;
}

// log2 and log10 exact for exact powers of their base, as CPython's.
double Log2(double x) {
  if (!(x > 0) || FloatIsInf(x)) return FloatLog(x);
  int e;
  double m = FloatFrexp(x, &e);
  if (m < 0.70710678118654752440) {
    m *= 2;
    --e;
  }
  return e + FloatLog(m) * (1 / kLn2);
}

double Log10(double x) {
  double r = FloatLog(x) / kLn10;
  if (FloatIsFinite(r)) {
    double n = FloatFloor(r + 0.5);
    if (Fabs(r - n) < 1e-9 && FloatPow(10.0, n) == x) return n;
  }
  return r;
}

// exp(|x|) / 2 without overflowing where the result still fits.
double HalfExp(double ax) {
  if (ax < 709) return 0.5 * FloatExp(ax);
  double e = FloatExp(0.5 * ax);
  return (0.5 * e) * e;
}

double Sinh(double x) {
  double ax = Fabs(x), r;
  if (ax < 1) {
    double t = Expm1(ax);
    r = 0.5 * (t + t / (t + 1));
  } else {
    r = HalfExp(ax);
    if (ax < 30) r -= 0.25 / r;
  }
  return FloatCopySign(r, x);
}

double Cosh(double x) {
  double ax = Fabs(x);
  if (ax < 1) {
    double t = Expm1(ax);
    return 1 + (t * t) / (2 * (1 + t));
  }
  double r = HalfExp(ax);
  return ax < 30 ? r + 0.25 / r : r;
}

double Tanh(double x) {
  double ax = Fabs(x), r = 1;
  if (!(ax > 22)) {
    double t = Expm1(2 * ax);
    r = t / (t + 2);
  }
  return FloatCopySign(r, x);
}

double Asinh(double x) {
  double ax = Fabs(x), r;
  if (ax > 0x1p28) r = FloatLog(ax) + kLn2;
  else if (ax > 2) r = FloatLog(2 * ax + 1 / (FloatSqrt(ax * ax + 1) + ax));
  else r = Log1p(ax + ax * ax / (1 + FloatSqrt(1 + ax * ax)));
  return FloatCopySign(r, x);
}

double Acosh(double x) {
  if (x < 1) return __builtin_nan("");
  if (x > 0x1p28) return FloatLog(x) + kLn2;
  if (x > 2) return FloatLog(2 * x - 1 / (x + FloatSqrt(x * x - 1)));
  double t = x - 1;
  return Log1p(t + FloatSqrt(2 * t + t * t));
}

double Atanh(double x) {
  double ax = Fabs(x);
  if (ax > 1) return __builtin_nan("");
  return FloatCopySign(0.5 * Log1p(2 * ax / (1 - ax)), x);
}

// erf(x) for 0 <= x < 2 by exp(-x^2) * sum 2^n x^(2n+1) / (1*3*...*(2n+1)):
// all terms positive, so nothing cancels.
double ErfSeries(double x) {
  double x2 = x * x, term = x, sum = x;
  for (int n = 1; n < 100; ++n) {
    term *= 2 * x2 / (2 * n + 1);
    sum += term;
    if (term <= sum * 1e-17) break;
  }
  return (2 / kSqrtPi) * FloatExp(-x2) * sum;
}

// exp(-x*x) without the rounding error of x*x, which exp would magnify:
// x*x = hi + lo exactly (Dekker's product) and exp(-lo) ~ 1 - lo.
double ExpMinusSquare(double x) {
  double hi = x * x;
  if (!FloatIsFinite(hi)) return FloatExp(-hi);
  double split = x * 134217729.0;  // 2**27 + 1
  double xh = split - (split - x), xl = x - xh;
  double lo = ((xh * xh - hi) + 2 * xh * xl) + xl * xl;
  return FloatExp(-hi) * (1 - lo);
}

// erfc(x) for x >= 2 by Laplace's continued fraction
// exp(-x^2) / sqrt(pi) / (x + (1/2) / (x + (2/2) / (x + (3/2) / ...))).
double ErfcFraction(double x) {
  double f = x;
  for (int k = 60; k >= 1; --k) f = x + (k * 0.5) / f;
  return ExpMinusSquare(x) / (f * kSqrtPi);
}

double Erf(double x) {
  double ax = Fabs(x);
  double r = ax < 2 ? ErfSeries(ax) : 1 - ErfcFraction(ax);
  return FloatIsNan(x) ? x : FloatCopySign(r, x);
}

double Erfc(double x) {
  if (FloatIsNan(x)) return x;
  double ax = Fabs(x);
  if (ax < 2) return 1 - FloatCopySign(ErfSeries(ax), x);
  double c = ErfcFraction(ax);
  return x < 0 ? 2 - c : c;
}

// sin(pi x), exact at the integers and accurate near them.
double SinPi(double x) {
  double r = FloatFmod(x, 2.0);  // exact
  if (r < 0) r += 2;
  double sign = 1;
  if (r >= 1) {
    r -= 1;
    sign = -1;
  }
  if (r > 0.5) r = 1 - r;
  return sign * FloatSin(kPi * r);
}

bool IsNonPositiveInteger(double x) { return x <= 0 && FloatFloor(x) == x; }

// Lanczos' approximation (g = 7, 9 terms) for x >= 0.5.
constexpr double kLanczos[] = {0.99999999999980993,  676.5203681218851,     -1259.1392167224028,
                               771.32342877765313,   -176.61502916214059,   12.507343278686905,
                               -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};

double Gamma(double x) {
  if (FloatIsNan(x) || x == kInf) return x;
  if (x == -kInf || IsNonPositiveInteger(x)) return __builtin_nan("");
  if (x < 0.5) return kPi / (SinPi(x) * Gamma(1 - x));
  if (x > 171.7) return kInf;
  if (FloatFloor(x) == x && x <= 23) {  // (x-1)! exactly
    double product = 1;
    for (double k = 2; k < x; ++k) product *= k;
    return product;
  }
  // Down to [4, 5) by gamma(x) = (x-1) gamma(x-1): this Lanczos fit loses
  // accuracy as x grows (hundreds of ulp near 150), a product only a few.
  double product = 1;
  while (x >= 5) {
    x -= 1;
    product *= x;
  }
  x -= 1;
  double sum = kLanczos[0];
  for (int i = 1; i < 9; ++i) sum += kLanczos[i] / (x + i);
  double t = x + 7.5;
  return kSqrt2Pi * sum * FloatPow(t, x + 0.5) * FloatExp(-t) * product;
}

double LogGamma(double x) {
  if (!FloatIsFinite(x)) return x * x;  // nan stays nan, +-inf becomes inf
  if (IsNonPositiveInteger(x)) return kInf;
  if (x < 0.5) return FloatLog(kPi) - FloatLog(Fabs(SinPi(x))) - LogGamma(1 - x);
  if (x < 15) return FloatLog(Gamma(x));
  // Stirling's series.
  double r = 1 / x, r2 = r * r;
  double series = r * (1.0 / 12 - r2 * (1.0 / 360 - r2 * (1.0 / 1260 - r2 * (1.0 / 1680 - r2 / 1188))));
  return (x - 0.5) * FloatLog(x) - x + kHalfLog2Pi + series;
}

#endif  // TAIPAN_MATH_SPECIAL_FUNCTIONS

// --- Python functions ---------------------------------------------------------------

using Unary = double (*)(double);
using BinaryFn = double (*)(double, double);
using Predicate = bool (*)(double);

// f(x), or the domain error when f made a NaN or an infinity of a finite x.
Float Checked1(Unary f, Float x) {
  Float r = static_cast<Float>(f(x));
  if ((FloatIsNan(r) && !FloatIsNan(x)) || (FloatIsInf(r) && !FloatIsInf(x))) RaiseDomainError();
  return r;
}

Value Apply1(Value x_value, Unary f) { return NewFloat(Checked1(f, ArgFloat(x_value))); }

Value Apply2(Value x_value, Value y_value, BinaryFn f) {
  Float x = ArgFloat(x_value), y = ArgFloat(y_value);
  Float r = static_cast<Float>(f(x, y));
  if ((FloatIsNan(r) && !FloatIsNan(x) && !FloatIsNan(y)) ||
      (FloatIsInf(r) && !FloatIsInf(x) && !FloatIsInf(y)))
    RaiseDomainError();
  return NewFloat(r);
}

// One small entry per Python function, sharing Apply1/Apply2.
template <Unary F>
Value Math1(Value x) {
  return Apply1(x, F);
}
template <BinaryFn F>
Value Math2(Value x, Value y) {
  return Apply2(x, y, F);
}
template <Unary F>
Value MathToInt(Value x) {
  return FloatToInt(static_cast<Float>(F(ArgFloat(x))));
}
template <Predicate F>
Value MathTest(Value x) {
  return FromBool(F(ArgFloat(x)));
}

// log(x[, base])
Value Log(size_t n_args, const Value* args) {
  Float x = ArgFloat(args[0]);
  if (x <= 0) RaiseDomainError();
  double l = FloatLog(x);
  if (n_args == 2) {
    Float base = ArgFloat(args[1]);
    if (base <= 0) RaiseDomainError();
    if (base == 1) RaiseZeroDivisionError("divide by zero");
    l /= FloatLog(base);
  }
  return NewFloat(static_cast<Float>(l));
}

Value Ldexp(Value x, Value exponent) {
  SignedWord e = IntToWord(exponent);
  // Beyond +-2200 every finite non-zero x over- or underflows anyway.
  if (e > 2200) e = 2200;
  if (e < -2200) e = -2200;
  return NewFloat(static_cast<Float>(FloatLdexp(ArgFloat(x), static_cast<int>(e))));
}

Value FloatPair(double a, Value b) {
  Value items[2] = {NewFloat(static_cast<Float>(a)), b};
  return NewTuple(2, items);
}

Value Frexp(Value x) {
  int e;
  double m = FloatFrexp(ArgFloat(x), &e);
  return FloatPair(m, NewInt(e));
}

// modf(x): (fraction, integral part), both with x's sign.
Value Modf(Value x_value) {
  Float x = ArgFloat(x_value);
  double whole = FloatTrunc(x);
  double fraction = FloatIsInf(x) ? 0.0 : x - whole;
  return FloatPair(FloatCopySign(fraction, x), NewFloat(static_cast<Float>(whole)));
}

Value Radians(Value x) { return NewFloat(static_cast<Float>(ArgFloat(x) * (kPi / 180))); }
Value Degrees(Value x) { return NewFloat(static_cast<Float>(ArgFloat(x) * (180 / kPi))); }

#if TAIPAN_MATH_SPECIAL_FUNCTIONS
// isclose(a, b, *, rel_tol=1e-09, abs_tol=0)
Value IsClose(size_t n_args, const Value* args, size_t n_kw, const Value* kw) {
  static constexpr ArgSpec kSpecs[] = {{Q_rel_tol, false, kNull}, {Q_abs_tol, false, FromSmallInt(0)}};
  Value tolerances[2];
  ParseArgs(n_args - 2, args + 2, n_kw, kw, kSpecs, 2, 0, tolerances);
  Float a = ArgFloat(args[0]), b = ArgFloat(args[1]);
  Float rel_tol = tolerances[0] == kNull ? static_cast<Float>(1e-9) : ArgFloat(tolerances[0]);
  Float abs_tol = ArgFloat(tolerances[1]);
  if (rel_tol < 0 || abs_tol < 0) RaiseDomainError();
  if (a == b) return kTrue;
  double difference = Fabs(static_cast<double>(a) - b);
  if (FloatIsInf(difference)) return kFalse;
  return FromBool(difference <= abs_tol || difference <= Fabs(rel_tol * a) || difference <= Fabs(rel_tol * b));
}

// factorial(n): the product of machine-word chunks, multiplied as ints only
// when a chunk is full.
Value Factorial(Value n_value) {
  SignedWord n = IntToWord(n_value);
  if (n < 0) RaiseValueError("negative factorial");
  constexpr Word kChunkLimit = Word{1} << (sizeof(Word) * 4);
  Value result = FromSmallInt(1);
  Word chunk = 1;
  for (Word i = 2; i <= static_cast<Word>(n); ++i) {
    if (chunk >= kChunkLimit || i >= kChunkLimit) {
      result = ApplyBinaryOp(BinaryOp::kMultiply, result, NewIntFromUnsigned(chunk));
      chunk = 1;
    }
    chunk *= i;
  }
  return ApplyBinaryOp(BinaryOp::kMultiply, result, NewIntFromUnsigned(chunk));
}
#endif

constexpr FloatObject kEObject = {{&kFloatType}, static_cast<Float>(kE)};
constexpr FloatObject kInfObject = {{&kFloatType}, static_cast<Float>(kInf)};
constexpr FloatObject kNanObject = {{&kFloatType}, static_cast<Float>(__builtin_nan(""))};
constexpr FloatObject kPiObject = {{&kFloatType}, static_cast<Float>(kPi)};
constexpr FloatObject kTauObject = {{&kFloatType}, static_cast<Float>(2 * kPi)};

constexpr BuiltinFunction kAcosFn(Q_acos, Math1<Acos>);
constexpr BuiltinFunction kAsinFn(Q_asin, Math1<Asin>);
constexpr BuiltinFunction kAtanFn(Q_atan, Math1<Atan>);
constexpr BuiltinFunction kAtan2Fn(Q_atan2, Math2<FloatAtan2>);
constexpr BuiltinFunction kCeilFn(Q_ceil, MathToInt<FloatCeil>);
constexpr BuiltinFunction kCopysignFn(Q_copysign, Math2<FloatCopySign>);
constexpr BuiltinFunction kCosFn(Q_cos, Math1<FloatCos>);
constexpr BuiltinFunction kDegreesFn(Q_degrees, Degrees);
constexpr BuiltinFunction kExpFn(Q_exp, Math1<FloatExp>);
constexpr BuiltinFunction kFabsFn(Q_fabs, Math1<Fabs>);
constexpr BuiltinFunction kFloorFn(Q_floor, MathToInt<FloatFloor>);
constexpr BuiltinFunction kFmodFn(Q_fmod, Math2<FloatFmod>);
constexpr BuiltinFunction kFrexpFn(Q_frexp, Frexp);
constexpr BuiltinFunction kIsFiniteFn(Q_isfinite, MathTest<FloatIsFinite>);
constexpr BuiltinFunction kIsInfFn(Q_isinf, MathTest<FloatIsInf>);
constexpr BuiltinFunction kIsNanFn(Q_isnan, MathTest<FloatIsNan>);
constexpr BuiltinFunction kLdexpFn(Q_ldexp, Ldexp);
constexpr BuiltinFunction kLogFn(Q_log, 1, 2, Log);
constexpr BuiltinFunction kModfFn(Q_modf, Modf);
constexpr BuiltinFunction kPowFn(Q_pow, Math2<FloatPow>);
constexpr BuiltinFunction kRadiansFn(Q_radians, Radians);
constexpr BuiltinFunction kSinFn(Q_sin, Math1<FloatSin>);
constexpr BuiltinFunction kSqrtFn(Q_sqrt, Math1<FloatSqrt>);
constexpr BuiltinFunction kTanFn(Q_tan, Math1<Tan>);
constexpr BuiltinFunction kTruncFn(Q_trunc, MathToInt<FloatTrunc>);

#if TAIPAN_MATH_SPECIAL_FUNCTIONS
constexpr BuiltinFunction kAcoshFn(Q_acosh, Math1<Acosh>);
constexpr BuiltinFunction kAsinhFn(Q_asinh, Math1<Asinh>);
constexpr BuiltinFunction kAtanhFn(Q_atanh, Math1<Atanh>);
constexpr BuiltinFunction kCoshFn(Q_cosh, Math1<Cosh>);
constexpr BuiltinFunction kErfFn(Q_erf, Math1<Erf>);
constexpr BuiltinFunction kErfcFn(Q_erfc, Math1<Erfc>);
constexpr BuiltinFunction kExpm1Fn(Q_expm1, Math1<Expm1>);
constexpr BuiltinFunction kFactorialFn(Q_factorial, Factorial);
constexpr BuiltinFunction kGammaFn(Q_gamma, Math1<Gamma>);
constexpr BuiltinFunction kIsCloseFn(Q_isclose, 2, 2, IsClose);
constexpr BuiltinFunction kLgammaFn(Q_lgamma, Math1<LogGamma>);
constexpr BuiltinFunction kLog10Fn(Q_log10, Math1<Log10>);
constexpr BuiltinFunction kLog2Fn(Q_log2, Math1<Log2>);
constexpr BuiltinFunction kSinhFn(Q_sinh, Math1<Sinh>);
constexpr BuiltinFunction kTanhFn(Q_tanh, Math1<Tanh>);
#endif

}  // namespace

// The special functions' entries, or nothing.
#if TAIPAN_MATH_SPECIAL_FUNCTIONS
#define MATH_SPECIAL_ENTRY(name, function) {name, function},
#else
#define MATH_SPECIAL_ENTRY(name, function)
#endif

TAIPAN_CONST_MAP(kMathModuleGlobals,
                 {Q___name__, ConstValue(FromQstr(Q_math))},
                 {Q_acos, &kAcosFn},
                 MATH_SPECIAL_ENTRY(Q_acosh, &kAcoshFn)
                 {Q_asin, &kAsinFn},
                 MATH_SPECIAL_ENTRY(Q_asinh, &kAsinhFn)
                 {Q_atan, &kAtanFn},
                 {Q_atan2, &kAtan2Fn},
                 MATH_SPECIAL_ENTRY(Q_atanh, &kAtanhFn)
                 {Q_ceil, &kCeilFn},
                 {Q_copysign, &kCopysignFn},
                 {Q_cos, &kCosFn},
                 MATH_SPECIAL_ENTRY(Q_cosh, &kCoshFn)
                 {Q_degrees, &kDegreesFn},
                 {Q_e, &kEObject},
                 MATH_SPECIAL_ENTRY(Q_erf, &kErfFn)
                 MATH_SPECIAL_ENTRY(Q_erfc, &kErfcFn)
                 {Q_exp, &kExpFn},
                 MATH_SPECIAL_ENTRY(Q_expm1, &kExpm1Fn)
                 {Q_fabs, &kFabsFn},
                 MATH_SPECIAL_ENTRY(Q_factorial, &kFactorialFn)
                 {Q_floor, &kFloorFn},
                 {Q_fmod, &kFmodFn},
                 {Q_frexp, &kFrexpFn},
                 MATH_SPECIAL_ENTRY(Q_gamma, &kGammaFn)
                 {Q_inf, &kInfObject},
                 MATH_SPECIAL_ENTRY(Q_isclose, &kIsCloseFn)
                 {Q_isfinite, &kIsFiniteFn},
                 {Q_isinf, &kIsInfFn},
                 {Q_isnan, &kIsNanFn},
                 {Q_ldexp, &kLdexpFn},
                 MATH_SPECIAL_ENTRY(Q_lgamma, &kLgammaFn)
                 {Q_log, &kLogFn},
                 MATH_SPECIAL_ENTRY(Q_log10, &kLog10Fn)
                 MATH_SPECIAL_ENTRY(Q_log2, &kLog2Fn)
                 {Q_modf, &kModfFn},
                 {Q_nan, &kNanObject},
                 {Q_pi, &kPiObject},
                 {Q_pow, &kPowFn},
                 {Q_radians, &kRadiansFn},
                 {Q_sin, &kSinFn},
                 MATH_SPECIAL_ENTRY(Q_sinh, &kSinhFn)
                 {Q_sqrt, &kSqrtFn},
                 {Q_tan, &kTanFn},
                 MATH_SPECIAL_ENTRY(Q_tanh, &kTanhFn)
                 {Q_tau, &kTauObject},
                 {Q_trunc, &kTruncFn});

#undef MATH_SPECIAL_ENTRY

// The helpers of math.call (runtime/math_unary.def) and sqrt.
namespace native_abi {
extern "C" F taipan_native_math_arg(V x) { return ArgFloat(x); }

extern "C" F taipan_native_math1(U which, F x) {
  enum : U {
#define MATH_UNARY(Id, name, implementation) k##Id,
#include "runtime/math_unary.def"
  };
  switch (which) {
#define MATH_UNARY(Id, name, implementation) \
  case k##Id:                                 \
    return Checked1(implementation, x);
#include "runtime/math_unary.def"
    default:
      RaiseValueError("math domain error");  // no such function: generated code never asks
  }
}
}  // namespace native_abi

}  // namespace taipan::rt
