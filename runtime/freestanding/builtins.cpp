// The compiler's helper functions ("builtins") for the microcontroller
// targets: what clang calls for operations the CPU lacks. Cortex-M0+ and the
// ESP8266 have no divide instruction and no FPU; Cortex-M3 has no FPU; the
// Cortex-M4F and ESP32 FPUs do single precision only. Debian ships no
// bare-metal compiler-rt, so the runtime brings its own:
//
//   - integer division and remainder, 32 and 64 bits; 64-bit multiply and
//     shifts; count leading/trailing zeros and population count;
//   - IEEE 754 single and double arithmetic (+ - * /), comparisons and
//     conversions, correctly rounded (round to nearest, ties to even), with
//     subnormals, infinities and NaNs;
//   - the ARM EABI names for all of them (__aeabi_*), which use the base
//     procedure call standard even on hard-float targets: every function
//     here takes and returns floating-point values as their bit patterns in
//     integer types, so its arguments are in core registers either way.
//
// Nothing here may be compiled into a call to itself: the file is built
// with -fno-builtin; divisions are shift-and-subtract loops (no / or %);
// 64-bit multiplication is built from 16-bit pieces; 64-bit shifts (which
// clang may turn into __aeabi_llsl & co. on Thumb-1) are implemented on
// 32-bit halves, so the soft-float code may use them freely.
//
// With TAIPAN_BUILTIN_PREFIX defined, every name gets that prefix and the ARM
// EABI part is left out: the host unit tests compile the file that way and
// compare each function against the host's own arithmetic.
#include <stdint.h>

#ifdef TAIPAN_BUILTIN_PREFIX
#define BUILTIN_JOIN2(a, b) a##b
#define BUILTIN_JOIN(a, b) BUILTIN_JOIN2(a, b)
#define BUILTIN(name) BUILTIN_JOIN(TAIPAN_BUILTIN_PREFIX, name)
#else
#define BUILTIN(name) name
#endif
#if !defined(TAIPAN_BUILTIN_PREFIX) && defined(__ARM_EABI__)
#define TAIPAN_BUILTIN_AEABI 1
#else
#define TAIPAN_BUILTIN_AEABI 0
#endif

