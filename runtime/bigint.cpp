// Arbitrary-precision integers; see bigint.h for the representation,
// buffer and aliasing rules.
//
// Internally everything works on magnitudes (digit pointer + length); the
// public functions add Python's sign rules on top. Division uses Knuth's
// algorithm D (TAOCP vol. 2, 4.3.1) for multi-digit divisors.

#include "runtime/bigint.h"

namespace taipan::rt {

namespace detail {
uint16_t bigint_div_digit_soft(uint32_t num, uint16_t d, uint16_t* rem) {
  uint32_t r = num >> 16;
  uint32_t q = 0;
  for (int i = 15; i >= 0; --i) {
    r = (r << 1) | ((num >> i) & 1u);
    q <<= 1;
    if (r >= d) {
      r -= d;
      q |= 1u;
    }
  }
  *rem = static_cast<uint16_t>(r);
  return static_cast<uint16_t>(q);
}
}  // namespace detail

namespace {

#if (defined(__ARM_FEATURE_IDIV) || defined(__x86_64__) || defined(__i386__)) && \
    !defined(TAIPAN_BIGINT_SOFT_DIV)
inline uint32_t div_digit(uint32_t num, uint32_t d, uint32_t* rem) {
  uint32_t q = num / d;
  *rem = num - q * d;
  return q;
}
#else
inline uint32_t div_digit(uint32_t num, uint32_t d, uint32_t* rem) {
  uint16_t r;
  uint32_t q = detail::bigint_div_digit_soft(num, static_cast<uint16_t>(d), &r);
  *rem = r;
  return q;
}
#endif

constexpr size_t kSizeBits = sizeof(size_t) * 8;

size_t norm(const BigDigit* d, size_t n) {
  while (n != 0 && d[n - 1] == 0) --n;
  return n;
}

void copy_digits(BigDigit* dst, const BigDigit* src, size_t n) {
  if (n != 0 && dst != src) __builtin_memmove(dst, src, n * sizeof(BigDigit));
}

void zero_digits(BigDigit* dst, size_t n) {
  if (n != 0) __builtin_memset(dst, 0, n * sizeof(BigDigit));
}

// Several digits at once. On a little-endian machine (all of Taipan's
// targets) consecutive digits, least significant first, read as one
// machine word are that word's value, so addition and subtraction can
// carry a machine word at a time. Where words are 64 bits, a multiplication
// also takes two digits at a time (a 32x16-bit product and the carries fit
// 64 bits; 32-bit targets would need a 64-bit multiply helper).
using Limb = uintptr_t;
constexpr size_t kLimbDigits = __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ ? sizeof(Limb) / sizeof(BigDigit) : 0;
constexpr bool kWideMultiply = kLimbDigits >= 4;

// Where the compiler has a 128-bit integer (64-bit targets), a product of
// four digits by one (80 bits) is one multiply instruction: the loops
// below take four digits at a time there, before the two-digit and
// one-digit loops finish the rest.
#ifdef __SIZEOF_INT128__
using Wide = unsigned __int128;
constexpr bool kQuadMultiply = kLimbDigits == 4;
#else
using Wide = uint64_t;  // unused: kQuadMultiply is false
constexpr bool kQuadMultiply = false;
#endif

template <typename T>
T load_digits(const BigDigit* p) {
  T x;
  __builtin_memcpy(&x, p, sizeof x);
  return x;
}

template <typename T>
void store_digits(BigDigit* p, T x) {
  __builtin_memcpy(p, &x, sizeof x);
}

// Written as a binary search rather than a loop: LLVM turns the loop into
// ctlz, which Cortex-M0+ lowers to a __clzsi2 call (no compiler-rt there).
unsigned bit_length32(uint32_t x) {
  unsigned n = 0;
  if (x >= 0x10000u) {
    n += 16;
    x >>= 16;
  }
  if (x >= 0x100u) {
    n += 8;
    x >>= 8;
  }
  if (x >= 0x10u) {
    n += 4;
    x >>= 4;
  }
  if (x >= 0x4u) {
    n += 2;
    x >>= 2;
  }
  if (x >= 0x2u) {
    n += 1;
    x >>= 1;
  }
  return n + x;
}

unsigned bit_length16(uint32_t x) { return bit_length32(x); }

size_t bit_length_size(size_t x) {
  size_t n = 0;
  if constexpr (sizeof(size_t) > 4) {
    if ((x >> 16 >> 16) != 0) {
      n = 32;
      x = x >> 16 >> 16;
    }
  }
  return n + bit_length32(static_cast<uint32_t>(x));
}

int mag_cmp(const BigDigit* a, size_t la, const BigDigit* b, size_t lb) {
  if (la != lb) return la < lb ? -1 : 1;
  for (size_t i = la; i-- > 0;) {
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

// Exchanges the operands (digits and lengths) of a two-operand routine.
void swap_operands(const BigDigit** a, size_t* la, const BigDigit** b, size_t* lb) {
  const BigDigit* digits = *a;
  *a = *b;
  *b = digits;
  size_t length = *la;
  *la = *lb;
  *lb = length;
}

// out may be exactly a or b. Capacity max(la, lb) + 1.
size_t mag_add(BigDigit* out, const BigDigit* a, size_t la, const BigDigit* b, size_t lb) {
  if (la < lb) swap_operands(&a, &la, &b, &lb);
  size_t i = 0;
  Limb limb_carry = 0;
  if constexpr (kLimbDigits != 0) {
    for (; i + kLimbDigits <= lb; i += kLimbDigits) {
      Limb x = load_digits<Limb>(a + i);
      Limb sum = x + load_digits<Limb>(b + i);
      Limb carry_out = sum < x;
      sum += limb_carry;
      carry_out |= sum < limb_carry;
      store_digits(out + i, sum);
      limb_carry = carry_out;
    }
  }
  uint32_t c = static_cast<uint32_t>(limb_carry);
  for (; i < lb; ++i) {
    c += static_cast<uint32_t>(a[i]) + b[i];
    out[i] = static_cast<BigDigit>(c);
    c >>= 16;
  }
  for (; i < la && c != 0; ++i) {
    c += a[i];
    out[i] = static_cast<BigDigit>(c);
    c >>= 16;
  }
  if (i < la) {  // no carry left: the rest of a as it is
    copy_digits(out + i, a + i, la - i);
    return la;
  }
  if (c != 0) out[i++] = static_cast<BigDigit>(c);
  return i;
}

// |a| >= |b|; out may be exactly a or b. Capacity la.
size_t mag_sub(BigDigit* out, const BigDigit* a, size_t la, const BigDigit* b, size_t lb) {
  size_t i = 0;
  Limb limb_borrow = 0;
  if constexpr (kLimbDigits != 0) {
    for (; i + kLimbDigits <= lb; i += kLimbDigits) {
      Limb x = load_digits<Limb>(a + i);
      Limb y = load_digits<Limb>(b + i);
      Limb difference = x - y;
      Limb borrow_out = x < y;
      borrow_out |= difference < limb_borrow;
      store_digits(out + i, difference - limb_borrow);
      limb_borrow = borrow_out;
    }
  }
  uint32_t borrow = static_cast<uint32_t>(limb_borrow);
  for (; i < lb; ++i) {
    uint32_t t = static_cast<uint32_t>(a[i]) - b[i] - borrow;
    out[i] = static_cast<BigDigit>(t);
    borrow = t >> 31;
  }
  for (; i < la && borrow != 0; ++i) {
    uint32_t t = static_cast<uint32_t>(a[i]) - borrow;
    out[i] = static_cast<BigDigit>(t);
    borrow = t >> 31;
  }
  copy_digits(out + i, a + i, la - i);  // no borrow left: the rest of a as it is
  return norm(out, la);
}

// d += 1 in place; capacity n + 1.
size_t mag_inc(BigDigit* d, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (++d[i] != 0) return n;
  }
  d[n] = 1;
  return n + 1;
}

// d -= 1 in place; d != 0.
size_t mag_dec(BigDigit* d, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (d[i]-- != 0) break;
  }
  return norm(d, n);
}

// out = a * m for one digit m != 0, returning out's length; capacity la + 1.
size_t mag_mul_digit(BigDigit* out, const BigDigit* a, size_t la, uint32_t m) {
  size_t i = 0;
  uint64_t wide_carry = 0;
  if constexpr (kQuadMultiply) {
    for (; i + 4 <= la; i += 4) {
      Wide p = static_cast<Wide>(load_digits<uint64_t>(a + i)) * m + wide_carry;
      store_digits(out + i, static_cast<uint64_t>(p));
      wide_carry = static_cast<uint64_t>(p >> 64);
    }
  }
  if constexpr (kWideMultiply) {
    for (; i + 2 <= la; i += 2) {
      wide_carry += static_cast<uint64_t>(load_digits<uint32_t>(a + i)) * m;
      store_digits(out + i, static_cast<uint32_t>(wide_carry));
      wide_carry >>= 32;
    }
  }
  uint32_t c = static_cast<uint32_t>(wide_carry);
  for (; i < la; ++i) {
    c += static_cast<uint32_t>(a[i]) * m;
    out[i] = static_cast<BigDigit>(c);
    c >>= 16;
  }
  out[la] = static_cast<BigDigit>(c);
  return c != 0 ? la + 1 : la;
}

// row[0, lb] += ai * b (row[lb] is written, not added to: it is still zero).
void mul_add_row(BigDigit* row, const BigDigit* b, size_t lb, uint32_t ai) {
  size_t j = 0;
  uint64_t wide_carry = 0;
  if constexpr (kQuadMultiply) {
    for (; j + 4 <= lb; j += 4) {
      Wide p = static_cast<Wide>(load_digits<uint64_t>(b + j)) * ai + load_digits<uint64_t>(row + j) + wide_carry;
      store_digits(row + j, static_cast<uint64_t>(p));
      wide_carry = static_cast<uint64_t>(p >> 64);
    }
  }
  if constexpr (kWideMultiply) {
    for (; j + 2 <= lb; j += 2) {
      wide_carry += static_cast<uint64_t>(load_digits<uint32_t>(b + j)) * ai + load_digits<uint32_t>(row + j);
      store_digits(row + j, static_cast<uint32_t>(wide_carry));
      wide_carry >>= 32;
    }
  }
  uint32_t c = static_cast<uint32_t>(wide_carry);
  for (; j < lb; ++j) {
    c += ai * b[j] + row[j];
    row[j] = static_cast<BigDigit>(c);
    c >>= 16;
  }
  row[lb] = static_cast<BigDigit>(c);
}

// No aliasing. Capacity la + lb.
size_t mag_mul(BigDigit* out, const BigDigit* a, size_t la, const BigDigit* b, size_t lb) {
  if (la == 0 || lb == 0) return 0;
  // The shorter operand drives the outer loop, so the inner loop (where
  // the time goes) is the long one; a one-digit factor is a single pass.
  if (la > lb) swap_operands(&a, &la, &b, &lb);
  if (la == 1) return mag_mul_digit(out, b, lb, a[0]);
  zero_digits(out, la + lb);
  for (size_t i = 0; i < la; ++i) {
    if (a[i] != 0) mul_add_row(out + i, b, lb, a[i]);
  }
  return norm(out, la + lb);
}

// d = d * m + add in place (m, add < 2**16); capacity n + 1.
size_t mag_mul_add_small(BigDigit* d, size_t n, uint32_t m, uint32_t add) {
  uint32_t c = add;
  for (size_t i = 0; i < n; ++i) {
    c += d[i] * m;
    d[i] = static_cast<BigDigit>(c);
    c >>= 16;
  }
  if (c != 0) d[n++] = static_cast<BigDigit>(c);
  return n;
}

// q = a / d (q may be exactly a), returns a % d. 0 < d < 2**16.
uint32_t mag_div_small(BigDigit* q, const BigDigit* a, size_t la, uint32_t d) {
  uint32_t r = 0;
  for (size_t i = la; i-- > 0;) {
    uint32_t num = (r << 16) | a[i];
    if (q != nullptr) {
      q[i] = static_cast<BigDigit>(div_digit(num, d, &r));
    } else {
      div_digit(num, d, &r);
    }
  }
  return r;
}

// Digit k of x << s (s < 16), as algorithm D's normalized operands would
// have it: the low 16 - s bits of x[k] and the top s bits of x[k - 1].
uint32_t normalized(const BigDigit* x, size_t k, unsigned s) {
  uint32_t below = k == 0 ? 0 : static_cast<uint32_t>(x[k - 1]) >> (16 - s);  // 0 when s == 0
  return ((static_cast<uint32_t>(x[k]) << s) | below) & 0xFFFFu;
}

// True when d[0, n) has a non-zero digit.
bool any_digit(const BigDigit* d, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (d[i] != 0) return true;
  }
  return false;
}

// Truncating division of magnitudes: q (may be null; capacity
// la - lb + 1 when la >= lb) and r (capacity lb; receives the remainder).
// r may be null when only whether the remainder is zero matters: *rl is
// then 0 or non-zero. lb >= 1. scratch: la + 1 digits. No aliasing.
void mag_divmod(BigDigit* q, size_t* ql, BigDigit* r, size_t* rl, const BigDigit* a, size_t la,
                const BigDigit* b, size_t lb, BigDigit* scratch) {
  if (mag_cmp(a, la, b, lb) < 0) {
    if (ql != nullptr) *ql = 0;
    if (r != nullptr) copy_digits(r, a, la);
    *rl = la;
    return;
  }
  if (lb == 1) {
    uint32_t rem = mag_div_small(q, a, la, b[0]);
    if (q != nullptr) *ql = norm(q, la);
    if (r != nullptr) r[0] = static_cast<BigDigit>(rem);
    *rl = rem != 0 ? 1 : 0;
    return;
  }
  // Knuth's algorithm D wants the divisor normalized (its top digit's top
  // bit set, by shifting both operands left by s bits), but only for the
  // quotient digit estimates: those read the top digits of the shifted
  // divisor and partial remainder, computed here on the fly (normalized).
  // Multiplying and subtracting on the unshifted digits does the same
  // arithmetic on numbers 2**s times smaller, so neither operand is
  // copied shifted and the remainder needs no shifting back. un is the
  // partial remainder, a's digits and one more digit (0) on top; its digits
  // above j + lb are zero at step j, and so are the top s bits of
  // un[j + lb] (the remainder is below the divisor times 2**16).
  const unsigned s = 16 - bit_length16(b[lb - 1]);
  BigDigit* un = scratch;  // la + 1 digits
  copy_digits(un, a, la);
  un[la] = 0;
  const BigDigit* vn = b;

  const uint32_t v1 = normalized(b, lb - 1, s);
  const uint32_t v2 = normalized(b, lb - 2, s);
  for (size_t j = la - lb + 1; j-- > 0;) {
    // D3: estimate qhat from the top two digits (top <= v1 always).
    uint32_t top = normalized(un, j + lb, s);
    uint32_t num = (top << 16) | normalized(un, j + lb - 1, s);
    uint32_t qhat, rhat;
    if (top >= v1) {
      qhat = 0xFFFF;
      rhat = num - qhat * v1;  // = un[j+lb-1] + v1, may exceed 16 bits
    } else {
      qhat = div_digit(num, v1, &rhat);
    }
    while (rhat < 0x10000u && qhat * v2 > ((rhat << 16) | normalized(un, j + lb - 2, s))) {
      --qhat;
      rhat += v1;
    }
    // D4: multiply and subtract (two digits at a time where products of
    // 32 by 16 bits are cheap).
    uint32_t carry = 0, borrow = 0;
    size_t i = 0;
    if constexpr (kQuadMultiply) {
      for (; i + 4 <= lb; i += 4) {
        Wide p = static_cast<Wide>(qhat) * load_digits<uint64_t>(vn + i) + carry;
        carry = static_cast<uint32_t>(p >> 64);
        uint64_t x = load_digits<uint64_t>(un + i + j), product = static_cast<uint64_t>(p);
        uint64_t difference = x - product;
        uint32_t borrow_out = x < product;
        borrow_out |= difference < borrow;
        store_digits(un + i + j, difference - borrow);
        borrow = borrow_out;
      }
    }
    if constexpr (kWideMultiply) {
      for (; i + 2 <= lb; i += 2) {
        uint64_t p = static_cast<uint64_t>(qhat) * load_digits<uint32_t>(vn + i) + carry;
        carry = static_cast<uint32_t>(p >> 32);
        uint64_t t = static_cast<uint64_t>(load_digits<uint32_t>(un + i + j)) - (p & 0xFFFFFFFFu) - borrow;
        store_digits(un + i + j, static_cast<uint32_t>(t));
        borrow = static_cast<uint32_t>(t >> 63);
      }
    }
    for (; i < lb; ++i) {
      uint32_t p = qhat * vn[i] + carry;
      carry = p >> 16;
      uint32_t t = static_cast<uint32_t>(un[i + j]) - (p & 0xFFFFu) - borrow;
      un[i + j] = static_cast<BigDigit>(t);
      borrow = t >> 31;
    }
    uint32_t t = static_cast<uint32_t>(un[j + lb]) - carry - borrow;
    un[j + lb] = static_cast<BigDigit>(t);
    if ((t >> 31) != 0) {
      // D6: qhat was one too large; add the divisor back.
      --qhat;
      uint32_t c = 0;
      for (size_t i = 0; i < lb; ++i) {
        c += static_cast<uint32_t>(un[i + j]) + vn[i];
        un[i + j] = static_cast<BigDigit>(c);
        c >>= 16;
      }
      un[j + lb] = static_cast<BigDigit>(un[j + lb] + c);
    }
    if (q != nullptr) q[j] = static_cast<BigDigit>(qhat);
  }
  if (q != nullptr) *ql = norm(q, la - lb + 1);
  if (r == nullptr) {
    *rl = any_digit(un, lb) ? 1 : 0;
    return;
  }
  // D8: the remainder, already unshifted.
  copy_digits(r, un, lb);
  *rl = norm(r, lb);
}

void set_zero(BigIntRef& out) {
  out.length = 0;
  out.negative = false;
}

void add_signed(BigIntRef& out, BigIntView a, BigIntView b, bool bneg) {
  if (a.negative == bneg) {
    out.length = mag_add(out.digits, a.digits, a.length, b.digits, b.length);
    out.negative = a.negative && out.length != 0;
    return;
  }
  if (mag_cmp(a.digits, a.length, b.digits, b.length) >= 0) {
    out.length = mag_sub(out.digits, a.digits, a.length, b.digits, b.length);
    out.negative = a.negative;
  } else {
    out.length = mag_sub(out.digits, b.digits, b.length, a.digits, a.length);
    out.negative = bneg;
  }
  out.negative = out.negative && out.length != 0;
}

enum class BitOp { And, Or, Xor };

void bitwise(BigIntRef& out, BigIntView a, BigIntView b, BitOp op) {
  const size_t n = (a.length > b.length ? a.length : b.length) + 1;
  bool rneg;
  switch (op) {
    case BitOp::And: rneg = a.negative && b.negative; break;
    case BitOp::Or: rneg = a.negative || b.negative; break;
    default: rneg = a.negative != b.negative; break;
  }
  uint32_t ca = 1, cb = 1, cr = 1;
  for (size_t i = 0; i < n; ++i) {
    uint32_t da = i < a.length ? a.digits[i] : 0;
    uint32_t db = i < b.length ? b.digits[i] : 0;
    if (a.negative) {
      da = (~da & 0xFFFFu) + ca;
      ca = da >> 16;
      da &= 0xFFFFu;
    }
    if (b.negative) {
      db = (~db & 0xFFFFu) + cb;
      cb = db >> 16;
      db &= 0xFFFFu;
    }
    uint32_t r;
    switch (op) {
      case BitOp::And: r = da & db; break;
      case BitOp::Or: r = da | db; break;
      default: r = da ^ db; break;
    }
    if (rneg) {
      r = (~r & 0xFFFFu) + cr;
      cr = r >> 16;
    }
    out.digits[i] = static_cast<BigDigit>(r);
  }
  out.length = norm(out.digits, n);
  out.negative = rneg && out.length != 0;
}

// Smallest c with base**c >= 2**16: characters per digit, an upper bound.
unsigned chars_per_digit(unsigned base) {
  uint32_t p = 1;
  unsigned c = 0;
  while (p < 0x10000u) {
    p *= base;
    ++c;
  }
  return c;
}

// Largest power of base that fits in a digit, and its exponent.
uint32_t digit_chunk(unsigned base, unsigned* k) {
  uint32_t p = base;
  unsigned n = 1;
  while (p * base <= 0xFFFFu) {
    p *= base;
    ++n;
  }
  *k = n;
  return p;
}

}  // namespace

