// The cache of `taipan run`: one directory per (sources, options, compiler)
// hash under the cache root, each holding one executable. The cache is kept
// under a size limit by evicting the least recently run entries.
#ifndef TAIPAN_DRIVER_RUN_CACHE_H
#define TAIPAN_DRIVER_RUN_CACHE_H

#include <cstddef>
#include <cstdint>
#include <string>

namespace taipan::driver {

// Cache keys are this many lowercase hex digits; the entries are named by them.
constexpr size_t kRunCacheKeyLength = 32;

// $TAIPAN_CACHE_DIR, else $XDG_CACHE_HOME/taipan, else ~/.cache/taipan;
// empty when none of them is set.
std::string RunCacheRoot();

// The cache's size limit in bytes: $TAIPAN_CACHE_LIMIT (a number of bytes
// with an optional K, M or G suffix, powers of 1024), else 512 MiB. A value
// that is not such a size is reported on stderr and the default is used.
uint64_t RunCacheLimit();

// Marks an entry as just used: eviction goes by the entries' modification
// times.
void MarkRunCacheEntryUsed(const std::string& entry_dir);

// Removes the least recently used entries until the entries' total size is
// at most `limit`. Never removes `keep` (the entry about to run) nor an
// entry with a build in progress (a fresh ".tmp" file; see RunRun). Only
// directories named like cache keys are touched: the root may be a
// directory the user shares with other files.
void EvictRunCache(const std::string& root, const std::string& keep, uint64_t limit, bool verbose);

}  // namespace taipan::driver

#endif  // TAIPAN_DRIVER_RUN_CACHE_H