namespace {

// --- 32-bit pieces -------------------------------------------------------------

struct Halves {
  uint32_t lo;
  uint32_t hi;
};

inline Halves Split(uint64_t x) { return {static_cast<uint32_t>(x), static_cast<uint32_t>(x >> 32)}; }
inline uint64_t Join(uint32_t hi, uint32_t lo) { return (static_cast<uint64_t>(hi) << 32) | lo; }

// a * b as 64 bits, from four 16x16 products (each fits 32 bits).
uint64_t Multiply32(uint32_t a, uint32_t b) {
  uint32_t a0 = a & 0xFFFF, a1 = a >> 16, b0 = b & 0xFFFF, b1 = b >> 16;
  uint32_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  uint32_t middle = (p00 >> 16) + (p01 & 0xFFFF) + (p10 & 0xFFFF);
  uint32_t lo = (p00 & 0xFFFF) | (middle << 16);
  uint32_t hi = p11 + (p01 >> 16) + (p10 >> 16) + (middle >> 16);
  return Join(hi, lo);
}

uint64_t ShiftLeft64(uint64_t x, unsigned n) {
  Halves h = Split(x);
  if (n == 0) return x;
  if (n >= 64) return 0;
  if (n >= 32) return Join(h.lo << (n - 32), 0);
  return Join((h.hi << n) | (h.lo >> (32 - n)), h.lo << n);
}

uint64_t ShiftRight64(uint64_t x, unsigned n) {
  Halves h = Split(x);
  if (n == 0) return x;
  if (n >= 64) return 0;
  if (n >= 32) return h.hi >> (n - 32);
  return Join(h.hi >> n, (h.lo >> n) | (h.hi << (32 - n)));
}

uint64_t ShiftRightArithmetic64(uint64_t x, unsigned n) {
  Halves h = Split(x);
  int32_t hi = static_cast<int32_t>(h.hi);
  if (n == 0) return x;
  if (n >= 64) n = 63;
  if (n >= 32) {
    int32_t fill = hi >> 31;
    return Join(static_cast<uint32_t>(fill), static_cast<uint32_t>(hi >> (n - 32)));
  }
  return Join(static_cast<uint32_t>(hi >> n), (h.lo >> n) | (h.hi << (32 - n)));
}

unsigned CountLeadingZeros32(uint32_t x) {
  if (x == 0) return 32;
  unsigned n = 0;
  if ((x & 0xFFFF0000u) == 0) n += 16, x <<= 16;
  if ((x & 0xFF000000u) == 0) n += 8, x <<= 8;
  if ((x & 0xF0000000u) == 0) n += 4, x <<= 4;
  if ((x & 0xC0000000u) == 0) n += 2, x <<= 2;
  if ((x & 0x80000000u) == 0) n += 1;
  return n;
}

unsigned CountLeadingZeros64(uint64_t x) {
  Halves h = Split(x);
  return h.hi ? CountLeadingZeros32(h.hi) : 32 + CountLeadingZeros32(h.lo);
}

// Restoring division, one quotient bit per step, starting at the divisor's
// highest useful alignment. Division by zero gives quotient 0, remainder n.
uint32_t DivideUnsigned32(uint32_t n, uint32_t d, uint32_t* remainder) {
  uint32_t q = 0;
  if (d != 0 && n >= d) {
    unsigned shift = CountLeadingZeros32(d) - CountLeadingZeros32(n);
    d <<= shift;
    for (;;) {
      q <<= 1;
      if (n >= d) {
        n -= d;
        q |= 1;
      }
      if (shift-- == 0) break;
      d >>= 1;
    }
  }
  *remainder = n;
  return q;
}

uint64_t DivideUnsigned64(uint64_t n, uint64_t d, uint64_t* remainder) {
  uint64_t q = 0;
  if (d != 0 && n >= d) {
    unsigned shift = CountLeadingZeros64(d) - CountLeadingZeros64(n);
    d = ShiftLeft64(d, shift);
    for (;;) {
      q = ShiftLeft64(q, 1);
      if (n >= d) {
        n -= d;
        q |= 1;
      }
      if (shift-- == 0) break;
      d = ShiftRight64(d, 1);
    }
  }
  *remainder = n;
  return q;
}

// C semantics: the quotient truncates toward zero, the remainder has the
// dividend's sign.
int32_t DivideSigned32(int32_t n, int32_t d, int32_t* remainder) {
  uint32_t un = n < 0 ? 0u - static_cast<uint32_t>(n) : static_cast<uint32_t>(n);
  uint32_t ud = d < 0 ? 0u - static_cast<uint32_t>(d) : static_cast<uint32_t>(d);
  uint32_t ur;
  uint32_t uq = DivideUnsigned32(un, ud, &ur);
  *remainder = static_cast<int32_t>(n < 0 ? 0u - ur : ur);
  return static_cast<int32_t>((n < 0) != (d < 0) ? 0u - uq : uq);
}

int64_t DivideSigned64(int64_t n, int64_t d, int64_t* remainder) {
  uint64_t un = n < 0 ? 0u - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
  uint64_t ud = d < 0 ? 0u - static_cast<uint64_t>(d) : static_cast<uint64_t>(d);
  uint64_t ur;
  uint64_t uq = DivideUnsigned64(un, ud, &ur);
  *remainder = static_cast<int64_t>(n < 0 ? 0u - ur : ur);
  return static_cast<int64_t>((n < 0) != (d < 0) ? 0u - uq : uq);
}

// --- Soft float ----------------------------------------------------------------
//
// A finite non-zero operand is unpacked to (biased exponent, significand)
// with the significand's leading 1 at bit kMant, or at kMant + 3 once three
// extra low bits (guard, round, sticky) are appended for rounding. The
// exponent of an unpacked subnormal may be 0 or negative.

template <typename B, int kMantBits, int kExpBits>
struct Soft {
  using Bits = B;
  static constexpr int kMant = kMantBits;
  static constexpr int kBias = (1 << (kExpBits - 1)) - 1;
  static constexpr int kExpMax = (1 << kExpBits) - 1;
  static constexpr Bits kSign = Bits(1) << (kMantBits + kExpBits);
  static constexpr Bits kImplicit = Bits(1) << kMantBits;
  static constexpr Bits kMantMask = kImplicit - 1;
  static constexpr Bits kInf = Bits(kExpMax) << kMantBits;
  static constexpr Bits kQuietNaN = kInf | (Bits(1) << (kMantBits - 1));
  static constexpr uint64_t kNormalTop = uint64_t(1) << (kMantBits + 3);  // leading bit with guard bits

  static bool IsNaN(Bits x) { return (x & ~kSign) > kInf; }
  static bool IsInf(Bits x) { return (x & ~kSign) == kInf; }
  static bool IsZero(Bits x) { return (x & ~kSign) == 0; }
  static Bits SignOf(Bits x) { return x & kSign; }

