// int, bool and format specs, at the level a Python user sees them: results
// of the generic operations, str/repr text, and the exceptions raised. The
// IntCasesTest tables (int_cases.inc) hold python3's answers, made by
// test/tools/gen_int_cases.py at build time.
#include <string>
#include <utility>
#include <vector>

#include "runtime/bytes.h"
#include "runtime/class.h"
#include "runtime/dict.h"
#include "runtime/function.h"
#include "runtime/float.h"
#include "runtime/format_spec.h"
#include "runtime/int.h"
#include "runtime/tuple.h"
#include "test/runtime/runtime_test.h"

namespace taipan::rt::testing {
namespace {

#include "int_cases.inc"


class IntFormatSpecTest : public RuntimeTest {};

FormatSpec Parse(const char* text) { return ParseFormatSpec(text, __builtin_strlen(text)); }

std::string Padded(const char* spec_text, char default_align, const char* body, size_t sign_length = 0) {
  FormatSpec spec = Parse(spec_text);
  StringBuilder sb;
  size_t length = __builtin_strlen(body);
  PrintPadded(sb.AsPrinter(), spec, default_align, body, length, length, sign_length);
  return std::string(sb.data ? sb.data : "", sb.length);
}

TEST_F(IntFormatSpecTest, ParsesEveryField) {
  FormatSpec s = Parse("*^+#012,.3f");
  EXPECT_EQ(s.fill, '*');
  EXPECT_EQ(s.align, '^');
  EXPECT_EQ(s.sign, '+');
  EXPECT_TRUE(s.alternate);
  EXPECT_FALSE(s.zero_pad);  // '0' after an explicit fill is part of the width
  EXPECT_EQ(s.width, 12);
  EXPECT_EQ(s.grouping, ',');
  EXPECT_EQ(s.precision, 3);
  EXPECT_EQ(s.type, 'f');
}

TEST_F(IntFormatSpecTest, DefaultsWhenEmpty) {
  FormatSpec s = Parse("");
  EXPECT_EQ(s.fill, ' ');
  EXPECT_EQ(s.align, 0);
  EXPECT_EQ(s.sign, 0);
  EXPECT_EQ(s.width, -1);
  EXPECT_EQ(s.precision, -1);
  EXPECT_EQ(s.type, 0);
}

TEST_F(IntFormatSpecTest, ZeroFlagSetsFill) {
  FormatSpec s = Parse("08_x");
  EXPECT_TRUE(s.zero_pad);
  EXPECT_EQ(s.fill, '0');
  EXPECT_EQ(s.width, 8);
  EXPECT_EQ(s.grouping, '_');
  EXPECT_EQ(s.type, 'x');
  FormatSpec t = Parse("<05");
  EXPECT_EQ(t.align, '<');
  EXPECT_EQ(t.fill, '0');
}

TEST_F(IntFormatSpecTest, AlignCharAloneIsAlign) {
  FormatSpec s = Parse("<");
  EXPECT_EQ(s.align, '<');
  EXPECT_EQ(s.fill, ' ');
  FormatSpec t = Parse("<<");
  EXPECT_EQ(t.fill, '<');
  EXPECT_EQ(t.align, '<');
}

TEST_F(IntFormatSpecTest, RejectsBadSpecs) {
  EXPECT_EQ(Raised([] { Parse("xx"); }), "ValueError: invalid format specifier");
  EXPECT_EQ(Raised([] { Parse("5d5"); }), "ValueError: invalid format specifier");
  EXPECT_EQ(Raised([] { Parse(".f"); }), "ValueError: format specifier missing precision");
  EXPECT_EQ(Raised([] { Parse("99999999999999999999999"); }),
            "ValueError: too many decimal digits in format string");
}

TEST_F(IntFormatSpecTest, PadsByAlignment) {
  EXPECT_EQ(Padded("6", '>', "ab"), "    ab");
  EXPECT_EQ(Padded("6", '<', "ab"), "ab    ");
  EXPECT_EQ(Padded("*^7", '<', "ab"), "**ab***");
  EXPECT_EQ(Padded("*=7", '>', "-0xab", 3), "-0x**ab");
  EXPECT_EQ(Padded("1", '>', "abc"), "abc");
  EXPECT_EQ(Padded("", '>', "abc"), "abc");
  EXPECT_EQ(Padded("40", '<', "x"), "x" + std::string(39, ' '));
}

TEST_F(IntFormatSpecTest, ZeroFlagIsSignAwareForNumbersOnly) {
  EXPECT_EQ(Padded("06", '>', "-12", 1), "-00012");
  EXPECT_EQ(Padded("05", '<', "ab"), "ab000");
  EXPECT_EQ(Padded("<05", '>', "5"), "50000");
}

TEST_F(IntFormatSpecTest, WidthCountsCodePoints) {
  FormatSpec spec = Parse("^5");
  StringBuilder sb;
  PrintPadded(sb.AsPrinter(), spec, '<', "\xc3\xa9", 2, 1, 0);
  EXPECT_EQ(std::string(sb.data, sb.length), "  \xc3\xa9  ");
}


// --- Helpers ------------------------------------------------------------------------

class IntTest : public RuntimeTest {};
class IntBoolTest : public RuntimeTest {};
class IntFormatTest : public RuntimeTest {};
class IntCasesTest : public RuntimeTest {};

Value I(const char* text) { return ParseInt(text, __builtin_strlen(text), 10); }
Value N(SignedWord n) { return NewInt(n); }
Value IntType() { return FromType(&kIntType); }
Value BoolType() { return FromType(&kBoolType); }
Value Add(Value a, Value b) { return ApplyBinaryOp(BinaryOp::kAdd, a, b); }

std::string Fmt(Value v, const char* spec) {
  FormatSpec parsed = ParseFormatSpec(spec, __builtin_strlen(spec));
  StringBuilder text;
  FormatInt(text.AsPrinter(), v, parsed);
  return std::string(text.data ? text.data : "", text.length);
}

std::string InBase(Value v, int base, bool prefix, bool upper) {
  StringBuilder text;
  PrintInt(text.AsPrinter(), v, base, prefix, upper);
  return std::string(text.data, text.length);
}

std::string BytesText(Value bytes) {
  BufferInfo info;
  GetBuffer(bytes, &info, false);
  return std::string(static_cast<const char*>(info.data), info.length);
}

Value Kw(const char* name) { return FromQstr(QstrIntern(name, __builtin_strlen(name))); }

// --- Representation -------------------------------------------------------------------

TEST_F(IntTest, ResultsThatFitAreSmallInts) {
  Value max = N(kSmallIntMax);
  EXPECT_TRUE(IsSmallInt(max));
  Value big = Add(max, N(1));
  EXPECT_FALSE(IsSmallInt(big));
  EXPECT_EQ(TypeOf(big), &kIntType);
  Value back = ApplyBinaryOp(BinaryOp::kSubtract, big, N(1));
  EXPECT_TRUE(IsSmallInt(back));
  EXPECT_EQ(back, max);
  Value min = N(kSmallIntMin);
  EXPECT_FALSE(IsSmallInt(ApplyUnaryOp(UnaryOp::kNegative, min)));
  EXPECT_EQ(ApplyUnaryOp(UnaryOp::kNegative, ApplyUnaryOp(UnaryOp::kNegative, min)), min);
  EXPECT_TRUE(IsSmallInt(ApplyBinaryOp(BinaryOp::kFloorDivide, I("100000000000000000000000"), I("10000000000000000000"))));
  EXPECT_TRUE(IsSmallInt(I("00000000000000000000000000000000000000000012")));
}

TEST_F(IntTest, NewIntConstructorsMakeBigInts) {
  EXPECT_EQ(Str(NewIntFromUnsigned(~Word{0})), sizeof(Word) == 8 ? "18446744073709551615" : "4294967295");
  EXPECT_EQ(Str(NewIntFromLongLong(-9223372036854775807LL - 1)), "-9223372036854775808");
  EXPECT_EQ(Str(NewIntFromLongLong(9223372036854775807LL)), "9223372036854775807");
  EXPECT_EQ(Str(NewIntFromLongLong(-5)), "-5");
  SignedWord word_max = static_cast<SignedWord>(~Word{0} >> 1);
  Value v = NewInt(word_max);
  EXPECT_FALSE(IsSmallInt(v));
  EXPECT_EQ(Str(v), sizeof(Word) == 8 ? "9223372036854775807" : "2147483647");
  EXPECT_EQ(Str(NewInt(-word_max - 1)), sizeof(Word) == 8 ? "-9223372036854775808" : "-2147483648");
}

TEST_F(IntTest, IntFitsWordForBigInts) {
  SignedWord n = 0;
  SignedWord word_max = static_cast<SignedWord>(~Word{0} >> 1);
  EXPECT_TRUE(IntFitsWord(NewInt(word_max), &n));
  EXPECT_EQ(n, word_max);
  EXPECT_TRUE(IntFitsWord(NewInt(-word_max - 1), &n));
  EXPECT_EQ(n, -word_max - 1);
  EXPECT_FALSE(IntFitsWord(Add(NewInt(word_max), N(1)), &n));
  EXPECT_TRUE(IntFitsWord(kTrue, &n));
  EXPECT_EQ(n, 1);
  EXPECT_FALSE(IntFitsWord(kNone, &n));
  EXPECT_EQ(IntToWord(NewInt(word_max)), word_max);
  EXPECT_EQ(Raised([] { IntToWord(I("100000000000000000000")); }),
            "OverflowError: overflow converting long int to machine word");
}

TEST_F(IntTest, LowWordIsTheValueModuloTheWordSize) {
  // Values checked with python3 (n % 2**64).
  static_assert(sizeof(Word) == 8, "host test");
  EXPECT_EQ(IntLowWord(N(-1)), ~Word{0});
  EXPECT_EQ(IntLowWord(kTrue), Word{1});
  EXPECT_EQ(IntLowWord(I("100000000000000000000")), Word{7766279631452241920u});
  EXPECT_EQ(IntLowWord(I("-100000000000000000000")), Word{10680464442257309696u});
  EXPECT_EQ(IntLowWord(I("18446744073709551621")), Word{5});
  EXPECT_EQ(IntLowWord(I("-1208925819614629174706179")), Word{18446744073709551613u});
  EXPECT_EQ(Raised([] { IntLowWord(kNone); }), "TypeError: can't convert NoneType to int");
}

TEST_F(IntTest, StrAndReprAreDecimal) {
  EXPECT_EQ(Str(N(0)), "0");
  EXPECT_EQ(Repr(N(-42)), "-42");
  EXPECT_EQ(Repr(I("-123456789012345678901234567890")), "-123456789012345678901234567890");
  EXPECT_EQ(Str(I("340282366920938463463374607431768211456")), "340282366920938463463374607431768211456");
}

TEST_F(IntTest, PrintIntInBases) {
  EXPECT_EQ(InBase(N(255), 16, true, false), "0xff");
  EXPECT_EQ(InBase(N(-255), 16, true, false), "-0xff");
  EXPECT_EQ(InBase(N(255), 16, false, true), "FF");
  EXPECT_EQ(InBase(N(5), 2, true, false), "0b101");
  EXPECT_EQ(InBase(N(-8), 8, true, false), "-0o10");
  EXPECT_EQ(InBase(N(0), 2, true, false), "0b0");
  EXPECT_EQ(InBase(kTrue, 10, false, false), "1");
  EXPECT_EQ(InBase(I("-340282366920938463463374607431768211455"), 16, true, false),
            "-0xffffffffffffffffffffffffffffffff");
  EXPECT_EQ(InBase(I("18446744073709551616"), 2, false, false), "1" + std::string(64, '0'));
  EXPECT_EQ(Raised([] { InBase(S("x"), 10, false, false); }), "TypeError: can't convert str to int");
}

// --- Arithmetic -------------------------------------------------------------------------

TEST_F(IntTest, DivisionByZero) {
  for (Value zero : {N(0), kFalse}) {
    for (Value a : {N(7), I("100000000000000000000")}) {
      EXPECT_EQ(Raised([&] { ApplyBinaryOp(BinaryOp::kFloorDivide, a, zero); }), "ZeroDivisionError: divide by zero");
      EXPECT_EQ(Raised([&] { ApplyBinaryOp(BinaryOp::kModulo, a, zero); }), "ZeroDivisionError: divide by zero");
      EXPECT_EQ(Raised([&] { ApplyBinaryOp(BinaryOp::kDivMod, a, zero); }), "ZeroDivisionError: divide by zero");
      EXPECT_EQ(Raised([&] { ApplyBinaryOp(BinaryOp::kTrueDivide, a, zero); }), "ZeroDivisionError: divide by zero");
    }
  }
}

TEST_F(IntTest, ShiftCounts) {
  EXPECT_EQ(Raised([] { ApplyBinaryOp(BinaryOp::kLshift, N(1), N(-1)); }), "ValueError: negative shift count");
  EXPECT_EQ(Raised([] { ApplyBinaryOp(BinaryOp::kRshift, N(1), I("-100000000000000000000")); }),
            "ValueError: negative shift count");
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kRshift, N(-5), I("100000000000000000000")), N(-1));
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kRshift, I("100000000000000000000"), I("100000000000000000000")), N(0));
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kLshift, N(0), I("100000000000000000000")), N(0));
  EXPECT_EQ(Raised([] { ApplyBinaryOp(BinaryOp::kLshift, N(1), I("100000000000000000000")); }),
            "OverflowError: overflow converting long int to machine word");
  EXPECT_EQ(Str(ApplyBinaryOp(BinaryOp::kLshift, N(1), N(100))), "1267650600228229401496703205376");
}

