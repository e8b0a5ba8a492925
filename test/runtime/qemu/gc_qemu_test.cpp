// Bare-metal test of runtime/gc on the emulated microcontrollers (see
// README.md): the collector's conservative stack scan and its register
// spilling (ARM r4-r11, Xtensa call0 a12-a15, Xtensa windowed register
// windows) run for real, plus allocation/collection sanity, heap exhaustion
// and a deep call chain. Prints one line per test and returns the number of
// failures; the startup code turns that into QEMU's exit status (run.sh
// links it with --defsym=nlr_qemu_main=gc_qemu_main).
//
// Freestanding: no division or modulo; memset/memcpy come from the
// runtime's own runtime/freestanding/libc.cpp.
//
// Conservative scanning means a stale copy of a pointer in dead stack can
// keep an allocation alive. The tests that expect something to be freed
// therefore allocate in a callee (whose frame is dead on return) and call
// gc_test_scrub (assembly: zeroes the 2 KiB below sp and, windowed, every
// physical address register outside the caller's window, which would
// otherwise be spilled with stale contents by later calls) before collecting.
#include "runtime/gc.h"
#include "test/runtime/qemu/bare_test.h"

#include <stddef.h>
#include <stdint.h>

using namespace taipan::rt;

extern "C" char __stack_top[];                            // arm.ld, xtensa.ld
extern "C" void gc_test_scrub();                          // *_gc_regs.S


namespace {

constexpr size_t kHeapBytes = 8192;
alignas(16) unsigned char g_heap[kHeapBytes];

using bare_test::g_failures;
using bare_test::Print;
using bare_test::PrintHex;
using bare_test::Fail;

void ResetHeap() {
  gc_init(g_heap, g_heap + kHeapBytes);
  gc_set_stack_top(__stack_top);
}

uintptr_t Tag(uintptr_t i) { return 0x7a000000u ^ (i * 0x9e3779b1u); }

// ---- allocation and collection --------------------------------------------

// Allocates `n` blocks-worth of objects, each holding `Tag(i)`, into `slots`
// (a registered root); the pointers never touch the caller's frame.
__attribute__((noinline)) void FillSlots(void** slots, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    uintptr_t* p = static_cast<uintptr_t*>(gc_alloc(2 * sizeof(uintptr_t), 0));
    if (p != nullptr) p[0] = Tag(i);
    slots[i] = p;
  }
}

void* g_slots[32];

// Whether every non-null slot holds its allocation, intact; how many do.
__attribute__((noinline)) size_t CheckSlots(bool* intact) {
  size_t n = 0;
  *intact = true;
  for (size_t i = 0; i < 32; ++i) {
    const uintptr_t* p = static_cast<const uintptr_t*>(g_slots[i]);
    if (p == nullptr) continue;
    ++n;
    if (gc_nbytes(p) != kGcBlockBytes || p[0] != Tag(i)) *intact = false;
  }
  return n;
}

__attribute__((noinline)) void DropSlots(bool every_other) {
  for (size_t i = 0; i < 32; ++i) {
    if (!every_other || (i & 1) == 0) g_slots[i] = nullptr;
  }
}

// gc_free of slot 1: true if it is gone afterwards.
__attribute__((noinline)) bool FreeSlot1() {
  gc_free(g_slots[1]);
  bool gone = gc_nbytes(g_slots[1]) == 0;
  g_slots[1] = nullptr;
  return gone;
}

// The test functions themselves never hold a heap pointer (the helpers
// above do): a stale copy in a live frame or register would legitimately
// keep an allocation alive.
void AllocCollectFree() {
  ResetHeap();
  GcInfo info;
  gc_info(&info);
  CHECK(info.total >= kHeapBytes - 1024);
  CHECK(gc_mem_alloc() == 0);
  CHECK(gc_mem_free() == info.total);

  CHECK(gc_add_root(g_slots, 32));
  FillSlots(g_slots, 32);
  CHECK(gc_mem_alloc() == 32 * kGcBlockBytes);
  CHECK(gc_mem_free() == info.total - 32 * kGcBlockBytes);
  gc_test_scrub();
  gc_collect();
  CHECK(gc_mem_alloc() == 32 * kGcBlockBytes);
  bool intact = false;
  CHECK(CheckSlots(&intact) == 32);
  CHECK(intact);

  // Drop every other one: exactly those are reclaimed.
  DropSlots(true);
  gc_test_scrub();
  gc_collect();
  CHECK(gc_mem_alloc() == 16 * kGcBlockBytes);
  gc_info(&info);
  CHECK(info.allocations == 16);
  CHECK(info.used + info.free == info.total);
  CHECK(CheckSlots(&intact) == 16);
  CHECK(intact);

  // gc_free, gc_nbytes, and a drop of all of them.
  CHECK(FreeSlot1());
  CHECK(gc_mem_alloc() == 15 * kGcBlockBytes);
  DropSlots(false);
  gc_test_scrub();
  gc_collect();
  CHECK(gc_mem_alloc() == 0);
  CHECK(gc_remove_root(g_slots));
}

