// Generators (and async def coroutines, which MicroPython runs as
// generators): a heap frame resumed by next()/send()/throw()/close().
#include "runtime/exception.h"
#include "runtime/gc.h"
#include "runtime/module.h"
#include "runtime/native_abi.h"
#include "runtime/print.h"
#include "runtime/runtime.h"
#include "runtime/state.h"
#include "runtime/vm.h"
#include "runtime/vm_frame.h"

namespace taipan::rt {

namespace {

struct GeneratorObject {
  Object base;  // &kGeneratorType
  // kNone normally; kNull while its frame executes (re-entry is an error);
  // else an exception pend_throw() asked to raise at the next resumption.
  Value pending;
  // Natively compiled generators: the coroutine and what it exchanges with
  // the runtime (unused by bytecode generators).
  NativeGeneratorState native;
  // The frame follows (VmFrame with its state; a native generator's code
  // reads its bound arguments from there when it starts).
  VmFrame* frame() { return reinterpret_cast<VmFrame*>(this + 1); }
  const VmFrame* frame() const { return reinterpret_cast<const VmFrame*>(this + 1); }
};

static_assert(sizeof(GeneratorObject) % sizeof(Value) == 0, "the frame after the header must be word-aligned");

GeneratorObject* AsGenerator(Value v) { return ObjectPointer<GeneratorObject>(v); }

// Raises `result` of a resumption that ended in an exception.
[[noreturn]] void Rethrow(Value exc) { taipan_nlr_jump(reinterpret_cast<void*>(Bits(exc))); }

// Resumes and turns the outcome into a value or an exception: a return
// raises StopIteration(value).
Value ResumeOrRaise(Value self, Value send, Value thrown) {
  Value v;
  switch (VmGeneratorResume(self, send, thrown, &v)) {
    case VmResult::kYield:
      return v;
    case VmResult::kReturn:
      RaiseStopIteration(v == kNone ? kNull : v);
    default:
      Rethrow(v);
  }
}

Value GeneratorIterNext(Value self) {
  Value v;
  switch (VmGeneratorResume(self, kNone, kNull, &v)) {
    case VmResult::kYield:
      return v;
    case VmResult::kReturn:
      return kStopIteration;
    default:
      Rethrow(v);
  }
}

Value GeneratorGetIter(Value self) { return self; }

}  // namespace

Value GeneratorNextOrRaise(Value self) { return ResumeOrRaise(self, kNone, kNull); }

namespace {

Value GeneratorSend(Value self, Value value) { return ResumeOrRaise(self, value, kNull); }

// throw(exc) / throw(type, value[, traceback]) as MicroPython takes them.
Value GeneratorThrow(size_t n_args, const Value* args) {
  Value exc = args[1];
  if (n_args > 2 && args[2] != kNone) exc = args[2];
  return ResumeOrRaise(args[0], kNull, exc);
}

Value GeneratorClose(Value self) {
  Value v;
  switch (VmGeneratorResume(self, kNull, NewException(&kGeneratorExitType, 0, nullptr), &v)) {
    case VmResult::kYield:
      RaiseMessage(&kRuntimeErrorType, "generator ignored GeneratorExit");
    case VmResult::kException:
      if (ExceptionMatches(v, FromType(&kGeneratorExitType))) return kNone;
      Rethrow(v);
    default:
      return kNone;
  }
}

// MicroPython's pend_throw(exc): raise exc at the next resumption;
// returns the exception pending before (None if none).
Value GeneratorPendThrow(Value self, Value exc) {
  GeneratorObject* gen = AsGenerator(self);
  if (gen->pending == kNull) RaiseValueError("generator already executing");
  Value previous = gen->pending;
  gen->pending = exc;
  return previous;
}

void GeneratorPrint(const Printer& out, Value self, PrintKind) {
  PrintCString(out, "<generator object '");
  PrintQstr(out, AsGenerator(self)->frame()->fun->raw->name);
  PrintCString(out, "' at 0x");
  VmPrintHexWord(out, Bits(self));
  PrintCString(out, ">");
}

constexpr BuiltinFunction kGeneratorCloseFn(Q_close, GeneratorClose);
constexpr BuiltinFunction kGeneratorPendThrowFn(Q_pend_throw, GeneratorPendThrow);
constexpr BuiltinFunction kGeneratorSendFn(Q_send, GeneratorSend);
constexpr BuiltinFunction kGeneratorThrowFn(Q_throw, 2, 4, GeneratorThrow);

TAIPAN_CONST_MAP(kGeneratorMethods, {Q_close, &kGeneratorCloseFn}, {Q_pend_throw, &kGeneratorPendThrowFn}, {Q_send, &kGeneratorSendFn},
                 {Q_throw, &kGeneratorThrowFn});

}  // namespace

const Type kGeneratorType = {
    .base = {&kTypeType},
    .flags = kTypeEqualIsIdentity | kTypeIsIterator,
    .name = Q_generator,
    .print = GeneratorPrint,
    .get_iter = GeneratorGetIter,
    .iter_next = GeneratorIterNext,
    .base_type = &kObjectType,
    .methods = &kGeneratorMethods,
};

Value VmNewGenerator(BytecodeFunction* fun, size_t n_args, size_t n_kw, const Value* args) {
  auto* gen = NewObject<GeneratorObject>(&kGeneratorType, VmFrameBytes(fun->raw));
  gen->pending = kNone;
  gen->native = NativeGeneratorState{nullptr, kNone, kNull, kNone, 0, {}, kNull, 0, kNone};
  VmSetupFrame(gen->frame(), fun, n_args, n_kw, args);
  return FromPointer(gen);
}

namespace {

// Runs a native generator's coroutine from where it stopped (or from the
// start), as VmExecute runs a bytecode frame: kYield/kReturn with the value,
// or kException with the exception that left the body.
VmResult RunNativeGenerator(GeneratorObject* gen, Value send, Value thrown, Value* out) {
  NativeGeneratorState* state = &gen->native;
  VmFrame* frame = gen->frame();
  if (state->coroutine == nullptr && thrown != kNull) {
    *out = VmMakeRaiseObject(thrown);  // thrown into a generator that never ran: nothing can catch it
    return VmResult::kException;
  }
  state->sent = send == kNull ? kNone : send;
  state->thrown = thrown;
  NlrBuf nlr;
  if (taipan_nlr_push(&nlr) != 0) {
    *out = FromPointer(nlr.value);
    return VmResult::kException;
  }
  // The body's frame record is linked while it runs (a jump out of the
  // body unlinks it: taipan_nlr_jump cuts the chain back).
  state->frame.prev = reinterpret_cast<NativeFrame*>(native_abi::taipan_native_frames);
  native_abi::taipan_native_frames = reinterpret_cast<Word>(&state->frame);
  if (state->coroutine == nullptr) {
    // A generator's table entry is its start (through void (*)(): the
    // function type C++ sanctions as an intermediate for such casts).
    auto start = reinterpret_cast<NativeGeneratorStart>(reinterpret_cast<void (*)()>(frame->fun->raw->native));
    state->coroutine = start(frame->fun, &frame->state[frame->n_state - 1], state);
  } else {
    // Through clang's own resume (LLVM's resume functions use LLVM's
    // internal calling convention, not C's).
    __builtin_coro_resume(state->coroutine);
  }
  native_abi::taipan_native_frames = reinterpret_cast<Word>(state->frame.prev);
  taipan_nlr_pop();
  *out = state->result;
  return state->returned ? VmResult::kReturn : VmResult::kYield;
}

// Resumes `gen`'s body, with the checks done: marks it executing while it
// runs, and finished when it returns or raises.
VmResult RunBody(GeneratorObject* gen, Value send, Value thrown, Value* out) {
  VmFrame* frame = gen->frame();
  gen->pending = kNull;
  Value saved_globals = g_state.globals;
  g_state.globals = ModuleGlobals(frame->fun->context->module);
  VmResult kind = frame->fun->raw->native != nullptr ? RunNativeGenerator(gen, send, thrown, out)
                                                     : VmExecute(frame, thrown, out);
  g_state.globals = saved_globals;
  gen->pending = kNone;
  if (kind == VmResult::kReturn) {
    frame->ip = nullptr;
  } else if (kind == VmResult::kException) {
    frame->ip = nullptr;
    *out = ExceptionLeavingGenerator(*out);
  }
  return kind;
}

// The generator a native body suspended in `yield from` steps in its place
// (NativeGeneratorState::delegate), or null.
GeneratorObject* DelegateOf(const GeneratorObject* gen) {
  return gen->native.delegate == kNull ? nullptr : AsGenerator(gen->native.delegate);
}

// Whether a resumption of `gen` with a value is a step of its delegate: a
// started native body suspended in `yield from` on a generator, with nothing
// pending (VmGeneratorResume raises for a pending exception or re-entry).
// (Only a native body's yield_from sets a delegate, and only when it
// suspends, so the generator is native and started; it may have finished
// since, when something thrown in ended it.)
bool SteppedThroughDelegate(const GeneratorObject* gen) {
  return gen->native.delegate != kNull && gen->pending == kNone && gen->frame()->ip != nullptr;
}

// Resumes `gen` as VmGeneratorResume does, turning what the resumption itself
// raises (re-entry, the stack used up, no memory) into its outcome, as when
// the delegating body's yield_from helper steps it.
VmResult ResumeCatching(GeneratorObject* gen, Value send, Value* out) {
  NlrBuf nlr;
  if (taipan_nlr_push(&nlr) != 0) {
    *out = FromPointer(nlr.value);
    return VmResult::kException;
  }
  VmResult kind = VmGeneratorResume(FromPointer(gen), send == kNull ? kNone : send, kNull, out);
  taipan_nlr_pop();
  return kind;
}

// The generator whose delegate is `gen` in the chain from `top`.
GeneratorObject* DelegatorOf(GeneratorObject* top, const GeneratorObject* gen) {
  GeneratorObject* g = top;
  while (DelegateOf(g) != gen) g = DelegateOf(g);
  return g;
}

// Resumes `top`, a generator stepped through its delegate, with a value. A
// chain of generators delegating with `yield from` is walked down, each one
// marked executing, to the first that runs its own body, and only that one
// is resumed: an item costs one resumption, however deep the chain. When
// that body returns or raises, the generator delegating to it takes the
// outcome at its yield from (native_abi.cpp yield_from) and runs on; and so
// on up the chain until one yields or `top` itself ends.
VmResult ResumeDelegationChain(GeneratorObject* top, Value send, Value* out) {
  GeneratorObject* g = top;
  g->pending = kNull;
  while (SteppedThroughDelegate(DelegateOf(g))) {
    g = DelegateOf(g);
    g->pending = kNull;
  }
  VmResult kind = ResumeCatching(DelegateOf(g), send, out);
  for (;;) {
    if (kind == VmResult::kYield) {
      for (GeneratorObject* up = top; up != DelegateOf(g); up = DelegateOf(up)) up->pending = kNone;
      return kind;
    }
    NativeGeneratorState* state = &g->native;
    state->delegate = kNull;
    state->delegate_ended = kind == VmResult::kReturn ? 1 : 2;
    state->delegate_result = *out;
    kind = RunBody(g, kNone, kNull, out);
    if (g == top) return kind;
    g = DelegatorOf(top, g);
  }
}

}  // namespace

VmResult VmGeneratorResume(Value self, Value send, Value thrown, Value* out) {
  GeneratorObject* gen = AsGenerator(self);
  VmFrame* frame = gen->frame();
  if (frame->ip == nullptr) {  // finished
    *out = kNone;
    return VmResult::kReturn;
  }
  if (gen->pending == kNull) RaiseValueError("generator already executing");
  if (gen->pending != kNone) thrown = gen->pending;
  bool native = frame->fun->raw->native != nullptr;
  bool started = native ? gen->native.coroutine != nullptr : frame->sp != frame->state - 1;
  if (!started) {
    if (send != kNone && send != kNull) RaiseTypeError("can't send non-None value to a just-started generator");
  } else if (!native) {
    *frame->sp = send;  // the value of the yield expression
  }
  VmCheckStack();
  if (thrown == kNull && SteppedThroughDelegate(gen)) return ResumeDelegationChain(gen, send, out);
  return RunBody(gen, send, thrown, out);
}

}  // namespace taipan::rt
