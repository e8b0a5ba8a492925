// Python exceptions: the exception object, raising (a non-local return to
// the innermost handler, nlr.h), matching, and tracebacks.
//
// Handling an exception in C++:
//
//   NlrBuf buf;
//   if (taipan_nlr_push(&buf) == 0) {
//     ... code that may raise ...
//     taipan_nlr_pop();
//   } else {
//     Value exc = FromPointer(buf.value);   // an exception instance
//   }
//
// Invariants:
//  - What travels through nlr is always an exception instance (a value whose
//    type has kTypeIsException, or a class instance whose native base is
//    one); Raise() instantiates a class given instead.
//  - MemoryError is raised without allocating: a statically allocated
//    instance (g_memory_error) is used when the heap cannot hold a new one,
//    and its traceback is the static emergency buffer.
//  - A traceback is a list of (file qstr, line, function qstr) entries,
//    innermost last, added as the exception leaves each Python frame. When
//    the heap cannot grow it, entries are dropped, never the exception.
#ifndef TAIPAN_RUNTIME_EXCEPTION_H
#define TAIPAN_RUNTIME_EXCEPTION_H

#include <stddef.h>

#include "runtime/nlr.h"
#include "runtime/object.h"

namespace taipan::rt {

struct ExceptionObject {
  Object base;
  Value args;             // a tuple
  Word* traceback;        // traceback_length entries of 3 words each
  uint32_t traceback_length;
  uint32_t traceback_capacity;  // in entries; kTracebackFull set once growing failed
  Value cause;            // __cause__ (raise ... from), or kNone
  Value context;          // __context__, or kNone
};

// The top bit of ExceptionObject::traceback_capacity: the traceback could
// not grow, and takes no more entries until it is cleared.
constexpr uint32_t kTracebackFull = 0x80000000u;

// --- Raising ------------------------------------------------------------------

// Raises `exc`: an exception instance, or an exception class (instantiated
// with no arguments). TypeError if it is neither.
[[noreturn]] void Raise(Value exc);
// Raises type(message); `message` is a C string literal (not copied).
[[noreturn]] void RaiseMessage(const Type* type, const char* message);
// Raises type(arg).
[[noreturn]] void RaiseWithArg(const Type* type, Value arg);
// Raises type(text) where text is `parts` concatenated, each part a C
// string (no varargs: messages are assembled from pieces).
[[noreturn]] void RaiseJoined(const Type* type, const char* const* parts, size_t n_parts);
[[noreturn]] void RaiseTypeError(const char* message);
[[noreturn]] void RaiseValueError(const char* message);
[[noreturn]] void RaiseIndexError(const char* message);
[[noreturn]] void RaiseKeyError(Value key);
[[noreturn]] void RaiseMemoryError();
[[noreturn]] void RaiseStopIteration(Value value);  // value kNull: no argument
[[noreturn]] void RaiseOSError(SignedWord errno_value);
[[noreturn]] void RaiseZeroDivisionError(const char* message);
[[noreturn]] void RaiseOverflowError(const char* message);
[[noreturn]] void RaiseNotImplementedError(const char* message);
// "'<type>' object has no attribute '<name>'"
[[noreturn]] void RaiseAttributeError(Value obj, Qstr name);
// "unsupported types for <op>: '<lhs>', '<rhs>'"
[[noreturn]] void RaiseUnsupportedBinary(BinaryOp op, Value lhs, Value rhs);
// "unsupported type for <op>: '<type>'"
[[noreturn]] void RaiseUnsupportedUnary(UnaryOp op, Value v);

// --- Creating and inspecting ------------------------------------------------

// type(*args): a new instance of an exception type (or a subclass).
Value NewException(const Type* type, size_t n_args, const Value* args);
Value NewExceptionWithMessage(const Type* type, const char* message);
bool IsExceptionType(const Type* type);
bool IsExceptionInstance(Value v);
// The ExceptionObject of an exception instance (a class instance gives its
// native base).
ExceptionObject* ExceptionOf(Value exc);
// except clause matching: `match` is an exception class or a tuple of them.
bool ExceptionMatches(Value exc, Value match);
// StopIteration.value / SystemExit.code: args[0], or None.
Value ExceptionValue(Value exc);
// What a generator raises when `exc` escapes its body (PEP 479): a
// StopIteration becomes RuntimeError "generator raised StopIteration".
Value ExceptionLeavingGenerator(Value exc);

// --- Tracebacks ---------------------------------------------------------------

void TracebackClear(Value exc);
void TracebackAdd(Value exc, Qstr file, size_t line, Qstr function);
// Prints "Traceback (most recent call last):", the entries
// ('  File "f", line N, in g') and then "Type: message", MicroPython's way.
// Anything else than an exception prints as repr() would.
void PrintException(const Printer& out, Value exc);

// The preallocated MemoryError (see the invariants above).
extern ExceptionObject g_memory_error;

// micropython.alloc_emergency_exception_buf: records the size (MemoryError
// here needs no buffer; the size is kept for programs that read it back).
void SetEmergencyExceptionBufSize(size_t bytes);
size_t EmergencyExceptionBufSize();

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_EXCEPTION_H
