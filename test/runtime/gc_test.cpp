// Unit tests for the garbage collector (runtime/gc.h), host only.
//
// The collector is conservative, so a stale copy of a pointer left in a dead
// stack slot can keep garbage alive. The tests therefore
//   - create garbage in noinline helpers and clobber the stack below the test
//     body (ClobberStack, not ASan-instrumented so that it writes the real
//     stack, redzones included) before collecting;
//   - check reclamation in aggregate (at least 90% of N objects), while
//     checking survival of reachable objects exactly (a reachable object is
//     never freed, whatever the stack holds).
// Under ASan with detect_stack_use_after_return, test locals live on the fake
// stack; the collector scans fake frames that the real stack points into, so
// the same assertions hold there. The register-only test is x86-64 only and
// meaningful only with optimisation (at -O0 the value also sits in a slot).
#include "runtime/gc.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <vector>

extern "C" void* __libc_stack_end;  // glibc: the top of the main thread's stack

namespace taipan::rt {
namespace {

constexpr size_t BS = kGcBlockBytes;
constexpr size_t kHeapCapacity = 8u << 20;
alignas(64) unsigned char g_heap[kHeapCapacity];

constexpr size_t kMaxIds = 400000;
int g_fin[kMaxIds];
size_t g_fin_total;

void RecordFinaliser(void* obj) {
  uintptr_t id = *static_cast<uintptr_t*>(obj);
  if (id < kMaxIds) ++g_fin[id];
  ++g_fin_total;
}

int FinSum(uintptr_t from, uintptr_t to) {
  int n = 0;
  for (uintptr_t i = from; i < to; ++i) n += g_fin[i];
  return n;
}

// Roots live in a static array (registered per test), never on the stack.
void* g_roots[8];

// An object whose word 0 is its id (small, so never mistaken for a pointer).
uintptr_t* NewObj(size_t bytes, unsigned flags, uintptr_t id) {
  auto* p = static_cast<uintptr_t*>(gc_alloc(bytes, flags));
  if (p != nullptr) p[0] = id;
  return p;
}

// Zeroes the stack below the caller. Not instrumented by ASan, so that the
// buffer is on the real stack, without redzones left unwritten.
[[gnu::noinline]] __attribute__((no_sanitize("address"))) void ClobberStack() {
  volatile unsigned char buf[64 * 1024];
  for (size_t i = 0; i < sizeof buf; ++i) buf[i] = 0;
}

[[gnu::noinline]] __attribute__((no_sanitize("address"))) void CollectClean() {
  ClobberStack();
  gc_collect();
}

// `count` unreachable objects of `bytes` with ids [first, first + count).
[[gnu::noinline]] void MakeGarbage(size_t count, size_t bytes, unsigned flags, uintptr_t first) {
  for (size_t i = 0; i < count; ++i) ASSERT_NE(NewObj(bytes, flags, first + i), nullptr);
}

bool AllZero(const void* p, size_t n) {
  const auto* b = static_cast<const unsigned char*>(p);
  for (size_t i = 0; i < n; ++i)
    if (b[i] != 0) return false;
  return true;
}

GcInfo Info() {
  GcInfo info;
  gc_info(&info);
  return info;
}

class GcTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::memset(g_fin, 0, sizeof g_fin);
    g_fin_total = 0;
    std::memset(g_roots, 0, sizeof g_roots);
    Init(64 * 1024);
  }
  void TearDown() override { gc_init(nullptr, nullptr); }
  static void Init(size_t bytes) {
    gc_init(g_heap, g_heap + bytes);
    gc_set_stack_top(__libc_stack_end);
    gc_set_finaliser(RecordFinaliser);
    // These tests count collections and choose stress mode themselves, also
    // in the TAIPAN_GC_STRESS build (where gc_init turns it on).
    gc_set_stress(false);
    ASSERT_TRUE(gc_add_root(g_roots, 8));
  }
};

// ---- allocation -----------------------------------------------------------

TEST_F(GcTest, AllocReturnsZeroedBlockAlignedMemory) {
  for (size_t size : {0, 1, 15, 16, 17, 31, 32, 33, 100, 1000, 5000}) {
    auto* p = static_cast<unsigned char*>(gc_alloc(size, 0));
    ASSERT_NE(p, nullptr) << size;
    EXPECT_EQ(reinterpret_cast<uintptr_t>(p) % BS, 0u) << size;
    size_t expect = size == 0 ? BS : (size + BS - 1) / BS * BS;
    EXPECT_EQ(gc_nbytes(p), expect) << size;
    EXPECT_TRUE(AllZero(p, expect)) << size;
    std::memset(p, 0xA5, expect);
    gc_free(p);
    auto* q = static_cast<unsigned char*>(gc_alloc(size, 0));
    EXPECT_EQ(q, p) << "freeing the latest allocation gives its blocks back to the cursor";
    EXPECT_TRUE(AllZero(q, expect)) << "reused memory is zeroed again, " << size;
    gc_free(q);
  }
}

TEST_F(GcTest, LargeUninitialisedAllocationsAreNotZeroed) {
  auto* p = static_cast<unsigned char*>(gc_alloc(5000, 0));
  ASSERT_NE(p, nullptr);
  size_t bytes = gc_nbytes(p);
  std::memset(p, 0xA5, bytes);
  gc_free(p);
  auto* q = static_cast<unsigned char*>(gc_alloc(5000, kGcUninitialised));
  ASSERT_EQ(q, p) << "the freed blocks are taken again";
  EXPECT_EQ(gc_nbytes(q), bytes);
  EXPECT_EQ(q[bytes - 1], 0xA5) << "a large uninitialised allocation is not zeroed";
  std::memset(q, 0x5A, bytes);
  gc_free(q);
  auto* r = static_cast<unsigned char*>(gc_alloc(5000, 0));
  EXPECT_TRUE(AllZero(r, bytes)) << "without the flag, zeroed as always";
}

TEST_F(GcTest, FreeReturnsBlocksAndIgnoresNonAllocations) {
  size_t before = gc_mem_free();
  EXPECT_EQ(gc_mem_alloc(), 0u);
  auto* p = static_cast<char*>(gc_alloc(1000, 0));
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(gc_mem_free(), before - gc_nbytes(p));
  EXPECT_EQ(gc_mem_alloc(), gc_nbytes(p));
  int local = 0;
  gc_free(nullptr);
  gc_free(p + BS);      // interior pointer
  gc_free(p + 1);
  gc_free(&local);      // not in the heap
  EXPECT_EQ(gc_nbytes(p), 1024u);
  gc_free(p);
  EXPECT_EQ(gc_mem_free(), before);
  EXPECT_EQ(gc_nbytes(p), 0u);
  gc_free(p);  // double free: ignored
  EXPECT_EQ(gc_mem_free(), before);
}

TEST_F(GcTest, NbytesReportsWholeBlocksOfHeadsOnly) {
  auto* p = static_cast<char*>(gc_alloc(3 * BS + 1, 0));
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(gc_nbytes(p), 4 * BS);
  EXPECT_EQ(gc_nbytes(p + 1), 0u);
  EXPECT_EQ(gc_nbytes(p + BS), 0u);
  int local = 0;
  EXPECT_EQ(gc_nbytes(&local), 0u);
  EXPECT_EQ(gc_nbytes(nullptr), 0u);
}

