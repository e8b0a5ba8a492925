// Phase entry: tokens -> AST.
#ifndef TAIPAN_FRONTEND_PARSE_PARSE_H
#define TAIPAN_FRONTEND_PARSE_PARSE_H

#include <string>

#include "frontend/diag/diagnostics.h"
#include "frontend/diag/source_buffer.h"
#include "frontend/lex/tokens.h"
#include "frontend/parse/ast.h"

namespace taipan {

// Parses a module: everything CPython 3.11 accepts. Stops at the first error
// (diags.has_error()); the AST is then incomplete and must not be used.
// Takes the token buffer's names and literals into the AST.
Ast Parse(TokenizedBuffer tokens, const SourceBuffer& source, Diagnostics& diags);

// A stable text form of the tree for tests (--emit=ast).
std::string DumpAst(const Ast& ast, const SourceBuffer& source);

// The deepest subtree the parser builds. Later phases walk the tree
// recursively; this bound keeps them within the stack.
constexpr uint16_t kMaxAstDepth = 3000;

}  // namespace taipan

#endif  // TAIPAN_FRONTEND_PARSE_PARSE_H
