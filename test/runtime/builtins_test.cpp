// The builtins module, the builtin modules (sys, gc, time, micropython),
// imports, and exception printing, as a Python program sees them: functions
// are looked up in the module dicts and called with Call().
#include <gtest/gtest.h>

#include <string>
#include <initializer_list>
#include <vector>

#include "runtime/dict.h"
#include "runtime/exception.h"
#include "runtime/float.h"
#include "runtime/function.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/state.h"
#include "runtime/tuple.h"
#include "test/runtime/runtime_test.h"

namespace taipan::rt::testing {
namespace {

Qstr Q(const char* name) { return QstrIntern(name, __builtin_strlen(name)); }

// Captures what the runtime prints to stdout for the life of the object.
struct StdoutCapture {
  std::string text;
  Printer saved;
  StdoutCapture() : saved(g_stdout_printer) { g_stdout_printer = Printer{this, Append}; }
  ~StdoutCapture() { g_stdout_printer = saved; }
  static void Append(void* self, const char* data, size_t length) {
    static_cast<StdoutCapture*>(self)->text.append(data, length);
  }
};

Value Builtin(const char* name) {
  Value v = DictLookup(g_state.builtins, FromQstr(Q(name)));
  EXPECT_NE(v, kNull) << name;
  return v;
}

// Calls builtins.<name>(*positional, **keywords). (No C++ heap objects may
// be live across a call that raises: the non-local return skips their
// destructors, so the helpers use initializer lists and stack arrays.)
Value CallBuiltinNamed(const char* name, std::initializer_list<Value> positional,
                       std::initializer_list<std::pair<const char*, Value>> keywords = {}) {
  Value args[16];
  size_t n = 0;
  for (Value v : positional) args[n++] = v;
  for (auto& [key, value] : keywords) {
    args[n++] = FromQstr(Q(key));
    args[n++] = value;
  }
  return Call(Builtin(name), positional.size(), keywords.size(), args);
}

Value Module(const char* name) { return ImportName(Q(name), kNull, 0); }

Value ModuleFn(const char* module, const char* name) { return LoadAttr(Module(module), Q(name)); }

Value CallModule(const char* module, const char* name, std::initializer_list<Value> args = {}) {
  return Call(ModuleFn(module, name), args.size(), 0, args.begin());
}

Value Int(SignedWord n) { return NewInt(n); }

Value List(std::initializer_list<Value> items) { return NewList(items.size(), items.begin()); }
Value Tuple(std::initializer_list<Value> items) { return NewTuple(items.size(), items.begin()); }

// A file-like object for print(file=...): a module whose `write` appends to
// g_written (a module attribute is called without self).
std::string g_written;
Value RecordWrite(Value text) {
  size_t length;
  const char* data = StrBytes(text, &length);
  g_written.append(data, length);
  return kNone;
}
constexpr BuiltinFunction kRecordWriteFn(kNoQstr, RecordWrite);

Value NewFakeFile() {
  g_written.clear();
  Value file = NewModule(Q("fakefile"));
  DictStore(ModuleGlobals(file), FromQstr(Q("write")), FromPointer(&kRecordWriteFn));
  return file;
}

using BuiltinsTest = RuntimeTest;
using ModuleTest = RuntimeTest;
using ExceptionTest = RuntimeTest;

// --- The builtins module ----------------------------------------------------------

TEST_F(BuiltinsTest, ModuleMapsNamesToTypesAndSingletons) {
  EXPECT_EQ(Builtin("int"), FromType(&kIntType));
  EXPECT_EQ(Builtin("zip"), FromType(&kZipType));
  EXPECT_EQ(Builtin("ValueError"), FromType(&kValueErrorType));
  EXPECT_EQ(Builtin("ZeroDivisionError"), FromType(&kZeroDivisionErrorType));
  EXPECT_EQ(Builtin("NotImplemented"), NotImplementedValue());
  EXPECT_EQ(Builtin("Ellipsis"), EllipsisValue());
  EXPECT_EQ(DictLookup(g_state.builtins, FromQstr(Q("NoneType"))), kNull);
  // `import builtins` gives the module whose dict the runtime looks names up in.
  EXPECT_EQ(ModuleGlobals(Module("builtins")), g_state.builtins);
}

TEST_F(BuiltinsTest, Numbers) {
  EXPECT_EQ(Repr(CallBuiltinNamed("abs", {Int(-5)})), "5");
  EXPECT_EQ(Repr(CallBuiltinNamed("divmod", {Int(-7), Int(2)})), "(-4, 1)");
  EXPECT_EQ(Repr(CallBuiltinNamed("pow", {Int(2), Int(10)})), "1024");
  EXPECT_EQ(Repr(CallBuiltinNamed("pow", {Int(3), Int(200), Int(1000)})), "1");
  EXPECT_EQ(Repr(CallBuiltinNamed("pow", {Int(-2), Int(3), Int(5)})), "2");
  EXPECT_EQ(Raised([] { CallBuiltinNamed("pow", {Int(2), Int(3), Int(0)}); }),
            "ValueError: pow() 3rd argument cannot be 0");
  EXPECT_EQ(Str(CallBuiltinNamed("bin", {Int(5)})), "0b101");
  EXPECT_EQ(Str(CallBuiltinNamed("oct", {Int(-8)})), "-0o10");
  EXPECT_EQ(Str(CallBuiltinNamed("hex", {Int(255)})), "0xff");
  EXPECT_EQ(Repr(CallBuiltinNamed("hash", {Int(42)})), "42");
  EXPECT_EQ(Repr(CallBuiltinNamed("round", {Int(7)})), "7");
  EXPECT_EQ(Repr(CallBuiltinNamed("round", {Int(1250), Int(-2)})), "1200");
  EXPECT_EQ(Repr(CallBuiltinNamed("round", {Int(1350), Int(-2)})), "1400");
  EXPECT_EQ(Repr(CallBuiltinNamed("round", {Int(-1251), Int(-2)})), "-1300");
  EXPECT_EQ(Repr(CallBuiltinNamed("round", {Int(25), Int(-1)})), "20");
  EXPECT_EQ(Repr(CallBuiltinNamed("round", {NewFloat(2.5)})), "2");
  EXPECT_EQ(Repr(CallBuiltinNamed("round", {NewFloat(-3.5)})), "-4");
  EXPECT_EQ(Repr(CallBuiltinNamed("round", {NewFloat(2.675), Int(2)})), "2.67");
  EXPECT_EQ(Repr(CallBuiltinNamed("pow", {Int(3), Int(-1), Int(7)})), "5");
  EXPECT_EQ(Repr(CallBuiltinNamed("pow", {Int(2), Int(100), ParseInt("1000000000000000000000000000007", 31, 10)})),
            "267650600228229401496703205369");
  EXPECT_EQ(Str(CallBuiltinNamed("hex", {ParseInt("-340282366920938463463374607431768211456", 40, 10)})),
            "-0x100000000000000000000000000000000");
}

TEST_F(BuiltinsTest, ChrAndOrd) {
  EXPECT_EQ(Str(CallBuiltinNamed("chr", {Int(65)})), "A");
  EXPECT_EQ(Str(CallBuiltinNamed("chr", {Int(0x20AC)})), "\xE2\x82\xAC");
  EXPECT_EQ(Str(CallBuiltinNamed("chr", {Int(0x1F600)})), "\xF0\x9F\x98\x80");
  EXPECT_EQ(Raised([] { CallBuiltinNamed("chr", {Int(0x110000)}); }),
            "ValueError: chr() arg not in range(0x110000)");
  EXPECT_EQ(Raised([] { CallBuiltinNamed("chr", {Int(-1)}); }), "ValueError: chr() arg not in range(0x110000)");
  EXPECT_EQ(Repr(CallBuiltinNamed("ord", {S("a")})), "97");
  EXPECT_EQ(Repr(CallBuiltinNamed("ord", {S("\xE2\x82\xAC")})), "8364");
  EXPECT_EQ(Repr(CallBuiltinNamed("ord", {S("\xF0\x9F\x98\x80")})), "128512");
  EXPECT_EQ(Raised([] { CallBuiltinNamed("ord", {S("ab")}); }),
            "TypeError: ord expected a character, but string of length 2 found");
  EXPECT_EQ(Raised([] { CallBuiltinNamed("ord", {S("")}); }),
            "TypeError: ord expected a character, but string of length 0 found");
}

TEST_F(BuiltinsTest, ChrAndOrdAtTheAsciiBoundary) {
  // chr of an ASCII code gives the interned one-character str; ord of a
  // one-byte str skips counting code points.
  for (SignedWord c : {0, 1, 65, 126, 127}) {
    Value ch = CallBuiltinNamed("chr", {Int(c)});
    EXPECT_TRUE(IsQstr(ch)) << c;
    EXPECT_EQ(Str(ch), std::string(1, static_cast<char>(c)));
    EXPECT_EQ(CallBuiltinNamed("ord", {ch}), Int(c));
  }
  EXPECT_EQ(Str(CallBuiltinNamed("chr", {Int(128)})), "\xC2\x80");
  EXPECT_EQ(Str(CallBuiltinNamed("chr", {kTrue})), "\x01");
  EXPECT_EQ(Raised([] { CallBuiltinNamed("chr", {S("a")}); }).substr(0, 10), "TypeError:");
  EXPECT_EQ(Raised([] { CallBuiltinNamed("chr", {NewInt(kSmallIntMax)}); }),
            "ValueError: chr() arg not in range(0x110000)");
  EXPECT_EQ(Repr(CallBuiltinNamed("ord", {S("\xC2\x80")})), "128");
  EXPECT_EQ(Raised([] { CallBuiltinNamed("ord", {Int(1)}); }).substr(0, 10), "TypeError:");
}

TEST_F(BuiltinsTest, BuiltinMethodsCalledWithSelf) {
  // CallWithSelf calls a builtin method straight away when the argument
  // count fits its kind; any other call takes the generic path, which
  // reports the error.
  Value dict = NewDict(0);
  DictStore(dict, S("k"), Int(1));
  Value get = LoadAttr(FromType(&kDictType), Q("get"));
  Value key = S("k"), missing[2] = {S("x"), Int(9)};
  EXPECT_EQ(CallWithSelf(get, dict, 1, 0, &key), Int(1));
  EXPECT_EQ(CallWithSelf(get, dict, 1, 0, missing), kNone);
  EXPECT_EQ(CallWithSelf(get, dict, 2, 0, missing), Int(9));
  EXPECT_EQ(Raised([&] { CallWithSelf(get, dict, 0, 0, nullptr); }).substr(0, 10), "TypeError:");
  Value three[3] = {S("x"), Int(9), Int(10)};
  EXPECT_EQ(Raised([&] { CallWithSelf(get, dict, 3, 0, three); }).substr(0, 10), "TypeError:");
  Value upper = LoadAttr(FromType(&kStrType), Q("upper"));
  EXPECT_EQ(Str(CallWithSelf(upper, S("ab"), 0, 0, nullptr)), "AB");
  EXPECT_EQ(Raised([&] { CallWithSelf(upper, S("ab"), 1, 0, &key); }).substr(0, 10), "TypeError:");
  Value split = LoadAttr(FromType(&kStrType), Q("split"));
  Value comma = S(",");
  EXPECT_EQ(Length(CallWithSelf(split, S("a,b,c"), 1, 0, &comma)), 3u);
  Value keyword[2] = {FromQstr(Q("maxsplit")), Int(1)};
  Value with_keyword[3] = {comma, keyword[0], keyword[1]};
  EXPECT_EQ(Length(CallWithSelf(split, S("a,b,c"), 1, 1, with_keyword)), 2u);
}

TEST_F(BuiltinsTest, MinAndMax) {
  EXPECT_EQ(Repr(CallBuiltinNamed("max", {Int(3), Int(9), Int(4)})), "9");
  EXPECT_EQ(Repr(CallBuiltinNamed("min", {List({Int(3), Int(-9), Int(4)})})), "-9");
  EXPECT_EQ(Repr(CallBuiltinNamed("max", {Int(-3), Int(2)}, {{"key", Builtin("abs")}})), "-3");
  // Ties go to the first.
  EXPECT_EQ(Repr(CallBuiltinNamed("min", {List({Int(-2), Int(2)})}, {{"key", Builtin("abs")}})), "-2");
  EXPECT_EQ(Repr(CallBuiltinNamed("max", {List({})}, {{"default", Int(7)}})), "7");
  EXPECT_EQ(Raised([] { CallBuiltinNamed("min", {List({})}); }), "ValueError: arg is an empty sequence");
  EXPECT_EQ(Raised([] { CallBuiltinNamed("max", {}); }).substr(0, 10), "TypeError:");
}

TEST_F(BuiltinsTest, SumAllAny) {
  EXPECT_EQ(Repr(CallBuiltinNamed("sum", {List({Int(1), Int(2), Int(3)})})), "6");
  EXPECT_EQ(Repr(CallBuiltinNamed("sum", {List({Int(1), Int(2)}), Int(10)})), "13");
  EXPECT_EQ(Repr(CallBuiltinNamed("sum", {List({Int(1)})}, {{"start", Int(5)}})), "6");
  EXPECT_EQ(CallBuiltinNamed("all", {List({Int(1), kTrue})}), kTrue);
  EXPECT_EQ(CallBuiltinNamed("all", {List({Int(1), Int(0)})}), kFalse);
  EXPECT_EQ(CallBuiltinNamed("all", {List({})}), kTrue);
  EXPECT_EQ(CallBuiltinNamed("any", {List({Int(0), kNone})}), kFalse);
  EXPECT_EQ(CallBuiltinNamed("any", {List({Int(0), S("x")})}), kTrue);
}

TEST_F(BuiltinsTest, ObjectQueries) {
  EXPECT_EQ(Repr(CallBuiltinNamed("len", {List({Int(1), Int(2)})})), "2");
  EXPECT_EQ(Raised([] { CallBuiltinNamed("len", {Int(1)}); }), "TypeError: object of type 'int' has no len()");
  EXPECT_EQ(Str(CallBuiltinNamed("repr", {S("a")})), "'a'");
  EXPECT_EQ(CallBuiltinNamed("callable", {Builtin("len")}), kTrue);
  EXPECT_EQ(CallBuiltinNamed("callable", {Int(1)}), kFalse);
  EXPECT_EQ(CallBuiltinNamed("isinstance", {kTrue, Builtin("int")}), kTrue);
  EXPECT_EQ(CallBuiltinNamed("isinstance", {Int(1), Tuple({Builtin("str"), Builtin("bool")})}), kFalse);
  EXPECT_EQ(CallBuiltinNamed("issubclass", {Builtin("KeyError"), Builtin("LookupError")}), kTrue);
  EXPECT_EQ(CallBuiltinNamed("issubclass", {Builtin("int"), Builtin("str")}), kFalse);
  Value a = List({}), b = List({});
  EXPECT_TRUE(Equal(CallBuiltinNamed("id", {a}), CallBuiltinNamed("id", {a})));
  EXPECT_FALSE(Equal(CallBuiltinNamed("id", {a}), CallBuiltinNamed("id", {b})));
}

TEST_F(BuiltinsTest, AttributeFunctions) {
  Value m = NewModule(Q("m"));
  CallBuiltinNamed("setattr", {m, S("x"), Int(5)});
  EXPECT_EQ(Repr(CallBuiltinNamed("getattr", {m, S("x")})), "5");
  EXPECT_EQ(CallBuiltinNamed("hasattr", {m, S("x")}), kTrue);
  EXPECT_EQ(CallBuiltinNamed("hasattr", {m, S("y")}), kFalse);
  EXPECT_EQ(Repr(CallBuiltinNamed("getattr", {m, S("y"), Int(9)})), "9");
  EXPECT_EQ(Raised([&] { CallBuiltinNamed("getattr", {m, S("y")}); }),
            "AttributeError: 'module' object has no attribute 'y'");
  CallBuiltinNamed("delattr", {m, S("x")});
  EXPECT_EQ(CallBuiltinNamed("hasattr", {m, S("x")}), kFalse);
  EXPECT_EQ(Raised([&] { CallBuiltinNamed("getattr", {m, Int(1)}); }), "TypeError: attribute name must be string");
  // dir() of a module lists its globals.
  Value names = CallBuiltinNamed("dir", {Module("gc")});
  EXPECT_EQ(Repr(ApplyBinaryOp(BinaryOp::kIn, S("collect"), names)), "True");
  EXPECT_EQ(Repr(ApplyBinaryOp(BinaryOp::kIn, S("__name__"), names)), "True");
  // dir(type) lists its methods.
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kIn, S("with_traceback"), CallBuiltinNamed("dir", {Builtin("ValueError")})), kTrue);
}

