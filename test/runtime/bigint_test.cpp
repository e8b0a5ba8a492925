// Unit tests for the arbitrary-precision integer core (runtime/bigint.h).
//
// The bulk of the checks are generated: bigint_cases.inc holds thousands of
// operations with Python's results, made by the build from Python's int
// (test/tools/gen_bigint_cases.py, a fixed seed). Every output buffer is allocated at exactly
// the size the *_digits() bound asks for, followed by guard digits that must
// survive, so both plain and ASan builds catch a bound that is too small.
#include "runtime/bigint.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace taipan::rt {
namespace {

constexpr size_t kGuard = 4;
constexpr BigDigit kGuardValue = 0xA5C3;

// An output buffer of exactly `capacity` digits plus guard digits.
class Buf {
 public:
  explicit Buf(size_t capacity)
      : capacity_(capacity), data_(new BigDigit[capacity + kGuard]) {
    for (size_t i = 0; i < capacity + kGuard; ++i) data_[i] = static_cast<BigDigit>(0x5A5A + i);
    for (size_t i = 0; i < kGuard; ++i) data_[capacity + i] = kGuardValue;
    ref_ = {data_.get(), 0, false};
  }
  BigIntRef& ref() { return ref_; }
  BigIntView view() const { return ref_; }
  BigDigit* digits() { return data_.get(); }
  bool guard_ok() const {
    for (size_t i = 0; i < kGuard; ++i) {
      if (data_[capacity_ + i] != kGuardValue) return false;
    }
    return true;
  }

 private:
  size_t capacity_;
  std::unique_ptr<BigDigit[]> data_;
  BigIntRef ref_;
};

bool normalized(BigIntView v) {
  if (v.length == 0) return !v.negative;
  return v.digits[v.length - 1] != 0;
}

// A parsed value (hex, '-' for negatives).
class Num {
 public:
  explicit Num(const std::string& text, unsigned base = 16)
      : buf_(bigint_from_string_digits(text.size(), base)) {
    ok_ = bigint_from_string(buf_.ref(), text.data(), text.size(), base);
    EXPECT_TRUE(buf_.guard_ok()) << text;
  }
  explicit Num(int64_t v) : buf_(kBigIntInt64Digits) {
    bigint_from_int64(buf_.ref(), v);
    ok_ = true;
  }
  BigIntView view() const { return buf_.view(); }
  operator BigIntView() const { return view(); }
  bool ok() const { return ok_; }

