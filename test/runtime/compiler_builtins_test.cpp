// The microcontrollers' compiler builtins (runtime/freestanding/builtins.cpp),
// compiled for the host with a name prefix and checked against the host's
// own integer and IEEE arithmetic on random and boundary operands.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>

extern "C" {
uint32_t taipan_test___udivsi3(uint32_t, uint32_t);
uint32_t taipan_test___umodsi3(uint32_t, uint32_t);
int32_t taipan_test___divsi3(int32_t, int32_t);
int32_t taipan_test___modsi3(int32_t, int32_t);
uint64_t taipan_test___udivdi3(uint64_t, uint64_t);
uint64_t taipan_test___umoddi3(uint64_t, uint64_t);
int64_t taipan_test___divdi3(int64_t, int64_t);
int64_t taipan_test___moddi3(int64_t, int64_t);
uint64_t taipan_test___muldi3(uint64_t, uint64_t);
uint64_t taipan_test___ashldi3(uint64_t, int);
uint64_t taipan_test___lshrdi3(uint64_t, int);
int64_t taipan_test___ashrdi3(int64_t, int);
int taipan_test___clzsi2(uint32_t);
int taipan_test___clzdi2(uint64_t);
int taipan_test___ctzsi2(uint32_t);
int taipan_test___popcountdi2(uint64_t);
uint32_t taipan_test___addsf3(uint32_t, uint32_t);
uint32_t taipan_test___subsf3(uint32_t, uint32_t);
uint32_t taipan_test___mulsf3(uint32_t, uint32_t);
uint32_t taipan_test___divsf3(uint32_t, uint32_t);
uint64_t taipan_test___adddf3(uint64_t, uint64_t);
uint64_t taipan_test___subdf3(uint64_t, uint64_t);
uint64_t taipan_test___muldf3(uint64_t, uint64_t);
uint64_t taipan_test___divdf3(uint64_t, uint64_t);
int taipan_test___ltsf2(uint32_t, uint32_t);
int taipan_test___gesf2(uint32_t, uint32_t);
int taipan_test___eqdf2(uint64_t, uint64_t);
int taipan_test___ledf2(uint64_t, uint64_t);
int taipan_test___gtdf2(uint64_t, uint64_t);
int taipan_test___unorddf2(uint64_t, uint64_t);
uint32_t taipan_test___floatsisf(int32_t);
uint32_t taipan_test___floatundisf(uint64_t);
uint64_t taipan_test___floatdidf(int64_t);
uint64_t taipan_test___floatunsidf(uint32_t);
int32_t taipan_test___fixsfsi(uint32_t);
int64_t taipan_test___fixdfdi(uint64_t);
uint32_t taipan_test___fixunsdfsi(uint64_t);
uint64_t taipan_test___extendsfdf2(uint32_t);
uint32_t taipan_test___truncdfsf2(uint64_t);
}

