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

// Shows undecodable bytes and control characters visibly, one cell each.
std::string PrintableLine(std::string_view line) {
  std::string out;
  for (unsigned char c : line) {
    if (c < 0x20 && c != '\t') {
      out += '?';
    } else {
      out += static_cast<char>(c);
    }
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
