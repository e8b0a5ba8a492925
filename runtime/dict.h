// dict: an insertion-ordered hash map (map.h) as a Python object, its views
// (keys(), values(), items()) and the iterators over dicts and sets.
#ifndef TAIPAN_RUNTIME_DICT_H
#define TAIPAN_RUNTIME_DICT_H

#include "runtime/map.h"
#include "runtime/object.h"

namespace taipan::rt {

struct DictObject {
  Object base;  // &kDictType
  Map map;
};

// A dict view: keys(), values() or items() of `dict` (the native dict).
struct DictViewObject {
  Object base;  // &kDictKeysType, &kDictValuesType or &kDictItemsType
  Value dict;
};

Value NewDict(size_t capacity);
inline DictObject* AsDict(Value v) { return ObjectPointer<DictObject>(v); }
inline Map* DictMap(Value v) { return &AsDict(v)->map; }
// True for dicts and class instances deriving from dict.
bool IsDict(Value v);
void DictStore(Value dict, Value key, Value value);
// dict[key] or kNull when absent (no KeyError).
Value DictLookup(Value dict, Value key);
// Removes key; returns its value or kNull when absent.
Value DictRemove(Value dict, Value key);
// dict.update(other): `other` is a mapping (a dict, or anything with
// keys() and __getitem__) or an iterable of key/value pairs. For {**a}.
void DictUpdate(Value dict, Value other);

// Iterators over the Map of a dict or set (`owner`, a native DictObject or
// SetObject). They raise RuntimeError when the map changes size while
// they run (and when its entries were rebuilt, which moves them).
enum class MapIteration : uint8_t { kKeys, kValues, kItems, kSetItems };
Value NewMapIterator(Value owner, MapIteration what);

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_DICT_H
