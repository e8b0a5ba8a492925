// Patterns of match statements (PEP 634), Grammar/python.gram's pattern rules.
#include "frontend/parse/parser.h"

namespace taipan {

namespace {

bool IsStarPattern(const Node& node) { return node.kind == NodeKind::MatchStar; }

}  // namespace

// patterns: open_sequence_pattern | pattern
NodeId Parser::ParsePatterns() {
  uint32_t begin = Begin();
  NodeId first = ParseMaybeStarPattern();
  if (failed()) return kNoNode;
  if (!At(TokenKind::Comma)) {
    if (IsStarPattern(N(first))) {
      Error(DiagKind::InvalidPattern, N(first).begin, {"a star pattern must be inside a sequence pattern"});
      return kNoNode;
    }
    return first;
  }
  IdList elts{first};
  while (Consume(TokenKind::Comma) && !At(TokenKind::Colon) && !At(TokenKind::If)) {
    elts.push_back(ParseMaybeStarPattern());
    if (failed()) return kNoNode;
  }
  return MakeSequencePattern(begin, elts);
}

// The name of a capture or star target; '_' (the wildcard) gives kNoName.
uint32_t Parser::ParseCaptureName() {
  if (!At(TokenKind::Name)) {
    Expect(TokenKind::Name);
    return kNoName;
  }
  uint32_t name = Advance().value;
  return ast_.names.Get(name) == "_" ? kNoName : name;
}

NodeId Parser::ParseMaybeStarPattern() {
  if (!At(TokenKind::Star)) return ParsePattern();
  uint32_t begin = Begin();
  Advance();
  uint32_t name = ParseCaptureName();
  if (failed()) return kNoNode;
  NodeId node = Make(NodeKind::MatchStar, begin);
  N(node).value = name;
  return node;
}

// as_pattern | or_pattern
NodeId Parser::ParsePattern() {
  uint32_t begin = Begin();
  NodeId pattern = ParseOrPattern();
  if (failed() || !Consume(TokenKind::As)) return pattern;
  if (!At(TokenKind::Name)) {
    Expect(TokenKind::Name);
    return kNoNode;
  }
  uint32_t name_begin = Begin();
  uint32_t name = Advance().value;
  if (ast_.names.Get(name) == "_") {
    Error(DiagKind::InvalidPattern, name_begin, {"cannot use '_' as a target"});
    return kNoNode;
  }
  NodeId node = Make(NodeKind::MatchAs, begin, pattern);
  N(node).value = name;
  return node;
}

NodeId Parser::ParseOrPattern() {
  uint32_t begin = Begin();
  NodeId first = ParseClosedPattern();
  if (failed() || !At(TokenKind::VBar)) return first;
  IdList alternatives{first};
  while (Consume(TokenKind::VBar)) {
    alternatives.push_back(ParseClosedPattern());
    if (failed()) return kNoNode;
  }
  NodeId node = Make(NodeKind::MatchOr, begin);
  SetList(node, alternatives);
  return node;
}

// signed_number ['+' | '-' imaginary_number]: the real part must not be
// imaginary and the added part must be.
NodeId Parser::ParseSignedNumber() {
  uint32_t begin = Begin();
  bool negative = Consume(TokenKind::Minus);
  if (!At(TokenKind::Number)) {
    ErrorAtToken(Tok());
    return kNoNode;
  }
  NodeId number = ParseNumber();
  if (negative) {
    number = Make(NodeKind::UnaryOp, begin, number);
    N(number).op = static_cast<uint8_t>(UnaryOp::USub);
  }
  if (!At(TokenKind::Plus) && !At(TokenKind::Minus)) return number;
  const Node& real = N(negative ? N(number).a : number);
  if (static_cast<ConstantKind>(real.op) == ConstantKind::Imaginary) {
    Error(DiagKind::InvalidPattern, real.begin, {"real number required in complex literal"});
    return kNoNode;
  }
  BinaryOp op = Advance().kind == TokenKind::Plus ? BinaryOp::Add : BinaryOp::Sub;
  if (!At(TokenKind::Number)) {
    ErrorAtToken(Tok());
    return kNoNode;
  }
  NodeId imaginary = ParseNumber();
  if (static_cast<ConstantKind>(N(imaginary).op) != ConstantKind::Imaginary) {
    Error(DiagKind::InvalidPattern, N(imaginary).begin, {"imaginary number required in complex literal"});
    return kNoNode;
  }
  NodeId sum = Make(NodeKind::BinOp, begin, number, imaginary);
  N(sum).op = static_cast<uint8_t>(op);
  return sum;
}

// A literal usable as a value pattern or a mapping key: numbers (with
// complex sums) and strings, but not f-strings.
NodeId Parser::ParseLiteralPattern() {
  if (At(TokenKind::Number) || At(TokenKind::Minus)) return ParseSignedNumber();
  uint32_t begin = Begin();
  NodeId strings = ParseStrings();
  if (failed()) return kNoNode;
  if (N(strings).kind == NodeKind::JoinedStr) {
    Error(DiagKind::InvalidPattern, begin, {"patterns may only match literals and attribute lookups"});
    return kNoNode;
  }
  return strings;
}

NodeId Parser::ParseClosedPattern() {
  uint32_t begin = Begin();
  switch (Kind()) {
    case TokenKind::Number:
    case TokenKind::Minus:
    case TokenKind::String:
    case TokenKind::FStringStart: {
      NodeId value = ParseLiteralPattern();
      if (failed()) return kNoNode;
      return Make(NodeKind::MatchValue, begin, value);
    }
    case TokenKind::None:
    case TokenKind::True:
    case TokenKind::False: {
      NodeId constant = ParseConstantKeyword();
      NodeId node = Make(NodeKind::MatchSingleton, begin);
      N(node).op = N(constant).op;
      return node;
    }
    case TokenKind::Name:
      if (Kind(1) == TokenKind::Dot || Kind(1) == TokenKind::LParen) return ParseValueOrClassPattern();
      {
        NodeId node = Make(NodeKind::MatchAs, begin);
        N(node).value = ParseCaptureName();
        N(node).begin = begin;
        N(node).end = prev_end_;
        return node;
      }
    case TokenKind::LParen: {
      Advance();
      if (Consume(TokenKind::RParen)) return Make(NodeKind::MatchSequence, begin);
      NodeId first = ParseMaybeStarPattern();
      if (failed()) return kNoNode;
      if (At(TokenKind::Comma)) {
        IdList elts{first};
        while (Consume(TokenKind::Comma) && !At(TokenKind::RParen)) {
          elts.push_back(ParseMaybeStarPattern());
          if (failed()) return kNoNode;
        }
        if (!Expect(TokenKind::RParen)) return kNoNode;
        return MakeSequencePattern(begin, elts);
      }
      if (IsStarPattern(N(first))) {
        Error(DiagKind::InvalidPattern, N(first).begin, {"a star pattern must be inside a sequence pattern"});
        return kNoNode;
      }
      if (!Expect(TokenKind::RParen)) return kNoNode;
      return first;
    }
    case TokenKind::LSquare: {
      Advance();
      IdList elts;
      while (!failed() && !At(TokenKind::RSquare)) {
        elts.push_back(ParseMaybeStarPattern());
        if (!Consume(TokenKind::Comma)) break;
      }
      if (failed() || !Expect(TokenKind::RSquare)) return kNoNode;
      return MakeSequencePattern(begin, elts);
    }
    case TokenKind::LBrace: return ParseMappingPattern();
    default:
      ErrorAtToken(Tok());
      return kNoNode;
  }
}

// A sequence pattern may hold at most one star pattern.
NodeId Parser::MakeSequencePattern(uint32_t begin, const IdList& elts) {
  bool seen_star = false;
  for (NodeId elt : elts) {
    if (!IsStarPattern(N(elt))) continue;
    if (seen_star) {
      Error(DiagKind::MultipleStarPatterns, N(elt).begin);
      return kNoNode;
    }
    seen_star = true;
  }
  NodeId node = Make(NodeKind::MatchSequence, begin);
  SetList(node, elts);
  return node;
}

// name_or_attr: a dotted name, then a value pattern or a class pattern.
NodeId Parser::ParseValueOrClassPattern() {
  uint32_t begin = Begin();
  NodeId value = ParseName();
  while (!failed() && Consume(TokenKind::Dot)) {
    if (!At(TokenKind::Name)) {
      Expect(TokenKind::Name);
      return kNoNode;
    }
    uint32_t attr = Advance().value;
    value = Make(NodeKind::Attribute, begin, value);
    N(value).value = attr;
  }
  if (failed()) return kNoNode;
  if (At(TokenKind::LParen)) return ParseClassPatternArguments(value, begin);
  return Make(NodeKind::MatchValue, begin, value);
}

NodeId Parser::ParseClassPatternArguments(NodeId cls, uint32_t begin) {
  Advance();  // '('
  IdList patterns, keywords;
  while (!failed() && !At(TokenKind::RParen)) {
    uint32_t at = Begin();
    if (At(TokenKind::Name) && Kind(1) == TokenKind::Equal) {
      uint32_t name = Advance().value;
      Advance();  // '='
      for (NodeId keyword : keywords) {
        if (N(keyword).value == name) {
          Error(DiagKind::DuplicateKeywordPattern, at, {ast_.names.Get(name)});
          return kNoNode;
        }
      }
      NodeId pattern = ParsePattern();
      NodeId keyword = Make(NodeKind::MatchKeyword, at, pattern);
      N(keyword).value = name;
      keywords.push_back(keyword);
    } else {
      if (!keywords.empty()) {
        Error(DiagKind::PositionalPatternAfterKeyword, at);
        return kNoNode;
      }
      patterns.push_back(ParsePattern());
    }
    if (!Consume(TokenKind::Comma)) break;
  }
  if (failed() || !Expect(TokenKind::RParen)) return kNoNode;
  NodeId node = Make(NodeKind::MatchClass, begin, cls);
  SetList(node, patterns);
  SetList2(node, keywords);
  return node;
}

// '{' (key ':' pattern ',')* ['**' NAME] '}' with literal or dotted-name keys.
NodeId Parser::ParseMappingPattern() {
  uint32_t begin = Begin();
  Advance();  // '{'
  IdList keys, patterns;
  uint32_t rest = kNoName;
  while (!failed() && !At(TokenKind::RBrace)) {
    if (rest != kNoName) {
      ErrorAtToken(Tok());  // '**rest' must come last
      return kNoNode;
    }
    if (Consume(TokenKind::DoubleStar)) {
      uint32_t at = Begin();
      rest = ParseCaptureName();
      if (!failed() && rest == kNoName) {
        Error(DiagKind::InvalidPattern, at, {"cannot use '_' as a target"});
        return kNoNode;
      }
    } else {
      NodeId key;
      uint32_t key_begin = Begin();
      if (At(TokenKind::None) || At(TokenKind::True) || At(TokenKind::False)) {
        key = ParseConstantKeyword();
      } else if (At(TokenKind::Name)) {
        key = ParseName();
        bool dotted = false;
        while (!failed() && Consume(TokenKind::Dot)) {
          if (!At(TokenKind::Name)) {
            Expect(TokenKind::Name);
            return kNoNode;
          }
          uint32_t attr = Advance().value;
          key = Make(NodeKind::Attribute, key_begin, key);
          N(key).value = attr;
          dotted = true;
        }
        if (!dotted) {
          Error(DiagKind::InvalidPattern, key_begin, {"mapping pattern keys may only match literals and attribute lookups"});
          return kNoNode;
        }
      } else {
        key = ParseLiteralPattern();
      }
      if (failed() || !Expect(TokenKind::Colon)) return kNoNode;
      keys.push_back(key);
      patterns.push_back(ParsePattern());
    }
    if (!Consume(TokenKind::Comma)) break;
  }
  if (failed() || !Expect(TokenKind::RBrace)) return kNoNode;
  NodeId node = Make(NodeKind::MatchMapping, begin);
  N(node).value = rest;
  SetList(node, keys);
  SetList2(node, patterns);
  return node;
}

}  // namespace taipan
