// The lexer's output: a flat token array plus the values tokens refer to.
#ifndef TAIPAN_FRONTEND_LEX_TOKENS_H
#define TAIPAN_FRONTEND_LEX_TOKENS_H

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/diag/diagnostics.h"
#include "frontend/support/interner.h"

namespace taipan {

enum class TokenKind : uint8_t {
#define TOKEN(Name, text) Name,
#include "frontend/lex/token_kind.def"
};

// "'('" for punctuation and keywords, a description for the others.
std::string_view TokenKindText(TokenKind kind);
std::string_view TokenKindName(TokenKind kind);
bool IsKeyword(TokenKind kind);

enum class LiteralKind : uint8_t {
  Int,        // text: decimal digits, or 0x/0o/0b prefix and digits; no '_'
  Float,      // text: as written, without '_'
  Imaginary,  // text: the number before 'j', without '_'
  Str,        // text: decoded UTF-8
  Bytes,      // text: the bytes
};

struct Literal {
  LiteralKind kind;
  std::string text;
};

// 16 bytes. `value` is an InternId for Name tokens, an index into
// TokenizedBuffer::literals for Number, String and FStringMiddle tokens, and
// the conversion character for FStringConversion.
struct Token {
  TokenKind kind;
  uint8_t flags = 0;
  uint32_t begin;  // byte offsets into the SourceBuffer
  uint32_t end;
  uint32_t value = 0;
};

// Token flags.
constexpr uint8_t kTokenUnicodePrefix = 1;  // u'' strings (CPython's Constant.kind == 'u')
// A String token standing for a whole literal (f-strings included) whose
// contents are in error; `value` indexes TokenizedBuffer::deferred.
constexpr uint8_t kTokenDeferredError = 2;

struct TokenizedBuffer {
  std::vector<Token> tokens;
  std::vector<Literal> literals;
  std::vector<Diagnostic> deferred;  // errors inside literals, reported by the parser
  Interner names;
};

}  // namespace taipan

#endif  // TAIPAN_FRONTEND_LEX_TOKENS_H
