// The lexer: CPython 3.11's tokenizer rules, producing a flat token array.
//
// Indentation follows CPython exactly: a tab advances the column to the next
// multiple of 8, and the same line measured with tabs as width 1 (the
// "alternate" column) must order the same way, or it is a TabError. Inside
// brackets, newlines and indentation are not tokens.
//
// An f-string is found the way CPython 3.11 finds it: first its end, as for
// any string, then the replacement fields inside it; each field's expression
// is lexed by the same token loop, so the parser sees structured tokens.
#include "frontend/lex/lex.h"

#include <array>
#include <cstdio>
#include <optional>
#include <string>

#include "frontend/lex/unicode.h"

namespace taipan {

namespace {

constexpr size_t kMaxBracketDepth = 200;   // CPython's MAXLEVEL
constexpr size_t kMaxIndentDepth = 100;    // CPython's MAXINDENT
constexpr int kMaxFStringSpecLevel = 2;    // f'{a:{b:{c}}}' is too deep in 3.11
constexpr int kTabSize = 8;

struct IndentLevel {
  uint32_t column;
  uint32_t alt_column;  // tabs counted as one column
};

struct OpenBracket {
  char c;
  uint32_t offset;
};

struct KeywordEntry {
  std::string_view spelling;
  TokenKind kind;
};

constexpr KeywordEntry kKeywords[] = {
#define KEYWORD(Name, text) {text, TokenKind::Name},
#include "frontend/lex/token_kind.def"
};

// Character classes of ASCII bytes, looked up rather than computed: the
// lexer's inner loops test every byte of every name.
enum CharClass : uint8_t { kIdentStart = 1, kIdentContinue = 2, kBlank = 4 };

constexpr std::array<uint8_t, 256> MakeCharClasses() {
  std::array<uint8_t, 256> table{};
  for (int c = 0; c < 128; ++c) {
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    bool digit = c >= '0' && c <= '9';
    bool blank = c == ' ' || c == '\t' || c == '\f';
    table[c] = static_cast<uint8_t>((letter ? kIdentStart : 0) | (letter || digit ? kIdentContinue : 0) |
                                    (blank ? kBlank : 0));
  }
  return table;
}

constexpr std::array<uint8_t, 256> kCharClasses = MakeCharClasses();

bool IsAsciiIdentStart(unsigned char c) { return kCharClasses[c] & kIdentStart; }
bool IsAsciiIdentContinue(unsigned char c) { return kCharClasses[c] & kIdentContinue; }
bool IsBlank(char c) { return kCharClasses[static_cast<unsigned char>(c)] & kBlank; }  // space, tab, form feed
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHexDigit(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
int HexValue(char c) {
  if (IsDigit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}
char Closer(char open) { return open == '(' ? ')' : open == '[' ? ']' : '}'; }

// Keywords grouped by first letter, so a name is compared with at most a
// few of them.
struct KeywordsByLetter {
  KeywordEntry entries[128][6] = {};
  uint8_t count[128] = {};
};

constexpr KeywordsByLetter MakeKeywordsByLetter() {
  KeywordsByLetter table;
  for (const KeywordEntry& entry : kKeywords) {
    unsigned char first = static_cast<unsigned char>(entry.spelling[0]);
    table.entries[first][table.count[first]++] = entry;
  }
  return table;
}

constexpr KeywordsByLetter kKeywordsByLetter = MakeKeywordsByLetter();

TokenKind KeywordOrName(std::string_view text) {
  if (text.size() < 2 || text.size() > 8) return TokenKind::Name;
  unsigned char first = static_cast<unsigned char>(text[0]);
  for (int i = 0; i < kKeywordsByLetter.count[first]; ++i) {
    if (kKeywordsByLetter.entries[first][i].spelling == text) return kKeywordsByLetter.entries[first][i].kind;
  }
  return TokenKind::Name;
}

std::string HexCodePoint(uint32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04X", cp);
  return buf;
}

struct StringPrefix {
  bool raw = false, bytes = false, format = false, unicode = false;
};

// Valid prefixes, any case: r u b br rb f fr rf.
bool ParseStringPrefix(std::string_view text, StringPrefix* prefix) {
  if (text.empty() || text.size() > 2) return false;
  for (char c : text) {
    switch (c | 0x20) {
      case 'r':
        if (prefix->raw) return false;
        prefix->raw = true;
        break;
      case 'b':
        if (prefix->bytes) return false;
        prefix->bytes = true;
        break;
      case 'f':
        if (prefix->format) return false;
        prefix->format = true;
        break;
      case 'u':
        if (text.size() != 1) return false;
        prefix->unicode = true;
        break;
      default:
        return false;
    }
  }
  return !(prefix->bytes && prefix->format);
}

class Lexer {
 public:
  Lexer(const SourceBuffer& source, Diagnostics& diags)
      : source_(source), text_(source.text()), diags_(diags), end_(source.size()) {}

  TokenizedBuffer Run();

 private:
  bool failed() const { return diags_.has_error() || literal_error_.has_value(); }
  char At(uint32_t offset) const { return offset < end_ ? text_[offset] : '\0'; }
  // Inside a string literal an error is kept for the literal's token
  // (see LexString); elsewhere it is the lexer's error.
  void Error(DiagKind kind, uint32_t offset, std::initializer_list<std::string_view> args = {}) {
    if (!in_literal_) return diags_.Error(kind, offset, args);
    if (!literal_error_) literal_error_ = Diagnostic{kind, offset, FormatMessage(DiagKindFormat(kind), args)};
  }
  std::string LineNumber(uint32_t offset) const { return std::to_string(source_.LineOf(offset)); }

  Token& Emit(TokenKind kind, uint32_t begin, uint32_t end, uint32_t value = 0) {
    out_.tokens.push_back({kind, 0, begin, end, value});
    return out_.tokens.back();
  }
  uint32_t AddLiteral(LiteralKind kind, std::string text) {
    out_.literals.push_back({kind, std::move(text)});
    return static_cast<uint32_t>(out_.literals.size() - 1);
  }

  // Lines and indentation.
  void LexLineStart();
  void EmitNewlineIfNeeded(uint32_t offset);
  void LexContinuation();
  void FinishFile();

  // Tokens.
  void LexToken();
  void LexNameOrString();
  void LexBadCharacter();
  void ErrorInvalidUtf8(uint32_t offset);
  bool ValidateUtf8(uint32_t begin, uint32_t end);
  void LexPunctuation();
  bool OpenBracketAt(char c);
  bool CloseBracketAt(char c);

  // Numbers.
  void LexNumber();
  bool LexDigits(int base, std::string_view kind, std::string* digits);
  bool LexDecimalTail(std::string* digits);
  bool VerifyEndOfNumber(std::string_view kind, uint32_t begin);

  // Strings.
  void LexString(uint32_t begin, StringPrefix prefix);
  void LexStringContents(uint32_t begin, uint32_t content_begin, uint32_t content_end, StringPrefix prefix,
                         bool has_backslash, bool has_non_ascii);
  bool DecodeEscape(uint32_t* pos, bool bytes, std::string* out);
  bool DecodeHexEscape(uint32_t* pos, int digits, char letter, uint32_t* value);
  bool DecodeNameEscape(uint32_t* pos, std::string* out);
  void LexFString(uint32_t begin, uint32_t content_begin, uint32_t content_end, uint32_t string_end,
                  bool raw);
  uint32_t LexFStringText(uint32_t pos, uint32_t end, bool raw, int level);
  uint32_t LexFStringField(uint32_t pos, uint32_t end, bool raw, int level);
  uint32_t FindFieldExpressionEnd(uint32_t pos, uint32_t end);
  void LexRegion(uint32_t begin, uint32_t end);

  const SourceBuffer& source_;
  std::string_view text_;
  Diagnostics& diags_;
  TokenizedBuffer out_;
  uint32_t pos_ = 0;
  uint32_t end_;  // end of the file, or of the f-string expression being lexed
  std::vector<IndentLevel> indents_;
  std::vector<OpenBracket> brackets_;
  bool in_literal_ = false;
  std::optional<Diagnostic> literal_error_;
};

TokenizedBuffer Lexer::Run() {
  out_.tokens.reserve(end_ / 4 + 16);
  indents_.push_back({0, 0});
  bool at_line_start = true;
  while (!failed()) {
    if (at_line_start) {
      at_line_start = false;
      LexLineStart();
      if (failed()) break;
    }
    while (pos_ < end_ && IsBlank(text_[pos_])) ++pos_;
    if (pos_ >= end_) {
      FinishFile();
      break;
    }
    char c = text_[pos_];
    if (c == '#') {
      size_t newline = text_.find('\n', pos_);
      pos_ = newline == std::string_view::npos || newline > end_ ? end_ : static_cast<uint32_t>(newline);
    } else if (c == '\n') {
      ++pos_;
      if (brackets_.empty()) {
        EmitNewlineIfNeeded(pos_ - 1);
        at_line_start = true;
      }
    } else if (c == '\\') {
      LexContinuation();
    } else {
      LexToken();
    }
  }
  return std::move(out_);
}

// Measures the indentation of a new logical line and emits INDENT/DEDENT.
// Blank and comment-only lines are left alone: they are not statements.
void Lexer::LexLineStart() {
  uint32_t column = 0, alt_column = 0;
  uint32_t p = pos_;
  for (; p < end_; ++p) {
    char c = text_[p];
    if (c == ' ') {
      ++column, ++alt_column;
    } else if (c == '\t') {
      column = (column / kTabSize + 1) * kTabSize;
      ++alt_column;
    } else if (c == '\f') {
      column = alt_column = 0;
    } else {
      break;
    }
  }
  pos_ = p;
  if (p >= end_ || text_[p] == '#' || text_[p] == '\n') return;

  const IndentLevel& top = indents_.back();
  if (column == top.column) {
    if (alt_column != top.alt_column) Error(DiagKind::TabError, p);
    return;
  }
  if (column > top.column) {
    if (alt_column <= top.alt_column) return Error(DiagKind::TabError, p);
    if (indents_.size() >= kMaxIndentDepth) {
      return Error(DiagKind::TooDeeplyNested, p, {"more than 100 levels of indentation"});
    }
    indents_.push_back({column, alt_column});
    Emit(TokenKind::Indent, p, p);
    return;
  }
  while (indents_.size() > 1 && column < indents_.back().column) {
    indents_.pop_back();
    Emit(TokenKind::Dedent, p, p);
  }
  if (column != indents_.back().column) return Error(DiagKind::UnindentMismatch, p);
  if (alt_column != indents_.back().alt_column) Error(DiagKind::TabError, p);
}

void Lexer::EmitNewlineIfNeeded(uint32_t offset) {
  if (out_.tokens.empty()) return;
  TokenKind last = out_.tokens.back().kind;
  if (last == TokenKind::Newline || last == TokenKind::Indent || last == TokenKind::Dedent) return;
  Emit(TokenKind::Newline, offset, offset + 1);
}

void Lexer::LexContinuation() {
  uint32_t backslash = pos_;
  if (backslash + 1 >= end_) return Error(DiagKind::EofAfterContinuation, backslash + 1);
  if (At(backslash + 1) != '\n') return Error(DiagKind::LineContinuation, backslash + 1);
  pos_ += 2;
  if (pos_ >= end_) Error(DiagKind::EofAfterContinuation, backslash);
}

void Lexer::FinishFile() {
  if (!brackets_.empty()) {
    const OpenBracket& open = brackets_.back();
    char text[2] = {open.c, '\0'};
    return Error(DiagKind::UnclosedBracket, open.offset, {text});
  }
  EmitNewlineIfNeeded(end_);
  while (indents_.size() > 1) {
    indents_.pop_back();
    Emit(TokenKind::Dedent, end_, end_);
  }
  Emit(TokenKind::EndOfFile, end_, end_);
}

void Lexer::LexToken() {
  unsigned char c = static_cast<unsigned char>(text_[pos_]);
  if (IsAsciiIdentStart(c) || c >= 0x80) return LexNameOrString();
  if (IsDigit(c) || (c == '.' && IsDigit(At(pos_ + 1)))) return LexNumber();
  if (c == '\'' || c == '"') return LexString(pos_, StringPrefix{});
  LexPunctuation();
}

void Lexer::LexNameOrString() {
  uint32_t begin = pos_;
  // The common case: an ASCII name not followed by a quote.
  if (IsAsciiIdentStart(static_cast<unsigned char>(text_[pos_]))) {
    uint64_t hash = Interner::HashByte(Interner::kHashSeed, static_cast<unsigned char>(text_[pos_]));
    uint32_t p = pos_ + 1;
    for (; p < end_ && IsAsciiIdentContinue(static_cast<unsigned char>(text_[p])); ++p) {
      hash = Interner::HashByte(hash, static_cast<unsigned char>(text_[p]));
    }
    char next = At(p);
    if (next != '\'' && next != '"' && static_cast<unsigned char>(next) < 0x80) {
      pos_ = p;
      std::string_view name = text_.substr(begin, p - begin);
      TokenKind kind = KeywordOrName(name);
      Emit(kind, begin, p, kind == TokenKind::Name ? out_.names.Intern(name, hash) : 0);
      return;
    }
  }
  uint32_t cp;
  int length = DecodeUtf8(text_, pos_, &cp);
  if (length == 0 || !(cp < 0x80 ? IsAsciiIdentStart(static_cast<unsigned char>(cp)) : IsIdentifierStart(cp))) {
    return LexBadCharacter();
  }
  pos_ += length;
  bool ascii = cp < 0x80;
  while (pos_ < end_) {
    unsigned char c = static_cast<unsigned char>(text_[pos_]);
    if (c < 0x80) {
      if (!IsAsciiIdentContinue(c)) break;
      ++pos_;
      continue;
    }
    length = DecodeUtf8(text_, pos_, &cp);
    if (length == 0 || !IsIdentifierContinue(cp)) break;
    ascii = false;
    pos_ += length;
  }
  std::string_view name = text_.substr(begin, pos_ - begin);
  char next = At(pos_);
  StringPrefix prefix;
  if ((next == '\'' || next == '"') && ascii && ParseStringPrefix(name, &prefix)) {
    return LexString(begin, prefix);
  }
  if (!ascii) {
    // Names are compared after NFKC normalisation, as in CPython; the
    // spelling is never a keyword then (`ｉｆ = 1` assigns to `if`).
    Emit(TokenKind::Name, begin, pos_, out_.names.Intern(NormalizeNfkc(name)));
    return;
  }
  TokenKind kind = KeywordOrName(name);
  Emit(kind, begin, pos_, kind == TokenKind::Name ? out_.names.Intern(name) : 0);
}

void Lexer::LexBadCharacter() {
  uint32_t cp;
  int length = DecodeUtf8(text_, pos_, &cp);
  if (length == 0) return ErrorInvalidUtf8(pos_);
  if (!IsPrintable(cp)) return Error(DiagKind::NonPrintableCharacter, pos_, {HexCodePoint(cp)});
  if (cp < 0x80) {  // '$', '?', '`', a lone '!'
    Emit(TokenKind::Unknown, pos_, pos_ + 1);
    ++pos_;
    return;
  }
  Error(DiagKind::InvalidCharacter, pos_, {text_.substr(pos_, length), HexCodePoint(cp)});
}

void Lexer::ErrorInvalidUtf8(uint32_t offset) {
  char hex[3];
  std::snprintf(hex, sizeof hex, "%02X", static_cast<unsigned char>(text_[offset]));
  Error(DiagKind::InvalidUtf8, offset, {hex});
}

// Checks that a string literal's non-ASCII text is valid UTF-8. (CPython
// finds this while parsing the literal, not while tokenizing: its own kind.)
bool Lexer::ValidateUtf8(uint32_t begin, uint32_t end) {
  for (uint32_t i = begin; i < end;) {
    if (static_cast<unsigned char>(text_[i]) < 0x80) {
      ++i;
      continue;
    }
    uint32_t cp;
    int length = DecodeUtf8(text_.substr(0, end), i, &cp);
    if (length == 0) {
      char hex[3];
      std::snprintf(hex, sizeof hex, "%02X", static_cast<unsigned char>(text_[i]));
      Error(DiagKind::InvalidUtf8InString, i, {hex});
      return false;
    }
    i += length;
  }
  return true;
}

bool Lexer::OpenBracketAt(char c) {
  if (brackets_.size() >= kMaxBracketDepth) {
    Error(DiagKind::TooDeeplyNested, pos_, {"more than 200 nested brackets"});
    return false;
  }
  brackets_.push_back({c, pos_});
  return true;
}

bool Lexer::CloseBracketAt(char c) {
  char text[2] = {c, '\0'};
  if (brackets_.empty()) {
    Error(DiagKind::UnmatchedBracket, pos_, {text});
    return false;
  }
  OpenBracket open = brackets_.back();
  if (Closer(open.c) != c) {
    char open_text[2] = {open.c, '\0'};
    uint32_t open_line = source_.LineOf(open.offset);
    std::string where =
        open_line == source_.LineOf(pos_) ? std::string() : " on line " + std::to_string(open_line);
    Error(DiagKind::MismatchedBracket, pos_, {text, open_text, where});
    return false;
  }
  brackets_.pop_back();
  return true;
}

void Lexer::LexPunctuation() {
  uint32_t begin = pos_;
  char c = text_[pos_];
  char c1 = At(pos_ + 1);
  char c2 = At(pos_ + 2);
  TokenKind kind;
  uint32_t length = 1;
  auto pick = [&](TokenKind k, uint32_t n) { kind = k, length = n; };
  switch (c) {
    case '(': if (!OpenBracketAt(c)) return; pick(TokenKind::LParen, 1); break;
    case '[': if (!OpenBracketAt(c)) return; pick(TokenKind::LSquare, 1); break;
    case '{': if (!OpenBracketAt(c)) return; pick(TokenKind::LBrace, 1); break;
    case ')': if (!CloseBracketAt(c)) return; pick(TokenKind::RParen, 1); break;
    case ']': if (!CloseBracketAt(c)) return; pick(TokenKind::RSquare, 1); break;
    case '}': if (!CloseBracketAt(c)) return; pick(TokenKind::RBrace, 1); break;
    case ',': pick(TokenKind::Comma, 1); break;
    case ';': pick(TokenKind::Semicolon, 1); break;
    case '~': pick(TokenKind::Tilde, 1); break;
    case ':': c1 == '=' ? pick(TokenKind::ColonEqual, 2) : pick(TokenKind::Colon, 1); break;
    case '+': c1 == '=' ? pick(TokenKind::PlusEqual, 2) : pick(TokenKind::Plus, 1); break;
    case '%': c1 == '=' ? pick(TokenKind::PercentEqual, 2) : pick(TokenKind::Percent, 1); break;
    case '&': c1 == '=' ? pick(TokenKind::AmperEqual, 2) : pick(TokenKind::Amper, 1); break;
    case '|': c1 == '=' ? pick(TokenKind::VBarEqual, 2) : pick(TokenKind::VBar, 1); break;
    case '^': c1 == '=' ? pick(TokenKind::CircumflexEqual, 2) : pick(TokenKind::Circumflex, 1); break;
    case '@': c1 == '=' ? pick(TokenKind::AtEqual, 2) : pick(TokenKind::At, 1); break;
    case '=': c1 == '=' ? pick(TokenKind::EqEqual, 2) : pick(TokenKind::Equal, 1); break;
    case '!':
      if (c1 != '=') return LexBadCharacter();
      pick(TokenKind::NotEqual, 2);
      break;
    case '-':
      c1 == '=' ? pick(TokenKind::MinusEqual, 2)
      : c1 == '>' ? pick(TokenKind::RArrow, 2)
                  : pick(TokenKind::Minus, 1);
      break;
    case '.':
      c1 == '.' && c2 == '.' ? pick(TokenKind::Ellipsis, 3) : pick(TokenKind::Dot, 1);
      break;
    case '*':
      c1 == '*' ? (c2 == '=' ? pick(TokenKind::DoubleStarEqual, 3) : pick(TokenKind::DoubleStar, 2))
      : c1 == '=' ? pick(TokenKind::StarEqual, 2)
                  : pick(TokenKind::Star, 1);
      break;
    case '/':
      c1 == '/' ? (c2 == '=' ? pick(TokenKind::DoubleSlashEqual, 3) : pick(TokenKind::DoubleSlash, 2))
      : c1 == '=' ? pick(TokenKind::SlashEqual, 2)
                  : pick(TokenKind::Slash, 1);
      break;
    case '<':
      c1 == '<' ? (c2 == '=' ? pick(TokenKind::LeftShiftEqual, 3) : pick(TokenKind::LeftShift, 2))
      : c1 == '=' ? pick(TokenKind::LessEqual, 2)
      : c1 == '>' ? pick(TokenKind::NotEqual, 2)  // PEP 401's '<>' is only valid with barry_as_FLUFL
                  : pick(TokenKind::Less, 1);
      if (kind == TokenKind::NotEqual) return Error(DiagKind::InvalidSyntax, pos_);
      break;
    case '>':
      c1 == '>' ? (c2 == '=' ? pick(TokenKind::RightShiftEqual, 3) : pick(TokenKind::RightShift, 2))
      : c1 == '=' ? pick(TokenKind::GreaterEqual, 2)
                  : pick(TokenKind::Greater, 1);
      break;
    default:
      return LexBadCharacter();
  }
  pos_ += length;
  Emit(kind, begin, pos_);
}

// ---------------------------------------------------------------------------
// Numbers

// Digits of `base` separated by single underscores, starting at pos_ (an
// underscore may come first, after a base prefix). Appends them to *digits.
bool Lexer::LexDigits(int base, std::string_view kind, std::string* digits) {
  auto is_digit = [&](char c) {
    return base == 16 ? IsHexDigit(c) : base == 8 ? (c >= '0' && c <= '7') : (c == '0' || c == '1');
  };
  do {
    if (At(pos_) == '_') ++pos_;
    if (!is_digit(At(pos_))) {
      char c = At(pos_);
      if (IsDigit(c)) {
        char digit[2] = {c, '\0'};
        Error(DiagKind::InvalidDigit, pos_, {digit, kind});
      } else {
        Error(DiagKind::InvalidNumber, pos_ - 1, {kind});
      }
      return false;
    }
    while (is_digit(At(pos_))) *digits += text_[pos_++];
  } while (At(pos_) == '_');
  if (IsDigit(At(pos_))) {
    char digit[2] = {At(pos_), '\0'};
    Error(DiagKind::InvalidDigit, pos_, {digit, kind});
    return false;
  }
  return VerifyEndOfNumber(kind, pos_);
}

// Decimal digits with single underscores between them.
bool Lexer::LexDecimalTail(std::string* digits) {
  while (true) {
    while (IsDigit(At(pos_))) *digits += text_[pos_++];
    if (At(pos_) != '_') return true;
    ++pos_;
    if (!IsDigit(At(pos_))) {
      Error(DiagKind::InvalidNumber, pos_ - 1, {"decimal"});
      return false;
    }
  }
}

// A number may be followed directly by one of a few keywords ("1if x else
// y"), as CPython still allows, but not by any other name character.
bool Lexer::VerifyEndOfNumber(std::string_view kind, uint32_t at) {
  // Only ASCII: `5€` is a number, then an invalid character (as in CPython).
  unsigned char c = static_cast<unsigned char>(At(at));
  if (!IsAsciiIdentContinue(c)) return true;
  for (std::string_view keyword : {"and", "else", "for", "if", "in", "is", "not", "or"}) {
    if (text_.substr(at, keyword.size()) == keyword) return true;
  }
  Error(DiagKind::InvalidNumber, at, {kind});
  return false;
}

void Lexer::LexNumber() {
  uint32_t begin = pos_;
  std::string digits;
  char c = text_[pos_];
  char c1 = At(pos_ + 1) | 0x20;
  if (c == '0' && (c1 == 'x' || c1 == 'o' || c1 == 'b')) {
    int base = c1 == 'x' ? 16 : c1 == 'o' ? 8 : 2;
    std::string_view kind = base == 16 ? "hexadecimal" : base == 8 ? "octal" : "binary";
    digits = std::string("0") + c1;
    pos_ += 2;
    if (!LexDigits(base, kind, &digits)) return;
    Emit(TokenKind::Number, begin, pos_, AddLiteral(LiteralKind::Int, std::move(digits)));
    return;
  }

  bool is_float = false;
  bool leading_zero_error = false;
  if (c != '.') {
    if (!LexDecimalTail(&digits)) return;
    // "0", "00" and "0_0" are fine; "01" only as the start of a float.
    leading_zero_error = digits.size() > 1 && digits[0] == '0' &&
                         digits.find_first_not_of('0') != std::string::npos;
  }
  if (At(pos_) == '.') {
    is_float = true;
    digits += '.';
    ++pos_;
    if (IsDigit(At(pos_)) && !LexDecimalTail(&digits)) return;
  }
  char e = At(pos_);
  if (e == 'e' || e == 'E') {
    uint32_t e_at = pos_;
    char sign = At(pos_ + 1);
    if (sign == '+' || sign == '-') {
      if (!IsDigit(At(pos_ + 2))) return Error(DiagKind::InvalidNumber, pos_ + 1, {"decimal"});
      digits += 'e';
      digits += sign;
      pos_ += 2;
      if (!LexDecimalTail(&digits)) return;
      is_float = true;
    } else if (IsDigit(sign)) {
      digits += 'e';
      ++pos_;
      if (!LexDecimalTail(&digits)) return;
      is_float = true;
    } else if (!VerifyEndOfNumber("decimal", e_at)) {
      return;  // "1e" is an error; "1else" is 1 then 'else'
    }
  }
  char j = At(pos_);
  if (j == 'j' || j == 'J') {
    ++pos_;
    if (!VerifyEndOfNumber("imaginary", pos_)) return;
    Emit(TokenKind::Number, begin, pos_, AddLiteral(LiteralKind::Imaginary, std::move(digits)));
    return;
  }
  if (leading_zero_error && !is_float) return Error(DiagKind::LeadingZeros, begin);
  if (!VerifyEndOfNumber("decimal", pos_)) return;
  Emit(TokenKind::Number, begin, pos_,
       AddLiteral(is_float ? LiteralKind::Float : LiteralKind::Int, std::move(digits)));
}

// ---------------------------------------------------------------------------
// Strings

void Lexer::LexString(uint32_t begin, StringPrefix prefix) {
  pos_ = begin;
  while (text_[pos_] != '\'' && text_[pos_] != '"') ++pos_;
  char quote = text_[pos_];
  bool triple = At(pos_ + 1) == quote && At(pos_ + 2) == quote;
  uint32_t content_begin = pos_ + (triple ? 3 : 1);
  uint32_t p = content_begin;
  uint32_t content_end;
  bool has_backslash = false;
  bool has_non_ascii = false;
  while (true) {
    // Skip the plain characters in one tight loop.
    while (p < end_) {
      unsigned char ch = static_cast<unsigned char>(text_[p]);
      if (ch == '\\' || ch == '\n' || ch == static_cast<unsigned char>(quote)) break;
      has_non_ascii |= ch >= 0x80;
      ++p;
    }
    if (p >= end_) {
      // CPython counts the lines it has read: a final newline starts none.
      DiagKind kind = triple ? DiagKind::UnterminatedTripleString : DiagKind::UnterminatedString;
      return Error(kind, begin, {LineNumber(end_ > 0 ? end_ - 1 : 0)});
    }
    char ch = text_[p];
    if (ch == '\\') {
      // The escaped character is text too: `'\é'` still needs its UTF-8 checked.
      has_backslash = true;
      has_non_ascii |= static_cast<unsigned char>(At(p + 1)) >= 0x80;
      p += 2;
    } else if (ch == '\n' && !triple) {
      return Error(DiagKind::UnterminatedString, begin, {LineNumber(p)});
    } else if (ch == quote && (!triple || (At(p + 1) == quote && At(p + 2) == quote))) {
      content_end = p;
      p += triple ? 3 : 1;
      break;
    } else {
      ++p;
    }
  }
  pos_ = p;
  // What is wrong inside a literal, CPython finds only when its parser
  // reaches the literal; the tokenizer goes on. So such an error becomes the
  // literal's token, flagged, for the parser to report, and lexing goes on.
  if (in_literal_) return LexStringContents(begin, content_begin, content_end, prefix, has_backslash, has_non_ascii);
  size_t token_mark = out_.tokens.size(), bracket_mark = brackets_.size();
  in_literal_ = true;
  LexStringContents(begin, content_begin, content_end, prefix, has_backslash, has_non_ascii);
  in_literal_ = false;
  pos_ = p;
  if (!literal_error_) return;
  out_.tokens.resize(token_mark);
  brackets_.resize(bracket_mark);
  out_.deferred.push_back(std::move(*literal_error_));
  literal_error_.reset();
  Emit(TokenKind::String, begin, p, static_cast<uint32_t>(out_.deferred.size() - 1)).flags |= kTokenDeferredError;
}

void Lexer::LexStringContents(uint32_t begin, uint32_t content_begin, uint32_t content_end, StringPrefix prefix,
                              bool has_backslash, bool has_non_ascii) {
  uint32_t p = pos_;
  if (has_non_ascii && !prefix.bytes && !ValidateUtf8(content_begin, content_end)) return;
  if (prefix.format) return LexFString(begin, content_begin, content_end, p, prefix.raw);

  std::string_view content = text_.substr(content_begin, content_end - content_begin);
  if (prefix.bytes && has_non_ascii) {
    for (uint32_t i = content_begin;; ++i) {
      if (static_cast<unsigned char>(text_[i]) >= 0x80) return Error(DiagKind::NonAsciiBytes, i);
    }
  }
  std::string value;
  if (prefix.raw || !has_backslash) {
    value.assign(content);
  } else {
    value.reserve(content.size());
    for (uint32_t i = content_begin; i < content_end;) {
      if (text_[i] == '\\') {
        if (!DecodeEscape(&i, prefix.bytes, &value)) return;
      } else {
        value += text_[i++];
      }
    }
  }
  Token& token = Emit(TokenKind::String, begin, p,
                      AddLiteral(prefix.bytes ? LiteralKind::Bytes : LiteralKind::Str, std::move(value)));
  if (prefix.unicode) token.flags |= kTokenUnicodePrefix;
}

bool Lexer::DecodeHexEscape(uint32_t* pos, int digits, char letter, uint32_t* value) {
  uint32_t start = *pos;  // at the backslash
  *value = 0;
  for (int i = 0; i < digits; ++i) {
    char c = At(start + 2 + i);
    if (!IsHexDigit(c)) {
      char text[2] = {letter, '\0'};
      std::string count = std::to_string(digits);
      Error(DiagKind::TruncatedEscape, start, {text, count});
      return false;
    }
    *value = *value * 16 + static_cast<uint32_t>(HexValue(c));
  }
  *pos = start + 2 + digits;
  return true;
}

bool Lexer::DecodeNameEscape(uint32_t* pos, std::string* out) {
  uint32_t start = *pos;
  uint32_t open = start + 2;
  size_t close = text_.find('}', open);
  if (At(open) != '{' || close == std::string_view::npos || close >= end_ || close == open + 1) {
    Error(DiagKind::MalformedNameEscape, start);
    return false;
  }
  std::string_view name = text_.substr(open + 1, close - open - 1);
  if (name.find('\n') != std::string_view::npos) {
    Error(DiagKind::MalformedNameEscape, start);
    return false;
  }
  int32_t cp = LookupCharacterName(name);
  if (cp < 0) {
    Error(DiagKind::UnknownCharacterName, start, {name});
    return false;
  }
  AppendUtf8(*out, static_cast<uint32_t>(cp));
  *pos = static_cast<uint32_t>(close + 1);
  return true;
}

// Decodes the escape sequence at *pos (a backslash) and advances past it.
// Unknown escapes keep their backslash, as in Python.
bool Lexer::DecodeEscape(uint32_t* pos, bool bytes, std::string* out) {
  uint32_t start = *pos;
  char next = At(start + 1);
  auto simple = [&](char value) {
    *out += value;
    *pos = start + 2;
    return true;
  };
  switch (next) {
    case '\n': *pos = start + 2; return true;
    case '\\': return simple('\\');
    case '\'': return simple('\'');
    case '"': return simple('"');
    case 'a': return simple('\a');
    case 'b': return simple('\b');
    case 'f': return simple('\f');
    case 'n': return simple('\n');
    case 'r': return simple('\r');
    case 't': return simple('\t');
    case 'v': return simple('\v');
    default: break;
  }
  if (next >= '0' && next <= '7') {
    uint32_t value = 0;
    uint32_t p = start + 1;
    for (int i = 0; i < 3 && At(p) >= '0' && At(p) <= '7'; ++i, ++p) value = value * 8 + (At(p) - '0');
    *pos = p;
    if (bytes) {
      *out += static_cast<char>(value & 0xFF);
    } else {
      AppendUtf8(*out, value);
    }
    return true;
  }
  uint32_t value;
  if (next == 'x') {
    if (!DecodeHexEscape(pos, 2, 'x', &value)) return false;
    if (bytes) {
      *out += static_cast<char>(value);
    } else {
      AppendUtf8(*out, value);
    }
    return true;
  }
  if (!bytes && (next == 'u' || next == 'U')) {
    if (!DecodeHexEscape(pos, next == 'u' ? 4 : 8, next, &value)) return false;
    if (value > 0x10FFFF) {
      Error(DiagKind::IllegalUnicodeEscape, start, {HexCodePoint(value)});
      return false;
    }
    AppendUtf8(*out, value);
    return true;
  }
  if (!bytes && next == 'N') return DecodeNameEscape(pos, out);
  *out += '\\';
  *pos = start + 1;
  return true;
}

void Lexer::LexFString(uint32_t begin, uint32_t content_begin, uint32_t content_end,
                       uint32_t string_end, bool raw) {
  Emit(TokenKind::FStringStart, begin, content_begin);
  LexFStringText(content_begin, content_end, raw, 0);
  if (failed()) return;
  Emit(TokenKind::FStringEnd, content_end, string_end);
  pos_ = string_end;
}

// Literal text and replacement fields, up to `end` (level 0) or to the '}'
// closing a format spec (level > 0). Returns where it stopped.
uint32_t Lexer::LexFStringText(uint32_t pos, uint32_t end, bool raw, int level) {
  std::string literal;
  uint32_t literal_begin = pos;
  auto flush = [&](uint32_t at) {
    if (at > literal_begin) {
      Emit(TokenKind::FStringMiddle, literal_begin, at, AddLiteral(LiteralKind::Str, std::move(literal)));
    }
    literal.clear();
  };
  while (pos < end && !failed()) {
    char ch = text_[pos];
    if (ch == '\\' && !raw) {
      if (!DecodeEscape(&pos, false, &literal)) return pos;
      continue;
    }
    if (ch != '{' && ch != '}') {
      literal += ch;
      ++pos;
      continue;
    }
    // Doubled braces are literal text, but only outside format specs, so that
    // f'{a:{b}}' ends with two closing braces.
    if (level == 0 && pos + 1 < end && text_[pos + 1] == ch) {
      literal += ch;
      pos += 2;
      continue;
    }
    if (ch == '}' && level == 0) {
      Error(DiagKind::FStringSingleBrace, pos);
      return pos;
    }
    flush(pos);
    if (ch == '}') return pos;
    pos = LexFStringField(pos, end, raw, level);
    literal_begin = pos;
  }
  flush(pos);
  return pos;
}

// Where a field's expression ends, by CPython 3.11's rules: at depth 0, at
// '}', ':', a '!' that does not start '!=', or an '=' that is not part of
// '==', '<=', '>=', '!='. Strings inside are skipped; no backslash or '#'
// may appear. Returns `end` with an error recorded on failure.
uint32_t Lexer::FindFieldExpressionEnd(uint32_t pos, uint32_t end) {
  std::vector<OpenBracket> nested;
  char quote = 0;
  bool triple = false;
  uint32_t quote_at = 0;
  for (; pos < end; ++pos) {
    char ch = text_[pos];
    if (ch == '\\') {
      Error(DiagKind::FStringBackslash, pos);
      return end;
    }
    if (quote) {
      if (ch != quote) continue;
      if (!triple) {
        quote = 0;
      } else if (pos + 2 < end && text_[pos + 1] == ch && text_[pos + 2] == ch) {
        quote = 0;
        pos += 2;
      }
      continue;
    }
    if (ch == '\'' || ch == '"') {
      quote = ch, quote_at = pos;
      triple = pos + 2 < end && text_[pos + 1] == ch && text_[pos + 2] == ch;
      if (triple) pos += 2;
      continue;
    }
    if (ch == '(' || ch == '[' || ch == '{') {
      if (nested.size() >= kMaxBracketDepth) {
        Error(DiagKind::TooDeeplyNested, pos, {"more than 200 nested brackets"});
        return end;
      }
      nested.push_back({ch, pos});
    } else if (ch == ')' || ch == ']' || ch == '}') {
      if (nested.empty() && ch == '}') return pos;
      char text[2] = {ch, '\0'};
      if (nested.empty()) {
        Error(DiagKind::FStringUnmatched, pos, {text});
        return end;
      }
      if (Closer(nested.back().c) != ch) {
        char open[2] = {nested.back().c, '\0'};
        Error(DiagKind::FStringMismatched, pos, {text, open});
        return end;
      }
      nested.pop_back();
    } else if (ch == '#') {
      Error(DiagKind::FStringComment, pos);
      return end;
    } else if (nested.empty() && (ch == '!' || ch == ':' || ch == '=' || ch == '<' || ch == '>')) {
      char next = pos + 1 < end ? text_[pos + 1] : '\0';
      if (next == '=' && ch != ':') {
        ++pos;  // '!=', '==', '<=', '>='
        continue;
      }
      if (ch == '<' || ch == '>') continue;
      return pos;
    }
  }
  if (quote) {
    Error(DiagKind::FStringUnterminatedString, quote_at);
  } else if (!nested.empty()) {
    char open[2] = {nested.back().c, '\0'};
    Error(DiagKind::FStringUnmatched, nested.back().offset, {open});
  } else {
    Error(DiagKind::FStringExpectingBrace, end);
  }
  return end;
}

uint32_t Lexer::LexFStringField(uint32_t pos, uint32_t end, bool raw, int level) {
  if (level >= kMaxFStringSpecLevel) {
    Error(DiagKind::FStringNesting, pos);
    return end;
  }
  Emit(TokenKind::FStringFieldStart, pos, pos + 1);
  uint32_t expression_begin = pos + 1;
  uint32_t expression_end = FindFieldExpressionEnd(expression_begin, end);
  if (failed()) return end;
  std::string_view expression = text_.substr(expression_begin, expression_end - expression_begin);
  if (expression.find_first_not_of(" \t\f\n") == std::string_view::npos) {
    Error(DiagKind::FStringEmptyExpression, expression_end);
    return end;
  }
  LexRegion(expression_begin, expression_end);
  if (failed()) return end;

  uint32_t p = expression_end;
  if (text_[p] == '=') {
    uint32_t equal = p++;
    while (p < end && (text_[p] == ' ' || text_[p] == '\t' || text_[p] == '\f' || text_[p] == '\n')) ++p;
    Emit(TokenKind::FStringDebug, equal, p);
  }
  if (p < end && text_[p] == '!') {
    uint32_t bang = p++;
    if (p >= end) {
      Error(DiagKind::FStringExpectingBrace, p);
      return end;
    }
    char conversion = text_[p++];
    if (conversion != 's' && conversion != 'r' && conversion != 'a') {
      Error(DiagKind::FStringConversion, p - 1);
      return end;
    }
    Emit(TokenKind::FStringConversion, bang, p, static_cast<uint32_t>(conversion));
  }
  if (p < end && text_[p] == ':') {
    Emit(TokenKind::FStringSpec, p, p + 1);
    p = LexFStringText(p + 1, end, raw, level + 1);
    if (failed()) return end;
  }
  if (p >= end || text_[p] != '}') {
    Error(DiagKind::FStringExpectingBrace, p);
    return end;
  }
  Emit(TokenKind::FStringFieldEnd, p, p + 1);
  return p + 1;
}

// Lexes the tokens of an f-string field's expression, where newlines are
// plain whitespace (the expression behaves as if parenthesized).
void Lexer::LexRegion(uint32_t begin, uint32_t end) {
  uint32_t saved_pos = pos_, saved_end = end_;
  pos_ = begin;
  end_ = end;
  while (!failed()) {
    while (pos_ < end_ && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\f' ||
                           text_[pos_] == '\n')) {
      ++pos_;
    }
    if (pos_ >= end_) break;
    LexToken();
  }
  pos_ = saved_pos;
  end_ = saved_end;
}

}  // namespace

TokenizedBuffer Lex(const SourceBuffer& source, Diagnostics& diags) {
  if (diags.has_error()) return {};
  return Lexer(source, diags).Run();
}

}  // namespace taipan
