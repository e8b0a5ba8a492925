// float and complex: text conversions checked against CPython on thousands
// of generated cases (float_cases.inc, made by test/tools/gen_float_cases.py),
// and the Python-level behaviour of the types.
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "runtime/float.h"
#include "runtime/format_spec.h"
#include "runtime/int.h"
#include "runtime/tuple.h"
#include "test/runtime/runtime_test.h"

namespace taipan::rt::testing {
namespace {

#include "float_cases.inc"

double FromBits(unsigned long long b) {
  double d;
  std::memcpy(&d, &b, sizeof d);
  return d;
}

unsigned long long BitsOf(double d) {
  unsigned long long b;
  std::memcpy(&b, &d, sizeof b);
  return b;
}

Value F(double d) { return NewFloat(d); }
Value I(long long n) { return NewIntFromLongLong(n); }

std::string Format(Value v, const char* spec) {
  StringBuilder text;
  FormatSpec parsed = ParseFormatSpec(spec, std::strlen(spec));
  FormatFloat(text.AsPrinter(), v, parsed);
  return std::string(text.data ? text.data : "", text.length);
}

BinaryOp OpNamed(const std::string& name) {
  if (name == "+") return BinaryOp::kAdd;
  if (name == "-") return BinaryOp::kSubtract;
  if (name == "*") return BinaryOp::kMultiply;
  if (name == "/") return BinaryOp::kTrueDivide;
  if (name == "//") return BinaryOp::kFloorDivide;
  if (name == "%") return BinaryOp::kModulo;
  if (name == "**") return BinaryOp::kPower;
  if (name == "<") return BinaryOp::kLess;
  if (name == "<=") return BinaryOp::kLessEqual;
  if (name == "==") return BinaryOp::kEqual;
  if (name == "!=") return BinaryOp::kNotEqual;
  if (name == ">") return BinaryOp::kMore;
  if (name == ">=") return BinaryOp::kMoreEqual;
  return BinaryOp::kDivMod;
}

// --- Generated cases ---------------------------------------------------------------

using FloatGeneratedTest = RuntimeTest;

TEST_F(FloatGeneratedTest, ReprMatchesCPython) {
  size_t failures = 0;
  for (const auto& c : kFloatReprCases) {
    std::string got = Repr(F(FromBits(c.bits)));
    if (got != c.repr && ++failures <= 20)
      ADD_FAILURE() << "repr of bits 0x" << std::hex << c.bits << ": got " << got << ", want " << c.repr;
  }
  EXPECT_EQ(failures, 0u) << "of " << std::size(kFloatReprCases);
  EXPECT_GT(std::size(kFloatReprCases), 5000u);  // the generator ran in full
}

TEST_F(FloatGeneratedTest, ParseMatchesCPython) {
  size_t failures = 0;
  for (const auto& c : kFloatParseCases) {
    Value result = kNull;
    Value exc = Catch([&] { result = ParseFloat(c.text, std::strlen(c.text)); });
    std::string problem;
    if (c.ok && exc != kNull) problem = "raised " + Str(exc);
    else if (!c.ok && exc == kNull) problem = "accepted as " + Repr(result);
    else if (!c.ok && std::string(TypeNameOf(exc)) != "ValueError") problem = "raised " + std::string(TypeNameOf(exc));
    else if (c.ok && BitsOf(FloatValue(result)) != c.bits)
      problem = "got " + Repr(result) + ", want " + Repr(F(FromBits(c.bits)));
    if (!problem.empty() && ++failures <= 20) ADD_FAILURE() << "float('" << c.text << "'): " << problem;
  }
  EXPECT_EQ(failures, 0u) << "of " << std::size(kFloatParseCases);
  EXPECT_GT(std::size(kFloatParseCases), 3000u);  // the generator ran in full
}

TEST_F(FloatGeneratedTest, FormatMatchesCPython) {
  size_t failures = 0;
  for (const auto& c : kFloatFormatCases) {
    Value v = F(FromBits(c.bits));
    std::string got;
    Value exc = Catch([&] { got = Format(v, c.spec); });
    if (exc != kNull) got = "raised " + Str(exc);
    if (got != c.result && ++failures <= 20)
      ADD_FAILURE() << "format(" << Repr(v) << ", '" << c.spec << "'): got '" << got << "', want '" << c.result
                    << "'";
  }
  EXPECT_EQ(failures, 0u) << "of " << std::size(kFloatFormatCases);
  EXPECT_GT(std::size(kFloatFormatCases), 10000u);  // the generator ran in full
}

TEST_F(FloatGeneratedTest, ArithmeticMatchesCPython) {
  size_t failures = 0;
  for (const auto& c : kFloatArithCases) {
    Value a = c.a_int ? I(c.a) : F(FromBits(static_cast<unsigned long long>(c.a)));
    Value b = c.b_int ? I(c.b) : F(FromBits(static_cast<unsigned long long>(c.b)));
    BinaryOp op = OpNamed(c.op);
    Value result = kNull;
    Value exc = Catch([&] { result = ApplyBinaryOp(op, a, b); });
    std::string got = exc != kNull ? std::string(TypeNameOf(exc)) : Repr(result);
    if (got != c.result && ++failures <= 20)
      ADD_FAILURE() << Repr(a) << " " << c.op << " " << Repr(b) << ": got " << got << ", want " << c.result;
  }
  EXPECT_EQ(failures, 0u) << "of " << std::size(kFloatArithCases);
  EXPECT_GT(std::size(kFloatArithCases), 5000u);  // the generator ran in full
}

// --- float ---------------------------------------------------------------------------

using FloatTest = RuntimeTest;

Value CallType(const Type* type, size_t n, const Value* args) { return Call(FromType(type), n, 0, args); }

TEST_F(FloatTest, ConstructorAcceptsNumbersAndText) {
  EXPECT_EQ(Repr(CallType(&kFloatType, 0, nullptr)), "0.0");
  Value args[] = {S("  -1_000.25e-1\n")};
  EXPECT_EQ(Repr(CallType(&kFloatType, 1, args)), "-100.025");
  args[0] = kTrue;
  EXPECT_EQ(Repr(CallType(&kFloatType, 1, args)), "1.0");
  args[0] = I(-7);
  EXPECT_EQ(Repr(CallType(&kFloatType, 1, args)), "-7.0");
  args[0] = S("-Infinity");
  EXPECT_EQ(Repr(CallType(&kFloatType, 1, args)), "-inf");
  args[0] = S("1e5000");
  EXPECT_EQ(Repr(CallType(&kFloatType, 1, args)), "inf");
  args[0] = S("0.1.2");
  EXPECT_EQ(Raised([&] { CallType(&kFloatType, 1, args); }), "ValueError: invalid syntax for number");
  args[0] = kNone;
  EXPECT_EQ(Raised([&] { CallType(&kFloatType, 1, args); }), "TypeError: can't convert NoneType to float");
}

TEST_F(FloatTest, BigIntsConvertCorrectlyRounded) {
  // 2**64 + 2**11 + 1 rounds up (above the halfway point); 10**400 is too large.
  Value big = ParseInt("18446744073709553665", 20, 10);
  EXPECT_EQ(Repr(CallType(&kFloatType, 1, &big)), "1.8446744073709556e+19");
  Value huge = ApplyBinaryOp(BinaryOp::kPower, I(10), I(400));
  EXPECT_EQ(Raised([&] { FloatValue(huge); }), "OverflowError: int too large to convert to float");
  EXPECT_EQ(Repr(ApplyBinaryOp(BinaryOp::kAdd, big, F(0.5))), "1.8446744073709556e+19");
}

TEST_F(FloatTest, IntFloatComparisonsAreExact) {
  Value two53_plus_1 = I((1LL << 53) + 1);
  Value f = F(9007199254740992.0);
  EXPECT_FALSE(Equal(two53_plus_1, f));
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kLess, f, two53_plus_1), kTrue);
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kMore, two53_plus_1, f), kTrue);
  EXPECT_TRUE(Equal(I(3), F(3.0)));
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kLess, I(3), F(3.5)), kTrue);
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kLess, I(-4), F(-3.5)), kTrue);
  Value big = ApplyBinaryOp(BinaryOp::kPower, I(2), I(100));
  EXPECT_TRUE(Equal(big, F(1267650600228229401496703205376.0)));
  Value big_plus_1 = ApplyBinaryOp(BinaryOp::kAdd, big, I(1));
  EXPECT_FALSE(Equal(big_plus_1, F(1267650600228229401496703205376.0)));
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kMore, big_plus_1, F(1267650600228229401496703205376.0)), kTrue);
  Value nan = F(__builtin_nan(""));
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kLess, I(1), nan), kFalse);
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kMoreEqual, I(1), nan), kFalse);
  EXPECT_FALSE(Equal(nan, F(__builtin_nan(""))));
}

