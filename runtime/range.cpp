// range, and its iterator.
//
// Bounds are machine words (as in MicroPython): range() of an int that does
// not fit one raises OverflowError. The length is computed in unsigned
// arithmetic so that ranges spanning more than half the word still work.
#include "runtime/int.h"
#include "runtime/runtime.h"
#include "runtime/slice.h"
#include "runtime/tuple.h"

namespace taipan::rt {

namespace {

// Iterates `remaining` values from `next` by `step` (a count, not a stop
// bound, so that reversed ranges and ranges ending near the word's limits
// never overflow).
struct RangeIteratorObject {
  Object base;  // &kRangeIteratorType
  SignedWord next;
  SignedWord step;
  Word remaining;
};

RangeObject* AsRange(Value v) { return ObjectPointer<RangeObject>(v); }

Word RangeLength(const RangeObject* r) {
  if (r->step > 0) {
    if (r->start >= r->stop) return 0;
    return (static_cast<Word>(r->stop) - static_cast<Word>(r->start) - 1) / static_cast<Word>(r->step) + 1;
  }
  if (r->start <= r->stop) return 0;
  return (static_cast<Word>(r->start) - static_cast<Word>(r->stop) - 1) / (Word{0} - static_cast<Word>(r->step)) + 1;
}

// start + i * step, wrapping like the machine (the callers keep i in range).
SignedWord RangeItem(const RangeObject* r, Word i) {
  return static_cast<SignedWord>(static_cast<Word>(r->start) + i * static_cast<Word>(r->step));
}

Value NewRange(SignedWord start, SignedWord stop, SignedWord step) {
  auto* r = NewObject<RangeObject>(&kRangeType);
  r->start = start;
  r->stop = stop;
  r->step = step;
  return FromPointer(r);
}

// range(stop), range(start, stop[, step])
Value RangeMakeNew(const Type*, size_t n_args, size_t n_kw, const Value* args) {
  CheckArgCount(n_args, n_kw, 1, 3, Q_range);
  SignedWord start = 0, stop, step = 1;
  if (n_args == 1) {
    stop = IndexValue(args[0]);
  } else {
    start = IndexValue(args[0]);
    stop = IndexValue(args[1]);
    if (n_args == 3) {
      step = IndexValue(args[2]);
      if (step == 0) RaiseValueError("zero step");
    }
  }
  return NewRange(start, stop, step);
}

void RangePrint(const Printer& out, Value self, PrintKind) {
  RangeObject* r = AsRange(self);
  PrintCString(out, "range(");
  PrintSignedWord(out, r->start);
  PrintCString(out, ", ");
  PrintSignedWord(out, r->stop);
  if (r->step != 1) {
    PrintCString(out, ", ");
    PrintSignedWord(out, r->step);
  }
  PrintChar(out, ')');
}

// Ranges are equal when they hold the same values (range(0) == range(2, 2)).
bool RangesEqual(const RangeObject* a, const RangeObject* b) {
  Word length = RangeLength(a);
  if (length != RangeLength(b)) return false;
  if (length == 0) return true;
  if (a->start != b->start) return false;
  return length == 1 || a->step == b->step;
}

// The hash agrees with the equality above: from (len, start, step) with
// the parts that equality ignores left out.
Value RangeHash(const RangeObject* r) {
  Word length = RangeLength(r);
  Word h = length * 1000003u;
  if (length > 0) h = (h ^ static_cast<Word>(r->start)) * 1000003u;
  if (length > 1) h = (h ^ static_cast<Word>(r->step)) * 1000003u;
  return FromSmallInt(static_cast<SignedWord>(h) >> 1);
}

Value RangeUnaryOp(UnaryOp op, Value self) {
  RangeObject* r = AsRange(self);
  switch (op) {
    case UnaryOp::kBool: return FromBool(RangeLength(r) != 0);
    case UnaryOp::kLen: return NewIntFromUnsigned(RangeLength(r));
    case UnaryOp::kHash: return RangeHash(r);
    default: return kNull;
  }
}

// The position of the int n in the range, or -1 (O(1)).
SignedWord RangePosition(const RangeObject* r, SignedWord n) {
  Word length = RangeLength(r);
  if (length == 0) return -1;
  Word offset, step;
  if (r->step > 0) {
    if (n < r->start || n >= r->stop) return -1;
    offset = static_cast<Word>(n) - static_cast<Word>(r->start);
    step = static_cast<Word>(r->step);
  } else {
    if (n > r->start || n <= r->stop) return -1;
    offset = static_cast<Word>(r->start) - static_cast<Word>(n);
    step = Word{0} - static_cast<Word>(r->step);
  }
  if (offset % step != 0) return -1;
  return static_cast<SignedWord>(offset / step);
}

// An int that fits a word: its position, or -1; kNull-like -2 for values
// that are not ints (they are compared by iterating).
SignedWord IntPosition(const RangeObject* r, Value x) {
  if (!IsInt(x)) return -2;
  SignedWord n;
  if (IsSmallInt(x) || x == kTrue || x == kFalse) return RangePosition(r, IntToWord(x));
  if (!IntFitsWord(x, &n)) return -1;
  return RangePosition(r, n);
}

Value RangeBinaryOp(BinaryOp op, Value lhs, Value rhs) {
  RangeObject* r = AsRange(lhs);
  if (op == BinaryOp::kContains) {
    SignedWord position = IntPosition(r, rhs);
    return position == -2 ? kNull : FromBool(position >= 0);
  }
  if (op == BinaryOp::kEqual && HasExactType(rhs, &kRangeType)) return FromBool(RangesEqual(r, AsRange(rhs)));
  return kNull;
}

Value RangeSubscr(Value self, Value index, Value value) {
  if (value != kSentinel) return kNull;
  RangeObject* r = AsRange(self);
  Word length = RangeLength(r);
  if (IsSlice(index)) {
    SignedWord start, stop, step;
    SliceSelect(SliceBoundsOf(index), length, &start, &stop, &step);
    return NewRange(RangeItem(r, static_cast<Word>(start)), RangeItem(r, static_cast<Word>(stop)),
                    static_cast<SignedWord>(static_cast<Word>(r->step) * static_cast<Word>(step)));
  }
  return NewInt(RangeItem(r, NormalizeIndex(index, length, "range")));
}

Value NewRangeIterator(SignedWord next, SignedWord step, Word remaining);

Value RangeGetIter(Value self) {
  RangeObject* r = AsRange(self);
  return NewRangeIterator(r->start, r->step, RangeLength(r));
}

Value RangeAttr(Value self, Qstr name, AttrOp op, Value) {
  if (op != AttrOp::kLoad) return kNull;
  RangeObject* r = AsRange(self);
  if (name == Q_start) return NewInt(r->start);
  if (name == Q_stop) return NewInt(r->stop);
  if (name == Q_step) return NewInt(r->step);
  return kNull;
}

Value RangeCount(Value self, Value x) {
  SignedWord position = IntPosition(AsRange(self), x);
  if (position != -2) return FromSmallInt(position >= 0);
  // Not an int (2.0, or an object with __eq__): count by iterating.
  SignedWord count = 0;
  Value it = RangeGetIter(self);
  for (Value item = IterNext(it); item != kStopIteration; item = IterNext(it))
    if (Equal(item, x)) ++count;
  return FromSmallInt(count);
}

[[noreturn]] void RaiseNotInRange(Value x) {
  StringBuilder text;
  PrintValue(text.AsPrinter(), x, PrintKind::kRepr);
  text.AppendCString(" is not in range");
  RaiseWithArg(&kValueErrorType, text.ToStr());
}

Value RangeIndex(Value self, Value x) {
  SignedWord position = IntPosition(AsRange(self), x);
  if (position >= 0) return NewInt(position);
  if (position == -2) {
    Value it = RangeGetIter(self);
    SignedWord i = 0;
    for (Value item = IterNext(it); item != kStopIteration; item = IterNext(it), ++i)
      if (Equal(item, x)) return NewInt(i);
  }
  RaiseNotInRange(x);
}

constexpr BuiltinFunction kRangeCountFn(Q_count, RangeCount);
constexpr BuiltinFunction kRangeIndexFn(Q_index, RangeIndex);
TAIPAN_CONST_MAP(kRangeMethods, {Q_count, &kRangeCountFn}, {Q_index, &kRangeIndexFn});

Value RangeIteratorGetIter(Value self) { return self; }

Value RangeIteratorNext(Value self) {
  auto* it = ObjectPointer<RangeIteratorObject>(self);
  if (it->remaining == 0) return kStopIteration;
  --it->remaining;
  SignedWord value = it->next;
  it->next = static_cast<SignedWord>(static_cast<Word>(value) + static_cast<Word>(it->step));
  return NewInt(value);
}

// MicroPython calls it plain "iterator"; CPython "range_iterator".
const Type kRangeIteratorType = {
    .base = {&kTypeType},
    .flags = kTypeIsIterator | kTypeIterNextRunsNoCode,
    .name = Q_iterator,
    .get_iter = RangeIteratorGetIter,
    .iter_next = RangeIteratorNext,
    .base_type = &kObjectType,
};

Value NewRangeIterator(SignedWord next, SignedWord step, Word remaining) {
  auto* it = NewObject<RangeIteratorObject>(&kRangeIteratorType);
  it->next = next;
  it->step = step;
  it->remaining = remaining;
  return FromPointer(it);
}

}  // namespace

Value NewReversedRangeIterator(Value range) {
  RangeObject* r = AsRange(range);
  Word length = RangeLength(r);
  if (length == 0) return NewRangeIterator(0, 1, 0);
  return NewRangeIterator(RangeItem(r, length - 1), static_cast<SignedWord>(Word{0} - static_cast<Word>(r->step)),
                          length);
}

const Type kRangeType = {
    .base = {&kTypeType},
    .name = Q_range,
    .make_new = RangeMakeNew,
    .print = RangePrint,
    .unary_op = RangeUnaryOp,
    .binary_op = RangeBinaryOp,
    .attr = RangeAttr,
    .subscr = RangeSubscr,
    .get_iter = RangeGetIter,
    .base_type = &kObjectType,
    .methods = &kRangeMethods,
};

}  // namespace taipan::rt
