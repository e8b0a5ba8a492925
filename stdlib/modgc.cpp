// The gc module: MicroPython's interface to the collector (runtime/gc.h).
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/runtime.h"

namespace taipan::rt {

namespace {

Value GcCollect() {
  gc_collect();
  return kNone;
}

Value GcEnable() {
  gc_enable();
  return kNone;
}

Value GcDisable() {
  gc_disable();
  return kNone;
}

Value GcIsEnabled() { return FromBool(gc_is_enabled()); }
Value GcMemFree() { return NewInt(static_cast<SignedWord>(gc_mem_free())); }
Value GcMemAlloc() { return NewInt(static_cast<SignedWord>(gc_mem_alloc())); }

// threshold(): the current threshold in bytes (-1: off), in whole blocks
// rounded down as MicroPython reports it; threshold(n): sets it, a negative
// n turning it off.
Value GcThreshold(size_t n_args, const Value* args) {
  if (n_args == 0) {
    ptrdiff_t threshold = gc_threshold();
    return NewInt(threshold < 0 ? -1 : static_cast<SignedWord>(threshold) / kGcBlockBytes * kGcBlockBytes);
  }
  SignedWord bytes = IntToWord(args[0]);
  gc_set_threshold(bytes < 0 ? -1 : static_cast<ptrdiff_t>(bytes));
  return kNone;
}

constexpr BuiltinFunction kCollectFn(Q_collect, GcCollect);
constexpr BuiltinFunction kDisableFn(Q_disable, GcDisable);
constexpr BuiltinFunction kEnableFn(Q_enable, GcEnable);
constexpr BuiltinFunction kIsEnabledFn(Q_isenabled, GcIsEnabled);
constexpr BuiltinFunction kMemAllocFn(Q_mem_alloc, GcMemAlloc);
constexpr BuiltinFunction kMemFreeFn(Q_mem_free, GcMemFree);
constexpr BuiltinFunction kThresholdFn(Q_threshold, 0, 1, GcThreshold);

}  // namespace

TAIPAN_CONST_MAP(kGcModuleGlobals,
                 {Q_collect, &kCollectFn},
                 {Q_disable, &kDisableFn},
                 {Q_enable, &kEnableFn},
                 {Q_isenabled, &kIsEnabledFn},
                 {Q_mem_alloc, &kMemAllocFn},
                 {Q_mem_free, &kMemFreeFn},
                 {Q_threshold, &kThresholdFn});

}  // namespace taipan::rt
