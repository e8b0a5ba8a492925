// Float <-> text, exactly: correctly rounded parsing, shortest repr (the
// digits dtoa's mode 0 gives), correctly rounded fixed digits (modes 2 and 3)
// and format()'s mini-language on top of them (CPython's format_float_short).
//
// All conversions use exact unsigned big-integer arithmetic on fixed stack
// buffers (class Big): a finite Float is m * 2**e exactly, a decimal text is
// D * 10**E exactly, and comparing or dividing such integers decides every
// rounding question without error. The buffers are sized for the largest
// integers a conversion of this precision can reach (see kBigLimbs).
#include "runtime/float.h"

#include "runtime/format_spec.h"
#include "runtime/runtime.h"
#include "runtime/str.h"

namespace taipan::rt {

namespace {

// --- Layout of Float --------------------------------------------------------------

#if TAIPAN_FLOAT_IS_DOUBLE
using FloatBits = uint64_t;
constexpr int kPrecision = 53;      // significand bits, hidden bit included
constexpr int kExponentBias = 1023;
constexpr int kMaxBiased = 2047;
// Decimal texts with more significant digits are cut here (a nonzero tail
// becomes one sticky digit): 767 digits decide any rounding of a double.
constexpr int kMaxSignificantDigits = 800;
// Beyond these decimal exponents (value = 0.D * 10**x) the value is inf or 0.
constexpr int kMaxDecimalExponent = 310;
constexpr int kMinDecimalExponent = -345;
#else
using FloatBits = uint32_t;
constexpr int kPrecision = 24;
constexpr int kExponentBias = 127;
constexpr int kMaxBiased = 255;
constexpr int kMaxSignificantDigits = 120;  // 112 decide any rounding of a float
constexpr int kMaxDecimalExponent = 40;
constexpr int kMinDecimalExponent = -50;
#endif
// A finite Float is m * 2**e with m < 2**kPrecision and kMinExponent <= e <= kMaxExponent.
constexpr int kMinExponent = 1 - kExponentBias - (kPrecision - 1);
constexpr int kMaxExponent = kMaxBiased - 1 - kExponentBias - (kPrecision - 1);
constexpr FloatBits kHiddenBit = FloatBits{1} << (kPrecision - 1);

// Limbs of 16 bits: the largest integer is 10**(kMaxSignificantDigits -
// kMinDecimalExponent) shifted by kPrecision + 3 bits (parsing a tiny value
// with the longest digit string); printing needs less.
constexpr size_t kBigLimbs =
    ((kMaxSignificantDigits - kMinDecimalExponent + 2) * 3322 / 1000 + kPrecision + 64) / 16 + 8;

FloatBits BitsOf(Float f) {
  FloatBits b;
  __builtin_memcpy(&b, &f, sizeof b);
  return b;
}

Float FromBits(FloatBits b) {
  Float f;
  __builtin_memcpy(&f, &b, sizeof f);
  return f;
}

// |f| = m * 2**e for finite f.
void Decompose(Float f, FloatBits* m, int* e) {
  FloatBits bits = BitsOf(f);
  int biased = static_cast<int>((bits >> (kPrecision - 1)) & kMaxBiased);
  FloatBits fraction = bits & (kHiddenBit - 1);
  if (biased == 0) {
    *m = fraction;
    *e = kMinExponent;
  } else {
    *m = fraction | kHiddenBit;
    *e = biased - kExponentBias - (kPrecision - 1);
  }
}

// The Float m * 2**e for m < 2**kPrecision, e >= kMinExponent, and
// m >= kHiddenBit unless e == kMinExponent (subnormal); inf past the range.
Float Compose(bool negative, FloatBits m, int e) {
  FloatBits bits;
  if (e > kMaxExponent) {
    bits = static_cast<FloatBits>(kMaxBiased) << (kPrecision - 1);
  } else if (m < kHiddenBit) {
    bits = m;  // subnormal (or zero)
  } else {
    bits = (static_cast<FloatBits>(e - kMinExponent + 1) << (kPrecision - 1)) | (m & (kHiddenBit - 1));
  }
  if (negative) bits |= FloatBits{1} << (sizeof(FloatBits) * 8 - 1);
  return FromBits(bits);
}

// --- Big: an unsigned integer in base 2**16 -------------------------------------
//
// Invariant: digits[0..length) least significant first, digits[length-1]
// != 0 (zero has length 0). Capacity is fixed (kBigLimbs); the conversions
// below never exceed it (the bounds on their inputs guarantee that).
class Big {
 public:
  Big() = default;
  explicit Big(uint64_t v) { Set(v); }
  // Copies only the limbs in use: the buffer is sized for the extreme
  // cases, while ordinary numbers use a few limbs of it.
  Big(const Big& other) : length_(other.length_) { CopyLimbs(other); }
  Big& operator=(const Big& other) {
    length_ = other.length_;
    CopyLimbs(other);
    return *this;
  }