TEST_F(BuiltinsTest, GlobalsAndLocalsAreTheMainModuleByDefault) {
  EXPECT_EQ(CallBuiltinNamed("globals", {}), ModuleGlobals(g_state.main_module));
  EXPECT_EQ(CallBuiltinNamed("locals", {}), g_state.globals);
  EXPECT_EQ(Str(DictLookup(g_state.globals, FromQstr(Q("__name__")))), "__main__");
}

// A zero-argument callable counting 1, 2, 3, ... for iter(f, sentinel).
SignedWord g_count = 0;
Value CountUp() { return FromSmallInt(++g_count); }
constexpr BuiltinFunction kCountUpFn(kNoQstr, CountUp);

TEST_F(BuiltinsTest, IterWithSentinelAndNext) {
  g_count = 0;
  Value it = CallBuiltinNamed("iter", {FromPointer(&kCountUpFn), Int(4)});
  EXPECT_EQ(Repr(CallBuiltinNamed("next", {it})), "1");
  EXPECT_EQ(Repr(CallBuiltinNamed("next", {it})), "2");
  EXPECT_EQ(Repr(CallBuiltinNamed("next", {it})), "3");
  EXPECT_EQ(CallBuiltinNamed("next", {it, kNone}), kNone);
  EXPECT_EQ(Raised([&] { CallBuiltinNamed("next", {it}); }), "StopIteration: ");
  EXPECT_EQ(g_count, 4);  // exhausted: no more calls
  Value list_it = CallBuiltinNamed("iter", {List({Int(8)})});
  EXPECT_EQ(Repr(CallBuiltinNamed("next", {list_it})), "8");
  EXPECT_EQ(Repr(CallBuiltinNamed("next", {list_it, S("done")})), "'done'");
}

