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
// selected is returned.
size_t SliceIndices(Value slice, size_t length, SignedWord* start, SignedWord* stop, SignedWord* step);
// The same for the bounds of a slice not made into an object (natively
// compiled `lst[a:b:c]`): each an int (or __index__) or kNone.
size_t SliceBoundsIndices(Value start, Value stop, Value step, size_t length, SignedWord* start_out,
                          SignedWord* stop_out, SignedWord* step_out);

// seq[index] with a negative index counted from the end; raises
// IndexError "<what> index out of range" when outside [0, length).
size_t NormalizeIndex(Value index, size_t length, const char* what);

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_SLICE_H
