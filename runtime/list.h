// list: a growable array of values.
// Invariant: items[0, length) are the elements; capacity >= length; the
// slots after `length` hold kNull (so the collector never keeps a removed
// element alive through them).
#ifndef TAIPAN_RUNTIME_LIST_H
#define TAIPAN_RUNTIME_LIST_H

#include <stddef.h>

#include "runtime/object.h"

namespace taipan::rt {

struct ListObject {
  Object base;  // &kListType
  size_t length;
  size_t capacity;
  Value* items;
};

Value NewList(size_t length, const Value* items);  // items null: all kNone
inline ListObject* AsList(Value v) { return ObjectPointer<ListObject>(v); }
void ListAppend(Value list, Value item);
// list(iterable)
Value ListFromIterable(Value iterable);
// list.extend(iterable) / list += iterable (the list itself may be given).
void ListExtend(Value list, Value iterable);
// Sorts in place, stably, by key(item) when key is not kNone.
void ListSort(Value list, Value key, bool reverse);

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_LIST_H
