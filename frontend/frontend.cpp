#include "frontend/frontend.h"

namespace taipan {

namespace {

// CPython's tokenizer raises some errors itself; others it only flags, and
// its parser turns them into errors later (indentation, a bad backslash, an
// unknown character such as '$'). Errors in string and f-string contents
// come from its parser too.
bool IsRaisingTokenizerError(const SourceBuffer& source, const Diagnostic& diag) {
  switch (diag.kind) {
    case DiagKind::InvalidUtf8:
    case DiagKind::InvalidCharacter:
    case DiagKind::NonPrintableCharacter:
    case DiagKind::UnterminatedString:
    case DiagKind::UnterminatedTripleString:
    case DiagKind::InvalidNumber:
    case DiagKind::InvalidDigit:
    case DiagKind::LeadingZeros:
    case DiagKind::UnmatchedBracket:
    case DiagKind::MismatchedBracket:
      return true;
    case DiagKind::TooDeeplyNested: {
      char at = diag.offset < source.size() ? source.text()[diag.offset] : '\0';
      return at == '(' || at == '[' || at == '{';  // too many brackets, not indentation
    }
    default:
      return false;
  }
}

// Which of a lexer error and the errors in the tokens before it CPython
// reports. CPython tokenizes on demand: a parse error before the bad token
// comes first, but then CPython tokenizes the rest of the file and a
// tokenizer error that raises replaces it, as does a bracket left open
// since before the parse error's line.
Diagnostics FirstErrorInFile(const SourceBuffer& source, TokenizedBuffer partial, Diagnostics lex_diags) {
  Diagnostics parse_diags;
  Parse(std::move(partial), source, parse_diags);
  const Diagnostic& lex = lex_diags.list().front();
  if (!parse_diags.has_error() || parse_diags.list().front().offset >= lex.offset) return lex_diags;
  // An unexpected indent is final: CPython does not look further then.
  if (parse_diags.list().front().kind == DiagKind::UnexpectedIndent) return parse_diags;
  if (IsRaisingTokenizerError(source, lex)) return lex_diags;
  bool bracket_open_before = lex.kind == DiagKind::UnclosedBracket &&
                             source.LineOf(lex.offset) < source.LineOf(parse_diags.list().front().offset);
  return bracket_open_before ? lex_diags : parse_diags;
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