TEST_F(GcTest, ZeroAndHugeRequests) {
  void* z = gc_alloc(0, 0);
  ASSERT_NE(z, nullptr);
  EXPECT_EQ(gc_nbytes(z), BS);
  gc_free(z);
  size_t total = Info().total;
  EXPECT_EQ(gc_alloc(SIZE_MAX, 0), nullptr);
  EXPECT_EQ(gc_alloc(SIZE_MAX - BS + 2, 0), nullptr);
  EXPECT_EQ(gc_alloc(total + 1, 0), nullptr);
  g_roots[0] = gc_alloc(total, 0);
  ASSERT_NE(g_roots[0], nullptr) << "the whole pool is one free run";
  EXPECT_EQ(gc_mem_free(), 0u);
  EXPECT_EQ(gc_alloc(1, 0), nullptr);
}

TEST_F(GcTest, InitCarvesTablesFromTheRegion) {
  // Unaligned start: allocations are still block-aligned, inside the region.
  gc_init(g_heap + 3, g_heap + 3 + 10000);
  GcInfo info = Info();
  EXPECT_LE(info.total, 10000u);
  EXPECT_GE(info.total, 10000u - 10000u / (2 * BS) - 2 * BS) << "tables cost half a byte per block";
  auto* p = static_cast<unsigned char*>(gc_alloc(1, 0));
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(p) % BS, 0u);
  EXPECT_GE(p, g_heap + 3);
  void* big = gc_alloc(gc_mem_free(), 0);
  ASSERT_NE(big, nullptr);
  EXPECT_LE(static_cast<unsigned char*>(big) + gc_nbytes(big), g_heap + 3 + 10000);
  // Too small for a block: every allocation fails.
  gc_init(g_heap, g_heap + BS / 2);
  EXPECT_EQ(Info().total, 0u);
  EXPECT_EQ(gc_alloc(1, 0), nullptr);
  gc_collect();  // harmless on an empty heap
}


// One-block requests without flags are handed out without their table
// entries, which every query must see written first.
TEST_F(GcTest, InlineAllocationsAreSettledBeforeEveryQuery) {
  size_t before = gc_mem_free();
  void* a = gc_alloc(8, 0);
  void* b = gc_alloc(BS, 0);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(gc_nbytes(b), BS);
  EXPECT_EQ(gc_mem_alloc(), 2 * BS);
  EXPECT_EQ(gc_mem_free(), before - 2 * BS);
  void* c = gc_alloc(BS + 1, 0);              // two blocks: the second inline path
  void* d = gc_alloc(1, kGcNoScan);           // flags: the second inline path
  void* e = gc_alloc(1, 0);
  void* f = gc_alloc(5 * BS, kGcHasFinaliser);  // the full path
  void* h = gc_alloc(1, 0);
  ASSERT_TRUE(c && d && e && f && h);
  void* all[] = {a, b, c, d, e, f, h};
  size_t sizes[] = {BS, BS, 2 * BS, BS, BS, 5 * BS, BS};
  for (size_t i = 0; i < 7; ++i) {
    EXPECT_EQ(gc_nbytes(all[i]), sizes[i]) << i;
    if (i > 0) EXPECT_EQ(all[i], static_cast<char*>(all[i - 1]) + sizes[i - 1]) << "bumped, " << i;
  }
  GcInfo info = Info();
  EXPECT_EQ(info.allocations, 7u);
  EXPECT_EQ(info.used, 12 * BS);
  EXPECT_EQ(info.used, gc_mem_alloc());
  gc_free(e);
  EXPECT_EQ(gc_nbytes(e), 0u);
  EXPECT_EQ(gc_nbytes(d), BS);
  EXPECT_EQ(gc_mem_alloc(), 11 * BS);
  EXPECT_EQ(Info().allocations, 6u);
}

TEST_F(GcTest, ReallocGrowingIntoTheCursorRunMovesTheCursor) {
  auto* a = static_cast<uintptr_t*>(gc_alloc(BS, 0));  // the inline path, entry not yet written
  ASSERT_NE(a, nullptr);
  a[0] = 0x1234;
  auto* b = static_cast<uintptr_t*>(gc_realloc(a, 4 * BS));
  ASSERT_EQ(b, a) << "the following blocks were the cursor run";
  auto* c = static_cast<unsigned char*>(gc_alloc(BS, 0));
  ASSERT_NE(c, nullptr);
  EXPECT_GE(c, reinterpret_cast<unsigned char*>(a) + 4 * BS) << "no overlap with the grown allocation";
  std::memset(c, 0xEE, BS);
  EXPECT_EQ(a[0], 0x1234u);
  EXPECT_TRUE(AllZero(a + 1, 4 * BS - sizeof(uintptr_t)));
  // Shrinking the latest allocation gives the blocks back to the cursor.
  auto* d = static_cast<unsigned char*>(gc_alloc(6 * BS, 0));
  ASSERT_NE(d, nullptr);
  std::memset(d, 0x77, 6 * BS);
  EXPECT_EQ(gc_realloc(d, 2 * BS), d);
  auto* e = static_cast<unsigned char*>(gc_alloc(2 * BS, 0));
  EXPECT_EQ(e, d + 2 * BS);
  EXPECT_TRUE(AllZero(e, 2 * BS));
  EXPECT_EQ(gc_mem_alloc(), (4 + 1 + 2 + 2) * BS);
}

// Next fit: holes behind the cursor are found by searching again from block
// 0 before any collection, and only when no run of the size is left
// anywhere does allocation fail (or collect).
[[gnu::noinline]] size_t FillWithSingles(void** keep, size_t max) {
  size_t n = 0;
  while (n < max) {
    void* p = gc_alloc(1, 0);
    if (p == nullptr) break;
    keep[n++] = p;
  }
  return n;
}

TEST_F(GcTest, HolesBehindTheCursorAreReusedBeforeCollecting) {
  Init(16 * 1024);
  static void* keep[1024];
  ASSERT_TRUE(gc_add_root(keep, 1024));
  gc_disable();
  size_t n = FillWithSingles(keep, 1024);
  ASSERT_LT(n, 1024u) << "the heap ran out";
  EXPECT_EQ(gc_mem_free(), 0u);
  // Free every third allocation but the last ones (one-block holes), then
  // the two between two holes in the middle (one four-block hole).
  size_t holes = 0;
  for (size_t i = 0; i + 3 < n; i += 3) {
    gc_free(keep[i]);
    keep[i] = nullptr;
    ++holes;
  }
  size_t mid = (n / 2) / 3 * 3 + 1;
  char* run = static_cast<char*>(keep[mid]) - BS;
  gc_free(keep[mid]);
  gc_free(keep[mid + 1]);
  keep[mid] = keep[mid + 1] = nullptr;
  EXPECT_EQ(gc_mem_free(), (holes + 2) * BS);
  EXPECT_EQ(Info().max_free, 4 * BS);
  EXPECT_EQ(gc_alloc(3 * BS, 0), run) << "the only run of three or more";
  EXPECT_EQ(gc_alloc(2 * BS, 0), nullptr) << "no run of two is left";
  size_t filled = FillWithSingles(keep + n, 1024 - n);
  EXPECT_EQ(filled, holes - 1) << "every hole, before and after the cursor";
  EXPECT_EQ(gc_mem_free(), 0u);
  EXPECT_EQ(Info().collections, 0u);
  // Enabled again, a request that finds no room collects.
  gc_enable();
  gc_alloc(1, 0);
  EXPECT_EQ(Info().collections, 1u);
  EXPECT_TRUE(gc_remove_root(keep));
}