// --- Comparison and conversion ---------------------------------------------

int bigint_compare(BigIntView a, BigIntView b) {
  if (a.negative != b.negative) return a.negative ? -1 : 1;
  int c = mag_cmp(a.digits, a.length, b.digits, b.length);
  return a.negative ? -c : c;
}

void bigint_from_int64(BigIntRef& out, int64_t v) {
  out.negative = v < 0;
  uint64_t m = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  size_t n = 0;
  while (m != 0) {
    out.digits[n++] = static_cast<BigDigit>(m);
    m >>= 16;
  }
  out.length = n;
}

bool bigint_to_int64(BigIntView a, int64_t* v) {
  if (a.length > 4) return false;
  uint64_t m = 0;
  for (size_t i = a.length; i-- > 0;) m = (m << 16) | a.digits[i];
  const uint64_t limit = static_cast<uint64_t>(1) << 63;
  if (a.negative) {
    if (m > limit) return false;
    *v = static_cast<int64_t>(0 - m);
  } else {
    if (m >= limit) return false;
    *v = static_cast<int64_t>(m);
  }
  return true;
}

size_t bigint_bit_length(BigIntView a) {
  if (a.length == 0) return 0;
  return (a.length - 1) * 16 + bit_length16(a.digits[a.length - 1]);
}

