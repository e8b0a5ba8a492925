// Diagnostics: what a phase reports, and the clang-style text shown for it.
//
// Phases record into a Diagnostics list and stop at the first error; the
// driver prints the list. Nothing here prints by itself, so the frontend can
// run where there is no terminal.
#ifndef TAIPAN_FRONTEND_DIAG_DIAGNOSTICS_H
#define TAIPAN_FRONTEND_DIAG_DIAGNOSTICS_H

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/diag/source_buffer.h"

namespace taipan {

enum class DiagKind : uint16_t {
#define DIAG(Name, kind, format) Name,
#include "frontend/diag/diagnostic_kind.def"
};

// The bracketed name of a kind, e.g. "invalid-syntax".
std::string_view DiagKindName(DiagKind kind);
std::string_view DiagKindFormat(DiagKind kind);

struct Diagnostic {
  DiagKind kind;
  uint32_t offset;  // where in the SourceBuffer the caret goes
  std::string message;
};

class Diagnostics {
 public:
  // Records an error unless one is already recorded: the first error stops
  // compilation, so later ones would only be consequences of it.
  void Error(DiagKind kind, uint32_t offset, std::initializer_list<std::string_view> args = {});

  // Records an already formatted diagnostic, with the same rule.
  void Report(Diagnostic diag) {
    if (!has_error()) list_.push_back(std::move(diag));
  }

  bool has_error() const { return !list_.empty(); }
  const std::vector<Diagnostic>& list() const { return list_; }

 private:
  std::vector<Diagnostic> list_;
};

// Substitutes {0}, {1}, ... in a kind's format.
std::string FormatMessage(std::string_view format, std::initializer_list<std::string_view> args);

// "file:line:col: error: message [kind]", the source line and a caret line,
// each ending in '\n'. With color, ANSI escapes as clang uses them.
std::string RenderDiagnostic(const SourceBuffer& source, const Diagnostic& diag, bool color);

}  // namespace taipan

#endif  // TAIPAN_FRONTEND_DIAG_DIAGNOSTICS_H