  // Finite, non-zero x: exponent and significand with the leading 1 at kMant.
  static void Unpack(Bits x, int* exp, uint64_t* sig) {
    int e = static_cast<int>((x >> kMantBits) & kExpMax);
    uint64_t m = x & kMantMask;
    if (e == 0) {
      e = 1;
      while (!(m & kImplicit)) {
        m = ShiftLeft64(m, 1);
        --e;
      }
    } else {
      m |= kImplicit;
    }
    *exp = e;
    *sig = m;
  }

  static uint64_t ShiftRightSticky(uint64_t x, int n) {
    if (n <= 0) return x;
    if (n >= 64) return x != 0;
    return ShiftRight64(x, n) | (ShiftLeft64(x, 64 - n) != 0);
  }

  // sig has its leading 1 at kMant + 3 (guard bits included) and exp is
  // the biased exponent; rounds to nearest even and packs.
  static Bits Pack(Bits sign, int exp, uint64_t sig) {
    if (exp >= kExpMax) return sign | kInf;
    if (exp <= 0) {
      sig = ShiftRightSticky(sig, 1 - exp);
      exp = 0;
    }
    unsigned low = static_cast<unsigned>(sig & 7);
    sig = ShiftRight64(sig, 3);
    if (low > 4 || (low == 4 && (sig & 1))) ++sig;
    if (exp == 0) {
      if (sig & kImplicit) exp = 1;  // rounded up into the normal range
    } else if (sig & (static_cast<uint64_t>(kImplicit) << 1)) {
      sig = ShiftRight64(sig, 1);
      if (++exp >= kExpMax) return sign | kInf;
    }
    return sign | (static_cast<Bits>(exp) << kMantBits) | (static_cast<Bits>(sig) & kMantMask);
  }

  // Shifts a non-zero sig so its leading 1 is at kMant + 3, adjusting exp.
  static void Normalize(int* exp, uint64_t* sig) {
    int leading = 63 - static_cast<int>(CountLeadingZeros64(*sig));
    int shift = leading - (kMant + 3);
    if (shift > 0) *sig = ShiftRightSticky(*sig, shift);
    else *sig = ShiftLeft64(*sig, -shift);
    *exp += shift;
  }

  static Bits Add(Bits a, Bits b) {
    if (IsNaN(a) || IsNaN(b)) return kQuietNaN;
    if (IsInf(a)) return (IsInf(b) && SignOf(a) != SignOf(b)) ? kQuietNaN : a;
    if (IsInf(b)) return b;
    if (IsZero(a)) return IsZero(b) ? (a & b) : b;  // -0 + -0 = -0; else +0
    if (IsZero(b)) return a;
    if ((a & ~kSign) < (b & ~kSign)) {
      Bits t = a;
      a = b;
      b = t;
    }
    int ea, eb;
    uint64_t sa, sb;
    Unpack(a, &ea, &sa);
    Unpack(b, &eb, &sb);
    sa = ShiftLeft64(sa, 3);
    sb = ShiftRightSticky(ShiftLeft64(sb, 3), ea - eb);
    uint64_t sum;
    if (SignOf(a) == SignOf(b)) {
      sum = sa + sb;
    } else {
      sum = sa - sb;
      if (sum == 0) return 0;  // x - x = +0 when rounding to nearest
    }
    Normalize(&ea, &sum);
    return Pack(SignOf(a), ea, sum);
  }

  static Bits Multiply(Bits a, Bits b) {
    Bits sign = SignOf(a) ^ SignOf(b);
    if (IsNaN(a) || IsNaN(b)) return kQuietNaN;
    if (IsInf(a) || IsInf(b)) return (IsZero(a) || IsZero(b)) ? kQuietNaN : (sign | kInf);
    if (IsZero(a) || IsZero(b)) return sign;
    int ea, eb;
    uint64_t sa, sb;
    Unpack(a, &ea, &sa);
    Unpack(b, &eb, &sb);
    // The 2*kMant+2-bit product as hi:lo 64-bit halves.
    Halves x = Split(sa), y = Split(sb);
    uint64_t lo_lo = Multiply32(x.lo, y.lo);
    uint64_t cross1 = Multiply32(x.lo, y.hi);
    uint64_t cross2 = Multiply32(x.hi, y.lo);
    uint64_t hi = Multiply32(x.hi, y.hi);
    uint64_t middle = ShiftRight64(lo_lo, 32) + (cross1 & 0xFFFFFFFFu) + (cross2 & 0xFFFFFFFFu);
    uint64_t lo = (lo_lo & 0xFFFFFFFFu) | ShiftLeft64(middle, 32);
    hi += ShiftRight64(cross1, 32) + ShiftRight64(cross2, 32) + ShiftRight64(middle, 32);
    // Keep kMant + 4 or + 5 leading bits: shift the 128-bit product right
    // by kMant - 3 with sticky.
    int shift = kMant - 3;
    uint64_t sig = ShiftLeft64(hi, 64 - shift) | ShiftRight64(lo, shift) | (ShiftLeft64(lo, 64 - shift) != 0);
    int exp = ea + eb - kBias;
    if (sig >= (kNormalTop << 1)) {
      sig = ShiftRightSticky(sig, 1);
      ++exp;
    }
    return Pack(sign, exp, sig);
  }

