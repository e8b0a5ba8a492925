// The garbage collector: conservative mark-sweep over a block pool.
//
// Freestanding C++20 (only <stdint.h> and <stddef.h>); one collector per
// program, single-threaded, no allocation of its own beyond the region given
// to gc_init.
//
// ---------------------------------------------------------------------------
// Invariants
// ---------------------------------------------------------------------------
//
// Layout. gc_init carves its region into three bit tables followed by the
// pool. The pool is an array of `nblocks` blocks of kGcBlockBytes (4 machine
// words: 16 bytes on 32-bit targets, 32 on x86-64); it starts on a
// kGcBlockBytes boundary, so every allocation, which is a whole run of
// blocks, is block-aligned. The tables are arrays of machine words (so that
// allocation, sweeping and searching handle a word of entries at a time),
// each rounded up to whole words; entries past `nblocks` are FREE and 0 and
// never used. They hold one entry per block:
//   - the allocation table, 2 bits: FREE, HEAD (first block of an
//     allocation), TAIL (a following block of the same allocation), MARK
//     (a HEAD found reachable during the current collection);
//   - the finaliser table, 1 bit, meaningful on a HEAD only: run the
//     finaliser hook before this allocation is reclaimed;
//   - the no-scan table, 1 bit, meaningful on a HEAD only: the allocation
//     never holds pointers (string or bytes data, float storage), so marking
//     never reads it. A separate table was chosen over stealing an encoding
//     because the allocation table's four states are all taken.
// An allocation is one HEAD followed by zero or more TAILs; its extent ends
// at the next block that is not a TAIL. Bits of the finaliser and no-scan
// tables on non-HEAD blocks are always 0.
//
// MARK exists only while gc_collect runs. Outside a collection every
// allocation table entry is FREE, HEAD or TAIL.
//
// High water. Every block at or above `high_water` is FREE: it starts at
// the end of the last live allocation after each sweep, and rises with
// every cursor run (to its end) and in-place growth past it. Sweeping and
// the finaliser scan stop there instead of reading the tables to the end
// of the pool.
//
// Allocation cursor. Allocation is next fit: it bumps a cursor through the
// "cursor run" [cursor, run_end), a run of blocks all FREE. When a request
// does not fit there, the collector searches the table, a word at a time,
// for the next run of enough FREE blocks from the cursor on, then once more
// from block 0 (blocks freed behind the cursor, runs skipped as too short),
// and makes the run found the cursor run (all of it, or the first 64 KiB
// and up the search read, so that it need not read a fresh heap's table
// to its end); the rest of the old one
// stays FREE, for the search from block 0 to find. A search fails only when
// no run of the size exists anywhere, and does not search at all when fewer
// blocks than that are FREE. A collection puts the cursor back at block 0,
// so allocation after it starts from the bottom of the heap. Freeing the
// blocks just below the cursor (the latest allocation: gc_free, or a
// shrinking gc_realloc) moves the cursor back over them, so they are the
// next handed out; an in-place gc_realloc that grows into the cursor run
// moves the cursor past its new end. Freeing a run of at least 4 KiB
// elsewhere leaves a hint: the next request of at least 4 KiB that fits in
// it takes it (if it is still FREE and not in the cursor run), so that a big
// temporary freed on every call of a function gets the same memory, still
// in the cache, on the next call.
//
// gc_alloc's inline paths hand out only blocks below `limit` (<= run_end).
// `limit` equals the cursor, so that every request takes the full path,
// while the heap is locked, a collection runs, or stress mode collects; with
// a threshold or growth budget set it stops at the block where the first of
// them calls for a collection. So the inline paths check nothing but room. The first serves
// one-block requests without flags (boxed floats and complex numbers, most
// of what numeric code allocates) and only bumps the cursor: the table
// entries of blocks [unwritten, cursor) are not written yet; each of them is
// one one-block allocation without flags, and Settle writes a HEAD for each.
// The second serves any request of up to 32 blocks (writing its entries,
// the blocks being FREE, after writing any pending ones). Neither
// counts: blocks [settled, cursor) are allocated but not yet in the
// counters, and Settle adds them. Every operation that reads the tables or
// the counters, or moves the cursor otherwise, settles first, so the
// invariants in this comment hold for the settled state, and the unsettled
// blocks are always the latest allocations, all inside the old cursor run.
//
// Accounting. `used_blocks` plus the unsettled blocks always equals the
// number of HEAD+TAIL(+MARK) blocks, so gc_mem_free/gc_mem_alloc are O(1);
// a sweep recounts it from the table, and gc_info recounts from the table
// (the tests check that all agree).
//
// Zeroing. Memory handed out by gc_alloc (and the blocks added by an
// in-place gc_realloc) is zeroed whole blocks, including the slack after
// the requested size, when it is handed out. Freed blocks keep their old
// contents until reused; the collector never reads a FREE block, so stale
// words in freed memory never keep anything alive.
//
// Reachability (conservative). A machine word "refers to" an allocation
// when, read as an address, it lies anywhere inside the allocation's blocks
// [head, head + nblocks * kGcBlockBytes): interior pointers count, because
// LLVM keeps derived pointers (p + k, loop cursors) in registers and stack
// slots and may have no copy of the base. A pointer one past the end of an
// allocation is not a reference to it. Words of any alignment count; words
// that merely look like pointers (small ints, qstrs) may keep garbage alive,
// which is safe. The roots are:
//   1. every word in each range registered with gc_add_root;
//   2. every aligned word from the collector's own frame up to the stack top
//      set by gc_set_stack_top (stacks grow down on every target), after the
//      callee-saved registers have been spilled into that range (below);
//   3. the allocation being moved by an in-progress gc_realloc.
// An allocation is live iff it is referred to by a root or by a word inside
// a live allocation that is not no-scan. Allocations that are not live are
// reclaimed by the collection; live ones are never moved (no compaction).
//
// Registers. Caller-saved registers hold nothing live across a call, so at
// the call into the collector every live value of every active frame is in
// a stack slot or in a callee-saved register. The collector enters a
// non-inlined function that stores *all* callee-saved integer registers into
// its own frame and scans from a frame below it: on ARM (Thumb-1 and -2) an
// inline-asm sequence stores r4-r11 (LLVM's __builtin_unwind_init would also
// vpush d8-d15, which faults on an FPU-less Cortex-M3); elsewhere
// __builtin_unwind_init() makes the prologue save them (x86-64: rbx rbp
// r12-r15; Xtensa call0: a12-a15). Floating-point registers are not
// scanned: this relies on LLVM never parking a pointer in one on these
// targets (it does not spill integer registers to FP registers).
// On Xtensa with the windowed ABI (ESP32) there are no callee-saved
// registers: the callers' register windows may still sit in the physical
// register file, and only a window-overflow exception writes them to their
// frames' save areas on the stack. The collector forces that by
// nesting 16 further non-inlined calls before it scans (a call rotates the
// window by at least 4 of the 64 address registers, so 16 rotations evict
// every older window). The embedder must only guarantee what the windowed
// ABI already requires: the window overflow/underflow vectors are installed
// (ESP-IDF and any windowed-ABI startup do). The nesting is done on every
// Xtensa build, since the front end cannot tell call0 from windowed code
// (-mcpu is given to llc); on call0 it just costs 16 tiny frames.
// Under AddressSanitizer on the host, locals may live on ASan's "fake stack"
// (detect_stack_use_after_return); the collector scans each live fake frame
// that a word of the real stack points into.
//
// Marking uses an explicit stack of kGcMarkStackSize block indices in the
// collector state, never recursion. When a newly marked allocation does not
// fit on the stack it stays marked but unscanned and the collector widens a
// block-index range [ovf_lo, ovf_hi] that contains every such allocation.
// After the roots are done, the collector rescans every marked, scannable
// allocation in that range (rescanning an already scanned one is harmless),
// repeating while the rescans overflow again. Each round marks at least one
// new allocation, so marking ends, in bounded memory, for any object graph
// (a 100,000-long linked list or a 100,000-wide array alike).
//
// Sweep, in two passes. First every unmarked HEAD with its finaliser bit set
// has the bit cleared and the finaliser hook called with its address —
// before anything is freed, so a finaliser may still read other unreachable
// objects. Then every unmarked allocation is freed and every MARK becomes
// HEAD again, a table word at a time: a TAIL survives when the nearest
// non-TAIL before it is a MARK, found for a whole word by a parallel prefix
// over its entries with a carry from the word before; the no-scan bits of
// the freed HEADs are cleared, and the used blocks are recounted. So: a finaliser runs at most once per allocation, only for an
// unreachable one, and that allocation is freed in the same collection;
// resurrection is not supported (storing the pointer anywhere leaves it
// dangling). While the collector runs (including inside finalisers) it is
// locked: gc_alloc and a growing gc_realloc return nullptr, gc_free is a
// no-op, and gc_collect returns at once. gc_free does not run finalisers.
//
// Policy. gc_alloc, in order: fails if the heap is locked (gc_lock) or a
// collection is running; collects first if automatic collection is enabled
// and either stress mode is on or a threshold or growth budget is set and at
// least that many bytes (whole blocks) were allocated since the last
// collection; takes blocks
// from the cursor run or searches (next fit, above); on failure, if
// automatic collection is enabled and it has not collected for this request
// yet, collects and searches once more; otherwise returns nullptr. The collector never allocates to report failure: the caller
// raises MemoryError from a preallocated object. Explicit gc_collect always
// works, even with automatic collection disabled or the heap locked.
//
// Failure is reported by return values only (nullptr, false); the collector
// never traps. A pointer that is not the address of a live allocation is
// ignored by gc_free and reported as 0 by gc_nbytes.
#ifndef TAIPAN_RUNTIME_GC_H
#define TAIPAN_RUNTIME_GC_H