// A large run freed behind the cursor (a function's big temporary, freed at
// its return after smaller allocations) is what the next large request of
// that size or less gets, not fresh memory past the cursor.
TEST_F(GcTest, LargeRunFreedBehindTheCursorServesTheNextLargeRequest) {
  Init(1 << 20);
  gc_disable();
  void* big = gc_alloc(8000, 0);
  void* small = gc_alloc(BS, 0);  // keeps the big run off the cursor
  ASSERT_NE(big, nullptr);
  ASSERT_NE(small, nullptr);
  std::memset(big, 0xA5, gc_nbytes(big));
  gc_free(big);
  void* other_small = gc_alloc(BS, 0);
  EXPECT_NE(other_small, big) << "small requests still come from the cursor run";
  auto* again = static_cast<unsigned char*>(gc_alloc(6000, 0));
  EXPECT_EQ(again, big) << "the freed run serves the next large request";
  EXPECT_TRUE(AllZero(again, gc_nbytes(again)));
  void* next = gc_alloc(5000, 0);
  EXPECT_NE(next, nullptr);
  EXPECT_NE(next, static_cast<void*>(again + 6016)) << "the 2 KiB left of the run is too small for it";
  EXPECT_EQ(Info().collections, 0u);
}

// The hint is only a hint: once small requests have taken the freed run's
// blocks (the search made it their cursor run), no large request gets them.
TEST_F(GcTest, StaleFreedRunIsNotHandedOutTwice) {
  Init(64 * 1024);
  gc_disable();
  auto* big = static_cast<char*>(gc_alloc(8000, 0));
  ASSERT_NE(gc_alloc(BS, 0), nullptr);
  gc_free(big);
  std::vector<char*> smalls;
  while (auto* p = static_cast<char*>(gc_alloc(4 * BS, 0))) smalls.push_back(p);
  EXPECT_LT(gc_mem_free(), 4 * BS) << "the heap is full, the freed run included";
  bool reused = false;
  for (char* p : smalls) reused |= p >= big && p < big + 8000;
  EXPECT_TRUE(reused) << "small requests took the freed run";
  EXPECT_EQ(gc_alloc(5000, 0), nullptr) << "its blocks are not handed out again";
}

// ---- realloc --------------------------------------------------------------

TEST_F(GcTest, ReallocGrowsInPlaceWhenFollowingBlocksAreFree) {
  auto* a = static_cast<unsigned char*>(gc_alloc(BS, 0));
  ASSERT_NE(a, nullptr);
  std::memset(a, 0x5A, BS);
  size_t free_before = gc_mem_free();
  auto* b = static_cast<unsigned char*>(gc_realloc(a, 5 * BS - 3));
  EXPECT_EQ(b, a);
  EXPECT_EQ(gc_nbytes(b), 5 * BS);
  for (size_t i = 0; i < BS; ++i) ASSERT_EQ(b[i], 0x5A);
  EXPECT_TRUE(AllZero(b + BS, 4 * BS)) << "grown blocks are zeroed";
  EXPECT_EQ(gc_mem_free(), free_before - 4 * BS);
}

TEST_F(GcTest, ReallocMovesWhenBlockedAndShrinksInPlace) {
  auto* a = static_cast<unsigned char*>(gc_alloc(2 * BS, 0));
  void* fence = gc_alloc(BS, 0);
  ASSERT_NE(a, nullptr);
  ASSERT_NE(fence, nullptr);
  for (size_t i = 0; i < 2 * BS; ++i) a[i] = static_cast<unsigned char>(i + 1);
  // Dirty the run the move will land in, to see that it is zeroed.
  void* dirt = gc_alloc(8 * BS, 0);
  std::memset(dirt, 0xFF, 8 * BS);
  gc_free(dirt);
  auto* b = static_cast<unsigned char*>(gc_realloc(a, 6 * BS));
  ASSERT_NE(b, nullptr);
  EXPECT_NE(b, a);
  for (size_t i = 0; i < 2 * BS; ++i) ASSERT_EQ(b[i], static_cast<unsigned char>(i + 1));
  EXPECT_TRUE(AllZero(b + 2 * BS, 4 * BS));
  EXPECT_EQ(gc_nbytes(a), 0u) << "old allocation freed";
  EXPECT_EQ(gc_mem_alloc(), 7 * BS);
  // Shrink: same address, blocks returned.
  EXPECT_EQ(gc_realloc(b, BS), b);
  EXPECT_EQ(gc_nbytes(b), BS);
  EXPECT_EQ(gc_mem_alloc(), 2 * BS);
  EXPECT_EQ(gc_realloc(b, 1), b);  // same block count
  // Edge cases.
  void* c = gc_realloc(nullptr, 3 * BS);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(gc_nbytes(c), 3 * BS);
  int local = 0;
  EXPECT_EQ(gc_realloc(&local, 10), nullptr);
  EXPECT_EQ(gc_realloc(static_cast<char*>(c) + 1, 10), nullptr);
  EXPECT_EQ(gc_realloc(c, SIZE_MAX), nullptr);
  EXPECT_EQ(gc_nbytes(c), 3 * BS) << "failed realloc leaves the allocation";
}

[[gnu::noinline]] void MovedFinaliserObjectBecomesGarbage() {
  uintptr_t* p = NewObj(BS, kGcHasFinaliser, 7);
  ASSERT_NE(p, nullptr);
  g_roots[0] = gc_alloc(BS, 0);  // blocks in-place growth
  uintptr_t* q = static_cast<uintptr_t*>(gc_realloc(p, 4 * BS));
  ASSERT_NE(q, p);
  EXPECT_EQ(q[0], 7u);
}

TEST_F(GcTest, ReallocKeepsTheFinaliserFlag) {
  MovedFinaliserObjectBecomesGarbage();
  CollectClean();
  EXPECT_EQ(g_fin[7], 1) << "the moved allocation kept its finaliser, run once";
  CollectClean();
  EXPECT_EQ(g_fin[7], 1);
}

// ---- exhaustion and automatic collection ----------------------------------

TEST_F(GcTest, ExhaustionReturnsNull) {
  Init(16 * 1024);
  gc_disable();
  size_t n = 0;
  while (n < 100000 && gc_alloc(3 * BS, 0) != nullptr) ++n;
  EXPECT_GT(n, 0u);
  EXPECT_LT(gc_mem_free(), 3 * BS);
  while (n < 100000 && gc_alloc(1, 0) != nullptr) ++n;
  EXPECT_EQ(gc_mem_free(), 0u);
  EXPECT_EQ(gc_alloc(1, 0), nullptr);
  EXPECT_EQ(Info().collections, 0u);
}

