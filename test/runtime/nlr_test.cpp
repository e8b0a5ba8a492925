// Non-local return (runtime/nlr.h): push/pop/jump semantics, nesting,
// register restoration, deep unwinding, and that a jump leaves no stack
// behind. Meant to be built at -O0 and -O2 and under ASan+UBSan; the register
// tests only mean something when optimised (values then live in callee-saved
// registers across the jump).
//
// AddressSanitizer needs no attributes and no
// -fsanitize-address-use-after-return=never: a jump leaves the skipped
// frames' redzones poisoned, and __asan_handle_no_return (which clang calls
// before every noreturn call in instrumented code, and nlr.cpp calls
// explicitly before restoring, for when it is built without ASan) unpoisons
// the stack below the handler, as ASan's own longjmp interceptor does. Runs
// clean with ASAN_OPTIONS=detect_stack_use_after_return=0 and =1.
#include "runtime/nlr.h"

#include <gtest/gtest.h>

#include <stdint.h>

namespace taipan::rt {
namespace {

// Opaque to the optimiser: keeps values from being folded into constants.
__attribute__((noinline)) uintptr_t Opaque(uintptr_t x) {
  asm volatile("" : "+r"(x));
  return x;
}

void* Tag(uintptr_t n) { return reinterpret_cast<void*>(n); }
uintptr_t Untag(void* p) { return reinterpret_cast<uintptr_t>(p); }

__attribute__((noinline)) void Jump(void* value) { taipan_nlr_jump(value); }

// Recurses `depth` frames (each with some stack of its own) and jumps.
__attribute__((noinline)) void RecurseThenJump(int depth, void* value) {
  volatile char pad[64];
  pad[0] = static_cast<char>(depth);
  if (depth <= 0) taipan_nlr_jump(value);
  RecurseThenJump(depth - 1, value);
  pad[1] = pad[0];  // not a tail call
}

TEST(Nlr, PushReturnsZeroAndLinksTheHandler) {
  ASSERT_EQ(taipan_nlr_top, nullptr);
  NlrBuf buf;
  if (taipan_nlr_push(&buf) == 0) {
    EXPECT_EQ(taipan_nlr_top, &buf);
    EXPECT_EQ(buf.prev, nullptr);
    taipan_nlr_pop();
    EXPECT_EQ(taipan_nlr_top, nullptr);
  } else {
    ADD_FAILURE() << "push returned non-zero without a jump";
  }
}

TEST(Nlr, JumpDeliversTheValueWithTheHandlerPopped) {
  NlrBuf buf;
  volatile int reached = 0;
  if (taipan_nlr_push(&buf) == 0) {
    reached = 1;
    Jump(Tag(0x1234));
    ADD_FAILURE() << "jump returned";
  } else {
    EXPECT_EQ(reached, 1);
    EXPECT_EQ(Untag(buf.value), 0x1234u);
    EXPECT_EQ(taipan_nlr_top, nullptr);
  }
  EXPECT_EQ(taipan_nlr_top, nullptr);
}

TEST(Nlr, PushReturnsNonZeroOnJump) {
  NlrBuf buf;
  unsigned r = taipan_nlr_push(&buf);
  if (r == 0) Jump(nullptr);
  EXPECT_NE(r, 0u);
  EXPECT_EQ(buf.value, nullptr);
  EXPECT_EQ(taipan_nlr_top, nullptr);
}

TEST(Nlr, NestedHandlersUnwindToTheInnermost) {
  NlrBuf outer, inner;
  volatile int inner_caught = 0, outer_caught = 0;
  if (taipan_nlr_push(&outer) == 0) {
    if (taipan_nlr_push(&inner) == 0) {
      EXPECT_EQ(inner.prev, &outer);
      Jump(Tag(1));
    } else {
      inner_caught = 1;
      EXPECT_EQ(Untag(inner.value), 1u);
      EXPECT_EQ(taipan_nlr_top, &outer);  // only the inner one popped
    }
    // Still protected by outer: a second jump lands there.
    Jump(Tag(2));
  } else {
    outer_caught = 1;
    EXPECT_EQ(Untag(outer.value), 2u);
  }
  EXPECT_EQ(inner_caught, 1);
  EXPECT_EQ(outer_caught, 1);
  EXPECT_EQ(taipan_nlr_top, nullptr);
}

TEST(Nlr, PopRestoresTheOuterHandler) {
  NlrBuf outer, inner;
  volatile int caught = 0;
  if (taipan_nlr_push(&outer) == 0) {
    if (taipan_nlr_push(&inner) == 0) {
      taipan_nlr_pop();
    } else {
      ADD_FAILURE() << "inner handler ran";
    }
    EXPECT_EQ(taipan_nlr_top, &outer);
    Jump(Tag(7));  // goes to outer, not to the popped inner
  } else {
    caught = 1;
    EXPECT_EQ(Untag(outer.value), 7u);
  }
  EXPECT_EQ(caught, 1);
  EXPECT_EQ(taipan_nlr_top, nullptr);
}

TEST(Nlr, AJumpSkipsHandlersNotYetPoppedBelowIt) {
  // The inner handler is unlinked by its own jump; a jump from the inner
  // handler's body (a re-raise) goes to the outer one.
  NlrBuf outer, inner;
  if (taipan_nlr_push(&outer) == 0) {
    if (taipan_nlr_push(&inner) == 0) {
      Jump(Tag(10));
    } else {
      Jump(Tag(Untag(inner.value) + 1));  // re-raise
    }
    ADD_FAILURE() << "fell through";
  } else {
    EXPECT_EQ(Untag(outer.value), 11u);
  }
  EXPECT_EQ(taipan_nlr_top, nullptr);
}

TEST(Nlr, JumpsThroughDeepRecursion) {
  for (int depth : {0, 1, 10, 1000, 5000}) {
    NlrBuf buf;
    if (taipan_nlr_push(&buf) == 0) {
      RecurseThenJump(depth, Tag(static_cast<uintptr_t>(depth) + 100));
      ADD_FAILURE() << "recursion returned";
    } else {
      EXPECT_EQ(Untag(buf.value), static_cast<uintptr_t>(depth) + 100);
    }
    EXPECT_EQ(taipan_nlr_top, nullptr);
  }
}

// Every level of a recursion has its own handler, which catches the jump
// from below and re-raises it with one added: exception propagation through
// `try/except: raise` at every level.
__attribute__((noinline)) void NestedReraise(int depth) {
  NlrBuf buf;
  if (taipan_nlr_push(&buf) == 0) {
    if (depth == 0) Jump(Tag(0));
    NestedReraise(depth - 1);
    taipan_nlr_pop();
  } else {
    Jump(Tag(Untag(buf.value) + 1));
  }
}

TEST(Nlr, ReraisesThroughAHandlerInEveryFrame) {
  NlrBuf buf;
  if (taipan_nlr_push(&buf) == 0) {
    NestedReraise(300);
    ADD_FAILURE() << "returned";
  } else {
    EXPECT_EQ(Untag(buf.value), 301u);
  }
  EXPECT_EQ(taipan_nlr_top, nullptr);
}

// --- Registers -------------------------------------------------------------

// Keeps many values live across an opaque call, so that an optimising
// compiler puts them in callee-saved registers (which then hold this
// function's values, not the caller's, when the jump leaves), and jumps.
__attribute__((noinline)) void ClobberAndJump(uintptr_t seed) {
  uintptr_t a = Opaque(seed * 3 + 1), b = Opaque(seed * 5 + 2), c = Opaque(seed * 7 + 3);
  uintptr_t d = Opaque(seed * 11 + 4), e = Opaque(seed * 13 + 5), f = Opaque(seed * 17 + 6);
  uintptr_t g = Opaque(seed * 19 + 7), h = Opaque(seed * 23 + 8);
  Opaque(0);
  taipan_nlr_jump(Tag(((a ^ b ^ c ^ d ^ e ^ f ^ g ^ h) & 0xfff0) | 0x10000));
}

#if defined(__x86_64__)
// Belt and braces on x86-64: overwrite every callee-saved register (the
// compiler saves them in this frame's prologue, and the jump never runs the
// epilogue). rbp is left out: it is the frame pointer in the sanitized build.
__attribute__((noinline)) void TrashRegistersAndJump(void* value) {
  asm volatile(
      "movq $-1, %%rbx\n\tmovq $-2, %%r12\n\tmovq $-3, %%r13\n\t"
      "movq $-4, %%r14\n\tmovq $-5, %%r15" ::: "rbx", "r12", "r13", "r14", "r15", "memory");
  taipan_nlr_jump(value);
}
#elif defined(__i386__)
__attribute__((noinline)) void TrashRegistersAndJump(void* value) {
  asm volatile("movl $-1, %%ebx\n\tmovl $-2, %%esi\n\tmovl $-3, %%edi" ::: "ebx", "esi", "edi", "memory");
  taipan_nlr_jump(value);
}
#else
__attribute__((noinline)) void TrashRegistersAndJump(void* value) { taipan_nlr_jump(value); }
#endif

uintptr_t Mix(uintptr_t h, uintptr_t x) { return (h ^ x) * 0x9e3779b1u + 1; }

// Twelve values computed before the push, never modified after it, and
// read by the handler: they stay in callee-saved registers (or stack slots)
// across the push and must come back intact.
__attribute__((noinline)) uintptr_t LocalsAcrossAJump(uintptr_t seed, bool trash) {
  uintptr_t v0 = Opaque(seed + 0), v1 = Opaque(seed + 1), v2 = Opaque(seed + 2), v3 = Opaque(seed + 3);
  uintptr_t v4 = Opaque(seed + 4), v5 = Opaque(seed + 5), v6 = Opaque(seed + 6), v7 = Opaque(seed + 7);
  uintptr_t v8 = Opaque(seed + 8), v9 = Opaque(seed + 9), v10 = Opaque(seed + 10), v11 = Opaque(seed + 11);
  NlrBuf buf;
  if (taipan_nlr_push(&buf) == 0) {
    if (trash) {
      TrashRegistersAndJump(Tag(0x40));
    } else {
      ClobberAndJump(seed);
    }
    taipan_nlr_pop();
    return 0;
  }
  uintptr_t h = Untag(buf.value) != 0 ? 0 : 1;  // buf.value is never 0 here
  for (uintptr_t v : {v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11}) h = Mix(h, v);
  return h;
}

uintptr_t ExpectedLocals(uintptr_t seed) {
  uintptr_t h = 0;
  for (uintptr_t i = 0; i < 12; ++i) h = Mix(h, seed + i);
  return h;
}

TEST(Nlr, LocalsInCalleeSavedRegistersSurviveAJump) {
  for (uintptr_t seed : {uintptr_t{1}, uintptr_t{1000}, uintptr_t{0x5a5a5a5a}}) {
    EXPECT_EQ(LocalsAcrossAJump(seed, false), ExpectedLocals(seed)) << "seed " << seed;
    EXPECT_EQ(LocalsAcrossAJump(seed, true), ExpectedLocals(seed)) << "seed " << seed;
  }
  EXPECT_EQ(taipan_nlr_top, nullptr);
}

// The caller of a function that uses push/jump keeps its own registers: a
// function that catches its own jump and returns normally must hand back
// callee-saved registers as the ABI requires.
__attribute__((noinline)) uintptr_t CatchesItsOwnJump(uintptr_t x) {
  NlrBuf buf;
  if (taipan_nlr_push(&buf) == 0) {
    TrashRegistersAndJump(Tag(x | 1));
  }
  return Untag(buf.value);
}

TEST(Nlr, CallersRegistersSurviveACalleeThatCatchesItsOwnJump) {
  uintptr_t v0 = Opaque(10), v1 = Opaque(11), v2 = Opaque(12), v3 = Opaque(13);
  uintptr_t v4 = Opaque(14), v5 = Opaque(15), v6 = Opaque(16), v7 = Opaque(17);
  uintptr_t r = CatchesItsOwnJump(Opaque(40));
  uintptr_t r2 = CatchesItsOwnJump(Opaque(42));
  EXPECT_EQ(r, 41u);
  EXPECT_EQ(r2, 43u);
  uintptr_t h = 0;
  for (uintptr_t v : {v0, v1, v2, v3, v4, v5, v6, v7}) h = Mix(h, v);
  uintptr_t expected = 0;
  for (uintptr_t i = 10; i < 18; ++i) expected = Mix(expected, i);
  EXPECT_EQ(h, expected);
}

TEST(Nlr, VolatileLocalsModifiedInTheProtectedRegionAreSeenByTheHandler) {
  volatile int counter = 0;
  NlrBuf buf;
  if (taipan_nlr_push(&buf) == 0) {
    for (int i = 0; i < 5; ++i) counter = counter + 1;
    Jump(Tag(1));
  }
  EXPECT_EQ(counter, 5);
}

// --- Stack -----------------------------------------------------------------

__attribute__((noinline)) uintptr_t StackMark() {
  return reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
}

TEST(Nlr, TenThousandPushJumpCyclesLeaveTheStackWhereItWas) {
  uintptr_t first = StackMark();
  int caught = 0;
  for (int i = 0; i < 10000; ++i) {
    NlrBuf buf;
    if (taipan_nlr_push(&buf) == 0) {
      RecurseThenJump(i % 7, Tag(static_cast<uintptr_t>(i) + 1));
    } else {
      if (Untag(buf.value) == static_cast<uintptr_t>(i) + 1) ++caught;
    }
    uintptr_t now = StackMark();
    if (now != first) {
      ADD_FAILURE() << "stack moved by " << static_cast<intptr_t>(first - now) << " bytes after " << i
                    << " cycles";
      break;
    }
  }
  EXPECT_EQ(caught, 10000);
  EXPECT_EQ(taipan_nlr_top, nullptr);
}

TEST(Nlr, HandlersCanBeReusedAfterAPop) {
  int jumps = 0, pops = 0;
  for (int i = 0; i < 1000; ++i) {
    NlrBuf buf;
    if (taipan_nlr_push(&buf) == 0) {
      if (i % 3 == 0) Jump(Tag(3));
      taipan_nlr_pop();
      ++pops;
    } else {
      ++jumps;
    }
  }
  EXPECT_EQ(jumps, 334);
  EXPECT_EQ(pops, 666);
  EXPECT_EQ(taipan_nlr_top, nullptr);
}

// --- No handler --------------------------------------------------------------

TEST(NlrDeathTest, JumpWithoutAHandlerTrapsByDefault) {
  ASSERT_EQ(taipan_nlr_top, nullptr);
  EXPECT_DEATH(taipan_nlr_jump(Tag(1)), "");
}

}  // namespace
}  // namespace taipan::rt