TEST_F(BuiltinsTest, Sorted) {
  EXPECT_EQ(Repr(CallBuiltinNamed("sorted", {List({Int(3), Int(1), Int(2)})})), "[1, 2, 3]");
  EXPECT_EQ(Repr(CallBuiltinNamed("sorted", {List({Int(3), Int(-4), Int(1)})},
                                  {{"key", Builtin("abs")}, {"reverse", kTrue}})),
            "[-4, 3, 1]");
}

TEST_F(BuiltinsTest, PrintToStdout) {
  StdoutCapture out;
  CallBuiltinNamed("print", {Int(1), S("a"), kNone});
  CallBuiltinNamed("print", {Int(1), Int(2)}, {{"sep", S("-")}, {"end", S("!")}});
  CallBuiltinNamed("print", {});
  EXPECT_EQ(out.text, "1 a None\n1-2!\n");
}

TEST_F(BuiltinsTest, PrintToAFileObject) {
  Value file = NewFakeFile();
  StdoutCapture out;
  CallBuiltinNamed("print", {S("x"), Int(2)}, {{"file", file}, {"sep", S(", ")}});
  EXPECT_EQ(g_written, "x, 2\n");
  EXPECT_EQ(out.text, "");
  // sys.stdout replaced by the program: print follows it.
  StoreAttr(Module("sys"), Q("stdout"), file);
  CallBuiltinNamed("print", {S("redirected")});
  EXPECT_EQ(g_written, "x, 2\nredirected\n");
  EXPECT_EQ(Raised([] { CallBuiltinNamed("print", {}, {{"sep", Int(1)}}); }),
            "TypeError: sep must be None or a string");
}