TEST_F(GcTest, AutoCollectionOnExhaustionReclaimsGarbage) {
  Init(16 * 1024);
  for (int i = 0; i < 10000; ++i) {
    void* p = gc_alloc(200, 0);
    ASSERT_NE(p, nullptr) << "allocation " << i;
  }
  EXPECT_GT(Info().collections, 0u);
}

TEST_F(GcTest, ThresholdTriggersCollection) {
  Init(1 << 20);
  EXPECT_EQ(gc_threshold(), -1);
  for (int i = 0; i < 100; ++i) ASSERT_NE(gc_alloc(256, 0), nullptr);
  EXPECT_EQ(Info().collections, 0u) << "no threshold: no collection while memory lasts";
  gc_set_threshold(4096);
  EXPECT_EQ(gc_threshold(), 4096);
  for (int i = 0; i < 100; ++i) ASSERT_NE(gc_alloc(256, 0), nullptr);
  size_t c = Info().collections;
  EXPECT_GE(c, 5u);
  EXPECT_LE(c, 7u);
  gc_set_threshold(-7);
  EXPECT_EQ(gc_threshold(), -1);
  for (int i = 0; i < 100; ++i) ASSERT_NE(gc_alloc(256, 0), nullptr);
  EXPECT_EQ(Info().collections, c);
}

// The inline paths stop where the threshold calls for a collection: the
// count of collections is exact, whatever path served the request.
TEST_F(GcTest, ThresholdIsExactForInlineAllocations) {
  Init(1 << 20);
  gc_set_threshold(10 * BS);
  for (int i = 0; i < 100; ++i) ASSERT_NE(gc_alloc(1, 0), nullptr);
  EXPECT_EQ(Info().collections, 9u) << "before allocations 11, 21, ..., 91";
  gc_collect();
  gc_set_threshold(10 * BS - 1);  // counted in whole blocks: the same
  for (int i = 0; i < 100; ++i) ASSERT_NE(gc_alloc(2 * BS, 0), nullptr);
  EXPECT_EQ(Info().collections, 10u + 19u) << "before allocations 6, 11, ..., 96";
  gc_collect();
  for (int i = 0; i < 30; ++i) ASSERT_NE(gc_alloc(1, kGcNoScan), nullptr);
  EXPECT_EQ(Info().collections, 30u + 2u);
  gc_set_threshold(-1);
  gc_set_stress(true);
  size_t c = Info().collections;
  for (int i = 0; i < 10; ++i) ASSERT_NE(gc_alloc(8, 0), nullptr);
  EXPECT_EQ(Info().collections, c + 10) << "stress: every inline-sized request collects";
  gc_set_stress(false);
  gc_lock();
  EXPECT_EQ(gc_alloc(8, 0), nullptr);
  gc_unlock();
  EXPECT_NE(gc_alloc(8, 0), nullptr);
  EXPECT_EQ(Info().collections, c + 10);
}

// Allocates one-block garbage until a collection happens; the number of
// allocations made before the one that collected (`limit` if none did).
size_t AllocationsBeforeCollection(size_t limit) {
  size_t before = Info().collections;
  for (size_t i = 0; i < limit; ++i) {
    EXPECT_NE(gc_alloc(1, 0), nullptr);
    if (Info().collections != before) return i;
  }
  return limit;
}

// The growth budget is the larger of its minimum and the data live after
// the last collection; the smaller of it and the threshold collects.
TEST_F(GcTest, GrowthBudgetFollowsLiveData) {
  Init(256 * 1024);
  gc_set_growth_budget(10 * BS);
  EXPECT_EQ(gc_threshold(), -1) << "the budget is not the user's threshold";
  gc_collect();
  EXPECT_EQ(AllocationsBeforeCollection(1000), 10u) << "the minimum, with little live";
  static void* live[300];
  ASSERT_TRUE(gc_add_root(live, 300));
  for (void*& p : live) p = gc_alloc(1, 0);
  gc_collect();
  size_t live_blocks = Info().used / BS;
  EXPECT_GE(live_blocks, 300u);
  EXPECT_EQ(AllocationsBeforeCollection(5000), live_blocks) << "as much again as is live";
  gc_collect();
  gc_set_threshold(20 * BS);
  EXPECT_EQ(AllocationsBeforeCollection(5000), 20u) << "the threshold comes first";
  gc_set_threshold(-1);
  gc_set_growth_budget(0);
  gc_collect();
  EXPECT_EQ(AllocationsBeforeCollection(5000), 5000u) << "off: no collection while memory lasts";
  ASSERT_TRUE(gc_remove_root(live));
}

TEST_F(GcTest, DisableStopsAutomaticCollection) {
  Init(16 * 1024);
  gc_disable();
  EXPECT_FALSE(gc_is_enabled());
  gc_set_threshold(0);
  gc_set_stress(true);
  int n = 0;
  while (n < 100000 && gc_alloc(200, 0) != nullptr) ++n;
  EXPECT_GT(n, 0);
  EXPECT_LT(n, 100000) << "the heap ran out";
  EXPECT_EQ(Info().collections, 0u) << "no threshold, stress or exhaustion collection";
  gc_collect();  // explicit collection still works
  EXPECT_EQ(Info().collections, 1u);
  gc_set_threshold(-1);
  gc_set_stress(false);
  for (int i = 0; i < 100000 && gc_alloc(200, 0) != nullptr; ++i) {
  }
  gc_enable();
  EXPECT_TRUE(gc_is_enabled());
  EXPECT_NE(gc_alloc(200, 0), nullptr) << "enabled again: exhaustion collects";
  EXPECT_EQ(Info().collections, 2u);
}

TEST_F(GcTest, LockMakesAllocationFail) {
  auto* p = static_cast<char*>(gc_alloc(2 * BS, 0));
  ASSERT_NE(p, nullptr);
  size_t free_before = gc_mem_free();
  gc_lock();
  EXPECT_TRUE(gc_is_locked());
  EXPECT_EQ(gc_lock_depth(), 1u);
  EXPECT_EQ(gc_alloc(1, 0), nullptr);
  EXPECT_EQ(gc_realloc(p, 10 * BS), nullptr);
  EXPECT_EQ(gc_realloc(p, BS), p) << "big enough already";
  EXPECT_EQ(gc_realloc(nullptr, 1), nullptr);
  gc_free(p);
  EXPECT_EQ(gc_mem_free(), free_before) << "free is a no-op while locked";
  gc_lock();
  gc_unlock();
  EXPECT_TRUE(gc_is_locked()) << "locks nest";
  EXPECT_EQ(gc_alloc(1, 0), nullptr);
  gc_unlock();
  EXPECT_FALSE(gc_is_locked());
  gc_unlock();  // at depth 0: no-op
  EXPECT_EQ(gc_lock_depth(), 0u);
  EXPECT_NE(gc_alloc(1, 0), nullptr);
}

// ---- reachability ---------------------------------------------------------