// --- Bounds ------------------------------------------------------------------

size_t bigint_add_digits(BigIntView a, BigIntView b) {
  return (a.length > b.length ? a.length : b.length) + 1;
}

size_t bigint_mul_digits(BigIntView a, BigIntView b) { return a.length + b.length; }

size_t bigint_bitwise_digits(BigIntView a, BigIntView b) { return bigint_add_digits(a, b); }

size_t bigint_invert_digits(BigIntView a) { return a.length + 1; }

size_t bigint_quotient_digits(BigIntView a, BigIntView b) {
  // floor(|a|/|b|) + 1 can need one digit more than la - lb + 1.
  return (a.length > b.length ? a.length - b.length : 0) + 2;
}

size_t bigint_remainder_digits(BigIntView, BigIntView b) { return b.length; }

size_t bigint_divmod_scratch_digits(BigIntView a, BigIntView) {
  // mag_divmod's partial remainder (la + 1); b is not copied.
  return a.length + 1;
}

size_t bigint_lshift_digits(BigIntView a, size_t n) {
  if (a.length == 0) return 0;
  size_t ds = n >> 4;
  // Refuse sizes whose byte count would not fit in size_t.
  if (ds > (kBigIntTooBig >> 2) - 2 - a.length) return kBigIntTooBig;
  return a.length + ds + 1;
}

