// str: construction, operators, indexing, iteration, methods, repr, and
// formatting (format(), str.format, %). The table-driven cases were made by
// running each call in python3 (CPython 3.11): test/tools/gen_str_cases.py prints them.
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "runtime/bytes.h"
#include "runtime/class.h"
#include "runtime/dict.h"
#include "runtime/function.h"
#include "runtime/float.h"
#include "runtime/format_spec.h"
#include "runtime/list.h"
#include "runtime/slice.h"
#include "runtime/tuple.h"
#include "test/runtime/runtime_test.h"

namespace taipan::rt::testing {
namespace {

using StrTest = RuntimeTest;

Value I(SignedWord n) { return FromSmallInt(n); }
Value F(double f) { return NewFloat(static_cast<Float>(f)); }
Value A(std::initializer_list<Value> items) { return NewTuple(items.size(), items.begin()); }
Value L(std::initializer_list<Value> items) { return NewList(items.size(), items.begin()); }
Value D(std::initializer_list<std::pair<Value, Value>> items) {
  Value dict = NewDict(items.size());
  for (const auto& item : items) DictStore(dict, item.first, item.second);
  return dict;
}
Qstr Name(const char* name) { return QstrIntern(name, __builtin_strlen(name)); }

// repr() of results, rendering lists and tuples here so that these tests do
// not depend on the list type's printing.
std::string R(Value v) {
  if (HasExactType(v, &kListType) || HasExactType(v, &kTupleType)) {
    size_t n;
    Value* items;
    GetSequenceItems(v, &n, &items);
    bool list = HasExactType(v, &kListType);
    std::string text = list ? "[" : "(";
    for (size_t i = 0; i < n; ++i) text += (i ? ", " : "") + R(items[i]);
    if (!list && n == 1) text += ",";
    return text + (list ? "]" : ")");
  }
  return Repr(v);
}

// self.name(*args) with the positional arguments in a tuple.
Value CallStrMethod(Value self, const char* name, Value args) {
  size_t n;
  Value* items;
  GetSequenceItems(args, &n, &items);
  return CallMethod(self, Name(name), n, items);
}

// self.name(*args, **kwargs).
Value CallWithKeywords(Value self, const char* name, Value args, Value kwargs) {
  Value all[32];
  size_t n;
  Value* items;
  GetSequenceItems(args, &n, &items);
  for (size_t i = 0; i < n; ++i) all[i] = items[i];
  size_t k = n, position = 0, n_kw = 0;
  while (MapEntry* entry = MapNext(DictMap(kwargs), &position)) {
    all[k++] = FromQstr(StrToQstr(entry->key));
    all[k++] = entry->value;
    ++n_kw;
  }
  return Call(LoadAttr(self, Name(name)), n, n_kw, all);
}

std::string Method(Value self, const char* name, std::initializer_list<Value> args) {
  return R(CallStrMethod(self, name, A(args)));
}

Value Op(BinaryOp op, Value a, Value b) { return ApplyBinaryOp(op, a, b); }
std::string Percent(Value format, Value args) { return Str(Op(BinaryOp::kModulo, format, args)); }
std::string Format(Value v, const char* spec) { return Str(FormatValue(v, spec, __builtin_strlen(spec))); }

// --- Construction ----------------------------------------------------------------

TEST_F(StrTest, ConstructsFromValues) {
  Value str_type = FromType(&kStrType);
  EXPECT_EQ(R(Call0(str_type)), "''");
  EXPECT_EQ(R(Call1(str_type, I(-42))), "'-42'");
  EXPECT_EQ(R(Call1(str_type, S("abc"))), "'abc'");
  EXPECT_EQ(R(Call1(str_type, kNone)), "'None'");
  Value keyword[] = {FromQstr(Name("object")), I(7)};
  EXPECT_EQ(R(Call(str_type, 0, 1, keyword)), "'7'");
}

TEST_F(StrTest, DecodesUtf8Bytes) {
  Value str_type = FromType(&kStrType);
  const char text[] = "caf\303\251 \342\202\254 \360\237\230\200";
  Value bytes = NewBytes(reinterpret_cast<const uint8_t*>(text), sizeof text - 1);
  Value decoded = Call2(str_type, bytes, S("utf-8"));
  EXPECT_EQ(Str(decoded), text);
  EXPECT_EQ(Length(decoded), 8u);
  Value args[] = {bytes, S("utf-8"), S("strict")};
  EXPECT_EQ(Str(Call(str_type, 3, 0, args)), text);
  EXPECT_EQ(R(Call2(str_type, NewBytes(nullptr, 0), S("utf-8"))), "''");
}

TEST_F(StrTest, RejectsInvalidUtf8) {
  Value str_type = FromType(&kStrType);
  const char* bad[] = {"\377", "\300\200", "\355\240\200", "\342\202", "a\200b", "\364\220\200\200", "\340\200\257"};
  for (const char* text : bad) {
    Value bytes = NewBytes(reinterpret_cast<const uint8_t*>(text), __builtin_strlen(text));
    EXPECT_EQ(Raised([&] { Call2(str_type, bytes, S("utf-8")); }), "UnicodeError: ") << text;
  }
  EXPECT_EQ(Raised([&] { Call2(str_type, S("abc"), S("utf-8")); }), "TypeError: decoding str is not supported");
}

TEST_F(StrTest, EncodesToUtf8) {
  Value bytes = CallStrMethod(S("h\303\251"), "encode", A({}));
  ASSERT_TRUE(HasExactType(bytes, &kBytesType));
  BytesObject* b = ObjectPointer<BytesObject>(bytes);
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(b->data), b->length), "h\303\251");
  EXPECT_EQ(ObjectPointer<BytesObject>(CallStrMethod(S(""), "encode", A({S("utf-8")})))->length, 0u);
}

// --- Operators ------------------------------------------------------------------------

TEST_F(StrTest, LengthCountsCodePoints) {
  EXPECT_EQ(Length(S("")), 0u);
  EXPECT_EQ(Length(S("abc")), 3u);
  EXPECT_EQ(Length(S("h\303\251llo")), 5u);
  EXPECT_EQ(Length(S("\346\227\245\346\234\254")), 2u);
  EXPECT_EQ(Length(S("\360\237\230\200")), 1u);
  EXPECT_FALSE(IsTrue(S("")));
  EXPECT_TRUE(IsTrue(S(" ")));
}

