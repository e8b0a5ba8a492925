// Non-local return: the parts that are plain C++ (see nlr.h). The register
// saving and restoring is in nlr_<arch>.S.
#include "runtime/nlr.h"

using taipan::rt::NlrBuf;

#if defined(__x86_64__) || defined(__i386__)
// On the host the tests run under AddressSanitizer. A jump abandons the
// frames between the jumper and the handler with their redzones still
// poisoned; ASan's own longjmp interceptor fixes that by calling
// __asan_handle_no_return, and so do we. clang inserts that call by itself
// before a noreturn call in instrumented code, but nlr.cpp may be built
// without ASan (the runtime library) and linked into an instrumented
// program, so it is called explicitly through a weak reference, which is
// null when the ASan runtime is not linked.
extern "C" __attribute__((weak)) void __asan_handle_no_return(void);
#define TAIPAN_NLR_ASAN_HOOK 1
#else
#define TAIPAN_NLR_ASAN_HOOK 0
#endif

extern "C" {

NlrBuf* taipan_nlr_top = nullptr;
uintptr_t taipan_native_frames = 0;
void (*taipan_nlr_left_frames)(void* value, uintptr_t innermost, uintptr_t kept) = nullptr;

unsigned taipan_nlr_push_tail(NlrBuf* buf) {
  buf->native_frames = taipan_native_frames;
  buf->prev = taipan_nlr_top;
  taipan_nlr_top = buf;
  return 0;
}

void taipan_nlr_pop(void) { taipan_nlr_top = taipan_nlr_top->prev; }

void taipan_nlr_jump(void* value) {
  NlrBuf* top = taipan_nlr_top;
  if (top == nullptr) taipan_nlr_jump_fail(value);
  top->value = value;
  taipan_nlr_top = top->prev;
  uintptr_t innermost = taipan_native_frames;
  if (innermost != top->native_frames) {
    // Cut first: the hook may allocate, and a MemoryError jump inside it
    // must find the chain consistent.
    taipan_native_frames = top->native_frames;
    if (taipan_nlr_left_frames != nullptr) taipan_nlr_left_frames(value, innermost, top->native_frames);
  }
#if TAIPAN_NLR_ASAN_HOOK
  if (&__asan_handle_no_return != nullptr) __asan_handle_no_return();
#endif
  taipan_nlr_restore(top);
}

__attribute__((weak)) void taipan_nlr_jump_fail(void* value) {
  (void)value;
  for (;;) {
#if defined(__XTENSA__) || defined(__xtensa__)
    asm volatile("ill");  // LLVM lowers __builtin_trap to a call to abort() here
#else
    __builtin_trap();
#endif
  }
}

}  // extern "C"
