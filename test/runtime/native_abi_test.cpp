// The runtime side of natively compiled code (runtime/native_abi.h): the
// helpers called directly, and the call path through hand-written "native
// entries" attached to the raw codes of a hand-made .mpy — they read their
// bound arguments from the frame as generated code does, and every call is
// checked against the same raw code run as bytecode.
#include <gtest/gtest.h>

#include <stdint.h>

#include <string>
#include <vector>

#include "runtime/bytecode.h"
#include "runtime/dict.h"
#include "runtime/function.h"
#include "runtime/gc.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/print.h"
#include "runtime/native_abi.h"
#include "runtime/qstr.h"
#include "runtime/state.h"
#include "runtime/tuple.h"
#include "runtime/vm.h"
#include "test/runtime/mpy_builder.h"
#include "test/runtime/runtime_test.h"

namespace taipan::rt::testing {
namespace {

using namespace bytecode;
using namespace native_abi;

// ---- a hand-made .mpy ----

enum : size_t { kQSource, kQModule, kQf, kQg, kQh, kQbig, kQinner, kQa, kQb, kQk, kQc, kQx, kQz, kQCount };
const char* const kQstrText[] = {"test.py", "<module>", "f", "g", "h", "big", "inner", "a", "b", "k", "c", "x", "z"};

// The raw codes in pre-order: 0 the module, 1 f, 2 inner (f's child), 3 g,
// 4 h, 5 big.
enum : size_t { kRawModule, kRawF, kRawInner, kRawG, kRawH, kRawBig, kRawCount };

// x = 42; return None
Bytes ModuleBody() {
  Bytes code;
  code.push_back(kOp_LOAD_CONST_SMALL_INT);
  uint8_t buf[16];
  code.insert(code.end(), buf, buf + EncodeSint(buf, 42));
  code.push_back(kOp_STORE_NAME);
  PutUint(&code, kQx);
  code.push_back(kOp_LOAD_CONST_NONE);
  code.push_back(kOp_RETURN_VALUE);
  return code;
}

// def f(a, b=10, *args, k=20, **kw): return (a, b, k, args, kw)
// (with a nested function, for the pre-order numbering)
Bytes EncodeF() {
  RawCodeSpec inner;
  inner.name = kQinner;
  inner.opcodes = {kOp_LOAD_CONST_NONE, kOp_RETURN_VALUE};
  RawCodeSpec spec;
  spec.sig.n_state = 10;
  spec.sig.scope_flags = kScopeVarArgs | kScopeVarKeywords | kScopeDefKwArgs;
  spec.sig.n_pos_args = 2;
  spec.sig.n_kwonly_args = 1;
  spec.sig.n_def_pos_args = 1;
  spec.name = kQf;
  spec.arg_names = {kQa, kQb, kQk};
  for (uint8_t local = 0; local < 5; ++local) spec.opcodes.push_back(kOp_LOAD_FAST_MULTI + local);
  spec.opcodes.insert(spec.opcodes.end(), {kOp_BUILD_TUPLE, 5, kOp_RETURN_VALUE});
  spec.children = {EncodeRawCode(inner)};
  return EncodeRawCode(spec);
}

// A closure over c: def g(x): return (c, x)
Bytes EncodeG() {
  RawCodeSpec spec;
  spec.sig.n_state = 4;
  spec.sig.n_pos_args = 2;  // the closed-over cell comes first
  spec.name = kQg;
  spec.arg_names = {kQc, kQx};
  spec.opcodes = {kOp_LOAD_DEREF, 0, kOp_LOAD_FAST_MULTI + 1, kOp_BUILD_TUPLE, 2, kOp_RETURN_VALUE};
  return EncodeRawCode(spec);
}

// A cell parameter: def h(a): (def inner(): a); return a
Bytes EncodeH() {
  RawCodeSpec spec;
  spec.sig.n_state = 2;
  spec.sig.n_pos_args = 1;
  spec.name = kQh;
  spec.arg_names = {kQa};
  spec.cells = {0};
  spec.opcodes = {kOp_LOAD_DEREF, 0, kOp_RETURN_VALUE};
  return EncodeRawCode(spec);
}

// A frame too big for the C stack: def big(a): return a
Bytes EncodeBig() {
  RawCodeSpec spec;
  spec.sig.n_state = 300;
  spec.sig.n_pos_args = 1;
  spec.name = kQbig;
  spec.arg_names = {kQa};
  spec.opcodes = {kOp_LOAD_FAST_MULTI + 0, kOp_RETURN_VALUE};
  return EncodeRawCode(spec);
}

Bytes TestMpy() {
  Bytes out{'M', 6, 0, 31};
  PutUint(&out, kQCount);
  PutUint(&out, 0);  // objects
  for (const char* text : kQstrText) PutQstr(&out, text);
  RawCodeSpec module;
  module.sig.n_state = 1;
  module.name = kQModule;
  module.opcodes = ModuleBody();
  module.children = {EncodeF(), EncodeG(), EncodeH(), EncodeBig()};
  Bytes code = EncodeRawCode(module);
  out.insert(out.end(), code.begin(), code.end());
  return out;
}

// ---- fake native entries ----

// What the entries saw, for the tests to check.
BytecodeFunction* g_entry_self;
Value g_entry_globals;
ModuleContext* g_module_context;  // NativeModuleCode::context of the test table

// Reads the n bound slots into a tuple, as generated code reads its
// parameters: slot i is local0[-i].
Value SlotsTuple(Value* local0, size_t n) {
  Value items[8];
  for (size_t i = 0; i < n; ++i) items[i] = local0[-static_cast<SignedWord>(i)];
  return NewTuple(n, items);
}

Value FEntry(BytecodeFunction* self, Value* local0) {
  g_entry_self = self;
  g_entry_globals = g_state.globals;
  return SlotsTuple(local0, 5);
}

Value GEntry(BytecodeFunction* self, Value* local0) {
  g_entry_self = self;
  Value items[2] = {CellGet(local0[0]), local0[-1]};
  return NewTuple(2, items);
}

Value HEntry(BytecodeFunction*, Value* local0) {
  if (!IsObject(local0[0]) || TypeOf(local0[0]) != &kCellType) return FromQstr(Q_cell);  // not wrapped
  return CellGet(local0[0]);
}

// An entry whose argument guards always fail.
Value FallbackEntry(BytecodeFunction* self, Value* local0) { return taipan_native_run_bytecode(self, local0); }

Value RaisingEntry(BytecodeFunction*, Value*) {
  g_entry_globals = g_state.globals;
  RaiseValueError("from native code");
}

// x = 42 through the module context, as a native module body does.
Value ModuleEntry(BytecodeFunction* self, Value*) {
  g_entry_globals = g_state.globals;
  GlobalCache cache{};
  taipan_native_store_global_cached(g_module_context, static_cast<W>(g_module_context->qstr_table[kQx]),
                                    FromSmallInt(42), &cache);
  return kNone;
}

// h(a) calling h(a) until the stack guard stops it.
Value RecursingEntry(BytecodeFunction* self, Value* local0) {
  taipan_native_check_stack();
  return taipan_native_call(FromPointer(self), 1, 0, local0);
}

const NativeEntry kEntries[kRawCount] = {ModuleEntry, FEntry, nullptr, GEntry, HEntry, FallbackEntry};
const NativeModuleCode kTable = {kRawCount, kEntries, &g_module_context};

class NativeAbiTest : public RuntimeTest {
 protected:
  void SetUp() override {
    RuntimeTest::SetUp();
    g_module_context = nullptr;
    mpy_ = TestMpy();
    // The fixture is not on the stack the collector scans.
    gc_add_root(reinterpret_cast<void**>(&module_), 3);
  }