// A linked list through word 0 of each allocation, rooted in g_list.
void* g_list = nullptr;

__attribute__((noinline)) size_t FillHeap() {
  size_t n = 0;
  for (;;) {
    void** p = static_cast<void**>(gc_alloc(sizeof(void*), 0));
    if (p == nullptr) return n;
    p[0] = g_list;
    g_list = p;
    ++n;
  }
}

__attribute__((noinline)) size_t ListLength() {
  size_t len = 0;
  for (void** p = static_cast<void**>(g_list); p != nullptr; p = static_cast<void**>(p[0])) ++len;
  return len;
}

void Exhaustion() {
  ResetHeap();
  GcInfo info;
  gc_info(&info);
  CHECK(gc_alloc(info.total + 1, 0) == nullptr);
  CHECK(gc_add_root(&g_list, 1));
  size_t n = FillHeap();  // collects once on the way (nothing to reclaim)
  CHECK(n * kGcBlockBytes == info.total);
  CHECK(gc_mem_free() == 0);
  CHECK(gc_alloc(1, 0) == nullptr);
  gc_disable();
  CHECK(gc_alloc(1, 0) == nullptr);
  gc_enable();
  // Everything is still reachable through the list.
  CHECK(ListLength() == n);
  // Drop the list: an allocation that fails first collects, then succeeds.
  g_list = nullptr;
  gc_test_scrub();
  gc_disable();
  CHECK(gc_alloc(1, 0) == nullptr);  // no automatic collection
  gc_enable();
  gc_test_scrub();
  void* p = gc_alloc(info.total - kGcBlockBytes, kGcNoScan);
  CHECK(p != nullptr);
  CHECK(gc_mem_alloc() == info.total - kGcBlockBytes);
  gc_free(p);
  p = nullptr;
  CHECK(gc_mem_alloc() == 0);
  CHECK(gc_remove_root(&g_list));
}

// ---- a deep call chain ----------------------------------------------------

constexpr int kChainDepth = 40;
int g_chain_bad = 0;

// At the bottom: collect, then take every free block (no automatic
// collection) and scribble over it, so that an allocation the collection
// wrongly freed gets overwritten.
__attribute__((noinline)) void CollectAndScribble() {
  gc_collect();
  gc_disable();
  for (;;) {
    uintptr_t* q = static_cast<uintptr_t*>(gc_alloc(kGcBlockBytes, kGcNoScan));
    if (q == nullptr) break;
    for (size_t i = 0; i < kGcBlockWords; ++i) q[i] = 0xdeadbeefu;
  }
  gc_enable();
}

// Each frame holds its own allocation (referenced from nowhere else) in a
// local across the recursive call, and checks it afterwards.
__attribute__((noinline)) void Chain(int depth) {
  uintptr_t* p = static_cast<uintptr_t*>(gc_alloc(2 * kGcBlockBytes, 0));
  if (p == nullptr) {
    ++g_chain_bad;
    return;
  }
  p[0] = Tag(static_cast<uintptr_t>(depth));
  p[kGcBlockWords] = ~Tag(static_cast<uintptr_t>(depth));  // in the second block
  if (depth > 1) {
    Chain(depth - 1);
  } else {
    CollectAndScribble();
  }
  if (gc_nbytes(p) != 2 * kGcBlockBytes || p[0] != Tag(static_cast<uintptr_t>(depth)) ||
      p[kGcBlockWords] != ~Tag(static_cast<uintptr_t>(depth))) {
    ++g_chain_bad;
  }
}

void DeepCallChain() {
  ResetHeap();
  g_chain_bad = 0;
  Chain(kChainDepth);
  CHECK(g_chain_bad == 0);
  GcInfo info;
  gc_info(&info);
  CHECK(info.collections == 1);
  CHECK(gc_mem_free() == 0);  // scribbled over all of it
  gc_test_scrub();
  gc_collect();
  CHECK(gc_mem_alloc() == 0);  // the chain and the scribbles are garbage now
}

// ---- registers ------------------------------------------------------------

// The assembly holders (*_gc_regs.S) call these.
uintptr_t g_hidden = 0;  // ~address of the held allocation (not a pointer into the heap)
bool g_alive1 = false;
bool g_reg_ok = false;
bool g_alive2 = true;

}  // namespace

extern "C" uintptr_t gc_test_alloc() {
  uintptr_t* p = static_cast<uintptr_t*>(gc_alloc(kGcBlockBytes, 0));
  if (p != nullptr) p[0] = 0x600dcafeu;
  g_hidden = ~reinterpret_cast<uintptr_t>(p);
  return reinterpret_cast<uintptr_t>(p);
}
extern "C" void gc_test_phase1(uintptr_t reg) {
  const uintptr_t* p = reinterpret_cast<const uintptr_t*>(~g_hidden);
  g_alive1 = gc_nbytes(p) == kGcBlockBytes && p[0] == 0x600dcafeu;
  g_reg_ok = reg == ~g_hidden;
}
extern "C" void gc_test_phase2() { g_alive2 = gc_nbytes(reinterpret_cast<void*>(~g_hidden)) != 0; }

