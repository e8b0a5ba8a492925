// slice objects, and the index arithmetic every sequence shares
// (NormalizeIndex for seq[i], SliceIndices for seq[a:b:c]).
#include "runtime/slice.h"

#include "runtime/int.h"
#include "runtime/runtime.h"
#include "runtime/tuple.h"

namespace taipan::rt {

namespace {

// The largest magnitude a slice bound keeps. Python clamps bounds to
// [-PY_SSIZE_T_MAX, PY_SSIZE_T_MAX]; we do the same so that the arithmetic
// below (start + length, -step, stop - start) cannot overflow a word.
constexpr SignedWord kBoundMax = static_cast<SignedWord>(~Word{0} >> 1);

// A slice bound as a word: ints that do not fit a word clamp to the limits,
// as in CPython (`[1, 2][:10**30]` is the whole list). Small ints inline.
SignedWord ClampedBoundSlow(Value v);
inline SignedWord ClampedBound(Value v) {
  if (IsSmallInt(v)) return SmallIntValue(v);  // within the limits
  return ClampedBoundSlow(v);
}

[[gnu::noinline]] SignedWord ClampedBoundSlow(Value v) {
  if (!IsInt(v)) {
    v = CallMethodIfAny(v, Q___index__);
    if (v == kNull) RaiseTypeError("slice indices must be integers or None or have an __index__ method");
    if (!IsInt(v)) RaiseTypeError("__index__ returned non-int");
  }
  SignedWord n;
  if (IntFitsWord(v, &n)) return n < -kBoundMax ? -kBoundMax : n;
  return ApplyBinaryOp(BinaryOp::kLess, v, FromSmallInt(0)) == kTrue ? -kBoundMax : kBoundMax;
}

SliceObject* AsSlice(Value v) { return ObjectPointer<SliceObject>(v); }

// slice(stop), slice(start, stop[, step])
Value SliceMakeNew(const Type*, size_t n_args, size_t n_kw, const Value* args) {
  CheckArgCount(n_args, n_kw, 1, 3, Q_slice);
  if (n_args == 1) return NewSlice(kNone, args[0], kNone);
  return NewSlice(args[0], args[1], n_args == 3 ? args[2] : kNone);
}

void SlicePrint(const Printer& out, Value self, PrintKind) {
  SliceObject* slice = AsSlice(self);
  PrintCString(out, "slice(");
  PrintValue(out, slice->start, PrintKind::kRepr);
  PrintCString(out, ", ");
  PrintValue(out, slice->stop, PrintKind::kRepr);
  PrintCString(out, ", ");
  PrintValue(out, slice->step, PrintKind::kRepr);
  PrintChar(out, ')');
}

// Slices compare as the tuples (start, stop, step) do.
Value SliceBinaryOp(BinaryOp op, Value lhs, Value rhs) {
  if (op != BinaryOp::kEqual || !IsSlice(rhs)) return kNull;
  SliceObject* a = AsSlice(lhs);
  SliceObject* b = AsSlice(rhs);
  return FromBool(Equal(a->start, b->start) && Equal(a->stop, b->stop) && Equal(a->step, b->step));
}

Value SliceAttr(Value self, Qstr name, AttrOp op, Value) {
  if (op != AttrOp::kLoad) return kNull;
  SliceObject* slice = AsSlice(self);
  if (name == Q_start) return slice->start;
  if (name == Q_stop) return slice->stop;
  if (name == Q_step) return slice->step;
  return kNull;
}

// slice.indices(length) -> (start, stop, step)
Value SliceIndicesMethod(Value self, Value length_value) {
  SignedWord length = IndexValue(length_value);
  if (length < 0) RaiseValueError("length should not be negative");
  SignedWord start, stop, step;
  size_t size = static_cast<size_t>(length);
  SliceIndices(self, &size, &start, &stop, &step);
  Value items[] = {NewInt(start), NewInt(stop), NewInt(step)};
  return NewTuple(3, items);
}

constexpr BuiltinFunction kSliceIndicesFn(Q_indices, SliceIndicesMethod);
TAIPAN_CONST_MAP(kSliceMethods, {Q_indices, &kSliceIndicesFn});

}  // namespace

Value NewSlice(Value start, Value stop, Value step) {
  auto* slice = NewObject<SliceObject>(&kSliceType);
  slice->start = start;
  slice->stop = stop;
  slice->step = step;
  return FromPointer(slice);
}

size_t SliceIndices(Value slice_value, const size_t* length, SignedWord* start_out, SignedWord* stop_out,
                    SignedWord* step_out) {
  SliceObject* slice = AsSlice(slice_value);
  return SliceBoundsIndices(slice->start, slice->stop, slice->step, length, start_out, stop_out, step_out);
}

SliceBounds SliceBoundsOf(Value slice_value) {
  SliceObject* slice = AsSlice(slice_value);
  return SliceBoundsOf(slice->start, slice->stop, slice->step);
}

SliceBounds SliceBoundsOf(Value start_value, Value stop_value, Value step_value) {
  SignedWord step = 1;
  if (step_value != kNone) {
    step = ClampedBound(step_value);
    if (step == 0) RaiseValueError("slice step cannot be zero");
  }
  SignedWord start = start_value == kNone ? (step < 0 ? kBoundMax : 0) : ClampedBound(start_value);
  SignedWord stop = stop_value == kNone ? (step < 0 ? -kBoundMax : kBoundMax) : ClampedBound(stop_value);
  return {start, stop, step};
}

size_t SliceSelect(const SliceBounds& bounds, size_t length_unsigned, SignedWord* start_out, SignedWord* stop_out,
                   SignedWord* step_out) {
  SignedWord length = static_cast<SignedWord>(length_unsigned);
  SignedWord step = bounds.step;
  SignedWord start = SliceAdjustBound(bounds.start, length, step);
  SignedWord stop = SliceAdjustBound(bounds.stop, length, step);
  *start_out = start;
  *stop_out = stop;
  *step_out = step;
  // Steps of 1 and -1 (nearly every slice) need no division.
  if (step < 0) {
    if (stop >= start) return 0;
    return static_cast<size_t>(step == -1 ? start - stop : (start - stop - 1) / (-step) + 1);
  }
  if (start >= stop) return 0;
  return static_cast<size_t>(step == 1 ? stop - start : (stop - start - 1) / step + 1);
}

size_t SliceBoundsIndices(Value start, Value stop, Value step, const size_t* length, SignedWord* start_out,
                          SignedWord* stop_out, SignedWord* step_out) {
  SliceBounds bounds = SliceBoundsOf(start, stop, step);
  return SliceSelect(bounds, *length, start_out, stop_out, step_out);  // the length as the bounds left it
}

size_t NormalizeIndex(Value index, size_t length, const char* what) {
  SignedWord i;
  if (IsSmallInt(index)) {
    i = SmallIntValue(index);
  } else if (index == kFalse || index == kTrue) {
    i = index == kTrue;
  } else if (IsInt(index)) {
    // Too big for a word: certainly out of range.
    if (!IntFitsWord(index, &i)) {
      const char* parts[] = {what, " index out of range"};
      RaiseJoined(&kIndexErrorType, parts, 2);
    }
  } else {
    Value method[2];
    LoadMethodOrNull(index, Q___index__, method);
    if (method[0] == kNull) {
      const char* parts[] = {what, " indices must be integers, not ", TypeNameOf(index)};
      RaiseJoined(&kTypeErrorType, parts, 3);
    }
    i = IndexValue(index);
  }
  if (i < 0) i += static_cast<SignedWord>(length);
  if (i < 0 || static_cast<size_t>(i) >= length) {
    const char* parts[] = {what, " index out of range"};
    RaiseJoined(&kIndexErrorType, parts, 2);
  }
  return static_cast<size_t>(i);
}

const Type kSliceType = {
    .base = {&kTypeType},
    .name = Q_slice,
    .make_new = SliceMakeNew,
    .print = SlicePrint,
    .binary_op = SliceBinaryOp,
    .attr = SliceAttr,
    .base_type = &kObjectType,
    .methods = &kSliceMethods,
};

}  // namespace taipan::rt
