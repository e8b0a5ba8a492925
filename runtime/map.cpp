#include "runtime/map.h"

#include "runtime/object.h"
#include "runtime/runtime.h"

namespace taipan::rt {

namespace {

size_t IndexSizeFor(size_t capacity) {
  size_t size = 8;
  while (size <= capacity + capacity / 2) size *= 2;
  return size;
}

size_t FirstSlot(SignedWord hash, size_t index_size) {
  // Small ints hash to themselves; spreading the bits keeps runs of
  // consecutive keys from forming long probe chains with other keys.
  Word h = static_cast<Word>(hash);
  h ^= h >> 7;
  return h & (index_size - 1);
}

bool KeysEqual(Value a, Value b) { return a == b || Equal(a, b); }

// Rebuilds `index` for the entries, which must be compact (no deleted ones).
void Reindex(Map* map) {
  __builtin_memset(map->index, 0, map->index_size * sizeof(uint32_t));
  for (size_t i = 0; i < map->filled; ++i) {
    size_t slot = FirstSlot(Hash(map->entries[i].key), map->index_size);
    while (map->index[slot] != 0) slot = (slot + 1) & (map->index_size - 1);
    map->index[slot] = static_cast<uint32_t>(i + 1);
  }
}

// Makes room for at least one more entry: compacts away deleted entries
// and, when the live ones fill more than half the array, doubles it.
void Grow(Map* map) {
  size_t capacity = map->used * 2 < map->capacity ? map->capacity : (map->capacity ? map->capacity * 2 : 4);
  auto* entries = static_cast<MapEntry*>(Allocate(capacity * sizeof(MapEntry)));
  size_t n = 0;
  for (size_t i = 0; i < map->filled; ++i)
    if (map->entries[i].key != kNull) entries[n++] = map->entries[i];
  size_t index_size = IndexSizeFor(capacity);
  uint32_t* index = index_size == map->index_size ? map->index
                                                  : static_cast<uint32_t*>(Allocate(index_size * 4, true));
  map->entries = entries;
  map->capacity = capacity;
  map->filled = n;
  map->used = n;
  map->index = index;
  map->index_size = index_size;
  Reindex(map);
}

// The index slot for `key`: the one naming its entry, or the 0 slot where
// it would go.
size_t ProbeSlot(const Map* map, Value key, SignedWord hash) {
  size_t mask = map->index_size - 1;
  for (size_t slot = FirstSlot(hash, map->index_size);; slot = (slot + 1) & mask) {
    uint32_t at = map->index[slot];
    if (at == 0) return slot;
    Value existing = map->entries[at - 1].key;
    if (existing != kNull && KeysEqual(existing, key)) return slot;
  }
}

}  // namespace

void MapInit(Map* map, size_t capacity) {
  *map = Map{};
  if (capacity == 0) return;
  map->capacity = capacity;
  map->entries = static_cast<MapEntry*>(Allocate(capacity * sizeof(MapEntry)));
  map->index_size = IndexSizeFor(capacity);
  map->index = static_cast<uint32_t*>(Allocate(map->index_size * 4, true));
}

MapEntry* MapFind(const Map* map, Value key) {
  if (map->used == 0) return nullptr;
  uint32_t at = map->index[ProbeSlot(map, key, Hash(key))];
  return at ? &map->entries[at - 1] : nullptr;
}

Value MapLookup(const Map* map, Value key) {
  MapEntry* entry = MapFind(map, key);
  return entry ? entry->value : kNull;
}

MapEntry* MapFindOrAdd(Map* map, Value key, bool* added) {
  SignedWord hash = Hash(key);
  if (map->index_size != 0) {
    uint32_t at = map->index[ProbeSlot(map, key, hash)];
    if (at != 0) {
      *added = false;
      return &map->entries[at - 1];
    }
  }
  if (map->filled == map->capacity) Grow(map);
  size_t slot = ProbeSlot(map, key, hash);
  MapEntry* entry = &map->entries[map->filled];
  entry->key = key;
  entry->value = kNull;
  map->index[slot] = static_cast<uint32_t>(++map->filled);
  ++map->used;
  *added = true;
  return entry;
}

void MapStore(Map* map, Value key, Value value) {
  bool added;
  MapFindOrAdd(map, key, &added)->value = value;
}

Value MapRemove(Map* map, Value key) {
  MapEntry* entry = MapFind(map, key);
  if (!entry) return kNull;
  Value value = entry->value;
  entry->key = kNull;  // its index slot becomes a tombstone
  entry->value = kNull;
  --map->used;
  return value;
}

bool MapPopLast(Map* map, MapEntry* out) {
  while (map->filled > 0 && map->entries[map->filled - 1].key == kNull) --map->filled;
  if (map->filled == 0) return false;
  MapEntry* last = &map->entries[map->filled - 1];
  *out = *last;
  MapRemove(map, last->key);
  return true;
}

void MapClear(Map* map) { MapInit(map, 0); }

void MapCopy(Map* dest, const Map* src) {
  MapInit(dest, src->used);
  size_t position = 0;
  while (MapEntry* entry = MapNext(src, &position)) MapStore(dest, entry->key, entry->value);
}

MapEntry* MapNext(const Map* map, size_t* position) {
  while (*position < map->filled) {
    MapEntry* entry = &map->entries[(*position)++];
    if (entry->key != kNull) return entry;
  }
  return nullptr;
}

}  // namespace taipan::rt