TEST_F(IntTest, PowersWithHugeExponents) {
  Value huge = I("100000000000000000001");
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kPower, N(1), huge), N(1));
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kPower, N(0), huge), N(0));
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kPower, N(-1), huge), N(-1));
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kPower, N(-1), Add(huge, N(1))), N(1));
  EXPECT_EQ(Raised([&] { ApplyBinaryOp(BinaryOp::kPower, N(2), huge); }), "MemoryError: ");
}

TEST_F(IntTest, TrueDivisionGivesFloat) {
  Value q = ApplyBinaryOp(BinaryOp::kTrueDivide, N(7), N(2));
  EXPECT_TRUE(IsFloat(q));
  EXPECT_EQ(FloatValue(q), Float(3.5));
  EXPECT_EQ(FloatValue(ApplyBinaryOp(BinaryOp::kTrueDivide, I("100000000000000000000"), N(-4))), Float(-2.5e19));
}

TEST_F(IntTest, NegativePowerGivesFloat) {
  Value quarter = ApplyBinaryOp(BinaryOp::kPower, N(2), N(-2));
  EXPECT_TRUE(IsFloat(quarter));
  EXPECT_EQ(FloatValue(quarter), Float(0.25));
  EXPECT_EQ(FloatValue(ApplyBinaryOp(BinaryOp::kPower, N(-2), N(-3))), Float(-0.125));
  EXPECT_EQ(FloatValue(ApplyBinaryOp(BinaryOp::kPower, N(-1), I("-100000000000000000001"))), Float(-1));
  EXPECT_EQ(FloatValue(ApplyBinaryOp(BinaryOp::kPower, N(10), N(-400))), Float(0));
  EXPECT_EQ(FloatValue(ApplyBinaryOp(BinaryOp::kPower, N(10), N(-3))), Float(1) / Float(1000));
  EXPECT_EQ(Raised([] { ApplyBinaryOp(BinaryOp::kPower, N(0), N(-1)); }),
            "ZeroDivisionError: 0.0 cannot be raised to a negative power");
}

