// The garbage collector; the invariants are stated at the top of gc.h.
#include "runtime/gc.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TAIPAN_GC_ASAN 1
#endif
#endif
#if !defined(TAIPAN_GC_ASAN) && defined(__SANITIZE_ADDRESS__)
#define TAIPAN_GC_ASAN 1
#endif

#if defined(TAIPAN_GC_ASAN)
// The conservative scan reads whole frames, redzones included.
#define TAIPAN_GC_NO_ASAN __attribute__((no_sanitize("address")))
extern "C" void* __asan_get_current_fake_stack();
extern "C" void* __asan_addr_is_in_fake_stack(void* fake_stack, void* addr, void** beg,
                                              void** end);
#else
#define TAIPAN_GC_NO_ASAN
#endif

namespace taipan::rt {
namespace {

constexpr unsigned Log2(size_t n) {
  unsigned s = 0;
  while ((size_t{1} << s) < n) ++s;
  return s;
}
constexpr unsigned kBlockShift = Log2(kGcBlockBytes);
static_assert((size_t{1} << kBlockShift) == kGcBlockBytes, "block size is a power of two");
constexpr size_t kWord = sizeof(uintptr_t);
constexpr size_t kNone = ~size_t{0};

// Allocation table kinds (2 bits per block, 4 blocks per byte, block i in
// bits 2*(i%4)).
enum : unsigned { kFree = 0, kHead = 1, kTail = 2, kMark = 3 };
constexpr uint8_t kAllTail = 0xAA;  // four TAIL entries

#if defined(__xtensa__)
constexpr unsigned kSpillDepth = 16;  // see "Registers" in gc.h
#else
constexpr unsigned kSpillDepth = 0;
#endif

struct RootRange {
  void** start;
  size_t count;
};

struct GcState {
  uint8_t* atb = nullptr;   // allocation table
  uint8_t* ftb = nullptr;   // finaliser table
  uint8_t* nstb = nullptr;  // no-scan table
  uintptr_t pool = 0;       // address of block 0
  uintptr_t pool_end = 0;
  size_t nblocks = 0;
  size_t used_blocks = 0;
  // run_hint[k]: a lower bound on the first block of the first run of at
  // least k + 1 free blocks (the last entry serves every longer run).
  size_t run_hint[kGcRunHints] = {};
  size_t alloc_since = 0;  // bytes allocated since the last collection
  size_t threshold = 0;  // valid when threshold_on
  bool threshold_on = false;
  uintptr_t stack_top = 0;
  GcFinaliser finaliser = nullptr;
  const void* pinned = nullptr;  // an allocation gc_realloc is moving
  RootRange roots[kGcMaxRoots] = {};
  size_t nroots = 0;
  size_t mark_stack[kGcMarkStackSize] = {};
  size_t msp = 0;
  size_t ovf_lo = 0;  // marked-but-unscanned range, valid when ovf
  size_t ovf_hi = 0;
  bool ovf = false;
  bool disabled = false;  // automatic collection off (all-zero state: .bss, not .data)
  bool stress = false;
  bool collecting = false;
  unsigned lock_depth = 0;
  size_t collections = 0;
  size_t mark_overflows = 0;
};

constinit GcState g;

// ---- tables ---------------------------------------------------------------

inline unsigned Kind(size_t b) { return (g.atb[b >> 2] >> ((b & 3) * 2)) & 3u; }

inline void SetKind(size_t b, unsigned k) {
  unsigned sh = (b & 3) * 2;
  g.atb[b >> 2] = static_cast<uint8_t>((g.atb[b >> 2] & ~(3u << sh)) | (k << sh));
}

inline bool Bit(const uint8_t* t, size_t b) { return (t[b >> 3] >> (b & 7)) & 1u; }
inline void SetBit(uint8_t* t, size_t b) {
  t[b >> 3] = static_cast<uint8_t>(t[b >> 3] | (1u << (b & 7)));
}
inline void ClearBit(uint8_t* t, size_t b) {
  t[b >> 3] = static_cast<uint8_t>(t[b >> 3] & ~(1u << (b & 7)));
}

inline uintptr_t BlockAddr(size_t b) { return g.pool + (b << kBlockShift); }

inline size_t AtbBytes(size_t n) { return (n + 3) >> 2; }
inline size_t BitBytes(size_t n) { return (n + 7) >> 3; }
inline uintptr_t AlignUp(uintptr_t a, size_t to) { return (a + (to - 1)) & ~uintptr_t(to - 1); }

// Blocks for a request; 0 means too big for any pool.
inline size_t BlocksFor(size_t bytes) {
  if (bytes == 0) return 1;
  if (bytes > g.nblocks << kBlockShift) return 0;
  return (bytes + kGcBlockBytes - 1) >> kBlockShift;
}

// Number of blocks of the allocation whose head is `b`.
size_t AllocBlocks(size_t b) {
  size_t e = b + 1;
  while (e < g.nblocks) {
    if ((e & 3) == 0 && e + 4 <= g.nblocks && g.atb[e >> 2] == kAllTail) {
      e += 4;
      continue;
    }
    if (Kind(e) != kTail) break;
    ++e;
  }
  return e - b;
}

// The head of the allocation containing the TAIL block `b`.
size_t FindHead(size_t b) {
  while (Kind(b) == kTail) {
    if ((b & 3) == 3 && b >= 4 && g.atb[b >> 2] == kAllTail) {
      b -= 4;
      continue;
    }
    --b;
  }
  return b;
}

// The block index of `p` if it is the address of an allocation's head
// (HEAD or MARK), else kNone.
size_t HeadIndex(const void* p) {
  uintptr_t a = reinterpret_cast<uintptr_t>(p);
  if (a - g.pool >= g.pool_end - g.pool) return kNone;
  if ((a - g.pool) & (kGcBlockBytes - 1)) return kNone;
  size_t b = (a - g.pool) >> kBlockShift;
  unsigned k = Kind(b);
  return (k == kHead || k == kMark) ? b : kNone;
}

// Blocks from `b` on became free: a run of k + 1 free blocks that did not
// exist before contains one of them, so it starts at b - k or later.
void LowerRunHints(size_t b) {
  for (size_t k = 0; k < kGcRunHints; ++k) {
    size_t start = b > k ? b - k : 0;
    if (start < g.run_hint[k]) g.run_hint[k] = start;
  }
}

// Blocks [b, b + n) were just allocated at the first run of n free blocks
// FindRun found: no run of n or more starts before b, and none starts inside
// the allocation.
void RaiseRunHints(size_t b, size_t n) {
  for (size_t k = 0; k < kGcRunHints; ++k) {
    if (k + 1 >= n && g.run_hint[k] < b) g.run_hint[k] = b;
    if (g.run_hint[k] >= b && g.run_hint[k] < b + n) g.run_hint[k] = b + n;
  }
}

void ResetRunHints(size_t first_free) {
  for (size_t k = 0; k < kGcRunHints; ++k) g.run_hint[k] = first_free;
}

size_t RunHintIndex(size_t n) { return (n < kGcRunHints ? n : kGcRunHints) - 1; }

void FreeBlocks(size_t b, size_t n) {
  ClearBit(g.ftb, b);
  ClearBit(g.nstb, b);
  for (size_t i = 0; i < n; ++i) SetKind(b + i, kFree);
  g.used_blocks -= n;
  LowerRunHints(b);
}

// First fit from the hint: the first block of a run of `n` free blocks.
size_t FindRun(size_t n) {
  size_t run = 0;
  size_t b = g.run_hint[RunHintIndex(n)];
  const size_t nb = g.nblocks;
  while (b < nb) {
    if ((b & 3) == 0 && b + 4 <= nb) {
      unsigned x = g.atb[b >> 2];
      if (x == 0) {  // four free blocks
        size_t start = b - run;
        run += 4;
        if (run >= n) return start;
        b += 4;
        continue;
      }
      if (((x | (x >> 1)) & 0x55u) == 0x55u) {  // no free block
        run = 0;
        b += 4;
        continue;
      }
    }
    if (Kind(b) == kFree) {
      if (++run == n) return b + 1 - n;
    } else {
      run = 0;
    }
    ++b;
  }
  return kNone;
}

// ---- marking --------------------------------------------------------------

// Marks the allocation `w` refers to, if any and not yet marked, and queues
// it for scanning.
inline void Mark(uintptr_t w) {
  if (w - g.pool >= g.pool_end - g.pool) return;
  size_t b = (w - g.pool) >> kBlockShift;
  unsigned k = Kind(b);
  if (k == kFree) return;
  if (k == kTail) {
    b = FindHead(b);
    k = Kind(b);
  }
  if (k == kMark) return;
  SetKind(b, kMark);
  if (Bit(g.nstb, b)) return;
  if (g.msp < kGcMarkStackSize) {
    g.mark_stack[g.msp++] = b;
    return;
  }
  ++g.mark_overflows;
  if (!g.ovf) {
    g.ovf = true;
    g.ovf_lo = g.ovf_hi = b;
  } else if (b < g.ovf_lo) {
    g.ovf_lo = b;
  } else if (b > g.ovf_hi) {
    g.ovf_hi = b;
  }
}

TAIPAN_GC_NO_ASAN void MarkRange(const uintptr_t* p, size_t nwords) {
  for (size_t i = 0; i < nwords; ++i) Mark(p[i]);
}

void ScanBlock(size_t b) {
  MarkRange(reinterpret_cast<const uintptr_t*>(BlockAddr(b)), AllocBlocks(b) * kGcBlockWords);
}

void Drain() {
  while (g.msp != 0) ScanBlock(g.mark_stack[--g.msp]);
}

void MarkRoots(const uintptr_t* p, size_t nwords) {
  for (size_t i = 0; i < nwords; ++i) {
    Mark(p[i]);
    Drain();
  }
}

void RescanOverflow() {
  while (g.ovf) {
    size_t lo = g.ovf_lo;
    size_t hi = g.ovf_hi;
    g.ovf = false;
    for (size_t b = lo; b <= hi; ++b) {
      if (Kind(b) == kMark && !Bit(g.nstb, b)) {
        ScanBlock(b);
        Drain();
      }
    }
  }
}

// Scans [sp, stack top) where sp is this frame; under ASan also the fake
// frames the real stack refers to.
[[gnu::noinline]] TAIPAN_GC_NO_ASAN void ScanStackFromHere() {
  volatile uintptr_t here = 0;
  uintptr_t lo = reinterpret_cast<uintptr_t>(&here) & ~uintptr_t(kWord - 1);
  // Launder the address: derived from `here`, the compiler could assume
  // every word read through it is `here` itself.
  __asm__ volatile("" : "+r"(lo));
  uintptr_t hi = g.stack_top & ~uintptr_t(kWord - 1);
  if (lo >= hi) return;  // another stack (e.g. an interrupt stack): not ours to scan
  const uintptr_t* p = reinterpret_cast<const uintptr_t*>(lo);
  size_t n = (hi - lo) / kWord;
#if defined(TAIPAN_GC_ASAN)
  void* fake = __asan_get_current_fake_stack();
  for (size_t i = 0; i < n; ++i) {
    Mark(p[i]);
    Drain();
    if (fake != nullptr) {
      void* beg = nullptr;
      void* end = nullptr;
      void* word = reinterpret_cast<void*>(p[i]);
      if (__asan_addr_is_in_fake_stack(fake, word, &beg, &end) != nullptr) {
        uintptr_t fb = AlignUp(reinterpret_cast<uintptr_t>(beg), kWord);
        uintptr_t fe = reinterpret_cast<uintptr_t>(end);
        for (; fb + kWord <= fe; fb += kWord) {
          Mark(*reinterpret_cast<const uintptr_t*>(fb));
          Drain();
        }
      }
    }
  }
#else
  MarkRoots(p, n);
#endif
}

// Spills the callee-saved registers (and, on Xtensa, the register windows)
// into frames that ScanStackFromHere then covers; see "Registers" in gc.h.
[[gnu::noinline]] void SpillAndScanStack(unsigned depth) {
#if defined(__arm__)
  // Not __builtin_unwind_init: LLVM 22 makes it vpush d8-d15 even on an
  // FPU-less core (thumbv7m), which faults on a Cortex-M3. Store r4-r11 into
  // this frame by hand, in Thumb-1 encodable instructions.
  uintptr_t regs[8];
  uintptr_t* base = regs;
  uintptr_t tmp;
  __asm__ volatile(
      "str r4, [%1, #0]\n\t"
      "str r5, [%1, #4]\n\t"
      "str r6, [%1, #8]\n\t"
      "str r7, [%1, #12]\n\t"
      "mov %0, r8\n\t"
      "str %0, [%1, #16]\n\t"
      "mov %0, r9\n\t"
      "str %0, [%1, #20]\n\t"
      "mov %0, r10\n\t"
      "str %0, [%1, #24]\n\t"
      "mov %0, r11\n\t"
      "str %0, [%1, #28]"
      : "=&l"(tmp)
      : "l"(base)
      : "memory");
#else
  __builtin_unwind_init();  // saves every callee-saved register in the prologue
#endif
  if (depth != 0) {
    SpillAndScanStack(depth - 1);
  } else {
    ScanStackFromHere();
  }
  __asm__ volatile("" ::: "memory");  // not a tail call: keep this frame
}

// ---- sweeping -------------------------------------------------------------

void RunFinalisers() {
  const size_t nbytes = BitBytes(g.nblocks);
  for (size_t i = 0; i < nbytes; ++i) {
    if (g.ftb[i] == 0) continue;
    for (unsigned j = 0; j < 8; ++j) {
      size_t b = (i << 3) + j;
      if (b >= g.nblocks || !Bit(g.ftb, b) || Kind(b) != kHead) continue;
      ClearBit(g.ftb, b);
      if (g.finaliser != nullptr) g.finaliser(reinterpret_cast<void*>(BlockAddr(b)));
    }
  }
}

void Sweep() {
  RunFinalisers();
  bool freeing = false;
  size_t first_free = kNone;
  size_t used = g.used_blocks;
  for (size_t b = 0; b < g.nblocks; ++b) {
    if ((b & 3) == 0 && b + 4 <= g.nblocks && g.atb[b >> 2] == 0) {
      if (first_free == kNone) first_free = b;
      freeing = false;
      b += 3;
      continue;
    }
    switch (Kind(b)) {
      case kHead:
        ClearBit(g.ftb, b);
        ClearBit(g.nstb, b);
        SetKind(b, kFree);
        --used;
        freeing = true;
        if (first_free == kNone) first_free = b;
        break;
      case kTail:
        if (freeing) {
          SetKind(b, kFree);
          --used;
          if (first_free == kNone) first_free = b;
        }
        break;
      case kMark:
        SetKind(b, kHead);
        freeing = false;
        break;
      default:  // kFree
        freeing = false;
        if (first_free == kNone) first_free = b;
        break;
    }
  }
  g.used_blocks = used;
  ResetRunHints(first_free == kNone ? g.nblocks : first_free);
}

void Collect() {
  if (g.collecting || g.nblocks == 0) return;
  g.collecting = true;
  ++g.collections;
  g.msp = 0;
  g.ovf = false;
  for (size_t i = 0; i < g.nroots; ++i) {
    MarkRoots(reinterpret_cast<const uintptr_t*>(g.roots[i].start), g.roots[i].count);
  }
  if (g.pinned != nullptr) {
    Mark(reinterpret_cast<uintptr_t>(g.pinned));
    Drain();
  }
  if (g.stack_top != 0) SpillAndScanStack(kSpillDepth);
  RescanOverflow();
  Sweep();
  g.alloc_since = 0;
  g.collecting = false;
}

}  // namespace

// ---- public API -----------------------------------------------------------

void gc_init(void* start, void* end) {
  __builtin_memset(&g, 0, sizeof g);
#if defined(TAIPAN_GC_STRESS) && TAIPAN_GC_STRESS
  g.stress = true;  // a stress build: every allocation collects first
#endif

  uintptr_t lo = AlignUp(reinterpret_cast<uintptr_t>(start), kWord);
  uintptr_t hi = reinterpret_cast<uintptr_t>(end) & ~uintptr_t(kWord - 1);
  if (start == nullptr || hi <= lo) return;
  const size_t avail = hi - lo;
  auto fits = [&](size_t n) {
    size_t tables = AtbBytes(n) + 2 * BitBytes(n);
    if (tables > avail) return false;
    uintptr_t pool = AlignUp(lo + tables, kGcBlockBytes);
    return pool <= hi && ((hi - pool) >> kBlockShift) >= n;
  };
  // Each block costs kGcBlockBytes plus half a byte of tables; estimate
  // without a division (Cortex-M0 and the ESP8266 have no divider).
  size_t n = avail >> kBlockShift;
  if (!fits(n)) {
    size_t overhead = (n >> 1) + 3 + kGcBlockBytes;
    n = avail > overhead ? (avail - overhead) >> kBlockShift : 0;
  }
  while (n != 0 && !fits(n)) --n;
  while (fits(n + 1)) ++n;
  if (n == 0) return;

  uint8_t* t = reinterpret_cast<uint8_t*>(lo);
  g.atb = t;
  g.ftb = g.atb + AtbBytes(n);
  g.nstb = g.ftb + BitBytes(n);
  size_t tables = AtbBytes(n) + 2 * BitBytes(n);
  __builtin_memset(t, 0, tables);
  g.pool = AlignUp(lo + tables, kGcBlockBytes);
  g.pool_end = g.pool + (n << kBlockShift);
  g.nblocks = n;
}

void* gc_alloc(size_t bytes, unsigned flags) {
  if (g.lock_depth != 0 || g.collecting) return nullptr;
  size_t n = BlocksFor(bytes);
  if (n == 0) return nullptr;
  bool collected = false;
  if (!g.disabled && (g.stress || (g.threshold_on && g.alloc_since >= g.threshold))) {
    Collect();
    collected = true;
  }
  size_t b = FindRun(n);
  if (b == kNone && !g.disabled && !collected) {
    Collect();
    b = FindRun(n);
  }
  if (b == kNone) {
    if (n <= kGcRunHints) g.run_hint[n - 1] = g.nblocks;
    return nullptr;
  }

  SetKind(b, kHead);
  for (size_t i = 1; i < n; ++i) SetKind(b + i, kTail);
  if (flags & kGcHasFinaliser) SetBit(g.ftb, b);
  if (flags & kGcNoScan) SetBit(g.nstb, b);
  g.used_blocks += n;
  g.alloc_since += n << kBlockShift;
  RaiseRunHints(b, n);
  void* p = reinterpret_cast<void*>(BlockAddr(b));
  __builtin_memset(p, 0, n << kBlockShift);
  return p;
}

void gc_free(void* p) {
  if (p == nullptr || g.lock_depth != 0 || g.collecting) return;
  size_t b = HeadIndex(p);
  if (b == kNone) return;
  FreeBlocks(b, AllocBlocks(b));
}

void* gc_realloc(void* p, size_t bytes) {
  if (p == nullptr) return gc_alloc(bytes, 0);
  size_t b = HeadIndex(p);
  if (b == kNone) return nullptr;
  size_t n_new = BlocksFor(bytes);
  if (n_new == 0) return nullptr;
  size_t n_old = AllocBlocks(b);
  if (n_new == n_old) return p;
  if (g.lock_depth != 0 || g.collecting) return n_new < n_old ? p : nullptr;

  if (n_new < n_old) {
    size_t cut = b + n_new;
    for (size_t i = cut; i < b + n_old; ++i) SetKind(i, kFree);
    g.used_blocks -= n_old - n_new;
    LowerRunHints(cut);
    return p;
  }

  // Grow in place when the following blocks are free.
  size_t end = b + n_new;
  if (end <= g.nblocks) {
    size_t i = b + n_old;
    while (i < end && Kind(i) == kFree) ++i;
    if (i == end) {
      for (i = b + n_old; i < end; ++i) SetKind(i, kTail);
      size_t grown = (n_new - n_old) << kBlockShift;
      g.used_blocks += n_new - n_old;
      g.alloc_since += grown;
      __builtin_memset(reinterpret_cast<uint8_t*>(p) + (n_old << kBlockShift), 0, grown);
      return p;
    }
  }

  // Move; `p` stays a root while gc_alloc may collect.
  unsigned flags = (Bit(g.ftb, b) ? kGcHasFinaliser : 0u) | (Bit(g.nstb, b) ? kGcNoScan : 0u);
  g.pinned = p;
  void* q = gc_alloc(bytes, flags);
  g.pinned = nullptr;
  if (q == nullptr) return nullptr;
  __builtin_memcpy(q, p, n_old << kBlockShift);
  FreeBlocks(b, n_old);
  return q;
}

size_t gc_nbytes(const void* p) {
  size_t b = HeadIndex(p);
  return b == kNone ? 0 : AllocBlocks(b) << kBlockShift;
}

bool gc_add_root(void** start, size_t count) {
  if (g.nroots == kGcMaxRoots) return false;
  g.roots[g.nroots++] = RootRange{start, count};
  return true;
}

bool gc_remove_root(void** start) {
  for (size_t i = 0; i < g.nroots; ++i) {
    if (g.roots[i].start != start) continue;
    for (size_t j = i + 1; j < g.nroots; ++j) g.roots[j - 1] = g.roots[j];
    --g.nroots;
    return true;
  }
  return false;
}

void gc_set_stack_top(void* top) { g.stack_top = reinterpret_cast<uintptr_t>(top); }
void gc_set_finaliser(GcFinaliser fn) { g.finaliser = fn; }

void gc_collect() { Collect(); }
void gc_enable() { g.disabled = false; }
void gc_disable() { g.disabled = true; }
bool gc_is_enabled() { return !g.disabled; }
size_t gc_mem_free() { return (g.nblocks - g.used_blocks) << kBlockShift; }
size_t gc_mem_alloc() { return g.used_blocks << kBlockShift; }
void gc_set_threshold(ptrdiff_t bytes) {
  g.threshold_on = bytes >= 0;
  g.threshold = bytes >= 0 ? static_cast<size_t>(bytes) : 0;
}
ptrdiff_t gc_threshold() { return g.threshold_on ? static_cast<ptrdiff_t>(g.threshold) : -1; }
void gc_lock() { ++g.lock_depth; }
void gc_unlock() {
  if (g.lock_depth != 0) --g.lock_depth;
}
bool gc_is_locked() { return g.lock_depth != 0; }
unsigned gc_lock_depth() { return g.lock_depth; }
void gc_set_stress(bool on) { g.stress = on; }

void gc_info(GcInfo* out) {
  GcInfo info{};
  size_t run = 0;
  size_t alloc_len = 0;
  for (size_t b = 0; b < g.nblocks; ++b) {
    unsigned k = Kind(b);
    if (k == kFree) {
      ++info.free;
      if (++run > info.max_free) info.max_free = run;
      alloc_len = 0;
      continue;
    }
    run = 0;
    ++info.used;
    if (k == kTail) {
      ++alloc_len;
    } else {
      ++info.allocations;
      alloc_len = 1;
    }
    if (alloc_len > info.max_alloc) info.max_alloc = alloc_len;
  }
  info.total = g.nblocks << kBlockShift;
  info.used <<= kBlockShift;
  info.free <<= kBlockShift;
  info.max_free <<= kBlockShift;
  info.max_alloc <<= kBlockShift;
  info.collections = g.collections;
  info.mark_overflows = g.mark_overflows;
  *out = info;
}

}  // namespace taipan::rt
