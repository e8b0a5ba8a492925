// Shared fixture for the runtime's unit tests: a fresh runtime on a 4 MiB
// heap for every test, and helpers to catch Python exceptions.
#ifndef TAIPAN_TEST_RUNTIME_RUNTIME_TEST_H
#define TAIPAN_TEST_RUNTIME_RUNTIME_TEST_H

#include <gtest/gtest.h>

#include <string>

#include "runtime/runtime.h"
#include "runtime/str.h"

extern "C" void* __libc_stack_end;  // glibc: the top of the main thread's stack

namespace taipan::rt::testing {

class RuntimeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    alignas(64) static unsigned char heap[4 << 20];
    // The whole stack is scanned: values live in the test body's frame.
    RuntimeInit(heap, sizeof heap, __libc_stack_end);
  }
};

// Runs `body`; returns the exception it raised, or kNull if it returned.
template <typename F>
Value Catch(F body) {
  NlrBuf buf;
  if (taipan_nlr_push(&buf) == 0) {
    body();
    taipan_nlr_pop();
    return kNull;
  }
  return FromPointer(buf.value);
}

// The text of str(v) / repr(v).
inline std::string Str(Value v) {
  size_t length;
  const char* data = StrBytes(StrOf(v), &length);
  return std::string(data, length);
}
inline std::string Repr(Value v) {
  size_t length;
  const char* data = StrBytes(ReprOf(v), &length);
  return std::string(data, length);
}
inline Value S(const char* text) { return NewStrFromCString(text); }

// "TypeName: message" of what `body` raised, or "no exception".
template <typename F>
std::string Raised(F body) {
  Value exc = Catch(body);
  if (exc == kNull) return "no exception";
  return std::string(TypeNameOf(exc)) + ": " + Str(exc);
}

}  // namespace taipan::rt::testing

#endif  // TAIPAN_TEST_RUNTIME_RUNTIME_TEST_H