TEST_F(IntTest, PowMod) {
  EXPECT_EQ(IntPowMod(N(3), N(4), N(5)), N(1));
  EXPECT_EQ(Str(IntPowMod(N(2), N(100), N(1000000007))), "976371285");
  EXPECT_EQ(Str(IntPowMod(I("123456789012345678901234567890"), I("98765432109876543210"), I("1000000000000000000000007"))),
            "512139344591361872278912");
  EXPECT_EQ(IntPowMod(N(-2), N(3), N(5)), N(2));
  EXPECT_EQ(IntPowMod(N(2), N(3), N(-5)), N(-2));
  EXPECT_EQ(IntPowMod(N(3), N(-1), N(7)), N(5));
  EXPECT_EQ(IntPowMod(N(3), N(-2), N(7)), N(4));
  EXPECT_EQ(IntPowMod(N(3), N(-1), N(-7)), N(-2));
  EXPECT_EQ(IntPowMod(kTrue, N(5), N(3)), N(1));
  EXPECT_EQ(Raised([] { IntPowMod(N(2), N(-1), N(4)); }), "ValueError: base is not invertible for the given modulus");
  EXPECT_EQ(Raised([] { IntPowMod(N(2), N(3), N(0)); }), "ValueError: pow() 3rd argument cannot be 0");
  EXPECT_EQ(Raised([] { IntPowMod(N(2), NewFloat(3), N(5)); }),
            "TypeError: pow() with 3 arguments requires integers");
}