TEST_F(StrTest, CountsAndOffsetsAgreeWithAByteByByteWalk) {
  // Text is scanned a machine word at a time: place multi-byte code points
  // at every offset around word boundaries and compare with a plain walk.
  const std::string pieces[] = {"a", "\303\251", "\346\227\245", "\360\237\230\200"};
  for (size_t prefix = 0; prefix < 20; ++prefix) {
    for (const std::string& piece : pieces) {
      std::string text = std::string(prefix, 'x') + piece + std::string(19 - prefix % 7, 'y') + piece;
      size_t expected = 0;
      std::vector<size_t> starts;
      for (size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
          ++expected;
          starts.push_back(i);
        }
      }
      ASSERT_EQ(Utf8CharCount(text.data(), text.size()), expected) << prefix;
      for (size_t chars = 0; chars <= expected + 1; ++chars) {
        size_t want = chars < starts.size() ? starts[chars] : text.size();
        ASSERT_EQ(Utf8Offset(text.data(), text.size(), chars), want) << prefix << " " << chars;
      }
      Value s = NewStr(text.data(), text.size());
      EXPECT_EQ(Length(s), expected);
      EXPECT_EQ(Length(LoadSubscr(s, NewSlice(I(static_cast<SignedWord>(prefix)), kNone, kNone))),
                expected - prefix);
    }
  }
}

TEST_F(StrTest, IndexesByCodePoint) {
  Value s = S("h\303\251llo");
  EXPECT_EQ(R(LoadSubscr(s, I(0))), "'h'");
  EXPECT_EQ(R(LoadSubscr(s, I(1))), "'\303\251'");
  EXPECT_EQ(R(LoadSubscr(s, I(2))), "'l'");
  EXPECT_EQ(R(LoadSubscr(s, I(-1))), "'o'");
  EXPECT_EQ(R(LoadSubscr(s, I(-5))), "'h'");
  EXPECT_EQ(R(LoadSubscr(s, kTrue)), "'\303\251'");
  EXPECT_EQ(Raised([&] { LoadSubscr(s, I(5)); }), "IndexError: string index out of range");
  EXPECT_EQ(Raised([&] { LoadSubscr(s, I(-6)); }), "IndexError: string index out of range");
  EXPECT_EQ(Raised([&] { LoadSubscr(S(""), I(0)); }), "IndexError: string index out of range");
  EXPECT_EQ(Raised([&] { LoadSubscr(s, S("a")); }), "TypeError: string indices must be integers, not str");
  EXPECT_EQ(Raised([&] { StoreSubscr(s, I(0), S("x")); }), "TypeError: 'str' object doesn't support item assignment");
}

TEST_F(StrTest, SlicesByCodePoint) {
  Value s = S("h\303\251llo w\303\266rld");
  struct Case {
    Value start, stop, step;
    const char* expected;
  } cases[] = {
      {I(1), I(4), kNone, "'\303\251ll'"},
      {kNone, kNone, I(-1), "'dlr\303\266w oll\303\251h'"},
      {kNone, kNone, I(2), "'hlowrd'"},
      {I(-3), kNone, kNone, "'rld'"},
      {I(10), kNone, kNone, "'d'"},
      {I(4), I(1), kNone, "''"},
      {kNone, kNone, I(-2), "'drwolh'"},
      {I(1), I(-1), I(3), "'\303\251o\303\266'"},
      {I(100), I(-100), I(-1), "'dlr\303\266w oll\303\251h'"},
  };
  for (const Case& c : cases) EXPECT_EQ(R(LoadSubscr(s, NewSlice(c.start, c.stop, c.step))), c.expected);
  EXPECT_EQ(R(LoadSubscr(S("abcdef"), NewSlice(I(-2), kNone, I(-2)))), "'eca'");
  EXPECT_EQ(R(LoadSubscr(S(""), NewSlice(kNone, kNone, I(-1)))), "''");
  EXPECT_EQ(Raised([&] { LoadSubscr(s, NewSlice(kNone, kNone, I(0))); }), "ValueError: slice step cannot be zero");
}

TEST_F(StrTest, IteratesOverCodePoints) {
  Value it = GetIter(S("a\303\251\346\227\245"));
  std::string items;
  for (Value c = IterNext(it); c != kStopIteration; c = IterNext(it)) items += R(c) + " ";
  EXPECT_EQ(items, "'a' '\303\251' '\346\227\245' ");
  EXPECT_EQ(IterNext(GetIter(S(""))), kStopIteration);
}

TEST_F(StrTest, AsciiFastPathsAgreeWithTheGeneralOnes) {
  // Iteration, indexing and slicing take shortcuts for ASCII characters and
  // ASCII text (one-character qstrs, bytes as code points): check them on
  // texts with a non-ASCII code point at every position around and inside
  // a long ASCII run, against a plain code point walk.
  const std::string pieces[] = {"\303\251", "\346\227\245", "\360\237\230\200"};
  for (size_t at = 0; at <= 70; at += 7) {
    for (const std::string& piece : pieces) {
      std::string text = std::string(at, 'a') + piece + std::string(40, 'b');
      std::vector<std::string> chars;
      for (size_t i = 0; i < text.size();) {
        size_t n = 1;
        while (i + n < text.size() && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80) ++n;
        chars.push_back(text.substr(i, n));
        i += n;
      }
      Value s = NewStr(text.data(), text.size());
      Value it = GetIter(s);
      for (const std::string& c : chars) {
        Value item = IterNext(it);
        ASSERT_EQ(Str(item), c) << at;
        if (c.size() == 1) EXPECT_TRUE(IsQstr(item)) << "one ASCII character is interned";
      }
      EXPECT_EQ(IterNext(it), kStopIteration);
      SignedWord n = static_cast<SignedWord>(chars.size());
      for (SignedWord i = -n; i < n; i += 3) {
        ASSERT_EQ(Str(LoadSubscr(s, I(i))), chars[static_cast<size_t>(i < 0 ? i + n : i)]) << at << " " << i;
      }
      std::string middle;
      for (size_t i = 2; i < chars.size() - 2; ++i) middle += chars[i];
      EXPECT_EQ(Str(LoadSubscr(s, NewSlice(I(2), I(-2), kNone))), middle);
      EXPECT_EQ(Str(LoadSubscr(s, NewSlice(I(n - 1), I(n + 5), kNone))), chars.back());
    }
  }
  Value ascii = S("0123456789abcdefghijklmnopqrstuvwxyz0123456789");
  EXPECT_EQ(R(LoadSubscr(ascii, NewSlice(I(5), I(12), kNone))), "'56789ab'");
  EXPECT_EQ(R(LoadSubscr(ascii, NewSlice(I(-3), kNone, kNone))), "'789'");
  EXPECT_EQ(R(LoadSubscr(ascii, NewSlice(I(40), I(400), kNone))), "'456789'");
  EXPECT_EQ(R(LoadSubscr(ascii, NewSlice(I(30), I(3), kNone))), "''");
  EXPECT_EQ(R(LoadSubscr(ascii, I(45))), "'9'");
  EXPECT_EQ(Raised([&] { LoadSubscr(ascii, I(46)); }), "IndexError: string index out of range");
  EXPECT_TRUE(IsQstr(NewStr("\x7f", 1)));
  EXPECT_TRUE(IsQstr(NewStr("\0", 1)));
  EXPECT_EQ(Length(NewStr("\0", 1)), 1u);
}

