// Bare-metal test of runtime/nlr on the emulated microcontrollers (see
// README.md): the same checks as test/runtime/nlr_test.cpp, without
// GoogleTest or a C library, plus checks aimed at the register windows of
// Xtensa's windowed ABI. Prints one line per test and returns the number of
// failures; the startup code turns that into QEMU's exit status.
//
// Freestanding: no division or modulo (Cortex-M0 and the LX106 have no
// divide instruction and we link no compiler runtime), no libc.
#include "runtime/nlr.h"
#include "test/runtime/qemu/bare_test.h"

#include <stddef.h>
#include <stdint.h>

using taipan::rt::NlrBuf;

namespace {

using bare_test::g_failures;
using bare_test::Print;
using bare_test::PrintHex;
using bare_test::Fail;

// Opaque to the optimiser: keeps values from being folded into constants.
__attribute__((noinline)) uintptr_t Opaque(uintptr_t x) {
  asm volatile("" : "+r"(x));
  return x;
}

void* Tag(uintptr_t n) { return reinterpret_cast<void*>(n); }
uintptr_t Untag(void* p) { return reinterpret_cast<uintptr_t>(p); }
uintptr_t Mix(uintptr_t h, uintptr_t x) { return (h ^ x) * 0x9e3779b1u + 1; }

__attribute__((noinline)) void Jump(void* value) { taipan_nlr_jump(value); }

__attribute__((noinline)) void RecurseThenJump(int depth, void* value) {
  volatile char pad[24];
  pad[0] = static_cast<char>(depth);
  if (depth <= 0) taipan_nlr_jump(value);
  RecurseThenJump(depth - 1, value);
  pad[1] = pad[0];  // not a tail call
}

__attribute__((noinline)) uintptr_t StackMark() {
  return reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
}

// --- Semantics ---------------------------------------------------------------

void PushAndPop() {
  CHECK(taipan_nlr_top == nullptr);
  NlrBuf buf;
  if (taipan_nlr_push(&buf) == 0) {
    CHECK(taipan_nlr_top == &buf);
    CHECK(buf.prev == nullptr);
    taipan_nlr_pop();
    CHECK(taipan_nlr_top == nullptr);
  } else {
    CHECK(!"push returned non-zero without a jump");
  }
}

void JumpDeliversTheValue() {
  NlrBuf buf;
  volatile int reached = 0;
  if (taipan_nlr_push(&buf) == 0) {
    reached = 1;
    Jump(Tag(0x1234));
    CHECK(!"jump returned");
  } else {
    CHECK(reached == 1);
    CHECK(Untag(buf.value) == 0x1234);
    CHECK(taipan_nlr_top == nullptr);
  }
}

void NestedHandlers() {
  NlrBuf outer, inner;
  volatile int inner_caught = 0, outer_caught = 0;
  if (taipan_nlr_push(&outer) == 0) {
    if (taipan_nlr_push(&inner) == 0) {
      CHECK(inner.prev == &outer);
      Jump(Tag(1));
    } else {
      inner_caught = 1;
      CHECK(Untag(inner.value) == 1);
      CHECK(taipan_nlr_top == &outer);
    }
    Jump(Tag(2));
  } else {
    outer_caught = 1;
    CHECK(Untag(outer.value) == 2);
  }
  CHECK(inner_caught == 1);
  CHECK(outer_caught == 1);
  CHECK(taipan_nlr_top == nullptr);
}

void PopRestoresTheOuter() {
  NlrBuf outer, inner;
  volatile int caught = 0;
  if (taipan_nlr_push(&outer) == 0) {
    if (taipan_nlr_push(&inner) == 0) {
      taipan_nlr_pop();
    } else {
      CHECK(!"inner handler ran");
    }
    CHECK(taipan_nlr_top == &outer);
    Jump(Tag(7));
  } else {
    caught = 1;
    CHECK(Untag(outer.value) == 7);
  }
  CHECK(caught == 1);
}

void ReraiseFromAHandler() {
  NlrBuf outer, inner;
  if (taipan_nlr_push(&outer) == 0) {
    if (taipan_nlr_push(&inner) == 0) {
      Jump(Tag(10));
    } else {
      Jump(Tag(Untag(inner.value) + 1));
    }
    CHECK(!"fell through");
  } else {
    CHECK(Untag(outer.value) == 11);
  }
  CHECK(taipan_nlr_top == nullptr);
}

void DeepRecursion() {
  static const int kDepths[] = {0, 1, 2, 3, 5, 8, 13, 40};
  for (int depth : kDepths) {
    NlrBuf buf;
    if (taipan_nlr_push(&buf) == 0) {
      RecurseThenJump(depth, Tag(static_cast<uintptr_t>(depth) + 100));
      CHECK(!"recursion returned");
    } else {
      CHECK(Untag(buf.value) == static_cast<uintptr_t>(depth) + 100);
    }
    CHECK(taipan_nlr_top == nullptr);
  }
}

__attribute__((noinline)) void NestedReraiseLevel(int depth) {
  NlrBuf buf;
  if (taipan_nlr_push(&buf) == 0) {
    if (depth == 0) Jump(Tag(0));
    NestedReraiseLevel(depth - 1);
    taipan_nlr_pop();
  } else {
    Jump(Tag(Untag(buf.value) + 1));
  }
}

void ReraiseThroughEveryFrame() {
  NlrBuf buf;
  if (taipan_nlr_push(&buf) == 0) {
    NestedReraiseLevel(30);
    CHECK(!"returned");
  } else {
    CHECK(Untag(buf.value) == 31);
  }
  CHECK(taipan_nlr_top == nullptr);
}

// --- Registers ---------------------------------------------------------------

__attribute__((noinline)) void ClobberAndJump(uintptr_t seed) {
  uintptr_t a = Opaque(seed * 3 + 1), b = Opaque(seed * 5 + 2), c = Opaque(seed * 7 + 3);
  uintptr_t d = Opaque(seed * 11 + 4), e = Opaque(seed * 13 + 5), f = Opaque(seed * 17 + 6);
  uintptr_t g = Opaque(seed * 19 + 7), h = Opaque(seed * 23 + 8);
  Opaque(0);
  taipan_nlr_jump(Tag(((a ^ b ^ c ^ d ^ e ^ f ^ g ^ h) & 0xfff0) | 0x10000));
}

// Overwrites the callee-saved registers (the compiler saves them in this
// frame's prologue; the jump skips the epilogue) and jumps.
__attribute__((noinline)) void TrashRegistersAndJump(void* value) {
#if defined(__thumb__) && __ARM_ARCH_ISA_THUMB == 1
  asm volatile(
      "movs r4, #0xa4\n\tmovs r5, #0xa5\n\tmovs r6, #0xa6\n\tmov r8, r4\n\tmov r9, r5\n\t"
      "mov r10, r6\n\tmov r11, r4" ::: "r4", "r5", "r6", "r8", "r9", "r10", "r11", "cc", "memory");
#elif defined(__thumb__)
  asm volatile(
      "mov r4, #0xa4\n\tmov r5, #0xa5\n\tmov r6, #0xa6\n\tmov r8, #0xa8\n\tmov r9, #0xa9\n\t"
      "mov r10, #0xaa\n\tmov r11, #0xab" ::: "r4", "r5", "r6", "r8", "r9", "r10", "r11", "memory");
#if defined(__ARM_FP)
  asm volatile(
      "vmov.f32 s16, #1.0\n\tvmov.f32 s17, #2.0\n\tvmov.f32 s20, #3.0\n\tvmov.f32 s24, #4.0\n\t"
      "vmov.f32 s28, #5.0\n\tvmov.f32 s31, #6.0" ::: "s16", "s17", "s20", "s24", "s28", "s31", "memory");
#endif
#elif (defined(__XTENSA__) || defined(__xtensa__)) && !TAIPAN_NLR_XTENSA_WINDOWED
  asm volatile("movi a12, -1\n\tmovi a13, -2\n\tmovi a14, -3" ::: "a12", "a13", "a14", "memory");
#endif
  taipan_nlr_jump(value);
}

__attribute__((noinline)) uintptr_t LocalsAcrossAJump(uintptr_t seed, int how) {
  uintptr_t v0 = Opaque(seed + 0), v1 = Opaque(seed + 1), v2 = Opaque(seed + 2), v3 = Opaque(seed + 3);
  uintptr_t v4 = Opaque(seed + 4), v5 = Opaque(seed + 5), v6 = Opaque(seed + 6), v7 = Opaque(seed + 7);
  uintptr_t v8 = Opaque(seed + 8), v9 = Opaque(seed + 9), v10 = Opaque(seed + 10), v11 = Opaque(seed + 11);
  NlrBuf buf;
  if (taipan_nlr_push(&buf) == 0) {
    if (how == 0) {
      ClobberAndJump(seed);
    } else if (how == 1) {
      TrashRegistersAndJump(Tag(0x40));
    } else if (how == 2) {
      taipan_nlr_jump(Tag(0x41));  // straight from this frame's callee
    } else {
      RecurseThenJump(20, Tag(0x42));  // many windows away
    }
    taipan_nlr_pop();
    return 0;
  }
  uintptr_t h = Untag(buf.value) != 0 ? 0 : 1;
  uintptr_t vs[] = {v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11};
  for (uintptr_t v : vs) h = Mix(h, v);
  return h;
}

uintptr_t ExpectedLocals(uintptr_t seed) {
  uintptr_t h = 0;
  for (uintptr_t i = 0; i < 12; ++i) h = Mix(h, seed + i);
  return h;
}

void LocalsSurviveAJump() {
  static const uintptr_t kSeeds[] = {1, 1000, 0x5a5a5a5a};
  for (uintptr_t seed : kSeeds) {
    for (int how = 0; how < 4; ++how) {
      uintptr_t got = LocalsAcrossAJump(seed, how);
      if (got != ExpectedLocals(seed)) {
        Fail(__func__, __LINE__, "locals changed across the jump, how =");
        PrintHex(static_cast<uintptr_t>(how));
        Print("\n");
      }
    }
  }
  CHECK(taipan_nlr_top == nullptr);
}

__attribute__((noinline)) uintptr_t CatchesItsOwnJump(uintptr_t x) {
  NlrBuf buf;
  if (taipan_nlr_push(&buf) == 0) {
    TrashRegistersAndJump(Tag(x | 1));
  }
  return Untag(buf.value);
}

void CallersRegistersSurvive() {
  uintptr_t v0 = Opaque(10), v1 = Opaque(11), v2 = Opaque(12), v3 = Opaque(13);
  uintptr_t v4 = Opaque(14), v5 = Opaque(15), v6 = Opaque(16), v7 = Opaque(17);
  uintptr_t r = CatchesItsOwnJump(Opaque(40));
  uintptr_t r2 = CatchesItsOwnJump(Opaque(42));
  CHECK(r == 41);
  CHECK(r2 == 43);
  uintptr_t h = 0, expected = 0;
  uintptr_t vs[] = {v0, v1, v2, v3, v4, v5, v6, v7};
  for (uintptr_t v : vs) h = Mix(h, v);
  for (uintptr_t i = 10; i < 18; ++i) expected = Mix(expected, i);
  CHECK(h == expected);
}

#if defined(__ARM_FP)
__attribute__((noinline)) float OpaqueF(float x) {
  asm volatile("" : "+t"(x));
  return x;
}

// Floats live across the push sit in s16-s31 (callee-saved).
__attribute__((noinline)) float FloatsAcrossAJump() {
  float f0 = OpaqueF(1.5f), f1 = OpaqueF(2.5f), f2 = OpaqueF(3.5f), f3 = OpaqueF(4.5f);
  float f4 = OpaqueF(5.5f), f5 = OpaqueF(6.5f), f6 = OpaqueF(7.5f), f7 = OpaqueF(8.5f);
  NlrBuf buf;
  if (taipan_nlr_push(&buf) == 0) {
    TrashRegistersAndJump(Tag(1));
    taipan_nlr_pop();
    return 0;
  }
  return f0 + 2 * f1 + 3 * f2 + 4 * f3 + 5 * f4 + 6 * f5 + 7 * f6 + 8 * f7;
}

void FloatRegistersSurvive() {
  float expected = 1.5f + 2 * 2.5f + 3 * 3.5f + 4 * 4.5f + 5 * 5.5f + 6 * 6.5f + 7 * 7.5f + 8 * 8.5f;
  CHECK(FloatsAcrossAJump() == expected);
}
#endif

// --- Stack -------------------------------------------------------------------

void TenThousandCycles() {
  uintptr_t first = StackMark();
  int caught = 0, depth = 0;
  for (int i = 0; i < 10000; ++i) {
    NlrBuf buf;
    if (taipan_nlr_push(&buf) == 0) {
      RecurseThenJump(depth, Tag(static_cast<uintptr_t>(i) + 1));
    } else if (Untag(buf.value) == static_cast<uintptr_t>(i) + 1) {
      ++caught;
    }
    if (++depth == 7) depth = 0;
    if (StackMark() != first) {
      CHECK(!"the stack moved");
      break;
    }
  }
  CHECK(caught == 10000);
  CHECK(taipan_nlr_top == nullptr);
}

void HandlersReusedAfterPop() {
  int jumps = 0, pops = 0, third = 0;
  for (int i = 0; i < 1000; ++i) {
    NlrBuf buf;
    if (taipan_nlr_push(&buf) == 0) {
      if (third == 0) Jump(Tag(3));
      taipan_nlr_pop();
      ++pops;
    } else {
      ++jumps;
    }
    if (++third == 3) third = 0;
  }
  CHECK(jumps == 334);
  CHECK(pops == 666);
  CHECK(taipan_nlr_top == nullptr);
}

// Pushes at every depth from 0 to 24 and jumps from 0 to 5 frames further
// down: on Xtensa this puts taipan_nlr_push and taipan_nlr_restore at every
// position of the register window ring.
__attribute__((noinline)) int PushAtDepth(int depth, int jump_depth, uintptr_t seed) {
  if (depth > 0) {
    int r = PushAtDepth(depth - 1, jump_depth, seed + 1);
    return r + static_cast<int>(Opaque(0));
  }
  uintptr_t a = Opaque(seed), b = Opaque(seed + 1), c = Opaque(seed + 2);
  NlrBuf buf;
  if (taipan_nlr_push(&buf) == 0) {
    RecurseThenJump(jump_depth, Tag(seed | 1));
    return -1;
  }
  if (Untag(buf.value) != (seed | 1)) return -2;
  if (a != seed || b != seed + 1 || c != seed + 2) return -3;
  return 1;
}

void EveryWindowPosition() {
  for (int depth = 0; depth <= 24; ++depth) {
    for (int jump_depth = 0; jump_depth <= 5; ++jump_depth) {
      int r = PushAtDepth(depth, jump_depth, 0x100 + static_cast<uintptr_t>(depth) * 8);
      if (r != 1) {
        Fail(__func__, __LINE__, "depth, jump depth, result =");
        PrintHex(static_cast<uintptr_t>(depth));
        Print(" ");
        PrintHex(static_cast<uintptr_t>(jump_depth));
        Print(" ");
        PrintHex(static_cast<uintptr_t>(r));
        Print("\n");
        return;
      }
    }
  }
  CHECK(taipan_nlr_top == nullptr);
}

#if defined(__thumb__) || ((defined(__XTENSA__) || defined(__xtensa__)) && !TAIPAN_NLR_XTENSA_WINDOWED)
// arm_regs_test.S / xtensa_regs_test.S: a distinct value in every
// callee-saved register, push, overwrite them all, jump (directly or from
// `deep` frames down), check them in the handler. 0 on success, else which
// register differed.
extern "C" int nlr_regs_test(int deep);

void EveryCalleeSavedRegister() {
  static const int kDeep[] = {0, 1, 20};
  for (int deep : kDeep) {
    int r = nlr_regs_test(deep);
    if (r != 0) {
      Fail(__func__, __LINE__, "depth, register =");
      PrintHex(static_cast<uintptr_t>(deep));
      Print(" ");
      PrintHex(static_cast<uintptr_t>(r));
      Print("\n");
    }
  }
  CHECK(taipan_nlr_top == nullptr);
}
#define TAIPAN_HAVE_REGS_TEST 1
#endif

#if (defined(__XTENSA__) || defined(__xtensa__)) && TAIPAN_NLR_XTENSA_WINDOWED
// xtensa_regs_test.S: calls taipan_nlr_push with CALL4, CALL8 or CALL12
// (k = 1, 2, 3) with recognisable values in all the caller's registers that
// survive such a call, jumps, and checks them in the handler. 0 on success.
// `deep` = 0 jumps from a direct callee, otherwise from that many frames
// further down (through nlr_test_deep_jump).
extern "C" int nlr_callsize_test(int k, int deep);

void EveryCallSize() {
  static const int kDeep[] = {0, 1, 20};
  for (int k = 1; k <= 3; ++k) {
    for (int deep : kDeep) {
      int r = nlr_callsize_test(k, deep);
      if (r != 0) {
        Fail(__func__, __LINE__, "call size, depth, result =");
        PrintHex(static_cast<uintptr_t>(k));
        Print(" ");
        PrintHex(static_cast<uintptr_t>(deep));
        Print(" ");
        PrintHex(static_cast<uintptr_t>(r));
        Print("\n");
      }
    }
  }
  CHECK(taipan_nlr_top == nullptr);
}
#endif

const bare_test::Test kTests[] = {
    {"PushAndPop", PushAndPop},
    {"JumpDeliversTheValue", JumpDeliversTheValue},
    {"NestedHandlers", NestedHandlers},
    {"PopRestoresTheOuter", PopRestoresTheOuter},
    {"ReraiseFromAHandler", ReraiseFromAHandler},
    {"DeepRecursion", DeepRecursion},
    {"ReraiseThroughEveryFrame", ReraiseThroughEveryFrame},
    {"LocalsSurviveAJump", LocalsSurviveAJump},
    {"CallersRegistersSurvive", CallersRegistersSurvive},
#if defined(__ARM_FP)
    {"FloatRegistersSurvive", FloatRegistersSurvive},
#endif
    {"TenThousandCycles", TenThousandCycles},
    {"HandlersReusedAfterPop", HandlersReusedAfterPop},
    {"EveryWindowPosition", EveryWindowPosition},
#if defined(TAIPAN_HAVE_REGS_TEST)
    {"EveryCalleeSavedRegister", EveryCalleeSavedRegister},
#endif
#if (defined(__XTENSA__) || defined(__xtensa__)) && TAIPAN_NLR_XTENSA_WINDOWED
    {"EveryCallSize", EveryCallSize},
#endif
};

}  // namespace

// For the assembly tests: jump from `depth` frames further down.
extern "C" void nlr_test_deep_jump(int depth, void* value);
extern "C" void nlr_test_deep_jump(int depth, void* value) { RecurseThenJump(depth, value); }

// Called by the startup code; the result is QEMU's exit status.
extern "C" int nlr_qemu_main() {
  uintptr_t mark = StackMark();
  bare_test::RunTests(kTests);
  if (StackMark() != mark) Fail(__func__, __LINE__, "the stack moved over the whole run");
  return bare_test::Finish("nlr");
}