// In a helper, so that no copy of the rooted pointers stays in the test
// body's frame, above the stack region that ClobberStack clears.
[[gnu::noinline]] void RootedObjectsSurvive() {
  g_roots[3] = NewObj(64, kGcHasFinaliser, 1);
  g_roots[5] = NewObj(3 * BS, kGcHasFinaliser | kGcNoScan, 2);
  MakeGarbage(100, 64, kGcHasFinaliser, 100);
  CollectClean();
  EXPECT_EQ(g_fin[1], 0);
  EXPECT_EQ(g_fin[2], 0);
  EXPECT_EQ(static_cast<uintptr_t*>(g_roots[3])[0], 1u);
  EXPECT_GE(FinSum(100, 200), 90) << "garbage beside the roots is reclaimed";
}

TEST_F(GcTest, RootRangeKeepsObjectsAlive) {
  RootedObjectsSurvive();
  // Once unregistered, the range no longer roots anything.
  EXPECT_TRUE(gc_remove_root(g_roots));
  CollectClean();
  EXPECT_EQ(g_fin[1] + g_fin[2], 2);
}

TEST_F(GcTest, RootTableIsBounded) {
  static void* extra[kGcMaxRoots];
  for (size_t i = 1; i < kGcMaxRoots; ++i) ASSERT_TRUE(gc_add_root(&extra[i], 1)) << i;
  EXPECT_FALSE(gc_add_root(&extra[0], 1)) << "table full";
  EXPECT_FALSE(gc_remove_root(&extra[0]));
  EXPECT_TRUE(gc_remove_root(&extra[3]));
  EXPECT_TRUE(gc_add_root(&extra[0], 1));
}

[[gnu::noinline]] void Escape(void* p) { asm volatile("" : : "r"(p) : "memory"); }

TEST_F(GcTest, StackKeepsObjectsAlive) {
  uintptr_t* volatile p = NewObj(64, kGcHasFinaliser, 3);
  // Its address escapes, so under ASan it lives on the fake stack.
  uintptr_t* q = NewObj(64, kGcHasFinaliser, 6);
  Escape(&q);
  ASSERT_NE(p, nullptr);
  ASSERT_NE(q, nullptr);
  MakeGarbage(200, 100, 0, 1000);
  CollectClean();
  MakeGarbage(200, 100, 0, 1000);  // reuses whatever was freed
  EXPECT_EQ(g_fin[3], 0);
  EXPECT_EQ(g_fin[6], 0);
  EXPECT_EQ(p[0], 3u);
  Escape(&q);
  EXPECT_EQ(q[0], 6u);
}

TEST_F(GcTest, WithoutStackTopTheStackIsNotScanned) {
  gc_set_stack_top(nullptr);
  uintptr_t* volatile p = NewObj(64, kGcHasFinaliser, 4);
  ASSERT_NE(p, nullptr);
  CollectClean();
  EXPECT_EQ(g_fin[4], 1) << "the only reference was on the stack";
}

#if defined(__x86_64__) && defined(__OPTIMIZE__)
constexpr uintptr_t kKey = 0x5555555555555555u;
uintptr_t g_hidden;  // a pointer, disguised so it is not a reference

[[gnu::noinline]] void AllocHidden() {
  g_hidden = reinterpret_cast<uintptr_t>(NewObj(64, kGcHasFinaliser, 5)) ^ kKey;
}

// The only reference sits in callee-saved r12 while the collector runs, so
// it survives only if the collector spills callee-saved registers.
[[gnu::noinline]] uintptr_t HoldInCalleeSavedRegisterAcrossCollect() {
  register uintptr_t r12 asm("r12");
  asm volatile("movq %1, %0\n\txorq %2, %0" : "=r"(r12) : "r"(g_hidden), "r"(kKey));
  CollectClean();
  asm volatile("" : "+r"(r12));
  return r12;
}

TEST_F(GcTest, CalleeSavedRegisterKeepsObjectAlive) {
  AllocHidden();
  uintptr_t p = HoldInCalleeSavedRegisterAcrossCollect();
  EXPECT_EQ(p, g_hidden ^ kKey);
  EXPECT_EQ(g_fin[5], 0);
  EXPECT_EQ(reinterpret_cast<uintptr_t*>(p)[0], 5u);
}
#endif

struct Node {
  uintptr_t id;
  Node* next;
};  // one block

TEST_F(GcTest, ObjectsReachableFromObjectsSurvive) {
  auto* a = reinterpret_cast<Node*>(NewObj(sizeof(Node), kGcHasFinaliser, 10));
  auto* b = reinterpret_cast<Node*>(NewObj(sizeof(Node), kGcHasFinaliser, 11));
  auto* c = reinterpret_cast<Node*>(NewObj(5 * BS, kGcHasFinaliser, 12));
  a->next = b;
  b->next = c;
  g_roots[0] = a;
  a = b = c = nullptr;
  MakeGarbage(100, 64, kGcHasFinaliser, 100);
  CollectClean();
  EXPECT_EQ(FinSum(10, 13), 0);
  EXPECT_GE(FinSum(100, 200), 90);
  auto* r = static_cast<Node*>(g_roots[0]);
  EXPECT_EQ(r->next->id, 11u);
  EXPECT_EQ(r->next->next->id, 12u);
}

TEST_F(GcTest, InteriorPointersKeepAllocationsAlive) {
  uintptr_t* big = NewObj(10 * BS, kGcHasFinaliser, 20);
  uintptr_t* small = NewObj(BS, kGcHasFinaliser, 21);
  uintptr_t* holder = NewObj(2 * BS, 0, 22);
  uintptr_t* inner = NewObj(4 * BS, kGcHasFinaliser, 23);
  // Into a tail block, unaligned; into the head block; from inside an object
  // to the last byte of another.
  g_roots[0] = reinterpret_cast<char*>(big) + 7 * BS + 5;
  g_roots[1] = reinterpret_cast<char*>(small) + BS - 1;
  g_roots[2] = reinterpret_cast<char*>(holder) + BS;
  holder[3] = reinterpret_cast<uintptr_t>(inner) + 4 * BS - 1;
  big = small = holder = inner = nullptr;
  CollectClean();
  EXPECT_EQ(FinSum(20, 24), 0);
  EXPECT_EQ(gc_mem_alloc(), (10 + 1 + 2 + 4) * BS);
}

TEST_F(GcTest, UnreachableObjectsAreReclaimed) {
  size_t before = gc_mem_free();
  MakeGarbage(200, 100, 0, 1000);
  EXPECT_LE(gc_mem_free(), before - 200 * 4 * BS);
  CollectClean();
  EXPECT_GE(gc_mem_free(), before - 20 * 4 * BS) << "at least 90% reclaimed";
}

// The sweep stops above the last block that may be in use (the high water
// of the allocations since the previous sweep). Blocks handed out past it
// afterwards -- new cursor runs further up, an allocation grown in place
// across it -- raise it, so the next sweep reclaims and finalises them.
[[gnu::noinline]] void GrowGarbageInPlace() {
  auto* p = static_cast<unsigned char*>(gc_alloc(BS, 0));
  ASSERT_NE(p, nullptr);
  ASSERT_EQ(gc_realloc(p, 64 * BS), p);
}

