// Bytecode function objects: creation (MAKE_FUNCTION), argument binding as
// MicroPython's bytecode calls do it, calls, printing, and the line-number
// lookup for tracebacks. Also the two internal types the loader makes.
#include "runtime/dict.h"
#include "runtime/function.h"
#include "runtime/gc.h"
#include "runtime/module.h"
#include "runtime/print.h"
#include "runtime/qstr.h"
#include "runtime/runtime.h"
#include "runtime/state.h"
#include "runtime/tuple.h"
#include "runtime/vm.h"
#include "runtime/vm_frame.h"

namespace taipan::rt {

const Type kModuleContextType = {
    .base = {&kTypeType},
    .flags = kTypeEqualIsIdentity,
    .name = Q_module_context,
    .base_type = &kObjectType,
};

const Type kRawCodeType = {
    .base = {&kTypeType},
    .flags = kTypeEqualIsIdentity,
    .name = Q_raw_code,
    .base_type = &kObjectType,
};

namespace {

size_t ReadUint(const uint8_t** p) {
  size_t v = 0;
  uint8_t b;
  do {
    b = *(*p)++;
    v = (v << 7) | (b & 0x7f);
  } while (b & 0x80);
  return v;
}

[[noreturn]] void RaiseArgCountMismatch(size_t expected, size_t given) {
  char a[24], b[24];
  const char* parts[] = {"function takes ", DecimalText(static_cast<SignedWord>(expected), a),
                         " positional arguments but ", DecimalText(static_cast<SignedWord>(given), b), " were given"};
  RaiseJoined(&kTypeErrorType, parts, 5);
}

[[noreturn]] void RaiseWithName(const char* before, Qstr name, const char* after) {
  size_t length;
  const char* parts[] = {before, QstrData(name, &length), after};
  RaiseJoined(&kTypeErrorType, parts, 3);
}

// The qstr of argument j (positional first, then keyword-only).
Qstr ArgName(const BytecodeFunction* fun, size_t j) {
  const uint8_t* p = fun->raw->arg_names;
  for (size_t i = 0; i < j; ++i) ReadUint(&p);
  return fun->context->qstr_table[ReadUint(&p)];
}

// Binds the keyword arguments (and fills defaults) once the positional ones
// are in place; `locals` is the frame's local 0 (locals grow downwards).
void BindKeywords(BytecodeFunction* fun, Value* local0, Value* var_kw, size_t n_kw, const Value* kw) {
  const bytecode::Signature& sig = fun->raw->sig;
  size_t n_named = sig.n_pos_args + sig.n_kwonly_args;
  Value dict = kNull;
  if (sig.scope_flags & bytecode::kScopeVarKeywords) {
    dict = NewDict(n_kw);
    *var_kw = dict;
  }
  for (size_t i = 0; i < n_kw; ++i) {
    Value name = kw[2 * i];
    Qstr q = QstrValue(name);
    const uint8_t* p = fun->raw->arg_names;
    size_t j = 0;
    for (; j < n_named; ++j)
      if (fun->context->qstr_table[ReadUint(&p)] == q) break;
    if (j < n_named) {
      if (local0[-(SignedWord)j] != kNull) RaiseWithName("function got multiple values for argument '", q, "'");
      local0[-(SignedWord)j] = kw[2 * i + 1];
      continue;
    }
    if (dict == kNull) RaiseWithName("unexpected keyword argument '", q, "'");
    bool added;
    MapEntry* e = MapFindOrAdd(DictMap(dict), name, &added);
    if (!added) RaiseWithName("function got multiple values for argument '", q, "'");
    e->value = kw[2 * i + 1];
  }
  // Positional defaults fill the last n_def_pos_args positional slots.
  size_t n_def = sig.n_def_pos_args;
  for (size_t i = 0; i < n_def; ++i) {
    Value* slot = &local0[-(SignedWord)(sig.n_pos_args - n_def + i)];
    if (*slot == kNull) *slot = AsTuple(fun->defaults)->items[i];
  }
  for (size_t i = 0; i < sig.n_pos_args; ++i) {
    if (local0[-(SignedWord)i] == kNull) {
      char digits[24];
      const char* parts[] = {"function missing required positional argument #",
                             DecimalText(static_cast<SignedWord>(sig.n_pos_args - i), digits)};
      RaiseJoined(&kTypeErrorType, parts, 2);
    }
  }
  for (size_t i = 0; i < sig.n_kwonly_args; ++i) {
    Value* slot = &local0[-(SignedWord)(sig.n_pos_args + i)];
    if (*slot != kNull) continue;
    Qstr q = ArgName(fun, sig.n_pos_args + i);
    Value v = fun->kw_defaults != kNull ? DictLookup(fun->kw_defaults, FromQstr(q)) : kNull;
    if (v == kNull) RaiseWithName("function missing required keyword argument '", q, "'");
    *slot = v;
  }
}

}  // namespace

void VmSetupFrame(VmFrame* f, BytecodeFunction* fun, size_t n_args, size_t n_kw, const Value* args) {
  const RawCode* raw = fun->raw;
  const bytecode::Signature& sig = raw->sig;
  size_t n_state = sig.n_state;
  f->fun = fun;
  f->n_state = n_state;
  f->ip = raw->opcodes;
  f->sp = f->state - 1;
  f->exc_sp = f->exc_stack() - 1;
  for (size_t i = 0; i < n_state; ++i) f->state[i] = kNull;
  Value* local0 = &f->state[n_state - 1];
  // *args and **kwargs follow the named arguments.
  Value* var_slot = &local0[-(SignedWord)(sig.n_pos_args + sig.n_kwonly_args)];
  size_t n_pos = sig.n_pos_args;
  const Value* kw = args + n_args;
  bool has_var_args = (sig.scope_flags & bytecode::kScopeVarArgs) != 0;
  if (n_args > n_pos) {
    if (!has_var_args) RaiseArgCountMismatch(n_pos, n_args);
    *var_slot-- = NewTuple(n_args - n_pos, args + n_pos);
    n_args = n_pos;
  } else {
    if (has_var_args) *var_slot-- = EmptyTuple();
    if (n_kw == 0 && !(sig.scope_flags & bytecode::kScopeDefKwArgs)) {
      size_t n_required = n_pos - sig.n_def_pos_args;
      if (n_args < n_required) RaiseArgCountMismatch(n_required, n_args);
      for (size_t i = n_args; i < n_pos; ++i) local0[-(SignedWord)i] = AsTuple(fun->defaults)->items[i - n_required];
    }
  }
  for (size_t i = 0; i < n_args; ++i) local0[-(SignedWord)i] = args[i];
  if (n_kw != 0 || (sig.scope_flags & bytecode::kScopeDefKwArgs)) {
    BindKeywords(fun, local0, var_slot, n_kw, kw);
  } else {
    if (sig.n_kwonly_args != 0) RaiseTypeError("function missing keyword-only argument");
    if (sig.scope_flags & bytecode::kScopeVarKeywords) *var_slot = NewDict(0);
  }
  for (size_t i = 0; i < raw->n_cells; ++i) {
    Value* slot = &local0[-(SignedWord)raw->cells[i]];
    *slot = NewCell(*slot);
  }
}

namespace {

// Frames up to this size go on the C stack; bigger ones on the heap.
constexpr size_t kMaxStackFrameBytes = 256 * sizeof(Value);

constexpr size_t kUnplainScopeFlags =
    bytecode::kScopeGenerator | bytecode::kScopeVarArgs | bytecode::kScopeVarKeywords | bytecode::kScopeDefKwArgs;

}  // namespace

// What VmSetupFrame would do for such a call, without looking at what
// cannot apply: the state below the arguments is cleared (the bytecode,
// run when the native entry's guards fail, starts with unbound locals).
bool VmCallNativePlainly(Value fn, Value self, size_t n_args, const Value* args, Value* result) {
  if (!IsObject(fn) || ObjectPointer<Object>(fn)->type != &kBytecodeFunctionType) return false;
  auto* fun = ObjectPointer<BytecodeFunction>(fn);
  const RawCode* raw = fun->raw;
  const bytecode::Signature& sig = raw->sig;
  size_t n_bound = n_args + (self != kNull ? 1 : 0);
  if (!raw->native || (sig.scope_flags & kUnplainScopeFlags) || sig.n_kwonly_args != 0 || raw->n_cells != 0 ||
      sig.n_pos_args != n_bound || sig.n_state < n_bound || ModuleGlobals(fun->context->module) != g_state.globals)
    return false;
  size_t bytes = VmFrameBytes(raw);
  if (bytes > kMaxStackFrameBytes) return false;
  VmCheckStack();
  auto* frame = static_cast<VmFrame*>(__builtin_alloca(bytes));
  frame->fun = fun;
  frame->n_state = sig.n_state;
  for (size_t i = 0; i < sig.n_state - n_bound; ++i) frame->state[i] = kNull;
  Value* local0 = &frame->state[sig.n_state - 1];
  Value* slot = local0;
  if (self != kNull) *slot-- = self;
  for (size_t i = 0; i < n_args; ++i) *slot-- = args[i];
  *result = raw->native(fun, local0);
  return true;
}

namespace {

Value CallFrame(BytecodeFunction* fun, VmFrame* frame, size_t n_args, size_t n_kw, const Value* args) {
  VmSetupFrame(frame, fun, n_args, n_kw, args);
  Value saved_globals = g_state.globals;
  g_state.globals = ModuleGlobals(fun->context->module);
  Value result;
  VmResult kind = VmExecute(frame, kNull, &result);
  g_state.globals = saved_globals;
  if (kind != VmResult::kReturn) taipan_nlr_jump(reinterpret_cast<void*>(Bits(result)));
  return result;
}

// Natively compiled code: the arguments are bound into the frame exactly as
// for bytecode, and the native entry reads them from there (and runs the
// bytecode on the same frame when its argument guards fail).
Value CallNative(BytecodeFunction* fun, VmFrame* frame, size_t n_args, size_t n_kw, const Value* args) {
  VmSetupFrame(frame, fun, n_args, n_kw, args);
  Value* local0 = &frame->state[frame->n_state - 1];
  Value saved_globals = g_state.globals;
  Value globals = ModuleGlobals(fun->context->module);
  // A call within the module: the globals stay as they are, also when the
  // code raises, so no handler is needed.
  if (globals == saved_globals) return fun->raw->native(fun, local0);
  // Into another module: its globals until the code returns or raises.
  g_state.globals = globals;
  NlrBuf nlr;
  if (taipan_nlr_push(&nlr) != 0) {
    g_state.globals = saved_globals;
    taipan_nlr_jump(nlr.value);
  }
  Value result = fun->raw->native(fun, local0);
  taipan_nlr_pop();
  g_state.globals = saved_globals;
  return result;
}

Value BytecodeFunctionCall(Value self, size_t n_args, size_t n_kw, const Value* args) {
  Value result;
  if (n_kw == 0 && VmCallNativePlainly(self, kNull, n_args, args, &result)) return result;
  auto* fun = ObjectPointer<BytecodeFunction>(self);
  if (fun->raw->sig.scope_flags & bytecode::kScopeGenerator) return VmNewGenerator(fun, n_args, n_kw, args);
  VmCheckStack();
  size_t bytes = VmFrameBytes(fun->raw);
  // The collector scans the C stack conservatively, so a frame there keeps
  // its values alive.
  void* memory = bytes <= kMaxStackFrameBytes ? __builtin_alloca(bytes) : Allocate(bytes);
  if (fun->raw->native) return CallNative(fun, static_cast<VmFrame*>(memory), n_args, n_kw, args);
  return CallFrame(fun, static_cast<VmFrame*>(memory), n_args, n_kw, args);
}

void PrintHexWord(const Printer& out, Word w) {
  char digits[2 * sizeof(Word)];
  size_t n = 0;
  do {
    digits[sizeof(digits) - 1 - n++] = "0123456789abcdef"[w & 15];
    w >>= 4;
  } while (w);
  PrintBytes(out, digits + sizeof(digits) - n, n);
}

void BytecodeFunctionPrint(const Printer& out, Value self, PrintKind) {
  PrintCString(out, "<function ");
  PrintQstr(out, ObjectPointer<BytecodeFunction>(self)->raw->name);
  PrintCString(out, " at 0x");
  PrintHexWord(out, Bits(self));
  PrintCString(out, ">");
}

Value BytecodeFunctionAttr(Value self, Qstr name, AttrOp op, Value) {
  if (op != AttrOp::kLoad) return kNull;
  auto* fun = ObjectPointer<BytecodeFunction>(self);
  if (name == Q___name__) return FromQstr(fun->raw->name);
  if (name == Q___globals__) return ModuleGlobals(fun->context->module);
  if (name == Q___module__) {
    Value module_name = DictLookup(ModuleGlobals(fun->context->module), FromQstr(Q___name__));
    return module_name != kNull ? module_name : kNone;
  }
  return kNull;
}

}  // namespace

void VmPrintHexWord(const Printer& out, Word w) { PrintHexWord(out, w); }

const Type kBytecodeFunctionType = {
    .base = {&kTypeType},
    .flags = kTypeEqualIsIdentity | kTypeIsFunction,
    .name = Q_function,
    .print = BytecodeFunctionPrint,
    .call = BytecodeFunctionCall,
    .attr = BytecodeFunctionAttr,
    .base_type = &kObjectType,
};

Value NewBytecodeFunction(ModuleContext* context, RawCode* raw, Value defaults, Value kw_defaults, size_t n_closed,
                          const Value* closed) {
  // Argument binding relies on these; only malformed bytecode breaks them.
  size_t n_defaults = defaults != kNull && HasExactType(defaults, &kTupleType) ? AsTuple(defaults)->length : 0;
  if (n_defaults < raw->sig.n_def_pos_args || (kw_defaults != kNull && !HasExactType(kw_defaults, &kDictType)))
    RaiseValueError("malformed .mpy file: bad function defaults");
  auto* fun = NewObject<BytecodeFunction>(&kBytecodeFunctionType, n_closed * sizeof(Value));
  fun->context = context;
  fun->raw = raw;
  fun->defaults = defaults;
  fun->kw_defaults = kw_defaults;
  fun->n_closed = n_closed;
  for (size_t i = 0; i < n_closed; ++i) fun->closed[i] = closed[i];
  return FromPointer(fun);
}

size_t LineOfOffset(const RawCode* raw, size_t offset) {
  if (raw->line_info == nullptr) return 0;
  // As MicroPython counts: line 1 plus the increments of every entry whose
  // bytecode range ends at or before `offset`.
  size_t line = 1;
  const uint8_t* p = raw->line_info;
  bytecode::LineStep step;
  while (p < raw->line_info_end && bytecode::DecodeLineStep(&p, raw->line_info_end, &step)) {
    if (offset < step.bc_increment) break;
    offset -= step.bc_increment;
    line += step.line_increment;
  }
  return line;
}

}  // namespace taipan::rt