TEST_F(FloatTest, HashOfIntegralFloatIsTheIntsHash) {
  EXPECT_EQ(Hash(F(3.0)), Hash(I(3)));
  EXPECT_EQ(Hash(F(-12345.0)), Hash(I(-12345)));
  EXPECT_EQ(Hash(F(0.0)), Hash(F(-0.0)));
  Value big = ApplyBinaryOp(BinaryOp::kPower, I(10), I(20));
  EXPECT_EQ(Hash(F(1e20)), Hash(big));
  EXPECT_EQ(Hash(F(0.1)), Hash(F(0.1)));
  EXPECT_NE(Hash(F(0.1)), Hash(F(0.2)));
}

TEST_F(FloatTest, ErrorsUseMicroPythonMessages) {
  EXPECT_EQ(Raised([] { ApplyBinaryOp(BinaryOp::kTrueDivide, F(1.0), I(0)); }), "ZeroDivisionError: divide by zero");
  EXPECT_EQ(Raised([] { ApplyBinaryOp(BinaryOp::kFloorDivide, I(1), F(0.0)); }), "ZeroDivisionError: divide by zero");
  EXPECT_EQ(Raised([] { ApplyBinaryOp(BinaryOp::kModulo, F(1.0), F(-0.0)); }), "ZeroDivisionError: divide by zero");
  EXPECT_EQ(Raised([] { ApplyBinaryOp(BinaryOp::kPower, F(0.0), I(-1)); }),
            "ZeroDivisionError: 0.0 to a negative power");
  EXPECT_EQ(Raised([] { ApplyBinaryOp(BinaryOp::kAdd, F(1.0), S("x")); }),
            "TypeError: unsupported types for __add__: 'float', 'str'");
  EXPECT_EQ(Raised([] { FloatToInt(__builtin_inf()); }), "OverflowError: can't convert inf to int");
}