size_t bigint_rshift_digits(BigIntView a, size_t n) {
  size_t ds = n >> 4;
  if (ds >= a.length) return 1;
  return a.length - ds + 1;
}

size_t bigint_pow_digits(BigIntView a, BigIntView e) {
  if (e.negative) return kBigIntTooBig;
  if (e.length == 0 || a.length == 0 || (a.length == 1 && a.digits[0] == 1)) return 1;
  if (e.length > sizeof(size_t) / sizeof(BigDigit)) return kBigIntTooBig;
  size_t ev = 0;
  for (size_t i = e.length; i-- > 0;) ev = (ev << 8 << 8) | e.digits[i];
  size_t bits = bigint_bit_length(a);
  // Keep bits * ev well inside size_t without a (possibly library) overflow
  // multiply: reject when the operands' bit lengths sum past the word - 5.
  if (bit_length_size(bits) + bit_length_size(ev) > kSizeBits - 5) return kBigIntTooBig;
  // Intermediate products are written before normalization; +2 covers them.
  return ((bits * ev) >> 4) + 2;
}

size_t bigint_powmod_scratch_digits(BigIntView a, BigIntView m) {
  size_t lm = m.length;
  size_t big = a.length > 2 * lm ? a.length : 2 * lm;
  // base (lm) + product (2 lm) + division scratch (big + lm + 1).
  return lm + 2 * lm + big + lm + 2;
}