  static Bits Divide(Bits a, Bits b) {
    Bits sign = SignOf(a) ^ SignOf(b);
    if (IsNaN(a) || IsNaN(b)) return kQuietNaN;
    if (IsInf(a)) return IsInf(b) ? kQuietNaN : (sign | kInf);
    if (IsInf(b)) return sign;
    if (IsZero(b)) return IsZero(a) ? kQuietNaN : (sign | kInf);
    if (IsZero(a)) return sign;
    int ea, eb;
    uint64_t sa, sb;
    Unpack(a, &ea, &sa);
    Unpack(b, &eb, &sb);
    int exp = ea - eb + kBias;
    if (sa < sb) {
      sa = ShiftLeft64(sa, 1);
      --exp;
    }
    uint64_t q = 0;
    for (int i = 0; i < kMant + 4; ++i) {
      q = ShiftLeft64(q, 1);
      if (sa >= sb) {
        sa -= sb;
        q |= 1;
      }
      sa = ShiftLeft64(sa, 1);
    }
    q |= (sa != 0);  // sticky
    return Pack(sign, exp, q);
  }

  // -1, 0, 1 for less, equal, greater; `unordered` when either is a NaN.
  static int Compare(Bits a, Bits b, int unordered) {
    if (IsNaN(a) || IsNaN(b)) return unordered;
    if (IsZero(a) && IsZero(b)) return 0;
    int64_t ka = SignOf(a) ? -static_cast<int64_t>(a & ~kSign) : static_cast<int64_t>(a);
    int64_t kb = SignOf(b) ? -static_cast<int64_t>(b & ~kSign) : static_cast<int64_t>(b);
    return ka < kb ? -1 : (ka > kb ? 1 : 0);
  }

  static Bits FromUnsigned(uint64_t magnitude, Bits sign) {
    if (magnitude == 0) return 0;
    int exp = kBias + kMant + 3;  // value = sig * 2^(exp - bias - kMant - 3)
    uint64_t sig = magnitude;
    Normalize(&exp, &sig);
    return Pack(sign, exp, sig);
  }

  static Bits FromSigned(int64_t n) {
    uint64_t magnitude = n < 0 ? 0u - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
    return FromUnsigned(magnitude, n < 0 ? kSign : 0);
  }

  // Truncation toward zero of |x|, saturating at `limit`.
  static uint64_t TruncateMagnitude(Bits x, uint64_t limit) {
    if (IsNaN(x)) return 0;
    if (IsInf(x)) return limit;
    if (IsZero(x)) return 0;
    int exp;
    uint64_t sig;
    Unpack(x, &exp, &sig);
    int shift = exp - kBias - kMant;  // |x| = sig * 2^shift
    if (exp < kBias) return 0;
    if (shift >= 0) {
      if (shift >= 64 || ShiftRight64(limit, shift) < sig) return limit;
      return ShiftLeft64(sig, shift);
    }
    uint64_t value = ShiftRight64(sig, -shift);
    return value > limit ? limit : value;
  }

  static int64_t ToSigned(Bits x, int64_t max) {
    uint64_t limit = static_cast<uint64_t>(max) + (SignOf(x) ? 1 : 0);
    uint64_t magnitude = TruncateMagnitude(x, limit);
    return SignOf(x) ? static_cast<int64_t>(0u - magnitude) : static_cast<int64_t>(magnitude);
  }

