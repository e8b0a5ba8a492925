// Map: the hash table behind dict, set, class and instance attributes and
// module globals. Insertion ordered, open addressing (CPython's compact
// layout):
//
//  - `entries` holds the (key, value) pairs in insertion order; `filled`
//    of them have been used (a new key goes at entries[filled]). A deleted
//    entry keeps its place with key kNull until the next rebuild compacts
//    the array; entries[filled, capacity) are all {kNull, kNull}.
//  - `index` is the hash table proper: `index_size` slots (a power of two,
//    always more than `capacity` * 3 / 2), each empty (0: never used),
//    deleted (all ones: a tombstone; its key was removed, probing passes it
//    and an insertion may reuse it) or 1 + the position of a live entry.
//    A slot is as narrow as the positions allow: 1 byte while the index
//    has at most 256 slots, 2 bytes up to 65,536, else 4 (most maps are
//    small, and on a microcontroller the index would otherwise weigh as
//    much as the entries).
//    Every live entry is named by exactly one slot; no slot names a
//    deleted entry. Probing is linear from the key's first slot and stops
//    at an empty slot.
//  - `used` counts the live entries, so len() is O(1); `tombstones` counts
//    the kDeletedSlot slots. used + tombstones <= capacity: an insertion
//    that would break this rebuilds first, so at least a third of the
//    index is always empty and every probe ends.
//  - `key_filter` has, for every live key that is a qstr, the bit
//    QstrFilterBits picks for it; once any live key is a heap object (a
//    heap str may have a qstr's text, an instance's __eq__ may say yes)
//    it has every bit. So a qstr whose bit is clear is certainly absent:
//    a lookup that misses (a global that is a builtin, an instance
//    attribute that is a method) mostly ends there. Bits are only added,
//    and recomputed when the map is rebuilt or emptied.
//  - A rebuild (on insertion into a full map) allocates new arrays sized
//    for twice the live entries, compacts and reindexes; so `entries` and
//    `index` change only then, or when the map is cleared. Iterators detect
//    that by remembering `entries` (see dict.cpp).
//
// A set is a Map whose values are unused (kTrue). Keys are compared by
// identity first, then Equal(); a key's hash must not change while it is
// in a map. Hash() and Equal() may run Python code that mutates the map
// being probed: probing notices (the arrays were replaced) and starts over,
// so memory is never read out of bounds.
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
  size_t tombstones = 0;   // kDeletedSlot slots in `index`
  MapEntry* entries = nullptr;
  void* index = nullptr;    // index_size slots of 1, 2 or 4 bytes (see above)
  Word key_filter = 0;      // see above
};

// An empty map with room for `capacity` entries before it grows.
void MapInit(Map* map, size_t capacity);
// The value stored for `key`, or kNull.
Value MapLookup(const Map* map, Value key);
// The entry for `key` or null. The pointer is valid until the map changes.
MapEntry* MapFind(const Map* map, Value key);
// Stores `value` for `key` (replacing an existing value, keeping the key
// already stored and its place; a new key goes last).
void MapStore(Map* map, Value key, Value value);
// The entry for `key`, added with value kNull if absent; `*added` says which.
MapEntry* MapFindOrAdd(Map* map, Value key, bool* added);
// Removes `key`, returning its value, or kNull if it was absent.
Value MapRemove(Map* map, Value key);
// Removes the last entry (popitem) into `*out`; false if the map is empty.
bool MapPopLast(Map* map, MapEntry* out);
// Removes the first entry (the oldest key: set.pop, as MicroPython and,
// for small ints, CPython pop) into `*out`; false if the map is empty.
bool MapPopFirst(Map* map, MapEntry* out);
// Empties the map and frees its arrays to the collector.
void MapClear(Map* map);
// Room for `more` new keys (at most kMaxReservedItems) without growing: a
// hint, as a comprehension over a sized iterable gives.
void MapReserve(Map* map, size_t more);
// `dest` becomes a compacted copy of `src` (dest is overwritten, not freed).
void MapCopy(Map* dest, const Map* src);

// The key_filter bits of the qstr key `key` (see above): a map whose
// key_filter lacks any of them certainly has no such key (for callers that
// cache a lookup, e.g. a global known not to be shadowed).
Word MapQstrFilterBits(Value key);

// Whether any map was ever given the key __setattr__, __delattr__ or
// __getattr__ (as a qstr). Until then no class defines one, so storing,
// deleting or missing an instance's attribute need not look for them.
// Never reset: staying true only disables that shortcut.
extern bool g_map_saw_attribute_hook_key;
inline bool MapSawAttributeHookKey() { return g_map_saw_attribute_hook_key; }

// Iteration: `*position` starts at 0; returns the next live entry or null.
MapEntry* MapNext(const Map* map, size_t* position);

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_MAP_H