// --- Arithmetic --------------------------------------------------------------

void bigint_add(BigIntRef& out, BigIntView a, BigIntView b) {
  add_signed(out, a, b, b.negative);
}

void bigint_sub(BigIntRef& out, BigIntView a, BigIntView b) {
  add_signed(out, a, b, b.length != 0 && !b.negative);
}

void bigint_mul(BigIntRef& out, BigIntView a, BigIntView b) {
  out.length = mag_mul(out.digits, a.digits, a.length, b.digits, b.length);
  out.negative = a.negative != b.negative && out.length != 0;
}

bool bigint_divmod(BigIntRef* q, BigIntRef* r, BigIntView a, BigIntView b, BigDigit* scratch) {
  if (b.length == 0) return false;
  BigDigit* rd = r != nullptr ? r->digits : nullptr;  // only whether it is 0, then
  size_t ql = 0, rl = 0;
  mag_divmod(q != nullptr ? q->digits : nullptr, &ql, rd, &rl, a.digits, a.length, b.digits,
             b.length, scratch);
  const bool qneg = a.negative != b.negative;
  if (qneg && rl != 0) {
    // Round toward negative infinity: q = -(|q| + 1), r = |b| - |r|.
    if (q != nullptr) ql = mag_inc(q->digits, ql);
    if (r != nullptr) rl = mag_sub(rd, b.digits, b.length, rd, rl);
  }
  if (q != nullptr) {
    q->length = ql;
    q->negative = qneg && ql != 0;
  }
  if (r != nullptr) {
    r->length = rl;
    r->negative = b.negative && rl != 0;
  }
  return true;
}

