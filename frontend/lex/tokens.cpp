#include "frontend/lex/tokens.h"

namespace taipan {

namespace {

struct TokenInfo {
  std::string_view name;
  std::string_view text;
  bool keyword;
};

constexpr TokenInfo kTokenInfo[] = {
#define TOKEN(Name, text) {#Name, text, false},
#define PUNCT(Name, text) {#Name, "'" text "'", false},
#define KEYWORD(Name, text) {#Name, "'" text "'", true},
#include "frontend/lex/token_kind.def"
};

}  // namespace

std::string_view TokenKindText(TokenKind kind) { return kTokenInfo[static_cast<int>(kind)].text; }
std::string_view TokenKindName(TokenKind kind) { return kTokenInfo[static_cast<int>(kind)].name; }
bool IsKeyword(TokenKind kind) { return kTokenInfo[static_cast<int>(kind)].keyword; }

}  // namespace taipan
