#include "runtime/qstr.h"

#include "runtime/gc.h"

namespace taipan::rt {

namespace {

// A pool of strings interned at run time. Pools are GC allocations; the
// newest is reachable from a registered root and each reaches the previous
// one, so the whole chain (and the string bytes, referenced from entries)
// stays alive. The string bytes live in no-scan allocations.
struct QstrPool {
  QstrPool* previous;
  Qstr first_id;
  size_t capacity;
  size_t count;
  QstrEntry entries[1];  // `capacity` of them
};

constexpr size_t kFirstPoolCapacity = 16;
constexpr size_t kMaxQstrLength = 0xFFFF;

// Constant-initialised: no global constructor runs before the GC is set up.
QstrPool* g_last_pool = nullptr;
bool g_root_registered = false;

bool Equal(const QstrEntry& entry, uint16_t hash, const char* data, size_t length) {
  return entry.hash == hash && entry.length == length && __builtin_memcmp(entry.data, data, length) == 0;
}

const QstrEntry* EntryOf(Qstr q) {
  if (q < kStaticQstrCount) return &kStaticQstrs[q];
  for (QstrPool* pool = g_last_pool; pool; pool = pool->previous) {
    if (q >= pool->first_id && q < pool->first_id + pool->count) return &pool->entries[q - pool->first_id];
  }
  return nullptr;
}

QstrPool* NewPool(size_t capacity) {
  size_t bytes = sizeof(QstrPool) + (capacity - 1) * sizeof(QstrEntry);
  auto* pool = static_cast<QstrPool*>(gc_alloc(bytes, 0));
  if (!pool) return nullptr;
  pool->previous = g_last_pool;
  pool->first_id = g_last_pool ? g_last_pool->first_id + g_last_pool->count : kStaticQstrCount;
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
  uint16_t hash = QstrHash(data, length);
  for (Qstr q = 1; q < kStaticQstrCount; ++q) {
    if (Equal(kStaticQstrs[q], hash, data, length)) return q;
  }
  for (QstrPool* pool = g_last_pool; pool; pool = pool->previous) {
    for (size_t i = 0; i < pool->count; ++i) {
      if (Equal(pool->entries[i], hash, data, length)) return pool->first_id + i;
    }
  }
  return kNoQstr;
}

Qstr QstrIntern(const char* data, size_t length) {
  Qstr found = QstrFind(data, length);
  if (found != kNoQstr) return found;
  if (length > kMaxQstrLength) return kNoQstr;
  if (!g_root_registered) {
    if (!gc_add_root(reinterpret_cast<void**>(&g_last_pool), 1)) return kNoQstr;
    g_root_registered = true;
  }
  if (!g_last_pool || g_last_pool->count == g_last_pool->capacity) {
    size_t capacity = g_last_pool ? g_last_pool->capacity * 2 : kFirstPoolCapacity;
    QstrPool* pool = NewPool(capacity);
    if (!pool) return kNoQstr;
    g_last_pool = pool;
  }
  auto* copy = static_cast<char*>(gc_alloc(length + 1, kGcNoScan));
  if (!copy) return kNoQstr;
  __builtin_memcpy(copy, data, length);
  copy[length] = '\0';
  QstrEntry& entry = g_last_pool->entries[g_last_pool->count];
  entry = {QstrHash(data, length), static_cast<uint16_t>(length), copy};
  return g_last_pool->first_id + g_last_pool->count++;
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

size_t QstrCount() { return g_last_pool ? g_last_pool->first_id + g_last_pool->count : kStaticQstrCount; }

void QstrResetPools() {
  g_last_pool = nullptr;
  g_root_registered = false;  // gc_init forgets every root too
}

}  // namespace taipan::rt