TEST_F(IntTest, UnaryOperators) {
  EXPECT_EQ(ApplyUnaryOp(UnaryOp::kNegative, N(5)), N(-5));
  EXPECT_EQ(ApplyUnaryOp(UnaryOp::kPositive, N(5)), N(5));
  EXPECT_EQ(ApplyUnaryOp(UnaryOp::kInvert, N(5)), N(-6));
  EXPECT_EQ(ApplyUnaryOp(UnaryOp::kAbs, N(-5)), N(5));
  EXPECT_EQ(Str(ApplyUnaryOp(UnaryOp::kInvert, I("18446744073709551616"))), "-18446744073709551617");
  EXPECT_EQ(Str(ApplyUnaryOp(UnaryOp::kAbs, I("-18446744073709551616"))), "18446744073709551616");
  EXPECT_EQ(Str(ApplyUnaryOp(UnaryOp::kNegative, I("18446744073709551616"))), "-18446744073709551616");
  EXPECT_TRUE(IsTrue(I("18446744073709551616")));
  EXPECT_FALSE(IsTrue(N(0)));
  EXPECT_EQ(ApplyUnaryOp(UnaryOp::kNot, N(0)), kTrue);
}

TEST_F(IntTest, HashIsTheValueAndConsistentForBigInts) {
  EXPECT_EQ(Hash(N(12345)), 12345);
  EXPECT_EQ(Hash(N(-7)), -7);
  Value a = I("123456789012345678901234567890");
  Value b = ApplyBinaryOp(BinaryOp::kMultiply, I("12345678901234567890123456789"), N(10));
  b = Add(b, N(0));
  EXPECT_NE(a, b);  // two objects
  EXPECT_EQ(Hash(a), Hash(b));
  EXPECT_TRUE(Equal(a, b));
  EXPECT_NE(Hash(a), Hash(ApplyUnaryOp(UnaryOp::kNegative, a)));
  EXPECT_EQ(Hash(ApplyUnaryOp(UnaryOp::kNegative, a)), -Hash(a));
  EXPECT_EQ(Hash(Add(N(kSmallIntMax), N(1))), 1);  // kSmallIntMax + 1 modulo kSmallIntMax
}

TEST_F(IntTest, ComparisonsWithBoolAndBigInts) {
  EXPECT_TRUE(Equal(N(1), kTrue));
  EXPECT_TRUE(Equal(kFalse, N(0)));
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kLess, kFalse, N(1)), kTrue);
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kMore, I("100000000000000000000"), N(1)), kTrue);
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kMore, I("-100000000000000000000"), N(-1)), kFalse);
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kNotEqual, I("100000000000000000000"), I("100000000000000000000")), kFalse);
  EXPECT_FALSE(Equal(N(1), S("1")));
}

TEST_F(IntTest, LeavesFloatOperandsToFloat) {
  Value f = NewFloat(1.5);
  EXPECT_EQ(IntBinaryOp(BinaryOp::kAdd, N(1), f), kNull);
  EXPECT_EQ(IntBinaryOp(BinaryOp::kLess, N(1), f), kNull);
  EXPECT_EQ(IntBinaryOp(BinaryOp::kEqual, I("100000000000000000000"), f), kNull);
  EXPECT_EQ(IntBinaryOp(BinaryOp::kMultiply, N(1), S("a")), kNull);
}

TEST_F(IntTest, ReflectedAndInplaceOperators) {
  EXPECT_EQ(IntBinaryOp(BinaryOp::kReverseSubtract, N(1), N(10)), N(9));
  EXPECT_EQ(IntBinaryOp(BinaryOp::kInplaceAdd, N(1), N(10)), N(11));
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kInplaceLshift, N(1), N(3)), N(8));
  EXPECT_EQ(Raised([] { ApplyBinaryOp(BinaryOp::kAdd, N(1), kNone); }),
            "TypeError: unsupported types for __add__: 'int', 'NoneType'");
}