TEST_F(GcTest, SweepReachesBlocksAllocatedPastTheLastHighWater) {
  size_t empty = gc_mem_free();
  g_roots[0] = NewObj(BS, 0, 1);
  CollectClean();  // the high water is now just above the root
  MakeGarbage(1000, 3 * BS, kGcHasFinaliser, 100);
  GrowGarbageInPlace();
  EXPECT_LT(gc_mem_free(), empty - 1000 * 3 * BS);
  CollectClean();
  EXPECT_GE(FinSum(100, 1100), 900) << "at least 90% finalised";
  EXPECT_GE(gc_mem_free(), empty - BS - 100 * 3 * BS) << "at least 90% reclaimed";
  MakeGarbage(1000, 3 * BS, 0, 2000);  // and once more past the lowered mark
  CollectClean();
  EXPECT_GE(gc_mem_free(), empty - BS - 100 * 3 * BS);
  EXPECT_EQ(*static_cast<uintptr_t*>(g_roots[0]), 1u);
}

TEST_F(GcTest, NoScanBlocksDoNotKeepPointeesAlive) {
  auto* noscan = static_cast<uintptr_t*>(gc_alloc(64 * sizeof(void*), kGcNoScan));
  auto* scan = static_cast<uintptr_t*>(gc_alloc(64 * sizeof(void*), 0));
  g_roots[0] = noscan;
  g_roots[1] = scan;
  for (uintptr_t i = 0; i < 64; ++i) {
    noscan[i] = reinterpret_cast<uintptr_t>(NewObj(BS, kGcHasFinaliser, 300 + i));
    scan[i] = reinterpret_cast<uintptr_t>(NewObj(BS, kGcHasFinaliser, 400 + i));
  }
  noscan = scan = nullptr;
  CollectClean();
  EXPECT_EQ(FinSum(400, 464), 0) << "a scanned block keeps its pointees";
  EXPECT_GE(FinSum(300, 364), 58) << "a no-scan block does not";
  EXPECT_NE(gc_nbytes(g_roots[0]), 0u) << "the no-scan block itself survives";
}

// Allocations of 1..kSizes blocks side by side, so that many cross a table
// word (16 or 32 blocks); every other one rooted. The sweep decides a word
// at a time with a carry into the next, so a TAIL in the next word must
// follow its HEAD's fate. A dropped allocation may survive through a stale
// stack word, so each is checked to be either wholly alive or wholly freed,
// and the counters to match exactly.
constexpr size_t kSizes = 45;
void* g_sized[kSizes + 1];   // a root: the kept ones
uintptr_t g_all[kSizes + 1];  // not a root: every one

[[gnu::noinline]] void MakeSizedAllocations(size_t first_kept) {
  for (size_t n = 1; n <= kSizes; ++n) {
    auto* p = static_cast<uintptr_t*>(gc_alloc(n * BS, n % 3 == 0 ? kGcNoScan : 0));
    ASSERT_NE(p, nullptr);
    p[0] = n;
    p[n * kGcBlockWords - 1] = 1000 + n;
    g_all[n] = reinterpret_cast<uintptr_t>(p);
    g_sized[n] = (n % 2) == first_kept ? p : nullptr;
  }
}

// Checks every allocation is wholly alive or wholly freed, the kept ones
// alive and intact; returns how many of the dropped ones were freed.
[[gnu::noinline]] size_t CheckSizedAllocations() {
  size_t used = 0, count = 0, freed = 0;
  for (size_t n = 1; n <= kSizes; ++n) {
    auto* p = reinterpret_cast<uintptr_t*>(g_all[n]);
    size_t bytes = gc_nbytes(p);
    if (bytes == 0) {
      EXPECT_EQ(g_sized[n], nullptr) << "a kept allocation was freed, " << n;
      ++freed;
      continue;
    }
    EXPECT_EQ(bytes, n * BS) << n;
    EXPECT_EQ(p[0], n);
    EXPECT_EQ(p[n * kGcBlockWords - 1], 1000 + n);
    used += bytes;
    ++count;
  }
  GcInfo info = Info();
  EXPECT_EQ(gc_mem_alloc(), used) << "no block of a freed allocation stays allocated";
  EXPECT_EQ(info.used, used);
  EXPECT_EQ(info.allocations, count);
  return freed;
}

TEST_F(GcTest, SweepFollowsAllocationsAcrossTableWords) {
  ASSERT_TRUE(gc_add_root(g_sized, kSizes + 1));
  for (size_t first_kept = 0; first_kept < 2; ++first_kept) {
    MakeSizedAllocations(first_kept);
    CollectClean();
    size_t dropped = first_kept == 0 ? (kSizes + 1) / 2 : kSizes / 2;
    EXPECT_GE(CheckSizedAllocations(), dropped * 9 / 10);
    for (size_t n = 1; n <= kSizes; ++n) g_sized[n] = nullptr;
    CollectClean();
    EXPECT_GE(CheckSizedAllocations(), kSizes * 9 / 10);
    CollectClean();
  }
  EXPECT_TRUE(gc_remove_root(g_sized));
}

// A random mix of allocations (every path), frees, reallocs, drops and
// collections against a model of which allocations are rooted: rooted ones
// keep their size and contents and never overlap, and the counters agree
// with the table.
struct Slot {
  uintptr_t* p;
  size_t bytes;
  uintptr_t tag;
};
constexpr size_t kSlots = 48;
void* g_slot_roots[kSlots];
Slot g_slots[kSlots];

uint64_t g_rng = 0x9E3779B97F4A7C15u;
uint32_t Random(uint32_t n) {
  g_rng ^= g_rng << 13;
  g_rng ^= g_rng >> 7;
  g_rng ^= g_rng << 17;
  return static_cast<uint32_t>(g_rng % n);
}

size_t RandomSize() {
  switch (Random(8)) {
    case 0: return 1 + Random(3 * BS);
    case 1: return 1 + Random(20 * BS);
    case 2: return 0;
    default: return 1 + Random(BS);  // mostly the one-block inline path
  }
}

void Fill(Slot& s) {
  // Small odd numbers: never mistaken for a pointer into the heap.
  size_t words = s.bytes / sizeof(uintptr_t);
  for (size_t i = 0; i < words; ++i) s.p[i] = (s.tag << 8) | (i << 1) | 1;
}

void CheckSlot(const Slot& s, size_t i) {
  ASSERT_GE(gc_nbytes(s.p), s.bytes == 0 ? BS : s.bytes) << i;
  size_t words = s.bytes / sizeof(uintptr_t);
  for (size_t k = 0; k < words; ++k) ASSERT_EQ(s.p[k], (s.tag << 8) | (k << 1) | 1) << i << " " << k;
}

