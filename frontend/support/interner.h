// Interned identifiers: each distinct name gets a small dense id.
#ifndef TAIPAN_FRONTEND_SUPPORT_INTERNER_H
#define TAIPAN_FRONTEND_SUPPORT_INTERNER_H

#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace taipan {

using InternId = uint32_t;

// An open-addressing hash table over the names, whose bytes live in
// fixed chunks that never move (so views stay valid when the table grows
// or the interner itself is moved).
class Interner {
 public:
  static constexpr InternId kNotFound = ~0u;

  Interner() = default;
  Interner(Interner&&) = default;
  Interner& operator=(Interner&&) = default;
  Interner(const Interner&) = delete;
  Interner& operator=(const Interner&) = delete;

  InternId Intern(std::string_view text) { return Intern(text, Hash(text)); }

  // With the hash already computed (the lexer computes it while it scans a
  // name; it must equal Hash(text)).
  InternId Intern(std::string_view text, uint64_t hash) {
    if ((entries_.size() + 1) * 2 > slots_.size()) Grow();
    size_t slot = Probe(text, hash);
    if (slots_[slot] != 0) return slots_[slot] - 1;
    InternId id = static_cast<InternId>(entries_.size());
    entries_.push_back({Store(text), hash});
    slots_[slot] = id + 1;
    return id;
  }

  InternId Find(std::string_view text) const {
    if (slots_.empty()) return kNotFound;
    size_t slot = Probe(text, Hash(text));
    return slots_[slot] == 0 ? kNotFound : slots_[slot] - 1;
  }

  // FNV-1a over the bytes, a byte at a time so that a scanner can compute
  // it as it reads: start from kHashSeed and fold each byte with HashByte.
  static constexpr uint64_t kHashSeed = 0xcbf29ce484222325ull;
  static uint64_t HashByte(uint64_t hash, unsigned char c) { return (hash ^ c) * 0x100000001b3ull; }
  static uint64_t Hash(std::string_view text) {
    uint64_t hash = kHashSeed;
    for (unsigned char c : text) hash = HashByte(hash, c);
    return hash;
  }

  std::string_view Get(InternId id) const { return entries_[id].text; }
  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::string_view text;
    uint64_t hash;
  };

  // The slot holding `text`, or the empty slot where it would go.
  size_t Probe(std::string_view text, uint64_t hash) const {
    size_t mask = slots_.size() - 1;
    for (size_t i = (hash ^ (hash >> 29)) & mask;; i = (i + 1) & mask) {
      uint32_t slot = slots_[i];
      if (slot == 0) return i;
      const Entry& entry = entries_[slot - 1];
      if (entry.hash == hash && entry.text.size() == text.size() &&
          std::memcmp(entry.text.data(), text.data(), text.size()) == 0) {
        return i;
      }
    }
  }

  void Grow() {
    std::vector<uint32_t> slots(slots_.empty() ? 256 : slots_.size() * 2, 0);
    size_t mask = slots.size() - 1;
    for (uint32_t id = 0; id < entries_.size(); ++id) {
      uint64_t hash = entries_[id].hash;
      size_t i = (hash ^ (hash >> 29)) & mask;
      while (slots[i] != 0) i = (i + 1) & mask;
      slots[i] = id + 1;
    }
    slots_ = std::move(slots);
  }

  std::string_view Store(std::string_view text) {
    constexpr size_t kChunkSize = 16 * 1024;
    if (text.size() > kChunkSize / 4) {
      chunks_.push_back(std::make_unique<char[]>(text.size()));
      std::memcpy(chunks_.back().get(), text.data(), text.size());
      return {chunks_.back().get(), text.size()};
    }
    if (chunks_.empty() || chunk_used_ + text.size() > kChunkSize) {
      chunks_.push_back(std::make_unique<char[]>(kChunkSize));
      chunk_used_ = 0;
      current_chunk_ = chunks_.back().get();
    }
    char* at = current_chunk_ + chunk_used_;
    std::memcpy(at, text.data(), text.size());
    chunk_used_ += text.size();
    return {at, text.size()};
  }

  std::vector<std::unique_ptr<char[]>> chunks_;
  char* current_chunk_ = nullptr;
  size_t chunk_used_ = 0;
  std::vector<Entry> entries_;
  std::vector<uint32_t> slots_;  // id + 1; 0 is empty
};

}  // namespace taipan

#endif  // TAIPAN_FRONTEND_SUPPORT_INTERNER_H