// A stdin for input(): a module whose readline returns the next line.
std::vector<std::string> g_lines;
Value ReadLine() {
  if (g_lines.empty()) return S("");
  std::string line = g_lines.front();
  g_lines.erase(g_lines.begin());
  return NewStr(line.data(), line.size());
}
constexpr BuiltinFunction kReadLineFn(kNoQstr, ReadLine);

TEST_F(BuiltinsTest, InputReadsALineFromSysStdin) {
  Value fake_stdin = NewModule(Q("fakestdin"));
  DictStore(ModuleGlobals(fake_stdin), FromQstr(Q("readline")), FromPointer(&kReadLineFn));
  StoreAttr(Module("sys"), Q("stdin"), fake_stdin);
  g_lines = {"hello\n", "last"};
  StdoutCapture out;
  EXPECT_EQ(Str(CallBuiltinNamed("input", {S("? ")})), "hello");
  EXPECT_EQ(out.text, "? ");
  EXPECT_EQ(Str(CallBuiltinNamed("input", {})), "last");
  EXPECT_EQ(Raised([] { CallBuiltinNamed("input", {}); }), "EOFError: ");
}

// __build_class__ runs the body with g_state.locals set to the namespace.
Value ClassBody() {
  DictStore(g_state.locals, FromQstr(Q("answer")), FromSmallInt(42));
  return kNone;
}
constexpr BuiltinFunction kClassBodyFn(kNoQstr, ClassBody);
Value FakeMetaclass(Value name, Value bases, Value ns) { return Tuple({name, bases, ns}); }
constexpr BuiltinFunction kFakeMetaclassFn(kNoQstr, FakeMetaclass);

