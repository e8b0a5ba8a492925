// A source file's text and its line table: how offsets become line:col.
#ifndef TAIPAN_FRONTEND_DIAG_SOURCE_BUFFER_H
#define TAIPAN_FRONTEND_DIAG_SOURCE_BUFFER_H

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace taipan {

// 1-based line and column. Columns count Unicode code points, as CPython's
// SyntaxError.offset does, so a caret lands under the right character.
struct LineCol {
  uint32_t line;
  uint32_t column;
};

// Owns the text the lexer reads (UTF-8 with normalised '\n' line ends once
// decoded; the raw bytes when decoding failed, so that the failure can still
// be shown in context).
class SourceBuffer {
 public:
  SourceBuffer(std::string filename, std::string text);

  std::string_view filename() const { return filename_; }
  std::string_view text() const { return text_; }
  uint32_t size() const { return static_cast<uint32_t>(text_.size()); }

  LineCol Locate(uint32_t offset) const;
  uint32_t LineOf(uint32_t offset) const;
  // The text of a 1-based line, without its '\n'.
  std::string_view LineText(uint32_t line) const;

 private:
  // Built on first use: only diagnostics and dumps need line numbers.
  const std::vector<uint32_t>& LineStarts() const;

  std::string filename_;
  std::string text_;
  mutable std::vector<uint32_t> line_starts_;
};

}  // namespace taipan

#endif  // TAIPAN_FRONTEND_DIAG_SOURCE_BUFFER_H
