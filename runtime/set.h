// set and frozenset: a Map (map.h) whose keys are the elements (values are
// kTrue, unused). Both types share SetObject and most of their code; a
// frozenset is never changed once made (its hash is computed from the
// elements, independent of their order).
#ifndef TAIPAN_RUNTIME_SET_H
#define TAIPAN_RUNTIME_SET_H

#include "runtime/list.h"
#include "runtime/map.h"
#include "runtime/object.h"
#include "runtime/runtime.h"
#include "runtime/tuple.h"

namespace taipan::rt {

struct SetObject {
  Object base;  // &kSetType or &kFrozenSetType
  Map map;
};

Value NewSet(size_t n_items, const Value* items);
Value NewFrozenSet(size_t n_items, const Value* items);
// set(iterable) / frozenset(iterable); `type` is &kSetType or &kFrozenSetType.
Value SetFromIterable(const Type* type, Value iterable);
void SetAdd(Value set, Value item);
bool SetContains(Value set, Value item);
// True for set and frozenset values (and class instances deriving from them).
bool IsSetLike(Value v);
inline Map* SetMap(Value set) { return &ObjectPointer<SetObject>(set)->map; }

// Calls f(item) for every item of `iterable`: directly over the storage of
// tuples, lists, dicts (keys) and sets, through the iterator protocol for
// anything else.
template <typename F>
void ForEachItem(Value iterable, F f) {
  const Type* type = TypeOf(iterable);
  if (type == &kTupleType) {
    TupleObject* tuple = AsTuple(iterable);
    for (size_t i = 0; i < tuple->length; ++i) f(tuple->items[i]);
    return;
  }
  if (type == &kListType) {
    ListObject* list = AsList(iterable);
    for (size_t i = 0; i < list->length; ++i) f(list->items[i]);  // the length is read again: f may change it
    return;
  }
  if (type == &kSetType || type == &kFrozenSetType || type == &kDictType) {
    // SetObject and DictObject both keep their Map right after the header.
    Map* map = SetMap(iterable);
    size_t position = 0;
    while (MapEntry* entry = MapNext(map, &position)) f(entry->key);
    return;
  }
  Value it = GetIter(iterable);
  for (Value item = IterNext(it); item != kStopIteration; item = IterNext(it)) f(item);
}

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_SET_H