#include <stddef.h>
#include <stdint.h>

namespace taipan::rt {

inline constexpr size_t kGcBlockWords = 4;
inline constexpr size_t kGcBlockBytes = kGcBlockWords * sizeof(void*);
inline constexpr size_t kGcMaxRoots = 16;        // gc_add_root ranges
inline constexpr size_t kGcMarkStackSize = 64;   // block indices

// gc_alloc flags.
inline constexpr unsigned kGcHasFinaliser = 1u << 0;  // run the hook before reclaiming
inline constexpr unsigned kGcNoScan = 1u << 1;        // contents never hold pointers
// May come unzeroed: the caller writes every word before it next
// allocates, so no collection sees the old contents.
inline constexpr unsigned kGcUninitialised = 1u << 2;

using GcFinaliser = void (*)(void* obj);

// Takes [start, end) for the tables and the pool and resets every setting to
// its default: no roots, no stack top, no finaliser hook, automatic
// collection enabled, threshold off (-1), unlocked, stress off (on when the
// runtime is built with -DTAIPAN_GC_STRESS=1). A region too small for one
// block gives an empty heap on which every allocation fails.
void gc_init(void* start, void* end);

// Zeroed (unless kGcUninitialised), kGcBlockBytes-aligned memory of at
// least `bytes` (0 counts as 1), or nullptr when it cannot be had (see
// Policy above).
void* gc_alloc(size_t bytes, unsigned flags);
// gc_alloc(bytes, 0) for 0 <= bytes <= kGcBlockBytes, its common case
// inline: boxing a float or a complex is mostly this. The collector hands
// out blocks [cursor, limit) of the pool one at a time here, and keeps
// `limit` where a collection or anything else is due (it is `cursor` while
// the heap is locked, collecting or under stress), so the test below is
// all the inline path needs.
struct GcCursor {
  size_t cursor;   // the next block handed out
  size_t limit;    // blocks below this only
  uintptr_t pool;  // address of block 0
};
extern GcCursor g_gc_cursor;
void* gc_alloc_block_slow(size_t bytes);
inline void* gc_alloc_block(size_t bytes) {
  const size_t b = g_gc_cursor.cursor;
  if (b < g_gc_cursor.limit) [[likely]] {
    g_gc_cursor.cursor = b + 1;
    auto* p = reinterpret_cast<uintptr_t*>(g_gc_cursor.pool + b * kGcBlockBytes);
    for (size_t i = 0; i < kGcBlockWords; ++i) p[i] = 0;
    return p;
  }
  return gc_alloc_block_slow(bytes);
}
// Frees an allocation now. nullptr, non-heap pointers and interior pointers
// are ignored, as is every call while the heap is locked or collecting (the
// memory is then reclaimed by a later collection if unreachable). The
// blocks freed stop counting towards the threshold and growth budget.
void gc_free(void* p);
// Resizes an allocation, keeping its flags and contents (up to the smaller
// size); grows in place when the following blocks are free, else moves
// (the old allocation stays alive during the move). gc_realloc(nullptr, n)
// is gc_alloc(n, 0); a size of 0 counts as 1. Returns nullptr, leaving `p`
// untouched, on failure or when `p` is not an allocation. While locked it
// returns `p` if the allocation is already big enough, else nullptr.
void* gc_realloc(void* p, size_t bytes);
// The usable size (whole blocks) of the allocation at `p`, 0 if `p` is not
// the address of one.
size_t gc_nbytes(const void* p);

// Registers `count` words at `start` as roots; false when kGcMaxRoots ranges
// are already registered. gc_remove_root drops the range that starts at
// `start` (false if none does).
bool gc_add_root(void** start, size_t count);
bool gc_remove_root(void** start);
// The highest address (exclusive) of the stack to scan; the embedder calls
// it early in main (or the task entry). nullptr disables stack scanning.
void gc_set_stack_top(void* top);
// The hook called once per unreachable allocation made with
// kGcHasFinaliser, before it is freed (nullptr: none; the bit is dropped).
// Generated code assumes a collection changes no memory it can see
// (native_abi.def, TAIPAN_ABI_ALLOCATES): a finaliser that ran Python code
// (__del__) would need those helpers declared as plain ones again.
void gc_set_finaliser(GcFinaliser fn);

void gc_collect();
void gc_enable();   // automatic collection (threshold, stress, on failure)
void gc_disable();
bool gc_is_enabled();
size_t gc_mem_free();   // bytes in free blocks
size_t gc_mem_alloc();  // bytes in allocated blocks
// Collect before an allocation once `bytes` were allocated since the last
// collection; -1 (any negative value) turns it off, the default.
void gc_set_threshold(ptrdiff_t bytes);
ptrdiff_t gc_threshold();
// The growth budget (off by default; 0 turns it off): collect before an
// allocation once the larger of `min_bytes` and the bytes live after the
// previous collection were allocated since it. It keeps the memory a
// program touches near twice its live data instead of the whole pool: on a
// large host heap, a program that allocates fast otherwise walks through
// untouched pages (a page fault each) and out of the caches before its first
// collection. Independent of gc_set_threshold: whichever is reached first
// collects. Automatic collection must be enabled, as for the threshold.
void gc_set_growth_budget(size_t min_bytes);
// Nesting lock (micropython.heap_lock/heap_unlock): while the depth is
// non-zero every allocation fails and gc_free is a no-op.
void gc_lock();
void gc_unlock();  // no-op at depth 0
bool gc_is_locked();
unsigned gc_lock_depth();
// Collect before every allocation (when automatic collection is enabled).
void gc_set_stress(bool on);

struct GcInfo {
  size_t total;           // bytes in the pool
  size_t used;            // bytes in allocated blocks
  size_t free;            // bytes in free blocks; used + free == total
  size_t max_free;        // largest run of free blocks, in bytes
  size_t allocations;     // live allocations
  size_t max_alloc;       // largest allocation, in bytes
  size_t collections;     // since gc_init
  size_t mark_overflows;  // allocations that missed the mark stack, since gc_init
};
void gc_info(GcInfo* out);

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_GC_H
