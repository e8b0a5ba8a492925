// The micropython module: const, opt_level, memory and qstr information,
// heap locking, the emergency exception buffer, and schedule().
//
// schedule(f, arg) queues (f, arg) in g_state.schedule_queue (a list of
// 2-tuples, oldest first, at most kScheduleDepth of them); RunScheduled()
// calls them; taipan_native_pending says whether it has work (callbacks are
// queued and none is running). MicroPython's default depth is 4
// (MICROPY_SCHEDULER_DEPTH); several ports use 8, as Taipan does.
#include "runtime/exception.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/native_abi.h"
#include "runtime/nlr.h"
#include "runtime/print.h"
#include "runtime/runtime.h"
#include "runtime/state.h"
#include "runtime/tuple.h"

namespace taipan::rt {

namespace {

constexpr size_t kScheduleDepth = 8;

bool g_scheduler_running = false;

size_t QueuedCallbacks() {
  Value queue = g_state.schedule_queue;
  return queue == kNull ? 0 : AsList(queue)->length;
}

void UpdatePending() {
  native_abi::taipan_native_pending = !g_scheduler_running && QueuedCallbacks() != 0;
}

// The compiler's optimisation level as the program set it (Taipan compiles
// ahead of time, so it is only recorded).
SignedWord g_opt_level = 0;

Value Const(Value v) { return v; }

Value OptLevel(size_t n_args, const Value* args) {
  if (n_args == 0) return NewInt(g_opt_level);
  g_opt_level = IntToWord(args[0]);
  return kNone;
}

// The address of a local of the first call: a stand-in for the top of the
// stack (MicroPython's stack_top), used only for mem_info's stack figure.
Word StackUse() {
  static Word top = 0;
  char here;
  Word at = reinterpret_cast<Word>(&here);
  if (top < at) top = at;
  return top - at;
}

void PrintWord(const Printer& out, size_t n) { PrintSignedWord(out, static_cast<SignedWord>(n)); }

// mem_info([verbose]) in MicroPython's format. The allocation table dump of
// the verbose form is not provided.
Value MemInfo(size_t, const Value*) {
  const Printer& out = g_stdout_printer;
  GcInfo info;
  gc_info(&info);
  PrintCString(out, "stack: ");
  PrintWord(out, StackUse());
  PrintCString(out, "\nGC: total: ");
  PrintWord(out, info.total);
  PrintCString(out, ", used: ");
  PrintWord(out, info.used);
  PrintCString(out, ", free: ");
  PrintWord(out, info.free);
  PrintCString(out, "\n No. of allocations: ");
  PrintWord(out, info.allocations);
  PrintCString(out, ", max blk sz: ");
  PrintWord(out, info.max_alloc / kGcBlockBytes);
  PrintCString(out, ", max free sz: ");
  PrintWord(out, info.max_free / kGcBlockBytes);
  PrintCString(out, "\n");
  return kNone;
}

Value QstrInfo(size_t, const Value*) {
  const Printer& out = g_stdout_printer;
  size_t dynamic = QstrCount() - kStaticQstrCount;
  size_t bytes = 0;
  for (Qstr q = kStaticQstrCount; q < QstrCount(); ++q) {
    size_t length;
    QstrData(q, &length);
    bytes += length + 1;
  }
  PrintCString(out, "qstr pool: n_qstr=");
  PrintWord(out, dynamic);
  PrintCString(out, ", n_str_data_bytes=");
  PrintWord(out, bytes);
  PrintCString(out, "\n");
  return kNone;
}

Value HeapLock() {
  gc_lock();
  return kNone;
}

Value HeapUnlock() {
  gc_unlock();
  return FromSmallInt(static_cast<SignedWord>(gc_lock_depth()));
}

Value HeapLocked() { return FromSmallInt(static_cast<SignedWord>(gc_lock_depth())); }

Value AllocEmergencyExceptionBuf(Value size) {
  SignedWord bytes = IntToWord(size);
  SetEmergencyExceptionBufSize(bytes < 0 ? 0 : static_cast<size_t>(bytes));
  return kNone;
}

Value Schedule(Value function, Value arg) {
  Value queue = g_state.schedule_queue;
  if (AsList(queue)->length >= kScheduleDepth) RaiseMessage(&kRuntimeErrorType, "schedule queue full");
  Value pair[2] = {function, arg};
  ListAppend(queue, NewTuple(2, pair));
  UpdatePending();
  return kNone;
}

constexpr BuiltinFunction kAllocEmergencyExceptionBufFn(Q_alloc_emergency_exception_buf, AllocEmergencyExceptionBuf);
constexpr BuiltinFunction kConstFn(Q_const, Const);
constexpr BuiltinFunction kHeapLockFn(Q_heap_lock, HeapLock);
constexpr BuiltinFunction kHeapLockedFn(Q_heap_locked, HeapLocked);
constexpr BuiltinFunction kHeapUnlockFn(Q_heap_unlock, HeapUnlock);
constexpr BuiltinFunction kMemInfoFn(Q_mem_info, 0, 1, MemInfo);
constexpr BuiltinFunction kOptLevelFn(Q_opt_level, 0, 1, OptLevel);
constexpr BuiltinFunction kQstrInfoFn(Q_qstr_info, 0, 1, QstrInfo);
constexpr BuiltinFunction kScheduleFn(Q_schedule, Schedule);

}  // namespace

TAIPAN_CONST_MAP(kMicropythonModuleGlobals,
                 {Q_alloc_emergency_exception_buf, &kAllocEmergencyExceptionBufFn},
                 {Q_const, &kConstFn},
                 {Q_heap_lock, &kHeapLockFn},
                 {Q_heap_locked, &kHeapLockedFn},
                 {Q_heap_unlock, &kHeapUnlockFn},
                 {Q_mem_info, &kMemInfoFn},
                 {Q_opt_level, &kOptLevelFn},
                 {Q_qstr_info, &kQstrInfoFn},
                 {Q_schedule, &kScheduleFn});

// As MicroPython does, an exception from a callback is printed and the
// program goes on.
static void CallScheduled(Value function, Value arg) {
  NlrBuf buf;
  if (taipan_nlr_push(&buf) == 0) {
    Call1(function, arg);
    taipan_nlr_pop();
    return;
  }
  PrintException(g_stdout_printer, FromPointer(buf.value));
}

void RunScheduled() {
  if (g_scheduler_running) return;
  g_scheduler_running = true;
  UpdatePending();
  while (QueuedCallbacks() > 0) {
    ListObject* list = AsList(g_state.schedule_queue);
    Value pair = list->items[0];
    // Dequeue before the call: the callback may schedule more.
    for (size_t i = 1; i < list->length; ++i) list->items[i - 1] = list->items[i];
    list->items[--list->length] = kNull;
    CallScheduled(AsTuple(pair)->items[0], AsTuple(pair)->items[1]);
  }
  g_scheduler_running = false;
  UpdatePending();
}

}  // namespace taipan::rt
