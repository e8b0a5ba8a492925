// Interned identifiers: each distinct name gets a small dense id.
#ifndef TAIPAN_FRONTEND_SUPPORT_INTERNER_H
#define TAIPAN_FRONTEND_SUPPORT_INTERNER_H

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace taipan {

using InternId = uint32_t;

class Interner {
 public:
  Interner() = default;
  Interner(Interner&&) = default;
  Interner& operator=(Interner&&) = default;
  // Copying would leave the copy's views pointing into the original.
  Interner(const Interner&) = delete;
  Interner& operator=(const Interner&) = delete;

  InternId Intern(std::string_view text) {
    auto it = ids_.find(text);
    if (it != ids_.end()) return it->second;
    // A deque never moves its elements, so views into them stay valid.
    const std::string& stored = storage_.emplace_back(text);
    InternId id = static_cast<InternId>(views_.size());
    views_.push_back(stored);
    ids_.emplace(views_.back(), id);
    return id;
  }

  // Returns the id of an already interned name, or kNotFound.
  static constexpr InternId kNotFound = ~0u;
  InternId Find(std::string_view text) const {
    auto it = ids_.find(text);
    return it == ids_.end() ? kNotFound : it->second;
  }

  std::string_view Get(InternId id) const { return views_[id]; }
  size_t size() const { return views_.size(); }

 private:
  std::deque<std::string> storage_;
  std::vector<std::string_view> views_;
  std::unordered_map<std::string_view, InternId> ids_;
};

}  // namespace taipan

#endif  // TAIPAN_FRONTEND_SUPPORT_INTERNER_H
