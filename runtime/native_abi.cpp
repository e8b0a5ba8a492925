// The helpers natively compiled code calls (native_abi.def): thin wrappers
// over the runtime's operations, with the VM's semantics and messages —
// where the VM has an operation of its own, it is the same function
// (vm.cpp exports those below), so that a program behaves the same whether
// a function was compiled natively or to bytecode.
#include "runtime/native_abi.h"

#include "runtime/builtins.h"
#include "runtime/class.h"
#include "runtime/dict.h"
#include "runtime/exception.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/runtime.h"
#include "runtime/set.h"
#include "runtime/slice.h"
#include "runtime/state.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/vm.h"
#include "runtime/vm_frame.h"

namespace taipan::rt {

// ---- the VM's own operations (vm.cpp) ----

// NameError "name 'x' isn't defined".
[[noreturn]] void VmRaiseNameError(Qstr name);
// NameError "local variable referenced before assignment" (also what
// reading an unbound cell raises).
[[noreturn]] void VmRaiseUnboundLocal();
// `name` in `globals`, then in builtins; NameError.
Value VmLoadGlobal(Value globals, Qstr name);
// del name from `dict`; NameError.
void VmDeleteName(Value dict, Qstr name);
// IMPORT_NAME, resolving relative imports against `globals`.
Value VmImport(Qstr name, Value fromlist, Value level, Value globals);
// LOAD_BUILD_CLASS: builtins.__build_class__.
Value VmLoadBuildClass();
[[noreturn]] void VmRaiseFrom(Value exc, Value cause);
// UNPACK_SEQUENCE / UNPACK_EX: the items in stack order (the first item
// last); the VM's ValueErrors.
void VmUnpackSequence(Value seq, size_t n, Value* out);
void VmUnpackEx(Value seq, size_t left, size_t right, Value* out);

namespace native_abi {

namespace {

Value GlobalsOf(void* context) { return ModuleGlobals(static_cast<ModuleContext*>(context)->module); }

// The VM frame VmSetupFrame bound `fun`'s arguments into, from the address
// of its local 0 (what a native entry is given).
VmFrame* FrameOfLocal0(BytecodeFunction* fun, Value* local0) {
  Value* state = local0 - (fun->raw->sig.n_state - 1);
  return reinterpret_cast<VmFrame*>(reinterpret_cast<char*>(state) - offsetof(VmFrame, state));
}

// Reverses n values in place (the VM's unpacking leaves them in stack order).
void Reverse(Value* items, size_t n) {
  for (size_t i = 0, j = n; i + 1 < j; ++i, --j) {
    Value t = items[i];
    items[i] = items[j - 1];
    items[j - 1] = t;
  }
}

// The native frame a bare raise (or a finally's re-raise) left: its
// traceback entry is there already, so the unwinding leaves it out.
const NativeFrame* g_reraising_frame = nullptr;

// The traceback entry of a native frame (as the VM adds one for each frame
// an exception passes through or is caught in; never for GeneratorExit,
// which closing a generator throws in).
void AddNativeTracebackEntry(Value exc, const NativeFrame* frame) {
  if (frame == g_reraising_frame) return;  // (a bare raise)
  const NativeFunctionInfo* function = frame->function;
  if (function == nullptr || *function->context == nullptr) return;
  if (!IsExceptionInstance(exc) || HasExactType(exc, &kGeneratorExitType)) return;
  const Qstr* qstrs = (*function->context)->qstr_table;
  TracebackAdd(exc, qstrs[0], frame->line, qstrs[function->name]);
  if (function->tail_line == 0) return;
  Word repeats = reinterpret_cast<const NativeTailFrame*>(frame)->repeats;
  for (Word i = 0; i < repeats; ++i) TracebackAdd(exc, qstrs[0], function->tail_line, qstrs[function->name]);
}

// None (what generated code passes for "no defaults") as the VM's kNull.
Value NullIfNone(Value v) { return v == kNone ? kNull : v; }

}  // namespace

void AddLeftNativeFrames(void* value, uintptr_t innermost, uintptr_t kept) {
  auto* stop = reinterpret_cast<const NativeFrame*>(kept);
  for (auto* frame = reinterpret_cast<const NativeFrame*>(innermost); frame != nullptr && frame != stop;
       frame = frame->prev)
    AddNativeTracebackEntry(FromPointer(value), frame);
  // A re-raise caught in its own frame: enter_handler there clears it.
  if (g_reraising_frame != stop) g_reraising_frame = nullptr;
}

extern "C" {

// ---- entry and frames ----

// All ones until VmCheckStack first ran: every check asks it until then.
Word taipan_native_stack_limit = ~Word{0};

N taipan_native_check_stack() { VmCheckStack(); }
// A frame a jump back stands for counts as this many words of stack (a
// frame of fib is 13 on x86-64): unbounded recursion still runs out.
constexpr Word kTailFrameWords = 8;

N taipan_native_check_tail_frames(W count) { VmCheckStackBelow(count * kTailFrameWords * sizeof(Word)); }

Word taipan_native_pending = 0;
N taipan_native_run_pending() { RunScheduled(); }

V taipan_native_enter_handler(P context, P buf, P frame) {
  // The code that raised may have run in another module's globals.
  g_state.globals = GlobalsOf(context);
  Value exc = FromPointer(static_cast<NlrBuf*>(buf)->value);
  // The VM adds the entry of the frame an exception is caught in too
  // (unless the frame re-raised it). A body without a record (-O3) adds
  // none. Either way the re-raise, if any, is over.
  auto* native_frame = static_cast<const NativeFrame*>(frame);
  if (native_frame != nullptr && native_frame != g_reraising_frame) AddNativeTracebackEntry(exc, native_frame);
  g_reraising_frame = nullptr;
  return exc;
}

V taipan_native_run_bytecode(P self, P local0) {
  // The arguments are bound already: start the frame as VmSetupFrame does,
  // without binding them again.
  auto* fun = static_cast<BytecodeFunction*>(self);
  VmFrame* frame = FrameOfLocal0(fun, static_cast<Value*>(local0));
  frame->ip = fun->raw->opcodes;
  frame->sp = frame->state - 1;
  frame->exc_sp = frame->exc_stack() - 1;
  Value result;
  if (VmExecute(frame, kNull, &result) != VmResult::kReturn) taipan_nlr_jump(reinterpret_cast<void*>(Bits(result)));
  return result;
}

// ---- variables ----

// The builtins dict's Map (the runtime's initialisation sets it).
Word taipan_native_builtins_map = 0;

V taipan_native_load_global_cached(P context, W name, P cache) {
  return LoadGlobalCached(GlobalsOf(context), static_cast<Qstr>(name), static_cast<GlobalCache*>(cache));
}

N taipan_native_store_global_cached(P context, W name, V value, P cache) {
  StoreGlobalCached(GlobalsOf(context), static_cast<Qstr>(name), value, static_cast<GlobalCache*>(cache));
}

N taipan_native_delete_global(P context, W name) { VmDeleteName(GlobalsOf(context), static_cast<Qstr>(name)); }

V taipan_native_new_cell(V contents) { return NewCell(contents); }

V taipan_native_cell_get(V cell) { return CellGet(cell); }

N taipan_native_cell_set(V cell, V value) { CellSet(cell, value); }

// The VM raises the same NameError for both, without the name.
[[noreturn]] void taipan_native_raise_unbound_local(W) { VmRaiseUnboundLocal(); }

[[noreturn]] void taipan_native_raise_unbound_free(W) { VmRaiseUnboundLocal(); }

// ---- attributes and calls ----

V taipan_native_load_attr(V obj, W name) { return LoadAttr(obj, static_cast<Qstr>(name)); }

N taipan_native_store_attr(V obj, W name, V value) { StoreAttr(obj, static_cast<Qstr>(name), value); }

N taipan_native_delete_attr(V obj, W name) { DeleteAttr(obj, static_cast<Qstr>(name)); }

V taipan_native_builtin_len(V callee, V v) { return BuiltinLen(callee, v); }
V taipan_native_builtin_ord(V callee, V ch) { return BuiltinOrd(callee, ch); }
V taipan_native_builtin_chr(V callee, V code) { return BuiltinChr(callee, code); }
V taipan_native_builtin_getattr(V callee, V obj, V name) { return BuiltinGetattr(callee, obj, name); }
V taipan_native_builtin_getattr_or(V callee, V obj, V name, V fallback) {
  return BuiltinGetattrOr(callee, obj, name, fallback);
}
V taipan_native_builtin_setattr(V callee, V obj, V name, V value) { return BuiltinSetattr(callee, obj, name, value); }
V taipan_native_builtin_hasattr(V callee, V obj, V name) { return BuiltinHasattr(callee, obj, name); }

V taipan_native_call(V fn, U n_args, U n_kw, P args) { return Call(fn, n_args, n_kw, static_cast<const Value*>(args)); }

V taipan_native_call_method(V obj, W name, U n_args, U n_kw, P args) {
  Value method[2];
  LoadMethod(obj, static_cast<Qstr>(name), method);
  const auto* values = static_cast<const Value*>(args);
  if (method[1] == kNull) return Call(method[0], n_args, n_kw, values);
  return CallWithSelf(method[0], method[1], n_args, n_kw, values);
}

V taipan_native_load_attr_cached(V obj, W name, P cache) {
  return LoadAttrCached(obj, static_cast<Qstr>(name), static_cast<AttrCache*>(cache));
}

N taipan_native_store_attr_cached(V obj, W name, V value, P cache) {
  StoreAttrCached(obj, static_cast<Qstr>(name), value, static_cast<AttrCache*>(cache));
}

V taipan_native_call_method_cached(V obj, W name, U n_args, U n_kw, P args, P cache) {
  Value method[2];
  LoadMethodCached(obj, static_cast<Qstr>(name), method, static_cast<AttrCache*>(cache));
  return taipan_native_call_resolved(method[0], method[1], n_args, n_kw, args);
}

V taipan_native_call_resolved(V fn, V self, U n_args, U n_kw, P args) {
  const auto* values = static_cast<const Value*>(args);
  if (self == kNull) return Call(fn, n_args, n_kw, values);
  return CallWithSelf(fn, self, n_args, n_kw, values);
}

V taipan_native_call_ex(V fn, V positional, V kwargs) {
  if (kwargs == kNone) {
    kwargs = kNull;
  } else if (!IsDict(kwargs)) {
    // **mapping: its keys and values, as the VM takes them.
    Value dict = NewDict(0);
    DictUpdate(dict, kwargs);
    kwargs = dict;
  }
  return CallWithStarArgs(fn, positional, kwargs);
}

// ---- operators and conversions ----

V taipan_native_binary_op(U op, V lhs, V rhs) {
  // Complex arithmetic through untyped values (an FFT's lists) is mostly
  // this: the generic dispatch would cost several times more.
  if (IsObject(lhs) && TypeOf(lhs) == &kComplexType) {
    Value complex = ComplexArithmetic(static_cast<BinaryOp>(op), lhs, rhs);
    if (complex != kNull) return complex;
  }
  return ApplyBinaryOp(static_cast<BinaryOp>(op), lhs, rhs);
}

V taipan_native_int_binary_op(U op, V lhs, V rhs) { return ExactIntBinaryOp(static_cast<BinaryOp>(op), lhs, rhs); }

B taipan_native_str_equal(V lhs, V rhs) { return PlainStrsEqual(lhs, rhs); }

W taipan_native_str_compare(V lhs, V rhs) { return PlainStrsCompare(lhs, rhs); }

V taipan_native_unary_op(U op, V value) { return ApplyUnaryOp(static_cast<UnaryOp>(op), value); }

B taipan_native_is_true(V value) { return IsTrue(value); }

V taipan_native_to_index(V value) {
  if (HasExactType(value, &kIntType)) return value;  // small or big
  SignedWord n = IndexValue(value);  // bool, int subclass, __index__
  return FitsSmallInt(n) ? FromSmallInt(n) : NewInt(n);
}

V taipan_native_box_float(F f) { return NewFloat(f); }

F taipan_native_unbox_float(V value) { return FloatValue(value); }

static_assert(offsetof(ComplexObject, imag) == kFloatFieldOffset + sizeof(Float),
              "native code reads a complex's imag right after its real part");

V taipan_native_box_complex(F real, F imag) { return NewComplex(real, imag); }

F taipan_native_complex_real(V value) {
  Float real, imag;
  ComplexParts(value, &real, &imag);
  return real;
}

F taipan_native_complex_imag(V value) {
  Float real, imag;
  ComplexParts(value, &real, &imag);
  return imag;
}

F taipan_native_complex_abs(F real, F imag) { return ComplexAbs(real, imag); }

F taipan_native_float_floor_divide(F a, F b) { return FloatFloorDivide(a, b); }

F taipan_native_float_modulo(F a, F b) { return FloatModulo(a, b); }

V taipan_native_float_power(F a, F b) { return FloatPower(a, b); }

// As the math module's sqrt: computed in double, rounded to Float once.
F taipan_native_float_sqrt(F x) {
  if (x < 0) RaiseValueError("math domain error");
  return static_cast<Float>(FloatSqrt(x));
}

[[noreturn]] void taipan_native_raise_zero_division() { RaiseZeroDivisionError("divide by zero"); }

[[noreturn]] void taipan_native_raise_type_error(P message) { RaiseTypeError(static_cast<const char*>(message)); }

// ---- containers ----

V taipan_native_build_tuple(U n, P items) { return NewTuple(n, static_cast<const Value*>(items)); }

V taipan_native_build_list(U n, P items) { return NewList(n, static_cast<const Value*>(items)); }

V taipan_native_build_set(U n, P items) { return NewSet(n, static_cast<const Value*>(items)); }

V taipan_native_build_dict(U n, P items) {
  const auto* pairs = static_cast<const Value*>(items);
  Value dict = NewDict(n);
  for (size_t i = 0; i < n; ++i) DictStore(dict, pairs[2 * i], pairs[2 * i + 1]);
  return dict;
}

V taipan_native_build_slice(V start, V stop, V step) { return NewSlice(start, stop, step); }

N taipan_native_list_append(V list, V item) { ListAppend(list, item); }

V taipan_native_list_pop(V list, V index) { return ListPopAt(list, index); }

N taipan_native_list_insert(V list, V index, V item) { ListInsertAt(list, index, item); }

N taipan_native_list_free(V list) { ListFree(list); }

V taipan_native_list_new_floats(U n) { return NewFloatList(n); }

N taipan_native_list_append_float(V list, F value) { ListAppendFloat(list, value); }

V taipan_native_list_new_bools(U n) { return NewBoolList(n); }

N taipan_native_list_append_bool(V list, B value) { ListAppendBool(list, value); }

N taipan_native_list_extend(V list, V iterable) { ListExtend(list, iterable); }

V taipan_native_list_to_tuple(V list) { return NewTuple(AsList(list)->length, AsList(list)->items); }

N taipan_native_set_add(V set, V item) { SetAdd(set, item); }

// The number of items of a builtin sized collection (no Python code runs).
static bool KnownLength(Value v, size_t* n) {
  if (IsSmallInt(v)) {
    *n = SmallIntValue(v) > 0 ? static_cast<size_t>(SmallIntValue(v)) : 0;
    return true;
  }
  static const Type* const kSized[] = {&kListType, &kTupleType, &kDictType, &kSetType, &kRangeType};
  for (const Type* type : kSized) {
    if (HasExactType(v, type)) {
      *n = Length(v);
      return true;
    }
  }
  return false;
}

N taipan_native_reserve(V collection, V source) {
  size_t n;
  if (!KnownLength(source, &n) || n == 0) return;
  if (HasExactType(collection, &kListType)) ListReserveMore(collection, n);
  else if (HasExactType(collection, &kSetType)) MapReserve(SetMap(collection), n);
  else if (HasExactType(collection, &kDictType)) MapReserve(DictMap(collection), n);
}

N taipan_native_dict_store(V dict, V key, V value) { DictStore(dict, key, value); }

N taipan_native_dict_update(V dict, V other) { DictUpdate(dict, other); }

V taipan_native_dict_get(V dict, V key, V default_value) {
  Value value = DictLookup(dict, key);
  return value != kNull ? value : default_value;
}

V taipan_native_new_instance(V cls) { return NewPlainInstance(TypeValue(cls)); }
N taipan_native_set_class_layout(V cls, U n, P names) { SetClassLayout(cls, n, static_cast<const Value*>(names)); }
V taipan_native_list_load_slice(V list, V start, V stop, V step) { return ListLoadSlice(list, start, stop, step); }

N taipan_native_list_store_slice(V list, V start, V stop, V step, V value) {
  ListStoreSlice(list, start, stop, step, value);
}

// An exact dict has no __missing__.
V taipan_native_dict_subscr(V dict, V key) {
  Value value = DictLookup(dict, key);
  if (value == kNull) RaiseKeyError(key);
  return value;
}

V taipan_native_subscr(V obj, V index) { return LoadSubscr(obj, index); }

N taipan_native_store_subscr(V obj, V index, V value) { StoreSubscr(obj, index, value); }

N taipan_native_delete_subscr(V obj, V index) { DeleteSubscr(obj, index); }

[[noreturn]] void taipan_native_raise_index_error(P message) { RaiseIndexError(static_cast<const char*>(message)); }

V taipan_native_unpack(V seq, U n) {
  if (HasExactType(seq, &kTupleType) && AsTuple(seq)->length == n) return seq;
  Value tuple = NewTuple(n, nullptr);
  VmUnpackSequence(seq, n, AsTuple(tuple)->items);
  Reverse(AsTuple(tuple)->items, n);
  return tuple;
}

V taipan_native_unpack_ex(V seq, U before, U after) {
  size_t n = before + 1 + after;
  Value tuple = NewTuple(n, nullptr);
  VmUnpackEx(seq, before, after, AsTuple(tuple)->items);
  Reverse(AsTuple(tuple)->items, n);
  return tuple;
}

V taipan_native_get_iter(V obj) { return GetIter(obj); }

// As the VM's FOR_ITER: a StopIteration raised while producing the next
// item (a __getitem__, or a function map() calls) ends the loop. (Lists
// and tuples never get here: generated code iterates them in place.)
V taipan_native_iter_next(V iterator) {
  if (IsObject(iterator)) {
    const Type* type = ObjectPointer<Object>(iterator)->type;
    if (type->flags & kTypeIterNextRunsNoCode) return type->iter_next(iterator);
  }
  {
    NlrBuf buf;
    if (taipan_nlr_push(&buf) == 0) {
      Value item = IterNext(iterator);
      taipan_nlr_pop();
      return item;
    }
    Value exc = FromPointer(buf.value);
    if (IsInstance(exc, FromType(&kStopIterationType))) return kStopIteration;
    Raise(exc);
  }
}

// ---- functions, classes, modules ----

V taipan_native_make_function(P context, U index, V defaults, V kw_defaults, U n_cells, P cells) {
  // MAKE_FUNCTION(_DEFARGS) / MAKE_CLOSURE(_DEFARGS): the closure's cells
  // become the leading arguments of every call.
  auto* module = static_cast<ModuleContext*>(context);
  Value fun = NewBytecodeFunction(module, module->raw_codes[index], NullIfNone(defaults), NullIfNone(kw_defaults), 0,
                                  nullptr);
  if (n_cells == 0) return fun;
  return NewClosure(fun, n_cells, static_cast<const Value*>(cells));
}

V taipan_native_load_build_class() { return VmLoadBuildClass(); }

V taipan_native_import_name(P context, W name, V fromlist, V level) {
  return VmImport(static_cast<Qstr>(name), fromlist, level, GlobalsOf(context));
}

V taipan_native_import_from(V module, W name) { return ImportFrom(module, static_cast<Qstr>(name)); }

// Native code runs no class bodies: a star import always fills the globals.
N taipan_native_import_star(P context, V module) { ImportAll(module, GlobalsOf(context)); }

// ---- exceptions ----

[[noreturn]] void taipan_native_raise(V exc) { Raise(VmMakeRaiseObject(exc)); }

[[noreturn]] void taipan_native_raise_from(V exc, V cause) { VmRaiseFrom(exc, cause); }

[[noreturn]] void taipan_native_reraise(V exc) {
  if (exc == kNull) RaiseMessage(&kRuntimeErrorType, "no active exception to reraise");
  // As the VM's bare raise: the exception goes on with the traceback it
  // has, which already names the re-raising frame.
  g_reraising_frame = reinterpret_cast<const NativeFrame*>(taipan_native_frames);
  Raise(exc);
}

[[noreturn]] void taipan_native_reraise_leaving_generator(V exc, P frame) {
  Value leaving = ExceptionLeavingGenerator(exc);
  if (leaving == exc) taipan_native_reraise(exc);
  // A generator's resumption raises the RuntimeError in its consumer, so
  // the new exception's traceback starts at the caller's frame.
  if (frame != nullptr && taipan_native_frames == reinterpret_cast<Word>(frame))
    taipan_native_frames = reinterpret_cast<Word>(static_cast<NativeFrame*>(frame)->prev);
  Raise(leaving);
}

B taipan_native_exception_match(V exc, V type) {
  // The VM's `except type:` (a TypeError for a type that is no exception class).
  return ApplyBinaryOp(BinaryOp::kExceptionMatch, exc, type) == kTrue;
}

// ---- generators ----

// Zeroed and scanned like any object: the collector finds the values the
// coroutine keeps across a yield through the generator that points here.
P taipan_native_alloc_coroutine(U bytes) { return Allocate(bytes); }

V taipan_native_resumed(P state) {
  auto* generator = static_cast<NativeGeneratorState*>(state);
  Value thrown = generator->thrown;
  if (thrown == kNull) return generator->sent;
  generator->thrown = kNull;
  Raise(VmMakeRaiseObject(thrown));
}

B taipan_native_yield_from(V iterator, P state) {
  auto* generator = static_cast<NativeGeneratorState*>(state);
  generator->delegate = kNull;
  if (Word ended = generator->delegate_ended; ended != 0) {  // the runtime stepped the delegate
    generator->delegate_ended = 0;
    if (ended == 2) Raise(generator->delegate_result);
    generator->result = generator->delegate_result;
    return false;
  }
  Value thrown = generator->thrown;
  generator->thrown = kNull;
  bool yielded = VmDelegateStep(iterator, generator->sent, thrown, &generator->result) == VmResult::kYield;
  // Until the next resumption, the runtime may step a generator delegate itself.
  if (yielded && TypeOf(iterator) == &kGeneratorType) generator->delegate = iterator;
  return yielded;
}

}  // extern "C"

}  // namespace native_abi

}  // namespace taipan::rt
