// list: a growable array of values.
// Invariant: items[0, length) are the elements; capacity >= length; the
// slots after `length` hold kNull (so the collector never keeps a removed
// element alive through them).
//
// Raw floats: a list that natively compiled code builds for a list[float]
// keeps its floats unboxed where a Float is one Value wide (every target
// but x86-32): items[i] holds the Float's bit pattern and `capacity` has
// kListRawFloats set, so storing a float allocates nothing. Only list.cpp
// and generated code (which checks the bit on every access) read raw items;
// AsList boxes them first, once (the list then stays boxed), so the rest
// of the runtime only ever sees Values. The collector scans raw items like
// any others, which at worst keeps an unrelated allocation alive.
//
// Raw bools: a list that natively compiled code builds from bools for a
// list[bool] ([False] * n) keeps one byte per item, 0 or 1, in an items
// array the collector does not scan; `capacity` counts bytes and has
// kListRawBools set. A sieve's flags then take an eighth of the memory
// (and of the cache). As with raw floats, only list.cpp and generated
// code read them, and AsList turns them into True/False first.
#ifndef TAIPAN_RUNTIME_LIST_H
#define TAIPAN_RUNTIME_LIST_H

#include <stddef.h>

#include "runtime/float.h"
#include "runtime/object.h"

namespace taipan::rt {

struct ListObject {
  Object base;  // &kListType
  size_t length;
  size_t capacity;  // slots, plus kListRawFloats or kListRawBools
  Value* items;     // bytes when raw bools
};

constexpr size_t kListRawFloats = ~(~size_t{0} >> 1);  // the top bit
constexpr size_t kListRawBools = kListRawFloats >> 1;  // the next one
constexpr size_t kListRawItems = kListRawFloats | kListRawBools;
constexpr bool kListsCanHoldRawFloats = sizeof(Float) == sizeof(Value);

Value NewList(size_t length, const Value* items);  // items null: all kNone
// A list of `length` floats 0.0, raw where the target allows.
Value NewFloatList(size_t length);
// A list of `length` Falses, raw bools.
Value NewBoolList(size_t length);
// Boxes a raw list's floats or bools (the list stays boxed from then on).
void ListBoxItems(ListObject* list);
// The list, boxed: what everything outside list.cpp uses.
inline ListObject* AsList(Value v) {
  auto* list = ObjectPointer<ListObject>(v);
  if (list->capacity & kListRawItems) [[unlikely]] ListBoxItems(list);
  return list;
}
// Gives the memory of a list nothing references any more back to the
// collector at once (generated code, for lists that never left their
// function: ir/escape.cpp). Anything but an exact list is left alone.
void ListFree(Value list);
// `item in list` for an exact list.
bool ListContains(Value list, Value item);
// list.pop(index) (kNull: list.pop()) and list.insert(index, item), as the
// methods do them: generated code's calls on an exact list.
Value ListPopAt(Value list, Value index);
void ListInsertAt(Value list, Value index, Value item);
// list.append(f) for a float: stays raw when the list is.
void ListAppendFloat(Value list, Float f);
// list.append(b) for a bool: stays raw when the list is.
void ListAppendBool(Value list, bool b);
void ListAppend(Value list, Value item);
// Room for `more` items beyond the length (at most kMaxReservedItems): a
// hint, as a comprehension over a sized iterable gives.
void ListReserveMore(Value list, size_t more);
// list(iterable)
Value ListFromIterable(Value iterable);
// list.extend(iterable) / list += iterable (the list itself may be given).
void ListExtend(Value list, Value iterable);
// Sorts in place, stably, by key(item) when key is not kNone.
void ListSort(Value list, Value key, bool reverse);
// list[start:stop:step] and list[start:stop:step] = value for an exact list,
// the bounds as a slice object holds them (ints, __index__ or None).
Value ListLoadSlice(Value list, Value start, Value stop, Value step);
void ListStoreSlice(Value list, Value start, Value stop, Value step, Value value);

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_LIST_H