namespace {

__attribute__((noinline)) void CollectDeep(int depth) {
  volatile int pad = depth;
  if (depth <= 0) {
    gc_collect();
  } else {
    CollectDeep(depth - 1);
  }
  pad = pad + 1;  // not a tail call
}

}  // namespace

// Windowed holders: gc_collect `depth` frames below the holder.
extern "C" void gc_test_collect_deep(int depth) { CollectDeep(depth); }

namespace {

// Runs one holder and reports it; `reg` names the register. (Four register
// arguments: more would be passed on the stack, for which LLVM's -O0 Xtensa
// windowed code uses MOVSP, whose alloca exception the startup code does
// not handle.)
using Holder = void (*)(int depth);  // ARM and call0 holders ignore depth
void RunHolder(const char* test, Holder hold, uintptr_t reg, int depth) {
  ResetHeap();
  g_alive1 = false;
  g_reg_ok = false;
  g_alive2 = true;
  hold(depth);
  if (g_alive1 && g_reg_ok && !g_alive2 && gc_mem_alloc() == 0) return;
  ++g_failures;
  Print("FAIL ");
  Print(test);
  Print(": register ");
  PrintHex(reg);
  Print(" depth ");
  PrintHex(static_cast<uintptr_t>(depth));
  Print(g_alive1 ? " kept" : " LOST (freed while only in the register)");
  Print(g_reg_ok ? "" : " REGISTER-CHANGED");
  Print(g_alive2 ? " NOT-FREED-after-clearing" : "");
  Print("\n");
}

#if defined(__arm__)
extern "C" {
void gc_hold_r4(int);
void gc_hold_r5(int);
void gc_hold_r6(int);
void gc_hold_r7(int);
void gc_hold_r8(int);
void gc_hold_r9(int);
void gc_hold_r10(int);
void gc_hold_r11(int);
}
void RegisterHeldPointers() {
  const Holder kHolders[] = {gc_hold_r4, gc_hold_r5, gc_hold_r6,  gc_hold_r7,
                                gc_hold_r8, gc_hold_r9, gc_hold_r10, gc_hold_r11};
  for (uintptr_t i = 0; i < 8; ++i) RunHolder(__func__, kHolders[i], 4 + i, 0);
}
#define TAIPAN_HAVE_REGS 1
#elif (defined(__XTENSA__) || defined(__xtensa__)) && defined(TAIPAN_XTENSA_CALL0) && \
    TAIPAN_XTENSA_CALL0
extern "C" {
void gc_hold_a12(int);
void gc_hold_a13(int);
void gc_hold_a14(int);
void gc_hold_a15(int);
}
void RegisterHeldPointers() {
  const Holder kHolders[] = {gc_hold_a12, gc_hold_a13, gc_hold_a14, gc_hold_a15};
  for (uintptr_t i = 0; i < 4; ++i) RunHolder(__func__, kHolders[i], 12 + i, 0);
}
#define TAIPAN_HAVE_REGS 1
#elif defined(__XTENSA__) || defined(__xtensa__)
extern "C" {
void gc_hold_a2(int depth);
void gc_hold_a3(int depth);
void gc_hold_a4(int depth);
void gc_hold_a5(int depth);
void gc_hold_a6(int depth);
void gc_hold_a7(int depth);
}
// The value lives only in a caller's register window, `depth` + 1 frames
// above gc_collect (0 .. 20: inside the register file, and far out of it).
void RegisterHeldPointers() {
  const Holder kHolders[] = {gc_hold_a2, gc_hold_a3, gc_hold_a4,
                                   gc_hold_a5, gc_hold_a6, gc_hold_a7};
  static const int kDepths[] = {0, 1, 2, 3, 5, 20};
  for (int depth : kDepths) {
    for (uintptr_t i = 0; i < 6; ++i) {
      RunHolder(__func__, kHolders[i], 2 + i, depth);
    }
  }
}
#define TAIPAN_HAVE_REGS 1
#endif

const bare_test::Test kTests[] = {
    {"AllocCollectFree", AllocCollectFree},
    {"Exhaustion", Exhaustion},
    {"DeepCallChain", DeepCallChain},
#if defined(TAIPAN_HAVE_REGS)
    {"RegisterHeldPointers", RegisterHeldPointers},
#endif
};

}  // namespace

// Called by the startup code (as nlr_qemu_main); the result is QEMU's exit status.
extern "C" int gc_qemu_main() {
  bare_test::RunTests(kTests);
  return bare_test::Finish("gc");
}