TEST_F(IntTest, AttributesAndBitLength) {
  Value v = I("-18446744073709551616");
  EXPECT_EQ(Str(LoadAttr(v, Q_real)), "-18446744073709551616");
  EXPECT_EQ(LoadAttr(v, Q_imag), N(0));
  EXPECT_EQ(LoadAttr(N(7), Q_numerator), N(7));
  EXPECT_EQ(LoadAttr(N(7), Q_denominator), N(1));
  EXPECT_EQ(LoadAttr(kTrue, Q_real), N(1));
  EXPECT_EQ(CallMethod(N(255), Q_bit_length, 0, nullptr), N(8));
  EXPECT_EQ(CallMethod(N(-256), Q_bit_length, 0, nullptr), N(9));
  EXPECT_EQ(CallMethod(N(0), Q_bit_length, 0, nullptr), N(0));
  EXPECT_EQ(CallMethod(v, Q_bit_length, 0, nullptr), N(65));
  EXPECT_EQ(CallMethod(kTrue, Q_bit_length, 0, nullptr), N(1));
}

// --- Construction ------------------------------------------------------------------------

TEST_F(IntTest, MakeNewFromNumbers) {
  EXPECT_EQ(Call0(IntType()), N(0));
  EXPECT_EQ(Call1(IntType(), kTrue), N(1));
  EXPECT_EQ(Call1(IntType(), N(-3)), N(-3));
  EXPECT_EQ(Call1(IntType(), NewFloat(3.9)), N(3));
  EXPECT_EQ(Call1(IntType(), NewFloat(-3.9)), N(-3));
  EXPECT_EQ(Call1(IntType(), NewFloat(-0.5)), N(0));
  EXPECT_EQ(Str(Call1(IntType(), NewFloat(1e20))), "100000000000000000000");
  EXPECT_EQ(Str(Call1(IntType(), NewFloat(-1e300))),
            "-1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043"
            "7044438328838781769425232353604305756447921847867069828483872009265758037378302337947880900593689532349"
            "70799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160");
  EXPECT_EQ(Str(IntFromFloat(Float(4611686018427387904.0))), "4611686018427387904");
  EXPECT_EQ(Str(IntFromFloat(Float(9007199254740993.0))), "9007199254740992");
  EXPECT_EQ(Raised([] { Call1(IntType(), NewFloat(__builtin_inf())); }), "OverflowError: can't convert inf to int");
  EXPECT_EQ(Raised([] { Call1(IntType(), NewFloat(-__builtin_inf())); }), "OverflowError: can't convert inf to int");
  EXPECT_EQ(Raised([] { Call1(IntType(), NewFloat(__builtin_nan(""))); }), "ValueError: can't convert NaN to int");
  EXPECT_EQ(Raised([] { Call1(IntType(), kNone); }), "TypeError: can't convert NoneType to int");
}

TEST_F(IntTest, MakeNewFromText) {
  EXPECT_EQ(Call1(IntType(), S("  -12 ")), N(-12));
  EXPECT_EQ(Call2(IntType(), S("ff"), N(16)), N(255));
  EXPECT_EQ(Call2(IntType(), S("0x10"), N(0)), N(16));
  EXPECT_EQ(Call1(IntType(), NewBytes(reinterpret_cast<const uint8_t*>("42"), 2)), N(42));
  EXPECT_EQ(Call2(IntType(), NewBytes(reinterpret_cast<const uint8_t*>("z"), 1), N(36)), N(35));
  Value args[] = {S("17"), Kw("base"), N(8)};
  EXPECT_EQ(Call(IntType(), 1, 1, args), N(15));
  EXPECT_EQ(Raised([] { Call1(IntType(), S("12x")); }), "ValueError: invalid syntax for integer with base 10: '12x'");
  EXPECT_EQ(Raised([] { Call2(IntType(), S("12"), N(1)); }), "ValueError: int() arg 2 must be >= 2 and <= 36");
  EXPECT_EQ(Raised([] { Call2(IntType(), S("12"), N(37)); }), "ValueError: int() arg 2 must be >= 2 and <= 36");
  EXPECT_EQ(Raised([] { Call2(IntType(), N(12), N(10)); }),
            "TypeError: can't convert non-string with explicit base");
  EXPECT_EQ(Raised([] { Call2(IntType(), S("9"), N(8)); }), "ValueError: invalid syntax for integer with base 8: '9'");
}

Value ReturnsSeven(Value) { return FromSmallInt(7); }
Value ReturnsText(Value) { return FromQstr(Q_int); }
constexpr BuiltinFunction kIntMethod(Q___int__, ReturnsSeven);
constexpr BuiltinFunction kIndexMethod(Q___index__, ReturnsSeven);
constexpr BuiltinFunction kBadIntMethod(Q___int__, ReturnsText);

Value ClassWith(Qstr method, const BuiltinFunction& fn) {
  Value dict = NewDict(0);
  DictStore(dict, FromQstr(method), NewCheckedMethod(&kObjectType, FromPointer(&fn)));  // binds, as a def would
  Value bases = EmptyTuple();
  return NewClass(QstrIntern("C", 1), bases, dict);
}