TEST_F(StrTest, ContainsSubstrings) {
  EXPECT_EQ(Op(BinaryOp::kIn, S("bc"), S("abcd")), kTrue);
  EXPECT_EQ(Op(BinaryOp::kIn, S(""), S("abcd")), kTrue);
  EXPECT_EQ(Op(BinaryOp::kIn, S("\303\251"), S("caf\303\251")), kTrue);
  EXPECT_EQ(Op(BinaryOp::kIn, S("ca"), S("ac")), kFalse);
  EXPECT_EQ(Op(BinaryOp::kNotIn, S("x"), S("abc")), kTrue);
  EXPECT_EQ(Raised([] { Op(BinaryOp::kIn, I(1), S("abc")); }),
            "TypeError: can't convert 'int' object to str implicitly");
}

TEST_F(StrTest, ConcatenatesAndRepeats) {
  EXPECT_EQ(R(Op(BinaryOp::kAdd, S("ab"), S("c\303\251"))), "'abc\303\251'");
  EXPECT_EQ(R(Op(BinaryOp::kAdd, S(""), S(""))), "''");
  EXPECT_EQ(R(Op(BinaryOp::kInplaceAdd, S("a"), S("b"))), "'ab'");
  EXPECT_EQ(Raised([] { Op(BinaryOp::kAdd, S("a"), I(1)); }), "TypeError: can't convert 'int' object to str implicitly");
  EXPECT_EQ(R(Op(BinaryOp::kMultiply, S("ab"), I(3))), "'ababab'");
  EXPECT_EQ(R(Op(BinaryOp::kMultiply, I(2), S("\303\251"))), "'\303\251\303\251'");
  EXPECT_EQ(R(Op(BinaryOp::kMultiply, S("ab"), I(0))), "''");
  EXPECT_EQ(R(Op(BinaryOp::kMultiply, S("ab"), I(-2))), "''");
  EXPECT_EQ(R(Op(BinaryOp::kMultiply, S("ab"), kTrue)), "'ab'");
  EXPECT_EQ(Raised([] { Op(BinaryOp::kMultiply, S("a"), S("b")); }),
            "TypeError: unsupported types for __mul__: 'str', 'str'");
}

TEST_F(StrTest, ComparesByCodePoint) {
  EXPECT_EQ(Op(BinaryOp::kLess, S("a"), S("b")), kTrue);
  EXPECT_EQ(Op(BinaryOp::kLess, S("abc"), S("abd")), kTrue);
  EXPECT_EQ(Op(BinaryOp::kLess, S("ab"), S("abc")), kTrue);
  EXPECT_EQ(Op(BinaryOp::kLess, S(""), S("a")), kTrue);
  EXPECT_EQ(Op(BinaryOp::kLess, S("b"), S("abc")), kFalse);
  EXPECT_EQ(Op(BinaryOp::kMore, S("\303\251"), S("z")), kTrue);
  EXPECT_EQ(Op(BinaryOp::kMore, S("\360\237\230\200"), S("\357\277\277")), kTrue);  // U+1F600 > U+FFFF
  EXPECT_EQ(Op(BinaryOp::kLessEqual, S("a"), S("a")), kTrue);
  EXPECT_EQ(Op(BinaryOp::kMoreEqual, S("a"), S("b")), kFalse);
  EXPECT_EQ(Op(BinaryOp::kMoreEqual, S("b"), S("b")), kTrue);
  EXPECT_EQ(Raised([] { Op(BinaryOp::kLess, S("a"), I(1)); }), "TypeError: unsupported types for __lt__: 'str', 'int'");
}

TEST_F(StrTest, EqualityAndHashAgreeAcrossForms) {
  const char text[] = "a str long enough that nothing interned it 9137";
  Value heap = NewStr(text, sizeof text - 1);
  ASSERT_FALSE(IsQstr(heap));
  Value interned = FromQstr(QstrIntern(text, sizeof text - 1));
  EXPECT_TRUE(Equal(heap, interned));
  EXPECT_TRUE(Equal(interned, heap));
  EXPECT_EQ(Hash(heap), Hash(interned));
  EXPECT_FALSE(Equal(S("1"), I(1)));
  EXPECT_EQ(Op(BinaryOp::kNotEqual, S("a"), kNone), kTrue);
  EXPECT_FALSE(Equal(S("ab"), S("abc")));
  // After interning, new results with that text are the qstr.
  EXPECT_TRUE(IsQstr(Op(BinaryOp::kAdd, NewStr(text, 10), NewStr(text + 10, sizeof text - 11))));
}

TEST_F(StrTest, ReprQuotesAndEscapes) {
  EXPECT_EQ(Repr(S("abc")), "'abc'");
  EXPECT_EQ(Repr(S("it's")), "\"it's\"");
  EXPECT_EQ(Repr(S("say \"hi\"")), "'say \"hi\"'");
  EXPECT_EQ(Repr(S("both ' and \"")), "'both \\' and \"'");
  EXPECT_EQ(Repr(S("\n\t\\\r")), "'\\n\\t\\\\\\r'");
  EXPECT_EQ(Repr(NewStr("\0\177\033", 3)), "'\\x00\\x7f\\x1b'");
  EXPECT_EQ(Repr(S("\303\251\346\227\245\346\234\254")), "'\303\251\346\227\245\346\234\254'");
  EXPECT_EQ(Repr(S("\302\205\302\240")), "'\\x85\\xa0'");
  EXPECT_EQ(Repr(S("\342\200\250")), "'\\u2028'");
  EXPECT_EQ(Repr(S("")), "''");
  EXPECT_EQ(Str(S("it's\n")), "it's\n");
}

// --- Methods -------------------------------------------------------------------------------