[[gnu::noinline]] void RandomStep(uintptr_t tag) {
  size_t i = Random(kSlots);
  Slot& s = g_slots[i];
  uint32_t op = Random(16);
  if (s.p == nullptr || op < 6) {
    size_t bytes = RandomSize();
    unsigned flags = Random(4) == 0 ? kGcNoScan : 0;
    auto* p = static_cast<uintptr_t*>(gc_alloc(bytes, flags));
    if (p == nullptr) return;  // a full heap: fine, the slot keeps what it had
    ASSERT_TRUE(AllZero(p, gc_nbytes(p)));
    s = Slot{p, bytes, tag};
    Fill(s);
  } else if (op < 9) {
    size_t bytes = RandomSize();
    auto* p = static_cast<uintptr_t*>(gc_realloc(s.p, bytes));
    if (p == nullptr) return;
    size_t kept = bytes < s.bytes ? bytes : s.bytes;
    s.p = p;
    s.bytes = kept;  // what is still checked
  } else if (op < 11) {
    gc_free(s.p);
    s = Slot{};
  } else if (op < 15) {
    s = Slot{};  // dropped: garbage
  } else {
    CollectClean();
  }
  g_slot_roots[i] = s.p;
}

[[gnu::noinline]] void CheckAllSlots() {
  for (size_t i = 0; i < kSlots; ++i) {
    if (g_slots[i].p != nullptr) CheckSlot(g_slots[i], i);
  }
  // No two rooted allocations overlap.
  for (size_t i = 0; i < kSlots; ++i) {
    for (size_t j = i + 1; j < kSlots; ++j) {
      auto* a = reinterpret_cast<char*>(g_slots[i].p);
      auto* b = reinterpret_cast<char*>(g_slots[j].p);
      if (a == nullptr || b == nullptr) continue;
      ASSERT_TRUE(a + gc_nbytes(a) <= b || b + gc_nbytes(b) <= a) << i << " " << j;
    }
  }
  GcInfo info = Info();
  ASSERT_EQ(info.used, gc_mem_alloc());
  ASSERT_EQ(info.used + info.free, info.total);
}

TEST_F(GcTest, RandomOperationsKeepTheHeapConsistent) {
  Init(48 * 1024);
  std::memset(g_slots, 0, sizeof g_slots);
  std::memset(g_slot_roots, 0, sizeof g_slot_roots);
  ASSERT_TRUE(gc_add_root(g_slot_roots, kSlots));
  for (uintptr_t step = 1; step <= 30000; ++step) {
    if (step == 20000) gc_set_threshold(Random(2000));
    if (step == 25000) gc_set_stress(true);
    RandomStep(step);
    if (step % 97 == 0) CheckAllSlots();
    if (HasFatalFailure()) return;
  }
  gc_set_stress(false);
  CheckAllSlots();
  EXPECT_GT(Info().collections, 100u);
  EXPECT_TRUE(gc_remove_root(g_slot_roots));
}

// A freed no-scan allocation's bit goes with it: a scanned allocation made
// later in the same block (by the inline path, which writes no flags) keeps
// its pointees.
void* g_holders[64];

[[gnu::noinline]] void HoldersInFormerNoScanBlocks() {
  for (uintptr_t i = 0; i < 64; ++i) {
    auto* holder = static_cast<uintptr_t*>(gc_alloc(BS, 0));
    ASSERT_NE(holder, nullptr);
    holder[1] = reinterpret_cast<uintptr_t>(NewObj(BS, kGcHasFinaliser, 300 + i));
    g_holders[i] = holder;
  }
}

TEST_F(GcTest, FreedNoScanBlocksLoseTheirBit) {
  ASSERT_TRUE(gc_add_root(g_holders, 64));
  size_t before = gc_mem_free();
  MakeGarbage(200, BS, kGcNoScan, 0);
  CollectClean();
  EXPECT_GE(gc_mem_free(), before - 20 * BS);
  HoldersInFormerNoScanBlocks();
  CollectClean();
  EXPECT_EQ(FinSum(300, 364), 0) << "the holders were scanned";
  EXPECT_TRUE(gc_remove_root(g_holders));
}

// ---- finalisers -----------------------------------------------------------

TEST_F(GcTest, FinalisersRunOnceForUnreachableObjectsOnly) {
  for (uintptr_t i = 0; i < 8; ++i) g_roots[i] = NewObj(BS, kGcHasFinaliser, 500 + i);
  MakeGarbage(100, BS, kGcHasFinaliser, 600);
  CollectClean();
  MakeGarbage(100, 2 * BS, 0, 2000);
  CollectClean();
  CollectClean();
  EXPECT_EQ(FinSum(500, 508), 0);
  for (uintptr_t i = 600; i < 700; ++i) ASSERT_LE(g_fin[i], 1) << i;
  EXPECT_GE(FinSum(600, 700), 90);
  // Explicit free does not run the finaliser.
  uintptr_t* p = NewObj(BS, kGcHasFinaliser, 700);
  gc_free(p);
  p = nullptr;
  CollectClean();
  EXPECT_EQ(g_fin[700], 0);
  // Without a hook the bit is dropped and the object freed.
  gc_set_finaliser(nullptr);
  size_t before = gc_mem_free();
  MakeGarbage(50, BS, kGcHasFinaliser, 800);
  CollectClean();
  EXPECT_GE(gc_mem_free(), before - 5 * BS);
  EXPECT_EQ(FinSum(800, 850), 0);
}

void* g_alloc_in_finaliser;
size_t g_reentrant_calls;

void ReentrantFinaliser(void* obj) {
  ++g_reentrant_calls;
  g_alloc_in_finaliser = gc_alloc(BS, 0);
  gc_collect();               // ignored while collecting
  gc_free(g_roots[0]);        // ignored while collecting
  RecordFinaliser(obj);
}

TEST_F(GcTest, FinaliserRunsWithTheCollectorLocked) {
  gc_set_finaliser(ReentrantFinaliser);
  g_roots[0] = NewObj(BS, 0, 900);
  MakeGarbage(10, BS, kGcHasFinaliser, 901);
  g_alloc_in_finaliser = reinterpret_cast<void*>(1);
  CollectClean();
  EXPECT_GE(g_reentrant_calls, 9u);
  EXPECT_EQ(g_alloc_in_finaliser, nullptr);
  EXPECT_EQ(Info().collections, 1u);
  EXPECT_EQ(gc_nbytes(g_roots[0]), BS);
}

// ---- large graphs: bounded marking ----------------------------------------

// A linked list of `n` nodes {id, payload, next}, each payload a private
// one-block object; only g_roots[0] refers to the head. Forward: appended, so
// `next` ascends in address; else prepended. Marking a node pushes its
// payload and then its successor, which is popped first: the mark stack
// grows by one entry per node and overflows after kGcMarkStackSize nodes, and
// a successor that missed the stack is reachable from nowhere else, so the
// list survives only if the overflow rescan works.
struct ListNode {
  uintptr_t id;
  uintptr_t* payload;
  ListNode* next;
};
constexpr size_t kListNodes = 100000;

[[gnu::noinline]] void BuildList(size_t n, bool forward) {
  ListNode* tail = nullptr;
  for (size_t i = 0; i < n; ++i) {
    auto* node = reinterpret_cast<ListNode*>(NewObj(sizeof(ListNode), kGcHasFinaliser, i));
    ASSERT_NE(node, nullptr) << i;
    node->payload = NewObj(BS, kGcHasFinaliser, n + i);
    ASSERT_NE(node->payload, nullptr) << i;
    if (!forward) {
      node->next = static_cast<ListNode*>(g_roots[0]);
      g_roots[0] = node;
    } else {
      (tail != nullptr ? tail->next : *reinterpret_cast<ListNode**>(&g_roots[0])) = node;
      tail = node;
    }
  }
}