TEST_F(FloatTest, NegativeBaseFractionalPowerIsComplex) {
  Value r = ApplyBinaryOp(BinaryOp::kPower, F(-8.0), F(1.0 / 3));
  ASSERT_TRUE(IsComplex(r));
  auto* c = ObjectPointer<ComplexObject>(r);
  EXPECT_NEAR(c->real, 1.0, 1e-15);
  EXPECT_NEAR(c->imag, 1.7320508075688772, 1e-15);
  EXPECT_EQ(Repr(ApplyBinaryOp(BinaryOp::kPower, F(-2.0), I(3))), "-8.0");
  EXPECT_EQ(Repr(ApplyBinaryOp(BinaryOp::kPower, I(2), F(0.5))), "1.4142135623730951");
}

TEST_F(FloatTest, UnaryOperators) {
  EXPECT_EQ(Repr(ApplyUnaryOp(UnaryOp::kNegative, F(0.0))), "-0.0");
  EXPECT_EQ(Repr(ApplyUnaryOp(UnaryOp::kAbs, F(-2.5))), "2.5");
  EXPECT_EQ(Repr(ApplyUnaryOp(UnaryOp::kPositive, F(-2.5))), "-2.5");
  EXPECT_FALSE(IsTrue(F(0.0)));
  EXPECT_FALSE(IsTrue(F(-0.0)));
  EXPECT_TRUE(IsTrue(F(1e-300)));
}

Value Method(Value self, Qstr name) { return CallMethod(self, name, 0, nullptr); }