TEST_F(BuiltinsTest, BuildClassRunsTheBodyInANewNamespace) {
  Value saved_locals = g_state.locals;
  Value made = CallBuiltinNamed("__build_class__", {FromPointer(&kClassBodyFn), S("C"), Builtin("object")},
                                {{"metaclass", FromPointer(&kFakeMetaclassFn)}});
  EXPECT_EQ(Repr(made), "('C', (<class 'object'>,), {'answer': 42})");
  EXPECT_EQ(g_state.locals, saved_locals);
}

// --- Imports ------------------------------------------------------------------------

TEST_F(ModuleTest, BuiltinModulesAreImportedOnceAndCached) {
  Value sys = Module("sys");
  EXPECT_EQ(Repr(sys), "<module 'sys'>");
  EXPECT_EQ(Module("sys"), sys);
  EXPECT_EQ(DictLookup(g_state.modules, FromQstr(Q("sys"))), sys);
  EXPECT_EQ(LoadAttr(sys, Q("modules")), g_state.modules);
  for (const char* name : {"gc", "time", "micropython", "builtins"}) EXPECT_EQ(Str(LoadAttr(Module(name), Q("__name__"))), name);
  EXPECT_EQ(Raised([] { Module("nonexistent"); }), "ImportError: no module named 'nonexistent'");
  EXPECT_EQ(Raised([] { Module("sys.nothing"); }), "ImportError: no module named 'sys.nothing'");
  // __import__ is the same machinery.
  EXPECT_EQ(CallBuiltinNamed("__import__", {S("sys")}), sys);
}

// A loader providing the package `pkg` (with __path__), `pkg.sub` and
// `pkg.sub.leaf`, counting its calls.
int g_loads = 0;
Value TestLoader(Qstr full_name) {
  size_t length;
  std::string name = QstrData(full_name, &length);
  if (name != "pkg" && name != "pkg.sub" && name != "pkg.sub.leaf" && name != "pkg.other") return kNull;
  ++g_loads;
  Value module = NewModule(full_name);
  if (name != "pkg.sub.leaf" && name != "pkg.other") DictStore(ModuleGlobals(module), FromQstr(Q("__path__")), S(name.c_str()));
  DictStore(ModuleGlobals(module), FromQstr(Q("where")), S(name.c_str()));
  DictStore(ModuleGlobals(module), FromQstr(Q("_private")), kTrue);
  return module;
}

TEST_F(ModuleTest, DottedImportsReturnTheTopPackageUnlessThereIsAFromlist) {
  g_loads = 0;
  SetModuleLoader(TestLoader);
  Value top = ImportName(Q("pkg.sub.leaf"), kNull, 0);
  EXPECT_EQ(Str(LoadAttr(top, Q("where"))), "pkg");
  EXPECT_EQ(g_loads, 3);
  Value leaf = ImportName(Q("pkg.sub.leaf"), Tuple({S("where")}), 0);
  EXPECT_EQ(Str(LoadAttr(leaf, Q("where"))), "pkg.sub.leaf");
  EXPECT_EQ(g_loads, 3);  // all cached in sys.modules
  // Each submodule is an attribute of its parent.
  EXPECT_EQ(LoadAttr(LoadAttr(top, Q("sub")), Q("leaf")), leaf);
  EXPECT_EQ(ImportName(Q("pkg.sub"), Tuple({}), 0), top);  // an empty fromlist
  SetModuleLoader(nullptr);
}

TEST_F(ModuleTest, RelativeImports) {
  SetModuleLoader(TestLoader);
  Value sub = ImportName(Q("pkg.sub"), kTrue, 0);
  Value leaf = ImportName(Q("pkg.sub.leaf"), kTrue, 0);
  // From inside the module pkg.sub.leaf: `from . import x` is pkg.sub,
  // `from .. import other` imports pkg.other.
  g_state.globals = ModuleGlobals(leaf);
  EXPECT_EQ(ImportName(kEmptyQstr, Tuple({S("x")}), 1), sub);
  Value other = ImportName(Q("other"), Tuple({S("x")}), 2);
  EXPECT_EQ(Str(LoadAttr(other, Q("where"))), "pkg.other");
  // From the package pkg.sub itself (it has __path__), `.leaf` is inside it.
  g_state.globals = ModuleGlobals(sub);
  EXPECT_EQ(ImportName(Q("leaf"), Tuple({S("x")}), 1), leaf);
  EXPECT_EQ(Raised([] { ImportName(Q("x"), kNull, 4); }), "ImportError: can't perform relative import");
  // __main__ is not in a package.
  g_state.globals = ModuleGlobals(g_state.main_module);
  EXPECT_EQ(Raised([] { ImportName(Q("x"), kNull, 1); }), "ImportError: can't perform relative import");
  SetModuleLoader(nullptr);
}

TEST_F(ModuleTest, ImportFromAndImportAll) {
  SetModuleLoader(TestLoader);
  Value pkg = ImportName(Q("pkg"), kNull, 0);
  // `from pkg import other` imports the submodule.
  Value other = ImportFrom(pkg, Q("other"));
  EXPECT_EQ(Str(LoadAttr(other, Q("where"))), "pkg.other");
  EXPECT_EQ(Raised([&] { ImportFrom(pkg, Q("missing")); }), "ImportError: no module named 'pkg.missing'");
  EXPECT_EQ(Raised([&] { ImportFrom(other, Q("missing")); }), "ImportError: cannot import name missing");
  Value dest = NewDict(4);
  ImportAll(other, dest);
  EXPECT_NE(DictLookup(dest, FromQstr(Q("where"))), kNull);
  EXPECT_EQ(DictLookup(dest, FromQstr(Q("_private"))), kNull);
  // __all__, when present, is the list of names.
  StoreAttr(other, Q("__all__"), List({S("_private")}));
  Value chosen = NewDict(4);
  ImportAll(other, chosen);
  EXPECT_EQ(Repr(chosen), "{'_private': True}");
  SetModuleLoader(nullptr);
}

