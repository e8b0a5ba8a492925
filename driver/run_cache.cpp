// Size limit and least-recently-used eviction of the `taipan run` cache.
#include "driver/run_cache.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <vector>

#include "driver/driver.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace taipan::driver {

namespace {

constexpr uint64_t kDefaultLimit = uint64_t{512} << 20;
// A ".tmp" file younger than this is a build in progress; an older one was
// left by a build that died and no longer protects its entry.
constexpr std::chrono::minutes kBuildGrace{10};

bool IsCacheKey(llvm::StringRef name) {
  return name.size() == kRunCacheKeyLength && llvm::all_of(name, [](char c) { return llvm::isHexDigit(c); });
}

// RunRun builds into EXECUTABLE.tmpPID and renames it when done.
bool IsBuildTemporary(llvm::StringRef name) {
  size_t dot = name.rfind(".tmp");
  if (dot == llvm::StringRef::npos) return false;
  llvm::StringRef pid = name.substr(dot + 4);
  return !pid.empty() && llvm::all_of(pid, [](char c) { return llvm::isDigit(c); });
}

struct Entry {
  std::string path;
  llvm::sys::TimePoint<> last_used;
  uint64_t size = 0;
  bool building = false;
};

// Sums the entry's files (an entry holds files only) and notices a build
// in progress.
void MeasureEntry(Entry& entry, llvm::sys::TimePoint<> now) {
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it(entry.path, ec), end; it != end && !ec; it.increment(ec)) {
    llvm::sys::fs::file_status status;
    if (llvm::sys::fs::status(it->path(), status)) continue;
    entry.size += status.getSize();
    bool temporary = IsBuildTemporary(llvm::sys::path::filename(it->path()));
    if (temporary && now - status.getLastModificationTime() < kBuildGrace) entry.building = true;
  }
}

std::vector<Entry> ListEntries(const std::string& root) {
  std::vector<Entry> entries;
  auto now = std::chrono::system_clock::now();
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it(root, ec), end; it != end && !ec; it.increment(ec)) {
    llvm::sys::fs::file_status status;
    if (!IsCacheKey(llvm::sys::path::filename(it->path()))) continue;
    if (llvm::sys::fs::status(it->path(), status) || !llvm::sys::fs::is_directory(status)) continue;
    Entry entry{it->path(), status.getLastModificationTime()};
    MeasureEntry(entry, now);
    entries.push_back(std::move(entry));
  }
  return entries;
}

bool ParseSize(llvm::StringRef text, uint64_t* size) {
  unsigned shift = 0;
  if (!text.empty()) {
    switch (llvm::toUpper(text.back())) {
      case 'K': shift = 10; break;
      case 'M': shift = 20; break;
      case 'G': shift = 30; break;
      default: break;
    }
    if (shift) text = text.drop_back();
  }
  uint64_t value;
  if (text.empty() || text.getAsInteger(10, value) || value > (~uint64_t{0} >> shift)) return false;
  *size = value << shift;
  return true;
}

}  // namespace

std::string RunCacheRoot() {
  if (const char* dir = std::getenv("TAIPAN_CACHE_DIR"); dir && *dir) return dir;
  if (const char* dir = std::getenv("XDG_CACHE_HOME"); dir && *dir) return JoinPath(dir, "taipan");
  if (const char* home = std::getenv("HOME"); home && *home) return JoinPath(JoinPath(home, ".cache"), "taipan");
  return {};
}

uint64_t RunCacheLimit() {
  const char* text = std::getenv("TAIPAN_CACHE_LIMIT");
  if (!text || !*text) return kDefaultLimit;
  uint64_t limit;
  if (ParseSize(text, &limit)) return limit;
  std::cerr << "taipan run: warning: TAIPAN_CACHE_LIMIT='" << text
            << "' is not a size (bytes, or a number with K, M or G); using 512M\n";
  return kDefaultLimit;
}

void MarkRunCacheEntryUsed(const std::string& entry_dir) {
  ::utimensat(AT_FDCWD, entry_dir.c_str(), nullptr, 0);  // now; a failure only makes eviction less fair
}

void EvictRunCache(const std::string& root, const std::string& keep, uint64_t limit, bool verbose) {
  std::vector<Entry> entries = ListEntries(root);
  uint64_t total = 0;
  for (const Entry& entry : entries) total += entry.size;
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.last_used < b.last_used; });
  for (const Entry& entry : entries) {
    if (total <= limit) break;
    if (entry.building || llvm::sys::path::filename(entry.path) == llvm::sys::path::filename(keep)) continue;
    if (verbose) std::cerr << "taipan: evicting cached " << entry.path << "\n";
    if (!llvm::sys::fs::remove_directories(entry.path)) total -= entry.size;
  }
}

}  // namespace taipan::driver