 private:
  Buf buf_;
  bool ok_;
};

std::string Str(BigIntView v, unsigned base = 16) {
  EXPECT_TRUE(normalized(v));
  std::vector<BigDigit> scratch(v.length + 1);
  std::string s(bigint_to_string_chars(v, base), '\0');
  size_t n = bigint_to_string(s.data(), v, base, scratch.data());
  EXPECT_LE(n, s.size());
  s.resize(n);
  return s;
}

// Copies v into a fresh buffer of `capacity` digits (for in-place tests).
std::unique_ptr<Buf> Copy(BigIntView v, size_t capacity) {
  auto b = std::make_unique<Buf>(capacity);
  if (v.length != 0) std::memcpy(b->digits(), v.digits, v.length * sizeof(BigDigit));
  b->ref().length = v.length;
  b->ref().negative = v.negative;
  return b;
}

enum class Op { Cmp, Add, Sub, Mul, And, Or, Xor, DivMod, LShift, RShift, Invert, Pow, PowMod, Str };

struct Case {
  Op op;
  const char* a;
  const char* b;
  const char* c;
  const char* r1;
  const char* r2;
};

const Case kCases[] = {
#define BIGINT_CASE(op, a, b, c, r1, r2) {Op::op, a, b, c, r1, r2},
#include "bigint_cases.inc"  // generated into the build tree
#undef BIGINT_CASE
};

using BinaryFn = void (*)(BigIntRef&, BigIntView, BigIntView);

// out = f(a, b) into a fresh buffer, and again in place over a and over b.
std::string CheckBinary(BinaryFn f, size_t bound, const Num& a, const Num& b, const char* what) {
  Buf out(bound);
  f(out.ref(), a, b);
  EXPECT_TRUE(out.guard_ok()) << what;
  std::string s = Str(out.view());
  auto ia = Copy(a, bound);
  f(ia->ref(), ia->view(), b);
  EXPECT_TRUE(ia->guard_ok()) << what;
  EXPECT_EQ(Str(ia->view()), s) << what << " in place over a";
  auto ib = Copy(b, bound);
  f(ib->ref(), a, ib->view());
  EXPECT_TRUE(ib->guard_ok()) << what;
  EXPECT_EQ(Str(ib->view()), s) << what << " in place over b";
  return s;
}

TEST(BigInt, GeneratedCases) {
  size_t count = 0;
  for (const Case& c : kCases) {
    const std::string where = std::string("case ") + std::to_string(count) + ": a=" + c.a +
                              " b=" + c.b + " c=" + c.c;
    SCOPED_TRACE(where);
    ++count;
    Num a(c.a);
    ASSERT_TRUE(a.ok());
    ASSERT_TRUE(normalized(a));
    switch (c.op) {
      case Op::Cmp: {
        Num b(c.b);
        EXPECT_EQ(std::to_string(bigint_compare(a, b)), c.r1);
        EXPECT_EQ(bigint_compare(b, a), -bigint_compare(a, b));
        break;
      }
      case Op::Add:
      case Op::Sub:
      case Op::And:
      case Op::Or:
      case Op::Xor: {
        Num b(c.b);
        BinaryFn f = c.op == Op::Add   ? bigint_add
                     : c.op == Op::Sub ? bigint_sub
                     : c.op == Op::And ? bigint_and
                     : c.op == Op::Or  ? bigint_or
                                       : bigint_xor;
        size_t bound = c.op == Op::Add || c.op == Op::Sub ? bigint_add_digits(a, b)
                                                          : bigint_bitwise_digits(a, b);
        EXPECT_EQ(CheckBinary(f, bound, a, b, "op"), c.r1);
        break;
      }
      case Op::Mul: {
        Num b(c.b);
        Buf out(bigint_mul_digits(a, b));
        bigint_mul(out.ref(), a, b);
        EXPECT_TRUE(out.guard_ok());
        EXPECT_EQ(Str(out.view()), c.r1);
        break;
      }
      case Op::DivMod: {
        Num b(c.b);
        const size_t qn = bigint_quotient_digits(a, b), rn = bigint_remainder_digits(a, b);
        const size_t sn = bigint_divmod_scratch_digits(a, b);
        Buf q(qn), r(rn), scratch(sn);
        ASSERT_TRUE(bigint_divmod(&q.ref(), &r.ref(), a, b, scratch.digits()));
        EXPECT_EQ(Str(q.view()), c.r1);
        EXPECT_EQ(Str(r.view()), c.r2);
        Buf q2(qn), s2(sn);
        ASSERT_TRUE(bigint_floordiv(q2.ref(), a, b, s2.digits()));
        EXPECT_EQ(Str(q2.view()), c.r1);
        Buf r3(rn), s3(sn);
        ASSERT_TRUE(bigint_mod(r3.ref(), a, b, s3.digits()));
        EXPECT_EQ(Str(r3.view()), c.r2);
        for (const Buf* g : {&q, &r, &scratch, &q2, &s2, &r3, &s3}) EXPECT_TRUE(g->guard_ok());
        break;
      }
      case Op::LShift:
      case Op::RShift: {
        const size_t n = std::stoul(c.b);
        const bool left = c.op == Op::LShift;
        const size_t bound = left ? bigint_lshift_digits(a, n) : bigint_rshift_digits(a, n);
        Buf out(bound);
        (left ? bigint_lshift : bigint_rshift)(out.ref(), a, n);
        EXPECT_TRUE(out.guard_ok());
        EXPECT_EQ(Str(out.view()), c.r1);
        // In place, the buffer holds the input too (rshift's bound can be smaller).
        auto in = Copy(a, bound > a.view().length ? bound : a.view().length);
        (left ? bigint_lshift : bigint_rshift)(in->ref(), in->view(), n);
        EXPECT_TRUE(in->guard_ok());
        EXPECT_EQ(Str(in->view()), c.r1) << "in place";
        break;
      }
      case Op::Invert: {
        const size_t bound = bigint_invert_digits(a);
        Buf out(bound);
        bigint_invert(out.ref(), a);
        EXPECT_TRUE(out.guard_ok());
        EXPECT_EQ(Str(out.view()), c.r1);
        auto in = Copy(a, bound);
        bigint_invert(in->ref(), in->view());
        EXPECT_TRUE(in->guard_ok());
        EXPECT_EQ(Str(in->view()), c.r1) << "in place";
        break;
      }
      case Op::Pow: {
        Num e(static_cast<int64_t>(std::stoll(c.b)));
        const size_t bound = bigint_pow_digits(a, e);
        ASSERT_NE(bound, kBigIntTooBig);
        Buf out(bound), scratch(bound);
        ASSERT_TRUE(bigint_pow(out.ref(), a, e, scratch.digits()));
        EXPECT_TRUE(out.guard_ok());
        EXPECT_TRUE(scratch.guard_ok());
        EXPECT_EQ(Str(out.view()), c.r1);
        break;
      }
      case Op::PowMod: {
        Num e(c.b), m(c.c);
        Buf out(bigint_remainder_digits(a, m)), scratch(bigint_powmod_scratch_digits(a, m));
        ASSERT_TRUE(bigint_powmod(out.ref(), a, e, m, scratch.digits()));
        EXPECT_TRUE(out.guard_ok());
        EXPECT_TRUE(scratch.guard_ok());
        EXPECT_EQ(Str(out.view()), c.r1);
        break;
      }
      case Op::Str: {
        const unsigned base = static_cast<unsigned>(std::stoul(c.b));
        EXPECT_EQ(Str(a, base), c.r1);
        // And back, in upper case and with underscores.
        std::string text = c.r1;
        Num back(text, base);
        ASSERT_TRUE(back.ok());
        EXPECT_EQ(bigint_compare(back, a), 0);
        std::string upper, under;
        for (size_t i = 0; i < text.size(); ++i) {
          char ch = text[i];
          upper += (ch >= 'a' && ch <= 'z') ? static_cast<char>(ch - 'a' + 'A') : ch;
          under += ch;
          if (i % 3 == 1 && ch != '-') under += '_';
        }
        Num up(upper, base), un(under, base);
        ASSERT_TRUE(up.ok());
        ASSERT_TRUE(un.ok());
        EXPECT_EQ(bigint_compare(up, a), 0);
        EXPECT_EQ(bigint_compare(un, a), 0);
        break;
      }
    }
  }
  EXPECT_GT(count, 7000u);
}

// Division of big operands of every relative size and every divisor
// normalization shift (quotient digits are estimated from the top digits
// shifted on the fly, the rest works on the digits as they are): checks
// a == q * b + r and 0 <= r < b, with the scratch exactly as big as asked
// and guard digits after every buffer.
TEST(BigInt, DivisionIdentityOnLargeOperands) {
  uint64_t seed = 0x9E3779B97F4A7C15ull;
  auto next_digit = [&seed] {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<BigDigit>(seed >> 40);
  };
  for (size_t lb = 2; lb <= 40; lb += 3) {
    for (unsigned top_bits = 1; top_bits <= 16; ++top_bits) {
      for (size_t extra : {0u, 1u, 2u, 7u}) {
        size_t la = lb + extra;
        std::vector<BigDigit> a(la), b(lb);
        for (BigDigit& d : a) d = next_digit();
        for (BigDigit& d : b) d = next_digit();
        b[lb - 1] = static_cast<BigDigit>((b[lb - 1] >> (16 - top_bits)) | (1u << (top_bits - 1)));
        if (a[la - 1] == 0) a[la - 1] = 1;
        if (extra == 0 && top_bits % 3 == 0) a.assign(b.begin(), b.end()), a[0] ^= 1;  // a close to b
        BigIntView av{a.data(), la, false}, bv{b.data(), lb, false};
        Buf q(bigint_quotient_digits(av, bv)), r(bigint_remainder_digits(av, bv));
        Buf scratch(bigint_divmod_scratch_digits(av, bv));
        ASSERT_TRUE(bigint_divmod(&q.ref(), &r.ref(), av, bv, scratch.digits()));
        ASSERT_TRUE(q.guard_ok() && r.guard_ok() && scratch.guard_ok()) << lb << " " << top_bits << " " << extra;
        ASSERT_LT(bigint_compare(r.view(), bv), 0);
        Buf product(bigint_mul_digits(q.view(), bv));
        bigint_mul(product.ref(), q.view(), bv);
        Buf sum(bigint_add_digits(product.view(), r.view()));
        bigint_add(sum.ref(), product.view(), r.view());
        ASSERT_EQ(Str(sum.view()), Str(av)) << lb << " " << top_bits << " " << extra;
        Buf q_only(bigint_quotient_digits(av, bv));
        ASSERT_TRUE(bigint_floordiv(q_only.ref(), av, bv, scratch.digits()));
        ASSERT_EQ(Str(q_only.view()), Str(q.view()));
      }
    }
  }
}

TEST(BigInt, Int64RoundTrip) {
  const int64_t values[] = {0,         1,          -1,         65535,      65536,  -65536,
                            INT32_MAX, INT32_MIN,  INT64_MAX,  INT64_MIN,  INT64_MIN + 1,
                            0x123456789abcdefLL, -0x123456789abcdefLL, 1LL << 48, -(1LL << 48)};
  for (int64_t v : values) {
    Num n(v);
    EXPECT_TRUE(normalized(n));
    int64_t back = 42;
    ASSERT_TRUE(bigint_to_int64(n, &back)) << v;
    EXPECT_EQ(back, v);
    EXPECT_EQ(Str(n, 10), std::to_string(v));
  }
  uint64_t x = 0x9E3779B97F4A7C15ull;
  for (int i = 0; i < 1000; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    int64_t v = static_cast<int64_t>(x) >> (i % 64);
    Num n(v);
    int64_t back;
    ASSERT_TRUE(bigint_to_int64(n, &back));
    EXPECT_EQ(back, v);
    EXPECT_EQ(Str(n, 10), std::to_string(v));
  }
  for (const char* big : {"8000000000000000", "-8000000000000001", "10000000000000000",
                          "-10000000000000000", "ffffffffffffffff"}) {
    int64_t v = 7;
    EXPECT_FALSE(bigint_to_int64(Num(big), &v)) << big;
    EXPECT_EQ(v, 7);
  }
  int64_t v;
  ASSERT_TRUE(bigint_to_int64(Num("-8000000000000000"), &v));
  EXPECT_EQ(v, INT64_MIN);
  ASSERT_TRUE(bigint_to_int64(Num("7fffffffffffffff"), &v));
  EXPECT_EQ(v, INT64_MAX);
}

TEST(BigInt, ParseErrors) {
  Buf out(16);
  auto parse = [&](const char* s, unsigned base) {
    return bigint_from_string(out.ref(), s, std::strlen(s), base);
  };
  EXPECT_FALSE(parse("", 10));
  EXPECT_FALSE(parse("-", 10));
  EXPECT_FALSE(parse("+", 10));
  EXPECT_FALSE(parse("_", 10));
  EXPECT_FALSE(parse("12a", 10));
  EXPECT_FALSE(parse("2", 2));
  EXPECT_FALSE(parse("z", 35));
  EXPECT_FALSE(parse("1 2", 10));
  EXPECT_FALSE(parse("--1", 10));
  EXPECT_FALSE(parse("10", 1));
  EXPECT_FALSE(parse("10", 37));
  EXPECT_TRUE(parse("z", 36));
  EXPECT_EQ(Str(out.view(), 10), "35");
  EXPECT_TRUE(parse("-0", 10));
  EXPECT_EQ(out.ref().length, 0u);
  EXPECT_FALSE(out.ref().negative);
  EXPECT_TRUE(parse("+0_0_1", 10));
  EXPECT_EQ(Str(out.view(), 10), "1");
  EXPECT_TRUE(out.guard_ok());
  EXPECT_EQ(bigint_to_string_chars(Num(5), 1), 0u);
  char c[4];
  EXPECT_EQ(bigint_to_string(c, Num(5), 37, nullptr), 0u);
  EXPECT_EQ(bigint_to_string(c, Num(0), 10, nullptr), 1u);
  EXPECT_EQ(c[0], '0');
}

TEST(BigInt, Errors) {
  Num a(12345), zero(0), neg(-3), two(2);
  Buf q(8), r(8), s(64);
  EXPECT_FALSE(bigint_divmod(&q.ref(), &r.ref(), a, zero, s.digits()));
  EXPECT_FALSE(bigint_floordiv(q.ref(), a, zero, s.digits()));
  EXPECT_FALSE(bigint_mod(r.ref(), a, zero, s.digits()));
  EXPECT_FALSE(bigint_pow(q.ref(), a, neg, s.digits()));
  EXPECT_EQ(bigint_pow_digits(a, neg), kBigIntTooBig);
  EXPECT_FALSE(bigint_powmod(q.ref(), a, two, zero, s.digits()));
  EXPECT_FALSE(bigint_powmod(q.ref(), a, neg, a, s.digits()));
  // Enormous results are refused rather than overflowing the bound.
  Num huge("1" + std::string(40, '0'));
  EXPECT_EQ(bigint_pow_digits(two, huge), kBigIntTooBig);
  EXPECT_FALSE(bigint_pow(q.ref(), two, huge, s.digits()));
  Num big_e(static_cast<int64_t>(1) << 58);
  EXPECT_EQ(bigint_pow_digits(a, big_e), kBigIntTooBig);
  // ... but not when the base makes them small.
  for (int64_t base : {0, 1, -1}) {
    Num b(base);
    ASSERT_EQ(bigint_pow_digits(b, huge), 1u);
    Buf out(1);
    ASSERT_TRUE(bigint_pow(out.ref(), b, huge, nullptr));
    EXPECT_EQ(Str(out.view(), 10), base == 0 ? "0" : "1");
    EXPECT_TRUE(out.guard_ok());
  }
  Buf out(1);
  ASSERT_TRUE(bigint_pow(out.ref(), Num(-1), Num(3), nullptr));
  EXPECT_EQ(Str(out.view(), 10), "-1");
  EXPECT_GT(bigint_lshift_digits(a, kBigIntTooBig), kBigIntTooBig >> 5);  // no wrap-around
  EXPECT_EQ(bigint_lshift_digits(zero, kBigIntTooBig), 0u);
  // Huge right shifts give 0 or -1.
  Buf sh(bigint_rshift_digits(a, kBigIntTooBig));
  bigint_rshift(sh.ref(), Num(-5), kBigIntTooBig);
  EXPECT_EQ(Str(sh.view(), 10), "-1");
  bigint_rshift(sh.ref(), Num(5), kBigIntTooBig);
  EXPECT_EQ(Str(sh.view(), 10), "0");
}

TEST(BigInt, BitLength) {
  EXPECT_EQ(bigint_bit_length(Num(0)), 0u);
  EXPECT_EQ(bigint_bit_length(Num(1)), 1u);
  EXPECT_EQ(bigint_bit_length(Num(-1)), 1u);
  EXPECT_EQ(bigint_bit_length(Num(65535)), 16u);
  EXPECT_EQ(bigint_bit_length(Num(65536)), 17u);
  EXPECT_EQ(bigint_bit_length(Num(INT64_MIN)), 64u);
  EXPECT_EQ(bigint_bit_length(Num("1" + std::string(150, '0'))), 601u);
}

TEST(BigInt, SoftDivisionMatchesHardware) {
  uint32_t x = 2463534242u;
  auto check = [](uint32_t num, uint16_t d) {
    uint16_t rem = 0xDEAD;
    uint16_t q = detail::bigint_div_digit_soft(num, d, &rem);
    ASSERT_EQ(q, num / d) << num << " / " << d;
    ASSERT_EQ(rem, num % d) << num << " % " << d;
  };
  for (uint32_t d : {1u, 2u, 3u, 10u, 36u, 0x7FFFu, 0x8000u, 0x8001u, 0xFFFEu, 0xFFFFu}) {
    const uint32_t max = (d << 16) - 1;  // largest num with num / d < 2**16
    for (uint32_t num : {0u, 1u, d - 1, d, max, max - 1, max / 2, (d - 1) << 16})
      check(num, static_cast<uint16_t>(d));
  }
  for (int i = 0; i < 200000; ++i) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    uint16_t d = static_cast<uint16_t>(x >> 16);
    if (d == 0) d = 1;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    uint32_t num = x % (static_cast<uint32_t>(d) << 16);
    check(num, d);
  }
}

}  // namespace
}  // namespace taipan::rt