bool bigint_floordiv(BigIntRef& q, BigIntView a, BigIntView b, BigDigit* scratch) {
  return bigint_divmod(&q, nullptr, a, b, scratch);
}

bool bigint_mod(BigIntRef& r, BigIntView a, BigIntView b, BigDigit* scratch) {
  return bigint_divmod(nullptr, &r, a, b, scratch);
}

bool bigint_pow(BigIntRef& out, BigIntView a, BigIntView e, BigDigit* scratch) {
  if (e.negative) return false;
  const bool odd = e.length != 0 && (e.digits[0] & 1u) != 0;
  if (e.length == 0) {
    out.digits[0] = 1;
    out.length = 1;
    out.negative = false;
    return true;
  }
  if (a.length == 0) {
    set_zero(out);
    return true;
  }
  if (a.length == 1 && a.digits[0] == 1) {
    out.digits[0] = 1;
    out.length = 1;
    out.negative = a.negative && odd;
    return true;
  }
  if (bigint_pow_digits(a, e) == kBigIntTooBig) return false;
  // Left-to-right binary exponentiation, ping-ponging between out and
  // scratch (a product may not alias its operands).
  BigDigit* cur = out.digits;
  BigDigit* other = scratch;
  copy_digits(cur, a.digits, a.length);
  size_t len = a.length;
  size_t bit = bigint_bit_length(e) - 1;
  while (bit-- > 0) {
    len = mag_mul(other, cur, len, cur, len);
    BigDigit* t = cur;
    cur = other;
    other = t;
    if ((e.digits[bit >> 4] >> (bit & 15)) & 1u) {
      len = mag_mul(other, cur, len, a.digits, a.length);
      t = cur;
      cur = other;
      other = t;
    }
  }
  copy_digits(out.digits, cur, len);
  out.length = len;
  out.negative = a.negative && odd;
  return true;
}

