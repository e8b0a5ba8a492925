// The whole portable front in one call: bytes -> tokens -> AST -> scopes.
// Used by the driver and the fuzzer; each phase's own entry header is in its
// directory (lex/lex.h, parse/parse.h, resolve/resolve.h).
#ifndef TAIPAN_FRONTEND_FRONTEND_H
#define TAIPAN_FRONTEND_FRONTEND_H

#include <string>
#include <string_view>

#include "frontend/diag/diagnostics.h"
#include "frontend/diag/source_buffer.h"
#include "frontend/lex/lex.h"
#include "frontend/parse/parse.h"
#include "frontend/resolve/resolve.h"

namespace taipan {

enum class FrontendStage { Tokens, Ast, Scopes };

struct FrontendResult {
  SourceBuffer source;
  TokenizedBuffer tokens;  // only when stopping at FrontendStage::Tokens
  Ast ast;
  ScopeTable scopes;
  Diagnostics diags;

  bool ok() const { return !diags.has_error(); }
};

// Runs the phases up to `last`, stopping at the first error.
FrontendResult RunFrontend(std::string filename, std::string_view bytes, FrontendStage last = FrontendStage::Scopes);

}  // namespace taipan

#endif  // TAIPAN_FRONTEND_FRONTEND_H
