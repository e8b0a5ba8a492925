// --emit=tokens: one token per line, "line:col-line:col Kind value".
#include <string>

#include "frontend/lex/lex.h"

namespace taipan {

std::string DumpTokens(const TokenizedBuffer& tokens, const SourceBuffer& source) {
  std::string out;
  for (const Token& token : tokens.tokens) {
    LineCol begin = source.Locate(token.begin);
    LineCol end = source.Locate(token.end);
    out += std::to_string(begin.line) + ':' + std::to_string(begin.column) + '-' + std::to_string(end.line) +
           ':' + std::to_string(end.column) + ' ';
    out += TokenKindName(token.kind);
    switch (token.kind) {
      case TokenKind::Name:
        out += " '";
        out += tokens.names.Get(token.value);
        out += '\'';
        break;
      case TokenKind::Number:
      case TokenKind::String:
      case TokenKind::FStringMiddle: {
        if (token.flags & kTokenDeferredError) {
          out += " <error: " + tokens.deferred[token.value].message + ">";
          break;
        }
        const Literal& literal = tokens.literals[token.value];
        constexpr std::string_view kKinds[] = {"int", "float", "imaginary", "str", "bytes"};
        out += ' ';
        out += kKinds[static_cast<int>(literal.kind)];
        out += ' ';
        // The source spelling is unambiguous and readable; the decoded value
        // is what --emit=ast shows.
        out += source.text().substr(token.begin, token.end - token.begin);
        break;
      }
      case TokenKind::FStringConversion:
        out += " !";
        out += static_cast<char>(token.value);
        break;
      default:
        break;
    }
    out += '\n';
  }
  return out;
}

}  // namespace taipan