TEST_F(StrTest, MethodsMatchCPython) {
  struct Case {
    const char* self;
    const char* method;
    Value args;
    const char* expected;
  } cases[] = {
      {"abcabc", "find", A({S("bc")}), "1"},
      {"abcabc", "find", A({S("bc"), I(2)}), "4"},
      {"abcabc", "find", A({S("bc"), I(-3)}), "4"},
      {"abcabc", "find", A({S("x")}), "-1"},
      {"abc", "find", A({S("")}), "0"},
      {"abc", "find", A({S(""), I(3)}), "3"},
      {"abc", "find", A({S(""), I(4)}), "-1"},
      {"abc", "find", A({S(""), I(2), I(1)}), "-1"},
      {"", "find", A({S("")}), "0"},
      {"héllo wörld", "find", A({S("wö")}), "6"},
      {"héllo wörld", "find", A({S("l"), I(4)}), "9"},
      {"héllo", "find", A({S("l"), I(-2), kNone}), "3"},
      {"abcabc", "rfind", A({S("bc")}), "4"},
      {"abcabc", "rfind", A({S("bc"), I(0), I(4)}), "1"},
      {"abcabc", "rfind", A({S("")}), "6"},
      {"ééé", "rfind", A({S("é")}), "2"},
      {"abcabc", "index", A({S("c")}), "2"},
      {"abcabc", "rindex", A({S("a")}), "3"},
      {"abcabc", "count", A({S("bc")}), "2"},
      {"aaaa", "count", A({S("aa")}), "2"},
      {"abc", "count", A({S("")}), "4"},
      {"ébc", "count", A({S(""), I(1)}), "3"},
      {"abc", "count", A({S(""), I(2), I(1)}), "0"},
      {"aaaa", "count", A({S("a"), I(1), I(-1)}), "2"},
      {"", "count", A({S("")}), "1"},
      {"hello", "startswith", A({S("he")}), "True"},
      {"hello", "startswith", A({S(""), I(5)}), "True"},
      {"hello", "startswith", A({S(""), I(6)}), "False"},
      {"hello", "startswith", A({S("l"), I(2)}), "True"},
      {"hello", "startswith", A({A({S("x"), S("h")})}), "True"},
      {"hello", "endswith", A({S("lo")}), "True"},
      {"hello", "endswith", A({S("l"), I(0), I(4)}), "True"},
      {"hello", "endswith", A({A({S("a"), S("b")})}), "False"},
      {"héllo", "endswith", A({S("llo"), I(-3)}), "True"},
      {"hello", "startswith", A({S("hello!")}), "False"},
      {"  a b  ", "strip", A({}), "'a b'"},
      {"xxaxx", "strip", A({S("x")}), "'a'"},
      {"  a  ", "lstrip", A({}), "'a  '"},
      {"  a  ", "rstrip", A({}), "'  a'"},
      {"ééaéé", "strip", A({S("é")}), "'a'"},
      {"abcba", "strip", A({S("ab")}), "'c'"},
      {"\011\012 a\013\014\015", "strip", A({}), "'a'"},
      {"", "strip", A({}), "''"},
      {"aaa", "strip", A({S("a")}), "''"},
      {"  a ", "strip", A({kNone}), "'a'"},
      {"a,b,,c", "split", A({S(",")}), "['a', 'b', '', 'c']"},
      {"a,b,,c", "split", A({S(","), I(1)}), "['a', 'b,,c']"},
      {"  a  b c  ", "split", A({}), "['a', 'b', 'c']"},
      {"  a  b c  ", "split", A({kNone, I(1)}), "['a', 'b c  ']"},
      {"", "split", A({}), "[]"},
      {"", "split", A({S(",")}), "['']"},
      {"   ", "split", A({}), "[]"},
      {"a b", "split", A({kNone, I(0)}), "['a b']"},
      {"  a b  ", "split", A({kNone, I(0)}), "['a b  ']"},
      {"aXbXc", "split", A({S("X"), I(-1)}), "['a', 'b', 'c']"},
      {"a::b::c", "split", A({S("::")}), "['a', 'b', 'c']"},
      {"é,ü", "split", A({S(",")}), "['é', 'ü']"},
      {"a,b,c", "rsplit", A({S(","), I(1)}), "['a,b', 'c']"},
      {"  a  b c  ", "rsplit", A({kNone, I(1)}), "['  a  b', 'c']"},
      {"a b c", "rsplit", A({}), "['a', 'b', 'c']"},
      {"a,b,c", "rsplit", A({S(",")}), "['a', 'b', 'c']"},
      {"  a b  ", "rsplit", A({kNone, I(0)}), "['  a b']"},
      {"a\012b\015\012c\015d", "splitlines", A({}), "['a', 'b', 'c', 'd']"},
      {"a\012b\015\012c\015d\012", "splitlines", A({kTrue}), "['a\\n', 'b\\r\\n', 'c\\r', 'd\\n']"},
      {"", "splitlines", A({}), "[]"},
      {"\012", "splitlines", A({}), "['']"},
      {"a\013b\014c\034d", "splitlines", A({}), "['a', 'b', 'c', 'd']"},
      {"x\342\200\250y", "splitlines", A({}), "['x', 'y']"},
      {"abc", "center", A({I(7)}), "'  abc  '"},
      {"ab", "center", A({I(5)}), "'  ab '"},
      {"abc", "center", A({I(6)}), "' abc  '"},
      {"abc", "center", A({I(6), S("*")}), "'*abc**'"},
      {"abc", "center", A({I(2)}), "'abc'"},
      {"é", "center", A({I(4), S("ü")}), "'üéüü'"},
      {"abc", "ljust", A({I(5)}), "'abc  '"},
      {"abc", "ljust", A({I(5), S("-")}), "'abc--'"},
      {"abc", "rjust", A({I(5)}), "'  abc'"},
      {"ab", "rjust", A({I(-1)}), "'ab'"},
      {"éa", "rjust", A({I(4), S(".")}), "'..éa'"},
      {"42", "zfill", A({I(5)}), "'00042'"},
      {"-42", "zfill", A({I(5)}), "'-0042'"},
      {"+42", "zfill", A({I(2)}), "'+42'"},
      {"", "zfill", A({I(3)}), "'000'"},
      {"Hello World", "lower", A({}), "'hello world'"},
      {"Hello World", "upper", A({}), "'HELLO WORLD'"},
      {"hello world", "capitalize", A({}), "'Hello world'"},
      {"HELLO", "capitalize", A({}), "'Hello'"},
      {"hello wORLD", "title", A({}), "'Hello World'"},
      {"they're bill's", "title", A({}), "\"They'Re Bill'S\""},
      {"a1b", "title", A({}), "'A1B'"},
      {"Hello", "swapcase", A({}), "'hELLO'"},
      {"abc", "isalpha", A({}), "True"},
      {"ab1", "isalpha", A({}), "False"},
      {"", "isalpha", A({}), "False"},
      {"123", "isdigit", A({}), "True"},
      {"12a", "isdigit", A({}), "False"},
      {"", "isdigit", A({}), "False"},
      {"ab1", "isalnum", A({}), "True"},
      {"ab 1", "isalnum", A({}), "False"},
      {" \011\012", "isspace", A({}), "True"},
      {"", "isspace", A({}), "False"},
      {" a", "isspace", A({}), "False"},
      {"abc1", "islower", A({}), "True"},
      {"Abc", "islower", A({}), "False"},
      {"123", "islower", A({}), "False"},
      {"ABC1", "isupper", A({}), "True"},
      {"AbC", "isupper", A({}), "False"},
      {"", "isupper", A({}), "False"},
      {"a b c", "replace", A({S(" "), S("--")}), "'a--b--c'"},
      {"aaaa", "replace", A({S("a"), S("b"), I(2)}), "'bbaa'"},
      {"abc", "replace", A({S(""), S("-")}), "'-a-b-c-'"},
      {"abc", "replace", A({S(""), S("-"), I(2)}), "'-a-bc'"},
      {"abc", "replace", A({S("x"), S("y")}), "'abc'"},
      {"éaé", "replace", A({S("é"), S("e")}), "'eae'"},
      {"aaa", "replace", A({S("a"), S("")}), "''"},
      {"", "replace", A({S(""), S("x")}), "'x'"},
      {"abc", "replace", A({S("b"), S("x"), I(0)}), "'abc'"},
      {"abc", "replace", A({S("b"), S("x"), I(-1)}), "'axc'"},
      {"a=b=c", "partition", A({S("=")}), "('a', '=', 'b=c')"},
      {"abc", "partition", A({S("=")}), "('abc', '', '')"},
      {"a=b=c", "rpartition", A({S("=")}), "('a=b', '=', 'c')"},
      {"abc", "rpartition", A({S("=")}), "('', '', 'abc')"},
      {"TestCase", "removeprefix", A({S("Test")}), "'Case'"},
      {"TestCase", "removeprefix", A({S("x")}), "'TestCase'"},
      {"TestCase", "removesuffix", A({S("Case")}), "'Test'"},
      {"abc", "removesuffix", A({S("")}), "'abc'"},
      {",", "join", A({L({S("a"), S("b"), S("c")})}), "'a,b,c'"},
      {",", "join", A({L({})}), "''"},
      {"", "join", A({L({S("x")})}), "'x'"},
      {"-", "join", A({A({S("é"), S("ü")})}), "'é-ü'"},
      {"ab", "join", A({S("xyz")}), "'xabyabz'"},
  };
  for (const Case& c : cases)
    EXPECT_EQ(R(CallStrMethod(S(c.self), c.method, c.args)), c.expected) << R(S(c.self)) << "." << c.method << R(c.args);
}