TEST_F(FloatTest, Methods) {
  EXPECT_EQ(Method(F(3.0), Q_is_integer), kTrue);
  EXPECT_EQ(Method(F(3.5), Q_is_integer), kFalse);
  EXPECT_EQ(Method(F(__builtin_inf()), Q_is_integer), kFalse);
  EXPECT_EQ(Repr(Method(F(0.75), Q_as_integer_ratio)), "(3, 4)");
  EXPECT_EQ(Repr(Method(F(-8.0), Q_as_integer_ratio)), "(-8, 1)");
  EXPECT_EQ(Repr(Method(F(1e20), Q_as_integer_ratio)), "(100000000000000000000, 1)");
  EXPECT_EQ(Str(Method(F(1.0), Q_hex)), "0x1.0000000000000p+0");
  EXPECT_EQ(Str(Method(F(-0.1), Q_hex)), "-0x1.999999999999ap-4");
  EXPECT_EQ(Str(Method(F(5e-324), Q_hex)), "0x0.0000000000001p-1022");
  EXPECT_EQ(Repr(LoadAttr(F(2.5), Q_real)), "2.5");
  EXPECT_EQ(Repr(LoadAttr(F(2.5), Q_imag)), "0.0");
  EXPECT_EQ(Repr(Method(F(2.5), Q_conjugate)), "2.5");
}

TEST_F(FloatTest, RoundHalfEvenOnTheExactValue) {
  EXPECT_EQ(Repr(FloatRound(F(2.5), kNone)), "2");
  EXPECT_EQ(Repr(FloatRound(F(3.5), kNone)), "4");
  EXPECT_EQ(Repr(FloatRound(F(-0.5), kNone)), "0");
  EXPECT_EQ(Repr(FloatRound(F(-1.7), kNone)), "-2");
  EXPECT_EQ(Repr(FloatRound(F(1e20), kNone)), "100000000000000000000");
  EXPECT_EQ(Repr(FloatRound(F(2.675), I(2))), "2.67");  // 2.675 is below the halfway point
  EXPECT_EQ(Repr(FloatRound(F(0.125), I(2))), "0.12");
  EXPECT_EQ(Repr(FloatRound(F(0.375), I(2))), "0.38");
  EXPECT_EQ(Repr(FloatRound(F(1234.5678), I(-2))), "1200.0");
  EXPECT_EQ(Repr(FloatRound(F(-0.0001), I(2))), "-0.0");
  EXPECT_EQ(Repr(FloatRound(F(5e-324), I(400))), "5e-324");
  EXPECT_EQ(Raised([] { FloatRound(F(__builtin_nan("")), kNone); }), "ValueError: can't convert NaN to int");
}

TEST_F(FloatTest, PercentFormatting) {
  StringBuilder text;
  FormatFloatPercent(text.AsPrinter(), 3.14159, 'f', 2, false);
  FormatFloatPercent(text.AsPrinter(), 1e-10, 'g', -1, false);
  FormatFloatPercent(text.AsPrinter(), 2.0, 'E', 1, false);
  FormatFloatPercent(text.AsPrinter(), 2.0, 'g', -1, true);
  EXPECT_EQ(std::string(text.data, text.length), "3.141e-102.0E+002.00000");
}

TEST_F(FloatTest, ShortestDigits) {
  StringBuilder text;
  int decpt;
  size_t n = FloatDigits(0.3, 0, 0, text, &decpt);
  EXPECT_EQ(std::string(text.data, n), "3");
  EXPECT_EQ(decpt, 0);
  text.length = 0;
  n = FloatDigits(123.456, 2, 4, text, &decpt);
  EXPECT_EQ(std::string(text.data, n), "1235");
  EXPECT_EQ(decpt, 3);
}

TEST_F(FloatTest, MathHelpers) {
  EXPECT_EQ(FloatSqrt(2.0), 1.4142135623730951);
  EXPECT_EQ(FloatSqrt(1e-310), 9.999999999999986e-156);  // of the subnormal nearest 1e-310
  EXPECT_EQ(FloatSqrt(16.0), 4.0);
  EXPECT_EQ(FloatFloor(-0.5), -1.0);
  EXPECT_EQ(FloatCeil(-0.5), -0.0);
  EXPECT_EQ(FloatFmod(10.0, 3.0), 1.0);
  EXPECT_EQ(FloatFmod(-10.0, 3.0), -1.0);
  EXPECT_EQ(FloatPow(10.0, 22.0), 1e22);
  EXPECT_EQ(FloatPow(2.0, -1074.0), 5e-324);
  EXPECT_EQ(FloatExp(1.0), 2.718281828459045);
  EXPECT_EQ(FloatLog(10.0), 2.302585092994046);
  EXPECT_NEAR(FloatSin(1.0), 0.8414709848078965, 1e-16);
  EXPECT_NEAR(FloatCos(100.0), 0.8623188722876839, 1e-15);
  EXPECT_NEAR(FloatAtan2(1.0, -1.0), 2.356194490192345, 1e-15);
  EXPECT_EQ(FloatHypot(3.0, 4.0), 5.0);
  EXPECT_EQ(FloatLdexp(1.0, -1074), 5e-324);
  int e;
  EXPECT_EQ(FloatFrexp(8.0, &e), 0.5);
  EXPECT_EQ(e, 4);
}

