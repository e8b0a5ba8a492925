#include "frontend/diag/source_buffer.h"

#include <algorithm>
#include <cstring>

namespace taipan {

SourceBuffer::SourceBuffer(std::string filename, std::string text)
    : filename_(std::move(filename)), text_(std::move(text)) {}

const std::vector<uint32_t>& SourceBuffer::LineStarts() const {
  if (!line_starts_.empty()) return line_starts_;
  line_starts_.push_back(0);
  const char* begin = text_.data();
  const char* end = begin + text_.size();
  for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '\n', end - p))); ++p) {
    line_starts_.push_back(static_cast<uint32_t>(p - begin + 1));
  }
  return line_starts_;
}

uint32_t SourceBuffer::LineOf(uint32_t offset) const {
  const std::vector<uint32_t>& starts = LineStarts();
  auto it = std::upper_bound(starts.begin(), starts.end(), offset);
  return static_cast<uint32_t>(it - starts.begin());
}

LineCol SourceBuffer::Locate(uint32_t offset) const {
  offset = std::min(offset, size());
  uint32_t line = LineOf(offset);
  uint32_t column = 1;
  for (uint32_t i = LineStarts()[line - 1]; i < offset; ++i) {
    // Count code points: every byte but UTF-8 continuation bytes.
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  }
  return {line, column};
}

std::string_view SourceBuffer::LineText(uint32_t line) const {
  const std::vector<uint32_t>& starts = LineStarts();
  if (line == 0 || line > starts.size()) return {};
  uint32_t begin = starts[line - 1];
  uint32_t end = line < starts.size() ? starts[line] - 1 : size();
  return std::string_view(text_).substr(begin, end - begin);
}

}  // namespace taipan
