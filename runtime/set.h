// set and frozenset: a Map (map.h) whose values are unused.
#ifndef TAIPAN_RUNTIME_SET_H
#define TAIPAN_RUNTIME_SET_H

#include "runtime/map.h"
#include "runtime/object.h"

namespace taipan::rt {

struct SetObject {
  Object base;  // &kSetType or &kFrozenSetType
  Map map;
};

Value NewSet(size_t n_items, const Value* items);
Value NewFrozenSet(size_t n_items, const Value* items);
void SetAdd(Value set, Value item);
bool SetContains(Value set, Value item);

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_SET_H