// FloatHypot takes a fast path for parts within 2**+-450 and scales the
// others by a power of two: scaling the parts by 2**k scales the result
// exactly, so both paths must agree bit for bit.
TEST(FloatMath, HypotAgreesAcrossItsScaledAndUnscaledPaths) {
  uint64_t state = 42;
  auto next_unit = [&state] {
    state = state * 6364136223846793005u + 1442695040888963407u;
    return static_cast<double>(state >> 11) * 0x1p-53;
  };
  for (int i = 0; i < 20000; ++i) {
    double x = next_unit() * 4 - 2, y = FloatLdexp(next_unit(), -static_cast<int>(next_unit() * 60));
    double unscaled = FloatHypot(x, y);
    for (int k : {600, -600, 1000, -1000}) {
      double scaled = FloatHypot(FloatLdexp(x, k), FloatLdexp(y, k));
      ASSERT_EQ(scaled, FloatLdexp(unscaled, k)) << x << ", " << y << " scaled by 2**" << k;
    }
    ASSERT_EQ(FloatHypot(-y, x), unscaled);
  }
  EXPECT_EQ(FloatHypot(__builtin_inf(), __builtin_nan("")), __builtin_inf());
  EXPECT_TRUE(FloatIsNan(FloatHypot(1.0, __builtin_nan(""))));
  EXPECT_TRUE(FloatIsNan(FloatHypot(__builtin_nan(""), 1.0)));
  EXPECT_EQ(FloatHypot(0.0, -0.0), 0.0);
  EXPECT_EQ(FloatHypot(5e-324, 0.0), 5e-324);
}

// --- complex -------------------------------------------------------------------------

using ComplexTest = RuntimeTest;

Value C(double re, double im) { return NewComplex(re, im); }

TEST_F(ComplexTest, ReprLikeCPython) {
  EXPECT_EQ(Repr(C(1, 2)), "(1+2j)");
  EXPECT_EQ(Repr(C(0, 2)), "2j");
  EXPECT_EQ(Repr(C(-0.0, -1)), "(-0-1j)");
  EXPECT_EQ(Repr(C(0, -0.0)), "-0j");
  EXPECT_EQ(Repr(C(1.5, -0.25)), "(1.5-0.25j)");
  EXPECT_EQ(Repr(C(1e20, __builtin_nan(""))), "(1e+20+nanj)");
  EXPECT_EQ(Repr(C(__builtin_inf(), -__builtin_inf())), "(inf-infj)");
  EXPECT_EQ(Str(C(0.1, 0)), "(0.1+0j)");
}

TEST_F(ComplexTest, ConstructorParsesText) {
  Value args[2] = {S(" ( -1.5e3-2J ) "), kNull};
  EXPECT_EQ(Repr(CallType(&kComplexType, 1, args)), "(-1500-2j)");
  args[0] = S("j");
  EXPECT_EQ(Repr(CallType(&kComplexType, 1, args)), "1j");
  args[0] = S("-J");
  EXPECT_EQ(Repr(CallType(&kComplexType, 1, args)), "-1j");
  args[0] = S("1e3");
  EXPECT_EQ(Repr(CallType(&kComplexType, 1, args)), "(1000+0j)");
  args[0] = S("inf+nanj");
  EXPECT_EQ(Repr(CallType(&kComplexType, 1, args)), "(inf+nanj)");
  args[0] = S("1+2");
  EXPECT_EQ(Raised([&] { CallType(&kComplexType, 1, args); }), "ValueError: invalid syntax for number");
  args[0] = S("1+2jj");
  EXPECT_EQ(Raised([&] { CallType(&kComplexType, 1, args); }), "ValueError: invalid syntax for number");
  args[0] = I(1);
  args[1] = C(0, 1);
  EXPECT_EQ(Repr(CallType(&kComplexType, 2, args)), "0j");  // 1 + 1j*1j
  args[0] = F(2.5);
  args[1] = I(-3);
  EXPECT_EQ(Repr(CallType(&kComplexType, 2, args)), "(2.5-3j)");
  EXPECT_EQ(Repr(CallType(&kComplexType, 0, args)), "0j");
}

