#include "runtime/qstr.h"

#include "runtime/gc.h"

namespace taipan::rt {

namespace {

// A pool of strings interned at run time. Pools are GC allocations, all
// reachable from a registered root (g_roots.pools; each also reaches the
// previous one), so they and the string bytes they reference stay alive.
// The string bytes live in no-scan allocations.
struct QstrPool {
  QstrPool* previous;
  Qstr first_id;
  size_t capacity;
  size_t count;
  QstrEntry entries[1];  // `capacity` of them
};

constexpr size_t kFirstPoolCapacity = 16;
constexpr size_t kMaxQstrLength = 0xFFFF;

// The run-time qstrs by hash, so finding one does not walk every pool: open
// addressing with linear probing over a power-of-two number of slots, at
// most half of them used. A slot repeats its qstr's hash and length, so a
// probe compares bytes only when both match. Ids are not pointers: the
// table is a no-scan allocation, reachable from g_roots.
struct QstrIndexSlot {
  uint32_t id;  // 0: empty
  uint16_t hash;
  uint16_t length;
};
struct QstrIndex {
  size_t size;  // slots, a power of two
  QstrIndexSlot slots[1];  // `size` of them
};

constexpr size_t kFirstIndexSize = 64;

// Pool k holds kFirstPoolCapacity << k qstrs (a new pool is made only when
// the last one is full), so a qstr's pool follows from its id alone.
// Up to 16 * (2**32 - 1) run-time qstrs (16 * (2**16 - 1), about a
// million, on 32-bit targets).
constexpr size_t kMaxPools = sizeof(void*) * 4;

// Constant-initialised: no global constructor runs before the GC is set up.
// The whole struct is registered as one root range.
struct QstrRoots {
  QstrPool* last_pool;
  QstrIndex* index;
  QstrPool* pools[kMaxPools];  // pools[k] for k < g_pool_count
};
QstrRoots g_roots = {};
size_t g_pool_count = 0;
bool g_root_registered = false;

// The ids of the one-character ASCII strings found or interned so far
// (0: not known yet), so the commonest lookups (iterating over a str,
// indexing it, chr) skip the searches. Ids only ever stay valid, so the
// cache needs no invalidation but at QstrResetPools.
uint16_t g_ascii_char_ids[128] = {};

// A quick "certainly not interned" for most text: for each bucket of first
// bytes (the low six bits), which lengths (bit min(length, 31)) the qstrs
// starting there have. The static names' part is constant (flash on a
// board); the run-time qstrs add theirs to a copy in RAM.
constexpr size_t kLengthBuckets = 64;
struct LengthMasks {
  uint32_t bits[kLengthBuckets];
};

constexpr size_t LengthBucket(char first) { return static_cast<unsigned char>(first) & (kLengthBuckets - 1); }
constexpr uint32_t LengthBit(size_t length) { return uint32_t{1} << (length < 31 ? length : 31); }

constexpr LengthMasks MakeStaticLengthMasks() {
  LengthMasks masks{};
  for (Qstr q = 2; q < kStaticQstrCount; ++q)  // ids 0 and 1 have no first byte
    masks.bits[LengthBucket(kStaticQstrs[q].data[0])] |= LengthBit(kStaticQstrs[q].length);
  return masks;
}

constexpr LengthMasks kStaticLengthMasks = MakeStaticLengthMasks();
LengthMasks g_dynamic_length_masks = {};

bool MayBeInterned(const char* data, size_t length) {
  if (length == 0) return true;
  size_t bucket = LengthBucket(data[0]);
  return ((kStaticLengthMasks.bits[bucket] | g_dynamic_length_masks.bits[bucket]) & LengthBit(length)) != 0;
}

// No qstr is longer than this, so longer text is not searched for.
constexpr size_t LongestStaticQstr() {
  size_t longest = 0;
  for (const QstrEntry& entry : kStaticQstrs) longest = entry.length > longest ? entry.length : longest;
  return longest;
}
size_t g_longest_qstr = LongestStaticQstr();

bool IsAsciiChar(const char* data, size_t length) {
  return length == 1 && static_cast<unsigned char>(data[0]) < 0x80;
}

void RememberAsciiChar(const char* data, Qstr q) {
  if (q <= 0xFFFF) g_ascii_char_ids[static_cast<unsigned char>(data[0])] = static_cast<uint16_t>(q);
}

const QstrEntry* EntryOf(Qstr q) {
  if (q < kStaticQstrCount) return &kStaticQstrs[q];
  // Pool k starts at id kStaticQstrCount + kFirstPoolCapacity * (2**k - 1).
  Word r = (q - kStaticQstrCount) / kFirstPoolCapacity + 1;
  size_t k = sizeof(Word) * 8 - 1 - static_cast<size_t>(__builtin_clzg(r));
  if (k >= g_pool_count) return nullptr;
  const QstrPool* pool = g_roots.pools[k];
  size_t i = q - pool->first_id;
  return i < pool->count ? &pool->entries[i] : nullptr;
}

constexpr size_t FirstIndexSlot(uint16_t hash, size_t size) {
  // Fibonacci hashing: spreads the 16-bit hash over any table size.
  uint32_t spread = static_cast<uint32_t>(hash) * 0x9E3779B1u;
  unsigned bits = static_cast<unsigned>(__builtin_ctzg(size));
  return bits == 0 ? 0 : static_cast<size_t>(spread >> (32 - bits));
}

// The static names by hash, built at compile time (constant, in flash on a
// board): open addressing with linear probing, at most half full, so a
// lookup is one hash and about one probe where a binary search over the
// sorted table chased a pointer into the string bytes at every step.
constexpr size_t StaticIndexSize() {
  size_t size = 1;
  while (size < 2 * kStaticQstrCount) size *= 2;
  return size;
}
constexpr size_t kStaticIndexSize = StaticIndexSize();
static_assert(kStaticQstrCount <= 0xFFFF, "static qstr ids are stored in 16 bits");
struct StaticIndex {
  uint16_t ids[kStaticIndexSize];  // 0: empty
};
constexpr StaticIndex MakeStaticIndex() {
  StaticIndex index{};
  for (Qstr q = 1; q < kStaticQstrCount; ++q) {  // id 0 is no string
    size_t slot = FirstIndexSlot(kStaticQstrs[q].hash, kStaticIndexSize);
    while (index.ids[slot] != 0) slot = (slot + 1) & (kStaticIndexSize - 1);
    index.ids[slot] = static_cast<uint16_t>(q);
  }
  return index;
}
constexpr StaticIndex kStaticIndex = MakeStaticIndex();

bool SameBytes(const char* a, const char* b, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

Qstr FindStatic(const char* data, size_t length, uint16_t hash) {
  for (size_t slot = FirstIndexSlot(hash, kStaticIndexSize);; slot = (slot + 1) & (kStaticIndexSize - 1)) {
    Qstr q = kStaticIndex.ids[slot];
    if (q == kNoQstr) return kNoQstr;
    const QstrEntry& entry = kStaticQstrs[q];
    if (entry.hash == hash && entry.length == length && SameBytes(entry.data, data, length)) return q;
  }
}

void IndexInsert(QstrIndex* index, Qstr q, const QstrEntry& entry) {
  size_t mask = index->size - 1;
  size_t slot = FirstIndexSlot(entry.hash, index->size);
  while (index->slots[slot].id != 0) slot = (slot + 1) & mask;
  index->slots[slot] = {static_cast<uint32_t>(q), entry.hash, entry.length};
}

QstrIndex* NewIndex(size_t size) {
  size_t bytes = sizeof(QstrIndex) + (size - 1) * sizeof(QstrIndexSlot);
  auto* index = static_cast<QstrIndex*>(gc_alloc(bytes, kGcNoScan));
  if (!index) return nullptr;
  __builtin_memset(index, 0, bytes);
  index->size = size;
  return index;
}

// Makes room in the index for one more qstr (rebuilding it twice as big
// from the pools when it would be more than half full); false when the heap
// is full.
bool ReserveIndexSlot(size_t dynamic_count) {
  if (g_roots.index && (dynamic_count + 1) * 2 <= g_roots.index->size) return true;
  size_t size = g_roots.index ? g_roots.index->size * 2 : kFirstIndexSize;
  QstrIndex* index = NewIndex(size);
  if (!index) return false;
  for (QstrPool* pool = g_roots.last_pool; pool; pool = pool->previous) {
    for (size_t i = 0; i < pool->count; ++i) IndexInsert(index, pool->first_id + i, pool->entries[i]);
  }
  g_roots.index = index;
  return true;
}

Qstr FindDynamic(const char* data, size_t length, uint16_t hash) {
  const QstrIndex* index = g_roots.index;
  if (!index) return kNoQstr;
  size_t mask = index->size - 1;
  for (size_t slot = FirstIndexSlot(hash, index->size);; slot = (slot + 1) & mask) {
    const QstrIndexSlot& at = index->slots[slot];
    if (at.id == 0) return kNoQstr;
    if (at.hash != hash || at.length != length) continue;
    if (__builtin_memcmp(EntryOf(at.id)->data, data, length) == 0) return at.id;
  }
}

size_t DynamicCount() { return g_roots.last_pool ? g_roots.last_pool->first_id + g_roots.last_pool->count - kStaticQstrCount : 0; }

QstrPool* NewPool(size_t capacity) {
  size_t bytes = sizeof(QstrPool) + (capacity - 1) * sizeof(QstrEntry);
  auto* pool = static_cast<QstrPool*>(gc_alloc(bytes, 0));
  if (!pool) return nullptr;
  pool->previous = g_roots.last_pool;
  pool->first_id = g_roots.last_pool ? g_roots.last_pool->first_id + g_roots.last_pool->count : kStaticQstrCount;
  pool->capacity = capacity;
  pool->count = 0;
  return pool;
}

}  // namespace

uint16_t QstrHash(const char* data, size_t length) {
  uint32_t hash = 0x811C9DC5u;
  for (size_t i = 0; i < length; ++i) hash = (hash ^ static_cast<unsigned char>(data[i])) * 0x01000193u;
  uint16_t folded = static_cast<uint16_t>(hash ^ (hash >> 16));
  return folded ? folded : 1;
}

Qstr QstrFind(const char* data, size_t length) {
  if (length > g_longest_qstr) return kNoQstr;
  bool ascii_char = IsAsciiChar(data, length);
  if (ascii_char && g_ascii_char_ids[static_cast<unsigned char>(data[0])] != 0)
    return g_ascii_char_ids[static_cast<unsigned char>(data[0])];
  if (!MayBeInterned(data, length)) return kNoQstr;
  uint16_t hash = QstrHash(data, length);
  Qstr q = FindStatic(data, length, hash);
  if (q == kNoQstr) q = FindDynamic(data, length, hash);
  if (q != kNoQstr && ascii_char) RememberAsciiChar(data, q);
  return q;
}

Qstr QstrAsciiChar(unsigned char c) {
  Qstr q = g_ascii_char_ids[c & 0x7F];
  if (q != kNoQstr) return q;
  char text = static_cast<char>(c & 0x7F);
  return QstrIntern(&text, 1);
}

Qstr QstrIntern(const char* data, size_t length) {
  Qstr found = QstrFind(data, length);
  if (found != kNoQstr) return found;
  if (length > kMaxQstrLength) return kNoQstr;
  if (!g_root_registered) {
    if (!gc_add_root(reinterpret_cast<void**>(&g_roots), sizeof g_roots / sizeof(void*))) return kNoQstr;
    g_root_registered = true;
  }
  if (!ReserveIndexSlot(DynamicCount())) return kNoQstr;
  if (!g_roots.last_pool || g_roots.last_pool->count == g_roots.last_pool->capacity) {
    if (g_pool_count == kMaxPools) return kNoQstr;
    QstrPool* pool = NewPool(kFirstPoolCapacity << g_pool_count);
    if (!pool) return kNoQstr;
    g_roots.last_pool = pool;
    g_roots.pools[g_pool_count++] = pool;
  }
  auto* copy = static_cast<char*>(gc_alloc(length + 1, kGcNoScan));
  if (!copy) return kNoQstr;
  __builtin_memcpy(copy, data, length);
  copy[length] = '\0';
  QstrEntry& entry = g_roots.last_pool->entries[g_roots.last_pool->count];
  entry = {QstrHash(data, length), static_cast<uint16_t>(length), copy};
  Qstr q = g_roots.last_pool->first_id + g_roots.last_pool->count++;
  IndexInsert(g_roots.index, q, entry);
  if (length != 0) g_dynamic_length_masks.bits[LengthBucket(data[0])] |= LengthBit(length);
  if (IsAsciiChar(data, length)) RememberAsciiChar(data, q);
  if (length > g_longest_qstr) g_longest_qstr = length;
  return q;
}

const char* QstrData(Qstr q, size_t* length) {
  const QstrEntry* entry = EntryOf(q);
  if (!entry) {
    *length = 0;
    return "";
  }
  *length = entry->length;
  return entry->data;
}

uint16_t QstrHashOf(Qstr q) {
  const QstrEntry* entry = EntryOf(q);
  return entry ? entry->hash : 0;
}

size_t QstrCount() { return kStaticQstrCount + DynamicCount(); }

void QstrResetPools() {
  g_roots = {};
  g_pool_count = 0;
  __builtin_memset(g_ascii_char_ids, 0, sizeof g_ascii_char_ids);
  g_dynamic_length_masks = {};
  g_longest_qstr = LongestStaticQstr();
  g_root_registered = false;  // gc_init forgets every root too
}

}  // namespace taipan::rt