TEST_F(IntTest, MakeNewCallsIntAndIndex) {
  Value with_int = Call0(ClassWith(Q___int__, kIntMethod));
  EXPECT_EQ(Call1(IntType(), with_int), N(7));
  Value with_index = Call0(ClassWith(Q___index__, kIndexMethod));
  EXPECT_EQ(Call1(IntType(), with_index), N(7));
  Value bad = Call0(ClassWith(Q___int__, kBadIntMethod));
  EXPECT_EQ(Raised([&] { Call1(IntType(), bad); }), "TypeError: __int__ returned non-int (type str)");
}

TEST_F(IntTest, SubclassInstancesActAsTheirInt) {
  Value bases[] = {IntType()};
  Value cls = NewClass(QstrIntern("MyInt", 5), NewTuple(1, bases), NewDict(0));
  Value x = Call1(cls, I("18446744073709551616"));
  EXPECT_TRUE(IsInt(x));
  EXPECT_EQ(Str(IntBinaryOp(BinaryOp::kAdd, N(1), x)), "18446744073709551617");
  EXPECT_EQ(Str(ApplyBinaryOp(BinaryOp::kAdd, N(1), x)), "18446744073709551617");
  EXPECT_EQ(Str(Call1(IntType(), x)), "18446744073709551616");
  EXPECT_EQ(Fmt(x, "x"), "10000000000000000");
  EXPECT_EQ(CallMethod(x, Q_bit_length, 0, nullptr), N(65));
}

TEST_F(IntTest, ParseIntEdgeCases) {
  EXPECT_EQ(ParseInt("0", 1, 0), N(0));
  EXPECT_EQ(Str(ParseInt("-0x_dead_BEEF_0123_4567_89ab", 28, 0)), "-1051570404138450629921195");
  EXPECT_EQ(Raised([] { ParseInt("", 0, 0); }), "ValueError: invalid syntax for integer with base 0: ''");
  EXPECT_EQ(Raised([] { ParseInt("1", 1, 99); }), "ValueError: int() arg 2 must be >= 2 and <= 36");
}

// --- to_bytes / from_bytes ------------------------------------------------------------------

// v.to_bytes(*positional, signed=is_signed). (No std::vector: a raised
// exception skips destructors.)
Value ToBytes(Value v, std::initializer_list<Value> positional, bool is_signed = false) {
  Value args[6];
  size_t n_args = 0;
  for (Value p : positional) args[n_args++] = p;
  args[n_args] = Kw("signed");
  args[n_args + 1] = kTrue;
  Value method = LoadAttr(v, Q_to_bytes);
  return Call(method, n_args, is_signed ? 1 : 0, args);
}

Value FromBytes(const std::string& data, const char* order, bool is_signed = false) {
  Value bytes = NewBytes(reinterpret_cast<const uint8_t*>(data.data()), data.size());
  Value method = LoadAttr(IntType(), Q_from_bytes);
  Value args[] = {bytes, S(order), Kw("signed"), FromBool(is_signed)};
  return Call(method, 2, 1, args);
}

TEST_F(IntTest, ToBytes) {
  EXPECT_EQ(BytesText(ToBytes(N(255), {N(2), S("big")})), std::string("\x00\xff", 2));
  EXPECT_EQ(BytesText(ToBytes(N(255), {N(2), S("little")})), std::string("\xff\x00", 2));
  EXPECT_EQ(BytesText(ToBytes(N(65), {})), "A");  // length 1, big-endian by default
  EXPECT_EQ(BytesText(ToBytes(N(-1), {N(2), S("big")}, true)), "\xff\xff");
  EXPECT_EQ(BytesText(ToBytes(N(-128), {N(1), S("big")}, true)), "\x80");
  EXPECT_EQ(BytesText(ToBytes(I("18446744073709551617"), {N(9), S("big")})), std::string("\x01\x00\x00\x00\x00\x00\x00\x00\x01", 9));
  EXPECT_EQ(BytesText(ToBytes(I("-18446744073709551616"), {N(9), S("little")}, true)),
            std::string("\x00\x00\x00\x00\x00\x00\x00\x00\xff", 9));
  EXPECT_EQ(BytesText(ToBytes(N(0), {N(0), S("big")})), "");
  EXPECT_EQ(Raised([] { ToBytes(N(256), {N(1), S("big")}); }), "OverflowError: int too big to convert");
  EXPECT_EQ(Raised([] { ToBytes(N(128), {N(1), S("big")}, true); }), "OverflowError: int too big to convert");
  EXPECT_EQ(Raised([] { ToBytes(N(-129), {N(1), S("big")}, true); }), "OverflowError: int too big to convert");
  EXPECT_EQ(Raised([] { ToBytes(N(-1), {N(1), S("big")}); }), "OverflowError: can't convert negative int to unsigned");
  EXPECT_EQ(Raised([] { ToBytes(N(1), {N(1), S("middle")}); }),
            "ValueError: byteorder must be either 'little' or 'big'");
  EXPECT_EQ(Raised([] { ToBytes(N(1), {N(-1), S("big")}); }), "ValueError: length argument must be non-negative");
}

