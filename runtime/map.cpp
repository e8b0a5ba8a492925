// The insertion-ordered hash table (see map.h for the layout and its
// invariants).
#include "runtime/map.h"

#include "runtime/object.h"
#include "runtime/runtime.h"
#include "runtime/state.h"
#include "runtime/str.h"

namespace taipan::rt {

namespace {

constexpr uint32_t kEmptySlot = 0;
constexpr uint32_t kDeletedSlot = 0xFFFFFFFFu;
constexpr size_t kNoSlot = ~size_t{0};

// The smallest power of two (at least 8) with more than capacity * 3 / 2
// slots: at most two thirds of the index is ever in use.
size_t IndexSizeFor(size_t capacity) {
  size_t size = 8;
  while (size <= capacity + capacity / 2) size *= 2;
  return size;
}

// Bytes per index slot. A slot holds at most 1 + capacity, which is below
// two thirds of index_size, so the all-ones tombstone never collides.
size_t SlotWidth(size_t index_size) { return index_size <= 256 ? 1 : index_size <= 65536 ? 2 : 4; }

void* AllocateIndex(size_t index_size) { return Allocate(index_size * SlotWidth(index_size), true); }

// Slot `slot` of an index of `index_size` slots; a tombstone reads as
// kDeletedSlot whatever the width.
uint32_t ReadSlot(const void* index, size_t index_size, size_t slot) {
  switch (SlotWidth(index_size)) {
    case 1: {
      uint8_t at = static_cast<const uint8_t*>(index)[slot];
      return at == 0xFF ? kDeletedSlot : at;
    }
    case 2: {
      uint16_t at = static_cast<const uint16_t*>(index)[slot];
      return at == 0xFFFF ? kDeletedSlot : at;
    }
    default: return static_cast<const uint32_t*>(index)[slot];
  }
}

void WriteSlot(void* index, size_t index_size, size_t slot, uint32_t at) {
  switch (SlotWidth(index_size)) {
    case 1: static_cast<uint8_t*>(index)[slot] = static_cast<uint8_t>(at); break;
    case 2: static_cast<uint16_t*>(index)[slot] = static_cast<uint16_t>(at); break;
    default: static_cast<uint32_t*>(index)[slot] = at; break;
  }
}

uint32_t SlotAt(const Map* map, size_t slot) { return ReadSlot(map->index, map->index_size, slot); }
void SetSlot(Map* map, size_t slot, uint32_t at) { WriteSlot(map->index, map->index_size, slot, at); }

// The first slot to probe. Multiplicative (Fibonacci) hashing, keeping the
// product's top bits: str hashes are only 16 bits wide and small ints hash
// to themselves, and the multiplication spreads both over the whole index
// (a plain mask would crowd every str key of a big map into its first
// 65,536 slots, one long probe chain).
size_t FirstSlot(SignedWord hash, size_t index_size) {
  constexpr Word kGolden = sizeof(Word) == 8 ? static_cast<Word>(0x9E3779B97F4A7C15ull) : Word{0x9E3779B9u};
  Word h = static_cast<Word>(hash) * kGolden;
  unsigned bits = static_cast<unsigned>(__builtin_ctzg(index_size));
  return static_cast<size_t>(h >> (sizeof(Word) * 8 - bits));
}

size_t NextSlot(size_t slot, size_t index_size) { return (slot + 1) & (index_size - 1); }

// Two different small ints, or two different qstrs, are never equal: the
// common keys skip the generic Equal().
bool DistinctImmediates(Value a, Value b) {
  return (IsSmallInt(a) && IsSmallInt(b)) || (IsQstr(a) && IsQstr(b));
}

// True when `existing` certainly hashes to something other than `hash`, so
// it cannot equal the key being probed for (equal keys hash alike; CPython
// compares hashes before calling __eq__ too). Only hashes known without a
// call: small ints and strs that have computed theirs.
bool KnownHashDiffers(Value existing, SignedWord hash) {
  if (IsSmallInt(existing)) return SmallIntValue(existing) != hash;
  if (!IsPlainHeapStr(existing)) return false;
  size_t known = ObjectPointer<StrObject>(existing)->hash;
  return known != 0 && known != static_cast<size_t>(hash);
}

struct Probe {
  size_t slot;  // kNoSlot: the map has no index
  bool found;   // slot names key's entry; else slot is where key would go
  MapEntry* entry = nullptr;  // key's entry when found by ProbeStr
};

// --- Keys that are strs ------------------------------------------------------------
//
// A plain str (a qstr or a heap str of exactly type str) equals only a plain
// str with the same text: never an int, None or a bool, and no Python code
// runs to decide. So a str key probes without Equal(), comparing hashes and
// then bytes; only an entry that is some other heap object (a str subclass
// or a class instance, whose __eq__ might say yes) makes the probe give up
// to the generic ProbeFor.

bool IsPlainStrKey(Value v) { return IsQstr(v) || IsPlainHeapStr(v); }

struct StrKey {
  Value value;
  SignedWord hash;  // Hash(value)
  const char* data;  // null for a qstr until its text is needed (rarely: a
  size_t length;     // qstr is compared by text only with heap strs)
};

// The text of a key, fetching a qstr's when first needed.
void NeedText(StrKey* key) {
  if (key->data == nullptr) key->data = QstrData(QstrValue(key->value), &key->length);
}

enum class KeyMatch { kDiffers, kEqual, kUnsure };

// memcmp(a, b, n) == 0 without a call for the short texts most keys have
// (the hashes matched already, so the texts are nearly always equal).
bool SameText(const char* a, const char* b, size_t n) {
  if (n > 16) return __builtin_memcmp(a, b, n) == 0;
  for (size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

// Whether the live key `existing` (not the same word as key.value) has key's text.
[[gnu::always_inline]] inline KeyMatch MatchStrKey(Value existing, StrKey& key) {
  if (IsQstr(existing)) {
    if (IsQstr(key.value)) return KeyMatch::kDiffers;  // one qstr per text
    Qstr q = QstrValue(existing);
    if (static_cast<SignedWord>(QstrHashOf(q)) != key.hash) return KeyMatch::kDiffers;
    size_t length;
    const char* data = QstrData(q, &length);
    return length == key.length && SameText(data, key.data, length) ? KeyMatch::kEqual : KeyMatch::kDiffers;
  }
  if ((Bits(existing) & 3) != 0) return KeyMatch::kDiffers;  // a small int or an immediate object
  if (!IsPlainHeapStr(existing)) return KeyMatch::kUnsure;
  auto* str = ObjectPointer<StrObject>(existing);
  if (str->hash != 0 && static_cast<SignedWord>(str->hash) != key.hash) return KeyMatch::kDiffers;
  NeedText(&key);
  if (str->length != key.length) return KeyMatch::kDiffers;
  return SameText(str->data, key.data, key.length) ? KeyMatch::kEqual : KeyMatch::kDiffers;
}

// A probe for a key of hash `hash` that `match` decides for every live
// entry it meets (by the entry's key): KeyMatch::kUnsure gives up, and
// ProbeWith returns false (*out unset) for ProbeFor to decide. (The
// matches are always_inline: a call per entry would cost more than they.)
template <typename SlotWord, typename Match>
bool ProbeSlotsWith(const Map* map, SignedWord hash, Match match, Probe* out) {
  const auto* index = static_cast<const SlotWord*>(map->index);
  MapEntry* entries = map->entries;
  size_t mask = map->index_size - 1;
  size_t insert_at = kNoSlot;
  for (size_t slot = FirstSlot(hash, map->index_size);; slot = (slot + 1) & mask) {
    SlotWord at = index[slot];
    if (at == 0) {
      *out = {insert_at != kNoSlot ? insert_at : slot, false};
      return true;
    }
    if (at == static_cast<SlotWord>(~SlotWord{0})) {  // a tombstone
      if (insert_at == kNoSlot) insert_at = slot;
      continue;
    }
    switch (match(entries[at - 1].key)) {
      case KeyMatch::kDiffers: continue;
      case KeyMatch::kEqual: *out = {slot, true, &entries[at - 1]}; return true;
      case KeyMatch::kUnsure: return false;
    }
  }
}

template <typename Match>
bool ProbeWith(const Map* map, SignedWord hash, Match match, Probe* out) {
  switch (SlotWidth(map->index_size)) {
    case 1: return ProbeSlotsWith<uint8_t>(map, hash, match, out);
    case 2: return ProbeSlotsWith<uint16_t>(map, hash, match, out);
    default: return ProbeSlotsWith<uint32_t>(map, hash, match, out);
  }
}

// The text and hash of a plain str key (Hash() would give the same hash).
StrKey StrKeyOf(Value key, SignedWord hash) {
  if (IsQstr(key)) return {key, hash, nullptr, 0};
  auto* str = ObjectPointer<StrObject>(key);
  return {key, hash, str->data, str->length};
}
StrKey StrKeyOf(Value key) {
  if (IsQstr(key)) return StrKeyOf(key, static_cast<SignedWord>(QstrHashOf(QstrValue(key))));
  return StrKeyOf(key, static_cast<SignedWord>(StrObjectHash(ObjectPointer<StrObject>(key))));
}

// ProbeFor for a plain str key; false (and *out unset) when an entry that
// is not a plain str was met and ProbeFor must decide. (key by reference:
// a StrKey passed by value is stored in pieces and reloaded whole, a
// store-forwarding stall that cost a third of a lookup.)
bool ProbeStr(const Map* map, StrKey& str_key, Probe* out) {
  auto match = [&str_key](Value existing) __attribute__((always_inline)) {
    return existing == str_key.value ? KeyMatch::kEqual : MatchStrKey(existing, str_key);
  };
  return ProbeWith(map, str_key.hash, match, out);
}

// --- Keys that are small ints --------------------------------------------------------
//
// A small int equals another small int only when it is the same word, and
// no qstr or None: a probe meeting only those decides alone, without
// Equal(). A bool (True == 1) or a heap object (1.0, a big int, an
// instance) leaves the decision to ProbeFor.

// ProbeFor for a small int key (`hash` its value); false (and *out unset)
// when ProbeFor must decide.
bool ProbeSmallInt(const Map* map, Value key, SignedWord hash, Probe* out) {
  if (map->index_size == 0) return false;
  auto match = [key](Value existing) __attribute__((always_inline)) {
    if (existing == key) return KeyMatch::kEqual;
    return IsSmallInt(existing) || IsQstr(existing) || existing == kNone ? KeyMatch::kDiffers : KeyMatch::kUnsure;
  };
  return ProbeWith(map, hash, match, out);
}

// Looks `key` (whose hash is `hash`) up. When absent, the slot returned is
// the first tombstone passed, else the empty slot that ended the probe.
// Equal() may run Python code that changes the map: then the probe starts
// over on the map as it now is.
Probe ProbeFor(const Map* map, Value key, SignedWord hash) {
  if (map->index_size != 0 && IsPlainStrKey(key)) {
    Probe probe;
    StrKey str_key = StrKeyOf(key, hash);
    if (ProbeStr(map, str_key, &probe)) return probe;
  }
  for (;;) {
    if (map->index_size == 0) return {kNoSlot, false};
    const void* index = map->index;
    const MapEntry* entries = map->entries;
    size_t index_size = map->index_size;
    size_t insert_at = kNoSlot;
    bool changed = false;
    for (size_t slot = FirstSlot(hash, index_size);; slot = NextSlot(slot, index_size)) {
      uint32_t at = ReadSlot(index, index_size, slot);
      if (at == kEmptySlot) return {insert_at != kNoSlot ? insert_at : slot, false};
      if (at == kDeletedSlot) {
        if (insert_at == kNoSlot) insert_at = slot;
        continue;
      }
      Value existing = entries[at - 1].key;
      if (existing == key) return {slot, true};
      if (DistinctImmediates(existing, key) || KnownHashDiffers(existing, hash)) continue;
      bool equal = Equal(existing, key);
      if (map->index != index || map->entries != entries || SlotAt(map, slot) != at) {
        changed = true;
        break;
      }
      if (equal) return {slot, true};
    }
    if (!changed) break;
  }
  return {kNoSlot, false};
}

// Where ProbeFor would put a key known to be absent: the first tombstone or
// empty slot of its probe sequence.
Probe FreeSlotFor(const Map* map, SignedWord hash) {
  if (map->index_size == 0) return {kNoSlot, false};
  for (size_t slot = FirstSlot(hash, map->index_size);; slot = NextSlot(slot, map->index_size)) {
    uint32_t at = SlotAt(map, slot);
    if (at == kEmptySlot || at == kDeletedSlot) return {slot, false};
  }
}

// --- The position cache ------------------------------------------------------------
//
// The positions of recently found keys are remembered, by map and key, in a
// small cache that is checked before any probing. A cached position is
// trusted only if the entry there, in the map as it is now, holds that very
// key (keys are unique in a map; the map keeps its key alive, so no other
// object can have its address), or for a plain heap str one holding a plain
// heap str of the same text. So the cache needs no invalidation when maps
// change, move or die.

constexpr size_t kPositionCacheSize = sizeof(Word) == 8 ? 1024 : 64;
uint16_t g_key_positions[kPositionCacheSize] = {};  // 1 + position; 0: none

size_t PositionCacheSlot(const Map* map, Value key) {
  Word mixed = (reinterpret_cast<Word>(map) >> 4) ^ (Bits(key) >> 3);
  constexpr Word kGolden = sizeof(Word) == 8 ? static_cast<Word>(0x9E3779B97F4A7C15ull) : Word{0x9E3779B9u};
  return static_cast<size_t>((mixed * kGolden) >> (sizeof(Word) * 8 - __builtin_ctzg(kPositionCacheSize)));
}

// The live entry the cache slot remembers, or null.
MapEntry* CachedEntry(const Map* map, size_t cache_slot) {
  size_t position = g_key_positions[cache_slot];
  return position == 0 || position > map->filled ? nullptr : &map->entries[position - 1];
}

void RememberPosition(const Map* map, const MapEntry* entry, size_t cache_slot) {
  size_t position = static_cast<size_t>(entry - map->entries) + 1;
  if (position <= 0xFFFF) g_key_positions[cache_slot] = static_cast<uint16_t>(position);
}

// --- Keys that are qstrs ----------------------------------------------------------
//
// Attribute names, globals and most dict keys of a program are qstrs, and
// looking one up needs neither Hash() nor Equal(): a qstr is only equal to
// itself or to a heap str with its text. So a qstr lookup probes without
// calls, giving up (to ProbeFor) only when it meets a key that is a heap
// object, after the position cache.

MapEntry* CachedQstrEntry(const Map* map, Value key, size_t cache_slot) {
  MapEntry* entry = CachedEntry(map, cache_slot);
  return entry && entry->key == key ? entry : nullptr;
}

// The key_filter bits of a qstr key (map.h): two bits (a Bloom filter:
// with a dozen keys, a word with one bit per key would let a third of the
// misses through), taken from its id spread by a multiplication, so the ids
// of one program's names, often consecutive, land on different bits.
Word QstrFilterBits(Value key) {
  constexpr Word kGolden = sizeof(Word) == 8 ? static_cast<Word>(0x9E3779B97F4A7C15ull) : Word{0x9E3779B9u};
  constexpr unsigned kBits = sizeof(Word) == 8 ? 6 : 5;
  constexpr unsigned kTop = sizeof(Word) * 8 - kBits;
  Word spread = QstrValue(key) * kGolden;
  return (Word{1} << (spread >> kTop)) | (Word{1} << ((spread >> (kTop - kBits)) & (sizeof(Word) * 8 - 1)));
}

// The key_filter bits a key adds: its own for a qstr, none for the other
// immediates (which never equal a qstr), all for a heap object.
Word FilterBitsFor(Value key) {
  if (IsQstr(key)) return QstrFilterBits(key);
  return (Bits(key) & 3) != 0 ? 0 : ~Word{0};
}

void NoteNewKey(Value key) {
  if (key == FromQstr(Q___setattr__) || key == FromQstr(Q___delattr__) || key == FromQstr(Q___getattr__))
    g_map_saw_attribute_hook_key = true;
}

// Keys that are not heap objects (qstrs, small ints, None, True, False)
// equal another key only when they are the same word.
bool IsImmediateKey(Value v) { return (Bits(v) & 3) != 0; }

enum class QstrProbe { kFound, kAbsent, kUnsure };

template <typename SlotWord>
QstrProbe ProbeQstrSlots(const Map* map, Value key, MapEntry** out) {
  const auto* index = static_cast<const SlotWord*>(map->index);
  size_t mask = map->index_size - 1;
  for (size_t slot = FirstSlot(QstrHashOf(QstrValue(key)), map->index_size);; slot = (slot + 1) & mask) {
    SlotWord at = index[slot];
    if (at == 0) return QstrProbe::kAbsent;
    if (at == static_cast<SlotWord>(~SlotWord{0})) continue;  // a tombstone
    MapEntry* entry = &map->entries[at - 1];
    if (entry->key == key) {
      *out = entry;
      return QstrProbe::kFound;
    }
    if (!IsImmediateKey(entry->key)) return QstrProbe::kUnsure;  // maybe a heap str with its text
  }
}

QstrProbe ProbeQstr(const Map* map, Value key, MapEntry** out) {
  switch (SlotWidth(map->index_size)) {
    case 1: return ProbeQstrSlots<uint8_t>(map, key, out);
    case 2: return ProbeQstrSlots<uint16_t>(map, key, out);
    default: return ProbeQstrSlots<uint32_t>(map, key, out);
  }
}

// A small map (an instance's attributes, most often) is scanned in entry
// order: a few compares in one or two cache lines cost less than hashing.
constexpr size_t kScanLimit = 8;

[[gnu::noinline]] MapEntry* ScanForQstr(const Map* map, Value key, bool* sure) {
  MapEntry* entries = map->entries;
  for (size_t i = 0; i < map->filled; ++i) {
    Value existing = entries[i].key;
    if (existing == key) return &entries[i];
    if (!IsImmediateKey(existing) && existing != kNull) {  // maybe a heap str with its text
      *sure = false;
      return nullptr;
    }
  }
  return nullptr;
}

MapEntry* ProbeQstrInMap(const Map* map, Value key, size_t cache_slot, bool* sure);

// MapFind for a qstr key; `*sure` false when ProbeFor must decide. The
// filter and the position cache answer most lookups: those checks are
// inlined into the callers, the scan and the probe are not.
MapEntry* FindQstr(const Map* map, Value key, bool* sure) {
  *sure = true;
  Word bits = QstrFilterBits(key);
  if ((map->key_filter & bits) != bits) return nullptr;
  if (map->filled <= kScanLimit) return ScanForQstr(map, key, sure);
  size_t cache_slot = PositionCacheSlot(map, key);
  if (MapEntry* cached = CachedQstrEntry(map, key, cache_slot)) return cached;
  return ProbeQstrInMap(map, key, cache_slot, sure);
}

// FindQstr for a big map when the cache did not know the key.
[[gnu::noinline]] MapEntry* ProbeQstrInMap(const Map* map, Value key, size_t cache_slot, bool* sure) {
  if (map->index_size == 0) return nullptr;
  MapEntry* entry = nullptr;
  switch (ProbeQstr(map, key, &entry)) {
    case QstrProbe::kFound: RememberPosition(map, entry, cache_slot); return entry;
    case QstrProbe::kAbsent: return nullptr;
    case QstrProbe::kUnsure: break;
  }
  *sure = false;
  return nullptr;
}

// Fills `index` (all empty) for entries[0, n), which are live and distinct.
void IndexEntries(const MapEntry* entries, size_t n, void* index, size_t index_size) {
  for (size_t i = 0; i < n; ++i) {
    size_t slot = FirstSlot(Hash(entries[i].key), index_size);
    while (ReadSlot(index, index_size, slot) != kEmptySlot) slot = NextSlot(slot, index_size);
    WriteSlot(index, index_size, slot, static_cast<uint32_t>(i + 1));
  }
}

// Rebuilds the map with room for twice its live entries: compacts away the
// deleted ones (so a map that shrank gets smaller arrays) and reindexes,
// which clears every tombstone. The new arrays are only published once
// complete: a __hash__ that raises leaves the map as it was.
// Rebuilds the map's arrays with room for `capacity` entries (>= used).
void RebuildTo(Map* map, size_t capacity) {
  auto* entries = static_cast<MapEntry*>(Allocate(capacity * sizeof(MapEntry)));
  size_t index_size = IndexSizeFor(capacity);
  void* index = AllocateIndex(index_size);
  size_t n = 0;
  Word key_filter = 0;
  for (size_t i = 0; i < map->filled && n < capacity; ++i) {
    if (map->entries[i].key == kNull) continue;
    key_filter |= FilterBitsFor(map->entries[i].key);
    entries[n++] = map->entries[i];
  }
  IndexEntries(entries, n, index, index_size);
  map->key_filter = key_filter;
  map->entries = entries;
  map->index = index;
  map->capacity = capacity;
  map->index_size = index_size;
  map->filled = n;
  map->used = n;
  map->tombstones = 0;
}

void Rebuild(Map* map) { RebuildTo(map, map->used < 2 ? 4 : map->used * 2); }

// After the entry at filled - 1 was deleted: drops the deleted entries
// from the end of the array, so that entries[filled - 1] is live again (no
// slot names a deleted entry, so their places can be reused).
void TrimDeletedTail(Map* map) {
  while (map->filled > 0 && map->entries[map->filled - 1].key == kNull) --map->filled;
}

// Deletes the entry named by `slot`, returning its value.
Value RemoveAtSlot(Map* map, size_t slot) {
  uint32_t at = SlotAt(map, slot);
  MapEntry* entry = &map->entries[at - 1];
  Value value = entry->value;
  entry->key = kNull;
  entry->value = kNull;  // the collector must not keep the value alive
  SetSlot(map, slot, kDeletedSlot);
  ++map->tombstones;
  --map->used;
  if (at == map->filled) TrimDeletedTail(map);
  return value;
}

}  // namespace

void MapInit(Map* map, size_t capacity) {
  *map = Map{};
  if (capacity == 0) return;
  map->entries = static_cast<MapEntry*>(Allocate(capacity * sizeof(MapEntry)));
  map->index_size = IndexSizeFor(capacity);
  map->index = AllocateIndex(map->index_size);
  map->capacity = capacity;
}

namespace {

// The entry the latest lookup of a key other than a qstr found (adding
// one does not count: a set's adds would only push out the key counted):
// looking the same key (the same object) up again takes it without a probe
// when the map holds the key found then at that index, as
// `d[k] = d.get(k, 0) + 1` and `if k in d: d[k] += 1` do. Any map that does
// is right: a map holds a key once, so the entry holding this very key is
// its entry, or for a plain heap str one holding another heap str of the
// same text (a word met again, split from the text anew; strs do not
// change). Both keys are GC roots (RuntimeState::lookup_hint), so that no
// other object can take either's address. (Qstr keys have their own fast
// path, and would only push out the key being counted.)
size_t g_lookup_hint_index;

// Whether a and b are plain heap strs with the same text.
[[gnu::noinline]] bool SameHeapStrText(Value a, Value b) {
  if (!IsPlainHeapStr(a) || !IsPlainHeapStr(b)) return false;
  auto* x = ObjectPointer<StrObject>(a);
  auto* y = ObjectPointer<StrObject>(b);
  if (x->length != y->length || (x->hash != 0 && y->hash != 0 && x->hash != y->hash)) return false;
  return SameText(x->data, y->data, x->length);
}

[[gnu::always_inline]] inline MapEntry* HintedEntry(const Map* map, Value key) {
  size_t i = g_lookup_hint_index;
  if (g_state.lookup_hint[0] != key || i >= map->filled) return nullptr;
  return map->entries[i].key == g_state.lookup_hint[1] ? &map->entries[i] : nullptr;
}

// Makes `entry`, which holds `key` or a key equal to it, the hint: when it
// holds the key itself or a plain heap str (of the same text); any other
// equal key would have to be asked again (its __eq__ may change its mind).
MapEntry* RememberEntry(const Map* map, Value key, MapEntry* entry) {
  bool same = entry->key == key || (IsPlainHeapStr(key) && IsPlainHeapStr(entry->key));
  g_state.lookup_hint[0] = same ? key : kNull;
  g_state.lookup_hint[1] = entry->key;
  g_lookup_hint_index = static_cast<size_t>(entry - map->entries);
  return entry;
}

// MapFind past the fast paths.
MapEntry* FindUnhinted(const Map* map, Value key) {
  if (IsPlainStrKey(key) && map->index_size != 0) {
    Probe probe;
    StrKey str_key = StrKeyOf(key);
    if (ProbeStr(map, str_key, &probe)) return probe.found ? probe.entry : nullptr;
  }
  Probe probe;
  if (!IsSmallInt(key) || !ProbeSmallInt(map, key, SmallIntValue(key), &probe)) probe = ProbeFor(map, key, Hash(key));
  return probe.found ? &map->entries[SlotAt(map, probe.slot) - 1] : nullptr;
}

// MapFind for a qstr key past the position cache.
[[gnu::noinline]] MapEntry* FindUncachedQstr(const Map* map, Value key) {
  if (map->used == 0) return nullptr;
  bool sure;
  MapEntry* entry = FindQstr(map, key, &sure);
  return sure ? entry : FindUnhinted(map, key);
}

// MapFind for any other key: the lookup hint, the position cache (a word
// counted again, by the same str or one split anew), then a probe.
[[gnu::noinline]] MapEntry* FindOtherKey(const Map* map, Value key) {
  if (MapEntry* hinted = HintedEntry(map, key)) return hinted;
  if (map->used == 0) return nullptr;
  size_t cache_slot = PositionCacheSlot(map, key);
  MapEntry* entry = CachedEntry(map, cache_slot);
  if (entry == nullptr || (entry->key != key && !SameHeapStrText(entry->key, key))) {
    entry = FindUnhinted(map, key);
    if (entry == nullptr) return nullptr;
    RememberPosition(map, entry, cache_slot);
  }
  return RememberEntry(map, key, entry);
}

}  // namespace

// A qstr that a big map's position cache knows (most attribute and global
// lookups) is found in code that needs no frame; the rest is out of line.
MapEntry* MapFind(const Map* map, Value key) {
  if (!IsQstr(key)) return FindOtherKey(map, key);
  if (map->filled > kScanLimit) {
    if (MapEntry* cached = CachedQstrEntry(map, key, PositionCacheSlot(map, key))) return cached;
  }
  return FindUncachedQstr(map, key);
}

Value MapLookup(const Map* map, Value key) {
  MapEntry* entry = MapFind(map, key);
  return entry ? entry->value : kNull;
}

namespace {

// MapFindOrAdd past the fast paths.
MapEntry* FindOrAddUnhinted(Map* map, Value key, bool absent, bool* added) {
  SignedWord hash = IsSmallInt(key)       ? SmallIntValue(key)
                    : IsPlainHeapStr(key) ? static_cast<SignedWord>(StrObjectHash(ObjectPointer<StrObject>(key)))
                                          : Hash(key);
  if (map->used == 0) absent = true;  // (checked after Hash(), which may run Python code)
  for (;;) {
    Probe probe;
    if (absent) {
      probe = FreeSlotFor(map, hash);
    } else if (!IsSmallInt(key) || !ProbeSmallInt(map, key, hash, &probe)) {
      probe = ProbeFor(map, key, hash);
    }
    if (probe.found) {
      *added = false;
      return probe.entry ? probe.entry : &map->entries[SlotAt(map, probe.slot) - 1];
    }
    if (probe.slot != kNoSlot && map->filled < map->capacity) {
      bool reuses_tombstone = SlotAt(map, probe.slot) == kDeletedSlot;
      if (reuses_tombstone || map->used + map->tombstones < map->capacity) {
        if (reuses_tombstone) --map->tombstones;
        NoteNewKey(key);
        map->key_filter |= FilterBitsFor(key);
        MapEntry* entry = &map->entries[map->filled];
        entry->key = key;
        entry->value = kNull;
        SetSlot(map, probe.slot, static_cast<uint32_t>(++map->filled));
        ++map->used;
        *added = true;
        return entry;
      }
    }
    Rebuild(map);
    absent = false;  // Rebuild hashed the keys, which may run Python code
  }
}

// MapFindOrAdd past the lookup hint.
[[gnu::noinline]] MapEntry* FindOrAddPastHint(Map* map, Value key, bool* added) {
  bool absent = false;  // known absent: the probe only looks for a free slot
  if (IsQstr(key) && map->used != 0) {
    MapEntry* entry = FindQstr(map, key, &absent);
    if (entry) {
      *added = false;
      return entry;
    }
  }
  MapEntry* entry = FindOrAddUnhinted(map, key, absent, added);
  return IsQstr(key) || *added ? entry : RememberEntry(map, key, entry);
}

}  // namespace

// The hint first, in code that needs no frame: `d[k] = d.get(k, 0) + 1`
// stores to the entry its get found.
MapEntry* MapFindOrAdd(Map* map, Value key, bool* added) {
  if (!IsQstr(key)) {
    if (MapEntry* hinted = HintedEntry(map, key)) {
      *added = false;
      return hinted;
    }
  }
  return FindOrAddPastHint(map, key, added);
}

void MapStore(Map* map, Value key, Value value) {
  bool added;
  MapFindOrAdd(map, key, &added)->value = value;
}

Value MapRemove(Map* map, Value key) {
  if (map->used == 0) return kNull;
  Probe probe = ProbeFor(map, key, Hash(key));
  if (!probe.found) return kNull;
  return RemoveAtSlot(map, probe.slot);
}

namespace {

// Removes the live entry at `position` into `*out`; false when the key's
// __hash__ changed the map, which the caller must then look at again.
bool RemoveEntryAt(Map* map, size_t position, MapEntry* out) {
  Value key = map->entries[position].key;
  size_t filled = map->filled;
  SignedWord hash = Hash(key);
  if (map->filled != filled || map->entries[position].key != key) return false;
  size_t slot = FirstSlot(hash, map->index_size);
  while (SlotAt(map, slot) != position + 1) slot = NextSlot(slot, map->index_size);
  out->key = key;
  out->value = RemoveAtSlot(map, slot);
  return true;
}

}  // namespace

bool MapPopLast(Map* map, MapEntry* out) {
  for (;;) {
    if (map->used == 0) return false;
    if (RemoveEntryAt(map, map->filled - 1, out)) return true;  // live: see TrimDeletedTail
  }
}

bool MapPopFirst(Map* map, MapEntry* out) {
  for (;;) {
    if (map->used == 0) return false;
    size_t position = 0;
    while (map->entries[position].key == kNull) ++position;
    if (!RemoveEntryAt(map, position, out)) continue;
    // Deleted entries lead the array: once they outnumber the live ones the
    // map drops them, so that popping it empty is linear.
    if (position >= 8 && position >= map->used) Rebuild(map);
    return true;
  }
}

void MapClear(Map* map) { MapInit(map, 0); }

void MapReserve(Map* map, size_t more) {
  if (more > kMaxReservedItems) more = kMaxReservedItems;
  if (map->capacity - map->filled >= more) return;
  RebuildTo(map, map->used + more);
}

void MapCopy(Map* dest, const Map* src) {
  Map copy;
  MapInit(&copy, src->used);
  size_t position = 0;
  while (MapEntry* entry = MapNext(src, &position)) copy.entries[copy.filled++] = *entry;
  copy.used = copy.filled;
  copy.key_filter = src->key_filter;
  if (copy.index_size) IndexEntries(copy.entries, copy.filled, copy.index, copy.index_size);
  *dest = copy;
}

Word MapQstrFilterBits(Value key) { return QstrFilterBits(key); }

constinit bool g_map_saw_attribute_hook_key = false;  // (map.h) not a GC value

MapEntry* MapNext(const Map* map, size_t* position) {
  while (*position < map->filled) {
    MapEntry* entry = &map->entries[(*position)++];
    if (entry->key != kNull) return entry;
  }
  return nullptr;
}

}  // namespace taipan::rt