  // Loads the test module (with kTable) into a new module.
  void Load() {
    module_ = NewModule(QstrIntern("native_test", 11));
    ASSERT_EQ(Raised([&] { context_ = LoadMpy(mpy_.data(), mpy_.size(), false, module_, &top_, &kTable); }),
              "no exception");
  }

  RawCode* Raw(size_t index) {
    switch (index) {
      case kRawModule: return top_;
      case kRawF: return top_->children[0];
      case kRawInner: return top_->children[0]->children[0];
      default: return top_->children[index - kRawG + 1];
    }
  }

  Value Q(size_t index) { return FromQstr(context_->qstr_table[index]); }

  // f made the way generated code makes it: defaults (10,), {'k': 20}.
  Value MakeF() {
    Value ten = FromSmallInt(10);
    Value kw = NewDict(1);
    DictStore(kw, Q(kQk), FromSmallInt(20));
    return taipan_native_make_function(context_, kRawF, NewTuple(1, &ten), kw, 0, nullptr);
  }

  // repr of what calling fn gives (or the exception), with raw's native
  // code set to `entry`.
  std::string CallWith(RawCode* raw, NativeEntry entry, Value fn, size_t n_args, size_t n_kw,
                       std::vector<Value> args) {
    raw->native = entry;
    Value result = kNull;
    std::string raised = Raised([&] { result = taipan_native_call(fn, n_args, n_kw, args.data()); });
    return raised == "no exception" ? Repr(result) : raised;
  }

  // The same call as native code, as native code whose guards fail, and as
  // bytecode: all three must agree; returns what they give.
  std::string CallAllWays(RawCode* raw, NativeEntry entry, Value fn, size_t n_args, size_t n_kw,
                          std::vector<Value> args) {
    std::string native = CallWith(raw, entry, fn, n_args, n_kw, args);
    EXPECT_EQ(CallWith(raw, FallbackEntry, fn, n_args, n_kw, args), native);
    EXPECT_EQ(CallWith(raw, nullptr, fn, n_args, n_kw, args), native);
    raw->native = entry;
    return native;
  }