// --- sys ------------------------------------------------------------------------------

TEST_F(ModuleTest, SysAttributes) {
  Value sys = Module("sys");
  char arg0[] = "prog", arg1[] = "x\xC3\xA9";
  char* argv[] = {arg0, arg1};
  SysSetArgv(2, argv);
  EXPECT_EQ(Repr(LoadAttr(sys, Q("argv"))), "['prog', 'x\xC3\xA9']");
  EXPECT_EQ(Repr(LoadAttr(sys, Q("path"))), "['', '.frozen']");
  EXPECT_EQ(Str(LoadAttr(sys, Q("byteorder"))), "little");
  EXPECT_EQ(Str(LoadAttr(sys, Q("platform"))), "linux");
  EXPECT_EQ(Repr(LoadAttr(sys, Q("maxsize"))), "9223372036854775807");
  EXPECT_EQ(Repr(LoadAttr(sys, Q("version_info"))), "(3, 4, 0)");
  EXPECT_EQ(Str(LoadAttr(sys, Q("version"))).substr(0, 13), "3.4.0; Taipan");
  Value impl = LoadAttr(sys, Q("implementation"));
  EXPECT_EQ(Str(LoadAttr(impl, Q("name"))), "micropython");
  EXPECT_EQ(Repr(LoadAttr(impl, Q("_mpy"))), "2822");  // 6 | 3 << 8 | x64 (2) << 10
  EXPECT_EQ(Repr(impl), "(name='micropython', version=(1, 28, 0, ''), _machine='Taipan on x86_64', _mpy=2822)");
  EXPECT_EQ(Repr(LoadSubscr(impl, FromSmallInt(0))), "'micropython'");
  EXPECT_EQ(Repr(LoadAttr(sys, Q("stdout"))), "<io.TextIOWrapper 1>");
}

TEST_F(ModuleTest, SysExitRaisesSystemExit) {
  Value exc = Catch([] { CallModule("sys", "exit", {Int(3)}); });
  ASSERT_NE(exc, kNull);
  EXPECT_EQ(TypeOf(exc), &kSystemExitType);
  EXPECT_EQ(Repr(LoadAttr(exc, Q("code"))), "3");
  exc = Catch([] { CallModule("sys", "exit"); });
  EXPECT_EQ(LoadAttr(exc, Q("code")), kNone);
}

TEST_F(ModuleTest, SysStdoutWritesThroughTheConsolePrinter) {
  StdoutCapture out;
  Value hi = S("hi");
  Value written = CallMethod(LoadAttr(Module("sys"), Q("stdout")), Q("write"), 1, &hi);
  EXPECT_EQ(Repr(written), "2");
  EXPECT_EQ(out.text, "hi");
  EXPECT_EQ(Raised([&] { CallMethod(SysStdin(), Q("write"), 1, &hi); }),
            "OSError: [Errno 9] EBADF");
}

// --- gc -----------------------------------------------------------------------------

TEST_F(ModuleTest, GcMemoryFigures) {
  CallModule("gc", "collect");
  SignedWord free_before = IntToWord(CallModule("gc", "mem_free"));
  SignedWord alloc_before = IntToWord(CallModule("gc", "mem_alloc"));
  Value keep = List({});
  for (int i = 0; i < 100; ++i) ListAppend(keep, NewTuple(4, nullptr));
  SignedWord free_after = IntToWord(CallModule("gc", "mem_free"));
  EXPECT_LT(free_after, free_before);
  EXPECT_GT(IntToWord(CallModule("gc", "mem_alloc")), alloc_before);
  EXPECT_EQ(free_before + alloc_before, free_after + IntToWord(CallModule("gc", "mem_alloc")));
  EXPECT_EQ(AsList(keep)->length, 100u);
}

TEST_F(ModuleTest, GcSwitchesAndThreshold) {
  EXPECT_EQ(CallModule("gc", "isenabled"), kTrue);
  CallModule("gc", "disable");
  EXPECT_EQ(CallModule("gc", "isenabled"), kFalse);
  CallModule("gc", "enable");
  EXPECT_EQ(CallModule("gc", "isenabled"), kTrue);
  EXPECT_EQ(Repr(CallModule("gc", "threshold")), "-1");
  CallModule("gc", "threshold", {Int(4096)});
  EXPECT_EQ(Repr(CallModule("gc", "threshold")), "4096");
  CallModule("gc", "threshold", {Int(-1)});
  EXPECT_EQ(Repr(CallModule("gc", "threshold")), "-1");
}

// --- micropython ------------------------------------------------------------------------

