// The bytecode interpreter: MicroPython's opcodes (runtime/bytecode.def)
// with MicroPython's semantics, its exception-stack model for try/finally
// /with, and one nlr handler per frame (an exception re-enters the dispatch
// loop at the handler the exception stack names).
#include "runtime/attr_cache.h"
#include "runtime/dict.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/native_abi.h"
#include "runtime/qstr.h"
#include "runtime/runtime.h"
#include "runtime/set.h"
#include "runtime/slice.h"
#include "runtime/state.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/vm.h"
#include "runtime/vm_frame.h"

// Computed goto (a label table) on hosts where the compiler has it: faster.
// A switch on microcontrollers: smaller (each handler then ends in one
// shared jump back instead of its own copy of the dispatch).
#ifndef TAIPAN_VM_COMPUTED_GOTO
#if (defined(__clang__) || defined(__GNUC__)) && (defined(__x86_64__) || defined(__i386__) || defined(__aarch64__))
#define TAIPAN_VM_COMPUTED_GOTO 1
#else
#define TAIPAN_VM_COMPUTED_GOTO 0
#endif
#endif

// How much C stack the VM may use below its outermost entry before deep
// recursion raises RuntimeError instead of overflowing. On hosts 1 MiB:
// some thousands of Python calls (CPython stops at 1000), and programs that
// recurse until the error (MicroPython's stress tests) stay quick.
#ifndef TAIPAN_VM_STACK_LIMIT
#if defined(__x86_64__) || defined(__i386__) || defined(__aarch64__)
#define TAIPAN_VM_STACK_LIMIT (1u * 1024 * 1024)
#else
#define TAIPAN_VM_STACK_LIMIT (6u * 1024)
#endif
#endif

