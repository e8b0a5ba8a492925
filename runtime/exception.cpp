// The builtin exception types (exception_types.def), raising, matching and
// tracebacks.
#include "runtime/exception.h"

#include "runtime/class.h"
#include "runtime/int.h"
#include "runtime/print.h"
#include "runtime/runtime.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace taipan::rt {

namespace {

// Traceback storage when the heap cannot provide any: MemoryError's own.
constexpr size_t kEmergencyTracebackEntries = 8;
Word g_emergency_traceback[3 * kEmergencyTracebackEntries];

Value ExceptionMakeNew(const Type* type, size_t n_args, size_t n_kw, const Value* args) {
  if (n_kw != 0) RaiseTypeError("exception constructors take no keyword arguments");
  return NewException(type, n_args, args);
}

// The errno names MicroPython's errno module knows (Linux numbering, which
// MicroPython uses on every port): OSError(errno, ...) prints as
// "[Errno N] ENAME" for these.
struct ErrnoName {
  uint8_t number;
  const char* name;
};
constexpr ErrnoName kErrnoNames[] = {
    {1, "EPERM"},       {2, "ENOENT"},        {5, "EIO"},           {9, "EBADF"},         {11, "EAGAIN"},
    {12, "ENOMEM"},     {13, "EACCES"},       {17, "EEXIST"},       {19, "ENODEV"},       {21, "EISDIR"},
    {22, "EINVAL"},     {95, "EOPNOTSUPP"},   {98, "EADDRINUSE"},   {103, "ECONNABORTED"}, {104, "ECONNRESET"},
    {105, "ENOBUFS"},   {107, "ENOTCONN"},    {110, "ETIMEDOUT"},   {111, "ECONNREFUSED"}, {113, "EHOSTUNREACH"},
    {114, "EALREADY"},  {115, "EINPROGRESS"},
};

const char* ErrnoNameOf(Value number) {
  if (!IsSmallInt(number)) return nullptr;
  SignedWord n = SmallIntValue(number);
  for (const ErrnoName& entry : kErrnoNames)
    if (entry.number == n) return entry.name;
  return nullptr;
}

// "[Errno N] ENAME" (then ": strerror") for an OSError with a known errno
// and at most two arguments; false when it does not apply.
bool PrintOSError(const Printer& out, const ExceptionObject* exc, const TupleObject* args) {
  if (!IsSubclass(exc->base.type, &kOSErrorType) || args->length == 0 || args->length > 2) return false;
  const char* name = ErrnoNameOf(args->items[0]);
  if (!name) return false;
  PrintCString(out, "[Errno ");
  PrintSignedWord(out, SmallIntValue(args->items[0]));
  PrintCString(out, "] ");
  PrintCString(out, name);
  if (args->length == 2) {
    PrintCString(out, ": ");
    PrintValue(out, args->items[1], PrintKind::kStr);
  }
  return true;
}

// MicroPython's formats: str() is "" with no arguments, str(arg) with one,
// the tuple's repr with more; repr() is the type name then the args tuple's
// repr, so one argument keeps its comma: ValueError('x',).
void ExceptionPrint(const Printer& out, Value self, PrintKind kind) {
  ExceptionObject* exc = ObjectPointer<ExceptionObject>(self);
  TupleObject* args = AsTuple(exc->args);
  if (kind == PrintKind::kStr) {
    if (args->length == 0) return;
    if (PrintOSError(out, exc, args)) return;
    if (args->length == 1) {
      PrintValue(out, args->items[0], PrintKind::kStr);
      return;
    }
    PrintValue(out, exc->args, PrintKind::kRepr);
    return;
  }
  PrintQstr(out, exc->base.type->name);
  PrintValue(out, exc->args, PrintKind::kRepr);
}

// Attributes: args, __cause__, __context__, __traceback__ (None: tracebacks
// are not objects), and as in MicroPython `value` and `errno` on every
// exception (aliases of args[0]); `code` for SystemExit and `strerror` for
// OSError as in CPython.
Value ExceptionAttr(Value self, Qstr name, AttrOp op, Value value) {
  ExceptionObject* exc = ObjectPointer<ExceptionObject>(self);
  if (op == AttrOp::kStore) {
    if (name == Q___cause__) exc->cause = value;
    else if (name == Q___context__) exc->context = value;
    else if (name == Q___traceback__) TracebackClear(self);
    else return kNull;
    return kNone;
  }
  if (op != AttrOp::kLoad) return kNull;
  TupleObject* args = AsTuple(exc->args);
  if (name == Q_args) return exc->args;
  if (name == Q___cause__) return exc->cause;
  if (name == Q___context__) return exc->context;
  if (name == Q___traceback__) return kNone;
  if (name == Q_value || name == Q_errno) return ExceptionValue(self);
  if (name == Q_code && IsSubclass(exc->base.type, &kSystemExitType)) return ExceptionValue(self);
  if (name == Q_strerror && IsSubclass(exc->base.type, &kOSErrorType)) return args->length > 1 ? args->items[1] : kNone;
  return kNull;
}

// with_traceback(tb): tracebacks are not objects here, so this only returns
// the exception (what `raise e.with_traceback(None)` needs).
Value ExceptionWithTraceback(Value self, Value) { return self; }

constexpr BuiltinFunction kWithTracebackFn(Q_with_traceback, ExceptionWithTraceback);
TAIPAN_CONST_MAP(kExceptionMethods, {Q_with_traceback, &kWithTracebackFn});

// micropython.alloc_emergency_exception_buf(n): recorded only. Taipan's
// out-of-memory path never needs the buffer: MemoryError is preallocated
// and other exceptions are made before the heap is exhausted.
size_t g_emergency_exception_buf_size = 0;

// A Raise*Error helper's exception: the message as a str argument. When the
// heap is exhausted MemoryError replaces it (making it needs memory).
Value ExceptionWithText(const Type* type, const char* text, size_t length) {
  Value message = NewStr(text, length);
  return NewException(type, 1, &message);
}

}  // namespace