  void Set(uint64_t v) {
    length_ = 0;
    while (v) {
      digits_[length_++] = static_cast<uint16_t>(v);
      v >>= 16;
    }
  }
  bool IsZero() const { return length_ == 0; }

  void MultiplyAdd(uint32_t factor, uint32_t addend) {  // factor, addend < 2**16
    uint32_t carry = addend;
    for (size_t i = 0; i < length_; ++i) {
      uint32_t t = static_cast<uint32_t>(digits_[i]) * factor + carry;
      digits_[i] = static_cast<uint16_t>(t);
      carry = t >> 16;
    }
    if (carry) Push(static_cast<uint16_t>(carry));
  }

  void MultiplyPow10(int n) {
    for (; n >= 4; n -= 4) MultiplyAdd(10000, 0);
    static constexpr uint32_t kSmall[] = {1, 10, 100, 1000};
    if (n > 0) MultiplyAdd(kSmall[n], 0);
  }

  void ShiftLeft(int bits) {
    if (length_ == 0 || bits <= 0) return;
    size_t words = static_cast<size_t>(bits) / 16;
    unsigned rest = static_cast<unsigned>(bits) % 16;
    if (length_ + words + 1 > kBigLimbs) __builtin_trap();  // bounds are static: never happens
    digits_[length_ + words] = 0;
    for (size_t i = length_; i-- > 0;) {
      uint32_t v = static_cast<uint32_t>(digits_[i]) << rest;
      digits_[i + words + 1] |= static_cast<uint16_t>(v >> 16);
      digits_[i + words] = static_cast<uint16_t>(v);
    }
    for (size_t i = 0; i < words; ++i) digits_[i] = 0;
    length_ += words + 1;
    Trim();
  }

  void ShiftRightOne() {
    for (size_t i = 0; i < length_; ++i) {
      uint16_t high = i + 1 < length_ ? digits_[i + 1] : 0;
      digits_[i] = static_cast<uint16_t>((digits_[i] >> 1) | (high << 15));
    }
    Trim();
  }

  void Add(const Big& other) {
    uint32_t carry = 0;
    size_t n = length_ > other.length_ ? length_ : other.length_;
    for (size_t i = 0; i < n; ++i) {
      uint32_t t = carry + (i < length_ ? digits_[i] : 0u) + (i < other.length_ ? other.digits_[i] : 0u);
      if (i >= length_) digits_[i] = 0;
      digits_[i] = static_cast<uint16_t>(t);
      carry = t >> 16;
    }
    length_ = n;
    if (carry) Push(1);
  }

  // *this -= other; requires *this >= other.
  void Subtract(const Big& other) {
    int32_t borrow = 0;
    for (size_t i = 0; i < length_; ++i) {
      int32_t t = static_cast<int32_t>(digits_[i]) - (i < other.length_ ? other.digits_[i] : 0) - borrow;
      borrow = t < 0;
      digits_[i] = static_cast<uint16_t>(t + (borrow << 16));
    }
    Trim();
  }

  size_t BitLength() const {
    if (length_ == 0) return 0;
    return (length_ - 1) * 16 + (32 - static_cast<size_t>(__builtin_clz(digits_[length_ - 1])));
  }

  friend int Compare(const Big& a, const Big& b) {
    if (a.length_ != b.length_) return a.length_ < b.length_ ? -1 : 1;
    for (size_t i = a.length_; i-- > 0;)
      if (a.digits_[i] != b.digits_[i]) return a.digits_[i] < b.digits_[i] ? -1 : 1;
    return 0;
  }

  // Compare(a + b, c) without a temporary.
  friend int CompareSum(const Big& a, const Big& b, const Big& c) {
    Big sum = a;
    sum.Add(b);
    return Compare(sum, c);
  }

