// list. (Initial core: construction and append; the containers work fills
// in the rest.)
#include "runtime/list.h"

#include "runtime/runtime.h"

namespace taipan::rt {

Value NewList(size_t length, const Value* items) {
  auto* list = NewObject<ListObject>(&kListType);
  size_t capacity = length < 4 ? 4 : length;
  list->items = static_cast<Value*>(Allocate(capacity * sizeof(Value)));
  list->length = length;
  list->capacity = capacity;
  for (size_t i = 0; i < length; ++i) list->items[i] = items ? items[i] : kNone;
  return FromPointer(list);
}

void ListAppend(Value list_value, Value item) {
  ListObject* list = AsList(list_value);
  if (list->length == list->capacity) {
    size_t capacity = list->capacity * 2;
    list->items = static_cast<Value*>(Reallocate(list->items, capacity * sizeof(Value)));
    for (size_t i = list->length; i < capacity; ++i) list->items[i] = kNull;
    list->capacity = capacity;
  }
  list->items[list->length++] = item;
}

Value ListFromIterable(Value iterable) {
  Value list = NewList(0, nullptr);
  Value it = GetIter(iterable);
  for (Value x = IterNext(it); x != kStopIteration; x = IterNext(it)) ListAppend(list, x);
  return list;
}

void ListSort(Value, Value, bool) { RaiseNotImplementedError("list.sort"); }

const Type kListType = {
    .base = {&kTypeType},
    .flags = kTypeBaseAllowed,
    .name = Q_list,
    .base_type = &kObjectType,
};

}  // namespace taipan::rt