  static uint64_t ToUnsigned(Bits x, uint64_t max) { return SignOf(x) ? 0 : TruncateMagnitude(x, max); }
};

using F32 = Soft<uint32_t, 23, 8>;
using F64 = Soft<uint64_t, 52, 11>;

// Exact widening; NaNs stay (quiet) NaNs with their sign.
uint64_t Extend(uint32_t x) {
  uint64_t sign = static_cast<uint64_t>(F32::SignOf(x)) << 32;
  if (F32::IsNaN(x)) return sign | F64::kQuietNaN;
  if (F32::IsInf(x)) return sign | F64::kInf;
  if (F32::IsZero(x)) return sign;
  int exp;
  uint64_t sig;
  F32::Unpack(x, &exp, &sig);
  uint64_t biased = static_cast<uint64_t>(exp - F32::kBias + F64::kBias);
  return sign | ShiftLeft64(biased, 52) | (ShiftLeft64(sig, 52 - 23) & F64::kMantMask);
}

uint32_t Truncate(uint64_t x) {
  uint32_t sign = static_cast<uint32_t>(ShiftRight64(F64::SignOf(x), 32));
  if (F64::IsNaN(x)) return sign | F32::kQuietNaN;
  if (F64::IsInf(x)) return sign | F32::kInf;
  if (F64::IsZero(x)) return sign;
  int exp;
  uint64_t sig;
  F64::Unpack(x, &exp, &sig);
  // From the leading 1 at bit 52 to bit 23 + 3.
  sig = F64::ShiftRightSticky(sig, 52 - 26);
  return F32::Pack(sign, exp - F64::kBias + F32::kBias, sig);
}

}  // namespace

