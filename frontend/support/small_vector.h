// A vector that keeps its first N elements inline, for the short lists the
// parser builds by the thousand (a call's arguments, a block's statements).
#ifndef TAIPAN_FRONTEND_SUPPORT_SMALL_VECTOR_H
#define TAIPAN_FRONTEND_SUPPORT_SMALL_VECTOR_H

#include <cstddef>
#include <cstring>
#include <initializer_list>
#include <type_traits>
#include <vector>

namespace taipan {

// Only for trivially copyable T (ids and indices).
template <typename T, size_t N>
class SmallVector {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  SmallVector() = default;
  SmallVector(std::initializer_list<T> items) {
    for (const T& item : items) push_back(item);
  }
  SmallVector(const SmallVector& other) { *this = other; }
  SmallVector& operator=(const SmallVector& other) {
    if (this == &other) return *this;
    clear();
    for (const T& item : other) push_back(item);
    return *this;
  }
  SmallVector(SmallVector&& other) noexcept { *this = std::move(other); }
  SmallVector& operator=(SmallVector&& other) noexcept {
    if (this == &other) return *this;
    size_ = other.size_;
    heap_ = std::move(other.heap_);
    if (size_ <= N && heap_.empty()) std::memcpy(inline_, other.inline_, size_ * sizeof(T));
    other.size_ = 0;
    other.heap_.clear();
    return *this;
  }

  void push_back(const T& value) {
    if (size_ < N && heap_.empty()) {
      inline_[size_++] = value;
      return;
    }
    if (heap_.empty()) heap_.assign(inline_, inline_ + size_);
    heap_.push_back(value);
    ++size_;
  }
  void clear() {
    size_ = 0;
    heap_.clear();
  }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T* data() { return heap_.empty() ? inline_ : heap_.data(); }
  const T* data() const { return heap_.empty() ? inline_ : heap_.data(); }
  T* begin() { return data(); }
  T* end() { return data() + size_; }
  const T* begin() const { return data(); }
  const T* end() const { return data() + size_; }
  T& operator[](size_t i) { return data()[i]; }
  const T& operator[](size_t i) const { return data()[i]; }
  T& front() { return data()[0]; }
  T& back() { return data()[size_ - 1]; }

 private:
  size_t size_ = 0;
  T inline_[N];
  std::vector<T> heap_;  // all elements, once there are more than N
};

}  // namespace taipan

#endif  // TAIPAN_FRONTEND_SUPPORT_SMALL_VECTOR_H