namespace taipan::rt {

// ---- operations shared with natively compiled code (native_abi.cpp) ----

[[noreturn]] void VmRaiseNameError(Qstr name) {
  size_t length;
  const char* parts[] = {"name '", QstrData(name, &length), "' isn't defined"};
  RaiseJoined(&kNameErrorType, parts, 3);
}

[[noreturn]] void VmRaiseUnboundLocal() {
  RaiseMessage(&kNameErrorType, "local variable referenced before assignment");
}

Value VmLoadGlobal(Value globals, Qstr name) {
  GlobalCache unused;  // the VM keeps no per-site caches
  return LoadGlobalCached(globals, name, &unused);
}

Value LoadGlobalCached(Value globals, Qstr name, GlobalCache* cache) {
  Value key = FromQstr(name);
  Map* globals_map = DictMap(globals);
  if (MapEntry* entry = MapFind(globals_map, key); entry && entry->value != kNull) {
    *cache = {static_cast<Word>(entry - globals_map->entries), 0};
    return entry->value;
  }
  Map* builtins_map = g_state.builtins != kNull ? DictMap(g_state.builtins) : nullptr;
  MapEntry* builtin = builtins_map ? MapFind(builtins_map, key) : nullptr;
  if (!builtin || builtin->value == kNull) VmRaiseNameError(name);
  // Cacheable only while the globals' filter can tell the name is absent
  // (a globals dict with a key of another kind has every filter bit).
  Word bits = MapQstrFilterBits(key);
  if ((globals_map->key_filter & bits) != bits) *cache = {static_cast<Word>(builtin - builtins_map->entries), bits};
  return builtin->value;
}

void StoreGlobalCached(Value globals, Qstr name, Value value, GlobalCache* cache) {
  Map* map = DictMap(globals);
  bool added;
  MapEntry* entry = MapFindOrAdd(map, FromQstr(name), &added);
  entry->value = value;
  *cache = {static_cast<Word>(entry - map->entries), 0};
}

void VmDeleteName(Value dict, Qstr name) {
  if (DictRemove(dict, FromQstr(name)) == kNull) VmRaiseNameError(name);
}

// import: through builtins.__import__ when a program replaced it (it is
// then no builtin function), else directly.
Value VmImport(Qstr name, Value fromlist, Value level, Value globals) {
  Value hook = g_state.builtins != kNull ? DictLookup(g_state.builtins, FromQstr(Q___import__)) : kNull;
  if (hook != kNull && !HasExactType(hook, &kBuiltinFunctionType)) {
    Value args[5] = {FromQstr(name), globals, kNone, fromlist, level};
    return Call(hook, 5, 0, args);
  }
  return ImportNameIn(name, fromlist, static_cast<int>(SmallIntValue(level)), globals);
}

Value VmLoadBuildClass() {
  Value v = g_state.builtins != kNull ? DictLookup(g_state.builtins, FromQstr(Q___build_class__)) : kNull;
  if (v == kNull) VmRaiseNameError(Q___build_class__);
  return v;
}

Value VmMakeRaiseObject(Value v) {
  if (IsType(v) && IsExceptionType(TypeValue(v))) v = Call0(v);
  if (!IsExceptionInstance(v)) return NewExceptionWithMessage(&kTypeErrorType, "exceptions must derive from BaseException");
  return v;
}

[[noreturn]] void VmRaiseFrom(Value exc, Value cause) {
  exc = VmMakeRaiseObject(exc);
  if (cause != kNone) cause = VmMakeRaiseObject(cause);
  ExceptionOf(exc)->cause = cause;
  Raise(exc);
}

namespace {

using namespace bytecode;

// ---- stack guard ----

// The highest stack address seen when entering the VM: the outermost entry.
Word g_vm_stack_base;

// ---- names ----

Value LoadGlobal(Qstr name) { return VmLoadGlobal(g_state.globals, name); }

Value LoadName(Qstr name) {
  if (g_state.locals != kNull && g_state.locals != g_state.globals) {
    Value v = DictLookup(g_state.locals, FromQstr(name));
    if (v != kNull) return v;
  }
  return LoadGlobal(name);
}

Value NameDict() { return g_state.locals != kNull ? g_state.locals : g_state.globals; }

// ---- calls ----

// The stack holds fn, self (or kNull), then the arguments: calls fn with
// self prepended when there is one.
Value CallMethodOnStack(size_t n_args, size_t n_kw, Value* args) {
  if (args[1] == kNull) return Call(args[0], n_args, n_kw, args + 2);
  return Call(args[0], n_args + 1, n_kw, args + 1);
}

Value KeywordName(Value key) {
  if (IsQstr(key)) return key;
  if (!IsStr(key)) RaiseTypeError("keywords must be strings");
  return FromQstr(StrToQstr(key));
}

// CALL_FUNCTION_VAR_KW / CALL_METHOD_VAR_KW: args = fn [self] positional...
// (name value)... bitmap. A positional whose bit is set in the bitmap is a
// *iterable; a pair whose name is kNull is a **mapping.
Value CallVarKw(bool have_self, size_t arg, Value* args) {
  size_t n_pos = arg & 0xff, n_kw = (arg >> 8) & 0xff;
  Value fn = args[0];
  const Value* a = args + 1 + have_self;
  Word star = static_cast<Word>(SmallIntValue(a[n_pos + 2 * n_kw]));
  Value all = NewList(0, nullptr);
  if (have_self && args[1] != kNull) ListAppend(all, args[1]);
  for (size_t i = 0; i < n_pos; ++i) {
    if (i < sizeof(Word) * 8 && ((star >> i) & 1))
      ListExtend(all, a[i]);
    else
      ListAppend(all, a[i]);
  }
  size_t n_positional = AsList(all)->length;
  for (size_t i = 0; i < n_kw; ++i) {
    Value key = a[n_pos + 2 * i], value = a[n_pos + 2 * i + 1];
    if (key != kNull) {
      ListAppend(all, key);
      ListAppend(all, value);
    } else if (HasExactType(value, &kDictType)) {
      size_t pos = 0;
      while (MapEntry* e = MapNext(DictMap(value), &pos)) {
        ListAppend(all, KeywordName(e->key));
        ListAppend(all, e->value);
      }
    } else {
      Value it = GetIter(CallMethod(value, Q_keys, 0, nullptr));
      for (Value k = IterNext(it); k != kStopIteration; k = IterNext(it)) {
        ListAppend(all, KeywordName(k));
        ListAppend(all, LoadSubscr(value, k));
      }
    }
  }
  ListObject* list = AsList(all);
  return Call(fn, n_positional, (list->length - n_positional) / 2, list->items);
}

// ---- unpacking ----

[[noreturn]] void RaiseUnpackCount(const char* before, size_t n, const char* after) {
  char digits[24];
  const char* parts[] = {before, DecimalText(static_cast<SignedWord>(n), digits), after};
  RaiseJoined(&kValueErrorType, parts, 3);
}

// The items of a tuple or list, or of the first `limit` + 1 items of any
// iterable (enough to tell "too many").
void SequenceItems(Value seq, size_t limit, size_t* length, Value** items) {
  if (HasExactType(seq, &kTupleType) || HasExactType(seq, &kListType)) {
    GetSequenceItems(seq, length, items);
    return;
  }
  Value list = NewList(0, nullptr);
  Value it = GetIter(seq);
  for (size_t n = 0; n <= limit; ++n) {
    Value item = IterNext(it);
    if (item == kStopIteration) break;
    ListAppend(list, item);
  }
  *length = AsList(list)->length;
  *items = AsList(list)->items;
}

// ---- exceptions ----

// The exception being handled in this frame (for a bare raise and for
// __context__), or kNull.
Value ActiveException(VmFrame* frame) {
  for (VmExcEntry* e = frame->exc_sp; e >= frame->exc_stack(); --e)
    if (e->prev_exc != kNull) return e->prev_exc;
  return kNull;
}

// A GeneratorExit instance or class (what throw() may be given).
bool IsGeneratorExit(Value v) {
  if (IsType(v)) return IsSubclass(TypeValue(v), &kGeneratorExitType);
  return IsExceptionInstance(v) && ExceptionMatches(v, FromType(&kGeneratorExitType));
}

// yield from: one step of the delegate `it`, as MicroPython's mp_resume.
VmResult ResumeDelegate(Value it, Value send, Value thrown, Value* out) {
  const Type* type = TypeOf(it);
  if (type == &kGeneratorType) return VmGeneratorResume(it, send, thrown, out);
  Value dest[3];
  if (send == kNone) {
    // A class's __next__ is called below, so that the value of the
    // StopIteration it raises reaches the yield from.
    if (type->iter_next && !(type->flags & kTypeIsClass)) {
      Value v = type->iter_next(it);
      *out = v == kStopIteration ? kNone : v;
      return v == kStopIteration ? VmResult::kReturn : VmResult::kYield;
    }
    LoadMethodOrNull(it, Q___next__, dest);
    if (dest[0] != kNull) {
      *out = CallMethodOnStack(0, 0, dest);
      return VmResult::kYield;
    }
  }
  if (send != kNull) {
    LoadMethod(it, Q_send, dest);
    dest[2] = send;
    *out = CallMethodOnStack(1, 0, dest);
    return VmResult::kYield;
  }
  bool is_exit = IsGeneratorExit(thrown);
  LoadMethodOrNull(it, is_exit ? Q_close : Q_throw, dest);
  if (dest[0] != kNull) {
    dest[2] = thrown;
    *out = CallMethodOnStack(is_exit ? 0 : 1, 0, dest);
    return is_exit ? VmResult::kReturn : VmResult::kYield;
  }
  *out = ExceptionLeavingGenerator(VmMakeRaiseObject(thrown));
  return VmResult::kException;
}

size_t ReadUintAt(const uint8_t** ip) {
  size_t v = 0;
  uint8_t b;
  do {
    b = *(*ip)++;
    v = (v << 7) | (b & 0x7f);
  } while (b & 0x80);
  return v;
}

size_t ReadForwardLabel(const uint8_t** ip) {
  const uint8_t* p = *ip;
  if (p[0] & 0x80) {
    *ip = p + 2;
    return (p[0] & 0x7f) | (size_t{p[1]} << 7);
  }
  *ip = p + 1;
  return p[0];
}

SignedWord ReadSignedLabel(const uint8_t** ip) {
  const uint8_t* p = *ip;
  if (p[0] & 0x80) {
    *ip = p + 2;
    return static_cast<SignedWord>((p[0] & 0x7f) | (size_t{p[1]} << 7)) - 0x4000;
  }
  *ip = p + 1;
  return static_cast<SignedWord>(p[0]) - 0x40;
}

// Binary operators with a small-int fast path (no allocation, no dispatch).
Value BinaryOperation(unsigned op, Value lhs, Value rhs) {
  if (IsSmallInt(lhs) && IsSmallInt(rhs)) {
    SignedWord a = SmallIntValue(lhs), b = SmallIntValue(rhs);
    auto sl = static_cast<SignedWord>(Bits(lhs)), sr = static_cast<SignedWord>(Bits(rhs));
    switch (static_cast<BinaryOp>(op)) {
      case BinaryOp::kAdd:
      case BinaryOp::kInplaceAdd:
        if (FitsSmallInt(a + b)) return FromSmallInt(a + b);
        break;
      case BinaryOp::kSubtract:
      case BinaryOp::kInplaceSubtract:
        if (FitsSmallInt(a - b)) return FromSmallInt(a - b);
        break;
      case BinaryOp::kLess: return FromBool(sl < sr);
      case BinaryOp::kLessEqual: return FromBool(sl <= sr);
      case BinaryOp::kMore: return FromBool(sl > sr);
      case BinaryOp::kMoreEqual: return FromBool(sl >= sr);
      case BinaryOp::kEqual: return FromBool(sl == sr);
      case BinaryOp::kNotEqual: return FromBool(sl != sr);
      default: break;
    }
  }
  return ApplyBinaryOp(static_cast<BinaryOp>(op), lhs, rhs);
}

// Fills a for loop's slots to iterate range(start, stop, step) in place
// when all three are small ints (see GET_ITER_STACK); false otherwise.
bool RangeOnStack(Value range, Value* buf) {
  Value start = kRangeType.attr(range, Q_start, AttrOp::kLoad, kNull);
  Value stop = kRangeType.attr(range, Q_stop, AttrOp::kLoad, kNull);
  Value step = kRangeType.attr(range, Q_step, AttrOp::kLoad, kNull);
  if (!IsSmallInt(start) || !IsSmallInt(stop) || !IsSmallInt(step)) return false;
  SignedWord a = SmallIntValue(start), b = SmallIntValue(stop), c = SmallIntValue(step);
  Word count = 0;
  if (c > 0 && a < b) count = (static_cast<Word>(b) - static_cast<Word>(a) - 1) / static_cast<Word>(c) + 1;
  if (c < 0 && a > b) count = (static_cast<Word>(a) - static_cast<Word>(b) - 1) / (Word{0} - static_cast<Word>(c)) + 1;
  if (count > static_cast<Word>(kSmallIntMax)) return false;
  buf[0] = kTrue;
  buf[1] = start;
  buf[2] = step;
  buf[3] = FromSmallInt(static_cast<SignedWord>(count));
  return true;
}

void PendingCheck() {
  if (native_abi::taipan_native_pending != 0) RunScheduled();
}

// The dispatch table: opcode -> handler number (its position in
// bytecode.def, 0 for bytes that are no opcode).
enum Handler : uint8_t {
  kHandler_Invalid,
#define OPCODE(Name, code, operand, extra_byte, stack_effect) kHandler_##Name,
#define OPCODE_RANGE(Name, first, count, stack_effect) kHandler_##Name,
#include "runtime/bytecode.def"
};

struct HandlerTable {
  uint8_t of[256];
  constexpr HandlerTable() : of() {
    for (auto& h : of) h = kHandler_Invalid;
#define OPCODE(Name, code, operand, extra_byte, stack_effect) of[code] = kHandler_##Name;
#define OPCODE_RANGE(Name, first, count, stack_effect) \
  for (unsigned k = 0; k < count; ++k) of[first + k] = kHandler_##Name;
#include "runtime/bytecode.def"
  }
};
constexpr HandlerTable kHandlers{};

}  // namespace

// One step of `yield from it` outside the interpreter (native generators):
// what YIELD_FROM does, with the StopIteration of a delegate's __next__ or
// send() taken as its return value. kYield or kReturn; raises otherwise.
VmResult VmDelegateStep(Value it, Value send, Value thrown, Value* out) {
  VmResult kind;
  NlrBuf nlr;
  if (TypeOf(it) == &kGeneratorType) {
    // A generator reports its return as kReturn, never as StopIteration.
    kind = ResumeDelegate(it, thrown != kNull ? kNull : send, thrown, out);
  } else if (taipan_nlr_push(&nlr) == 0) {
    kind = ResumeDelegate(it, thrown != kNull ? kNull : send, thrown, out);
    taipan_nlr_pop();
  } else {
    Value exc = FromPointer(nlr.value);
    if (!IsExceptionInstance(exc) || !ExceptionMatches(exc, FromType(&kStopIterationType))) taipan_nlr_jump(nlr.value);
    kind = VmResult::kReturn;
    *out = ExceptionValue(exc);
  }
  if (kind == VmResult::kException) Raise(*out);
  // A GeneratorExit thrown in is re-raised even if the delegate swallowed it.
  if (kind == VmResult::kReturn && thrown != kNull && IsGeneratorExit(thrown)) Raise(VmMakeRaiseObject(thrown));
  return kind;
}

// Stores the n items of seq at out[n - 1] ... out[0] (the first item on top).
void VmUnpackSequence(Value seq, size_t n, Value* out) {
  size_t length;
  Value* items;
  SequenceItems(seq, n, &length, &items);
  if (length < n) RaiseUnpackCount("need more than ", length, " values to unpack");
  if (length > n) RaiseUnpackCount("too many values to unpack (expected ", n, ")");
  for (size_t i = 0; i < n; ++i) out[i] = items[n - 1 - i];
}

// a, *b, c = seq: left items, the rest as a list, right items (reversed).
void VmUnpackEx(Value seq, size_t left, size_t right, Value* out) {
  size_t length;
  Value* items;
  SequenceItems(seq, ~size_t{0} - 1, &length, &items);
  if (length < left + right) RaiseUnpackCount("need more than ", length, " values to unpack");
  for (size_t i = 0; i < right; ++i) out[i] = items[length - 1 - i];
  out[right] = NewList(length - left - right, items + left);
  for (size_t i = 0; i < left; ++i) out[right + 1 + i] = items[left - 1 - i];
}

void VmCheckStack() { VmCheckStackBelow(0); }

void VmCheckStackBelow(Word bytes) {
  // The frame address, not a local's: AddressSanitizer may move locals
  // whose address is taken to a "fake stack" elsewhere in memory.
  Word at = reinterpret_cast<Word>(__builtin_frame_address(0));
  if (g_vm_stack_base < at) {
    g_vm_stack_base = at;
    // Generated code calls here only below this (native_abi.def).
    native_abi::taipan_native_stack_limit = at > TAIPAN_VM_STACK_LIMIT ? at - TAIPAN_VM_STACK_LIMIT : 0;
  }
  if (g_vm_stack_base - at > TAIPAN_VM_STACK_LIMIT || bytes > TAIPAN_VM_STACK_LIMIT - (g_vm_stack_base - at))
    RaiseMessage(&kRuntimeErrorType, "maximum recursion depth exceeded");
}

VmResult VmExecute(VmFrame* frame, Value inject_in, Value* out) {
  volatile Value inject = inject_in;
  BytecodeFunction* const fun = frame->fun;
  ModuleContext* const context = fun->context;
  const RawCode* const raw = fun->raw;
  const Qstr* const qstrs = context->qstr_table;
  Value* const fastn = &frame->state[frame->n_state - 1];
  VmExcEntry* const exc_stack = frame->exc_stack();

#define PUSH(v) (*++sp = (v))
#define POP() (*sp--)
#define TOP() (*sp)
#define SET_TOP(v) (*sp = (v))
#define DECODE_UINT size_t arg = ReadUintAt(&ip)
#define DECODE_QSTR Qstr qst = qstrs[ReadUintAt(&ip)]
#if TAIPAN_VM_COMPUTED_GOTO
#define DISPATCH()                           \
  do {                                       \
    frame->ip = ip;                          \
    goto* kLabels[kHandlers.of[*ip++]];      \
  } while (0)
#define ENTRY(Name) L_##Name
#else
#define DISPATCH() goto dispatch
#define ENTRY(Name) case kHandler_##Name
#endif
// A finally block that is already running is abandoned: drop its saved
// state (an unwind in progress or the exception/None it would re-raise).
#define CANCEL_ACTIVE_FINALLY()   \
  do {                            \
    if (IsSmallInt(sp[-1])) {     \
      sp[-2] = sp[0];             \
      sp -= 2;                    \
    } else {                      \
      sp[-1] = sp[0];             \
      --sp;                       \
    }                             \
  } while (0)

  for (;;) {
    NlrBuf nlr;
    if (taipan_nlr_push(&nlr) == 0) {
      const uint8_t* ip = frame->ip;
      Value* sp = frame->sp;
      Word unwind;  // UNWIND_JUMP's count, also reached from END_FINALLY
#if TAIPAN_VM_COMPUTED_GOTO
      static const void* const kLabels[] = {
          &&L_Invalid,
#define OPCODE(Name, code, operand, extra_byte, stack_effect) &&L_##Name,
#define OPCODE_RANGE(Name, first, count, stack_effect) &&L_##Name,
#include "runtime/bytecode.def"
      };
#endif
      if (inject != kNull && *ip != kOp_YIELD_FROM) {
        Value exc = inject;
        inject = kNull;
        Raise(VmMakeRaiseObject(exc));
      }
#if TAIPAN_VM_COMPUTED_GOTO
      DISPATCH();
#else
    dispatch:
      frame->ip = ip;
      switch (kHandlers.of[*ip++]) {
        default:
#endif
      ENTRY(Invalid) : RaiseNotImplementedError("opcode");

      ENTRY(LOAD_CONST_STRING) : {
        DECODE_QSTR;
        PUSH(FromQstr(qst));
        DISPATCH();
      }
      ENTRY(LOAD_NAME) : {
        DECODE_QSTR;
        PUSH(LoadName(qst));
        DISPATCH();
      }
      ENTRY(LOAD_GLOBAL) : {
        DECODE_QSTR;
        PUSH(LoadGlobal(qst));
        DISPATCH();
      }
      ENTRY(LOAD_ATTR) : {
        DECODE_QSTR;
        SET_TOP(LoadAttr(TOP(), qst));
        DISPATCH();
      }
      ENTRY(LOAD_METHOD) : {
        DECODE_QSTR;
        LoadMethod(*sp, qst, sp);
        sp += 1;
        DISPATCH();
      }
      ENTRY(LOAD_SUPER_METHOD) : {
        // super __class__ self -> method self
        DECODE_QSTR;
        sp -= 1;
        Value super = Call2(FromType(&kSuperType), sp[0], sp[1]);
        LoadMethod(super, qst, sp - 1);
        DISPATCH();
      }
      ENTRY(STORE_NAME) : {
        DECODE_QSTR;
        DictStore(NameDict(), FromQstr(qst), POP());
        DISPATCH();
      }
      ENTRY(STORE_GLOBAL) : {
        DECODE_QSTR;
        DictStore(g_state.globals, FromQstr(qst), POP());
        DISPATCH();
      }
      ENTRY(STORE_ATTR) : {
        DECODE_QSTR;
        // del obj.name stores null (MicroPython has no DELETE_ATTR).
        if (sp[-1] == kNull)
          DeleteAttr(sp[0], qst);
        else
          StoreAttr(sp[0], qst, sp[-1]);
        sp -= 2;
        DISPATCH();
      }
      ENTRY(DELETE_NAME) : {
        DECODE_QSTR;
        VmDeleteName(NameDict(), qst);
        DISPATCH();
      }
      ENTRY(DELETE_GLOBAL) : {
        DECODE_QSTR;
        VmDeleteName(g_state.globals, qst);
        DISPATCH();
      }
      ENTRY(IMPORT_NAME) : {
        DECODE_QSTR;
        Value fromlist = POP();  // the level is below it
        SET_TOP(VmImport(qst, fromlist, TOP(), ModuleGlobals(context->module)));
        DISPATCH();
      }
      ENTRY(IMPORT_FROM) : {
        DECODE_QSTR;
        Value v = ImportFrom(TOP(), qst);
        PUSH(v);
        DISPATCH();
      }

      ENTRY(MAKE_CLOSURE) : {
        DECODE_UINT;
        size_t n_closed = *ip++;
        sp -= static_cast<SignedWord>(n_closed) - 1;
        Value f = NewBytecodeFunction(context, raw->children[arg], kNull, kNull, 0, nullptr);
        SET_TOP(NewClosure(f, n_closed, sp));
        DISPATCH();
      }
      ENTRY(MAKE_CLOSURE_DEFARGS) : {
        DECODE_UINT;
        size_t n_closed = *ip++;
        sp -= static_cast<SignedWord>(n_closed) + 1;
        Value f = NewBytecodeFunction(context, raw->children[arg], sp[0], sp[1], 0, nullptr);
        SET_TOP(NewClosure(f, n_closed, sp + 2));
        DISPATCH();
      }
      ENTRY(LOAD_CONST_SMALL_INT) : {
        intptr_t v = 0;
        DecodeSint(&ip, ip + 16, &v);
        PUSH(FitsSmallInt(v) ? FromSmallInt(v) : NewInt(v));
        DISPATCH();
      }
      ENTRY(LOAD_CONST_OBJ) : {
        DECODE_UINT;
        PUSH(context->obj_table[arg]);
        DISPATCH();
      }
      ENTRY(LOAD_FAST_N) : {
        DECODE_UINT;
        Value v = fastn[-static_cast<SignedWord>(arg)];
        if (v == kNull) VmRaiseUnboundLocal();
        PUSH(v);
        DISPATCH();
      }
      ENTRY(LOAD_DEREF) : {
        DECODE_UINT;
        PUSH(CellGet(fastn[-static_cast<SignedWord>(arg)]));
        DISPATCH();
      }
      ENTRY(STORE_FAST_N) : {
        DECODE_UINT;
        fastn[-static_cast<SignedWord>(arg)] = POP();
        DISPATCH();
      }
      ENTRY(STORE_DEREF) : {
        DECODE_UINT;
        CellSet(fastn[-static_cast<SignedWord>(arg)], POP());
        DISPATCH();
      }
      ENTRY(DELETE_FAST) : {
        DECODE_UINT;
        Value* slot = &fastn[-static_cast<SignedWord>(arg)];
        if (*slot == kNull) VmRaiseUnboundLocal();
        *slot = kNull;
        DISPATCH();
      }
      ENTRY(DELETE_DEREF) : {
        DECODE_UINT;
        Value cell = fastn[-static_cast<SignedWord>(arg)];
        CellGet(cell);  // NameError when unbound
        CellSet(cell, kNull);
        DISPATCH();
      }
      ENTRY(BUILD_TUPLE) : {
        DECODE_UINT;
        sp -= static_cast<SignedWord>(arg) - 1;
        SET_TOP(NewTuple(arg, sp));
        DISPATCH();
      }
      ENTRY(BUILD_LIST) : {
        DECODE_UINT;
        sp -= static_cast<SignedWord>(arg) - 1;
        SET_TOP(NewList(arg, sp));
        DISPATCH();
      }
      ENTRY(BUILD_MAP) : {
        DECODE_UINT;
        PUSH(NewDict(arg));
        DISPATCH();
      }
      ENTRY(BUILD_SET) : {
        DECODE_UINT;
        sp -= static_cast<SignedWord>(arg) - 1;
        SET_TOP(NewSet(arg, sp));
        DISPATCH();
      }
      ENTRY(BUILD_SLICE) : {
        DECODE_UINT;
        Value step = arg == 3 ? POP() : kNone;
        Value stop = POP();
        SET_TOP(NewSlice(TOP(), stop, step));
        DISPATCH();
      }
      ENTRY(STORE_COMP) : {
        DECODE_UINT;
        Value collection = sp[-static_cast<SignedWord>(arg >> 2)];
        if ((arg & 3) == 0) {
          ListAppend(collection, sp[0]);
          sp -= 1;
        } else if ((arg & 3) == 1) {
          DictStore(collection, sp[0], sp[-1]);
          sp -= 2;
        } else {
          SetAdd(collection, sp[0]);
          sp -= 1;
        }
        DISPATCH();
      }

      ENTRY(UNPACK_SEQUENCE) : {
        DECODE_UINT;
        VmUnpackSequence(sp[0], arg, sp);
        sp += static_cast<SignedWord>(arg) - 1;
        DISPATCH();
      }
      ENTRY(UNPACK_EX) : {
        DECODE_UINT;
        VmUnpackEx(sp[0], arg & 0xff, (arg >> 8) & 0xff, sp);
        sp += (arg & 0xff) + ((arg >> 8) & 0xff);
        DISPATCH();
      }
      ENTRY(MAKE_FUNCTION) : {
        DECODE_UINT;
        PUSH(NewBytecodeFunction(context, raw->children[arg], kNull, kNull, 0, nullptr));
        DISPATCH();
      }
      ENTRY(MAKE_FUNCTION_DEFARGS) : {
        DECODE_UINT;
        sp -= 1;
        SET_TOP(NewBytecodeFunction(context, raw->children[arg], sp[0], sp[1], 0, nullptr));
        DISPATCH();
      }
      ENTRY(CALL_FUNCTION) : {
        DECODE_UINT;
        sp -= (arg & 0xff) + ((arg >> 7) & 0x1fe);
        SET_TOP(Call(*sp, arg & 0xff, (arg >> 8) & 0xff, sp + 1));
        DISPATCH();
      }
      ENTRY(CALL_FUNCTION_VAR_KW) : {
        DECODE_UINT;
        sp -= (arg & 0xff) + ((arg >> 7) & 0x1fe) + 1;
        SET_TOP(CallVarKw(false, arg, sp));
        DISPATCH();
      }
      ENTRY(CALL_METHOD) : {
        DECODE_UINT;
        sp -= (arg & 0xff) + ((arg >> 7) & 0x1fe) + 1;
        SET_TOP(CallMethodOnStack(arg & 0xff, (arg >> 8) & 0xff, sp));
        DISPATCH();
      }
      ENTRY(CALL_METHOD_VAR_KW) : {
        DECODE_UINT;
        sp -= (arg & 0xff) + ((arg >> 7) & 0x1fe) + 2;
        SET_TOP(CallVarKw(true, arg, sp));
        DISPATCH();
      }

      ENTRY(UNWIND_JUMP) : {
        unwind = static_cast<Word>(ReadSignedLabel(&ip));
        PUSH(FromPointer(ip + static_cast<SignedWord>(unwind)));  // where to go once unwound
        PUSH(static_cast<Value>(*ip));  // handlers to leave (| 0x80: also pop a for iterator)
      unwind_jump:
        unwind = static_cast<Word>(POP());
        while ((unwind & 0x7f) > 0) {
          unwind -= 1;
          VmExcEntry* e = frame->exc_sp;
          if (e->is_finally) {
            if (e->handler >= ip) {
              // Run this finally block first; its END_FINALLY (or
              // WITH_CLEANUP) continues the unwind from the count pushed.
              PUSH(FromSmallInt(static_cast<SignedWord>(unwind)));
              ip = e->handler;
              DISPATCH();
            }
            CANCEL_ACTIVE_FINALLY();
          }
          frame->exc_sp = e - 1;
        }
        ip = ObjectPointer<const uint8_t>(POP());
        if (unwind != 0) sp -= 4;  // the for loop's iterator
        PendingCheck();
        DISPATCH();
      }
      ENTRY(JUMP) : {
        SignedWord offset = ReadSignedLabel(&ip);
        ip += offset;
        PendingCheck();
        DISPATCH();
      }
      ENTRY(POP_JUMP_IF_TRUE) : {
        SignedWord offset = ReadSignedLabel(&ip);
        if (IsTrue(POP())) ip += offset;
        DISPATCH();
      }
      ENTRY(POP_JUMP_IF_FALSE) : {
        SignedWord offset = ReadSignedLabel(&ip);
        if (!IsTrue(POP())) ip += offset;
        DISPATCH();
      }
      ENTRY(JUMP_IF_TRUE_OR_POP) : {
        size_t offset = ReadForwardLabel(&ip);
        if (IsTrue(TOP()))
          ip += offset;
        else
          sp--;
        DISPATCH();
      }
      ENTRY(JUMP_IF_FALSE_OR_POP) : {
        size_t offset = ReadForwardLabel(&ip);
        if (!IsTrue(TOP()))
          ip += offset;
        else
          sp--;
        DISPATCH();
      }
      ENTRY(SETUP_WITH) : {
        // ctx -> __exit__ self-or-null __enter__()
        Value ctx = TOP();
        LoadMethod(ctx, Q___exit__, sp);
        LoadMethod(ctx, Q___enter__, sp + 2);
        Value entered = CallMethodOnStack(0, 0, sp + 2);
        sp += 1;
        size_t offset = ReadForwardLabel(&ip);
        VmExcEntry* e = ++frame->exc_sp;
        *e = VmExcEntry{ip + offset, sp, 1, kNull};
        PUSH(entered);
        DISPATCH();
      }
      ENTRY(SETUP_EXCEPT) : ENTRY(SETUP_FINALLY) : {
        Word is_finally = ip[-1] == kOp_SETUP_FINALLY;
        size_t offset = ReadForwardLabel(&ip);
        VmExcEntry* e = ++frame->exc_sp;
        *e = VmExcEntry{ip + offset, sp, is_finally, kNull};
        DISPATCH();
      }
      ENTRY(POP_EXCEPT_JUMP) : {
        frame->exc_sp--;
        size_t offset = ReadForwardLabel(&ip);
        ip += offset;
        PendingCheck();
        DISPATCH();
      }
      ENTRY(FOR_ITER) : {
        size_t offset = ReadForwardLabel(&ip);
        frame->sp = sp;
        Value* buf = sp - 3;
        Value item = kStopIteration;
        if (buf[0] == kSentinel) {
          size_t length;
          Value* items;
          GetSequenceItems(buf[1], &length, &items);
          Word i = static_cast<Word>(SmallIntValue(buf[2]));
          if (i < length) item = items[i];
          buf[2] = FromSmallInt(static_cast<SignedWord>(i + 1));
        } else if (buf[0] == kTrue) {
          SignedWord left = SmallIntValue(buf[3]);
          if (left > 0) {
            item = buf[1];
            buf[1] = FromSmallInt(SmallIntValue(item) + SmallIntValue(buf[2]));
            buf[3] = FromSmallInt(left - 1);
          }
        } else {
          item = IterNext(buf[1]);
        }
        if (item == kStopIteration) {
          sp -= 4;
          ip += offset;
        } else {
          PUSH(item);
        }
        DISPATCH();
      }

      ENTRY(LOAD_CONST_FALSE) : PUSH(kFalse);
      DISPATCH();
      ENTRY(LOAD_CONST_NONE) : PUSH(kNone);
      DISPATCH();
      ENTRY(LOAD_CONST_TRUE) : PUSH(kTrue);
      DISPATCH();
      ENTRY(LOAD_NULL) : PUSH(kNull);
      DISPATCH();
      ENTRY(LOAD_BUILD_CLASS) : PUSH(VmLoadBuildClass());
      DISPATCH();
      ENTRY(LOAD_SUBSCR) : {
        Value index = POP();
        SET_TOP(LoadSubscr(TOP(), index));
        DISPATCH();
      }
      ENTRY(STORE_SUBSCR) : {
        // del obj[index] stores null.
        if (sp[-2] == kNull)
          DeleteSubscr(sp[-1], sp[0]);
        else
          StoreSubscr(sp[-1], sp[0], sp[-2]);
        sp -= 3;
        DISPATCH();
      }
      ENTRY(DUP_TOP) : {
        Value v = TOP();
        PUSH(v);
        DISPATCH();
      }
      ENTRY(DUP_TOP_TWO) : {
        sp += 2;
        sp[0] = sp[-2];
        sp[-1] = sp[-3];
        DISPATCH();
      }
      ENTRY(POP_TOP) : sp--;
      DISPATCH();
      ENTRY(ROT_TWO) : {
        Value top = sp[0];
        sp[0] = sp[-1];
        sp[-1] = top;
        DISPATCH();
      }
      ENTRY(ROT_THREE) : {
        Value top = sp[0];
        sp[0] = sp[-1];
        sp[-1] = sp[-2];
        sp[-2] = top;
        DISPATCH();
      }
      ENTRY(WITH_CLEANUP) : {
        // The with block's exit state is on top, __exit__ and its self
        // below: call __exit__ and leave only the state.
        if (TOP() == kNone) {
          // Left normally: __exit__(None, None, None).
          sp[1] = kNone;
          sp[2] = kNone;
          sp -= 2;
          CallMethodOnStack(3, 0, sp);
          SET_TOP(kNone);
        } else if (IsSmallInt(TOP())) {
          // Left by return/break/continue: (data, cause) stay for END_FINALLY.
          Value data = sp[-1], cause = sp[0];
          sp[-1] = kNone;
          sp[0] = kNone;
          sp[1] = kNone;
          CallMethodOnStack(3, 0, sp - 3);
          sp[-3] = data;
          sp[-2] = cause;
          sp -= 2;
        } else {
          // An exception: __exit__(type, exc, None); a true result swallows it.
          sp[1] = sp[0];
          sp[0] = FromType(TypeOf(sp[0]));
          sp[2] = kNone;
          sp -= 2;
          Value swallow = CallMethodOnStack(3, 0, sp);
          if (IsTrue(swallow))
            SET_TOP(kNone);
          else
            sp[0] = sp[3];
        }
        DISPATCH();
      }
      ENTRY(END_FINALLY) : {
        frame->exc_sp--;
        if (TOP() == kNone) {
          sp--;
        } else if (IsSmallInt(TOP())) {
          SignedWord cause = SmallIntValue(POP());
          if (cause < 0) goto unwind_return;
          PUSH(static_cast<Value>(cause));
          goto unwind_jump;
        } else {
          Raise(TOP());
        }
        DISPATCH();
      }
      ENTRY(GET_ITER) : SET_TOP(GetIter(TOP()));
      DISPATCH();
      ENTRY(GET_ITER_STACK) : {
        // Four slots, so that common loops allocate no iterator:
        //   kSentinel, list or tuple, index
        //   kTrue, next value, step, count left   (a range of small ints)
        //   kNull, iterator                        (anything else)
        Value obj = TOP();
        Value* buf = sp;
        sp += 3;
        buf[3] = kNull;
        if (HasExactType(obj, &kListType) || HasExactType(obj, &kTupleType)) {
          buf[0] = kSentinel;
          buf[1] = obj;
          buf[2] = FromSmallInt(0);
        } else if (!(HasExactType(obj, &kRangeType) && RangeOnStack(obj, buf))) {
          buf[1] = GetIter(obj);
          buf[0] = kNull;
          buf[2] = kNull;
        }
        DISPATCH();
      }

      ENTRY(STORE_MAP) : {
        sp -= 2;
        DictStore(sp[0], sp[2], sp[1]);
        DISPATCH();
      }
      ENTRY(RETURN_VALUE) : {
      unwind_return:
        // Run the finally blocks that are not running yet, innermost first.
        while (frame->exc_sp >= exc_stack) {
          VmExcEntry* e = frame->exc_sp;
          if (e->is_finally) {
            if (e->handler >= ip) {
              // Drop any for iterators between the block's base and the
              // return value, then run the block with (value, -1).
              Value* base = e->sp;
              base[1] = sp[0];
              sp = base + 1;
              PUSH(FromSmallInt(-1));
              ip = e->handler;
              DISPATCH();
            }
            CANCEL_ACTIVE_FINALLY();
          }
          frame->exc_sp = e - 1;
        }
        taipan_nlr_pop();
        frame->sp = sp;
        *out = *sp;
        return VmResult::kReturn;
      }
      ENTRY(RAISE_LAST) : {
        Value exc = ActiveException(frame);
        if (exc == kNull) RaiseMessage(&kRuntimeErrorType, "no active exception to reraise");
        Raise(exc);
      }
      ENTRY(RAISE_OBJ) : {
        Value exc = VmMakeRaiseObject(TOP());
        Value active = ActiveException(frame);
        if (active != kNull && active != exc && ExceptionOf(exc)->context == kNone) ExceptionOf(exc)->context = active;
        Raise(exc);
      }
      ENTRY(RAISE_FROM) : {
        Value cause = POP();
        VmRaiseFrom(TOP(), cause);
      }
      ENTRY(YIELD_VALUE) : {
      yield:
        taipan_nlr_pop();
        frame->ip = ip;
        frame->sp = sp;
        *out = *sp;
        return VmResult::kYield;
      }
      ENTRY(YIELD_FROM) : {
        Value send = POP();
        frame->sp = sp;  // where a StopIteration from the delegate puts its value
        Value thrown = inject;
        VmResult kind;
        Value result;
        if (thrown != kNull) {
          inject = kNull;
          kind = ResumeDelegate(TOP(), kNull, thrown, &result);
        } else {
          kind = ResumeDelegate(TOP(), send, kNull, &result);
        }
        if (kind == VmResult::kYield) {
          ip--;  // resume at this YIELD_FROM
          PUSH(result);
          goto yield;
        }
        if (kind == VmResult::kReturn) {
          SET_TOP(result);
          // A GeneratorExit thrown in is re-raised even if the delegate swallowed it.
          if (thrown != kNull && IsGeneratorExit(thrown)) Raise(VmMakeRaiseObject(thrown));
          DISPATCH();
        }
        sp--;
        Raise(result);
      }
      ENTRY(IMPORT_STAR) : {
        ImportAll(POP(), NameDict());
        DISPATCH();
      }

      ENTRY(LOAD_CONST_SMALL_INT_MULTI) : PUSH(FromSmallInt(static_cast<SignedWord>(ip[-1]) - kOp_LOAD_CONST_SMALL_INT_MULTI - 16));
      DISPATCH();
      ENTRY(LOAD_FAST_MULTI) : {
        Value v = fastn[kOp_LOAD_FAST_MULTI - static_cast<SignedWord>(ip[-1])];
        if (v == kNull) VmRaiseUnboundLocal();
        PUSH(v);
        DISPATCH();
      }
      ENTRY(STORE_FAST_MULTI) : fastn[kOp_STORE_FAST_MULTI - static_cast<SignedWord>(ip[-1])] = POP();
      DISPATCH();
      ENTRY(UNARY_OP_MULTI) : SET_TOP(ApplyUnaryOp(static_cast<UnaryOp>(ip[-1] - kOp_UNARY_OP_MULTI), TOP()));
      DISPATCH();
      ENTRY(BINARY_OP_MULTI) : {
        Value rhs = POP();
        SET_TOP(BinaryOperation(ip[-1] - kOp_BINARY_OP_MULTI, TOP(), rhs));
        DISPATCH();
      }
#if !TAIPAN_VM_COMPUTED_GOTO
      }
#endif
    } else {
      Value exc = FromPointer(nlr.value);
      const uint8_t* at = frame->ip;
      // A StopIteration out of a for loop's __next__ or a yield from's
      // delegate ends the loop / gives the yield from's value.
      if (IsExceptionInstance(exc) && ExceptionMatches(exc, FromType(&kStopIterationType))) {
        if (*at == kOp_FOR_ITER) {
          const uint8_t* p = at + 1;
          size_t offset = ReadForwardLabel(&p);
          frame->ip = p + offset;
          frame->sp -= 4;
          continue;
        }
        if (*at == kOp_YIELD_FROM) {
          *frame->sp = ExceptionValue(exc);
          frame->ip = at + 1;
          continue;
        }
      }
      // Re-raises (END_FINALLY, bare raise) keep the traceback they have.
      if (*at != kOp_END_FINALLY && *at != kOp_RAISE_LAST && !HasExactType(exc, &kGeneratorExitType))
        TracebackAdd(exc, qstrs[0], LineOfOffset(raw, static_cast<size_t>(at - raw->opcodes)), raw->name);
      // Handlers whose code is already running (the exception came from
      // inside an except/finally block) are finished.
      VmExcEntry* e = frame->exc_sp;
      while (e >= exc_stack && e->handler <= at) --e;
      frame->exc_sp = e;
      if (e < exc_stack) {
        frame->ip = nullptr;
        *out = exc;
        return VmResult::kException;
      }
      frame->ip = e->handler;
      e->prev_exc = exc;
      frame->sp = e->sp + 1;
      *frame->sp = exc;
    }
  }
#undef PUSH
#undef POP
#undef TOP
#undef SET_TOP
#undef DECODE_UINT
#undef DECODE_QSTR
#undef DISPATCH
#undef ENTRY
#undef CANCEL_ACTIVE_FINALLY
}

namespace {

// A native module body: runs with the state RunModuleCode set up, which it
// must restore on the way out whatever happens.
Value RunNativeModuleBody(BytecodeFunction* fun, VmFrame* frame, Value saved_globals, Value saved_locals) {
  NlrBuf nlr;
  if (taipan_nlr_push(&nlr) != 0) {
    g_state.globals = saved_globals;
    g_state.locals = saved_locals;
    taipan_nlr_jump(nlr.value);
  }
  Value result = fun->raw->native(fun, &frame->state[frame->n_state - 1]);
  taipan_nlr_pop();
  return result;
}

}  // namespace

Value RunModuleCode(ModuleContext* context, RawCode* top) {
  Value fn = NewBytecodeFunction(context, top, kNull, kNull, 0, nullptr);
  auto* fun = ObjectPointer<BytecodeFunction>(fn);
  auto* frame = static_cast<VmFrame*>(Allocate(VmFrameBytes(top)));
  VmSetupFrame(frame, fun, 0, 0, nullptr);
  VmCheckStack();
  Value saved_globals = g_state.globals, saved_locals = g_state.locals;
  g_state.globals = ModuleGlobals(context->module);
  g_state.locals = kNull;
  if (top->native) {
    Value result = RunNativeModuleBody(fun, frame, saved_globals, saved_locals);
    g_state.globals = saved_globals;
    g_state.locals = saved_locals;
    return result;
  }
  Value result;
  VmResult kind = VmExecute(frame, kNull, &result);
  g_state.globals = saved_globals;
  g_state.locals = saved_locals;
  if (kind != VmResult::kReturn) taipan_nlr_jump(reinterpret_cast<void*>(Bits(result)));
  return result;
}

}  // namespace taipan::rt
