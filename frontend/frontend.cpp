#include "frontend/frontend.h"

namespace taipan {

namespace {

// CPython tokenizes on demand, so a syntax error before a bad token is the
// error it reports. Our lexer runs first over the whole file; when it fails,
// the tokens it made are parsed too, and a parse error that comes earlier in
// the file than the lexer's wins.
Diagnostics FirstErrorInFile(const SourceBuffer& source, TokenizedBuffer partial, Diagnostics lex_diags) {
  Diagnostics parse_diags;
  Parse(std::move(partial), source, parse_diags);
  if (parse_diags.has_error() && parse_diags.list().front().offset < lex_diags.list().front().offset) {
    return parse_diags;
  }
  return lex_diags;
}

}  // namespace

FrontendResult RunFrontend(std::string filename, std::string_view bytes, FrontendStage last) {
  Diagnostics diags;
  SourceBuffer source = DecodeSource(std::move(filename), bytes, diags);
  FrontendResult result{std::move(source), {}, {}, {}, {}};
  if (diags.has_error()) {
    result.diags = std::move(diags);
    return result;
  }
  TokenizedBuffer tokens = Lex(result.source, diags);
  if (diags.has_error()) {
    result.diags = FirstErrorInFile(result.source, std::move(tokens), std::move(diags));
    return result;
  }
  if (last == FrontendStage::Tokens) {
    result.tokens = std::move(tokens);
    return result;
  }
  result.ast = Parse(std::move(tokens), result.source, result.diags);
  if (!result.ok() || last == FrontendStage::Ast) return result;
  result.scopes = Resolve(result.ast, result.source, result.diags);
  return result;
}

}  // namespace taipan