void SetEmergencyExceptionBufSize(size_t bytes) { g_emergency_exception_buf_size = bytes; }
size_t EmergencyExceptionBufSize() { return g_emergency_exception_buf_size; }

#define EXCEPTION_ROOT(Name)                  \
  const Type k##Name##Type = {                \
      .base = {&kTypeType},                   \
      .flags = kTypeBaseAllowed | kTypeIsException, \
      .name = Q_##Name,                       \
      .make_new = ExceptionMakeNew,           \
      .print = ExceptionPrint,                \
      .attr = ExceptionAttr,                  \
      .base_type = &kObjectType,              \
      .methods = &kExceptionMethods,          \
  };
#define EXCEPTION_TYPE(Name, Base)            \
  const Type k##Name##Type = {                \
      .base = {&kTypeType},                   \
      .flags = kTypeBaseAllowed | kTypeIsException, \
      .name = Q_##Name,                       \
      .make_new = ExceptionMakeNew,           \
      .print = ExceptionPrint,                \
      .attr = ExceptionAttr,                  \
      .base_type = &k##Base##Type,            \
  };
#include "runtime/exception_types.def"

// Its args are the empty tuple; its traceback the emergency buffer.
ExceptionObject g_memory_error = {
    .base = {&kMemoryErrorType},
    .args = kNull,  // set to EmptyTuple() on first use (not a constant expression)
    .traceback = g_emergency_traceback,
    .traceback_length = 0,
    .traceback_capacity = kEmergencyTracebackEntries,
    .cause = kNone,
    .context = kNone,
};

// --- Creating -------------------------------------------------------------------

Value NewException(const Type* type, size_t n_args, const Value* args) {
  if (!(type->flags & kTypeIsException)) {
    // A class deriving from an exception: construct through the class.
    return Call(FromType(type), n_args, 0, args);
  }
  auto* exc = NewObject<ExceptionObject>(type);
  exc->args = n_args == 0 ? EmptyTuple() : NewTuple(n_args, args);
  exc->cause = kNone;
  exc->context = kNone;
  return FromPointer(exc);
}