TEST_F(StrTest, MethodErrors) {
  EXPECT_EQ(Raised([] { Method(S("abc"), "index", {S("x")}); }), "ValueError: substring not found");
  EXPECT_EQ(Raised([] { Method(S("abc"), "rindex", {S("x")}); }), "ValueError: substring not found");
  EXPECT_EQ(Raised([] { Method(S("abc"), "index", {S(""), I(4)}); }), "ValueError: substring not found");
  EXPECT_EQ(Raised([] { Method(S("abc"), "split", {S("")}); }), "ValueError: empty separator");
  EXPECT_EQ(Raised([] { Method(S("abc"), "rsplit", {S("")}); }), "ValueError: empty separator");
  EXPECT_EQ(Raised([] { Method(S("abc"), "partition", {S("")}); }), "ValueError: empty separator");
  EXPECT_EQ(Raised([] { Method(S("abc"), "center", {I(5), S("ab")}); }),
            "TypeError: The fill character must be exactly one character long");
  EXPECT_EQ(Raised([] { Method(S(","), "join", {L({S("a"), I(1)})}); }),
            "TypeError: join expects a list of str/bytes objects consistent with self object");
  EXPECT_EQ(Raised([] { Method(S("abc"), "find", {I(1)}); }), "TypeError: can't convert 'int' object to str implicitly");
  EXPECT_EQ(Raised([] { Method(S("abc"), "startswith", {A({S("x"), I(1)})}); }),
            "TypeError: can't convert 'int' object to str implicitly");
  EXPECT_EQ(Raised([] { Method(S("abc"), "nosuchmethod", {}); }), "AttributeError: 'str' object has no attribute 'nosuchmethod'");
}

TEST_F(StrTest, CaseMappingIsAsciiOnly) {
  // MicroPython's behaviour: other code points are left as they are
  // (CPython gives 'HÉLLO' and 'ÉCOLE' here).
  EXPECT_EQ(Method(S("héllo"), "upper", {}), "'HéLLO'");
  EXPECT_EQ(Method(S("ÉCOLE"), "lower", {}), "'École'");
  EXPECT_EQ(Method(S("é"), "isalpha", {}), "False");
  EXPECT_EQ(Method(S("aé"), "islower", {}), "True");
}

TEST_F(StrTest, SplitAcceptsKeywords) {
  EXPECT_EQ(R(CallWithKeywords(S("a,b,c"), "split", A({}), D({{S("sep"), S(",")}, {S("maxsplit"), I(1)}}))),
            "['a', 'b,c']");
  EXPECT_EQ(R(CallWithKeywords(S("a b c"), "rsplit", A({}), D({{S("maxsplit"), I(1)}}))), "['a b', 'c']");
  EXPECT_EQ(R(CallWithKeywords(S("a\nb"), "splitlines", A({}), D({{S("keepends"), kTrue}}))), "['a\\n', 'b']");
}

TEST_F(StrTest, MethodsThroughTheType) {
  Value upper = LoadAttr(FromType(&kStrType), Name("upper"));
  EXPECT_EQ(R(Call1(upper, S("abc"))), "'ABC'");
  Value join = LoadAttr(S("-"), Name("join"));  // a bound method
  EXPECT_EQ(R(Call1(join, L({S("x"), S("y")}))), "'x-y'");
}

// --- Subclasses --------------------------------------------------------------------------

Value StrSubclass() {
  Value bases = A({FromType(&kStrType)});
  return NewClass(Name("MyStr"), bases, D({}));
}

