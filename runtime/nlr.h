// Non-local return (nlr): the mechanism Python exceptions are built on.
//
// Like setjmp/longjmp, but our own (the runtime has neither C++ exceptions
// nor a C library), with MicroPython's shape so that native code can share
// the idiom:
//
//   NlrBuf buf;
//   if (taipan_nlr_push(&buf) == 0) {
//     ... protected code; anything in it may call taipan_nlr_jump(exc) ...
//     taipan_nlr_pop();              // leaving normally: unlink the handler
//   } else {
//     ... handler: buf.value is the jumped value; the handler is already
//     unlinked (taipan_nlr_top == buf.prev) ...
//   }
//
// Handlers form a chain through NlrBuf::prev, innermost first, headed by
// taipan_nlr_top. Rules (as for setjmp): the function that called
// taipan_nlr_push must not return while its buffer is linked; a local it
// modifies inside the protected region and reads in the handler must be
// volatile (it may have lived in a register that the jump restores to its
// value at push time). Single-threaded: taipan_nlr_top is one global.
//
// How it works. taipan_nlr_push (assembly, one file per architecture family)
// saves the registers the callee may not clobber under the C ABI — the
// callee-saved registers, the stack pointer and the return address — into
// buf->regs, then tail-calls taipan_nlr_push_tail (C++, nlr.cpp), which links
// the buffer and returns 0. taipan_nlr_jump (C++) unlinks the innermost
// buffer, stores the value and calls taipan_nlr_restore (assembly), which
// reloads the saved registers and returns 1 from the original
// taipan_nlr_push call.
//
// Register layout of NlrBuf::regs, per architecture (index: contents):
//
//   x86-64 (System V)   8 words  0 return address   1 rsp after the return
//                                2 rbp  3 rbx  4 r12  5 r13  6 r14  7 r15
//   i386 (cdecl)        6 words  0 return address   1 esp after the return
//                                2 ebp  3 ebx  4 esi  5 edi
//   Thumb (armv6m,     10 words  0-7 r4-r11   8 sp   9 lr (the return address)
//     armv7m, armv7em) +16 with an FPU (__ARM_FP): 10-25 s16-s31
//   Xtensa call0        6 words  0 a0 (return address)  1 a1 (sp)  2-5 a12-a15
//     (ESP8266)
//   Xtensa windowed    13 words  0-11 a0-a11 of the caller of taipan_nlr_push
//     (ESP32)                    (a4-a11 only as far as its call size reaches:
//                                none for call4, a4-a7 for call8, a4-a11 for
//                                call12), 12 taipan_nlr_push's own a0: the
//                                return address with the caller's call size
//                                in bits 31:30
//
// Xtensa ABI selection. clang's driver cannot be told -mcpu for Xtensa (the
// CPU reaches llc only), so nothing predefines the ABI; the build must pass
// -DTAIPAN_XTENSA_CALL0=1 (ESP8266, llc -mcpu=esp8266) or
// -DTAIPAN_XTENSA_WINDOWED=1 (ESP32, llc -mcpu=esp32) to every C++ and .S
// compilation. GCC's __XTENSA_CALL0_ABI__ / __XTENSA_WINDOWED_ABI__ are
// honoured when present. See nlr_xtensa.S for how the windowed variant
// spills the register windows.
//
// This header is also included by the .S files (under __ASSEMBLER__) for the
// buffer offsets and the architecture selection.
#ifndef TAIPAN_RUNTIME_NLR_H
#define TAIPAN_RUNTIME_NLR_H

// ---------------------------------------------------------------------------
// Architecture selection (usable from C++ and from the assembly files)
// ---------------------------------------------------------------------------

#if defined(__x86_64__)
#if defined(_WIN32)
#error "nlr: the Windows x64 ABI (rdi, rsi, xmm6-xmm15 callee-saved) is not supported"
#endif
#define TAIPAN_NLR_WORD 8
#define TAIPAN_NLR_REGISTER_COUNT 8

#elif defined(__i386__)
#define TAIPAN_NLR_WORD 4
#define TAIPAN_NLR_REGISTER_COUNT 6

#elif defined(__arm__) || defined(__thumb__)
#if !defined(__ARM_ARCH_ISA_THUMB)
#error "nlr: ARM needs Thumb (armv6m, armv7m, armv7em, armv8m)"
#endif
#define TAIPAN_NLR_WORD 4
#if defined(__ARM_FP)
#define TAIPAN_NLR_REGISTER_COUNT 26
#else
#define TAIPAN_NLR_REGISTER_COUNT 10
#endif