TEST_F(IntTest, FromBytesIsAClassMethod) {
  EXPECT_EQ(FromBytes(std::string("\x00\xff", 2), "big"), N(255));
  EXPECT_EQ(FromBytes(std::string("\x00\xff", 2), "little"), N(65280));
  EXPECT_EQ(FromBytes("\xff\xff", "big", true), N(-1));
  EXPECT_EQ(FromBytes("\x80", "big", true), N(-128));
  EXPECT_EQ(FromBytes("\x7f", "big", true), N(127));
  EXPECT_EQ(FromBytes("", "big", true), N(0));
  EXPECT_EQ(Str(FromBytes(std::string(16, '\xff'), "big")), "340282366920938463463374607431768211455");
  EXPECT_EQ(Str(FromBytes(std::string("\x00\x00\x00\x00\x00\x00\x00\x80", 8), "little", true)), "-9223372036854775808");
  EXPECT_EQ(Str(FromBytes(std::string("\x80\x00\x00\x00\x00\x00\x00\x00\x00", 9), "big", true)),
            "-2361183241434822606848");
  // Through an instance too, as in Python.
  Value method = LoadAttr(N(5), Q_from_bytes);
  Value args[] = {NewBytes(reinterpret_cast<const uint8_t*>("\x01\x02"), 2), S("big")};
  EXPECT_EQ(Call(method, 2, 0, args), N(258));
}

// --- float conversions --------------------------------------------------------------------------

TEST_F(IntTest, IntToFloatRoundsToNearest) {
  EXPECT_EQ(IntToFloat(N(-3)), Float(-3));
  EXPECT_EQ(IntToFloat(kTrue), Float(1));
  EXPECT_EQ(IntToFloat(I("18446744073709551617")), Float(18446744073709551616.0));
  EXPECT_EQ(IntToFloat(I("9007199254740993")), Float(9007199254740992.0));   // tie: to even
  EXPECT_EQ(IntToFloat(I("9007199254740995")), Float(9007199254740996.0));   // tie: to even
  EXPECT_EQ(IntToFloat(I("36028797018963971")), Float(36028797018963972.0));  // above the tie
  EXPECT_EQ(IntToFloat(I("-1000000000000000000000000000000")), Float(-1e30));
  EXPECT_EQ(Raised([] { IntToFloat(ApplyBinaryOp(BinaryOp::kLshift, N(1), N(1024))); }),
            "OverflowError: int too large to convert to float");
}

// --- bool ---------------------------------------------------------------------------------------------

TEST_F(IntBoolTest, PrintsAndConverts) {
  EXPECT_EQ(Str(kTrue), "True");
  EXPECT_EQ(Repr(kFalse), "False");
  EXPECT_EQ(Call0(BoolType()), kFalse);
  EXPECT_EQ(Call1(BoolType(), N(0)), kFalse);
  EXPECT_EQ(Call1(BoolType(), I("100000000000000000000")), kTrue);
  EXPECT_EQ(Call1(BoolType(), S("")), kFalse);
  EXPECT_EQ(Call1(BoolType(), S("x")), kTrue);
  EXPECT_EQ(Call1(BoolType(), kNone), kFalse);
  EXPECT_EQ(Raised([] { Call2(BoolType(), N(1), N(2)); }),
            "TypeError: function takes 1 positional arguments but 2 were given");
  EXPECT_TRUE(IsSubclass(&kBoolType, &kIntType));
  EXPECT_FALSE(kBoolType.flags & kTypeBaseAllowed);
  EXPECT_TRUE(IsInt(kTrue));
}

TEST_F(IntBoolTest, ArithmeticIsIntArithmetic) {
  EXPECT_EQ(Add(kTrue, kTrue), N(2));
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kSubtract, kFalse, kTrue), N(-1));
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kMultiply, kTrue, N(5)), N(5));
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kAdd, N(5), kTrue), N(6));
  EXPECT_EQ(ApplyUnaryOp(UnaryOp::kNegative, kTrue), N(-1));
  EXPECT_EQ(ApplyUnaryOp(UnaryOp::kInvert, kTrue), N(-2));
  EXPECT_EQ(ApplyUnaryOp(UnaryOp::kPositive, kTrue), N(1));
  EXPECT_EQ(ApplyUnaryOp(UnaryOp::kAbs, kFalse), N(0));
  EXPECT_EQ(Hash(kTrue), 1);
  EXPECT_TRUE(Equal(kTrue, N(1)));
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kLess, kFalse, kTrue), kTrue);
}

TEST_F(IntBoolTest, BitwiseBetweenBoolsIsBool) {
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kAnd, kTrue, kFalse), kFalse);
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kOr, kTrue, kFalse), kTrue);
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kXor, kTrue, kTrue), kFalse);
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kInplaceXor, kTrue, kFalse), kTrue);
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kOr, kTrue, N(2)), N(3));
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kAnd, N(3), kTrue), N(1));
}

// --- format ---------------------------------------------------------------------------------------------

TEST_F(IntFormatTest, BoolsFormatAsInts) {
  EXPECT_EQ(Fmt(kTrue, ""), "True");
  EXPECT_EQ(Fmt(kFalse, "d"), "0");
  EXPECT_EQ(Fmt(kTrue, "5"), "    1");
  EXPECT_EQ(Fmt(kTrue, "#x"), "0x1");
}