Value NewExceptionWithMessage(const Type* type, const char* message) {
  return ExceptionWithText(type, message, __builtin_strlen(message));
}

bool IsExceptionType(const Type* type) {
  return (type->flags & kTypeIsException) || IsSubclass(type, &kBaseExceptionType);
}

bool IsExceptionInstance(Value v) { return IsExceptionType(TypeOf(v)); }

ExceptionObject* ExceptionOf(Value exc) {
  if (TypeOf(exc)->flags & kTypeIsException) return ObjectPointer<ExceptionObject>(exc);
  return ObjectPointer<ExceptionObject>(NativeValue(exc));
}

bool ExceptionMatches(Value exc, Value match) {
  if (HasExactType(match, &kTupleType)) {
    TupleObject* options = AsTuple(match);
    for (size_t i = 0; i < options->length; ++i)
      if (ExceptionMatches(exc, options->items[i])) return true;
    return false;
  }
  if (!IsType(match)) return false;
  const Type* exc_type = IsType(exc) ? TypeValue(exc) : TypeOf(exc);
  return IsSubclass(exc_type, TypeValue(match));
}

Value ExceptionValue(Value exc) {
  TupleObject* args = AsTuple(ExceptionOf(exc)->args);
  return args->length == 0 ? kNone : args->items[0];
}

Value ExceptionLeavingGenerator(Value exc) {
  if (!ExceptionMatches(exc, FromType(&kStopIterationType))) return exc;
  return NewExceptionWithMessage(&kRuntimeErrorType, "generator raised StopIteration");
}

// --- Raising ----------------------------------------------------------------------

void Raise(Value exc) {
  if (IsType(exc) && IsExceptionType(TypeValue(exc))) exc = Call0(exc);
  if (!IsExceptionInstance(exc)) RaiseTypeError("exceptions must derive from BaseException");
  taipan_nlr_jump(reinterpret_cast<void*>(Bits(exc)));
}

void RaiseMessage(const Type* type, const char* message) { Raise(NewExceptionWithMessage(type, message)); }

void RaiseWithArg(const Type* type, Value arg) { Raise(NewException(type, 1, &arg)); }

void RaiseJoined(const Type* type, const char* const* parts, size_t n_parts) {
  StringBuilder text;
  for (size_t i = 0; i < n_parts; ++i) text.AppendCString(parts[i]);
  Value message = text.ToStr();
  Raise(NewException(type, 1, &message));
}

void RaiseTypeError(const char* message) { RaiseMessage(&kTypeErrorType, message); }
void RaiseValueError(const char* message) { RaiseMessage(&kValueErrorType, message); }
void RaiseIndexError(const char* message) { RaiseMessage(&kIndexErrorType, message); }
void RaiseKeyError(Value key) { RaiseWithArg(&kKeyErrorType, key); }
void RaiseZeroDivisionError(const char* message) { RaiseMessage(&kZeroDivisionErrorType, message); }
void RaiseOverflowError(const char* message) { RaiseMessage(&kOverflowErrorType, message); }
void RaiseNotImplementedError(const char* message) { RaiseMessage(&kNotImplementedErrorType, message); }
void RaiseOSError(SignedWord errno_value) { RaiseWithArg(&kOSErrorType, NewInt(errno_value)); }

void RaiseStopIteration(Value value) {
  if (value == kNull) Raise(NewException(&kStopIterationType, 0, nullptr));
  RaiseWithArg(&kStopIterationType, value);
}

void RaiseMemoryError() {
  if (g_memory_error.args == kNull) g_memory_error.args = EmptyTuple();
  g_memory_error.traceback_length = 0;
  taipan_nlr_jump(&g_memory_error);
}

void RaiseAttributeError(Value obj, Qstr name) {
  size_t length;
  const char* attr = QstrData(name, &length);
  if (IsType(obj)) {
    const char* parts[] = {"type object '", TypeName(TypeValue(obj)), "' has no attribute '", attr, "'"};
    RaiseJoined(&kAttributeErrorType, parts, 5);
  }
  const char* parts[] = {"'", TypeNameOf(obj), "' object has no attribute '", attr, "'"};
  RaiseJoined(&kAttributeErrorType, parts, 5);
}