TEST_F(StrTest, SubclassInstancesActAsStrs) {
  Value cls = StrSubclass();
  Value s = Call1(cls, S("h\303\251llo"));
  ASSERT_TRUE(IsClass(TypeOf(s)));
  EXPECT_TRUE(IsStr(s));
  EXPECT_EQ(Length(s), 5u);
  EXPECT_EQ(Str(s), "h\303\251llo");
  EXPECT_EQ(R(LoadSubscr(s, I(1))), "'\303\251'");
  EXPECT_EQ(R(CallStrMethod(s, "upper", A({}))), "'H\303\251LLO'");
  EXPECT_EQ(R(CallStrMethod(s, "split", A({S("l")}))), "['h\303\251', '', 'o']");
  EXPECT_TRUE(Equal(s, S("h\303\251llo")));
  EXPECT_EQ(Hash(s), Hash(S("h\303\251llo")));
  EXPECT_EQ(Op(BinaryOp::kIn, S("ll"), s), kTrue);
  EXPECT_EQ(R(Op(BinaryOp::kAdd, S(">"), s)), "'>h\303\251llo'");
  EXPECT_EQ(Percent(S("[%s]"), s), "[h\303\251llo]");
  EXPECT_EQ(Format(s, ">7"), "  h\303\251llo");
  EXPECT_EQ(R(CallStrMethod(S("-"), "join", A({L({s, s})}))), "'h\303\251llo-h\303\251llo'");
  Value it = GetIter(s);
  std::string chars;
  for (Value c = IterNext(it); c != kStopIteration; c = IterNext(it)) chars += Str(c) + "|";
  EXPECT_EQ(chars, "h|\303\251|l|l|o|");
  // A subclass of an interned text.
  Value q = Call1(cls, S("str"));
  EXPECT_EQ(Length(q), 3u);
  EXPECT_EQ(R(CallStrMethod(q, "upper", A({}))), "'STR'");
}

// A __format__ defined by a class: format() and str.format call it.
Value FormatHook(Value self, Value spec) { return Op(BinaryOp::kAdd, S("hook:"), spec); }
constexpr BuiltinFunction kFormatHook(Q___format__, FormatHook);

TEST_F(StrTest, FormatCallsDunderFormat) {
  Value hook = NewCheckedMethod(&kObjectType, FromPointer(&kFormatHook));  // binds, as a def would
  Value cls = NewClass(Name("Fmt"), A({}), D({{FromQstr(Q___format__), hook}}));
  Value obj = Call0(cls);
  EXPECT_EQ(Format(obj, "xyz"), "hook:xyz");
  EXPECT_EQ(Format(obj, ""), "hook:");
  EXPECT_EQ(Str(CallWithKeywords(S("<{:>3}>"), "format", A({obj}), D({}))), "<hook:>3>");
}

// --- Formatting ---------------------------------------------------------------------------

TEST_F(StrTest, FormatValueOfEmptySpecIsStr) {
  Value values[] = {I(42), S("h\303\251"), kNone, kTrue, F(1.5), A({I(1), S("a")})};
  for (Value v : values) EXPECT_EQ(R(FormatValue(v, "", 0)), R(StrOf(v)));
}

TEST_F(StrTest, FormatValueDispatchesByType) {
  EXPECT_EQ(Format(S("ab"), ">5"), "   ab");
  EXPECT_EQ(Format(S("h\303\251llo"), "^9"), "  h\303\251llo  ");
  EXPECT_EQ(Format(S("abcdef"), ".3"), "abc");
  EXPECT_EQ(Format(I(42), "05"), "00042");
  EXPECT_EQ(Format(I(255), "#x"), "0xff");
  EXPECT_EQ(Format(kTrue, ">5"), "    1");
  EXPECT_EQ(Format(F(2.5), ".3f"), "2.500");
  EXPECT_EQ(Format(I(3), ".1f"), "3.0");
  // MicroPython formats str(value) for other objects (CPython raises).
  EXPECT_EQ(Format(kNone, ">6"), "  None");
  EXPECT_EQ(Format(A({I(1)}), "<6"), "(1,)  ");
  EXPECT_EQ(Raised([] { Format(S("ab"), "d"); }), "ValueError: unknown format code 'd' for object of type 'str'");
  EXPECT_EQ(Raised([] { Format(S("ab"), "+"); }), "ValueError: sign not allowed in string format specifier");
  EXPECT_EQ(Raised([] { Format(S("ab"), "=5"); }),
            "ValueError: '=' alignment not allowed in string format specifier");
}

TEST_F(StrTest, FormatMethodMatchesCPython) {
  struct Case {
    const char* format;
    Value args;
    Value kwargs;
    const char* expected;
  } cases[] = {
      {"{}", A({I(1)}), D({}), "1"},
      {"{} {}", A({S("a"), S("b")}), D({}), "a b"},
      {"{1}{0}", A({S("a"), S("b")}), D({}), "ba"},
      {"{x}-{y}", A({}), D({{S("x"), I(1)}, {S("y"), S("z")}}), "1-z"},
      {"{{}} {{{}}}", A({I(5)}), D({}), "{} {5}"},
      {"{!r}", A({S("a")}), D({}), "'a'"},
      {"{!s}", A({S("a")}), D({}), "a"},
      {"{0!r:>6}", A({S("a")}), D({}), "   'a'"},
      {"{:>5}", A({S("ab")}), D({}), "   ab"},
      {"{:<5}|", A({S("ab")}), D({}), "ab   |"},
      {"{:^6}", A({S("ab")}), D({}), "  ab  "},
      {"{:*^7}", A({S("ab")}), D({}), "**ab***"},
      {"{:.2}", A({S("abcdef")}), D({}), "ab"},
      {"{:5.2}|", A({S("abcdef")}), D({}), "ab   |"},
      {"{:>{}}", A({S("ab"), I(4)}), D({}), "  ab"},
      {"{:{}{}}", A({S("ab"), S(">"), I(5)}), D({}), "   ab"},
      {"{0:{1}}", A({S("ab"), I(5)}), D({}), "ab   "},
      {"{:s}", A({S("ab")}), D({}), "ab"},
      {"{:>4}", A({S("é")}), D({}), "   é"},
      {"{:05}", A({S("ab")}), D({}), "ab000"},
      {"{0[1]}", A({A({S("a"), S("b")})}), D({}), "b"},
      {"{0[k]}", A({D({{S("k"), I(7)}})}), D({}), "7"},
      {"{d[k]}", A({}), D({{S("d"), D({{S("k"), S("v")}})}}), "v"},
      {"{}", A({kNone}), D({}), "None"},
      {"{}", A({kTrue}), D({}), "True"},
      {"{:>5}", A({S("x")}), D({}), "    x"},
      {"a{}b", A({S("")}), D({}), "ab"},
      {"é{}ü", A({S("ö")}), D({}), "éöü"},
      {"{0}{0}", A({S("x")}), D({}), "xx"},
      {"{}", A({I(42)}), D({}), "42"},
      {"{:5}", A({I(42)}), D({}), "   42"},
      {"{:<5}|", A({I(42)}), D({}), "42   |"},
      {"{:05}", A({I(-42)}), D({}), "-0042"},
      {"{:x}", A({I(255)}), D({}), "ff"},
      {"{:#x}", A({I(255)}), D({}), "0xff"},
      {"{:+d}", A({I(5)}), D({}), "+5"},
      {"{:,}", A({I(1234567)}), D({}), "1,234,567"},
      {"{:b}", A({I(5)}), D({}), "101"},
      {"{}", A({F(1.5)}), D({}), "1.5"},
      {"{:.2f}", A({F(3.14159)}), D({}), "3.14"},
      {"{:8.3f}|", A({F(2.5)}), D({}), "   2.500|"},
      {"{:e}", A({F(12345.678)}), D({}), "1.234568e+04"},
      {"{:g}", A({F(0.0001)}), D({}), "0.0001"},
      {"{:.1%}", A({F(0.25)}), D({}), "25.0%"},
      {"{:.2f}", A({I(2)}), D({}), "2.00"},
  };
  for (const Case& c : cases)
    EXPECT_EQ(Str(CallWithKeywords(S(c.format), "format", c.args, c.kwargs)), c.expected) << c.format;
}