  // GC roots, in this order (see SetUp).
  Value module_ = kNull;
  ModuleContext* context_ = nullptr;
  RawCode* top_ = nullptr;
  Bytes mpy_;
};

// ---- the ABI's symbols and layouts ----

TEST_F(NativeAbiTest, TypeSymbolsAreTheRuntimeTypes) {
#define TAIPAN_ABI_TYPE(name, type) EXPECT_EQ(&taipan_native_type_##name, &type) << #name;
#include "runtime/native_abi.def"
}

TEST_F(NativeAbiTest, EveryHelperIsDefined) {
  // Taking every address makes the link fail for a missing definition.
  const void* helpers[] = {
#define TAIPAN_ABI(name, result, ...) reinterpret_cast<const void*>(&taipan_native_##name),
#define TAIPAN_ABI_NORETURN(name, ...) reinterpret_cast<const void*>(&taipan_native_##name),
#include "runtime/native_abi.def"
  };
  for (const void* helper : helpers) EXPECT_NE(helper, nullptr);
}

// ---- loading native code ----

TEST_F(NativeAbiTest, LoadAttachesEntriesInPreOrder) {
  Load();
  for (size_t i = 0; i < kRawCount; ++i) {
    EXPECT_EQ(Raw(i)->native, kEntries[i]) << i;
    EXPECT_EQ(context_->raw_codes[i], Raw(i)) << i;  // what native make_function reads
  }
  EXPECT_EQ(g_module_context, context_);
}

TEST_F(NativeAbiTest, LoadRefusesATableOfAnotherSize) {
  for (size_t n : {size_t{kRawCount - 1}, size_t{kRawCount + 1}}) {
    ModuleContext* slot = nullptr;
    NativeEntry entries[kRawCount + 1] = {};
    NativeModuleCode table = {n, entries, &slot};
    RawCode* top;
    std::string expected = "ValueError: malformed .mpy file: its native code table has " + std::to_string(n) +
                           " entries for 6 raw codes";
    EXPECT_EQ(Raised([&] { LoadMpy(mpy_.data(), mpy_.size(), false, NewModule(Q___main__), &top, &table); }),
              expected);
    EXPECT_EQ(slot, nullptr);
  }
}

// Drops every reference the test's frame may hold, then collects.
[[gnu::noinline]] void CollectGarbage() {
  for (int i = 0; i < 100; ++i) NewList(20, nullptr);
  gc_collect();
}

// Loads the module in a frame of its own, which is gone by the collection.
[[gnu::noinline]] void LoadAndForget(const Bytes& mpy) {
  RawCode* top;
  LoadMpy(mpy.data(), mpy.size(), false, NewModule(Q___main__), &top, &kTable);
}

TEST_F(NativeAbiTest, LoadKeepsTheContextAlive) {
  // Native code reaches the context through the table only.
  LoadAndForget(mpy_);
  CollectGarbage();
  ASSERT_NE(g_module_context, nullptr);
  EXPECT_GT(gc_nbytes(g_module_context), 0u);
  EXPECT_EQ(g_module_context->base.type, &kModuleContextType);
  size_t length;
  EXPECT_STREQ(QstrData(g_module_context->qstr_table[kQSource], &length), "test.py");
}

TEST_F(NativeAbiTest, FrozenModulesPassTheirNativeCode) {
  static FrozenModule frozen[1];
  frozen[0] = {"native_frozen", mpy_.data(), mpy_.size(), false, &kTable};
  UseFrozenModules(frozen, 1);
  g_entry_globals = kNull;
  Value module = kNull;
  ASSERT_EQ(Raised([&] { module = ImportName(QstrIntern("native_frozen", 13), kNull, 0); }), "no exception");
  EXPECT_EQ(g_entry_globals, ModuleGlobals(module));  // the native body ran
  EXPECT_EQ(Repr(DictLookup(ModuleGlobals(module), FromQstr(QstrIntern("x", 1)))), "42");
  SetModuleLoader(nullptr);  // the other tests' default
}

// ---- module bodies ----

TEST_F(NativeAbiTest, RunsANativeModuleBody) {
  Load();
  Value outer = NewDict(0);
  g_state.globals = outer;
  for (NativeEntry entry : {NativeEntry{ModuleEntry}, NativeEntry{FallbackEntry}, NativeEntry{nullptr}}) {
    top_->native = entry;
    DictRemove(ModuleGlobals(module_), Q(kQx));
    EXPECT_EQ(Raised([&] { RunModuleCode(context_, top_); }), "no exception");
    EXPECT_EQ(Repr(DictLookup(ModuleGlobals(module_), Q(kQx))), "42");
    EXPECT_EQ(g_state.globals, outer);
  }
  top_->native = ModuleEntry;
  RunModuleCode(context_, top_);
  EXPECT_EQ(g_entry_globals, ModuleGlobals(module_));
  // Globals and locals come back when the body raises too.
  top_->native = RaisingEntry;
  g_state.locals = outer;
  EXPECT_EQ(Raised([&] { RunModuleCode(context_, top_); }), "ValueError: from native code");
  EXPECT_EQ(g_entry_globals, ModuleGlobals(module_));
  EXPECT_EQ(g_state.globals, outer);
  EXPECT_EQ(g_state.locals, outer);
  g_state.locals = kNull;
}

// ---- calls ----

TEST_F(NativeAbiTest, CallsBindArgumentsAsTheVmDoes) {
  Load();
  RawCode* f = Raw(kRawF);
  Value fn = MakeF();
  Value one = FromSmallInt(1), two = FromSmallInt(2), three = FromSmallInt(3), four = FromSmallInt(4);
  EXPECT_EQ(CallAllWays(f, FEntry, fn, 1, 0, {one}), "(1, 10, 20, (), {})");
  EXPECT_EQ(CallAllWays(f, FEntry, fn, 2, 0, {one, two}), "(1, 2, 20, (), {})");
  EXPECT_EQ(CallAllWays(f, FEntry, fn, 4, 2, {one, two, three, four, Q(kQk), FromSmallInt(5), Q(kQz), FromSmallInt(6)}),
            "(1, 2, 5, (3, 4), {'z': 6})");
  EXPECT_EQ(CallAllWays(f, FEntry, fn, 0, 2, {Q(kQb), two, Q(kQa), one}), "(1, 2, 20, (), {})");
  EXPECT_EQ(CallAllWays(f, FEntry, fn, 1, 1, {one, Q(kQa), two}),
            "TypeError: function got multiple values for argument 'a'");
  EXPECT_EQ(CallAllWays(f, FEntry, fn, 0, 0, {}).rfind("TypeError: function missing required positional", 0), 0u);
  // The entry gets the function itself and runs in its module's globals.
  g_state.globals = NewDict(0);
  CallWith(f, FEntry, fn, 1, 0, {one});
  EXPECT_EQ(g_entry_self, ObjectPointer<BytecodeFunction>(fn));
  EXPECT_EQ(g_entry_globals, ModuleGlobals(module_));
}

TEST_F(NativeAbiTest, CallsRestoreTheCallersGlobals) {
  Load();
  RawCode* f = Raw(kRawF);
  Value fn = MakeF();
  Value one = FromSmallInt(1);
  for (Value caller_globals : {NewDict(0), ModuleGlobals(module_)}) {
    g_state.globals = caller_globals;
    EXPECT_EQ(CallWith(f, FEntry, fn, 1, 0, {one}), "(1, 10, 20, (), {})");
    EXPECT_EQ(g_state.globals, caller_globals);
    EXPECT_EQ(CallWith(f, RaisingEntry, fn, 1, 0, {one}), "ValueError: from native code");
    EXPECT_EQ(g_entry_globals, ModuleGlobals(module_));
    EXPECT_EQ(g_state.globals, caller_globals);
  }
}

TEST_F(NativeAbiTest, ClosuresGetTheirCellsFirst) {
  Load();
  Value cell = NewCell(FromSmallInt(100));
  Value closure = taipan_native_make_function(context_, kRawG, kNone, kNone, 1, &cell);
  EXPECT_EQ(TypeOf(closure), &kClosureType);
  EXPECT_EQ(CallAllWays(Raw(kRawG), GEntry, closure, 1, 0, {FromSmallInt(5)}), "(100, 5)");
  EXPECT_EQ(g_entry_self->raw, Raw(kRawG));  // the function, not the closure
  // A cell parameter arrives wrapped in a cell.
  Value h = taipan_native_make_function(context_, kRawH, kNone, kNone, 0, nullptr);
  EXPECT_EQ(CallAllWays(Raw(kRawH), HEntry, h, 1, 0, {FromSmallInt(7)}), "7");
}

TEST_F(NativeAbiTest, BigFramesRunBytecodeToo) {
  Load();
  Value big = taipan_native_make_function(context_, kRawBig, kNone, kNone, 0, nullptr);
  EXPECT_EQ(CallWith(Raw(kRawBig), FallbackEntry, big, 1, 0, {FromSmallInt(9)}), "9");
}

TEST_F(NativeAbiTest, DeepRecursionRaisesRuntimeError) {
  Load();
  Value h = taipan_native_make_function(context_, kRawH, kNone, kNone, 0, nullptr);
  EXPECT_EQ(CallWith(Raw(kRawH), RecursingEntry, h, 1, 0, {kNone}), "RuntimeError: maximum recursion depth exceeded");
}

TEST_F(NativeAbiTest, CallsWithKeywordsAndMethods) {
  Load();
  Raw(kRawF)->native = FEntry;
  Value fn = MakeF();
  Value args[] = {FromSmallInt(1), Q(kQk), FromSmallInt(3)};
  EXPECT_EQ(Repr(taipan_native_call(fn, 1, 1, args)), "(1, 10, 3, (), {})");
  // call_ex: positional from any iterable, keywords from a dict or None.
  Value kw = NewDict(1);
  DictStore(kw, Q(kQb), FromSmallInt(2));
  Value positional = NewList(1, args);
  EXPECT_EQ(Repr(taipan_native_call_ex(fn, positional, kw)), "(1, 2, 20, (), {})");
  EXPECT_EQ(Repr(taipan_native_call_ex(fn, positional, kNone)), "(1, 10, 20, (), {})");
  // A method (no bound method made) and a plain attribute that is called.
  Value list = NewList(0, nullptr);
  Value item = FromSmallInt(7);
  taipan_native_call_method(list, static_cast<W>(Q_append), 1, 0, &item);
  EXPECT_EQ(Repr(list), "[7]");
  DictStore(ModuleGlobals(module_), Q(kQf), fn);
  EXPECT_EQ(Repr(taipan_native_call_method(module_, static_cast<W>(context_->qstr_table[kQf]), 1, 0, &item)),
            "(7, 10, 20, (), {})");
  EXPECT_EQ(Raised([&] { taipan_native_call_method(list, static_cast<W>(Q_keys), 0, 0, nullptr); }),
            "AttributeError: 'list' object has no attribute 'keys'");
}

// ---- variables ----

TEST_F(NativeAbiTest, Globals) {
  Load();
  W x = static_cast<W>(context_->qstr_table[kQx]);
  GlobalCache cache{};
  GlobalCache store_cache{1000, 0};  // names no entry: the store refills it
  taipan_native_store_global_cached(context_, x, FromSmallInt(5), &store_cache);
  EXPECT_EQ(Repr(taipan_native_load_global_cached(context_, x, &cache)), "5");
  EXPECT_EQ(Repr(DictLookup(ModuleGlobals(module_), Q(kQx))), "5");
  // Both caches name x's entry in the globals.
  Map* globals = DictMap(ModuleGlobals(module_));
  EXPECT_EQ(cache.bits, 0u);
  ASSERT_LT(cache.index, globals->filled);
  EXPECT_EQ(globals->entries[cache.index].key, Q(kQx));
  EXPECT_EQ(store_cache.index, cache.index);
  EXPECT_EQ(store_cache.bits, 0u);
  taipan_native_delete_global(context_, x);
  EXPECT_EQ(Raised([&] { taipan_native_load_global_cached(context_, x, &cache); }),
            "NameError: name 'x' isn't defined");
  EXPECT_EQ(Raised([&] { taipan_native_delete_global(context_, x); }), "NameError: name 'x' isn't defined");
}

TEST_F(NativeAbiTest, BuiltinsThroughGlobalCaches) {
  Load();
  // Builtins come after the globals; the cache names len's entry in the
  // builtins with len's filter bits, which the globals lack.
  GlobalCache cache{};
  W len = static_cast<W>(Q_len);
  EXPECT_EQ(Repr(taipan_native_load_global_cached(context_, len, &cache)), "<function len>");
  auto* builtins = reinterpret_cast<Map*>(taipan_native_builtins_map);
  ASSERT_NE(builtins, nullptr);
  EXPECT_EQ(cache.bits, MapQstrFilterBits(FromQstr(Q_len)));
  ASSERT_LT(cache.index, builtins->filled);
  EXPECT_EQ(builtins->entries[cache.index].key, FromQstr(Q_len));
  Map* globals = DictMap(ModuleGlobals(module_));
  EXPECT_NE(globals->key_filter & cache.bits, cache.bits);
  // A global of the same name shadows the builtin: its bits are then in the
  // globals' filter (so the generated code misses) and the refill names it.
  GlobalCache store_cache{};
  taipan_native_store_global_cached(context_, len, FromSmallInt(9), &store_cache);
  EXPECT_EQ(globals->key_filter & cache.bits, cache.bits);
  EXPECT_EQ(Repr(taipan_native_load_global_cached(context_, len, &cache)), "9");
  EXPECT_EQ(cache.bits, 0u);
  taipan_native_delete_global(context_, len);
  EXPECT_EQ(Repr(taipan_native_load_global_cached(context_, len, &cache)), "<function len>");
}

TEST_F(NativeAbiTest, CellsAndUnboundVariables) {
  Value cell = taipan_native_new_cell(kNull);
  EXPECT_EQ(Raised([&] { taipan_native_cell_get(cell); }), "NameError: local variable referenced before assignment");
  taipan_native_cell_set(cell, FromSmallInt(3));
  EXPECT_EQ(Repr(taipan_native_cell_get(cell)), "3");
  EXPECT_EQ(Raised([&] { taipan_native_raise_unbound_local(static_cast<W>(Q_len)); }),
            "NameError: local variable referenced before assignment");
  EXPECT_EQ(Raised([&] { taipan_native_raise_unbound_free(static_cast<W>(Q_len)); }),
            "NameError: local variable referenced before assignment");
}

// ---- operators and conversions ----

TEST_F(NativeAbiTest, FloatHelpers) {
  EXPECT_EQ(taipan_native_float_floor_divide(7, 2), 3.0);
  EXPECT_EQ(taipan_native_float_floor_divide(-7, 2), -4.0);
  EXPECT_EQ(taipan_native_float_modulo(-7, 2), 1.0);
  EXPECT_EQ(taipan_native_float_modulo(7, -2), -1.0);
  EXPECT_EQ(Raised([] { taipan_native_float_floor_divide(1, 0); }), "ZeroDivisionError: divide by zero");
  EXPECT_EQ(Raised([] { taipan_native_float_modulo(1, 0); }), "ZeroDivisionError: divide by zero");
  EXPECT_EQ(Repr(taipan_native_float_power(2, 10)), "1024.0");
  EXPECT_EQ(Repr(taipan_native_float_power(-8, 0.5)), Repr(ApplyBinaryOp(BinaryOp::kPower, NewFloat(-8), NewFloat(0.5))));
  EXPECT_EQ(Raised([] { taipan_native_float_power(0, -1); }), "ZeroDivisionError: 0.0 to a negative power");
  EXPECT_EQ(Raised([] { taipan_native_raise_zero_division(); }), "ZeroDivisionError: divide by zero");
  EXPECT_EQ(Repr(taipan_native_box_float(1.5)), "1.5");
  EXPECT_EQ(taipan_native_unbox_float(NewFloat(2.5)), 2.5);
  EXPECT_EQ(taipan_native_unbox_float(FromSmallInt(3)), 3.0);
  EXPECT_EQ(taipan_native_unbox_float(kTrue), 1.0);
  EXPECT_EQ(Raised([] { taipan_native_unbox_float(S("x")); }), "TypeError: can't convert str to float");
}

TEST_F(NativeAbiTest, OperatorsAndConversions) {
  EXPECT_EQ(Repr(taipan_native_binary_op(static_cast<U>(BinaryOp::kAdd), FromSmallInt(2), FromSmallInt(3))), "5");
  EXPECT_EQ(Repr(taipan_native_unary_op(static_cast<U>(UnaryOp::kNegative), FromSmallInt(2))), "-2");
  EXPECT_TRUE(taipan_native_is_true(S("x")));
  EXPECT_FALSE(taipan_native_is_true(NewList(0, nullptr)));
  EXPECT_EQ(Repr(taipan_native_to_index(FromSmallInt(5))), "5");
  EXPECT_EQ(Repr(taipan_native_to_index(kTrue)), "1");
  Value big = ApplyBinaryOp(BinaryOp::kPower, FromSmallInt(2), FromSmallInt(100));
  EXPECT_EQ(taipan_native_to_index(big), big);
  EXPECT_EQ(Raised([] { taipan_native_to_index(S("x")); }), "TypeError: 'str' object cannot be interpreted as an integer");
  EXPECT_EQ(Raised([] { taipan_native_raise_type_error(const_cast<char*>("bad operand")); }), "TypeError: bad operand");
  EXPECT_EQ(Raised([] { taipan_native_raise_index_error(const_cast<char*>("list index out of range")); }),
            "IndexError: list index out of range");
}

// ---- containers ----

TEST_F(NativeAbiTest, Containers) {
  Value items[] = {FromSmallInt(1), FromSmallInt(2), FromSmallInt(3), FromSmallInt(4)};
  EXPECT_EQ(Repr(taipan_native_build_tuple(3, items)), "(1, 2, 3)");
  Value list = taipan_native_build_list(2, items);
  taipan_native_list_append(list, FromSmallInt(5));
  taipan_native_list_extend(list, taipan_native_build_tuple(2, items));
  EXPECT_EQ(Repr(list), "[1, 2, 5, 1, 2]");
  EXPECT_EQ(Repr(taipan_native_list_to_tuple(list)), "(1, 2, 5, 1, 2)");
  Value set = taipan_native_build_set(2, items);
  taipan_native_set_add(set, FromSmallInt(1));
  EXPECT_EQ(Repr(set), "{1, 2}");
  Value dict = taipan_native_build_dict(2, items);
  EXPECT_EQ(Repr(dict), "{1: 2, 3: 4}");
  taipan_native_dict_store(dict, FromSmallInt(5), FromSmallInt(6));
  taipan_native_dict_update(dict, taipan_native_build_dict(1, items + 2));
  EXPECT_EQ(Repr(dict), "{1: 2, 3: 4, 5: 6}");
  EXPECT_EQ(Repr(taipan_native_subscr(dict, FromSmallInt(5))), "6");
  EXPECT_EQ(Repr(taipan_native_dict_subscr(dict, FromSmallInt(3))), "4");
  EXPECT_EQ(Raised([&] { taipan_native_dict_subscr(dict, FromSmallInt(7)); }), "KeyError: 7");
  EXPECT_EQ(Repr(taipan_native_dict_get(dict, FromSmallInt(1), kNone)), "2");
  EXPECT_EQ(Repr(taipan_native_dict_get(dict, FromSmallInt(7), FromSmallInt(0))), "0");
  taipan_native_store_subscr(list, FromSmallInt(0), FromSmallInt(9));
  taipan_native_delete_subscr(list, FromSmallInt(1));
  EXPECT_EQ(Repr(list), "[9, 5, 1, 2]");
  EXPECT_EQ(Repr(taipan_native_subscr(list, taipan_native_build_slice(FromSmallInt(1), kNone, kNone))), "[5, 1, 2]");
  EXPECT_EQ(Repr(taipan_native_list_load_slice(list, kNone, kNone, FromSmallInt(-2))), "[2, 5]");
  taipan_native_list_store_slice(list, FromSmallInt(1), FromSmallInt(3), kNone, taipan_native_build_tuple(1, items));
  EXPECT_EQ(Repr(list), "[9, 1, 2]");
  EXPECT_EQ(Raised([&] { taipan_native_list_load_slice(list, kNone, kNone, FromSmallInt(0)); }),
            "ValueError: slice step cannot be zero");
  EXPECT_EQ(Raised([&] { taipan_native_list_store_slice(list, kNone, kNone, FromSmallInt(2), list); }),
            "ValueError: attempt to assign sequence of size 3 to extended slice of size 2");
  Value it = taipan_native_get_iter(taipan_native_build_tuple(1, items));
  EXPECT_EQ(Repr(taipan_native_iter_next(it)), "1");
  EXPECT_EQ(taipan_native_iter_next(it), kNull);
}

TEST_F(NativeAbiTest, Unpacking) {
  Value items[] = {FromSmallInt(1), FromSmallInt(2), FromSmallInt(3), FromSmallInt(4)};
  Value pair = NewTuple(2, items);
  EXPECT_EQ(taipan_native_unpack(pair, 2), pair);  // an exact tuple as it is
  EXPECT_EQ(Repr(taipan_native_unpack(NewList(3, items), 3)), "(1, 2, 3)");
  EXPECT_EQ(Repr(taipan_native_unpack(S("ab"), 2)), "('a', 'b')");
  EXPECT_EQ(Raised([&] { taipan_native_unpack(pair, 3); }), "ValueError: need more than 2 values to unpack");
  EXPECT_EQ(Raised([&] { taipan_native_unpack(NewList(3, items), 2); }),
            "ValueError: too many values to unpack (expected 2)");
  EXPECT_EQ(Raised([&] { taipan_native_unpack(S("abc"), 2); }), "ValueError: too many values to unpack (expected 2)");
  EXPECT_EQ(Raised([&] { taipan_native_unpack(FromSmallInt(1), 2); }), "TypeError: 'int' object isn't iterable");
  EXPECT_EQ(Repr(taipan_native_unpack_ex(NewList(4, items), 1, 1)), "(1, [2, 3], 4)");
  EXPECT_EQ(Repr(taipan_native_unpack_ex(pair, 2, 0)), "(1, 2, [])");
  EXPECT_EQ(Repr(taipan_native_unpack_ex(S("abc"), 0, 2)), "(['a'], 'b', 'c')");
  EXPECT_EQ(Raised([&] { taipan_native_unpack_ex(pair, 2, 1); }), "ValueError: need more than 2 values to unpack");
}

// ---- functions, classes, modules ----

TEST_F(NativeAbiTest, MakeFunction) {
  Load();
  Value f = MakeF();
  auto* fun = ObjectPointer<BytecodeFunction>(f);
  EXPECT_EQ(fun->raw, Raw(kRawF));
  EXPECT_EQ(fun->context, context_);
  EXPECT_EQ(Repr(fun->defaults), "(10,)");
  Value plain = taipan_native_make_function(context_, kRawG, kNone, kNone, 0, nullptr);
  EXPECT_EQ(ObjectPointer<BytecodeFunction>(plain)->defaults, kNull);
  EXPECT_EQ(ObjectPointer<BytecodeFunction>(plain)->kw_defaults, kNull);
}

TEST_F(NativeAbiTest, ClassesAndImports) {
  Load();
  EXPECT_EQ(taipan_native_load_build_class(), DictLookup(g_state.builtins, FromQstr(Q___build_class__)));
  Value sys = taipan_native_import_name(context_, static_cast<W>(Q_sys), kNone, FromSmallInt(0));
  EXPECT_EQ(Repr(sys), "<module 'sys'>");
  EXPECT_EQ(taipan_native_import_from(sys, static_cast<W>(Q_path)), g_state.sys_path);
  EXPECT_EQ(Raised([&] { taipan_native_import_from(sys, static_cast<W>(Q_len)); }),
            "ImportError: cannot import name len");
  Value micropython = taipan_native_import_name(context_, static_cast<W>(Q_micropython), kNone, FromSmallInt(0));
  taipan_native_import_star(context_, micropython);
  EXPECT_NE(DictLookup(ModuleGlobals(module_), FromQstr(Q_const)), kNull);
  EXPECT_EQ(Raised([&] { taipan_native_import_name(context_, static_cast<W>(Q_len), kNone, FromSmallInt(0)); }),
            "ImportError: no module named 'len'");
}

// ---- exceptions ----

TEST_F(NativeAbiTest, Exceptions) {
  Value value_error = FromType(&kValueErrorType);
  EXPECT_EQ(Raised([&] { taipan_native_raise(value_error); }), "ValueError: ");
  EXPECT_EQ(Raised([&] { taipan_native_raise(FromSmallInt(5)); }),
            "TypeError: exceptions must derive from BaseException");
  Value cause = NewExceptionWithMessage(&kKeyErrorType, "k");
  Value exc = Catch([&] { taipan_native_raise_from(value_error, cause); });
  EXPECT_EQ(ExceptionOf(exc)->cause, cause);
  // A re-raise keeps the traceback the exception has.
  Value caught = NewExceptionWithMessage(&kTypeErrorType, "t");
  TracebackAdd(caught, Q___main__, 3, Q___main__);
  EXPECT_EQ(Catch([&] { taipan_native_reraise(caught); }), caught);
  EXPECT_EQ(ExceptionOf(caught)->traceback_length, 1u);
  EXPECT_EQ(Raised([&] { taipan_native_reraise(kNull); }), "RuntimeError: no active exception to reraise");
  // Leaving a fused generator expression: PEP 479 for a StopIteration,
  // anything else unchanged.
  EXPECT_EQ(Catch([&] { taipan_native_reraise_leaving_generator(caught, nullptr); }), caught);
  Value stop = NewExceptionWithMessage(&kStopIterationType, "s");
  EXPECT_EQ(Raised([&] { taipan_native_reraise_leaving_generator(stop, nullptr); }),
            "RuntimeError: generator raised StopIteration");
  // except clauses.
  Value key_error = NewExceptionWithMessage(&kKeyErrorType, "k");
  EXPECT_TRUE(taipan_native_exception_match(key_error, FromType(&kLookupErrorType)));
  Value options[] = {FromType(&kTypeErrorType), FromType(&kKeyErrorType)};
  EXPECT_TRUE(taipan_native_exception_match(key_error, NewTuple(2, options)));
  EXPECT_FALSE(taipan_native_exception_match(key_error, value_error));
  EXPECT_EQ(Raised([&] { taipan_native_exception_match(key_error, FromSmallInt(1)); }),
            "TypeError: catching classes that do not inherit from BaseException is not allowed");
}

TEST_F(NativeAbiTest, EnterHandlerRestoresTheGlobals) {
  Load();
  g_state.globals = NewDict(0);
  NlrBuf buf;
  Value caught = kNull;
  if (taipan_nlr_push(&buf) == 0) {
    RaiseValueError("x");
  } else {
    caught = taipan_native_enter_handler(context_, &buf, nullptr);
  }
  EXPECT_EQ(Repr(caught), "ValueError('x',)");
  EXPECT_EQ(g_state.globals, ModuleGlobals(module_));
}

// Frame records (runtime/vm.h NativeFrame) as generated code links them.
class NativeFrameTest : public NativeAbiTest {
 protected:
  void Link(NativeFrame* frame, Word line) {
    *frame = NativeFrame{reinterpret_cast<NativeFrame*>(taipan_native_frames), &info_, line};
    taipan_native_frames = reinterpret_cast<Word>(frame);
  }
  std::string Traceback(Value exc) {
    StringBuilder text;
    PrintException(text.AsPrinter(), exc);
    return std::string(text.data, text.length);
  }
  // What an entry of a frame with `line` prints.
  std::string Entry(Word line) {
    size_t length;
    const char* file = QstrData(context_->qstr_table[0], &length);
    std::string entry = "  File \"" + std::string(file, length) + "\", line " + std::to_string(line) + ", in ";
    const char* name = QstrData(context_->qstr_table[1], &length);
    return entry + std::string(name, length) + "\n";
  }
  void TearDown() override {
    taipan_native_frames = 0;
    NativeAbiTest::TearDown();
  }
  NativeFunctionInfo info_{&context_, 1, 0};
};

TEST_F(NativeFrameTest, AJumpAddsTheFramesItLeavesInnermostFirst) {
  Load();
  NativeFrame outer, inner, below;
  Link(&below, 1);
  NlrBuf buf;
  Value caught = kNull;
  if (taipan_nlr_push(&buf) == 0) {
    Link(&outer, 20);
    Link(&inner, 30);
    RaiseValueError("x");
  } else {
    caught = FromPointer(buf.value);
  }
  // Cut back to the handler's frame, which the jump does not add.
  EXPECT_EQ(taipan_native_frames, reinterpret_cast<Word>(&below));
  EXPECT_EQ(Traceback(caught), "Traceback (most recent call last):\n" + Entry(20) + Entry(30) + "ValueError: x\n");
}

// A function whose tail calls jump back (info.tail_line) shows one entry
// at that line per jump, outside its own.
TEST_F(NativeFrameTest, ATailFrameAddsAnEntryPerJumpBackAtTheTailLine) {
  Load();
  NativeFunctionInfo looping{&context_, 1, 40};
  NativeFrame outer;
  NativeTailFrame tail;
  NlrBuf buf;
  Value caught = kNull;
  if (taipan_nlr_push(&buf) == 0) {
    Link(&outer, 20);
    Link(&tail.frame, 41);
    tail.frame.function = &looping;
    tail.repeats = 3;
    RaiseValueError("x");
  } else {
    caught = FromPointer(buf.value);
  }
  EXPECT_EQ(Traceback(caught), "Traceback (most recent call last):\n" + Entry(20) + Entry(40) + Entry(40) +
                                   Entry(40) + Entry(41) + "ValueError: x\n");
}

TEST_F(NativeFrameTest, TheHandlersFrameIsAddedOnceEvenWhenItReraises) {
  Load();
  NativeFrame frame;
  Link(&frame, 5);
  NlrBuf outer_buf;
  Value caught = kNull;
  if (taipan_nlr_push(&outer_buf) == 0) {
    NlrBuf buf;
    if (taipan_nlr_push(&buf) == 0) {
      RaiseValueError("x");
    } else {
      Value exc = taipan_native_enter_handler(context_, &buf, &frame);  // adds line 5
      frame.line = 6;
      taipan_native_reraise(exc);  // a bare raise: no second entry
    }
  } else {
    caught = taipan_native_enter_handler(context_, &outer_buf, &frame);
  }
  EXPECT_EQ(Traceback(caught), "Traceback (most recent call last):\n" + Entry(5) + "ValueError: x\n");
  // The next exception caught there gets its entry again.
  NlrBuf buf;
  if (taipan_nlr_push(&buf) == 0) {
    RaiseValueError("y");
  } else {
    caught = taipan_native_enter_handler(context_, &buf, &frame);
  }
  EXPECT_EQ(Traceback(caught), "Traceback (most recent call last):\n" + Entry(6) + "ValueError: y\n");
}

}  // namespace
}  // namespace taipan::rt::testing