extern "C" {

// --- Integer helpers (libgcc / compiler-rt names) ------------------------------

uint32_t BUILTIN(__udivsi3)(uint32_t n, uint32_t d) {
  uint32_t r;
  return DivideUnsigned32(n, d, &r);
}
uint32_t BUILTIN(__umodsi3)(uint32_t n, uint32_t d) {
  uint32_t r;
  DivideUnsigned32(n, d, &r);
  return r;
}
int32_t BUILTIN(__divsi3)(int32_t n, int32_t d) {
  int32_t r;
  return DivideSigned32(n, d, &r);
}
int32_t BUILTIN(__modsi3)(int32_t n, int32_t d) {
  int32_t r;
  DivideSigned32(n, d, &r);
  return r;
}
uint64_t BUILTIN(__udivdi3)(uint64_t n, uint64_t d) {
  uint64_t r;
  return DivideUnsigned64(n, d, &r);
}
uint64_t BUILTIN(__umoddi3)(uint64_t n, uint64_t d) {
  uint64_t r;
  DivideUnsigned64(n, d, &r);
  return r;
}
int64_t BUILTIN(__divdi3)(int64_t n, int64_t d) {
  int64_t r;
  return DivideSigned64(n, d, &r);
}
int64_t BUILTIN(__moddi3)(int64_t n, int64_t d) {
  int64_t r;
  DivideSigned64(n, d, &r);
  return r;
}
uint64_t BUILTIN(__muldi3)(uint64_t a, uint64_t b) {
  Halves x = Split(a), y = Split(b);
  uint64_t product = Multiply32(x.lo, y.lo);
  uint32_t cross = x.lo * y.hi + x.hi * y.lo;
  return product + Join(cross, 0);
}
uint64_t BUILTIN(__ashldi3)(uint64_t x, int n) { return ShiftLeft64(x, static_cast<unsigned>(n)); }
uint64_t BUILTIN(__lshrdi3)(uint64_t x, int n) { return ShiftRight64(x, static_cast<unsigned>(n)); }
int64_t BUILTIN(__ashrdi3)(int64_t x, int n) {
  return static_cast<int64_t>(ShiftRightArithmetic64(static_cast<uint64_t>(x), static_cast<unsigned>(n)));
}
int BUILTIN(__clzsi2)(uint32_t x) { return static_cast<int>(CountLeadingZeros32(x)); }
int BUILTIN(__clzdi2)(uint64_t x) { return static_cast<int>(CountLeadingZeros64(x)); }
int BUILTIN(__ctzsi2)(uint32_t x) {
  if (x == 0) return 32;
  return 31 - static_cast<int>(CountLeadingZeros32(x & (0u - x)));
}
int BUILTIN(__ctzdi2)(uint64_t x) {
  Halves h = Split(x);
  return h.lo ? BUILTIN(__ctzsi2)(h.lo) : 32 + BUILTIN(__ctzsi2)(h.hi);
}
int BUILTIN(__popcountsi2)(uint32_t x) {
  x = x - ((x >> 1) & 0x55555555u);
  x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
  x = (x + (x >> 4)) & 0x0F0F0F0Fu;
  return static_cast<int>((x + (x >> 8) + (x >> 16) + (x >> 24)) & 0x3F);
}
int BUILTIN(__popcountdi2)(uint64_t x) {
  Halves h = Split(x);
  return BUILTIN(__popcountsi2)(h.lo) + BUILTIN(__popcountsi2)(h.hi);
}

// --- Floating point (bit patterns in, bit patterns out) -------------------------

uint32_t BUILTIN(__addsf3)(uint32_t a, uint32_t b) { return F32::Add(a, b); }
uint32_t BUILTIN(__subsf3)(uint32_t a, uint32_t b) { return F32::Add(a, b ^ F32::kSign); }
uint32_t BUILTIN(__mulsf3)(uint32_t a, uint32_t b) { return F32::Multiply(a, b); }
uint32_t BUILTIN(__divsf3)(uint32_t a, uint32_t b) { return F32::Divide(a, b); }
uint64_t BUILTIN(__adddf3)(uint64_t a, uint64_t b) { return F64::Add(a, b); }
uint64_t BUILTIN(__subdf3)(uint64_t a, uint64_t b) { return F64::Add(a, b ^ F64::kSign); }
uint64_t BUILTIN(__muldf3)(uint64_t a, uint64_t b) { return F64::Multiply(a, b); }
uint64_t BUILTIN(__divdf3)(uint64_t a, uint64_t b) { return F64::Divide(a, b); }
uint32_t BUILTIN(__negsf2)(uint32_t a) { return a ^ F32::kSign; }
uint64_t BUILTIN(__negdf2)(uint64_t a) { return a ^ F64::kSign; }

// libgcc's comparison contract: eq/ne return 0 when equal; lt/le return
// < 0 / <= 0 when true and 1 for unordered; gt/ge return > 0 / >= 0 when
// true and -1 for unordered; unord returns non-zero for unordered.
int BUILTIN(__eqsf2)(uint32_t a, uint32_t b) { return F32::Compare(a, b, 1); }
int BUILTIN(__nesf2)(uint32_t a, uint32_t b) { return F32::Compare(a, b, 1); }
int BUILTIN(__ltsf2)(uint32_t a, uint32_t b) { return F32::Compare(a, b, 1); }
int BUILTIN(__lesf2)(uint32_t a, uint32_t b) { return F32::Compare(a, b, 1); }
int BUILTIN(__gtsf2)(uint32_t a, uint32_t b) { return F32::Compare(a, b, -1); }
int BUILTIN(__gesf2)(uint32_t a, uint32_t b) { return F32::Compare(a, b, -1); }
int BUILTIN(__unordsf2)(uint32_t a, uint32_t b) { return F32::IsNaN(a) || F32::IsNaN(b); }
int BUILTIN(__eqdf2)(uint64_t a, uint64_t b) { return F64::Compare(a, b, 1); }
int BUILTIN(__nedf2)(uint64_t a, uint64_t b) { return F64::Compare(a, b, 1); }
int BUILTIN(__ltdf2)(uint64_t a, uint64_t b) { return F64::Compare(a, b, 1); }
int BUILTIN(__ledf2)(uint64_t a, uint64_t b) { return F64::Compare(a, b, 1); }
int BUILTIN(__gtdf2)(uint64_t a, uint64_t b) { return F64::Compare(a, b, -1); }
int BUILTIN(__gedf2)(uint64_t a, uint64_t b) { return F64::Compare(a, b, -1); }
int BUILTIN(__unorddf2)(uint64_t a, uint64_t b) { return F64::IsNaN(a) || F64::IsNaN(b); }

uint32_t BUILTIN(__floatsisf)(int32_t n) { return F32::FromSigned(n); }
uint32_t BUILTIN(__floatunsisf)(uint32_t n) { return F32::FromUnsigned(n, 0); }
uint32_t BUILTIN(__floatdisf)(int64_t n) { return F32::FromSigned(n); }
uint32_t BUILTIN(__floatundisf)(uint64_t n) { return F32::FromUnsigned(n, 0); }
uint64_t BUILTIN(__floatsidf)(int32_t n) { return F64::FromSigned(n); }
uint64_t BUILTIN(__floatunsidf)(uint32_t n) { return F64::FromUnsigned(n, 0); }
uint64_t BUILTIN(__floatdidf)(int64_t n) { return F64::FromSigned(n); }
uint64_t BUILTIN(__floatundidf)(uint64_t n) { return F64::FromUnsigned(n, 0); }
int32_t BUILTIN(__fixsfsi)(uint32_t x) { return static_cast<int32_t>(F32::ToSigned(x, INT32_MAX)); }
uint32_t BUILTIN(__fixunssfsi)(uint32_t x) { return static_cast<uint32_t>(F32::ToUnsigned(x, UINT32_MAX)); }
int64_t BUILTIN(__fixsfdi)(uint32_t x) { return F32::ToSigned(x, INT64_MAX); }
uint64_t BUILTIN(__fixunssfdi)(uint32_t x) { return F32::ToUnsigned(x, UINT64_MAX); }
int32_t BUILTIN(__fixdfsi)(uint64_t x) { return static_cast<int32_t>(F64::ToSigned(x, INT32_MAX)); }
uint32_t BUILTIN(__fixunsdfsi)(uint64_t x) { return static_cast<uint32_t>(F64::ToUnsigned(x, UINT32_MAX)); }
int64_t BUILTIN(__fixdfdi)(uint64_t x) { return F64::ToSigned(x, INT64_MAX); }
uint64_t BUILTIN(__fixunsdfdi)(uint64_t x) { return F64::ToUnsigned(x, UINT64_MAX); }
uint64_t BUILTIN(__extendsfdf2)(uint32_t x) { return Extend(x); }
uint32_t BUILTIN(__truncdfsf2)(uint64_t x) { return Truncate(x); }

}  // extern "C"