TEST_F(ModuleTest, HeapLockMakesAllocationRaiseMemoryError) {
  Value lock = ModuleFn("micropython", "heap_lock");
  Value unlock = ModuleFn("micropython", "heap_unlock");
  Value locked = ModuleFn("micropython", "heap_locked");
  Call0(lock);
  Call0(lock);
  EXPECT_EQ(Call0(locked), FromSmallInt(2));
  Value exc = Catch([] { NewList(3, nullptr); });
  EXPECT_EQ(Call0(unlock), FromSmallInt(1));
  EXPECT_EQ(Call0(unlock), FromSmallInt(0));
  EXPECT_EQ(Call0(unlock), FromSmallInt(0));
  ASSERT_NE(exc, kNull);
  EXPECT_EQ(TypeOf(exc), &kMemoryErrorType);
  EXPECT_EQ(Repr(NewList(1, nullptr)), "[None]");
}

TEST_F(ModuleTest, MicropythonConstOptLevelAndEmergencyBuffer) {
  Value x = S("value");
  EXPECT_EQ(CallModule("micropython", "const", {x}), x);
  EXPECT_EQ(Repr(CallModule("micropython", "opt_level")), "0");
  CallModule("micropython", "opt_level", {Int(2)});
  EXPECT_EQ(Repr(CallModule("micropython", "opt_level")), "2");
  CallModule("micropython", "opt_level", {Int(0)});
  EXPECT_EQ(CallModule("micropython", "alloc_emergency_exception_buf", {Int(100)}), kNone);
}

TEST_F(ModuleTest, MemInfoPrintsMicroPythonsLayout) {
  StdoutCapture out;
  CallModule("micropython", "mem_info");
  EXPECT_EQ(out.text.substr(0, 7), "stack: ");
  EXPECT_NE(out.text.find("\nGC: total: "), std::string::npos);
  EXPECT_NE(out.text.find(", used: "), std::string::npos);
  EXPECT_NE(out.text.find(", free: "), std::string::npos);
  out.text.clear();
  CallModule("micropython", "qstr_info");
  EXPECT_EQ(out.text.substr(0, 17), "qstr pool: n_qstr");
}

std::string g_schedule_log;
Value LogArgument(Value arg) {
  g_schedule_log += Repr(arg) + ";";
  return kNone;
}
constexpr BuiltinFunction kLogArgumentFn(kNoQstr, LogArgument);

TEST_F(ModuleTest, ScheduleQueuesUntilRunScheduled) {
  g_schedule_log.clear();
  Value schedule = ModuleFn("micropython", "schedule");
  Value log = FromPointer(&kLogArgumentFn);
  Call2(schedule, log, Int(1));
  Call2(schedule, log, S("two"));
  EXPECT_EQ(g_schedule_log, "");
  RunScheduled();
  EXPECT_EQ(g_schedule_log, "1;'two';");
  RunScheduled();
  EXPECT_EQ(g_schedule_log, "1;'two';");
  for (int i = 0; i < 8; ++i) Call2(schedule, log, Int(i));
  EXPECT_EQ(Raised([&] { Call2(schedule, log, Int(9)); }), "RuntimeError: schedule queue full");
  RunScheduled();
  EXPECT_EQ(AsList(g_state.schedule_queue)->length, 0u);
}

// --- time ---------------------------------------------------------------------------

Value TicksDiff(SignedWord end, SignedWord start) { return CallModule("time", "ticks_diff", {Int(end), Int(start)}); }

TEST_F(ModuleTest, TicksArithmeticWrapsInAPeriodOf2To30) {
  const SignedWord period = SignedWord{1} << 30;
  EXPECT_EQ(TicksDiff(10, 3), FromSmallInt(7));
  EXPECT_EQ(TicksDiff(3, 10), FromSmallInt(-7));
  EXPECT_EQ(TicksDiff(5, period - 5), FromSmallInt(10));   // end wrapped past zero
  EXPECT_EQ(TicksDiff(period - 5, 5), FromSmallInt(-10));
  EXPECT_EQ(TicksDiff(period / 2, 0), FromSmallInt(-period / 2));  // the range is [-p/2, p/2)
  EXPECT_EQ(TicksDiff(period / 2 - 1, 0), FromSmallInt(period / 2 - 1));
  Value add = ModuleFn("time", "ticks_add");
  EXPECT_EQ(Call2(add, Int(period - 1), Int(3)), FromSmallInt(2));
  EXPECT_EQ(Call2(add, Int(2), Int(-3)), FromSmallInt(period - 1));
  EXPECT_EQ(Raised([&] { Call2(add, Int(0), Int(period / 2)); }), "OverflowError: ticks interval overflow");
  EXPECT_EQ(Raised([&] { Call2(add, Int(0), Int(-period / 2)); }), "OverflowError: ticks interval overflow");
  EXPECT_EQ(Call2(add, Int(0), Int(-period / 2 + 1)), FromSmallInt(period / 2 + 1));
}

TEST_F(ModuleTest, ClocksAndSleep) {
  SignedWord t0 = IntToWord(CallModule("time", "ticks_us"));
  CallModule("time", "sleep_ms", {Int(2)});
  SignedWord elapsed = SmallIntValue(TicksDiff(IntToWord(CallModule("time", "ticks_us")), t0));
  EXPECT_GE(elapsed, 2000);
  EXPECT_LT(elapsed, 2000000);
  SignedWord ms = IntToWord(CallModule("time", "ticks_ms"));
  EXPECT_GE(ms, 0);
  EXPECT_LT(ms, SignedWord{1} << 30);
  EXPECT_EQ(TypeOf(CallModule("time", "time")), &kFloatType);
  EXPECT_EQ(Repr(ApplyBinaryOp(BinaryOp::kMore, CallModule("time", "time"), Int(1600000000))), "True");
  EXPECT_EQ(Repr(ApplyBinaryOp(BinaryOp::kMore, CallModule("time", "time_ns"), NewIntFromLongLong(1600000000LL * 1000000000LL))), "True");
  CallModule("time", "sleep_us", {Int(10)});
  CallModule("time", "sleep", {Int(0)});
  EXPECT_EQ(Raised([] { CallModule("time", "sleep", {Int(-1)}); }), "ValueError: sleep length must be non-negative");
}