bool bigint_powmod(BigIntRef& out, BigIntView a, BigIntView e, BigIntView m, BigDigit* scratch) {
  if (m.length == 0 || e.negative) return false;
  const size_t lm = m.length;
  if (lm == 1 && m.digits[0] == 1) {
    set_zero(out);
    return true;
  }
  BigDigit* base = scratch;           // lm
  BigDigit* prod = base + lm;         // 2 lm
  BigDigit* div_scratch = prod + 2 * lm;
  size_t bl = 0;
  mag_divmod(nullptr, nullptr, base, &bl, a.digits, a.length, m.digits, lm, div_scratch);
  if (a.negative && bl != 0) bl = mag_sub(base, m.digits, lm, base, bl);
  // acc = 1 (|m| > 1 here).
  BigDigit* acc = out.digits;
  acc[0] = 1;
  size_t len = 1;
  for (size_t bit = bigint_bit_length(e); bit-- > 0;) {
    size_t pl = mag_mul(prod, acc, len, acc, len);
    mag_divmod(nullptr, nullptr, acc, &len, prod, pl, m.digits, lm, div_scratch);
    if ((e.digits[bit >> 4] >> (bit & 15)) & 1u) {
      pl = mag_mul(prod, acc, len, base, bl);
      mag_divmod(nullptr, nullptr, acc, &len, prod, pl, m.digits, lm, div_scratch);
    }
  }
  if (m.negative && len != 0) len = mag_sub(acc, m.digits, lm, acc, len);
  out.length = len;
  out.negative = m.negative && len != 0;
  return true;
}

void bigint_lshift(BigIntRef& out, BigIntView a, size_t n) {
  const size_t la = a.length;
  if (la == 0) {
    set_zero(out);
    return;
  }
  const size_t ds = n >> 4;
  const unsigned s = n & 15;
  BigDigit* o = out.digits;
  const BigDigit* d = a.digits;
  if (s == 0) {
    copy_digits(o + ds, d, la);
    out.length = la + ds;
  } else {
    // Descending, so that o == d is safe.
    o[la + ds] = static_cast<BigDigit>(static_cast<uint32_t>(d[la - 1]) >> (16 - s));
    for (size_t i = la - 1; i > 0; --i) {
      o[i + ds] = static_cast<BigDigit>((static_cast<uint32_t>(d[i]) << s) |
                                        (static_cast<uint32_t>(d[i - 1]) >> (16 - s)));
    }
    o[ds] = static_cast<BigDigit>(static_cast<uint32_t>(d[0]) << s);
    out.length = norm(o, la + ds + 1);
  }
  zero_digits(o, ds);
  out.negative = a.negative;
}

void bigint_rshift(BigIntRef& out, BigIntView a, size_t n) {
  const size_t la = a.length;
  if (la == 0) {
    set_zero(out);
    return;
  }
  const size_t ds = n >> 4;
  const unsigned s = n & 15;
  if (ds >= la) {
    if (a.negative) {
      out.digits[0] = 1;
      out.length = 1;
      out.negative = true;
    } else {
      set_zero(out);
    }
    return;
  }
  bool lost = false;
  if (a.negative) {
    for (size_t i = 0; i < ds && !lost; ++i) lost = a.digits[i] != 0;
    if (s != 0 && (a.digits[ds] & ((1u << s) - 1u)) != 0) lost = true;
  }
  const size_t len = la - ds;
  BigDigit* o = out.digits;
  const BigDigit* d = a.digits;
  if (s == 0) {
    copy_digits(o, d + ds, len);
  } else {
    // Ascending, so that o == d is safe.
    for (size_t i = 0; i < len; ++i) {
      uint32_t hi = i + ds + 1 < la ? d[i + ds + 1] : 0;
      o[i] = static_cast<BigDigit>((static_cast<uint32_t>(d[i + ds]) >> s) | (hi << (16 - s)));
    }
  }
  size_t l = norm(o, len);
  if (lost) l = mag_inc(o, l);
  out.length = l;
  out.negative = a.negative && l != 0;
}

