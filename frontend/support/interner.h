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

  InternId Intern(std::string_view text) {
    if ((views_.size() + 1) * 2 > slots_.size()) Grow();
    uint64_t hash = Hash(text);
    size_t slot = Probe(text, hash);
    if (slots_[slot] != 0) return slots_[slot] - 1;
    InternId id = static_cast<InternId>(views_.size());
    views_.push_back(Store(text));
    hashes_.push_back(hash);
    slots_[slot] = id + 1;
    return id;
  }

  InternId Find(std::string_view text) const {
    if (slots_.empty()) return kNotFound;
    size_t slot = Probe(text, Hash(text));
    return slots_[slot] == 0 ? kNotFound : slots_[slot] - 1;
  }

  std::string_view Get(InternId id) const { return views_[id]; }
  size_t size() const { return views_.size(); }

 private:
  // Eight bytes at a time, each mixed in with a multiply and a shift.
  static uint64_t Hash(std::string_view text) {
    const char* p = text.data();
    size_t n = text.size();
    uint64_t hash = n * 0x9E3779B97F4A7C15ull;
    for (; n >= 8; p += 8, n -= 8) {
      uint64_t word;
      std::memcpy(&word, p, 8);
      hash = (hash ^ word) * 0xff51afd7ed558ccdull;
      hash ^= hash >> 32;
    }
    uint64_t tail = 0;
    std::memcpy(&tail, p, n);
    hash = (hash ^ tail) * 0xc4ceb9fe1a85ec53ull;
    return hash ^ (hash >> 29);
  }

  // The slot holding `text`, or the empty slot where it would go.
  size_t Probe(std::string_view text, uint64_t hash) const {
    size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      uint32_t entry = slots_[i];
      if (entry == 0 || (hashes_[entry - 1] == hash && views_[entry - 1] == text)) return i;
    }
  }

  void Grow() {
    std::vector<uint32_t> slots(slots_.empty() ? 256 : slots_.size() * 2, 0);
    size_t mask = slots.size() - 1;
    for (uint32_t id = 0; id < views_.size(); ++id) {
      size_t i = hashes_[id] & mask;
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
  std::vector<std::string_view> views_;
  std::vector<uint64_t> hashes_;
  std::vector<uint32_t> slots_;  // id + 1; 0 is empty
};

}  // namespace taipan

#endif  // TAIPAN_FRONTEND_SUPPORT_INTERNER_H