namespace {
const char* OperatorName(BinaryOp op) {
  static const char* const kNames[] = {
#define BINARY_OP(Name, method) #method,
#include "runtime/operator.def"
  };
  return kNames[static_cast<unsigned>(op)];
}
const char* OperatorName(UnaryOp op) {
  static const char* const kNames[] = {
#define UNARY_OP(Name, method) #method,
#include "runtime/operator.def"
  };
  return kNames[static_cast<unsigned>(op)];
}
}  // namespace

void RaiseUnsupportedBinary(BinaryOp op, Value lhs, Value rhs) {
  const char* parts[] = {"unsupported types for ", OperatorName(op), ": '", TypeNameOf(lhs), "', '",
                         TypeNameOf(rhs), "'"};
  RaiseJoined(&kTypeErrorType, parts, 7);
}

void RaiseUnsupportedUnary(UnaryOp op, Value v) {
  const char* parts[] = {"unsupported type for ", OperatorName(op), ": '", TypeNameOf(v), "'"};
  RaiseJoined(&kTypeErrorType, parts, 5);
}

// --- Tracebacks -------------------------------------------------------------------
//
// Entries are stored in the order they are added: innermost frame first.

void TracebackClear(Value exc) {
  ExceptionObject* e = ExceptionOf(exc);
  e->traceback_length = 0;
  if (e != &g_memory_error) {
    e->traceback = nullptr;
    e->traceback_capacity = 0;
  }
}

void TracebackAdd(Value exc, Qstr file, size_t line, Qstr function) {
  ExceptionObject* e = ExceptionOf(exc);
  if (e->traceback_length == (e->traceback_capacity & ~kTracebackFull)) {
    // Never allocate for MemoryError; nor again once growing failed: each
    // try collects a full heap, once per frame of a deep unwinding.
    if (e == &g_memory_error || (e->traceback_capacity & kTracebackFull)) return;
    uint32_t capacity = e->traceback_capacity ? e->traceback_capacity * 2 : 4;
    void* grown = nullptr;
    // Growing may fail: the traceback is then truncated, not the raise.
    NlrBuf buf;
    if (taipan_nlr_push(&buf) == 0) {
      grown = e->traceback ? Reallocate(e->traceback, capacity * 3 * sizeof(Word))
                           : Allocate(capacity * 3 * sizeof(Word), true);
      taipan_nlr_pop();
    }
    if (!grown) {
      e->traceback_capacity |= kTracebackFull;
      return;
    }
    e->traceback = static_cast<Word*>(grown);
    e->traceback_capacity = capacity;
  }
  Word* entry = e->traceback + 3 * e->traceback_length++;
  entry[0] = file;
  entry[1] = line;
  entry[2] = function;
}

void PrintException(const Printer& out, Value exc) {
  if (!IsExceptionInstance(exc)) {  // (sys.print_exception takes anything)
    PrintValue(out, exc, PrintKind::kRepr);
    PrintCString(out, "\n");
    return;
  }
  ExceptionObject* e = ExceptionOf(exc);
  if (e->traceback_length > 0) {
    PrintCString(out, "Traceback (most recent call last):\n");
    for (uint32_t i = e->traceback_length; i-- > 0;) {
      const Word* entry = e->traceback + 3 * i;
      PrintCString(out, "  File \"");
      PrintQstr(out, entry[0]);
      PrintCString(out, "\", line ");
      PrintSignedWord(out, static_cast<SignedWord>(entry[1]));
      if (entry[2] != kNoQstr) {
        PrintCString(out, ", in ");
        PrintQstr(out, entry[2]);
      }
      PrintCString(out, "\n");
    }
  }
  PrintCString(out, TypeNameOf(exc));
  PrintCString(out, ": ");
  PrintValue(out, exc, PrintKind::kStr);
  PrintCString(out, "\n");
}

}  // namespace taipan::rt
