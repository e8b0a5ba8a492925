// tuple: an immutable array of values, stored inline after the header.
// Also the helpers tuple and list share (they are both arrays of values:
// comparison, count/index, repetition), and the iterator constructors of
// iterators.cpp.
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
// A tuple, or an object of a native type derived from tuple (a namedtuple
// type: a TupleObject with that type in its header; not a class instance).
bool HasTupleLayout(Value v);
// The items of a tuple (see HasTupleLayout) or list, without copying;
// TypeError otherwise.
void GetSequenceItems(Value seq, size_t* length, Value** items);
// The empty tuple (a constant object).
Value EmptyTuple();
// tuple(iterable)
Value TupleFromIterable(Value iterable);

// --- Shared by tuple and list (both exact tuples or lists) ------------------

// lhs <op> rhs for a comparison operator, lexicographically: items are
// compared with Equal until the first difference, which decides with
// ApplyBinaryOp; otherwise the lengths decide. Re-reads the items on every
// step (a list may change while its items' __eq__ runs).
Value SequenceCompare(BinaryOp op, Value lhs, Value rhs);
// seq.count(x)
size_t SequenceCount(Value seq, Value x);
// seq.index(x[, start[, stop]]) (args[0] is seq): ValueError "object not
// in sequence" when absent, MicroPython's wording.
size_t SequenceIndex(size_t n_args, const Value* args);
// The repetition count of `seq * n` (n an int; negative counts as 0), or
// -1 if n is not an index. Raises MemoryError when length * n overflows.
SignedWord RepeatCount(Value n, size_t length);
// Writes `count` copies of the `size` bytes at `unit` one after another
// into `out` (items of a tuple or list; `out` does not overlap `unit`).
void RepeatBytes(void* out, const void* unit, size_t size, size_t count);

// --- iterators.cpp ----------------------------------------------------------

// The generic `iterator`: seq[0], seq[1], ... until IndexError (exact
// tuples and lists are read directly).
Value NewSequenceIterator(Value seq);
// iter(f, sentinel): calls f() until it returns a value equal to sentinel.
Value NewCallableIterator(Value f, Value sentinel);

// --- range.cpp ----------------------------------------------------------------

// range(start, stop, step); immutable (natively compiled for loops read the
// bounds: native_abi.def).
struct RangeObject {
  Object base;  // &kRangeType
  SignedWord start;
  SignedWord stop;
  SignedWord step;  // never 0
};

// reversed(range): an iterator over the range backwards.
Value NewReversedRangeIterator(Value range);

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_TUPLE_H
