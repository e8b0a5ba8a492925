#include "frontend/diag/diagnostics.h"

namespace taipan {

namespace {

struct KindInfo {
  std::string_view name;
  std::string_view format;
};

constexpr KindInfo kKindInfo[] = {
#define DIAG(Name, kind, format) {kind, format},
#include "frontend/diag/diagnostic_kind.def"
};

// The caret line mirrors the source line's tabs so the caret lines up under
// the character whatever the terminal's tab width is.
std::string CaretLine(std::string_view line, uint32_t column) {
  std::string caret;
  uint32_t seen = 1;
  for (size_t i = 0; i < line.size() && seen < column; ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;  // UTF-8 continuation byte
    caret += c == '\t' ? '\t' : ' ';
    ++seen;
  }
  // Columns past the end of the line (end of file, a newline) still get a caret.
  for (; seen < column; ++seen) caret += ' ';
  caret += '^';
  return caret;
}

// The length of the valid UTF-8 sequence at line[i], or 0.
size_t Utf8SequenceLength(std::string_view line, size_t i) {
  unsigned char c = static_cast<unsigned char>(line[i]);
  size_t length = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
  if (length == 0 || i + length > line.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((static_cast<unsigned char>(line[i + k]) & 0xC0) != 0x80) return 0;
  }
  return length;
}

// Shows invalid UTF-8 and control characters as '?', one cell each, so the
// terminal shows the line and the caret stays aligned.
std::string PrintableLine(std::string_view line) {
  std::string out;
  for (size_t i = 0; i < line.size();) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if (c >= 0x80) {
      size_t length = Utf8SequenceLength(line, i);
      if (length == 0) {
        out += '?';
        ++i;
      } else {
        out.append(line.substr(i, length));
        i += length;
      }
      continue;
    }
    out += (c < 0x20 && c != '\t') || c == 0x7F ? '?' : static_cast<char>(c);
    ++i;
  }
  return out;
}

}  // namespace

std::string_view DiagKindName(DiagKind kind) { return kKindInfo[static_cast<int>(kind)].name; }
std::string_view DiagKindFormat(DiagKind kind) { return kKindInfo[static_cast<int>(kind)].format; }

std::string FormatMessage(std::string_view format, std::initializer_list<std::string_view> args) {
  std::string out;
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] == '{' && i + 2 < format.size() && format[i + 2] == '}' && format[i + 1] >= '0' &&
        format[i + 1] <= '9') {
      size_t index = static_cast<size_t>(format[i + 1] - '0');
      if (index < args.size()) out += args.begin()[index];
      i += 2;
      continue;
    }
    out += format[i];
  }
  return out;
}

void Diagnostics::Error(DiagKind kind, uint32_t offset, std::initializer_list<std::string_view> args) {
  if (has_error()) return;
  list_.push_back({kind, offset, FormatMessage(DiagKindFormat(kind), args)});
}

std::string RenderDiagnostic(const SourceBuffer& source, const Diagnostic& diag, bool color) {
  const char* bold = color ? "\033[1m" : "";
  const char* red = color ? "\033[1;31m" : "";
  const char* green = color ? "\033[1;32m" : "";
  const char* reset = color ? "\033[0m" : "";
  LineCol at = source.Locate(diag.offset);
  std::string out;
  out += bold;
  out += source.filename();
  out += ':' + std::to_string(at.line) + ':' + std::to_string(at.column) + ": ";
  out += red;
  out += "error: ";
  out += reset;
  out += bold;
  out += diag.message;
  out += " [";
  out += DiagKindName(diag.kind);
  out += "]";
  out += reset;
  out += '\n';
  std::string_view line = source.LineText(at.line);
  out += PrintableLine(line);
  out += '\n';
  out += green;
  out += CaretLine(line, at.column);
  out += reset;
  out += '\n';
  return out;
}

}  // namespace taipan
