// dict and its views. (Initial core: construction, store, lookup; the dict
// work fills in the rest.)
#include "runtime/dict.h"

#include "runtime/runtime.h"

namespace taipan::rt {

Value NewDict(size_t capacity) {
  auto* dict = NewObject<DictObject>(&kDictType);
  MapInit(&dict->map, capacity);
  return FromPointer(dict);
}

void DictStore(Value dict, Value key, Value value) { MapStore(DictMap(dict), key, value); }
Value DictLookup(Value dict, Value key) { return MapLookup(DictMap(dict), key); }
Value DictRemove(Value dict, Value key) { return MapRemove(DictMap(dict), key); }

const Type kDictType = {.base = {&kTypeType}, .flags = kTypeBaseAllowed, .name = Q_dict, .base_type = &kObjectType};
const Type kDictKeysType = {.base = {&kTypeType}, .name = Q_dict_keys, .base_type = &kObjectType};
const Type kDictValuesType = {.base = {&kTypeType}, .name = Q_dict_values, .base_type = &kObjectType};
const Type kDictItemsType = {.base = {&kTypeType}, .name = Q_dict_items, .base_type = &kObjectType};

}  // namespace taipan::rt