#if TAIPAN_BUILTIN_AEABI
// --- ARM EABI names ---------------------------------------------------------------
//
// Same functions under the run-time ABI's names (ARM IHI 0043). The divmod
// forms return two results in registers: the 32-bit ones as one 64-bit
// value (quotient in r0, remainder in r1); the 64-bit ones need r0-r3, which
// C cannot return, so a few instructions of assembly wrap a C helper.

extern "C" {

#define TAIPAN_AEABI(ret, name, params, call) \
  ret name params { return call; }

TAIPAN_AEABI(uint32_t, __aeabi_uidiv, (uint32_t n, uint32_t d), __udivsi3(n, d))
TAIPAN_AEABI(int32_t, __aeabi_idiv, (int32_t n, int32_t d), __divsi3(n, d))
uint64_t __aeabi_uidivmod(uint32_t n, uint32_t d) {
  uint32_t r;
  uint32_t q = DivideUnsigned32(n, d, &r);
  return Join(r, q);
}
uint64_t __aeabi_idivmod(int32_t n, int32_t d) {
  int32_t r;
  int32_t q = DivideSigned32(n, d, &r);
  return Join(static_cast<uint32_t>(r), static_cast<uint32_t>(q));
}
uint64_t taipan_aeabi_uldivmod_helper(uint64_t n, uint64_t d, uint64_t* remainder) {
  return DivideUnsigned64(n, d, remainder);
}
int64_t taipan_aeabi_ldivmod_helper(int64_t n, int64_t d, int64_t* remainder) {
  return DivideSigned64(n, d, remainder);
}
TAIPAN_AEABI(uint64_t, __aeabi_lmul, (uint64_t a, uint64_t b), __muldi3(a, b))
TAIPAN_AEABI(uint64_t, __aeabi_llsl, (uint64_t x, int n), __ashldi3(x, n))
TAIPAN_AEABI(uint64_t, __aeabi_llsr, (uint64_t x, int n), __lshrdi3(x, n))
TAIPAN_AEABI(int64_t, __aeabi_lasr, (int64_t x, int n), __ashrdi3(x, n))

TAIPAN_AEABI(uint32_t, __aeabi_fadd, (uint32_t a, uint32_t b), __addsf3(a, b))
TAIPAN_AEABI(uint32_t, __aeabi_fsub, (uint32_t a, uint32_t b), __subsf3(a, b))
TAIPAN_AEABI(uint32_t, __aeabi_frsub, (uint32_t a, uint32_t b), __subsf3(b, a))
TAIPAN_AEABI(uint32_t, __aeabi_fmul, (uint32_t a, uint32_t b), __mulsf3(a, b))
TAIPAN_AEABI(uint32_t, __aeabi_fdiv, (uint32_t a, uint32_t b), __divsf3(a, b))
TAIPAN_AEABI(uint64_t, __aeabi_dadd, (uint64_t a, uint64_t b), __adddf3(a, b))
TAIPAN_AEABI(uint64_t, __aeabi_dsub, (uint64_t a, uint64_t b), __subdf3(a, b))
TAIPAN_AEABI(uint64_t, __aeabi_drsub, (uint64_t a, uint64_t b), __subdf3(b, a))
TAIPAN_AEABI(uint64_t, __aeabi_dmul, (uint64_t a, uint64_t b), __muldf3(a, b))
TAIPAN_AEABI(uint64_t, __aeabi_ddiv, (uint64_t a, uint64_t b), __divdf3(a, b))

TAIPAN_AEABI(int, __aeabi_fcmpeq, (uint32_t a, uint32_t b), F32::Compare(a, b, 1) == 0)
TAIPAN_AEABI(int, __aeabi_fcmplt, (uint32_t a, uint32_t b), F32::Compare(a, b, 1) < 0)
TAIPAN_AEABI(int, __aeabi_fcmple, (uint32_t a, uint32_t b), F32::Compare(a, b, 1) <= 0)
TAIPAN_AEABI(int, __aeabi_fcmpge, (uint32_t a, uint32_t b), F32::Compare(a, b, -1) >= 0)
TAIPAN_AEABI(int, __aeabi_fcmpgt, (uint32_t a, uint32_t b), F32::Compare(a, b, -1) > 0)
TAIPAN_AEABI(int, __aeabi_fcmpun, (uint32_t a, uint32_t b), __unordsf2(a, b))
TAIPAN_AEABI(int, __aeabi_dcmpeq, (uint64_t a, uint64_t b), F64::Compare(a, b, 1) == 0)
TAIPAN_AEABI(int, __aeabi_dcmplt, (uint64_t a, uint64_t b), F64::Compare(a, b, 1) < 0)
TAIPAN_AEABI(int, __aeabi_dcmple, (uint64_t a, uint64_t b), F64::Compare(a, b, 1) <= 0)
TAIPAN_AEABI(int, __aeabi_dcmpge, (uint64_t a, uint64_t b), F64::Compare(a, b, -1) >= 0)
TAIPAN_AEABI(int, __aeabi_dcmpgt, (uint64_t a, uint64_t b), F64::Compare(a, b, -1) > 0)
TAIPAN_AEABI(int, __aeabi_dcmpun, (uint64_t a, uint64_t b), __unorddf2(a, b))

TAIPAN_AEABI(uint32_t, __aeabi_i2f, (int32_t n), __floatsisf(n))
TAIPAN_AEABI(uint32_t, __aeabi_ui2f, (uint32_t n), __floatunsisf(n))
TAIPAN_AEABI(uint32_t, __aeabi_l2f, (int64_t n), __floatdisf(n))
TAIPAN_AEABI(uint32_t, __aeabi_ul2f, (uint64_t n), __floatundisf(n))
TAIPAN_AEABI(uint64_t, __aeabi_i2d, (int32_t n), __floatsidf(n))
TAIPAN_AEABI(uint64_t, __aeabi_ui2d, (uint32_t n), __floatunsidf(n))
TAIPAN_AEABI(uint64_t, __aeabi_l2d, (int64_t n), __floatdidf(n))
TAIPAN_AEABI(uint64_t, __aeabi_ul2d, (uint64_t n), __floatundidf(n))
TAIPAN_AEABI(int32_t, __aeabi_f2iz, (uint32_t x), __fixsfsi(x))
TAIPAN_AEABI(uint32_t, __aeabi_f2uiz, (uint32_t x), __fixunssfsi(x))
TAIPAN_AEABI(int64_t, __aeabi_f2lz, (uint32_t x), __fixsfdi(x))
TAIPAN_AEABI(uint64_t, __aeabi_f2ulz, (uint32_t x), __fixunssfdi(x))
TAIPAN_AEABI(int32_t, __aeabi_d2iz, (uint64_t x), __fixdfsi(x))
TAIPAN_AEABI(uint32_t, __aeabi_d2uiz, (uint64_t x), __fixunsdfsi(x))
TAIPAN_AEABI(int64_t, __aeabi_d2lz, (uint64_t x), __fixdfdi(x))
TAIPAN_AEABI(uint64_t, __aeabi_d2ulz, (uint64_t x), __fixunsdfdi(x))
TAIPAN_AEABI(uint64_t, __aeabi_f2d, (uint32_t x), __extendsfdf2(x))
TAIPAN_AEABI(uint32_t, __aeabi_d2f, (uint64_t x), __truncdfsf2(x))

}  // extern "C"

// {quotient r0:r1, remainder r2:r3} = n (r0:r1) / d (r2:r3): the helper's
// third argument (a pointer to the remainder slot) goes on the stack.
#define TAIPAN_AEABI_DIVMOD64(name, helper) \
  __asm__(".text\n.thumb\n.align 2\n.global " #name "\n.type " #name ", %function\n.thumb_func\n" #name ":\n" \
          "  push {r4, lr}\n  sub sp, #16\n  add r4, sp, #8\n  str r4, [sp]\n  bl " #helper "\n"                \
          "  ldr r2, [sp, #8]\n  ldr r3, [sp, #12]\n  add sp, #16\n  pop {r4, pc}\n.size " #name ", . - " #name "\n");
TAIPAN_AEABI_DIVMOD64(__aeabi_uldivmod, taipan_aeabi_uldivmod_helper)
TAIPAN_AEABI_DIVMOD64(__aeabi_ldivmod, taipan_aeabi_ldivmod_helper)
#endif  // TAIPAN_BUILTIN_AEABI