TEST_F(ComplexTest, ArithmeticWithEveryNumberType) {
  EXPECT_EQ(Repr(ApplyBinaryOp(BinaryOp::kMultiply, C(1, 2), C(3, -4))), "(11+2j)");
  EXPECT_EQ(Repr(ApplyBinaryOp(BinaryOp::kTrueDivide, C(1, 2), C(3, -4))), "(-0.2+0.4j)");
  EXPECT_EQ(Repr(ApplyBinaryOp(BinaryOp::kAdd, I(2), C(0, 1))), "(2+1j)");
  EXPECT_EQ(Repr(ApplyBinaryOp(BinaryOp::kSubtract, F(2.5), C(1, 1))), "(1.5-1j)");
  EXPECT_EQ(Repr(ApplyBinaryOp(BinaryOp::kTrueDivide, I(1), C(0, 2))), "-0.5j");
  EXPECT_EQ(Repr(ApplyBinaryOp(BinaryOp::kPower, C(1, 1), I(2))), "2j");
  EXPECT_EQ(Repr(ApplyBinaryOp(BinaryOp::kPower, C(0, 1), I(-1))), "-1j");
  EXPECT_EQ(Repr(ApplyBinaryOp(BinaryOp::kPower, C(2, 0), C(0, 0))), "(1+0j)");
  EXPECT_EQ(Raised([] { ApplyBinaryOp(BinaryOp::kTrueDivide, C(1, 1), I(0)); }),
            "ZeroDivisionError: complex divide by zero");
  EXPECT_EQ(Raised([] { ApplyBinaryOp(BinaryOp::kPower, C(0, 0), C(-1, 0)); }),
            "ZeroDivisionError: 0.0 to a negative or complex power");
  Value root = ApplyBinaryOp(BinaryOp::kPower, C(0, 1), F(0.5));
  EXPECT_NEAR(ObjectPointer<ComplexObject>(root)->real, 0.7071067811865476, 1e-15);
  EXPECT_NEAR(ObjectPointer<ComplexObject>(root)->imag, 0.7071067811865476, 1e-15);
  EXPECT_EQ(Raised([] { ApplyBinaryOp(BinaryOp::kLess, C(1, 1), I(0)); }),
            "TypeError: unsupported types for __lt__: 'complex', 'int'");
}

TEST_F(ComplexTest, EqualityHashAndAttributes) {
  EXPECT_TRUE(Equal(C(3, 0), I(3)));
  EXPECT_TRUE(Equal(I(3), C(3, 0)));
  EXPECT_TRUE(Equal(F(2.5), C(2.5, 0)));
  EXPECT_FALSE(Equal(C(3, 1), I(3)));
  EXPECT_TRUE(Equal(C(1, 2), C(1, 2)));
  EXPECT_EQ(Hash(C(3, 0)), Hash(I(3)));
  EXPECT_EQ(Hash(C(1, 2)), Hash(C(1, 2)));
  EXPECT_NE(Hash(C(1, 2)), Hash(C(2, 1)));
  EXPECT_EQ(Repr(ApplyUnaryOp(UnaryOp::kAbs, C(3, 4))), "5.0");
  EXPECT_EQ(Repr(ApplyUnaryOp(UnaryOp::kNegative, C(1, -2))), "(-1+2j)");
  EXPECT_FALSE(IsTrue(C(0, 0)));
  EXPECT_TRUE(IsTrue(C(0, 1e-300)));
  EXPECT_EQ(Repr(LoadAttr(C(1, 2), Q_real)), "1.0");
  EXPECT_EQ(Repr(LoadAttr(C(1, 2), Q_imag)), "2.0");
  EXPECT_EQ(Repr(CallMethod(C(1, 2), Q_conjugate, 0, nullptr)), "(1-2j)");
}

}  // namespace
}  // namespace taipan::rt::testing