TEST_F(IntFormatTest, Errors) {
  EXPECT_EQ(Raised([] { Fmt(N(1), ".2d"); }), "ValueError: precision not allowed in integer format specifier");
  EXPECT_EQ(Raised([] { Fmt(N(1), ",x"); }), "ValueError: cannot specify ',' with 'x'");
  EXPECT_EQ(Raised([] { Fmt(N(1), "_n"); }), "ValueError: cannot specify '_' with 'n'");
  EXPECT_EQ(Raised([] { Fmt(N(1), ",c"); }), "ValueError: cannot specify ',' with 'c'");
  EXPECT_EQ(Raised([] { Fmt(N(1), "s"); }), "ValueError: unknown format code 's' for object of type 'int'");
  EXPECT_EQ(Raised([] { Fmt(N(65), "+c"); }), "ValueError: sign not allowed with integer format specifier 'c'");
  EXPECT_EQ(Raised([] { Fmt(N(65), "#c"); }),
            "ValueError: alternate form (#) not allowed with integer format specifier 'c'");
  EXPECT_EQ(Raised([] { Fmt(N(-1), "c"); }), "OverflowError: %c arg not in range(0x110000)");
  EXPECT_EQ(Raised([] { Fmt(N(0x110000), "c"); }), "OverflowError: %c arg not in range(0x110000)");
  EXPECT_EQ(Raised([] { Fmt(S("x"), "d"); }), "TypeError: can't convert str to int");
}

// --- Generated cases (python3's answers) ---------------------------------------------------------------

BinaryOp OpNamed(const std::string& op) {
  static const std::pair<const char*, BinaryOp> kOps[] = {
      {"+", BinaryOp::kAdd},       {"-", BinaryOp::kSubtract}, {"*", BinaryOp::kMultiply},
      {"//", BinaryOp::kFloorDivide}, {"%", BinaryOp::kModulo}, {"divmod", BinaryOp::kDivMod},
      {"**", BinaryOp::kPower},    {"<<", BinaryOp::kLshift},  {">>", BinaryOp::kRshift},
      {"&", BinaryOp::kAnd},       {"|", BinaryOp::kOr},       {"^", BinaryOp::kXor},
      {"<", BinaryOp::kLess},      {"<=", BinaryOp::kLessEqual}, {"==", BinaryOp::kEqual}};
  for (auto& [name, op_value] : kOps)
    if (op == name) return op_value;
  ADD_FAILURE() << "unknown operator " << op;
  return BinaryOp::kAdd;
}

std::string Outcome(BinaryOp op, Value a, Value b) {
  Value result = kNull;
  Value exc = Catch([&] { result = ApplyBinaryOp(op, a, b); });
  if (exc != kNull) return std::string(TypeNameOf(exc)) + ": " + Str(exc);
  if (op == BinaryOp::kDivMod) {
    TupleObject* pair = AsTuple(result);
    return Str(pair->items[0]) + " " + Str(pair->items[1]);
  }
  return Str(result);
}

TEST_F(IntCasesTest, BinaryOperators) {
  size_t failures = 0;
  for (const IntOpCase& c : kIntOpCases) {
    Value a = I(c.a), b = I(c.b);
    std::string got = Outcome(OpNamed(c.op), a, b);
    if (got != c.expected && ++failures <= 20)
      ADD_FAILURE() << c.a << " " << c.op << " " << c.b << ": got " << got << ", expected " << c.expected;
  }
  EXPECT_EQ(failures, 0u);
  EXPECT_GT(sizeof kIntOpCases / sizeof kIntOpCases[0], 5000u);
}

TEST_F(IntCasesTest, Parsing) {
  for (const IntParseCase& c : kIntParseCases) {
    std::string got;
    Value exc = Catch([&] { got = Str(ParseInt(c.text, __builtin_strlen(c.text), c.base)); });
    if (*c.expected == 0) {
      std::string message = exc == kNull ? got : std::string(TypeNameOf(exc)) + ": " + Str(exc);
      EXPECT_EQ(message.substr(0, message.rfind(':')),
                "ValueError: invalid syntax for integer with base " + std::to_string(c.base))
          << "int(" << c.text << ", " << c.base << ")";
    } else {
      EXPECT_EQ(exc == kNull ? got : std::string(TypeNameOf(exc)) + ": " + Str(exc), c.expected)
          << "int(\"" << c.text << "\", " << c.base << ")";
    }
  }
}

TEST_F(IntCasesTest, Formatting) {
  size_t failures = 0;
  for (const IntFormatCase& c : kIntFormatCases) {
    Value v = I(c.value);
    std::string got;
    Value exc = Catch([&] { got = Fmt(v, c.spec); });
    if (exc != kNull) got = std::string(TypeNameOf(exc)) + ": " + Str(exc);
    if (got != c.expected && ++failures <= 30)
      ADD_FAILURE() << "format(" << c.value << ", '" << c.spec << "'): got '" << got << "', expected '" << c.expected
                    << "'";
  }
  EXPECT_EQ(failures, 0u);
  EXPECT_GT(sizeof kIntFormatCases / sizeof kIntFormatCases[0], 500u);
}

}  // namespace
}  // namespace taipan::rt::testing