#elif defined(__XTENSA__) || defined(__xtensa__)
#define TAIPAN_NLR_WORD 4
#if defined(TAIPAN_XTENSA_WINDOWED) && TAIPAN_XTENSA_WINDOWED
#define TAIPAN_NLR_XTENSA_WINDOWED 1
#elif defined(TAIPAN_XTENSA_CALL0) && TAIPAN_XTENSA_CALL0
#define TAIPAN_NLR_XTENSA_WINDOWED 0
#elif defined(__XTENSA_WINDOWED_ABI__)
#define TAIPAN_NLR_XTENSA_WINDOWED 1
#elif defined(__XTENSA_CALL0_ABI__)
#define TAIPAN_NLR_XTENSA_WINDOWED 0
#else
#error "nlr: say which Xtensa ABI: -DTAIPAN_XTENSA_CALL0=1 (esp8266) or -DTAIPAN_XTENSA_WINDOWED=1 (esp32)"
#endif
#if TAIPAN_NLR_XTENSA_WINDOWED
#define TAIPAN_NLR_REGISTER_COUNT 13
#else
#define TAIPAN_NLR_REGISTER_COUNT 6
#endif

#else
#error "nlr: unsupported architecture"
#endif

// Byte offsets inside NlrBuf, for the assembly files.
#define TAIPAN_NLR_PREV_OFFSET 0
#define TAIPAN_NLR_VALUE_OFFSET TAIPAN_NLR_WORD
#define TAIPAN_NLR_REGS_OFFSET (2 * TAIPAN_NLR_WORD)

#ifndef __ASSEMBLER__

#include <stddef.h>
#include <stdint.h>

namespace taipan::rt {

inline constexpr size_t kNlrRegisterCount = TAIPAN_NLR_REGISTER_COUNT;

struct NlrBuf {
  NlrBuf* prev;  // the next outer handler, or nullptr
  void* value;   // set by taipan_nlr_jump before the handler runs
  uintptr_t regs[kNlrRegisterCount];  // layout: see the table above
  uintptr_t native_frames;  // taipan_native_frames when pushed
};

static_assert(sizeof(uintptr_t) == TAIPAN_NLR_WORD);
static_assert(offsetof(NlrBuf, prev) == TAIPAN_NLR_PREV_OFFSET);
static_assert(offsetof(NlrBuf, value) == TAIPAN_NLR_VALUE_OFFSET);
static_assert(offsetof(NlrBuf, regs) == TAIPAN_NLR_REGS_OFFSET);
// Generated code allocates its buffers by this size (backends/llvm/abi.h).
static_assert(sizeof(NlrBuf) == (3 + kNlrRegisterCount) * sizeof(uintptr_t));

}  // namespace taipan::rt

extern "C" {

// The innermost handler, or nullptr.
extern taipan::rt::NlrBuf* taipan_nlr_top;

// Like setjmp: returns 0 once the handler is pushed; returns non-zero when
// taipan_nlr_jump arrives, with buf->value set and the handler already
// popped. (Generated code must mark its calls returns_twice too.)
__attribute__((returns_twice)) unsigned taipan_nlr_push(taipan::rt::NlrBuf* buf);

// Leave the protected region normally: unlinks the innermost handler.
void taipan_nlr_pop(void);

// Unwind to the innermost handler, which receives `value`. With no handler,
// calls taipan_nlr_jump_fail(value).
[[noreturn]] void taipan_nlr_jump(void* value);

// Native code keeps a chain of frame records, innermost first (runtime/vm.h
// NativeFrame; 0 when no native function runs). A jump cuts it back to what
// it was when the handler was pushed (NlrBuf::native_frames), and if that
// left frames out, first calls taipan_nlr_left_frames (when set: the runtime
// adds the frames to the exception's traceback) with the jumped value, the
// innermost frame left and the first one kept.
extern uintptr_t taipan_native_frames;
extern void (*taipan_nlr_left_frames)(void* value, uintptr_t innermost, uintptr_t kept);

// Called when there is no handler. The embedder provides it; the weak default
// in nlr.cpp traps.
[[noreturn]] void taipan_nlr_jump_fail(void* value);

// Internal, between nlr.cpp and the assembly files.
// taipan_nlr_push_tail links buf into the chain and returns 0 (taipan_nlr_push
// tail-calls it after saving the registers); taipan_nlr_restore reloads the
// registers saved in buf and returns 1 from the taipan_nlr_push call that
// saved them.
__attribute__((visibility("hidden"))) unsigned taipan_nlr_push_tail(taipan::rt::NlrBuf* buf);
[[noreturn]] __attribute__((visibility("hidden"))) void taipan_nlr_restore(taipan::rt::NlrBuf* buf);

}  // extern "C"

#endif  // __ASSEMBLER__

#endif  // TAIPAN_RUNTIME_NLR_H