[[gnu::noinline]] void CheckList(size_t n, bool forward) {
  size_t count = 0;
  for (auto* node = static_cast<ListNode*>(g_roots[0]); node != nullptr; node = node->next) {
    uintptr_t id = forward ? count : n - 1 - count;
    ASSERT_EQ(node->id, id);
    ASSERT_EQ(node->payload[0], n + id);
    ++count;
  }
  EXPECT_EQ(count, n);
}

// Returns the bytes the list used; leaves it unreachable. In a helper so that
// no copy of a list pointer stays in the test body's frame.
[[gnu::noinline]] size_t ListSurvivesCollection(bool forward) {
  static_assert(sizeof(ListNode) <= BS);
  BuildList(kListNodes, forward);
  size_t used = gc_mem_alloc();
  EXPECT_EQ(used, 2 * kListNodes * BS);
  CollectClean();
  EXPECT_EQ(gc_mem_alloc(), used);
  EXPECT_EQ(g_fin_total, 0u);
  EXPECT_GT(Info().mark_overflows, 0u) << "the overflow path was taken";
  CheckList(kListNodes, forward);
  // Drop it. A stale copy of the head in a dead register or slot (seen under
  // ASan at -O1) would keep the whole list, so cut it after the head too.
  auto* head = static_cast<ListNode*>(g_roots[0]);
  g_roots[0] = nullptr;
  head->next = nullptr;
  return used;
}

TEST_F(GcTest, HundredThousandNodeListSurvives) {
  Init(kHeapCapacity);
  size_t used = ListSurvivesCollection(true);
  CollectClean();
  EXPECT_GE(g_fin_total, 2 * kListNodes * 9 / 10);
  EXPECT_LE(gc_mem_alloc(), used / 10);
}

TEST_F(GcTest, HundredThousandNodeListSurvivesBackward) {
  Init(kHeapCapacity);
  size_t used = ListSurvivesCollection(false);
  CollectClean();
  EXPECT_GE(g_fin_total, 2 * kListNodes * 9 / 10);
  EXPECT_LE(gc_mem_alloc(), used / 10);
}

TEST_F(GcTest, WideArraySurvives) {
  Init(kHeapCapacity);
  constexpr size_t kN = 20000;
  auto* array = static_cast<uintptr_t*>(gc_alloc(kN * sizeof(void*), 0));
  ASSERT_NE(array, nullptr);
  g_roots[0] = array;
  for (size_t i = 0; i < kN; ++i) {
    uintptr_t* child = NewObj(BS, 0, 0);
    ASSERT_NE(child, nullptr);
    child[1] = reinterpret_cast<uintptr_t>(NewObj(BS, kGcHasFinaliser, i));  // grandchild
    array[i] = reinterpret_cast<uintptr_t>(child);
  }
  array = nullptr;
  size_t used = gc_mem_alloc();
  CollectClean();
  EXPECT_EQ(gc_mem_alloc(), used);
  EXPECT_EQ(g_fin_total, 0u);
  EXPECT_GT(Info().mark_overflows, 0u);
}

// ---- stress ---------------------------------------------------------------

// A small "program": a growing vector (gc_realloc) of strings (no-scan) and
// pairs, referenced from the stack only, with garbage on the side, under a
// collection before every allocation.
TEST_F(GcTest, StressModeKeepsAProgramCorrect) {
  Init(32 * 1024);
  gc_set_stress(true);
  constexpr size_t kItems = 60;
  uintptr_t* volatile vec = static_cast<uintptr_t*>(gc_alloc(sizeof(void*), 0));
  ASSERT_NE(vec, nullptr);
  size_t allocs = 1;
  for (size_t i = 0; i < kItems; ++i) {
    uintptr_t* grown = static_cast<uintptr_t*>(gc_realloc(vec, (i + 1) * sizeof(void*)));
    ASSERT_NE(grown, nullptr);
    vec = grown;
    char* s = static_cast<char*>(gc_alloc(20 + i, kGcNoScan));
    ++allocs;
    ASSERT_NE(s, nullptr);
    for (size_t k = 0; k < 20 + i; ++k) s[k] = static_cast<char>('a' + (i + k) % 26);
    uintptr_t* pair = static_cast<uintptr_t*>(gc_alloc(2 * sizeof(void*), 0));
    ++allocs;
    ASSERT_NE(pair, nullptr);
    pair[0] = i;
    pair[1] = reinterpret_cast<uintptr_t>(s);
    vec[i] = reinterpret_cast<uintptr_t>(pair);
    s = nullptr;
    pair = nullptr;
    MakeGarbage(3, 50, 0, 0);
    allocs += 3;
  }
  EXPECT_GE(Info().collections, allocs);
  for (size_t i = 0; i < kItems; ++i) {
    auto* pair = reinterpret_cast<uintptr_t*>(vec[i]);
    ASSERT_EQ(pair[0], i);
    const char* s = reinterpret_cast<const char*>(pair[1]);
    for (size_t k = 0; k < 20 + i; ++k) ASSERT_EQ(s[k], static_cast<char>('a' + (i + k) % 26)) << i;
  }
  EXPECT_LT(gc_mem_alloc(), 16 * 1024u) << "the garbage did not accumulate";
}

// ---- info -----------------------------------------------------------------

TEST_F(GcTest, InfoNumbersAreConsistent) {
  GcInfo empty = Info();
  EXPECT_EQ(empty.used, 0u);
  EXPECT_EQ(empty.free, empty.total);
  EXPECT_EQ(empty.max_free, empty.total);
  EXPECT_EQ(empty.allocations, 0u);
  EXPECT_GT(empty.total, 60u * 1024);
  void* a = gc_alloc(BS, 0);
  void* b = gc_alloc(3 * BS, 0);
  void* c = gc_alloc(2 * BS, 0);
  void* d = gc_alloc(10 * BS, 0);
  ASSERT_TRUE(a && b && c && d);
  gc_free(b);
  gc_free(d);
  GcInfo info = Info();
  EXPECT_EQ(info.total, empty.total);
  EXPECT_EQ(info.used + info.free, info.total);
  EXPECT_EQ(info.used, gc_mem_alloc());
  EXPECT_EQ(info.free, gc_mem_free());
  EXPECT_EQ(info.used, 3 * BS);
  EXPECT_EQ(info.allocations, 2u);
  EXPECT_EQ(info.max_alloc, 2 * BS);
  EXPECT_EQ(info.max_free, info.free - 3 * BS);
  // After a collection the counters still agree.
  g_roots[0] = a;
  MakeGarbage(30, 3 * BS, 0, 0);
  CollectClean();
  info = Info();
  EXPECT_EQ(info.used + info.free, info.total);
  EXPECT_EQ(info.used, gc_mem_alloc());
  EXPECT_EQ(info.collections, 1u);
}

}  // namespace
}  // namespace taipan::rt
