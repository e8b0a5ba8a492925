// tuple: an immutable array of values, stored inline after the header.
#ifndef TAIPAN_RUNTIME_TUPLE_H
#define TAIPAN_RUNTIME_TUPLE_H

#include <stddef.h>

#include "runtime/object.h"

namespace taipan::rt {

struct TupleObject {
  Object base;  // &kTupleType
  size_t length;
  Value items[];
};

// A tuple of `length` items copied from `items` (null: all kNone, to be
// filled by the caller before the tuple is shared).
Value NewTuple(size_t length, const Value* items);
inline TupleObject* AsTuple(Value v) { return ObjectPointer<TupleObject>(v); }
// The items of a tuple or list, without copying; TypeError otherwise.
void GetSequenceItems(Value seq, size_t* length, Value** items);
// The empty tuple (a constant object).
Value EmptyTuple();

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_TUPLE_H
