// Map: the hash table behind dict, set, class and instance attributes and
// module globals. Insertion ordered, open addressing (CPython's compact
// layout):
//
//  - `entries` holds the (key, value) pairs in insertion order; `filled`
//    of them have been used. A deleted entry keeps its place with key kNull
//    until the next resize compacts the array.
//  - `index` is the hash table proper: `index_size` slots (a power of two,
//    always more than `capacity` * 3 / 2, so probing finds a 0 slot), each 0
//    (never used) or 1 + the position of an entry. Probing is linear from
//    hash & (index_size - 1) and stops at a 0 slot. A slot naming a deleted
//    entry is a tombstone: probing passes it.
//  - `used` counts the live entries, so len() is O(1).
//
// A set is a Map whose values are unused (kTrue). Keys are compared by identity first, then Equal();
// a key's hash must not change while it is in a map.
#ifndef TAIPAN_RUNTIME_MAP_H
#define TAIPAN_RUNTIME_MAP_H

#include <stddef.h>
#include <stdint.h>

#include "runtime/value.h"

namespace taipan::rt {

struct MapEntry {
  Value key;  // kNull: deleted
  Value value;
};

struct Map {
  size_t used = 0;
  size_t filled = 0;
  size_t capacity = 0;     // entries allocated
  size_t index_size = 0;   // slots in `index`; 0 when nothing was allocated
  MapEntry* entries = nullptr;
  uint32_t* index = nullptr;
};

// An empty map with room for `capacity` entries before it grows.
void MapInit(Map* map, size_t capacity);
// The value stored for `key`, or kNull.
Value MapLookup(const Map* map, Value key);
// The entry for `key` or null.
MapEntry* MapFind(const Map* map, Value key);
// Stores `value` for `key` (replacing an existing value; a new key goes last).
void MapStore(Map* map, Value key, Value value);
// The entry for `key`, added with value kNull if absent; `*added` says which.
MapEntry* MapFindOrAdd(Map* map, Value key, bool* added);
// Removes `key`, returning its value, or kNull if it was absent.
Value MapRemove(Map* map, Value key);
// Removes and returns the last entry (popitem); false if the map is empty.
bool MapPopLast(Map* map, MapEntry* out);
void MapClear(Map* map);
// A copy with the same entries, compacted.
void MapCopy(Map* dest, const Map* src);

// Iteration: `*position` starts at 0; returns the next live entry or null.
MapEntry* MapNext(const Map* map, size_t* position);

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_MAP_H