  // Divides by `divisor` when the quotient is a single decimal digit
  // (*this < 10 * divisor): returns it and leaves the remainder.
  int DivideDigit(const Big& divisor) {
    int q = 0;
    while (Compare(*this, divisor) >= 0) {
      Subtract(divisor);
      ++q;
    }
    return q;
  }

  // The value as a 128-bit integer; false when it is wider.
#if defined(__SIZEOF_INT128__)
  bool ToUint128(unsigned __int128* out) const {
    if (length_ > 8) return false;
    unsigned __int128 v = 0;
    for (size_t i = length_; i-- > 0;) v = (v << 16) | digits_[i];
    *out = v;
    return true;
  }
#endif

 private:
  void CopyLimbs(const Big& other) { __builtin_memcpy(digits_, other.digits_, length_ * sizeof digits_[0]); }
  void Push(uint16_t d) {
    if (length_ >= kBigLimbs) __builtin_trap();
    digits_[length_++] = d;
  }
  void Trim() {
    while (length_ > 0 && digits_[length_ - 1] == 0) --length_;
  }

  uint16_t digits_[kBigLimbs];
  size_t length_ = 0;
};

// floor(log10(2**x)) for |x| < 2**12.
int FloorLog10Pow2(int x) { return (x * 78913) >> 18; }

// --- Decimal -> binary --------------------------------------------------------------

// The Float nearest D * 10**exponent (ties to even), D given by its decimal
// digits (no leading zeros; at most kMaxSignificantDigits + 1).
Float DecimalToFloat(bool negative, const char* digits, int n_digits, int exponent) {
  if (n_digits == 0) return negative ? -Float(0) : Float(0);
  int magnitude = n_digits + exponent;  // value = 0.D * 10**magnitude
  if (magnitude > kMaxDecimalExponent) return Compose(negative, 0, kMaxExponent + 1);
  if (magnitude < kMinDecimalExponent) return Compose(negative, 0, kMinExponent);
  Big numerator, denominator(1);
  for (int i = 0; i < n_digits; ++i) numerator.MultiplyAdd(10, static_cast<uint32_t>(digits[i] - '0'));
  if (exponent >= 0) numerator.MultiplyPow10(exponent);
  else denominator.MultiplyPow10(-exponent);
  // q = floor(numerator * 2**shift / denominator) gets kPrecision + 2 or + 3
  // bits: the significand, a rounding bit and one spare.
  int b = static_cast<int>(numerator.BitLength()) - static_cast<int>(denominator.BitLength());
  int shift = kPrecision + 2 - b;
  if (shift >= 0) numerator.ShiftLeft(shift);
  else denominator.ShiftLeft(-shift);
  constexpr int kQuotientBits = kPrecision + 3;
  denominator.ShiftLeft(kQuotientBits - 1);
  uint64_t q = 0;
  for (int bit = kQuotientBits - 1; bit >= 0; --bit) {
    if (Compare(numerator, denominator) >= 0) {
      numerator.Subtract(denominator);
      q |= uint64_t{1} << bit;
    }
    denominator.ShiftRightOne();
  }
  bool sticky = !numerator.IsZero();
  // value = (q + fraction) * 2**-shift; keep kPrecision bits of q, fewer when
  // the result is subnormal.
  int q_bits = 64 - __builtin_clzll(q);
  int extra = q_bits - kPrecision;
  int e = -shift + extra;
  if (e < kMinExponent) {
    extra += kMinExponent - e;
    e = kMinExponent;
  }
  if (extra > q_bits) return Compose(negative, 0, kMinExponent);  // below half the smallest subnormal
  uint64_t m = extra >= 64 ? 0 : q >> extra;
  uint64_t rest = q - (extra >= 64 ? 0 : m << extra);
  uint64_t half = uint64_t{1} << (extra - 1);
  if (rest > half || (rest == half && (sticky || (m & 1)))) {
    ++m;
    if (m == (uint64_t{1} << kPrecision)) {
      m >>= 1;
      ++e;
    }
  }
  return Compose(negative, static_cast<FloatBits>(m), e);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool MatchesWord(const char* text, size_t length, const char* word) {
  size_t n = __builtin_strlen(word);
  if (length != n) return false;
  for (size_t i = 0; i < n; ++i)
    if (Lower(text[i]) != word[i]) return false;
  return true;
}

// The significant digits of a decimal text (leading zeros dropped), at most
// kMaxSignificantDigits of them; the rest only count and set `sticky`.
struct DecimalDigits {
  char digits[kMaxSignificantDigits + 1];
  int count = 0;       // significant digits kept
  int dropped = 0;     // significant digits beyond the kept ones
  bool sticky = false; // some dropped digit is nonzero
  void Add(char c) {
    if (count == 0 && c == '0') return;
    if (count < kMaxSignificantDigits) {
      digits[count++] = c;
    } else {
      ++dropped;
      if (c != '0') sticky = true;
    }
  }
};

// Scans digits (with underscores) at text[*i..length); calls add(c) for
// each. Returns the number of digits, or -1 for a misplaced underscore.
template <typename F>
int ScanDigits(const char* text, size_t length, size_t* i, F add) {
  int n = 0;
  while (*i < length) {
    char c = text[*i];
    if (IsDigit(c)) {
      add(c);
      ++n;
      ++*i;
    } else if (c == '_') {
      if (n == 0 || *i + 1 >= length || !IsDigit(text[*i + 1])) return -1;
      ++*i;
    } else {
      break;
    }
  }
  return n;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

bool ParseFloatText(const char* text, size_t length, Float* out) {
  size_t i = 0;
  bool negative = false;
  if (i < length && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  const char* rest = text + i;
  size_t rest_length = length - i;
  if (MatchesWord(rest, rest_length, "inf") || MatchesWord(rest, rest_length, "infinity")) {
    *out = Compose(negative, 0, kMaxExponent + 1);
    return true;
  }
  if (MatchesWord(rest, rest_length, "nan")) {
    // A quiet NaN; its sign is kept (as CPython's float('-nan')).
    *out = FromBits(static_cast<FloatBits>(kMaxBiased) << (kPrecision - 1) | (kHiddenBit >> 1));
    if (negative) *out = FromBits(BitsOf(*out) | FloatBits{1} << (sizeof(FloatBits) * 8 - 1));
    return true;
  }
  DecimalDigits d;
  int zeros_after_point = 0;  // leading zeros after the point, before any significant digit
  int integer_digits = ScanDigits(text, length, &i, [&d](char c) { d.Add(c); });
  if (integer_digits < 0) return false;
  int integer_significant = d.count + d.dropped;
  int fraction_digits = 0;
  if (i < length && text[i] == '.') {
    ++i;
    if (i < length && text[i] == '_') return false;
    fraction_digits = ScanDigits(text, length, &i, [&](char c) {
      if (d.count == 0 && c == '0') ++zeros_after_point;
      d.Add(c);
    });
    if (fraction_digits < 0) return false;
  }
  if (integer_digits + fraction_digits == 0) return false;
  int64_t exponent = 0;
  if (i < length && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool exponent_negative = false;
    if (i < length && (text[i] == '+' || text[i] == '-')) exponent_negative = text[i++] == '-';
    int exponent_digits = ScanDigits(text, length, &i, [&exponent](char c) {
      if (exponent < 100000000) exponent = exponent * 10 + (c - '0');
    });
    if (exponent_digits <= 0) return false;
    if (exponent_negative) exponent = -exponent;
  }
  if (i != length) return false;
  // value = 0.(significant digits) * 10**magnitude; D * 10**E with D the kept digits.
  int64_t magnitude = d.count == 0 ? 0
                      : (integer_significant > 0 ? integer_significant : -zeros_after_point) + exponent;
  if (d.sticky) d.digits[d.count++] = '1';
  while (d.count > 0 && d.digits[d.count - 1] == '0') --d.count;
  if (d.count == 0) {
    *out = negative ? -Float(0) : Float(0);
    return true;
  }
  if (magnitude > kMaxDecimalExponent + 1) magnitude = kMaxDecimalExponent + 1;
  if (magnitude < kMinDecimalExponent - 1) magnitude = kMinDecimalExponent - 1;
  *out = DecimalToFloat(negative, d.digits, d.count, static_cast<int>(magnitude) - d.count);
  return true;
}

Value ParseFloat(const char* text, size_t length) {
  while (length > 0 && IsSpace(text[0])) {
    ++text;
    --length;
  }
  while (length > 0 && IsSpace(text[length - 1])) --length;
  Float f;
  if (!ParseFloatText(text, length, &f)) RaiseValueError("invalid syntax for number");
  return NewFloat(f);
}

Value ParseComplex(const char* text, size_t length) {
  auto strip = [&] {
    while (length > 0 && IsSpace(text[0])) {
      ++text;
      --length;
    }
    while (length > 0 && IsSpace(text[length - 1])) --length;
  };
  strip();
  if (length >= 2 && text[0] == '(' && text[length - 1] == ')') {
    ++text;
    length -= 2;
    strip();
  }
  auto fail = [] { RaiseValueError("invalid syntax for number"); };
  if (length == 0) fail();
  bool imaginary = text[length - 1] == 'j' || text[length - 1] == 'J';
  size_t body = imaginary ? length - 1 : length;
  // The split between the real and imaginary parts: a sign that is not the
  // first character and does not follow an exponent's 'e'.
  size_t split = 0;
  for (size_t i = 1; i < body; ++i) {
    if ((text[i] == '+' || text[i] == '-') && Lower(text[i - 1]) != 'e') {
      split = i;
      break;
    }
  }
  Float real = 0, imag = 0;
  auto part = [&](const char* p, size_t n, Float* out) {
    if (n == 1 && (p[0] == '+' || p[0] == '-')) {
      // Not `p[0] == '-' ? -1 : 1`: LLVM 22 turns a choice between two
      // float constants into a constant-pool load that its Xtensa backend
      // cannot select for the ESP32 ("Cannot select ... TargetConstantPool").
      volatile Float unit = 1;
      *out = p[0] == '-' ? -unit : unit;
      return true;
    }
    return ParseFloatText(p, n, out);
  };
  if (!imaginary) {
    if (split != 0 || !ParseFloatText(text, body, &real)) fail();
  } else if (split == 0) {
    if (body == 0) imag = 1;
    else if (!part(text, body, &imag)) fail();
  } else {
    if (!ParseFloatText(text, split, &real) || !part(text + split, body - split, &imag)) fail();
  }
  return NewComplex(real, imag);
}

// --- Binary -> decimal ------------------------------------------------------------

namespace {

// Scaled ratio R/S == |f| / 10**k with R < S (the first digit is then the
// integer part of 10*R/S), and the rounding margins M-, M+ of shortest
// printing: the halfway points to the neighbouring Floats, also / 10**k.
// (Steele & White / Burger & Dybvig.)
struct DigitState {
  Big r, s, m_minus, m_plus;
  int k;          // decimal exponent: value = 0.DIGITS * 10**k
  bool even;      // the significand is even: the halfway points round to it
};

void SetUp(DigitState& st, Float f, bool with_margins) {
  FloatBits m;
  int e;
  Decompose(f, &m, &e);
  st.even = (m & 1) == 0;
  // The gap below is half the gap above at a power of two (not subnormal).
  bool unequal_gaps = m == kHiddenBit && e > kMinExponent;
  st.r.Set(m);
  st.r.ShiftLeft(unequal_gaps ? 2 : 1);
  st.s.Set(unequal_gaps ? 4 : 2);
  st.m_minus.Set(1);
  st.m_plus.Set(unequal_gaps ? 2 : 1);
  if (e >= 0) {
    st.r.ShiftLeft(e);
    st.m_minus.ShiftLeft(e);
    st.m_plus.ShiftLeft(e);
  } else {
    st.s.ShiftLeft(-e);
  }
  // Estimate k from the binary exponent: 10**(k-1) <= value, fixed below.
  int bits = e + static_cast<int>(64 - __builtin_clzll(static_cast<uint64_t>(m)));
  int k = FloorLog10Pow2(bits - 1) + 1;
  if (k >= 0) {
    st.s.MultiplyPow10(k);
  } else {
    st.r.MultiplyPow10(-k);
    st.m_minus.MultiplyPow10(-k);
    st.m_plus.MultiplyPow10(-k);
  }
  // The estimate may be one too small: then the value (or its upper
  // margin, for shortest printing) reaches 10**k.
  bool too_small = with_margins ? CompareSum(st.r, st.m_plus, st.s) >= (st.even ? 0 : 1)
                                : Compare(st.r, st.s) >= 0;
  if (too_small) {
    st.s.MultiplyAdd(10, 0);
    ++k;
  }
  st.k = k;
}

// Adds one unit in the last digit of out.data[start..]; returns true when the
// digits were all 9s (they become "1000...", one more leading digit).
bool RoundUp(StringBuilder& out, size_t start) {
  for (size_t i = out.length; i-- > start;) {
    if (out.data[i] != '9') {
      ++out.data[i];
      return false;
    }
    out.data[i] = '0';
  }
  if (out.length > start) out.data[start] = '1';
  return true;
}

// The digit loops below run on Big, or, when every number of the state fits
// (as for most values printed), on a 128-bit integer with the same
// operations: the same arithmetic, so the same digits, without the limbs.
#if defined(__SIZEOF_INT128__)
struct Wide {
  unsigned __int128 v = 0;
  bool IsZero() const { return v == 0; }
  void MultiplyAdd(uint32_t factor, uint32_t addend) { v = v * factor + addend; }
  void Add(const Wide& other) { v += other.v; }
  int DivideDigit(const Wide& divisor) {
    int q = static_cast<int>(v / divisor.v);
    v %= divisor.v;
    return q;
  }
  friend int Compare(const Wide& a, const Wide& b) { return a.v < b.v ? -1 : a.v > b.v ? 1 : 0; }
  friend int CompareSum(const Wide& a, const Wide& b, const Wide& c) { return Compare(Wide{a.v + b.v}, c); }
};

// The state in 128-bit integers when 10 * s and r + m_plus (all that the
// loops compute) stay below 2**127; false otherwise.
bool ToWide(const DigitState& st, Wide* r, Wide* s, Wide* m_minus, Wide* m_plus) {
  if (st.s.BitLength() > 123) return false;  // r, m- and m+ are below s
  return st.r.ToUint128(&r->v) && st.s.ToUint128(&s->v) && st.m_minus.ToUint128(&m_minus->v) &&
         st.m_plus.ToUint128(&m_plus->v);
}
#endif

// Shortest digits from r/s with margins m-, m+ (see DigitState).
template <typename Num>
void ShortestDigitLoop(Num& r, const Num& s, Num& m_minus, Num& m_plus, bool even, StringBuilder& out) {
  for (;;) {
    r.MultiplyAdd(10, 0);
    m_minus.MultiplyAdd(10, 0);
    m_plus.MultiplyAdd(10, 0);
    int digit = r.DivideDigit(s);
    int low_cmp = Compare(r, m_minus);
    int high_cmp = CompareSum(r, m_plus, s);
    bool low = even ? low_cmp <= 0 : low_cmp < 0;     // digit alone is within the lower margin
    bool high = even ? high_cmp >= 0 : high_cmp > 0;  // digit + 1 is within the upper margin
    if (!low && !high) {
      out.Append(static_cast<char>('0' + digit));
      continue;
    }
    if (low && high) {
      // Both round-trip: take the nearer (ties to even).
      Num twice = r;
      twice.Add(r);
      int c = Compare(twice, s);
      if (c > 0 || (c == 0 && (digit & 1))) ++digit;
    } else if (high) {
      ++digit;
    }
    out.Append(static_cast<char>('0' + digit));
    return;
  }
}

size_t ShortestDigits(Float f, StringBuilder& out, int* decpt) {
  DigitState st;
  SetUp(st, f, true);
  size_t start = out.length;
#if defined(__SIZEOF_INT128__)
  Wide r, s, m_minus, m_plus;
  if (ToWide(st, &r, &s, &m_minus, &m_plus)) ShortestDigitLoop(r, s, m_minus, m_plus, st.even, out);
  else ShortestDigitLoop(st.r, st.s, st.m_minus, st.m_plus, st.even, out);
#else
  ShortestDigitLoop(st.r, st.s, st.m_minus, st.m_plus, st.even, out);
#endif
  *decpt = st.k;
  return out.length - start;
}

// `wanted` digits of r/s, then rounding on the rest (see RoundedDigits).
// Returns whether the digits rounded up to a new leading 1.
template <typename Num>
bool RoundedDigitLoop(Num& r, const Num& s, int64_t wanted, size_t start, StringBuilder& out) {
  for (int64_t i = 0; i < wanted && !r.IsZero(); ++i) {
    r.MultiplyAdd(10, 0);
    out.Append(static_cast<char>('0' + r.DivideDigit(s)));
  }
  // Round on what is left: r/s of a unit in the last place.
  if (r.IsZero()) return false;
  Num twice = r;
  twice.Add(r);
  int c = Compare(twice, s);
  bool last_odd = out.length > start && ((out.data[out.length - 1] - '0') & 1);
  if (!(c > 0 || (c == 0 && last_odd))) return false;
  if (out.length == start) {
    out.Append('1');  // wanted == 0: rounds up to one unit of 10**k
    return true;
  }
  return RoundUp(out, start);
}

// Correctly rounded digits: `count` significant digits when `fixed` is
// false; otherwise digits down to 10**-count.
size_t RoundedDigits(Float f, bool fixed, int count, StringBuilder& out, int* decpt) {
  DigitState st;
  SetUp(st, f, false);
  size_t start = out.length;
  int64_t wanted = fixed ? int64_t{st.k} + count : count;
  if (wanted < 0) {
    *decpt = -count;
    return 0;
  }
  int k = st.k;
  bool carried;
#if defined(__SIZEOF_INT128__)
  Wide r, s, m_minus, m_plus;
  if (ToWide(st, &r, &s, &m_minus, &m_plus)) carried = RoundedDigitLoop(r, s, wanted, start, out);
  else carried = RoundedDigitLoop(st.r, st.s, wanted, start, out);
#else
  carried = RoundedDigitLoop(st.r, st.s, wanted, start, out);
#endif
  if (carried) ++k;
  while (out.length > start && out.data[out.length - 1] == '0') --out.length;
  if (out.length == start) {
    *decpt = -count;
    return 0;
  }
  *decpt = k;
  return out.length - start;
}

}  // namespace

size_t FloatDigits(Float f, int mode, int ndigits, StringBuilder& out, int* decpt) {
  if (mode == 0) return ShortestDigits(f, out, decpt);
  return RoundedDigits(f, mode == 3, ndigits, out, decpt);
}

namespace {

bool SignBit(Float f) { return (BitsOf(f) >> (sizeof(FloatBits) * 8 - 1)) != 0; }

// CPython's format_float_short: `code` is 'e', 'f', 'g' or 'r'; `upper` for
// E F G. Appends sign (when negative or `plus`), digits, point and exponent.
void FormatShort(StringBuilder& text, Float f, char code, int precision, bool plus, bool add_dot_0,
                 bool alternate, bool upper) {
  if (SignBit(f) && !FloatIsNan(f)) text.Append('-');
  else if (plus) text.Append('+');
  if (FloatIsNan(f) || FloatIsInf(f)) {
    const char* word = FloatIsNan(f) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
    text.AppendCString(word);
    return;
  }
  if (code == 'e') ++precision;
  if (code == 'g' && precision == 0) precision = 1;
  // The digits, after the sign: kept in the builder and moved into place.
  StringBuilder digits;
  int decpt = 1;
  size_t n;
  Float magnitude = SignBit(f) ? -f : f;
  if (magnitude == 0) {
    digits.Append('0');
    n = 1;
  } else if (code == 'r') {
    n = FloatDigits(magnitude, 0, 0, digits, &decpt);
  } else {
    n = FloatDigits(magnitude, code == 'f' ? 3 : 2, precision, digits, &decpt);
  }
  int64_t digits_length = static_cast<int64_t>(n);
  int64_t vdigits_end = digits_length;
  bool use_exp = false;
  switch (code) {
    case 'e':
      use_exp = true;
      vdigits_end = precision;
      break;
    case 'f':
      vdigits_end = int64_t{decpt} + precision;
      break;
    case 'g':
      if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision)) use_exp = true;
      if (alternate) vdigits_end = precision;
      break;
    default:  // 'r'
      if (decpt <= -4 || decpt > 16) use_exp = true;
      break;
  }
  int exponent = 0;
  int64_t point = decpt;
  if (use_exp) {
    exponent = decpt - 1;
    point = 1;
  }
  int64_t vdigits_start = point <= 0 ? point - 1 : 0;
  if (!use_exp && add_dot_0) vdigits_end = vdigits_end > point ? vdigits_end : point + 1;
  else vdigits_end = vdigits_end > point ? vdigits_end : point;
  auto zeros = [&text](int64_t count) {
    for (int64_t i = 0; i < count; ++i) text.Append('0');
  };
  if (point <= 0) {
    zeros(point - vdigits_start);
    text.Append('.');
    zeros(-point);
  } else {
    zeros(-vdigits_start);
  }
  if (0 < point && point <= digits_length) {
    text.Append(digits.data, static_cast<size_t>(point));
    text.Append('.');
    text.Append(digits.data + point, static_cast<size_t>(digits_length - point));
  } else {
    text.Append(digits.data, n);
  }
  if (digits_length < point) {
    zeros(point - digits_length);
    text.Append('.');
    zeros(vdigits_end - point);
  } else {
    zeros(vdigits_end - digits_length);
  }
  if (text.data[text.length - 1] == '.' && !alternate) --text.length;
  if (use_exp) {
    text.Append(upper ? 'E' : 'e');
    text.Append(exponent < 0 ? '-' : '+');
    unsigned magnitude_exp = static_cast<unsigned>(exponent < 0 ? -exponent : exponent);
    char buf[8];
    int len = 0;
    do {
      buf[len++] = static_cast<char>('0' + magnitude_exp % 10);
      magnitude_exp /= 10;
    } while (magnitude_exp);
    if (len < 2) buf[len++] = '0';
    while (len > 0) text.Append(buf[--len]);
  }
}

}  // namespace

void PrintFloat(const Printer& out, Float f) {
  StringBuilder text;
  FormatShort(text, f, 'r', 0, false, true, false, false);
  PrintBytes(out, text.data, text.length);
}

void PrintFloatShort(const Printer& out, Float f, bool add_dot_0, bool plus) {
  StringBuilder text;
  FormatShort(text, f, 'r', 0, plus, add_dot_0, false, false);
  PrintBytes(out, text.data, text.length);
}

void FormatFloatPercent(const Printer& out, Float f, char type, int precision, bool alternate) {
  bool upper = type == 'E' || type == 'F' || type == 'G';
  char code = static_cast<char>(Lower(type));
  if (precision < 0) precision = 6;
  StringBuilder text;
  if (code == 'r') FormatShort(text, f, 'r', 0, false, true, false, false);
  else FormatShort(text, f, code, precision, false, false, alternate, upper);
  PrintBytes(out, text.data, text.length);
}

void FormatFloat(const Printer& out, Value v, const FormatSpec& spec) {
  Float f = FloatValue(v);
  char type = spec.type;
  bool upper = type == 'E' || type == 'F' || type == 'G';
  char code;
  bool add_dot_0 = false;
  bool percent = false;
  int default_precision = 6;
  switch (type) {
    case 0:
      add_dot_0 = true;
      code = 'r';
      default_precision = 0;
      break;
    case 'e': case 'E': code = 'e'; break;
    case 'f': case 'F': code = 'f'; break;
    case 'g': case 'G': case 'n': code = 'g'; break;
    case '%':
      code = 'f';
      f *= 100;
      percent = true;
      break;
    default: {
      char name[2] = {type, 0};
      const char* parts[] = {"unknown format code '", name, "' for object of type '", TypeNameOf(v), "'"};
      RaiseJoined(&kValueErrorType, parts, 5);
    }
  }
  int precision = spec.precision < 0 ? default_precision
                  : spec.precision > 100000 ? 100000
                                            : static_cast<int>(spec.precision);
  if (spec.precision >= 0 && code == 'r') code = 'g';
  StringBuilder text;
  FormatShort(text, f, code, precision, spec.sign == '+', add_dot_0, spec.alternate, upper);
  if (percent) text.Append('%');
  // The sign as the spec wants it: ' ' for a space before positive numbers.
  size_t sign_length = text.length > 0 && (text.data[0] == '-' || text.data[0] == '+') ? 1 : 0;
  StringBuilder body;
  if (sign_length == 0 && spec.sign == ' ') body.Append(' ');
  size_t body_sign = sign_length + body.length;
  bool finite = !FloatIsNan(f) && !FloatIsInf(f);
  if (spec.grouping && finite) {
    // Group the integer part's digits in threes.
    body.Append(text.data, sign_length);
    size_t digits_end = sign_length;
    while (digits_end < text.length && IsDigit(text.data[digits_end])) ++digits_end;
    size_t count = digits_end - sign_length;
    // Zero padding is grouped as well (CPython): pad the digits first.
    size_t rest = text.length - digits_end;
    if (spec.fill == '0' && spec.width > 0 && (spec.align == '=' || (!spec.align && spec.zero_pad))) {
      size_t width = static_cast<size_t>(spec.width);
      size_t used = body_sign + rest;
      while (used + count + (count - 1) / 3 < width) ++count;
    }
    size_t pad = count - (digits_end - sign_length);
    for (size_t i = 0; i < count; ++i) {
      if (i > 0 && (count - i) % 3 == 0) body.Append(spec.grouping);
      body.Append(i < pad ? '0' : text.data[sign_length + i - pad]);
    }
    body.Append(text.data + digits_end, rest);
  } else {
    body.Append(text.data, text.length);
  }
  PrintPadded(out, spec, '>', body.data, body.length, body.length, body_sign);
}

}  // namespace taipan::rt
