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

constinit GcCursor g_gc_cursor = {};

namespace {

constexpr unsigned Log2(size_t n) {
  unsigned s = 0;
  while ((size_t{1} << s) < n) ++s;
  return s;
}
constexpr unsigned kBlockShift = Log2(kGcBlockBytes);
static_assert((size_t{1} << kBlockShift) == kGcBlockBytes, "block size is a power of two");
constexpr size_t kWord = sizeof(uintptr_t);
constexpr unsigned kWordBits = 8 * kWord;
constexpr size_t kNone = ~size_t{0};

// Allocation table kinds: 2 bits per block, kAtbPerWord blocks per table
// word, block b in bits 2 * (b % kAtbPerWord) of word b / kAtbPerWord. The
// bit tables hold block b in bit b % kWordBits of word b / kWordBits, so
// allocation table word w pairs with half w % 2 of bit table word w / 2.
enum : unsigned { kFree = 0, kHead = 1, kTail = 2, kMark = 3 };
constexpr unsigned kAtbPerWord = kWordBits / 2;
constexpr unsigned kAtbShift = Log2(kAtbPerWord);
constexpr unsigned kBitShift = Log2(kWordBits);
constexpr uintptr_t kLowBits = ~uintptr_t{0} / 3;  // 0x5555...: the low bit of every entry
constexpr uintptr_t kAllTail = kLowBits << 1;      // every entry TAIL
constexpr size_t kLargeRunBlocks = 4096 / kGcBlockBytes;  // a "large" request or free: 4 KiB and up

// AllocSmall bumps requests of 1..kBumpBlocks blocks (up to 512 bytes with
// 16-byte blocks: most strings, tuples, lists' item arrays and big ints
// that are not huge) off the cursor run; see "Allocation cursor".
constexpr size_t kBumpBlocks = 32;
// A search for a run stops once the run found reaches this many blocks (and
// the request): the cursor run needs no more, and finding the end of a large
// FREE region (a fresh heap's) would read all of its table.
constexpr size_t kMaxCursorRunBlocks = 65536 / kGcBlockBytes;

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
  // The cursor, the inline paths' limit and the pool's address live in
  // g_gc_cursor (gc.h), where gc_alloc_block reads them.
  size_t unwritten = 0;  // [unwritten, cursor): one-block allocations, entries not written
  size_t settled = 0;    // [settled, cursor): handed out, not yet counted
  uintptr_t* atb = nullptr;   // allocation table
  uintptr_t* ftb = nullptr;   // finaliser table
  uintptr_t* nstb = nullptr;  // no-scan table
  size_t run_end = 0;  // [cursor, run_end) is FREE
  // No block at or above this was allocated since the last sweep (or ever):
  // the sweep stops there. Raised wherever blocks past it may be handed
  // out (a cursor run, growing in place).
  size_t high_water = 0;
  size_t hole = 0;         // [hole, hole + hole_blocks): the latest large run freed (a hint; may be stale)
  size_t hole_blocks = 0;
  uintptr_t pool_end = 0;
  size_t nblocks = 0;
  size_t used_blocks = 0;  // counted: add cursor - settled for the true number
  size_t alloc_since = 0;  // blocks allocated since the last collection, likewise
  size_t threshold = 0;    // bytes, valid when threshold_on
  size_t threshold_blocks = 0;  // the threshold rounded up to whole blocks
  bool threshold_on = false;
  size_t growth_min_blocks = 0;  // gc_set_growth_budget, in blocks; 0: off
  size_t growth_blocks = 0;      // this cycle's budget: max(minimum, blocks live after the last collection)
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

// ---- bit helpers ----------------------------------------------------------

inline unsigned CountTrailingZeros(uintptr_t x) { return static_cast<unsigned>(__builtin_ctzg(x)); }
inline size_t PopCount(uintptr_t x) { return static_cast<size_t>(__builtin_popcountg(x)); }

// Entry masks of a table word (one bit per entry, at the entry's low bit).
inline uintptr_t FreeEntries(uintptr_t x) { return ~(x | (x >> 1)) & kLowBits; }
inline uintptr_t TailEntries(uintptr_t x) { return (x >> 1) & ~x & kLowBits; }

// Bits [2 * first, 2 * (first + count)) of a word: `count` entries from
// entry `first` (first + count <= kAtbPerWord, count >= 1).
inline uintptr_t EntryRange(unsigned first, unsigned count) {
  uintptr_t ones = count == kAtbPerWord ? ~uintptr_t{0} : (uintptr_t{1} << (2 * count)) - 1;
  return ones << (2 * first);
}

// Bit 2i of `x` to bit i: an allocation table word's entry mask to the
// matching half of a bit table word.
inline uintptr_t CompressEvenBits(uintptr_t x) {
  x &= kLowBits;
  x = (x | (x >> 1)) & static_cast<uintptr_t>(0x3333333333333333ull);
  x = (x | (x >> 2)) & static_cast<uintptr_t>(0x0F0F0F0F0F0F0F0Full);
  x = (x | (x >> 4)) & static_cast<uintptr_t>(0x00FF00FF00FF00FFull);
  x = (x | (x >> 8)) & static_cast<uintptr_t>(0x0000FFFF0000FFFFull);
  if constexpr (kWordBits == 64) x = (x | (x >> 16)) & static_cast<uintptr_t>(0x00000000FFFFFFFFull);
  return x;
}

// Spreads the entries in `live` forward through the contiguous TAIL entries
// after them (`tails`): a parallel prefix, log2(kAtbPerWord) steps.
inline uintptr_t FillThroughTails(uintptr_t live, uintptr_t tails) {
  for (unsigned s = 2; s < kWordBits; s <<= 1) {
    live |= tails & (live << s);
    tails &= tails << s;
  }
  return live;
}

// ---- tables ---------------------------------------------------------------

inline unsigned Kind(size_t b) {
  return (g.atb[b >> kAtbShift] >> (2 * (b & (kAtbPerWord - 1)))) & 3u;
}

inline void SetKind(size_t b, unsigned k) {
  unsigned sh = 2 * (b & (kAtbPerWord - 1));
  uintptr_t& w = g.atb[b >> kAtbShift];
  w = (w & ~(uintptr_t{3} << sh)) | (uintptr_t{k} << sh);
}

inline uintptr_t BitMask(size_t b) { return uintptr_t{1} << (b & (kWordBits - 1)); }
inline bool Bit(const uintptr_t* t, size_t b) { return (t[b >> kBitShift] & BitMask(b)) != 0; }
inline void SetBit(uintptr_t* t, size_t b) { t[b >> kBitShift] |= BitMask(b); }
inline void ClearBit(uintptr_t* t, size_t b) { t[b >> kBitShift] &= ~BitMask(b); }

inline uintptr_t BlockAddr(size_t b) { return g_gc_cursor.pool + (b << kBlockShift); }

// Zeroes one block with word stores (__builtin_memset of a block is a
// library call on Cortex-M at -Os).
inline void ZeroBlock(uintptr_t* p) {
  for (size_t i = 0; i < kGcBlockWords; ++i) p[i] = 0;
}

inline size_t AtbWords(size_t n) { return (n + kAtbPerWord - 1) >> kAtbShift; }
inline size_t BitWords(size_t n) { return (n + kWordBits - 1) >> kBitShift; }
inline uintptr_t AlignUp(uintptr_t a, size_t to) { return (a + (to - 1)) & ~uintptr_t(to - 1); }

// Blocks for a request; 0 means too big for any pool.
inline size_t BlocksFor(size_t bytes) {
  if (bytes == 0) return 1;
  if (bytes > g.nblocks << kBlockShift) return 0;
  return (bytes + kGcBlockBytes - 1) >> kBlockShift;
}

// Sets the entries of blocks [b, b + n), n >= 1, to those of `pattern`: a
// HEAD each (kLowBits), TAILs (kAllTail) or FREE (0).
void FillEntries(size_t b, size_t n, uintptr_t pattern) {
  const size_t end = b + n;
  while (b < end) {
    unsigned first = b & (kAtbPerWord - 1);
    size_t room = kAtbPerWord - first;
    unsigned count = static_cast<unsigned>(end - b < room ? end - b : room);
    uintptr_t mask = EntryRange(first, count);
    uintptr_t& w = g.atb[b >> kAtbShift];
    w = (w & ~mask) | (pattern & mask);
    b += count;
  }
}

// Number of blocks of the allocation whose head is `b`: up to the first
// block after it that is not a TAIL.
size_t AllocBlocks(size_t b) {
  size_t e = b + 1;
  size_t w = e >> kAtbShift;
  unsigned first = e & (kAtbPerWord - 1);
  const size_t nwords = AtbWords(g.nblocks);
  for (; w < nwords; ++w, first = 0) {
    uintptr_t others = (~TailEntries(g.atb[w]) & kLowBits) >> (2 * first);
    if (others != 0) {
      size_t end = (w << kAtbShift) + first + (CountTrailingZeros(others) >> 1);
      return (end < g.nblocks ? end : g.nblocks) - b;  // padding entries are FREE
    }
  }
  return g.nblocks - b;
}

// The head of the allocation containing the TAIL block `b`: the last block
// before it that is not a TAIL, skipping whole table words of TAILs. (Not
// with a count of leading zeros: the bare-metal tests link this file
// without the compiler builtins that Cortex-M0 would need for one.)
size_t FindHead(size_t b) {
  while (Kind(b) == kTail) {
    if ((b & (kAtbPerWord - 1)) == kAtbPerWord - 1 && g.atb[b >> kAtbShift] == kAllTail) {
      b -= kAtbPerWord;
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
  if (a - g_gc_cursor.pool >= g.pool_end - g_gc_cursor.pool) return kNone;
  if ((a - g_gc_cursor.pool) & (kGcBlockBytes - 1)) return kNone;
  size_t b = (a - g_gc_cursor.pool) >> kBlockShift;
  unsigned k = Kind(b);
  return (k == kHead || k == kMark) ? b : kNone;
}

// ---- allocation cursor ----------------------------------------------------

// Writes the table entries of the one-block allocations without flags that
// gc_alloc's inline path handed out without them: a HEAD each.
[[gnu::noinline]] void WriteDeferredEntries() {
  FillEntries(g.unwritten, g_gc_cursor.cursor - g.unwritten, kLowBits);
  g.unwritten = g_gc_cursor.cursor;
}

// Brings the tables and counters up to date with what the inline paths
// handed out since the last call; everything that reads them calls it first.
inline void Settle() {
  if (g.unwritten != g_gc_cursor.cursor) WriteDeferredEntries();
  size_t fresh = g_gc_cursor.cursor - g.settled;
  g.used_blocks += fresh;
  g.alloc_since += fresh;
  g.settled = g_gc_cursor.cursor;
}

// Moves the cursor, with the tables and counters settled, to `b`.
inline void MoveCursor(size_t b) { g_gc_cursor.cursor = g.unwritten = g.settled = b; }
inline void SetRunEnd(size_t end) {
  g.run_end = end;
  if (end > g.high_water) g.high_water = end;
}

// The blocks that may be allocated since the last collection before the
// next automatic one: the user's threshold and the growth budget, whichever
// is smaller; kNone when neither is set.
size_t TriggerBlocks() {
  size_t trigger = g.threshold_on ? g.threshold_blocks : kNone;
  if (g.growth_blocks != 0 && g.growth_blocks < trigger) trigger = g.growth_blocks;
  return trigger;
}

bool ThresholdReached() { return g.alloc_since >= TriggerBlocks(); }

// Recomputes `limit` after anything the inline paths depend on changed: it
// is open only when an allocation needs no collection first and may not fail
// for a reason other than room, and it stops where the threshold would
// call for a collection.
void RefreshFastPath() {
  Settle();
  size_t limit = g_gc_cursor.cursor;
  bool open = g.lock_depth == 0 && !g.collecting && (g.disabled || !g.stress);
  if (open) {
    limit = g.run_end;
    size_t trigger = TriggerBlocks();
    if (trigger != kNone && !g.disabled) {
      size_t budget = g.alloc_since < trigger ? trigger - g.alloc_since : 0;
      if (budget < limit - g_gc_cursor.cursor) limit = g_gc_cursor.cursor + budget;
    }
  }
  g_gc_cursor.limit = limit;
}

// Makes the first run of at least `n` FREE blocks in [from, nblocks) the
// cursor run (the whole run, up to its next non-FREE block, or as much of
// it as the search read, at least kMaxCursorRunBlocks); false if there is
// none.
bool FindFreeRun(size_t from, size_t n) {
  const size_t nb = g.nblocks;
  const size_t nwords = AtbWords(nb);
  const size_t enough = n > kMaxCursorRunBlocks ? n : kMaxCursorRunBlocks;
  size_t start = kNone;  // first block of the run in progress
  for (size_t w = from >> kAtbShift; w < nwords; ++w) {
    uintptr_t free_bits = FreeEntries(g.atb[w]);
    size_t base = w << kAtbShift;
    if (base < from) free_bits &= ~uintptr_t{0} << (2 * (from - base));
    if (nb - base < kAtbPerWord) free_bits &= EntryRange(0, static_cast<unsigned>(nb - base));
    if (start == kNone && free_bits == 0) continue;  // no run starts here
    if (start != kNone && free_bits == kLowBits) {  // the run goes on past this word
      if (base + kAtbPerWord - start < enough) continue;
      MoveCursor(start);
      SetRunEnd(base + kAtbPerWord);
      return true;
    }
    const uintptr_t used_bits = ~free_bits & kLowBits;
    unsigned pos = 0;
    while (pos < kAtbPerWord) {
      if (start == kNone) {
        uintptr_t f = free_bits >> (2 * pos);
        if (f == 0) break;
        pos += CountTrailingZeros(f) >> 1;
        start = base + pos;
      }
      uintptr_t u = used_bits >> (2 * pos);
      if (u == 0) break;  // the run goes on into the next word
      size_t end = base + pos + (CountTrailingZeros(u) >> 1);
      if (end - start >= n) {
        MoveCursor(start);
        SetRunEnd(end);
        return true;
      }
      start = kNone;
      pos = static_cast<unsigned>(end - base);
    }
  }
  if (start == kNone || nb - start < n) return false;
  MoveCursor(start);  // a run that reaches the end of the pool
  SetRunEnd(nb);
  return true;
}

// Whether blocks [b, b + n) are all FREE, a table word at a time.
bool AllFree(size_t b, size_t n) {
  const size_t end = b + n;
  while (b < end) {
    unsigned first = b & (kAtbPerWord - 1);
    size_t room = kAtbPerWord - first;
    unsigned count = static_cast<unsigned>(end - b < room ? end - b : room);
    uintptr_t mask = EntryRange(first, count) & kLowBits;
    if ((FreeEntries(g.atb[b >> kAtbShift]) & mask) != mask) return false;
    b += count;
  }
  return true;
}

// A large request is served first from the latest large run freed, while
// that is likely still in the cache (a function that frees its big
// temporary on every call gets the same memory back on the next call),
// when the run is still FREE and outside the cursor run. kNone otherwise.
size_t TakeFromHole(size_t n) {
  if (n < kLargeRunBlocks || g.hole_blocks < n) return kNone;
  size_t b = g.hole;
  bool outside_cursor_run = b + n <= g_gc_cursor.cursor || b >= g.run_end;
  if (!outside_cursor_run || !AllFree(b, n)) {
    g.hole_blocks = 0;
    return kNone;
  }
  g.hole += n;
  g.hole_blocks -= n;
  return b;
}

// The first block of `n` FREE blocks taken from the cursor run, moving the
// cursor past them; next fit: on from the cursor, then once more from block
// 0 (blocks freed behind the cursor, runs skipped as too short). kNone when
// no run of `n` exists. Needs the counters settled; the caller counts the
// blocks it takes.
size_t TakeRun(size_t n) {
  if (size_t b = TakeFromHole(n); b != kNone) return b;
  if (g.run_end - g_gc_cursor.cursor < n) {
    if (g.nblocks - g.used_blocks < n) return kNone;  // not even that many FREE blocks
    if (!FindFreeRun(g_gc_cursor.cursor, n) && !FindFreeRun(0, n)) return kNone;
  }
  size_t b = g_gc_cursor.cursor;
  MoveCursor(b + n);
  return b;
}

// Blocks [b, b + n) just became FREE: the cursor run takes them when they
// touch it, so that freeing the latest allocation makes its blocks the next
// ones handed out.
void GiveBackToCursorRun(size_t b, size_t n) {
  if (b + n == g_gc_cursor.cursor) {
    MoveCursor(b);
  } else if (b == g.run_end) {
    SetRunEnd(b + n);
  } else if (n >= kLargeRunBlocks) {
    g.hole = b;
    g.hole_blocks = n;
  }
}

// Blocks [lo, hi) were just allocated outside TakeRun (a realloc growing in
// place): the cursor run gives them up.
void ExcludeFromCursorRun(size_t lo, size_t hi) {
  if (hi <= g_gc_cursor.cursor || lo >= g.run_end) return;
  if (lo <= g_gc_cursor.cursor) {
    MoveCursor(hi < g.run_end ? hi : g.run_end);
  } else {
    g.run_end = lo;
  }
}

void ClaimBlocks(size_t b, size_t n, unsigned flags) {
  SetKind(b, kHead);
  if (n > 1) FillEntries(b + 1, n - 1, kAllTail);
  if (flags & kGcHasFinaliser) SetBit(g.ftb, b);
  if (flags & kGcNoScan) SetBit(g.nstb, b);
  g.used_blocks += n;
  g.alloc_since += n;
}

void FreeBlocks(size_t b, size_t n) {
  ClearBit(g.ftb, b);
  ClearBit(g.nstb, b);
  FillEntries(b, n, 0);
  g.used_blocks -= n;
}

// ---- marking --------------------------------------------------------------

// Marks the allocation `w` refers to, if any and not yet marked, and queues
// it for scanning.
inline void Mark(uintptr_t w) {
  if (w - g_gc_cursor.pool >= g.pool_end - g_gc_cursor.pool) return;
  size_t b = (w - g_gc_cursor.pool) >> kBlockShift;
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

// Rescans every marked, scannable allocation in the overflow range, a table
// word at a time.
void RescanOverflow() {
  while (g.ovf) {
    const size_t lo = g.ovf_lo;
    const size_t hi = g.ovf_hi;
    g.ovf = false;
    for (size_t w = lo >> kAtbShift; w <= hi >> kAtbShift; ++w) {
      uintptr_t x = g.atb[w];
      for (uintptr_t marks = x & (x >> 1) & kLowBits; marks != 0; marks &= marks - 1) {
        size_t b = (w << kAtbShift) + (CountTrailingZeros(marks) >> 1);
        if (b < lo || b > hi || Bit(g.nstb, b)) continue;
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

// Calls the finaliser of every unmarked HEAD with its bit set, clearing the
// bit, before anything is freed.
void RunFinalisers() {
  const size_t nwords = BitWords(g.high_water);
  for (size_t w = 0; w < nwords; ++w) {
    uintptr_t bits = g.ftb[w];
    for (; bits != 0; bits &= bits - 1) {
      size_t b = (w << kBitShift) + CountTrailingZeros(bits);
      if (Kind(b) != kHead) continue;
      ClearBit(g.ftb, b);
      if (g.finaliser != nullptr) g.finaliser(reinterpret_cast<void*>(BlockAddr(b)));
    }
  }
}

// Frees every unmarked allocation and turns every MARK back into a HEAD, a
// table word (kAtbPerWord blocks) at a time; recounts the used blocks.
void SweepTable() {
  const size_t nwords = AtbWords(g.high_water);
  size_t used = 0;
  size_t last_used_word = 0;  // + 1
  uintptr_t carry = 0;  // 1: the previous word ends inside a surviving allocation
  for (size_t w = 0; w < nwords; ++w) {
    const uintptr_t x = g.atb[w];
    if (x == 0) {  // all FREE
      carry = 0;
      continue;
    }
    const uintptr_t starts = x & kLowBits;  // HEAD or MARK
    const uintptr_t highs = (x >> 1) & kLowBits;
    const uintptr_t marked = starts & highs;
    const uintptr_t tails = highs & ~starts;
    // A TAIL survives when its allocation's first block is marked, in this
    // word or (carry) an earlier one.
    const uintptr_t live = FillThroughTails(marked | (tails & carry), tails);
    const uintptr_t dead_heads = starts & ~highs;
    if (dead_heads != 0) {
      // Their finaliser bits went in RunFinalisers; drop their no-scan bits.
      uintptr_t& nostb = g.nstb[w >> 1];
      if (nostb != 0) nostb &= ~(CompressEvenBits(dead_heads) << ((w & 1) * kAtbPerWord));
    }
    const uintptr_t swept = marked | ((live & tails) << 1);
    if (swept != x) g.atb[w] = swept;
    used += PopCount(live);
    if (live != 0) last_used_word = w + 1;
    carry = live >> (kWordBits - 2);
  }
  g.used_blocks = used;
  // Nothing survives above the last word with a live block.
  size_t high = last_used_word << kAtbShift;
  g.high_water = high < g.nblocks ? high : g.nblocks;
}

void Collect() {
  if (g.collecting || g.nblocks == 0) return;
  Settle();
  g.collecting = true;
  g_gc_cursor.limit = g_gc_cursor.cursor;  // closed: finalisers may call gc_alloc, which must fail
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
  RunFinalisers();
  SweepTable();
  g.alloc_since = 0;
  g.growth_blocks = g.growth_min_blocks == 0                 ? 0
                    : g.used_blocks > g.growth_min_blocks ? g.used_blocks
                                                          : g.growth_min_blocks;
  MoveCursor(0);  // allocation starts over at block 0
  g.hole_blocks = 0;
  g.run_end = g_gc_cursor.limit = 0;
  g.collecting = false;
}

// Everything gc_alloc does beyond the inline path, with the cursor settled.
void* AllocSettled(size_t bytes, unsigned flags) {
  if (g.lock_depth != 0 || g.collecting) return nullptr;
  size_t n = BlocksFor(bytes);
  if (n == 0) return nullptr;
  bool collected = false;
  if (!g.disabled && (g.stress || ThresholdReached())) {
    Collect();
    collected = true;
  }
  size_t b = TakeRun(n);
  if (b == kNone && !g.disabled && !collected) {
    Collect();
    b = TakeRun(n);
  }
  if (b == kNone) return nullptr;
  ClaimBlocks(b, n, flags);
  void* p = reinterpret_cast<void*>(BlockAddr(b));
  if (!(flags & kGcUninitialised)) __builtin_memset(p, 0, n << kBlockShift);
  return p;
}

[[gnu::noinline]] void* AllocSlow(size_t bytes, unsigned flags) {
  Settle();
  void* p = AllocSettled(bytes, flags);
  RefreshFastPath();
  return p;
}

// Grows the allocation of `n_old` blocks at `b` to `n_new` if the blocks
// after it are FREE.
bool GrowInPlace(size_t b, size_t n_old, size_t n_new) {
  size_t end = b + n_new;
  if (end > g.nblocks) return false;
  for (size_t i = b + n_old; i < end; ++i) {
    if (Kind(i) != kFree) return false;
  }
  size_t added = n_new - n_old;
  if (end > g.high_water) g.high_water = end;
  FillEntries(b + n_old, added, kAllTail);
  g.used_blocks += added;
  g.alloc_since += added;
  ExcludeFromCursorRun(b + n_old, end);
  __builtin_memset(reinterpret_cast<void*>(BlockAddr(b + n_old)), 0, added << kBlockShift);
  return true;
}

void* Realloc(void* p, size_t bytes) {
  size_t b = HeadIndex(p);
  if (b == kNone) return nullptr;
  size_t n_new = BlocksFor(bytes);
  if (n_new == 0) return nullptr;
  size_t n_old = AllocBlocks(b);
  if (n_new == n_old) return p;
  if (g.lock_depth != 0 || g.collecting) return n_new < n_old ? p : nullptr;

  if (n_new < n_old) {
    size_t cut = b + n_new;
    FillEntries(cut, n_old - n_new, 0);
    g.used_blocks -= n_old - n_new;
    GiveBackToCursorRun(cut, n_old - n_new);
    return p;
  }
  if (GrowInPlace(b, n_old, n_new)) return p;

  // Move; `p` stays a root while gc_alloc may collect.
  unsigned flags = (Bit(g.ftb, b) ? kGcHasFinaliser : 0u) | (Bit(g.nstb, b) ? kGcNoScan : 0u);
  g.pinned = p;
  void* q = gc_alloc(bytes, flags);
  g.pinned = nullptr;
  if (q == nullptr) return nullptr;
  __builtin_memcpy(q, p, n_old << kBlockShift);
  Settle();
  FreeBlocks(b, n_old);
  GiveBackToCursorRun(b, n_old);
  return q;
}

// ---- allocation -----------------------------------------------------------

// Any request of up to kBumpBlocks blocks that fits before `limit`: bumped
// off the cursor run, whose blocks are known FREE, so that its table
// entries are written with an OR; counting is left to Settle.
[[gnu::noinline]] void* AllocSmall(size_t bytes, unsigned flags) {
  const size_t b = g_gc_cursor.cursor;
  const size_t n = ((bytes - 1) >> kBlockShift) + 1;
  if (bytes - 1 >= kBumpBlocks * kGcBlockBytes || g_gc_cursor.limit - b < n) return AllocSlow(bytes, flags);
  if (g.unwritten != b) WriteDeferredEntries();
  g_gc_cursor.cursor = g.unwritten = b + n;
  uintptr_t* atb = g.atb;
  auto* p = reinterpret_cast<uintptr_t*>(g_gc_cursor.pool + (b << kBlockShift));
  atb[b >> kAtbShift] |= uintptr_t{kHead} << (2 * (b & (kAtbPerWord - 1)));
  if (n == 2) {
    size_t t = b + 1;
    atb[t >> kAtbShift] |= uintptr_t{kTail} << (2 * (t & (kAtbPerWord - 1)));
  } else if (n > 2) {
    FillEntries(b + 1, n - 1, kAllTail);
  }
  if (flags & kGcNoScan) SetBit(g.nstb, b);
  if (flags & kGcHasFinaliser) SetBit(g.ftb, b);
  if (n <= 2) {
    ZeroBlock(p);
    if (n == 2) ZeroBlock(p + kGcBlockWords);
  } else if (!(flags & kGcUninitialised)) {
    __builtin_memset(p, 0, n << kBlockShift);
  }
  return p;
}

}  // namespace

// ---- public API -----------------------------------------------------------

void gc_init(void* start, void* end) {
  __builtin_memset(&g, 0, sizeof g);
  g_gc_cursor = GcCursor{};
#if defined(TAIPAN_GC_STRESS) && TAIPAN_GC_STRESS
  g.stress = true;  // a stress build: every allocation collects first
#endif

  uintptr_t lo = AlignUp(reinterpret_cast<uintptr_t>(start), kWord);
  uintptr_t hi = reinterpret_cast<uintptr_t>(end) & ~uintptr_t(kWord - 1);
  if (start == nullptr || hi <= lo) return;
  const size_t avail = hi - lo;
  auto table_bytes = [](size_t n) { return (AtbWords(n) + 2 * BitWords(n)) * kWord; };
  auto fits = [&](size_t n) {
    size_t tables = table_bytes(n);
    if (tables > avail) return false;
    uintptr_t pool = AlignUp(lo + tables, kGcBlockBytes);
    return pool <= hi && ((hi - pool) >> kBlockShift) >= n;
  };
  // Each block costs kGcBlockBytes plus half a byte of tables; estimate
  // without a division (Cortex-M0 and the ESP8266 have no divider).
  size_t n = avail >> kBlockShift;
  if (!fits(n)) {
    size_t overhead = (n >> 1) + 3 * kWord + kGcBlockBytes;
    n = avail > overhead ? (avail - overhead) >> kBlockShift : 0;
  }
  while (n != 0 && !fits(n)) --n;
  while (fits(n + 1)) ++n;
  if (n == 0) return;

  auto* t = reinterpret_cast<uintptr_t*>(lo);
  g.atb = t;
  g.ftb = g.atb + AtbWords(n);
  g.nstb = g.ftb + BitWords(n);
  size_t tables = table_bytes(n);
  __builtin_memset(t, 0, tables);
  g_gc_cursor.pool = AlignUp(lo + tables, kGcBlockBytes);
  g.pool_end = g_gc_cursor.pool + (n << kBlockShift);
  g.nblocks = n;
  RefreshFastPath();
}


// The inline path serves one-block requests without flags (boxed floats and
// complex numbers, most of what numeric code allocates, and other small
// objects): a bump of the cursor, without even the table entry, which
// Settle writes later.
void* gc_alloc(size_t bytes, unsigned flags) {
  if (flags == 0 && bytes <= kGcBlockBytes) return gc_alloc_block(bytes);
  return AllocSmall(bytes, flags);
}

void* gc_alloc_block_slow(size_t bytes) { return AllocSmall(bytes, 0); }

void gc_free(void* p) {
  if (p == nullptr || g.lock_depth != 0 || g.collecting) return;
  Settle();
  size_t b = HeadIndex(p);
  if (b == kNone) return;
  size_t n = AllocBlocks(b);
  FreeBlocks(b, n);
  g.alloc_since -= n < g.alloc_since ? n : g.alloc_since;  // not garbage the next collection must find
  GiveBackToCursorRun(b, n);
  RefreshFastPath();
}

void* gc_realloc(void* p, size_t bytes) {
  if (p == nullptr) return gc_alloc(bytes, 0);
  Settle();
  void* q = Realloc(p, bytes);
  RefreshFastPath();
  return q;
}

size_t gc_nbytes(const void* p) {
  Settle();
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

void gc_collect() {
  Collect();
  RefreshFastPath();
}

void gc_enable() {
  g.disabled = false;
  RefreshFastPath();
}

void gc_disable() {
  g.disabled = true;
  RefreshFastPath();
}

bool gc_is_enabled() { return !g.disabled; }

size_t gc_mem_free() {
  Settle();
  return (g.nblocks - g.used_blocks) << kBlockShift;
}

size_t gc_mem_alloc() {
  Settle();
  return g.used_blocks << kBlockShift;
}

void gc_set_threshold(ptrdiff_t bytes) {
  g.threshold_on = bytes >= 0;
  g.threshold = bytes >= 0 ? static_cast<size_t>(bytes) : 0;
  // Whole blocks are counted: reaching `bytes` means reaching this many.
  g.threshold_blocks = (g.threshold >> kBlockShift) + ((g.threshold & (kGcBlockBytes - 1)) != 0);
  RefreshFastPath();
}

void gc_set_growth_budget(size_t min_bytes) {
  g.growth_min_blocks = g.growth_blocks = min_bytes >> kBlockShift;
  RefreshFastPath();
}

ptrdiff_t gc_threshold() { return g.threshold_on ? static_cast<ptrdiff_t>(g.threshold) : -1; }

void gc_lock() {
  ++g.lock_depth;
  RefreshFastPath();
}

void gc_unlock() {
  if (g.lock_depth != 0) --g.lock_depth;
  RefreshFastPath();
}

bool gc_is_locked() { return g.lock_depth != 0; }
unsigned gc_lock_depth() { return g.lock_depth; }

void gc_set_stress(bool on) {
  g.stress = on;
  RefreshFastPath();
}

void gc_info(GcInfo* out) {
  Settle();
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