namespace {

constexpr int kRounds = 200000;

// Random operands biased toward the hard cases: nearby exponents (so that
// additions cancel), subnormals, zeros, infinities, NaNs, and plain random bits.
template <typename Bits, int kMant, int kExpBits>
Bits Interesting(std::mt19937_64& rng) {
  constexpr Bits kSign = Bits(1) << (kMant + kExpBits);
  constexpr int kExpMax = (1 << kExpBits) - 1;
  Bits mant = static_cast<Bits>(rng()) & ((Bits(1) << kMant) - 1);
  Bits sign = (rng() & 1) ? kSign : 0;
  switch (rng() % 8) {
    case 0: return static_cast<Bits>(rng());
    case 1: return sign | mant;                                     // subnormal
    case 2: return sign | (Bits(rng() % 4) << kMant) | mant;       // smallest normals
    case 3: return sign | (Bits(kExpMax - 1 - rng() % 3) << kMant) | mant;  // near overflow
    case 4: return sign | (Bits(rng() % 4 == 0 ? kExpMax : 0) << kMant) | (rng() % 2 ? mant : 0);
    default: {
      int center = (1 << (kExpBits - 1)) - 1;
      int exp = center + static_cast<int>(rng() % 9) - 4;
      Bits low = static_cast<Bits>(rng() % 4);
      return sign | (Bits(exp) << kMant) | (rng() % 3 == 0 ? low : mant);
    }
  }
}

uint32_t F(float x) { return std::bit_cast<uint32_t>(x); }
uint64_t D(double x) { return std::bit_cast<uint64_t>(x); }
float AsF(uint32_t b) { return std::bit_cast<float>(b); }
double AsD(uint64_t b) { return std::bit_cast<double>(b); }

// Equal bit patterns, or both NaN (payloads are not specified).
template <typename Bits, typename Real>
void ExpectSame(Bits got, Real want, Bits a, Bits b, const char* op) {
  Real g = std::bit_cast<Real>(got);
  if (std::isnan(want)) {
    EXPECT_TRUE(std::isnan(g)) << op << " " << std::hex << a << " " << b;
    return;
  }
  EXPECT_EQ(got, std::bit_cast<Bits>(want)) << op << " " << std::hex << a << " " << b;
}

TEST(CompilerBuiltins, SinglePrecisionArithmetic) {
  std::mt19937_64 rng(1);
  for (int i = 0; i < kRounds; ++i) {
    uint32_t a = Interesting<uint32_t, 23, 8>(rng), b = Interesting<uint32_t, 23, 8>(rng);
    ExpectSame(taipan_test___addsf3(a, b), AsF(a) + AsF(b), a, b, "add");
    ExpectSame(taipan_test___subsf3(a, b), AsF(a) - AsF(b), a, b, "sub");
    ExpectSame(taipan_test___mulsf3(a, b), AsF(a) * AsF(b), a, b, "mul");
    ExpectSame(taipan_test___divsf3(a, b), AsF(a) / AsF(b), a, b, "div");
    EXPECT_EQ(taipan_test___ltsf2(a, b) < 0, AsF(a) < AsF(b));
    EXPECT_EQ(taipan_test___gesf2(a, b) >= 0, AsF(a) >= AsF(b));
    if (HasFailure()) return;
  }
}

TEST(CompilerBuiltins, DoublePrecisionArithmetic) {
  std::mt19937_64 rng(2);
  for (int i = 0; i < kRounds; ++i) {
    uint64_t a = Interesting<uint64_t, 52, 11>(rng), b = Interesting<uint64_t, 52, 11>(rng);
    ExpectSame(taipan_test___adddf3(a, b), AsD(a) + AsD(b), a, b, "add");
    ExpectSame(taipan_test___subdf3(a, b), AsD(a) - AsD(b), a, b, "sub");
    ExpectSame(taipan_test___muldf3(a, b), AsD(a) * AsD(b), a, b, "mul");
    ExpectSame(taipan_test___divdf3(a, b), AsD(a) / AsD(b), a, b, "div");
    EXPECT_EQ(taipan_test___eqdf2(a, b) == 0, AsD(a) == AsD(b));
    EXPECT_EQ(taipan_test___ledf2(a, b) <= 0, AsD(a) <= AsD(b));
    EXPECT_EQ(taipan_test___gtdf2(a, b) > 0, AsD(a) > AsD(b));
    EXPECT_EQ(taipan_test___unorddf2(a, b) != 0, std::isnan(AsD(a)) || std::isnan(AsD(b)));
    if (HasFailure()) return;
  }
}

TEST(CompilerBuiltins, Conversions) {
  std::mt19937_64 rng(3);
  for (int i = 0; i < kRounds; ++i) {
    uint64_t r = rng();
    int shift = static_cast<int>(rng() % 64);
    int64_t n = static_cast<int64_t>(r) >> shift;
    int32_t n32 = static_cast<int32_t>(n);
    EXPECT_EQ(taipan_test___floatsisf(n32), F(static_cast<float>(n32))) << n32;
    EXPECT_EQ(taipan_test___floatundisf(r >> shift), F(static_cast<float>(r >> shift))) << (r >> shift);
    EXPECT_EQ(taipan_test___floatdidf(n), D(static_cast<double>(n))) << n;
    EXPECT_EQ(taipan_test___floatunsidf(static_cast<uint32_t>(r)), D(static_cast<double>(static_cast<uint32_t>(r))));
    uint32_t f = Interesting<uint32_t, 23, 8>(rng);
    uint64_t d = Interesting<uint64_t, 52, 11>(rng);
    ExpectSame(taipan_test___extendsfdf2(f), static_cast<double>(AsF(f)), uint64_t{f}, uint64_t{0}, "extend");
    ExpectSame(taipan_test___truncdfsf2(d), static_cast<float>(AsD(d)), static_cast<uint32_t>(d >> 32),
               static_cast<uint32_t>(d), "truncate");
    float fv = AsF(f);
    if (!std::isnan(fv) && std::fabs(fv) < 2147483648.0f) EXPECT_EQ(taipan_test___fixsfsi(f), static_cast<int32_t>(fv));
    double dv = AsD(d);
    if (!std::isnan(dv) && std::fabs(dv) < 9.2e18) EXPECT_EQ(taipan_test___fixdfdi(d), static_cast<int64_t>(dv));
    if (!std::isnan(dv) && dv > -1.0 && dv < 4294967296.0)
      EXPECT_EQ(taipan_test___fixunsdfsi(d), static_cast<uint32_t>(dv));
    if (HasFailure()) return;
  }
  // Out of range saturates, as compiler-rt does.
  EXPECT_EQ(taipan_test___fixsfsi(F(1e20f)), INT32_MAX);
  EXPECT_EQ(taipan_test___fixsfsi(F(-1e20f)), INT32_MIN);
  EXPECT_EQ(taipan_test___fixunsdfsi(D(-5.0)), 0u);
}

TEST(CompilerBuiltins, IntegerDivisionAndShifts) {
  std::mt19937_64 rng(4);
  for (int i = 0; i < kRounds; ++i) {
    uint64_t a = rng() >> (rng() % 64), b = rng() >> (rng() % 64);
    if (b == 0) b = 1;
    EXPECT_EQ(taipan_test___udivdi3(a, b), a / b);
    EXPECT_EQ(taipan_test___umoddi3(a, b), a % b);
    int64_t sa = static_cast<int64_t>(a) * ((rng() & 1) ? -1 : 1), sb = static_cast<int64_t>(b) * ((rng() & 1) ? -1 : 1);
    if (sa != INT64_MIN || sb != -1) {
      EXPECT_EQ(taipan_test___divdi3(sa, sb), sa / sb);
      EXPECT_EQ(taipan_test___moddi3(sa, sb), sa % sb);
    }
    uint32_t a32 = static_cast<uint32_t>(a), b32 = static_cast<uint32_t>(b) | 1;
    EXPECT_EQ(taipan_test___udivsi3(a32, b32), a32 / b32);
    EXPECT_EQ(taipan_test___umodsi3(a32, b32), a32 % b32);
    int32_t s32 = static_cast<int32_t>(a32), t32 = static_cast<int32_t>(b32);
    if (s32 != INT32_MIN || t32 != -1) {
      EXPECT_EQ(taipan_test___divsi3(s32, t32), s32 / t32);
      EXPECT_EQ(taipan_test___modsi3(s32, t32), s32 % t32);
    }
    uint64_t m = rng();
    EXPECT_EQ(taipan_test___muldi3(a, m), a * m);
    int n = static_cast<int>(rng() % 64);
    EXPECT_EQ(taipan_test___ashldi3(a, n), a << n);
    EXPECT_EQ(taipan_test___lshrdi3(a, n), a >> n);
    EXPECT_EQ(taipan_test___ashrdi3(static_cast<int64_t>(m), n), static_cast<int64_t>(m) >> n);
    if (a32) EXPECT_EQ(taipan_test___clzsi2(a32), std::countl_zero(a32));
    if (a) EXPECT_EQ(taipan_test___clzdi2(a), std::countl_zero(a));
    if (a32) EXPECT_EQ(taipan_test___ctzsi2(a32), std::countr_zero(a32));
    EXPECT_EQ(taipan_test___popcountdi2(m), std::popcount(m));
    if (HasFailure()) return;
  }
}

}  // namespace
