// bytes, bytearray and memoryview as a Python program sees them: the
// expected values were produced by CPython 3.11 (messages: MicroPython's
// wording where the two differ).
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>

#include "runtime/bytes.h"
#include "runtime/class.h"
#include "runtime/dict.h"
#include "runtime/float.h"
#include "runtime/list.h"
#include "runtime/slice.h"
#include "runtime/tuple.h"
#include "test/runtime/runtime_test.h"

namespace taipan::rt::testing {
namespace {

using BytesTest = RuntimeTest;
using ByteArrayTest = RuntimeTest;
using MemoryViewTest = RuntimeTest;

// B("a\0b"): a bytes with exactly the literal's bytes (NULs included).
template <size_t N>
Value B(const char (&text)[N]) {
  return NewBytes(reinterpret_cast<const uint8_t*>(text), N - 1);
}
template <size_t N>
Value BA(const char (&text)[N]) {
  return NewByteArray(reinterpret_cast<const uint8_t*>(text), N - 1);
}
Value I(SignedWord n) { return FromSmallInt(n); }

Value Name(const char* name) { return FromQstr(StrToQstr(S(name))); }

// obj.name(args...)
Value M(Value obj, const char* name, std::initializer_list<Value> args = {}) {
  return CallMethod(obj, StrToQstr(S(name)), args.size(), args.begin());
}
// type(args...)
Value Make(const Type* type, std::initializer_list<Value> args = {}) {
  return Call(FromType(type), args.size(), 0, args.begin());
}
Value Bytes(std::initializer_list<Value> args = {}) { return Make(&kBytesType, args); }
Value ByteArray(std::initializer_list<Value> args = {}) { return Make(&kByteArrayType, args); }
Value View(Value source) { return Make(&kMemoryViewType, {source}); }

Value Op(BinaryOp op, Value a, Value b) { return ApplyBinaryOp(op, a, b); }
Value Slice(Value start, Value stop, Value step = kNone) { return NewSlice(start, stop, step); }

// repr of a list or tuple, written here so that these tests depend only on
// the repr of the items.
std::string Items(Value seq) {
  size_t length;
  Value* items;
  GetSequenceItems(seq, &length, &items);
  bool tuple = HasExactType(seq, &kTupleType);
  std::string text = tuple ? "(" : "[";
  for (size_t i = 0; i < length; ++i) text += (i ? ", " : "") + Repr(items[i]);
  return text + (tuple ? ")" : "]");
}

std::string IterRepr(Value iterable) {
  Value it = GetIter(iterable);
  std::string text = "[";
  bool first = true;
  for (Value x = IterNext(it); x != kStopIteration; x = IterNext(it), first = false) text += (first ? "" : ", ") + Repr(x);
  return text + "]";
}

// --- bytes: construction and repr ---------------------------------------------

TEST_F(BytesTest, ReprEscapesAndQuotes) {
  EXPECT_EQ(Repr(B("")), "b''");
  EXPECT_EQ(Repr(B("abc")), "b'abc'");
  EXPECT_EQ(Repr(B("it's")), "b\"it's\"");
  EXPECT_EQ(Repr(B("both ' and \"")), "b'both \\' and \"'");
  EXPECT_EQ(Repr(B("say \"hi\"")), "b'say \"hi\"'");
  EXPECT_EQ(Repr(B("\x00\x01\n\r\t\\\x7f\x80\xff ~")), "b'\\x00\\x01\\n\\r\\t\\\\\\x7f\\x80\\xff ~'");
  EXPECT_EQ(Str(B("a\n")), "b'a\\n'");  // str(b) == repr(b)
}

TEST_F(BytesTest, Constructors) {
  EXPECT_EQ(Repr(Bytes()), "b''");
  EXPECT_EQ(Repr(Bytes({I(3)})), "b'\\x00\\x00\\x00'");
  EXPECT_EQ(Repr(Bytes({kTrue})), "b'\\x00'");
  Value ints[] = {I(1), I(2), I(255)};
  EXPECT_EQ(Repr(Bytes({NewList(3, ints)})), "b'\\x01\\x02\\xff'");
  EXPECT_EQ(Repr(Bytes({NewTuple(3, ints)})), "b'\\x01\\x02\\xff'");
  EXPECT_EQ(Repr(Bytes({S("h\xc3\xa9"), S("utf-8")})), "b'h\\xc3\\xa9'");
  EXPECT_EQ(Repr(Bytes({S("abc"), S("ascii"), S("strict")})), "b'abc'");
  EXPECT_EQ(Repr(Bytes({BA("xy")})), "b'xy'");
  EXPECT_EQ(Repr(Bytes({View(B("mv"))})), "b'mv'");
  Value b = B("same");
  EXPECT_EQ(Bytes({b}), b);  // bytes(b) is b
  Value kw[] = {S("abc"), Name("encoding"), S("utf-8")};
  EXPECT_EQ(Repr(Call(FromType(&kBytesType), 1, 1, kw)), "b'abc'");
}

TEST_F(BytesTest, ConstructorFromIterator) {
  Value ints[] = {I(65), I(66)};
  EXPECT_EQ(Repr(Bytes({GetIter(NewList(2, ints))})), "b'AB'");
}

TEST_F(BytesTest, ConstructorErrors) {
  EXPECT_EQ(Raised([] { Bytes({I(-1)}); }), "ValueError: negative count");
  Value too_big[] = {I(256)};
  EXPECT_EQ(Raised([&] { Bytes({NewList(1, too_big)}); }), "ValueError: bytes value out of range");
  Value negative[] = {I(-1)};
  EXPECT_EQ(Raised([&] { Bytes({NewList(1, negative)}); }), "ValueError: bytes value out of range");
  Value text[] = {S("a")};
  EXPECT_EQ(Raised([&] { Bytes({NewList(1, text)}); }), "TypeError: can't convert str to int");
  EXPECT_EQ(Raised([] { Bytes({S("abc")}); }), "TypeError: string argument without an encoding");
  EXPECT_EQ(Raised([] { Bytes({I(1), S("utf-8")}); }), "TypeError: wrong number of arguments");
  EXPECT_EQ(Raised([] { Bytes({kNone}); }), "TypeError: 'NoneType' object isn't iterable");
}

// --- bytes: sequence operations ------------------------------------------------------

TEST_F(BytesTest, IndexingGivesInts) {
  Value b = B("abcdef");
  EXPECT_EQ(LoadSubscr(b, I(1)), I(98));
  EXPECT_EQ(LoadSubscr(b, I(-1)), I(102));
  EXPECT_EQ(Raised([&] { LoadSubscr(b, I(6)); }), "IndexError: bytes index out of range");
  EXPECT_EQ(Raised([&] { LoadSubscr(b, I(-7)); }), "IndexError: bytes index out of range");
}

TEST_F(BytesTest, SlicingGivesBytes) {
  Value b = B("abcdef");
  EXPECT_EQ(Repr(LoadSubscr(b, Slice(I(1), I(4)))), "b'bcd'");
  EXPECT_EQ(Repr(LoadSubscr(b, Slice(kNone, kNone, I(2)))), "b'ace'");
  EXPECT_EQ(Repr(LoadSubscr(b, Slice(kNone, kNone, I(-1)))), "b'fedcba'");
  EXPECT_EQ(Repr(LoadSubscr(b, Slice(I(-2), kNone))), "b'ef'");
  EXPECT_EQ(Repr(LoadSubscr(b, Slice(I(5), I(1), I(-2)))), "b'fd'");
  EXPECT_EQ(Repr(LoadSubscr(b, Slice(I(4), I(2)))), "b''");
}

TEST_F(BytesTest, IsImmutable) {
  Value b = B("abc");
  EXPECT_EQ(Raised([&] { StoreSubscr(b, I(0), I(1)); }), "TypeError: 'bytes' object doesn't support item assignment");
  EXPECT_EQ(Raised([&] { DeleteSubscr(b, I(0)); }), "TypeError: 'bytes' object doesn't support item deletion");
}

TEST_F(BytesTest, LengthTruthAndIteration) {
  EXPECT_EQ(Length(B("abc")), 3u);
  EXPECT_EQ(Length(B("a\0b")), 3u);
  EXPECT_FALSE(IsTrue(B("")));
  EXPECT_TRUE(IsTrue(B("\0")));
  EXPECT_EQ(IterRepr(B("ab")), "[97, 98]");
  EXPECT_EQ(IterRepr(B("")), "[]");
}

TEST_F(BytesTest, Concatenation) {
  EXPECT_EQ(Repr(Op(BinaryOp::kAdd, B("ab"), B("cd"))), "b'abcd'");
  EXPECT_EQ(Repr(Op(BinaryOp::kAdd, B("ab"), BA("cd"))), "b'abcd'");
  EXPECT_EQ(Repr(Op(BinaryOp::kAdd, B("ab"), View(B("cd")))), "b'abcd'");
  EXPECT_EQ(Repr(Op(BinaryOp::kInplaceAdd, B("ab"), B("c"))), "b'abc'");
  EXPECT_EQ(Raised([] { Op(BinaryOp::kAdd, B("ab"), S("x")); }), "TypeError: unsupported types for __add__: 'bytes', 'str'");
  EXPECT_EQ(Raised([] { Op(BinaryOp::kAdd, B("ab"), I(1)); }), "TypeError: unsupported types for __add__: 'bytes', 'int'");
}

TEST_F(BytesTest, Repetition) {
  EXPECT_EQ(Repr(Op(BinaryOp::kMultiply, B("ab"), I(3))), "b'ababab'");
  EXPECT_EQ(Repr(Op(BinaryOp::kMultiply, I(3), B("ab"))), "b'ababab'");
  EXPECT_EQ(Repr(Op(BinaryOp::kMultiply, B("ab"), I(-1))), "b''");
  EXPECT_EQ(Repr(Op(BinaryOp::kMultiply, B("ab"), I(0))), "b''");
}

TEST_F(BytesTest, Comparisons) {
  EXPECT_TRUE(Equal(B("abc"), B("abc")));
  EXPECT_TRUE(Equal(B("abc"), BA("abc")));
  EXPECT_TRUE(Equal(BA("abc"), B("abc")));
  EXPECT_FALSE(Equal(B("abc"), S("abc")));
  EXPECT_FALSE(Equal(B("abc"), B("abd")));
  EXPECT_EQ(Op(BinaryOp::kNotEqual, B("abc"), B("abd")), kTrue);
  EXPECT_EQ(Op(BinaryOp::kLess, B("abc"), B("abd")), kTrue);
  EXPECT_EQ(Op(BinaryOp::kLess, B("ab"), B("abc")), kTrue);
  EXPECT_EQ(Op(BinaryOp::kMore, B("b"), B("abc")), kTrue);
  EXPECT_EQ(Op(BinaryOp::kLessEqual, B("abc"), B("abc")), kTrue);
  EXPECT_EQ(Op(BinaryOp::kMoreEqual, B("ab"), B("abc")), kFalse);
  EXPECT_EQ(Op(BinaryOp::kLess, B("\x80"), B("\x7f")), kFalse);  // unsigned bytes
  EXPECT_EQ(Raised([] { Op(BinaryOp::kLess, B("abc"), S("abc")); }),
            "TypeError: unsupported types for __lt__: 'bytes', 'str'");
}

TEST_F(BytesTest, Containment) {
  EXPECT_EQ(Op(BinaryOp::kIn, I(98), B("abc")), kTrue);
  EXPECT_EQ(Op(BinaryOp::kIn, I(120), B("abc")), kFalse);
  EXPECT_EQ(Op(BinaryOp::kIn, B("bc"), B("abc")), kTrue);
  EXPECT_EQ(Op(BinaryOp::kIn, BA("bc"), B("abc")), kTrue);
  EXPECT_EQ(Op(BinaryOp::kIn, B(""), B("abc")), kTrue);
  EXPECT_EQ(Op(BinaryOp::kIn, B("ac"), B("abc")), kFalse);
  EXPECT_EQ(Op(BinaryOp::kNotIn, B("ac"), B("abc")), kTrue);
  EXPECT_EQ(Raised([] { Op(BinaryOp::kIn, S("a"), B("abc")); }),
            "TypeError: a bytes-like object is required, not 'str'");
  EXPECT_EQ(Raised([] { Op(BinaryOp::kIn, I(300), B("abc")); }), "ValueError: bytes value out of range");
}

TEST_F(BytesTest, HashLikeStr) {
  EXPECT_EQ(Hash(B("abc")), Hash(B("abc")));
  EXPECT_EQ(Hash(B("abc")), Hash(S("abc")));
  EXPECT_NE(Hash(B("abc")), Hash(B("abd")));
}

TEST_F(BytesTest, BufferIsReadOnly) {
  BufferInfo info;
  EXPECT_TRUE(TryGetBuffer(B("xyz"), &info, false));
  EXPECT_EQ(info.length, 3u);
  EXPECT_EQ(info.typecode, 'B');
  EXPECT_FALSE(info.writable);
  EXPECT_EQ(std::string(static_cast<const char*>(info.data), 3), "xyz");
  EXPECT_FALSE(TryGetBuffer(B("xyz"), &info, true));
}

// --- bytes: methods --------------------------------------------------------------------------

TEST_F(BytesTest, CountFindIndex) {
  Value b = B("abcabc");
  EXPECT_EQ(M(b, "count", {B("bc")}), I(2));
  EXPECT_EQ(M(B("aaaa"), "count", {B("aa")}), I(2));
  EXPECT_EQ(M(B("abc"), "count", {B("")}), I(4));
  EXPECT_EQ(M(b, "count", {I(97)}), I(2));
  EXPECT_EQ(M(b, "count", {B("a"), I(1)}), I(1));
  EXPECT_EQ(M(b, "find", {B("c")}), I(2));
  EXPECT_EQ(M(b, "rfind", {B("c")}), I(5));
  EXPECT_EQ(M(b, "find", {B("x")}), I(-1));
  EXPECT_EQ(M(b, "find", {B("c"), I(-2)}), I(5));
  EXPECT_EQ(M(b, "find", {B("c"), I(1), I(3)}), I(2));
  EXPECT_EQ(M(b, "find", {B("c"), kNone, I(2)}), I(-1));
  EXPECT_EQ(M(b, "find", {I(99)}), I(2));
  EXPECT_EQ(M(B("abc"), "find", {B(""), I(5)}), I(-1));
  EXPECT_EQ(M(B("abc"), "find", {B(""), I(3)}), I(3));
  EXPECT_EQ(M(B("abc"), "rfind", {B("")}), I(3));
  EXPECT_EQ(M(b, "index", {B("b")}), I(1));
  EXPECT_EQ(M(b, "rindex", {B("b")}), I(4));
  EXPECT_EQ(Raised([&] { M(b, "index", {B("x")}); }), "ValueError: substring not found");
  EXPECT_EQ(Raised([&] { M(b, "rindex", {B("x")}); }), "ValueError: substring not found");
  EXPECT_EQ(Raised([&] { M(b, "find", {S("a")}); }), "TypeError: a bytes-like object is required, not 'str'");
}

TEST_F(BytesTest, StartsWithEndsWith) {
  Value b = B("hello");
  EXPECT_EQ(M(b, "startswith", {B("he")}), kTrue);
  EXPECT_EQ(M(b, "startswith", {B("el")}), kFalse);
  EXPECT_EQ(M(b, "startswith", {B("el"), I(1)}), kTrue);
  Value options[] = {B("x"), B("hel")};
  EXPECT_EQ(M(b, "startswith", {NewTuple(2, options)}), kTrue);
  EXPECT_EQ(M(b, "endswith", {B("lo")}), kTrue);
  EXPECT_EQ(M(b, "endswith", {B("ll"), I(0), I(4)}), kTrue);
  EXPECT_EQ(M(b, "endswith", {B("hello!")}), kFalse);
  EXPECT_EQ(M(B("abc"), "startswith", {B(""), I(3)}), kTrue);
  EXPECT_EQ(M(B("abc"), "startswith", {B(""), I(4)}), kFalse);
}

TEST_F(BytesTest, ClassificationMethods) {
  EXPECT_EQ(M(B("abc"), "isalpha"), kTrue);
  EXPECT_EQ(M(B("ab1"), "isalpha"), kFalse);
  EXPECT_EQ(M(B(""), "isalpha"), kFalse);
  EXPECT_EQ(M(B("123"), "isdigit"), kTrue);
  EXPECT_EQ(M(B("12a"), "isdigit"), kFalse);
  EXPECT_EQ(M(B("abc"), "islower"), kTrue);
  EXPECT_EQ(M(B("aBc"), "islower"), kFalse);
  EXPECT_EQ(M(B("1a"), "islower"), kTrue);
  EXPECT_EQ(M(B("12"), "islower"), kFalse);
  EXPECT_EQ(M(B("ABC"), "isupper"), kTrue);
  EXPECT_EQ(M(B("A1"), "isupper"), kTrue);
  EXPECT_EQ(M(B("Ab"), "isupper"), kFalse);
  EXPECT_EQ(M(B(" \t\n\x0b\x0c\r"), "isspace"), kTrue);
  EXPECT_EQ(M(B(" x"), "isspace"), kFalse);
  EXPECT_EQ(M(B("a1"), "isalnum"), kTrue);
  EXPECT_EQ(M(B("a-1"), "isalnum"), kFalse);
}

TEST_F(BytesTest, CaseAndStrip) {
  EXPECT_EQ(Repr(M(B("Hello World 1\xc9"), "lower")), "b'hello world 1\\xc9'");
  EXPECT_EQ(Repr(M(B("Hello World 1"), "upper")), "b'HELLO WORLD 1'");
  EXPECT_EQ(Hash(M(B("ABC"), "lower")), Hash(B("abc")));
  EXPECT_EQ(Repr(M(B("  hi  "), "strip")), "b'hi'");
  EXPECT_EQ(Repr(M(B("  hi  "), "lstrip")), "b'hi  '");
  EXPECT_EQ(Repr(M(B("  hi  "), "rstrip")), "b'  hi'");
  EXPECT_EQ(Repr(M(B("xxhixx"), "strip", {B("x")})), "b'hi'");
  EXPECT_EQ(Repr(M(B("xyhiyx"), "rstrip", {B("xy")})), "b'xyhi'");
  EXPECT_EQ(Repr(M(B(" \t "), "strip")), "b''");
  EXPECT_EQ(Repr(M(B("  hi  "), "strip", {kNone})), "b'hi'");
}

TEST_F(BytesTest, Justify) {
  EXPECT_EQ(Repr(M(B("abc"), "center", {I(7)})), "b'  abc  '");
  EXPECT_EQ(Repr(M(B("abc"), "center", {I(6), B("*")})), "b'*abc**'");
  EXPECT_EQ(Repr(M(B("ab"), "center", {I(5), B("-")})), "b'--ab-'");
  EXPECT_EQ(Repr(M(B("ab"), "center", {I(6), B("-")})), "b'--ab--'");
  EXPECT_EQ(Repr(M(B("abc"), "center", {I(2)})), "b'abc'");
  EXPECT_EQ(Repr(M(B("abc"), "ljust", {I(5)})), "b'abc  '");
  EXPECT_EQ(Repr(M(B("abc"), "rjust", {I(5), B("0")})), "b'00abc'");
  EXPECT_EQ(Raised([] { M(B("abc"), "center", {I(5), B("ab")}); }),
            "TypeError: center() argument 2 must be a byte string of length 1");
}

TEST_F(BytesTest, Join) {
  Value parts[] = {B("a"), B("b"), BA("c")};
  EXPECT_EQ(Repr(M(B(", "), "join", {NewList(3, parts)})), "b'a, b, c'");
  EXPECT_EQ(Repr(M(B(""), "join", {NewList(0, nullptr)})), "b''");
  EXPECT_EQ(Repr(M(B("-"), "join", {NewTuple(1, parts)})), "b'a'");
  Value mixed[] = {B("a"), S("b")};
  EXPECT_EQ(Raised([&] { M(B(","), "join", {NewList(2, mixed)}); }),
            "TypeError: join expects a list of str/bytes objects consistent with self object");
}

TEST_F(BytesTest, Partition) {
  EXPECT_EQ(Items(M(B("a=b=c"), "partition", {B("=")})), "(b'a', b'=', b'b=c')");
  EXPECT_EQ(Items(M(B("a=b=c"), "rpartition", {B("=")})), "(b'a=b', b'=', b'c')");
  EXPECT_EQ(Items(M(B("abc"), "partition", {B("=")})), "(b'abc', b'', b'')");
  EXPECT_EQ(Items(M(B("abc"), "rpartition", {B("=")})), "(b'', b'', b'abc')");
  EXPECT_EQ(Raised([] { M(B("a"), "partition", {B("")}); }), "ValueError: empty separator");
}

TEST_F(BytesTest, Replace) {
  EXPECT_EQ(Repr(M(B("aXbXc"), "replace", {B("X"), B("--")})), "b'a--b--c'");
  EXPECT_EQ(Repr(M(B("aXbXc"), "replace", {B("X"), B(""), I(1)})), "b'abXc'");
  EXPECT_EQ(Repr(M(B("ab"), "replace", {B(""), B("-")})), "b'-a-b-'");
  EXPECT_EQ(Repr(M(B("ab"), "replace", {B(""), B("-"), I(2)})), "b'-a-b'");
  EXPECT_EQ(Repr(M(B("aaa"), "replace", {B("aa"), B("b")})), "b'ba'");
  EXPECT_EQ(Repr(M(B("abc"), "replace", {B("x"), B("y")})), "b'abc'");
}

TEST_F(BytesTest, Split) {
  Value b = B(" a  b c ");
  EXPECT_EQ(Items(M(b, "split")), "[b'a', b'b', b'c']");
  EXPECT_EQ(Items(M(b, "split", {kNone, I(1)})), "[b'a', b'b c ']");
  EXPECT_EQ(Items(M(b, "rsplit", {kNone, I(1)})), "[b' a  b', b'c']");
  EXPECT_EQ(Items(M(b, "rsplit")), "[b'a', b'b', b'c']");
  EXPECT_EQ(Items(M(B("a,b,,c"), "split", {B(",")})), "[b'a', b'b', b'', b'c']");
  EXPECT_EQ(Items(M(B("a,b,,c"), "split", {B(","), I(2)})), "[b'a', b'b', b',c']");
  EXPECT_EQ(Items(M(B("a,b,,c"), "rsplit", {B(","), I(2)})), "[b'a,b', b'', b'c']");
  EXPECT_EQ(Items(M(B("a::b"), "split", {B("::")})), "[b'a', b'b']");
  EXPECT_EQ(Items(M(B(""), "split")), "[]");
  EXPECT_EQ(Items(M(B(""), "split", {B(",")})), "[b'']");
  EXPECT_EQ(Raised([] { M(B("a"), "split", {B("")}); }), "ValueError: empty separator");
  // Keywords, as CPython allows.
  Value args[] = {B("a,b,c"), Name("maxsplit"), I(1), Name("sep"), B(",")};
  Value method[2];
  LoadMethod(args[0], StrToQstr(S("split")), method);
  EXPECT_EQ(Items(Call(method[0], 1, 2, args)), "[b'a', b'b,c']");
}

TEST_F(BytesTest, SplitLines) {
  EXPECT_EQ(Items(M(B("a\nb\r\nc\rd"), "splitlines")), "[b'a', b'b', b'c', b'd']");
  EXPECT_EQ(Items(M(B("a\nb\r\nc\rd\n"), "splitlines", {kTrue})), "[b'a\\n', b'b\\r\\n', b'c\\r', b'd\\n']");
  EXPECT_EQ(Items(M(B(""), "splitlines")), "[]");
  EXPECT_EQ(Items(M(B("\n\n"), "splitlines")), "[b'', b'']");
}

TEST_F(BytesTest, Decode) {
  EXPECT_EQ(Str(M(B("caf\xc3\xa9"), "decode")), "caf\xc3\xa9");
  EXPECT_TRUE(IsStr(M(B("abc"), "decode", {S("utf-8")})));
  EXPECT_EQ(Str(M(BA("xy"), "decode")), "xy");
  EXPECT_EQ(Raised([] { M(B("\xff"), "decode"); }), "UnicodeError: ");
  EXPECT_EQ(Raised([] { M(B("\xc3"), "decode"); }), "UnicodeError: ");            // truncated
  EXPECT_EQ(Raised([] { M(B("\xc0\x80"), "decode"); }), "UnicodeError: ");        // overlong
  EXPECT_EQ(Raised([] { M(B("\xed\xa0\x80"), "decode"); }), "UnicodeError: ");    // surrogate
  EXPECT_EQ(Str(M(B("\xf0\x9f\x98\x80"), "decode")), "\xf0\x9f\x98\x80");
}

TEST_F(BytesTest, HexAndFromHex) {
  EXPECT_EQ(Str(M(B("\x00\xff"), "hex")), "00ff");
  EXPECT_EQ(Str(M(B("\x01\x02\x03"), "hex", {S(":")})), "01:02:03");
  EXPECT_EQ(Str(M(B(""), "hex")), "");
  Value from_hex = LoadAttr(FromType(&kBytesType), StrToQstr(S("fromhex")));
  EXPECT_EQ(Repr(Call1(from_hex, S("01 ff aB"))), "b'\\x01\\xff\\xab'");
  Value array_from_hex = LoadAttr(FromType(&kByteArrayType), StrToQstr(S("fromhex")));
  EXPECT_EQ(Repr(Call1(array_from_hex, S("0a0b"))), "bytearray(b'\\n\\x0b')");
  EXPECT_EQ(Raised([&] { Call1(from_hex, S("0g")); }), "ValueError: non-hex digit found");
  EXPECT_EQ(Raised([&] { Call1(from_hex, S("abc")); }), "ValueError: non-hex digit found");
}

TEST_F(BytesTest, KeywordArguments) {
  Value method[2];
  LoadMethod(B("\x01\x02"), StrToQstr(S("hex")), method);
  Value hex_args[] = {method[1], Name("sep"), S("-")};
  EXPECT_EQ(Str(Call(method[0], 1, 1, hex_args)), "01-02");
  LoadMethod(B("ok"), StrToQstr(S("decode")), method);
  Value decode_args[] = {method[1], Name("encoding"), S("utf-8"), Name("errors"), S("strict")};
  EXPECT_EQ(Str(Call(method[0], 1, 2, decode_args)), "ok");
  Value bad_args[] = {method[1], Name("bogus"), S("x")};
  EXPECT_EQ(Raised([&] { Call(method[0], 1, 1, bad_args); }), "TypeError: unexpected keyword argument 'bogus'");
}

TEST_F(BytesTest, UnboundMethodChecksSelf) {
  Value upper = LoadAttr(FromType(&kBytesType), StrToQstr(S("upper")));
  EXPECT_EQ(Repr(Call1(upper, B("a"))), "b'A'");
  EXPECT_EQ(Raised([&] { Call1(upper, S("a")); }),
            "TypeError: descriptor requires a 'bytes' object but received a 'str'");
}

TEST_F(BytesTest, SubclassInstancesUseTheirNativeBytes) {
  Value bases = NewTuple(1, nullptr);
  AsTuple(bases)->items[0] = FromType(&kBytesType);
  Value cls = NewClass(StrToQstr(S("MyBytes")), bases, NewDict(0));
  Value instance = Call1(cls, B("abc"));
  EXPECT_EQ(Repr(M(instance, "upper")), "b'ABC'");
  EXPECT_EQ(M(instance, "find", {B("c")}), I(2));
  BufferInfo info;
  ASSERT_TRUE(TryGetBuffer(instance, &info, false));
  EXPECT_EQ(info.length, 3u);
  EXPECT_EQ(Repr(Bytes({instance})), "b'abc'");
  Value strip_unchanged = M(instance, "strip");
  EXPECT_TRUE(HasExactType(strip_unchanged, &kBytesType));
}

// --- bytearray ----------------------------------------------------------------------------------

TEST_F(ByteArrayTest, ReprAndConstructors) {
  EXPECT_EQ(Repr(BA("a\0")), "bytearray(b'a\\x00')");
  EXPECT_EQ(Str(ByteArray()), "bytearray(b'')");
  EXPECT_EQ(Repr(ByteArray({I(2)})), "bytearray(b'\\x00\\x00')");
  EXPECT_EQ(Repr(ByteArray({B("xy")})), "bytearray(b'xy')");
  EXPECT_EQ(Repr(ByteArray({S("\xc3\xa9"), S("utf-8")})), "bytearray(b'\\xc3\\xa9')");
  Value ints[] = {I(104), I(105)};
  EXPECT_EQ(Repr(ByteArray({NewList(2, ints)})), "bytearray(b'hi')");
  Value a = BA("abc");
  Value copy = ByteArray({a});
  EXPECT_NE(copy, a);
  StoreSubscr(copy, I(0), I(65));
  EXPECT_EQ(Repr(a), "bytearray(b'abc')");
  EXPECT_EQ(Repr(Bytes({a})), "b'abc'");
  EXPECT_EQ(Raised([] { ByteArray({I(-1)}); }), "ValueError: negative count");
}

TEST_F(ByteArrayTest, SharedMethodsGiveByteArrays) {
  EXPECT_EQ(Repr(M(BA("abc"), "upper")), "bytearray(b'ABC')");
  EXPECT_EQ(Items(M(BA("a,b"), "split", {B(",")})), "[bytearray(b'a'), bytearray(b'b')]");
  EXPECT_EQ(Items(M(BA("a=b"), "partition", {B("=")})), "(bytearray(b'a'), bytearray(b'='), bytearray(b'b'))");
  EXPECT_EQ(Repr(M(BA(" x "), "strip")), "bytearray(b'x')");
  EXPECT_EQ(Repr(M(BA("ab"), "replace", {B("a"), B("c")})), "bytearray(b'cb')");
  EXPECT_EQ(M(BA("hello"), "find", {B("l")}), I(2));
  EXPECT_EQ(Repr(Op(BinaryOp::kAdd, BA("ab"), B("cd"))), "bytearray(b'abcd')");
  EXPECT_EQ(Repr(Op(BinaryOp::kMultiply, BA("ab"), I(2))), "bytearray(b'abab')");
  EXPECT_EQ(Repr(LoadSubscr(BA("abcdef"), Slice(I(1), I(3)))), "bytearray(b'bc')");
  EXPECT_EQ(Repr(LoadSubscr(BA("abcdef"), Slice(kNone, kNone, I(-2)))), "bytearray(b'fdb')");
  EXPECT_EQ(LoadSubscr(BA("abc"), I(-1)), I(99));
  EXPECT_EQ(Op(BinaryOp::kIn, I(98), BA("abc")), kTrue);
  EXPECT_EQ(IterRepr(BA("ab")), "[97, 98]");
}

TEST_F(ByteArrayTest, Unhashable) {
  EXPECT_EQ(Raised([] { Hash(ByteArray()); }), "TypeError: unhashable type: 'bytearray'");
}

TEST_F(ByteArrayTest, ItemAssignment) {
  Value a = BA("hello");
  StoreSubscr(a, I(0), I(74));
  StoreSubscr(a, I(-1), I(79));
  EXPECT_EQ(Repr(a), "bytearray(b'JellO')");
  EXPECT_EQ(Raised([&] { StoreSubscr(a, I(0), I(256)); }), "ValueError: bytes value out of range");
  EXPECT_EQ(Raised([&] { StoreSubscr(a, I(5), I(1)); }), "IndexError: bytearray index out of range");
  EXPECT_EQ(Raised([&] { LoadSubscr(a, I(5)); }), "IndexError: bytearray index out of range");
}

TEST_F(ByteArrayTest, SliceAssignment) {
  Value a = BA("hello");
  StoreSubscr(a, Slice(I(1), I(3)), B("EE"));
  EXPECT_EQ(Repr(a), "bytearray(b'hEElo')");
  StoreSubscr(a, Slice(I(1), I(3)), B(""));
  EXPECT_EQ(Repr(a), "bytearray(b'hlo')");
  Value ints[] = {I(1), I(2), I(3)};
  StoreSubscr(a, Slice(I(1), I(1)), NewList(3, ints));
  EXPECT_EQ(Repr(a), "bytearray(b'h\\x01\\x02\\x03lo')");
  StoreSubscr(a, Slice(kNone, kNone), View(B("xyz")));
  EXPECT_EQ(Repr(a), "bytearray(b'xyz')");

  Value b = BA("hello");
  StoreSubscr(b, Slice(kNone, kNone, I(2)), B("XYZ"));
  EXPECT_EQ(Repr(b), "bytearray(b'XeYlZ')");
  EXPECT_EQ(Raised([&] { StoreSubscr(b, Slice(kNone, kNone, I(2)), B("XY")); }),
            "ValueError: attempt to assign bytes of size 2 to extended slice of size 3");
  EXPECT_EQ(Raised([&] { StoreSubscr(b, Slice(I(0), I(1)), I(5)); }),
            "TypeError: can assign only bytes, buffers, or iterables of ints in range(0, 256)");
}

TEST_F(ByteArrayTest, SliceAssignmentFromItself) {
  Value a = BA("hello");
  StoreSubscr(a, Slice(kNone, kNone), a);
  EXPECT_EQ(Repr(a), "bytearray(b'hello')");
  StoreSubscr(a, Slice(I(1), I(2)), a);
  EXPECT_EQ(Repr(a), "bytearray(b'hhellollo')");
}

TEST_F(ByteArrayTest, Deletion) {
  Value a = BA("hello");
  DeleteSubscr(a, I(0));
  EXPECT_EQ(Repr(a), "bytearray(b'ello')");
  DeleteSubscr(a, I(-1));
  EXPECT_EQ(Repr(a), "bytearray(b'ell')");
  auto after_delete = [](Value slice) {
    Value b = BA("hello");
    DeleteSubscr(b, slice);
    return Repr(b);
  };
  EXPECT_EQ(after_delete(Slice(kNone, kNone, I(2))), "bytearray(b'el')");
  EXPECT_EQ(after_delete(Slice(kNone, kNone, I(-2))), "bytearray(b'el')");
  EXPECT_EQ(after_delete(Slice(I(1), I(3))), "bytearray(b'hlo')");
  EXPECT_EQ(after_delete(Slice(I(3), kNone, I(-3))), "bytearray(b'elo')");
  EXPECT_EQ(after_delete(Slice(I(3), I(1))), "bytearray(b'hello')");
  EXPECT_EQ(Raised([&] { DeleteSubscr(a, I(3)); }), "IndexError: bytearray index out of range");
}

TEST_F(ByteArrayTest, GrowingMethods) {
  Value a = ByteArray();
  M(a, "append", {I(1)});
  M(a, "extend", {B("xy")});
  Value ints[] = {I(3), I(4)};
  M(a, "extend", {NewList(2, ints)});
  M(a, "insert", {I(0), I(65)});
  M(a, "insert", {I(-1), I(66)});
  M(a, "insert", {I(100), I(67)});
  EXPECT_EQ(Repr(a), "bytearray(b'A\\x01xy\\x03B\\x04C')");
  EXPECT_EQ(Raised([&] { M(a, "append", {I(256)}); }), "ValueError: bytes value out of range");
  EXPECT_EQ(Raised([&] { M(a, "extend", {S("x")}); }), "TypeError: expected iterable of integers; got: 'str'");
  // Many appends: growth keeps the contents.
  Value big = ByteArray();
  for (int i = 0; i < 1000; ++i) M(big, "append", {I(i & 255)});
  EXPECT_EQ(Length(big), 1000u);
  EXPECT_EQ(LoadSubscr(big, I(999)), I(999 & 255));
  EXPECT_EQ(LoadSubscr(big, I(256)), I(0));
}

TEST_F(ByteArrayTest, ShrinkingMethods) {
  Value a = BA("abc");
  EXPECT_EQ(M(a, "pop"), I(99));
  EXPECT_EQ(M(a, "pop", {I(0)}), I(97));
  EXPECT_EQ(Repr(a), "bytearray(b'b')");
  EXPECT_EQ(Raised([&] { M(a, "pop", {I(5)}); }), "IndexError: pop index out of range");
  M(a, "pop");
  EXPECT_EQ(Raised([&] { M(a, "pop"); }), "IndexError: pop from empty bytearray");

  Value b = BA("abca");
  M(b, "remove", {I(97)});
  EXPECT_EQ(Repr(b), "bytearray(b'bca')");
  EXPECT_EQ(Raised([&] { M(b, "remove", {I(120)}); }), "ValueError: value not found in bytearray");

  Value c = BA("abc");
  M(c, "reverse");
  Value d = M(c, "copy");
  M(c, "clear");
  EXPECT_EQ(Repr(c), "bytearray(b'')");
  EXPECT_EQ(Repr(d), "bytearray(b'cba')");
}

TEST_F(ByteArrayTest, InPlaceOperators) {
  Value a = BA("ab");
  Value result = Op(BinaryOp::kInplaceAdd, a, B("cd"));
  EXPECT_EQ(result, a);
  result = Op(BinaryOp::kInplaceMultiply, a, I(2));
  EXPECT_EQ(result, a);
  EXPECT_EQ(Repr(a), "bytearray(b'abcdabcd')");
  Op(BinaryOp::kInplaceAdd, a, a);
  EXPECT_EQ(Length(a), 16u);
  EXPECT_EQ(Raised([&] { Op(BinaryOp::kInplaceAdd, a, S("x")); }),
            "TypeError: unsupported types for __add__: 'bytearray', 'str'");
}

TEST_F(ByteArrayTest, WritableBuffer) {
  Value a = BA("xyz");
  BufferInfo info;
  ASSERT_TRUE(TryGetBuffer(a, &info, true));
  EXPECT_TRUE(info.writable);
  static_cast<uint8_t*>(info.data)[0] = 'X';
  EXPECT_EQ(Repr(a), "bytearray(b'Xyz')");
}

// --- memoryview ------------------------------------------------------------------------------------

TEST_F(MemoryViewTest, ReadOnlyViewOfBytes) {
  Value m = View(B("abc"));
  EXPECT_EQ(LoadSubscr(m, I(0)), I(97));
  EXPECT_EQ(LoadSubscr(m, I(-1)), I(99));
  EXPECT_EQ(Repr(Bytes({LoadSubscr(m, Slice(I(1), kNone))})), "b'bc'");
  EXPECT_EQ(Length(m), 3u);
  EXPECT_EQ(Repr(M(m, "tobytes")), "b'abc'");
  EXPECT_EQ(Items(M(m, "tolist")), "[97, 98, 99]");
  EXPECT_EQ(LoadAttr(m, StrToQstr(S("readonly"))), kTrue);
  EXPECT_EQ(LoadAttr(m, StrToQstr(S("itemsize"))), I(1));
  EXPECT_EQ(LoadAttr(m, StrToQstr(S("nbytes"))), I(3));
  EXPECT_EQ(Str(LoadAttr(m, StrToQstr(S("format")))), "B");
  EXPECT_EQ(Str(M(m, "hex")), "616263");
  EXPECT_EQ(IterRepr(m), "[97, 98, 99]");
  EXPECT_EQ(Raised([&] { StoreSubscr(m, I(0), I(1)); }), "TypeError: cannot modify read-only memory");
  EXPECT_EQ(Raised([&] { LoadSubscr(m, I(5)); }), "IndexError: memoryview index out of range");
  EXPECT_EQ(Repr(m).rfind("<memory at 0x", 0), 0u);
}

TEST_F(MemoryViewTest, WritesGoToTheOwner) {
  Value a = BA("abcdef");
  Value m = View(a);
  EXPECT_EQ(LoadAttr(m, StrToQstr(S("readonly"))), kFalse);
  StoreSubscr(m, I(0), I(65));
  Value s = LoadSubscr(m, Slice(I(2), I(5)));  // no copy: a view of a
  StoreSubscr(s, I(0), I(67));
  StoreSubscr(s, Slice(I(1), I(3)), B("XY"));
  EXPECT_EQ(Repr(a), "bytearray(b'AbCXYf')");
  EXPECT_EQ(Repr(Bytes({s})), "b'CXY'");
  EXPECT_EQ(Items(M(s, "tolist")), "[67, 88, 89]");
  EXPECT_EQ(LoadAttr(s, StrToQstr(S("obj"))), a);
  EXPECT_EQ(Raised([&] { StoreSubscr(m, Slice(I(0), I(2)), B("xyz")); }),
            "ValueError: lhs and rhs should be compatible");
  EXPECT_EQ(Raised([&] { StoreSubscr(m, I(0), I(256)); }), "ValueError: bytes value out of range");
  EXPECT_EQ(Raised([&] { LoadSubscr(m, Slice(kNone, kNone, I(2))); }),
            "NotImplementedError: only slices with step=1 (aka None) are supported");
  EXPECT_EQ(Raised([&] { DeleteSubscr(m, I(0)); }), "TypeError: 'memoryview' object doesn't support item deletion");
}

TEST_F(MemoryViewTest, ViewsOfViews) {
  Value inner = LoadSubscr(View(B("abc")), Slice(I(1), kNone));
  Value outer = View(inner);
  EXPECT_EQ(Repr(Bytes({LoadSubscr(outer, Slice(I(1), kNone))})), "b'c'");
  EXPECT_EQ(Repr(ByteArray({outer})), "bytearray(b'bc')");
  EXPECT_EQ(Repr(Op(BinaryOp::kAdd, B("x"), outer)), "b'xbc'");
}

TEST_F(MemoryViewTest, EqualityAndHash) {
  Value m = View(B("abc"));
  EXPECT_TRUE(Equal(m, B("abc")));
  EXPECT_FALSE(Equal(m, BA("abd")));
  EXPECT_TRUE(Equal(B("abc"), m));
  EXPECT_TRUE(Equal(m, View(BA("abc"))));
  EXPECT_EQ(Hash(m), Hash(B("abc")));
  EXPECT_EQ(Raised([] { Hash(View(BA("abc"))); }), "ValueError: cannot hash writable memoryview");
  EXPECT_EQ(Op(BinaryOp::kIn, I(98), m), kTrue);
}

TEST_F(MemoryViewTest, Errors) {
  EXPECT_EQ(Raised([] { View(I(1)); }), "TypeError: object with buffer protocol required (got 'int')");
  EXPECT_EQ(Raised([] { Make(&kMemoryViewType); }), "TypeError: function missing 1 required positional arguments");
}

TEST_F(MemoryViewTest, CastToWiderItems) {
  Value m = View(BA("\x01\x00\xff\xff"));
  Value h = M(m, "cast", {S("h")});
  EXPECT_EQ(Items(M(h, "tolist")), "[1, -1]");
  EXPECT_EQ(LoadAttr(h, StrToQstr(S("itemsize"))), I(2));
  EXPECT_EQ(Length(h), 2u);
  EXPECT_EQ(Str(LoadAttr(h, StrToQstr(S("format")))), "h");
  Value u = M(m, "cast", {S("H")});
  StoreSubscr(u, I(1), I(513));
  EXPECT_EQ(Repr(Bytes({m})), "b'\\x01\\x00\\x01\\x02'");
  EXPECT_EQ(Items(M(M(m, "cast", {S("b")}), "tolist")), "[1, 0, 1, 2]");
  EXPECT_EQ(Raised([] { M(View(BA("abc")), "cast", {S("h")}); }),
            "TypeError: memoryview: length is not a multiple of itemsize");
  EXPECT_EQ(Raised([&] { M(h, "cast", {S("i")}); }), "TypeError: memoryview: cannot cast between two non-byte formats");
}

TEST_F(MemoryViewTest, SixtyFourBitAndFloatItems) {
  Value a = ByteArray({I(8)});
  Value q = M(View(a), "cast", {S("q")});
  StoreSubscr(q, I(0), I(-2));
  EXPECT_EQ(Repr(a), "bytearray(b'\\xfe\\xff\\xff\\xff\\xff\\xff\\xff\\xff')");
  EXPECT_EQ(LoadSubscr(q, I(0)), I(-2));
  Value d = M(View(a), "cast", {S("d")});
  StoreSubscr(d, I(0), NewFloat(1.5));
  EXPECT_EQ(Repr(a), "bytearray(b'\\x00\\x00\\x00\\x00\\x00\\x00\\xf8?')");
  EXPECT_EQ(FloatValue(LoadSubscr(d, I(0))), 1.5);
}

TEST_F(MemoryViewTest, UnsignedSixtyFourBitItemsBeyondMachineWords) {
  Value a = BA("\xff\xff\xff\xff\xff\xff\xff\xff");
  Value q = M(View(a), "cast", {S("Q")});
  Value big = LoadSubscr(q, I(0));
  EXPECT_EQ(Repr(big), "18446744073709551615");
  StoreSubscr(q, I(0), I(1));
  EXPECT_EQ(Repr(a), "bytearray(b'\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00')");
  StoreSubscr(q, I(0), big);  // 2**64 - 1 round-trips through the 16-bit pieces
  EXPECT_EQ(Repr(a), "bytearray(b'\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff')");
}

TEST_F(MemoryViewTest, OwnerResizedUnderTheView) {
  // The view reads the owner's storage afresh: after the bytearray grows
  // (and may move) the view sees the new storage; after it shrinks, the
  // view's visible length shrinks with it.
  Value a = BA("abcd");
  Value m = View(a);
  for (int i = 0; i < 100; ++i) M(a, "append", {I(120)});
  StoreSubscr(a, I(0), I(65));
  EXPECT_EQ(LoadSubscr(m, I(0)), I(65));
  EXPECT_EQ(Length(m), 4u);
  M(a, "clear");
  EXPECT_EQ(Length(m), 0u);
  EXPECT_EQ(Repr(Bytes({m})), "b''");
  EXPECT_EQ(Raised([&] { LoadSubscr(m, I(0)); }), "IndexError: memoryview index out of range");
}

}  // namespace
}  // namespace taipan::rt::testing
