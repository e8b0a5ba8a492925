// Host start-up (see host_start.h). Host-only: uses the C library.
#include "targets/host/host_start.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "runtime/gc.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/runtime.h"
#include "runtime/state.h"
#include "runtime/str.h"

namespace taipan::host {

namespace {

// MicroPython's unix port defaults to a few MiB; its stress tests want
// more, and untouched heap pages cost nothing.
constexpr size_t kDefaultHeapBytes = size_t{64} << 20;
constexpr size_t kMinHeapBytes = size_t{64} << 10;
// Collect at least every 4 MiB of allocation (more when more is live; see
// gc_set_growth_budget): short programs then reuse memory that is already
// mapped and in the caches instead of touching fresh pages of the big heap.
constexpr size_t kGrowthBudgetBytes = size_t{4} << 20;

size_t HeapBytes() {
  const char* text = getenv("TAIPAN_HEAP_SIZE");
  if (text == nullptr || *text == '\0') return kDefaultHeapBytes;
  char* end;
  unsigned long long bytes = strtoull(text, &end, 10);
  switch (*end) {
    case 'k': case 'K': bytes <<= 10; break;
    case 'm': case 'M': bytes <<= 20; break;
    case 'g': case 'G': bytes <<= 30; break;
    default: break;
  }
  return bytes < kMinHeapBytes ? kMinHeapBytes : static_cast<size_t>(bytes);
}

// Faults in the first `bytes` of the heap now. A program that allocates
// walks through the growth budget before its first collection, and as much
// again while its live data scatters; a fault there would land in the
// middle of its work, as one long pause per huge page (the kernel zeroing
// 2 MiB). Up front the kernel does the same work once, at startup, and the
// process starts with that much resident (perf_bench, best of 10, one
// binary each way: bm_nqueens 3.02 -> 2.50 ms, bm_float 3.19 -> 2.78 ms,
// misc_raytrace 2.11 -> 1.82 ms).
void Prefault(void* start, size_t bytes) {
  auto* p = static_cast<volatile unsigned char*>(start);
  for (size_t i = 0; i < bytes; i += 4096) p[i] = 0;
}

// The heap, in 2 MiB-aligned memory that Linux may back with transparent
// huge pages: a program allocating fast then faults once per 2 MiB of
// fresh heap rather than once per 4 KiB page, and misses the TLB less
// (perf_bench's bm_float: 8.9 -> 7.4 ms).
void* AllocateHeap(size_t bytes) {
  constexpr size_t kHugePage = size_t{2} << 20;
  size_t rounded = (bytes + kHugePage - 1) & ~(kHugePage - 1);
  void* heap = aligned_alloc(kHugePage, rounded);
#ifdef MADV_HUGEPAGE
  if (heap != nullptr) madvise(heap, rounded, MADV_HUGEPAGE);  // advice: failing is harmless
#endif
  size_t walked = 2 * kGrowthBudgetBytes;
  if (heap != nullptr) Prefault(heap, rounded < walked ? rounded : walked);
  return heap;
}

// Runs with the runtime started; kept out of line so that no Python value
// lives in RunHosted's frame, above the stack top the collector scans to.
__attribute__((noinline)) int StartAndRun(void* heap, size_t bytes, void* stack_top, int argc, char** argv,
                                          const char* path0, int (*body)(void* data), void* data) {
  rt::RuntimeInit(heap, bytes, stack_top);
  rt::gc_set_growth_budget(kGrowthBudgetBytes);
  rt::UsePortConsole();
  rt::SysSetArgv(argc, argv);
  if (path0 != nullptr && rt::AsList(rt::g_state.sys_path)->length > 0)
    rt::AsList(rt::g_state.sys_path)->items[0] = rt::NewStrFromCString(path0);
  return body(data);
}

struct FrozenTable {
  const rt::FrozenModule* modules;
  size_t count;
};

int RunFrozen(void* data) {
  auto* table = static_cast<FrozenTable*>(data);
  rt::UseFrozenModules(table->modules, table->count);
  return rt::RunFrozenMain();
}

}  // namespace

int RunHosted(int argc, char** argv, const char* path0, int (*body)(void* data), void* data) {
  size_t bytes = HeapBytes();
  void* heap = AllocateHeap(bytes);
  if (heap == nullptr) {
    fputs("taipan: cannot allocate the heap\n", stderr);
    return 1;
  }
  int status = StartAndRun(heap, bytes, __builtin_frame_address(0), argc, argv, path0, body, data);
  fflush(stdout);
  return status;
}

int RunProgram(int argc, char** argv, const char* path0, const rt::FrozenModule* modules, size_t count) {
  FrozenTable table = {modules, count};
  return RunHosted(argc, argv, path0, RunFrozen, &table);
}

}  // namespace taipan::host