TEST_F(ModuleTest, CalendarConversions) {
  EXPECT_EQ(Repr(CallModule("time", "gmtime", {Int(0)})), "(1970, 1, 1, 0, 0, 0, 3, 1)");
  EXPECT_EQ(Repr(CallModule("time", "gmtime", {Int(951782400)})), "(2000, 2, 29, 0, 0, 0, 1, 60)");
  EXPECT_EQ(Repr(CallModule("time", "gmtime", {Int(-1)})), "(1969, 12, 31, 23, 59, 59, 2, 365)");
  EXPECT_EQ(Repr(CallModule("time", "localtime", {Int(4102444800)})), "(2100, 1, 1, 0, 0, 0, 4, 1)");
  EXPECT_EQ(Repr(CallModule("time", "mktime", {Tuple({Int(2000), Int(2), Int(29), Int(12), Int(30), Int(15), Int(0), Int(0)})})),
            "951827415");
  // Month 13 of 2024 is January 2025.
  EXPECT_EQ(Repr(CallModule("time", "mktime", {Tuple({Int(2024), Int(13), Int(1), Int(0), Int(0), Int(0), Int(0), Int(0)})})),
            "1735689600");
}

// --- Exceptions -------------------------------------------------------------------------

Value Exc(const Type* type, std::initializer_list<Value> args) { return NewException(type, args.size(), args.begin()); }

TEST_F(ExceptionTest, StrAndReprAsMicroPython) {
  EXPECT_EQ(Str(Exc(&kValueErrorType, {})), "");
  EXPECT_EQ(Repr(Exc(&kValueErrorType, {})), "ValueError()");
  EXPECT_EQ(Str(Exc(&kValueErrorType, {S("bad")})), "bad");
  EXPECT_EQ(Repr(Exc(&kValueErrorType, {S("bad")})), "ValueError('bad',)");
  EXPECT_EQ(Str(Exc(&kKeyErrorType, {Int(1), S("x")})), "(1, 'x')");
  EXPECT_EQ(Repr(Exc(&kKeyErrorType, {Int(1), S("x")})), "KeyError(1, 'x')");
}

TEST_F(ExceptionTest, OSErrorNamesKnownErrnos) {
  EXPECT_EQ(Str(Exc(&kOSErrorType, {Int(2)})), "[Errno 2] ENOENT");
  EXPECT_EQ(Str(Exc(&kOSErrorType, {Int(110), S("no reply")})), "[Errno 110] ETIMEDOUT: no reply");
  EXPECT_EQ(Str(Exc(&kOSErrorType, {Int(9999)})), "9999");
  EXPECT_EQ(Str(Exc(&kOSErrorType, {Int(2), S("a"), S("b")})), "(2, 'a', 'b')");
  EXPECT_EQ(Repr(Exc(&kOSErrorType, {Int(2)})), "OSError(2,)");
  EXPECT_EQ(Raised([] { RaiseOSError(13); }), "OSError: [Errno 13] EACCES");
  EXPECT_EQ(Str(Exc(&kFileNotFoundErrorType, {Int(2), S("f.txt")})), "[Errno 2] ENOENT: f.txt");
  Value e = Exc(&kOSErrorType, {Int(2), S("gone")});
  EXPECT_EQ(Repr(LoadAttr(e, Q("errno"))), "2");
  EXPECT_EQ(Repr(LoadAttr(e, Q("strerror"))), "'gone'");
}

TEST_F(ExceptionTest, Attributes) {
  Value e = Exc(&kStopIterationType, {Int(5)});
  EXPECT_EQ(Repr(LoadAttr(e, Q("args"))), "(5,)");
  EXPECT_EQ(Repr(LoadAttr(e, Q("value"))), "5");
  EXPECT_EQ(LoadAttr(Exc(&kStopIterationType, {}), Q("value")), kNone);
  Value method[2];
  LoadMethod(e, Q("with_traceback"), method);
  Value args[2] = {method[1], kNone};
  EXPECT_EQ(Call(method[0], 2, 0, args), e);
  EXPECT_EQ(TypeOf(g_state.keyboard_interrupt), &kKeyboardInterruptType);
}

TEST_F(ExceptionTest, PrintExceptionWithTraceback) {
  Value e = Exc(&kValueErrorType, {S("bad value")});
  // Entries are added as the exception leaves each frame: innermost first.
  TracebackAdd(e, Q("lib.py"), 7, Q("inner"));
  TracebackAdd(e, Q("main.py"), 3, Q("<module>"));
  StdoutCapture out;
  CallModule("sys", "print_exception", {e});
  EXPECT_EQ(out.text,
            "Traceback (most recent call last):\n"
            "  File \"main.py\", line 3, in <module>\n"
            "  File \"lib.py\", line 7, in inner\n"
            "ValueError: bad value\n");
  // To a file object, and without a traceback.
  Value file = NewFakeFile();
  CallModule("sys", "print_exception", {Exc(&kTypeErrorType, {}), file});
  EXPECT_EQ(g_written, "TypeError: \n");
}

}  // namespace
}  // namespace taipan::rt::testing