TEST_F(StrTest, FormatMethodErrors) {
  auto format = [](const char* text, Value args) { return CallWithKeywords(S(text), "format", args, D({})); };
  EXPECT_EQ(Raised([&] { format("{", A({})); }), "ValueError: unmatched '{' in format");
  EXPECT_EQ(Raised([&] { format("{:", A({})); }), "ValueError: unmatched '{' in format");
  EXPECT_EQ(Raised([&] { format("}", A({})); }), "ValueError: single '}' encountered in format string");
  EXPECT_EQ(Raised([&] { format("{0}{}", A({I(1), I(2)})); }),
            "ValueError: can't switch from manual field specification to automatic field numbering");
  EXPECT_EQ(Raised([&] { format("{}{0}", A({I(1), I(2)})); }),
            "ValueError: can't switch from automatic field numbering to manual field specification");
  EXPECT_EQ(Raised([&] { format("{1}", A({I(1)})); }), "IndexError: tuple index out of range");
  EXPECT_EQ(Raised([&] { format("{} {}", A({I(1)})); }), "IndexError: tuple index out of range");
  EXPECT_EQ(Raised([&] { format("{!x}", A({I(1)})); }), "ValueError: unknown conversion specifier x");
  EXPECT_EQ(Raised([&] { format("{!", A({I(1)})); }), "ValueError: end of format while looking for conversion specifier");
  EXPECT_EQ(Raised([&] { format("{!rr}", A({I(1)})); }), "ValueError: expected ':' after conversion specifier");
  EXPECT_EQ(Raised([&] { format("{0[1]}", A({A({I(1)})})); }).rfind("IndexError", 0), 0u);
  Value exc = Catch([&] { format("{name}", A({})); });
  ASSERT_NE(exc, kNull);
  EXPECT_TRUE(ExceptionMatches(exc, FromType(&kKeyErrorType)));
  EXPECT_EQ(R(AsTuple(ExceptionOf(exc)->args)->items[0]), "'name'");
  EXPECT_EQ(Raised([&] { format("{:d}", A({S("a")})); }),
            "ValueError: unknown format code 'd' for object of type 'str'");
}

TEST_F(StrTest, FormatFieldsWithAttributesAndConversions) {
  Value cls = NewClass(Name("Point"), A({}), D({{S("x"), I(5)}, {S("label"), S("p\303\251")}}));
  Value point = Call0(cls);
  auto format = [](const char* text, Value args) { return Str(CallWithKeywords(S(text), "format", args, D({}))); };
  EXPECT_EQ(format("{0.x},{0.label!r:>6}", A({point})), "5,  'p\303\251'");
  EXPECT_EQ(format("{.x}{}", A({point, I(1)})), "51");
  EXPECT_EQ(format("{0[0][1]}", A({A({A({I(1), S("deep")})})})), "deep");
  EXPECT_EQ(format("{!a}", A({S("\303\251\346\227\245\360\237\230\200")})), "'\\xe9\\u65e5\\U0001f600'");
  EXPECT_EQ(Percent(S("%a"), A({S("\303\251")})), "'\\xe9'");
  EXPECT_EQ(Raised([&] { format("{0.nope}", A({point})); }), "AttributeError: 'Point' object has no attribute 'nope'");
  // An object without items is one argument, which must be used.
  EXPECT_EQ(Percent(S("<%s>"), point).rfind("<<Point object at", 0), 0u);
  EXPECT_EQ(Raised([&] { Percent(S("abc"), point); }), "TypeError: not all arguments converted during string formatting");
}