void bigint_and(BigIntRef& out, BigIntView a, BigIntView b) { bitwise(out, a, b, BitOp::And); }
void bigint_or(BigIntRef& out, BigIntView a, BigIntView b) { bitwise(out, a, b, BitOp::Or); }
void bigint_xor(BigIntRef& out, BigIntView a, BigIntView b) { bitwise(out, a, b, BitOp::Xor); }

void bigint_invert(BigIntRef& out, BigIntView a) {
  if (a.negative) {
    // ~(-m) == m - 1
    copy_digits(out.digits, a.digits, a.length);
    out.length = mag_dec(out.digits, a.length);
    out.negative = false;
  } else {
    // ~m == -(m + 1)
    copy_digits(out.digits, a.digits, a.length);
    out.length = mag_inc(out.digits, a.length);
    out.negative = true;
  }
}

// --- Strings -------------------------------------------------------------

size_t bigint_to_string_chars(BigIntView a, unsigned base) {
  if (base < 2 || base > 36) return 0;
  if (a.length == 0) return 1;
  return a.length * chars_per_digit(base) + 1;
}

size_t bigint_to_string(char* out, BigIntView a, unsigned base, BigDigit* scratch) {
  if (base < 2 || base > 36) return 0;
  if (a.length == 0) {
    out[0] = '0';
    return 1;
  }
  const size_t bound = bigint_to_string_chars(a, base);
  char* end = out + bound;
  char* p = end;
  unsigned k;
  const uint32_t chunk = digit_chunk(base, &k);
  copy_digits(scratch, a.digits, a.length);
  size_t n = a.length;
  while (n != 0) {
    uint32_t rem = mag_div_small(scratch, scratch, n, chunk);
    n = norm(scratch, n);
    for (unsigned j = 0; j < k && (n != 0 || rem != 0); ++j) {
      uint32_t dr;
      rem = div_digit(rem, base, &dr);
      *--p = static_cast<char>(dr < 10 ? '0' + dr : 'a' + (dr - 10));
    }
  }
  if (a.negative) *--p = '-';
  const size_t len = static_cast<size_t>(end - p);
  if (p != out) __builtin_memmove(out, p, len);
  return len;
}

size_t bigint_from_string_digits(size_t length, unsigned base) {
  unsigned bits = 1;
  while ((1u << bits) < base) ++bits;
  return ((length * bits) >> 4) + 1;
}

bool bigint_from_string(BigIntRef& out, const char* s, size_t length, unsigned base) {
  if (base < 2 || base > 36) return false;
  size_t i = 0;
  bool neg = false;
  if (i < length && (s[i] == '-' || s[i] == '+')) {
    neg = s[i] == '-';
    ++i;
  }
  unsigned k;
  const uint32_t chunk_mul = digit_chunk(base, &k);
  size_t n = 0;
  uint32_t chunk = 0, mul = 1;
  unsigned count = 0;
  bool any = false;
  for (; i < length; ++i) {
    const char c = s[i];
    if (c == '_') continue;
    unsigned v;
    if (c >= '0' && c <= '9') {
      v = static_cast<unsigned>(c - '0');
    } else if (c >= 'a' && c <= 'z') {
      v = static_cast<unsigned>(c - 'a') + 10;
    } else if (c >= 'A' && c <= 'Z') {
      v = static_cast<unsigned>(c - 'A') + 10;
    } else {
      return false;
    }
    if (v >= base) return false;
    any = true;
    chunk = chunk * base + v;
    mul *= base;
    if (++count == k) {
      n = mag_mul_add_small(out.digits, n, chunk_mul, chunk);
      chunk = 0;
      mul = 1;
      count = 0;
    }
  }
  if (!any) return false;
  if (count != 0) n = mag_mul_add_small(out.digits, n, mul, chunk);
  n = norm(out.digits, n);
  out.length = n;
  out.negative = neg && n != 0;
  return true;
}

}  // namespace taipan::rt
