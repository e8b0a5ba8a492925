// slice objects and the index arithmetic every sequence shares.
#ifndef TAIPAN_RUNTIME_SLICE_H
#define TAIPAN_RUNTIME_SLICE_H

#include <stddef.h>

#include "runtime/object.h"

namespace taipan::rt {

struct SliceObject {
  Object base;  // &kSliceType
  Value start;  // kNone when omitted
  Value stop;
  Value step;
};

Value NewSlice(Value start, Value stop, Value step);
inline bool IsSlice(Value v) { return IsObject(v) && ObjectPointer<Object>(v)->type == &kSliceType; }

// slice.indices(length) as Python computes it: clamped start and stop,
// step != 0 (ValueError "slice step cannot be zero"). The number of items
// selected is returned. The length is read after the bounds' __index__
// methods ran, which may change a mutable sequence (as CPython does).
size_t SliceIndices(Value slice, const size_t* length, SignedWord* start, SignedWord* stop, SignedWord* step);
// The same for the bounds of a slice not made into an object (natively
// compiled `lst[a:b:c]`): each an int (or __index__) or kNone.
size_t SliceBoundsIndices(Value start, Value stop, Value step, const size_t* length, SignedWord* start_out,
                          SignedWord* stop_out, SignedWord* step_out);
// SliceBoundsIndices inline for the commonest bounds, small ints or None
// with no step or a step of 1 or -1 (list[a:b], list[::-1]; such bounds
// run no Python code): false, and nothing set, for any other.
inline bool SliceBoundsQuick(Value start, Value stop, Value step) {
  SignedWord s = step == kNone ? 1 : IsSmallInt(step) ? SmallIntValue(step) : 0;
  return (s == 1 || s == -1) && (start == kNone || IsSmallInt(start)) && (stop == kNone || IsSmallInt(stop));
}
// Python's PySlice_AdjustIndices for one bound (clamped to a word's half
// range, so adding the length cannot overflow).
inline SignedWord SliceAdjustBound(SignedWord bound, SignedWord length, SignedWord step) {
  if (bound < 0) {
    bound += length;
    if (bound < 0) bound = step < 0 ? -1 : 0;
  } else if (bound >= length) {
    bound = step < 0 ? length - 1 : length;
  }
  return bound;
}
inline bool SliceBoundsIndicesQuick(Value start, Value stop, Value step, size_t length, SignedWord* start_out,
                                    SignedWord* count_out, SignedWord* step_out) {
  if (!SliceBoundsQuick(start, stop, step)) return false;
  SignedWord s = step == kNone ? 1 : SmallIntValue(step);
  const auto n = static_cast<SignedWord>(length);
  SignedWord first = start == kNone ? (s < 0 ? n - 1 : 0) : SliceAdjustBound(SmallIntValue(start), n, s);
  SignedWord end = stop == kNone ? (s < 0 ? -1 : n) : SliceAdjustBound(SmallIntValue(stop), n, s);
  SignedWord count = s > 0 ? end - first : first - end;
  *start_out = first;
  *count_out = count > 0 ? count : 0;
  *step_out = s;
  return true;
}

// The two steps of the above, for a sequence whose length cannot be had
// by pointer: the bounds as words, clamped as Python clamps them (omitted
// ones for the step's direction; a zero step raises ValueError), which
// runs any __index__; then the items they select from `length` items.
struct SliceBounds {
  SignedWord start, stop, step;
};
SliceBounds SliceBoundsOf(Value start, Value stop, Value step);
SliceBounds SliceBoundsOf(Value slice);
size_t SliceSelect(const SliceBounds& bounds, size_t length, SignedWord* start, SignedWord* stop, SignedWord* step);

// seq[index] with a negative index counted from the end; raises
// IndexError "<what> index out of range" when outside [0, length).
size_t NormalizeIndex(Value index, size_t length, const char* what);

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_SLICE_H