TEST_F(StrTest, PercentMatchesCPython) {
  struct Case {
    const char* format;
    Value args;
    const char* expected;
  } cases[] = {
      {"%s", S("abc"), "abc"},
      {"%s", A({S("abc")}), "abc"},
      {"%s %s", A({S("a"), S("b")}), "a b"},
      {"%r", A({S("a")}), "'a'"},
      {"%5s|", A({S("ab")}), "   ab|"},
      {"%-5s|", A({S("ab")}), "ab   |"},
      {"%.2s", A({S("abcdef")}), "ab"},
      {"%5.1s|", A({S("abc")}), "    a|"},
      {"%s", A({kNone}), "None"},
      {"%s", A({A({I(1), I(2)})}), "(1, 2)"},
      {"%%", A({}), "%"},
      {"100%%", A({}), "100%"},
      {"%s%%", A({I(5)}), "5%"},
      {"%4s|", A({S("é")}), "   é|"},
      {"%d", A({I(42)}), "42"},
      {"%i", A({I(-42)}), "-42"},
      {"%u", A({I(7)}), "7"},
      {"%5d|", A({I(42)}), "   42|"},
      {"%-5d|", A({I(42)}), "42   |"},
      {"%05d", A({I(42)}), "00042"},
      {"%05d", A({I(-42)}), "-0042"},
      {"%+d", A({I(42)}), "+42"},
      {"% d", A({I(42)}), " 42"},
      {"%.3d", A({I(7)}), "007"},
      {"%6.3d|", A({I(-7)}), "  -007|"},
      {"%d", A({F(3.99)}), "3"},
      {"%d", A({F(-3.99)}), "-3"},
      {"%d", A({kTrue}), "1"},
      {"%x", A({I(255)}), "ff"},
      {"%X", A({I(255)}), "FF"},
      {"%#x", A({I(255)}), "0xff"},
      {"%#X", A({I(255)}), "0XFF"},
      {"%o", A({I(8)}), "10"},
      {"%#o", A({I(8)}), "0o10"},
      {"%08x", A({I(255)}), "000000ff"},
      {"%#08x", A({I(255)}), "0x0000ff"},
      {"%-#8x|", A({I(255)}), "0xff    |"},
      {"%x", A({I(-255)}), "-ff"},
      {"%#x", A({I(-255)}), "-0xff"},
      {"%+x", A({I(255)}), "+ff"},
      {"%c", A({I(65)}), "A"},
      {"%c", A({S("z")}), "z"},
      {"%c", A({I(233)}), "é"},
      {"%3c|", A({S("a")}), "  a|"},
      {"%*d", A({I(5), I(42)}), "   42"},
      {"%-*d|", A({I(5), I(42)}), "42   |"},
      {"%*d|", A({I(-5), I(42)}), "42   |"},
      {"%.*s", A({I(2), S("abcdef")}), "ab"},
      {"%*.*s|", A({I(6), I(2), S("abcdef")}), "    ab|"},
      {"%(a)s-%(b)d", D({{S("a"), S("x")}, {S("b"), I(3)}}), "x-3"},
      {"%(a)s %(a)r", D({{S("a"), S("x")}}), "x 'x'"},
      {"abc", D({{S("a"), I(1)}}), "abc"},
      {"%s", D({{S("a"), I(1)}}), "{'a': 1}"},
      {"%f", A({F(1.5)}), "1.500000"},
      {"%.2f", A({F(3.14159)}), "3.14"},
      {"%e", A({F(12345.678)}), "1.234568e+04"},
      {"%E", A({F(0.000123)}), "1.230000E-04"},
      {"%g", A({F(0.0001)}), "0.0001"},
      {"%G", A({F(1e+20)}), "1E+20"},
      {"%10.3f|", A({F(2.5)}), "     2.500|"},
      {"%-10.3f|", A({F(2.5)}), "2.500     |"},
      {"%010.3f", A({F(-2.5)}), "-00002.500"},
      {"%+.1f", A({F(2.0)}), "+2.0"},
      {"% .1f", A({F(2.0)}), " 2.0"},
      {"%f", A({I(3)}), "3.000000"},
      {"%.0f", A({F(2.5)}), "2"},
      {"%#.0f", A({F(2.0)}), "2."},
      {"%g", A({F(100000.0)}), "100000"},
      {"%g", A({F(1000000.0)}), "1e+06"},
      {"%.3g", A({F(3.14159)}), "3.14"},
      {"%#g", A({F(1.0)}), "1.00000"},
      {"%ld", A({I(5)}), "5"},
      {"%s and %s", A({S("é"), S("ü")}), "é and ü"},
  };
  for (const Case& c : cases) EXPECT_EQ(Percent(S(c.format), c.args), c.expected) << c.format << " % " << R(c.args);
}

TEST_F(StrTest, PercentFlagCombinations) {
  // Expected values from python3.
  EXPECT_EQ(Percent(S("%05.3d"), I(7)), "00007");
  EXPECT_EQ(Percent(S("%-05d|"), I(7)), "7    |");
  EXPECT_EQ(Percent(S("%+05d"), I(7)), "+0007");
  EXPECT_EQ(Percent(S("% 05x"), I(255)), " 00ff");
  EXPECT_EQ(Percent(S("%#5o"), I(8)), " 0o10");
  EXPECT_EQ(Percent(S("%05s"), S("ab")), "   ab");
  EXPECT_EQ(Percent(S("%.3x"), I(10)), "00a");
  EXPECT_EQ(Percent(S("%#.3x"), I(10)), "0x00a");
  EXPECT_EQ(Percent(S("%c"), I(0x1F600)), "\360\237\230\200");
  EXPECT_EQ(Percent(S("%-3c|"), S("\303\251")), "\303\251  |");
  EXPECT_EQ(Percent(S("%x"), F(255.9)), "ff");  // MicroPython truncates floats for integer conversions
}

TEST_F(StrTest, PercentErrors) {
  EXPECT_EQ(Raised([] { Percent(S("%s %s"), A({S("a")})); }), "TypeError: not enough arguments for format string");
  EXPECT_EQ(Raised([] { Percent(S("%s"), A({})); }), "TypeError: not enough arguments for format string");
  EXPECT_EQ(Raised([] { Percent(S("%s"), A({S("a"), S("b")})); }),
            "TypeError: not all arguments converted during string formatting");
  EXPECT_EQ(Raised([] { Percent(S("abc"), I(5)); }), "TypeError: not all arguments converted during string formatting");
  EXPECT_EQ(Raised([] { Percent(S("%(a)s"), A({S("x")})); }), "TypeError: format requires a dict");
  EXPECT_EQ(Raised([] { Percent(S("%y"), I(1)); }), "ValueError: unsupported format character 'y' (0x79) at index 1");
  EXPECT_EQ(Raised([] { Percent(S("\303\251%\303\274"), I(1)); }),
            "ValueError: unsupported format character '\303\274' (0xfc) at index 2");
  EXPECT_EQ(Raised([] { Percent(S("abc%"), A({})); }), "ValueError: incomplete format");
  EXPECT_EQ(Raised([] { Percent(S("%c"), S("ab")); }), "TypeError: %c requires int or char");
  EXPECT_EQ(Raised([] { Percent(S("%d"), S("a")); }), "TypeError: can't convert str to int");
  EXPECT_EQ(Raised([] { Percent(S("%*d"), A({S("a"), I(1)})); }), "TypeError: * wants int");
  Value exc = Catch([] { Percent(S("%(b)s"), D({{S("a"), I(1)}})); });
  ASSERT_NE(exc, kNull);
  EXPECT_TRUE(ExceptionMatches(exc, FromType(&kKeyErrorType)));
}

}  // namespace
}  // namespace taipan::rt::testing
