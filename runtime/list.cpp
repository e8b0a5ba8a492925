// list: a growable array of values (invariants in list.h).
#include "runtime/list.h"

#include "runtime/class.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/runtime.h"
#include "runtime/slice.h"
#include "runtime/tuple.h"

namespace taipan::rt {

namespace {

constexpr size_t kMinCapacity = 4;

bool HoldsRawFloats(const ListObject* list) { return (list->capacity & kListRawFloats) != 0; }
bool HoldsRawBools(const ListObject* list) { return (list->capacity & kListRawBools) != 0; }
size_t Capacity(const ListObject* list) { return list->capacity & ~kListRawItems; }
void SetCapacity(ListObject* list, size_t capacity) {
  list->capacity = capacity | (list->capacity & kListRawItems);
}
// The width of one of the list's items as they are stored.
size_t ItemBytes(const ListObject* list) { return HoldsRawBools(list) ? 1 : sizeof(Value); }
unsigned char* RawBools(const ListObject* list) { return reinterpret_cast<unsigned char*>(list->items); }
// The list as it is, raw items or not (AsList would box them).
ListObject* RawList(Value v) { return ObjectPointer<ListObject>(v); }

// A raw item and the Float it holds (bit patterns of the same width where
// lists can hold raw floats; never called elsewhere).
Value RawItem(Float f) {
  Value item = kNull;
  __builtin_memcpy(&item, &f, sizeof(Float) < sizeof(Value) ? sizeof(Float) : sizeof(Value));
  return item;
}
Float RawItemValue(Value item) {
  Float f = 0;
  __builtin_memcpy(&f, &item, sizeof(Float) < sizeof(Value) ? sizeof(Float) : sizeof(Value));
  return f;
}

// Zeroes items [from, to): kNull, 0.0 or False as the list is raw.
void ClearItems(ListObject* list, size_t from, size_t to) {
  size_t width = ItemBytes(list);
  __builtin_memset(reinterpret_cast<char*>(list->items) + from * width, 0, (to - from) * width);
}

// An items array of `capacity` items of `width` bytes (bytes are never
// scanned); zeroed unless `uninitialised`.
Value* AllocateItems(size_t capacity, size_t width, bool uninitialised) {
  if (capacity > ~size_t{0} / 2 / sizeof(Value)) RaiseMemoryError();
  bool no_scan = width == 1;
  void* items = uninitialised ? AllocateUninitialised(capacity * width, no_scan) : Allocate(capacity * width, no_scan);
  return static_cast<Value*>(items);
}

// A list of `length` items and its own items array: kNull items (0.0 or
// False when raw), or, when `filled_next`, items the caller writes before
// anything else allocates (only the slots past them are zeroed). `raw` is
// 0, kListRawFloats or kListRawBools.
ListObject* AllocateList(size_t length, bool filled_next = false, size_t raw = 0) {
  auto* list = NewObject<ListObject>(&kListType);
  size_t capacity = length < kMinCapacity ? kMinCapacity : length;
  list->items = AllocateItems(capacity, raw == kListRawBools ? 1 : sizeof(Value), filled_next);
  list->length = length;
  list->capacity = capacity | raw;
  if (filled_next) ClearItems(list, length, capacity);
  return list;
}

// Room for at least `needed` items (grown by half again, so appends are
// amortised O(1)); new slots are zero (kNull).
void ListReserve(ListObject* list, size_t needed) {
  size_t old_capacity = Capacity(list);
  if (needed <= old_capacity) return;
  size_t capacity = old_capacity + old_capacity / 2;
  if (capacity < needed) capacity = needed;
  if (capacity < kMinCapacity) capacity = kMinCapacity;
  if (capacity > ~size_t{0} / 2 / sizeof(Value)) RaiseMemoryError();
  list->items = static_cast<Value*>(Reallocate(list->items, capacity * ItemBytes(list)));
  SetCapacity(list, capacity);
  ClearItems(list, list->length, capacity);
}

// Sets the length to `length` (<= the current one), clearing the freed
// slots so they keep nothing alive, and gives back memory when the list
// shrank to under a quarter of its capacity.
void ListTruncate(ListObject* list, size_t length) {
  ClearItems(list, length, list->length);
  list->length = length;
  size_t old_capacity = Capacity(list);
  if (old_capacity > kMinCapacity && length < old_capacity / 4) {
    size_t capacity = length * 2 < kMinCapacity ? kMinCapacity : length * 2;
    list->items = static_cast<Value*>(Reallocate(list->items, capacity * ItemBytes(list)));
    SetCapacity(list, capacity);
  }
}

// Moves items[from, length) to start at `to` and sets the new length
// (opens a gap when to > from, closes one when to < from). Boxed lists only.
void ListShift(ListObject* list, size_t from, size_t to) {
  if (from == to) return;  // (a slice assignment of as many items as it replaces)
  size_t moved = list->length - from;
  size_t new_length = list->length - from + to;
  if (to > from) ListReserve(list, new_length);
  __builtin_memmove(list->items + to, list->items + from, moved * sizeof(Value));
  if (to < from) {
    ListTruncate(list, new_length);
  } else {
    list->length = new_length;
  }
}

// The list a method receives as self (a list subclass keeps it native).
ListObject* SelfList(Value self) { return AsList(NativeValue(self)); }

}  // namespace

Value NewList(size_t length, const Value* items) {
  ListObject* list = AllocateList(length);
  for (size_t i = 0; i < length; ++i) list->items[i] = items ? items[i] : kNone;
  return FromPointer(list);
}

Value NewFloatList(size_t length) {
  if (kListsCanHoldRawFloats) return FromPointer(AllocateList(length, false, kListRawFloats));  // zeroes are 0.0
  ListObject* list = AllocateList(length);
  Value zero = NewFloat(0);
  for (size_t i = 0; i < length; ++i) list->items[i] = zero;
  return FromPointer(list);
}

Value NewBoolList(size_t length) { return FromPointer(AllocateList(length, false, kListRawBools)); }

void ListBoxItems(ListObject* list) {
  // Boxed into a new array that replaces the raw one only when complete: a
  // MemoryError half-way leaves the list raw and whole.
  size_t capacity = Capacity(list);
  Value* boxed = AllocateItems(capacity, sizeof(Value), false);
  if (HoldsRawBools(list)) {
    for (size_t i = 0; i < list->length; ++i) boxed[i] = FromBool(RawBools(list)[i] != 0);
  } else {
    for (size_t i = 0; i < list->length; ++i) boxed[i] = NewFloat(RawItemValue(list->items[i]));
  }
  list->items = boxed;
  list->capacity = capacity;
}

void ListFree(Value list_value) {
  if (list_value == kNull || !HasExactType(list_value, &kListType)) return;
  auto* list = ObjectPointer<ListObject>(list_value);  // not AsList: raw items need no boxing here
  gc_free(list->items);
  gc_free(list);
}

void ListReserveMore(Value list_value, size_t more) {
  ListObject* list = RawList(list_value);
  ListReserve(list, list->length + (more < kMaxReservedItems ? more : kMaxReservedItems));
}

void ListAppendFloat(Value list_value, Float f) {
  ListObject* list = RawList(list_value);
  if (!HoldsRawFloats(list)) return ListAppend(list_value, NewFloat(f));
  if (list->length == Capacity(list)) ListReserve(list, list->length + 1);
  list->items[list->length++] = RawItem(f);
}

void ListAppendBool(Value list_value, bool b) {
  ListObject* list = RawList(list_value);
  if (!HoldsRawBools(list)) return ListAppend(list_value, FromBool(b));
  if (list->length == Capacity(list)) ListReserve(list, list->length + 1);
  RawBools(list)[list->length++] = b;
}

void ListAppend(Value list_value, Value item) {
  ListObject* list = AsList(list_value);
  if (list->length == Capacity(list)) ListReserve(list, list->length + 1);
  list->items[list->length++] = item;
}

void ListExtend(Value list_value, Value iterable) {
  ListObject* list = AsList(list_value);
  Value source = NativeValue(iterable);
  if (HasExactType(source, &kTupleType) || HasExactType(source, &kListType)) {
    size_t n;
    Value* items;
    GetSequenceItems(source, &n, &items);
    ListReserve(list, list->length + n);
    // Re-read after reserving: `source` may be this list (x.extend(x)).
    GetSequenceItems(source, &n, &items);
    for (size_t i = 0; i < n; ++i) list->items[list->length + i] = items[i];
    list->length += n;
    return;
  }
  Value it = GetIter(iterable);
  for (Value x = IterNext(it); x != kStopIteration; x = IterNext(it)) ListAppend(list_value, x);
}

Value ListFromIterable(Value iterable) {
  Value list = NewList(0, nullptr);
  ListExtend(list, iterable);
  return list;
}

// --- Sorting ----------------------------------------------------------------------
//
// A stable merge sort: insertion sort of short runs, then bottom-up merges
// between the entry array and a buffer of the same size. An entry pairs
// the sort key with its item. The list keeps its items while sorting; the
// result is written back at the end (ValueError if the list changed size
// meanwhile: a key or __lt__ mutated it).

namespace {

struct SortEntry {
  Value key;
  Value item;
};

struct SortOrder {
  bool reverse;
  // a before b (strictly): a < b, or b < a when reversed. Equal entries
  // are never "before" each other, which keeps the sort stable in both
  // directions.
  bool Before(const SortEntry& a, const SortEntry& b) const {
    Value x = reverse ? b.key : a.key;
    Value y = reverse ? a.key : b.key;
    if (IsSmallInt(x) && IsSmallInt(y)) return SmallIntValue(x) < SmallIntValue(y);
    return IsTrue(ApplyBinaryOp(BinaryOp::kLess, x, y));
  }
};

constexpr size_t kSortRun = 16;

void InsertionSort(SortEntry* entries, size_t n, const SortOrder& order) {
  for (size_t i = 1; i < n; ++i) {
    SortEntry e = entries[i];
    size_t j = i;
    while (j > 0 && order.Before(e, entries[j - 1])) {
      entries[j] = entries[j - 1];
      --j;
    }
    entries[j] = e;
  }
}

// Merges the sorted runs src[lo, mid) and src[mid, hi) into dst[lo, hi),
// taking from the left run on ties.
void Merge(const SortEntry* src, SortEntry* dst, size_t lo, size_t mid, size_t hi, const SortOrder& order) {
  size_t i = lo, j = mid, k = lo;
  while (i < mid && j < hi) dst[k++] = order.Before(src[j], src[i]) ? src[j++] : src[i++];
  while (i < mid) dst[k++] = src[i++];
  while (j < hi) dst[k++] = src[j++];
}

}  // namespace

void ListSort(Value list_value, Value key, bool reverse) {
  list_value = NativeValue(list_value);
  size_t n = AsList(list_value)->length;
  if (n == 0 || (n == 1 && key == kNone)) return;
  // Both arrays are GC allocations reachable from this frame.
  auto* entries = static_cast<SortEntry*>(Allocate(n * sizeof(SortEntry)));
  auto* buffer = static_cast<SortEntry*>(Allocate(n * sizeof(SortEntry)));
  for (size_t i = 0; i < n; ++i) entries[i].item = AsList(list_value)->items[i];
  for (size_t i = 0; i < n; ++i) entries[i].key = key == kNone ? entries[i].item : Call1(key, entries[i].item);
  SortOrder order{reverse};
  for (size_t lo = 0; lo < n; lo += kSortRun) InsertionSort(entries + lo, n - lo < kSortRun ? n - lo : kSortRun, order);
  for (size_t width = kSortRun; width < n; width *= 2) {
    for (size_t lo = 0; lo < n; lo += 2 * width) {
      size_t mid = lo + width < n ? lo + width : n;
      size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
      Merge(entries, buffer, lo, mid, hi, order);
    }
    SortEntry* swap = entries;
    entries = buffer;
    buffer = swap;
  }
  ListObject* list = AsList(list_value);
  if (list->length != n) RaiseValueError("list modified during sort");
  for (size_t i = 0; i < n; ++i) list->items[i] = entries[i].item;
}

// --- The type ---------------------------------------------------------------------

namespace {

// list() / list(iterable)
Value ListMakeNew(const Type*, size_t n_args, size_t n_kw, const Value* args) {
  CheckArgCount(n_args, n_kw, 0, 1, Q_list);
  if (n_args == 0) return NewList(0, nullptr);
  return ListFromIterable(args[0]);
}

// Lists being printed, innermost last, so that a list containing itself
// prints as [...] instead of recursing forever. Only identities are kept
// (each list is alive in a frame of its print call); an exception leaving
// a print unwinds the entry through the nlr handler in ListPrint.
constexpr size_t kMaxPrintNesting = 64;
const void* g_printing[kMaxPrintNesting];
size_t g_printing_depth;

bool IsBeingPrinted(const void* list) {
  for (size_t i = 0; i < g_printing_depth; ++i)
    if (g_printing[i] == list) return true;
  return false;
}

void ListPrint(const Printer& out, Value self, PrintKind) {
  ListObject* list = AsList(self);
  if (g_printing_depth == kMaxPrintNesting || IsBeingPrinted(list)) {
    PrintCString(out, "[...]");
    return;
  }
  size_t depth = g_printing_depth;
  g_printing[g_printing_depth++] = list;
  NlrBuf buf;
  if (taipan_nlr_push(&buf) == 0) {
    PrintChar(out, '[');
    for (size_t i = 0; i < list->length; ++i) {
      if (i) PrintCString(out, ", ");
      PrintValue(out, list->items[i], PrintKind::kRepr);
    }
    PrintChar(out, ']');
    taipan_nlr_pop();
    g_printing_depth = depth;
    return;
  }
  g_printing_depth = depth;
  Raise(FromPointer(buf.value));
}

Value ListUnaryOp(UnaryOp op, Value self) {
  ListObject* list = RawList(NativeValue(self));  // only the length is read
  switch (op) {
    case UnaryOp::kBool: return FromBool(list->length != 0);
    case UnaryOp::kLen: return FromSmallInt(static_cast<SignedWord>(list->length));
    default: return kNull;  // no kHash: lists are unhashable
  }
}

// list * n (a new list) or list *= n (in place). Raw items are copied as
// they are: [0.0] * n is a raw list when [0.0] is.
Value ListRepeat(Value self, Value n, bool in_place) {
  SignedWord count = RepeatCount(n, RawList(self)->length);
  if (count < 0) return kNull;
  size_t length = RawList(self)->length;
  size_t width = ItemBytes(RawList(self));
  if (in_place) {
    ListObject* list = RawList(self);
    if (count == 0) {
      ListTruncate(list, 0);
      return self;
    }
    ListReserve(list, length * static_cast<size_t>(count));
    RepeatBytes(reinterpret_cast<char*>(list->items) + length * width, list->items, length * width,
                static_cast<size_t>(count) - 1);
    list->length = length * static_cast<size_t>(count);
    return self;
  }
  ListObject* result =
      AllocateList(length * static_cast<size_t>(count), true, RawList(self)->capacity & kListRawItems);
  RepeatBytes(result->items, RawList(self)->items, length * width, static_cast<size_t>(count));
  return FromPointer(result);
}

// Whether two different words surely hold unequal values without asking
// Equal(): two small ints, or two qstrs (one qstr per text).
bool SurelyUnequal(Value a, Value b) {
  return (IsSmallInt(a) && IsSmallInt(b)) || (IsQstr(a) && IsQstr(b));
}

Value ListBinaryOp(BinaryOp op, Value lhs, Value rhs) {
  if (!HasExactType(lhs, &kListType)) lhs = NativeValue(lhs);
  switch (op) {
    case BinaryOp::kContains: return FromBool(ListContains(lhs, rhs));
    case BinaryOp::kMultiply:
    case BinaryOp::kReverseMultiply: return ListRepeat(lhs, rhs, false);
    case BinaryOp::kInplaceMultiply: return ListRepeat(lhs, rhs, true);
    case BinaryOp::kInplaceAdd: ListExtend(lhs, rhs); return lhs;
    default: break;
  }
  rhs = NativeValue(rhs);
  if (!HasExactType(rhs, &kListType)) return kNull;
  switch (op) {
    case BinaryOp::kAdd: {
      size_t n1 = AsList(lhs)->length, n2 = AsList(rhs)->length;
      Value result = NewList(n1 + n2, nullptr);
      ListObject* out = AsList(result);
      for (size_t i = 0; i < n1; ++i) out->items[i] = AsList(lhs)->items[i];
      for (size_t i = 0; i < n2; ++i) out->items[n1 + i] = AsList(rhs)->items[i];
      return result;
    }
    case BinaryOp::kEqual:
    case BinaryOp::kNotEqual:
    case BinaryOp::kLess:
    case BinaryOp::kLessEqual:
    case BinaryOp::kMore:
    case BinaryOp::kMoreEqual: return SequenceCompare(op, lhs, rhs);
    default: return kNull;
  }
}

void ListDeleteSlice(Value self, Value slice) {
  ListObject* list = AsList(self);
  SignedWord start, stop, step;
  size_t count = SliceIndices(slice, &list->length, &start, &stop, &step);
  if (count == 0) return;
  if (step < 0) {
    // The same items, walked upwards.
    start += static_cast<SignedWord>(count - 1) * step;
    step = -step;
  }
  if (step == 1) {
    ListShift(list, static_cast<size_t>(start) + count, static_cast<size_t>(start));
    return;
  }
  // Compact: keep every item that is not one of start, start + step, ...
  size_t to = static_cast<size_t>(start);
  size_t next_deleted = static_cast<size_t>(start);
  size_t deleted = 0;
  for (size_t from = static_cast<size_t>(start); from < list->length; ++from) {
    if (deleted < count && from == next_deleted) {
      ++deleted;
      next_deleted += static_cast<size_t>(step);
      continue;
    }
    list->items[to++] = list->items[from];
  }
  ListTruncate(list, to);
}

[[noreturn]] void RaiseExtendedSliceSize(size_t given, size_t expected) {
  char given_text[24], expected_text[24];
  const char* parts[] = {"attempt to assign sequence of size ", DecimalText(static_cast<SignedWord>(given), given_text),
                         " to extended slice of size ", DecimalText(static_cast<SignedWord>(expected), expected_text)};
  RaiseJoined(&kValueErrorType, parts, 4);
}

// The first item, the number of items and the step of list[start:stop:step].
size_t ListSliceIndices(ListObject* list, Value start, Value stop, Value step, SignedWord* first, SignedWord* step_out) {
  SignedWord count, end;
  if (SliceBoundsIndicesQuick(start, stop, step, list->length, first, &count, step_out)) return static_cast<size_t>(count);
  return SliceBoundsIndices(start, stop, step, &list->length, first, &end, step_out);
}

}  // namespace

Value ListLoadSlice(Value self, Value slice_start, Value slice_stop, Value slice_step) {
  ListObject* list = AsList(self);
  SignedWord start, step;
  size_t count = ListSliceIndices(list, slice_start, slice_stop, slice_step, &start, &step);
  if (step == 1) return NewList(count, list->items + start);
  ListObject* copy = AllocateList(count);
  SignedWord at = start;
  for (size_t i = 0; i < count; ++i, at += step) copy->items[i] = list->items[at];
  return FromPointer(copy);
}

void ListStoreSlice(Value self, Value slice_start, Value slice_stop, Value slice_step, Value value) {
  // As CPython: the bounds first (their __index__ may run Python code) and
  // the items they select, then the new items (`value` may be this list,
  // or an iterator whose iteration changes it), then the selection clamped
  // to what the list holds by then.
  bool quick = SliceBoundsQuick(slice_start, slice_stop, slice_step);
  SliceBounds bounds = quick ? SliceBounds{} : SliceBoundsOf(slice_start, slice_stop, slice_step);
  auto select = [&](size_t length, SignedWord* start, SignedWord* step) {
    SignedWord count, stop;
    if (quick) SliceBoundsIndicesQuick(slice_start, slice_stop, slice_step, length, start, &count, step);
    else count = static_cast<SignedWord>(SliceSelect(bounds, length, start, &stop, step));
    return static_cast<size_t>(count);
  };
  SignedWord start, step;
  size_t length = AsList(self)->length;
  size_t count = select(length, &start, &step);
  Value source = value;
  if (!HasExactType(source, &kListType) && !HasExactType(source, &kTupleType)) {
    source = NativeValue(value);
    if (!HasExactType(source, &kTupleType) && !HasExactType(source, &kListType)) source = ListFromIterable(value);
  }
  if (source == self) source = NewList(AsList(self)->length, AsList(self)->items);
  size_t n;
  Value* items;
  GetSequenceItems(source, &n, &items);
  ListObject* list = AsList(self);
  if (step == 1) {
    // Replace [begin, end) by the n items: the length may change.
    size_t begin = static_cast<size_t>(start) < list->length ? static_cast<size_t>(start) : list->length;
    size_t end = begin + count < list->length ? begin + count : list->length;
    ListShift(list, end, begin + n);  // (source is not this list: its items stay put)
    for (size_t i = 0; i < n; ++i) list->items[begin + i] = items[i];
    return;
  }
  if (list->length != length) count = select(list->length, &start, &step);
  if (n != count) RaiseExtendedSliceSize(n, count);
  for (size_t i = 0; i < n; ++i) list->items[start + static_cast<SignedWord>(i) * step] = items[i];
}

namespace {

Value ListSubscr(Value self, Value index, Value value) {
  self = NativeValue(self);
  ListObject* list = AsList(self);
  if (IsSlice(index)) {
    auto* slice = ObjectPointer<SliceObject>(index);
    if (value == kSentinel) return ListLoadSlice(self, slice->start, slice->stop, slice->step);
    if (value == kNull) ListDeleteSlice(self, index);
    else ListStoreSlice(self, slice->start, slice->stop, slice->step, value);
    return kNone;
  }
  size_t i = NormalizeIndex(index, list->length, "list");
  if (value == kSentinel) return list->items[i];
  if (value == kNull) {
    ListShift(list, i + 1, i);
  } else {
    list->items[i] = value;
  }
  return kNone;
}

Value ListGetIter(Value self) { return NewSequenceIterator(NativeValue(self)); }

// --- Methods ------------------------------------------------------------------------

Value ListAppendMethod(Value self, Value item) {
  ListAppend(NativeValue(self), item);
  return kNone;
}

Value ListClear(Value self) {
  ListTruncate(SelfList(self), 0);
  return kNone;
}

Value ListCopy(Value self) {
  ListObject* list = SelfList(self);
  return NewList(list->length, list->items);
}

Value ListCount(Value self, Value x) {
  return FromSmallInt(static_cast<SignedWord>(SequenceCount(NativeValue(self), x)));
}

Value ListExtendMethod(Value self, Value iterable) {
  ListExtend(NativeValue(self), iterable);
  return kNone;
}

Value ListIndex(size_t n_args, const Value* args) {
  return FromSmallInt(static_cast<SignedWord>(SequenceIndex(n_args, args)));
}

// list.insert(i, x): i is clamped to [0, len] after adding len to a
// negative one.
Value ListInsert(Value self, Value index, Value item) {
  ListObject* list = SelfList(self);
  SignedWord i = IndexValue(index);
  SignedWord length = static_cast<SignedWord>(list->length);
  if (i < 0) {
    i += length;
    if (i < 0) i = 0;
  }
  if (i > length) i = length;
  ListShift(list, static_cast<size_t>(i), static_cast<size_t>(i) + 1);
  list->items[i] = item;
  return kNone;
}

Value ListPop(size_t n_args, const Value* args) {
  ListObject* list = SelfList(args[0]);
  if (list->length == 0) RaiseIndexError("pop from empty list");
  size_t i = n_args > 1 ? NormalizeIndex(args[1], list->length, "list") : list->length - 1;
  Value item = list->items[i];
  ListShift(list, i + 1, i);
  return item;
}

Value ListRemove(Value self, Value x) {
  Value args[] = {self, x};
  size_t i = SequenceIndex(2, args);
  ListShift(SelfList(self), i + 1, i);
  return kNone;
}

Value ListReverse(Value self) {
  ListObject* list = SelfList(self);
  for (size_t i = 0, j = list->length; i + 1 < j; ++i, --j) {
    Value swap = list->items[i];
    list->items[i] = list->items[j - 1];
    list->items[j - 1] = swap;
  }
  return kNone;
}

constexpr ArgSpec kSortArgs[] = {{Q_key, false, kNone}, {Q_reverse, false, kFalse}};

// list.sort(*, key=None, reverse=False)
Value ListSortMethod(size_t n_args, const Value* args, size_t n_kw, const Value* kw) {
  Value parsed[2];
  ParseArgs(n_args - 1, args + 1, n_kw, kw, kSortArgs, 2, 0, parsed);
  ListSort(args[0], parsed[0], IsTrue(parsed[1]));
  return kNone;
}

constexpr BuiltinFunction kListAppendFn(Q_append, ListAppendMethod);
constexpr BuiltinFunction kListClearFn(Q_clear, ListClear);
constexpr BuiltinFunction kListCopyFn(Q_copy, ListCopy);
constexpr BuiltinFunction kListCountFn(Q_count, ListCount);
constexpr BuiltinFunction kListExtendFn(Q_extend, ListExtendMethod);
constexpr BuiltinFunction kListIndexFn(Q_index, 2, 4, ListIndex);
constexpr BuiltinFunction kListInsertFn(Q_insert, ListInsert);
constexpr BuiltinFunction kListPopFn(Q_pop, 1, 2, ListPop);
constexpr BuiltinFunction kListRemoveFn(Q_remove, ListRemove);
constexpr BuiltinFunction kListReverseFn(Q_reverse, ListReverse);
constexpr BuiltinFunction kListSortFn(Q_sort, 1, 1, ListSortMethod);
TAIPAN_CONST_MAP(kListMethods, {Q_append, &kListAppendFn}, {Q_clear, &kListClearFn}, {Q_copy, &kListCopyFn},
                 {Q_count, &kListCountFn}, {Q_extend, &kListExtendFn}, {Q_index, &kListIndexFn},
                 {Q_insert, &kListInsertFn}, {Q_pop, &kListPopFn}, {Q_remove, &kListRemoveFn},
                 {Q_reverse, &kListReverseFn}, {Q_sort, &kListSortFn});

}  // namespace

// (Equal() may run code that changes the list: its length and items are
// read again for every item.)
bool ListContains(Value list, Value item) {
  // Boxed once: nothing makes a list raw again. (Equal() may run Python
  // code that changes the list: the length and items are read anew.)
  ListObject* boxed = AsList(list);
  for (size_t i = 0; i < boxed->length; ++i) {
    Value x = boxed->items[i];
    if (x == item || (!SurelyUnequal(x, item) && Equal(x, item))) return true;
  }
  return false;
}

Value ListPopAt(Value list, Value index) {
  Value args[2] = {list, index};
  return ListPop(index == kNull ? 1 : 2, args);
}

void ListInsertAt(Value list, Value index, Value item) { ListInsert(list, index, item); }

const Type kListType = {
    .base = {&kTypeType},
    .flags = kTypeBaseAllowed,
    .name = Q_list,
    .make_new = ListMakeNew,
    .print = ListPrint,
    .unary_op = ListUnaryOp,
    .binary_op = ListBinaryOp,
    .subscr = ListSubscr,
    .get_iter = ListGetIter,
    .base_type = &kObjectType,
    .methods = &kListMethods,
};

// The name natively compiled code compares type words with (native_abi.def);
// an alias can only be defined next to the object it names.
extern "C" [[gnu::alias("_ZN6taipan2rt9kListTypeE")]] const Type taipan_native_type_list;

}  // namespace taipan::rt
