// dict: an insertion-ordered hash map (map.h) as a Python object.
#ifndef TAIPAN_RUNTIME_DICT_H
#define TAIPAN_RUNTIME_DICT_H

#include "runtime/map.h"
#include "runtime/object.h"

namespace taipan::rt {

struct DictObject {
  Object base;  // &kDictType
  Map map;
};

Value NewDict(size_t capacity);
inline DictObject* AsDict(Value v) { return ObjectPointer<DictObject>(v); }
inline Map* DictMap(Value v) { return &AsDict(v)->map; }
void DictStore(Value dict, Value key, Value value);
// dict[key] or kNull when absent (no KeyError).
Value DictLookup(Value dict, Value key);
// Removes key; returns its value or kNull when absent.
Value DictRemove(Value dict, Value key);

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_DICT_H
