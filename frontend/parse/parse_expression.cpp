// Expressions: Grammar/python.gram's expression rules, by precedence.
#include <algorithm>

#include "frontend/parse/parser.h"

namespace taipan {

namespace {

bool EndsOperand(TokenKind kind);

bool AtComprehension(TokenKind kind, TokenKind next) {
  return kind == TokenKind::For || (kind == TokenKind::Async && next == TokenKind::For);
}

}  // namespace

bool Parser::StartsExpression(TokenKind kind) {
  switch (kind) {
    case TokenKind::Name:
    case TokenKind::Number:
    case TokenKind::String:
    case TokenKind::FStringStart:
    case TokenKind::LParen:
    case TokenKind::LSquare:
    case TokenKind::LBrace:
    case TokenKind::Minus:
    case TokenKind::Plus:
    case TokenKind::Tilde:
    case TokenKind::Not:
    case TokenKind::Lambda:
    case TokenKind::Await:
    case TokenKind::Star:
    case TokenKind::Ellipsis:
    case TokenKind::None:
    case TokenKind::True:
    case TokenKind::False:
      return true;
    default:
      return false;
  }
}

// --- Expression lists ---------------------------------------------------------

NodeId Parser::FinishTuple(IdList& elts, uint32_t begin, uint32_t end) {
  NodeId tuple = MakeAt(NodeKind::Tuple, begin, end);
  SetList(tuple, elts);
  return tuple;
}

// star_expressions: star_expression (',' star_expression)* [',']
NodeId Parser::ParseStarExpressions() {
  uint32_t begin = Begin();
  NodeId first = ParseStarExpression();
  if (failed() || !At(TokenKind::Comma)) return first;
  IdList elts{first};
  while (Consume(TokenKind::Comma) && StartsExpression(Kind())) {
    elts.push_back(ParseStarExpression());
    if (failed()) return kNoNode;
  }
  return FinishTuple(elts, begin, prev_end_);
}

NodeId Parser::ParseStarExpression() {
  if (!At(TokenKind::Star)) return ParseExpression();
  uint32_t begin = Begin();
  Advance();
  NodeId value = ParseBitwiseOr();
  return Make(NodeKind::Starred, begin, value);
}

NodeId Parser::ParseStarNamedExpression() {
  if (!At(TokenKind::Star)) return ParseNamedExpression();
  uint32_t begin = Begin();
  Advance();
  NodeId value = ParseBitwiseOr();
  return Make(NodeKind::Starred, begin, value);
}

NodeId Parser::ParseYieldOrStarExpressions() {
  return At(TokenKind::Yield) ? ParseYield() : ParseStarExpressions();
}

// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
NodeId Parser::ParseYield() {
  uint32_t begin = Begin();
  Advance();
  if (Consume(TokenKind::From)) {
    NodeId value = ParseExpression();
    return Make(NodeKind::YieldFrom, begin, value);
  }
  NodeId value = kNoNode;
  if (StartsExpression(Kind())) {
    value = ParseStarExpressions();
    if (!CheckNotStarred(value)) return kNoNode;
  }
  return Make(NodeKind::Yield, begin, value);
}

// named_expression: NAME ':=' expression | expression !':='
NodeId Parser::ParseNamedExpression() {
  uint32_t begin = Begin();
  if (At(TokenKind::Name) && Kind(1) == TokenKind::ColonEqual) {
    NodeId target = ParseName(ExprContext::Store);
    if (IsDebugName(target)) {
      Error(DiagKind::InvalidTarget, begin, {"__debug__"});
      return kNoNode;
    }
    Advance();
    NodeId value = ParseExpression();
    return Make(NodeKind::NamedExpr, begin, target, value);
  }
  NodeId expr = ParseExpression();
  if (!failed() && At(TokenKind::ColonEqual)) {
    Error(DiagKind::InvalidWalrusTarget, N(expr).begin, {Describe(expr)});
    return kNoNode;
  }
  return expr;
}

// Tokens that cannot continue an expression at any precedence level: after
// a plain operand they mean the operand is the whole disjunction.
namespace {
bool EndsOperand(TokenKind kind) {
  switch (kind) {
    case TokenKind::Comma:
    case TokenKind::RParen:
    case TokenKind::RSquare:
    case TokenKind::RBrace:
    case TokenKind::Colon:
    case TokenKind::Equal:
    case TokenKind::Newline:
    case TokenKind::Semicolon:
    case TokenKind::EndOfFile:
    case TokenKind::If:
    case TokenKind::Else:
    case TokenKind::For:
    case TokenKind::From:
    case TokenKind::As:
    case TokenKind::FStringFieldEnd:
      return true;
    default:
      return false;
  }
}
}  // namespace

// disjunction, for the commonest case: a name or number standing alone
// (`f(a, 1)`, `x = y`) skips the dozen precedence levels between them.
NodeId Parser::ParseDisjunctionOrOperand() {
  TokenKind kind = Kind();
  if ((kind != TokenKind::Name && kind != TokenKind::Number) || !EndsOperand(Kind(1))) return ParseDisjunction();
  uint32_t begin = Begin();
  NodeId node = kind == TokenKind::Name ? ParseName() : ParseNumber();
  last_disjunction_begin_ = begin;
  last_disjunction_end_ = pos_;
  return node;
}

// expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef
NodeId Parser::ParseExpression() {
  DepthGuard guard(*this);
  if (At(TokenKind::Lambda)) return ParseLambda();
  uint32_t begin = Begin();
  NodeId body = ParseDisjunctionOrOperand();
  if (failed() || !At(TokenKind::If)) return body;
  Advance();
  NodeId test = ParseDisjunction();
  if (failed()) return kNoNode;
  if (!At(TokenKind::Else)) {
    Error(DiagKind::Expected, Begin(), {"'else' after 'if' expression"});
    return kNoNode;
  }
  Advance();
  NodeId orelse = ParseExpression();
  return Make(NodeKind::IfExp, begin, test, body, orelse);
}

NodeId Parser::ParseLambda() {
  uint32_t begin = Begin();
  Advance();
  NodeId args = ParseParameters(TokenKind::Colon, false);
  if (failed() || !Expect(TokenKind::Colon)) return kNoNode;
  NodeId body = ParseExpression();
  return Make(NodeKind::Lambda, begin, args, body);
}

// --- Boolean operators and comparisons --------------------------------------------

NodeId Parser::ParseDisjunction() {
  uint32_t begin = Begin();
  NodeId node = ParseConjunction();
  if (!failed() && At(TokenKind::Or)) {
    IdList values{node};
    while (Consume(TokenKind::Or)) values.push_back(ParseConjunction());
    node = Make(NodeKind::BoolOp, begin);
    N(node).op = static_cast<uint8_t>(BoolOp::Or);
    SetList(node, values);
  }
  last_disjunction_begin_ = begin;
  last_disjunction_end_ = pos_;
  return node;
}

NodeId Parser::ParseConjunction() {
  uint32_t begin = Begin();
  NodeId first = ParseInversion();
  if (failed() || !At(TokenKind::And)) return first;
  IdList values{first};
  while (Consume(TokenKind::And)) values.push_back(ParseInversion());
  NodeId node = Make(NodeKind::BoolOp, begin);
  N(node).op = static_cast<uint8_t>(BoolOp::And);
  SetList(node, values);
  return node;
}

NodeId Parser::ParseInversion() {
  if (!At(TokenKind::Not)) return ParseComparison();
  DepthGuard guard(*this);
  uint32_t begin = Begin();
  Advance();
  NodeId operand = ParseInversion();
  NodeId node = Make(NodeKind::UnaryOp, begin, operand);
  N(node).op = static_cast<uint8_t>(UnaryOp::Not);
  return node;
}

bool Parser::ParseCompareOp(CompareOp* op) {
  switch (Kind()) {
    case TokenKind::EqEqual: *op = CompareOp::Eq; break;
    case TokenKind::NotEqual: *op = CompareOp::NotEq; break;
    case TokenKind::Less: *op = CompareOp::Lt; break;
    case TokenKind::LessEqual: *op = CompareOp::LtE; break;
    case TokenKind::Greater: *op = CompareOp::Gt; break;
    case TokenKind::GreaterEqual: *op = CompareOp::GtE; break;
    case TokenKind::In: *op = CompareOp::In; break;
    case TokenKind::Is:
      Advance();
      *op = Consume(TokenKind::Not) ? CompareOp::IsNot : CompareOp::Is;
      return true;
    case TokenKind::Not:
      if (Kind(1) != TokenKind::In) return false;
      Advance();
      *op = CompareOp::NotIn;
      break;
    default:
      return false;
  }
  Advance();
  return true;
}

NodeId Parser::ParseComparison() {
  uint32_t begin = Begin();
  NodeId left = ParseBitwiseOr();
  CompareOp op;
  if (failed() || !ParseCompareOp(&op)) return left;
  // The operators are stored only once the whole chain is parsed: a
  // comparison nested in an operand stores its own first.
  SmallVector<CompareOp, 4> ops;
  IdList comparators;
  do {
    ops.push_back(op);
    comparators.push_back(ParseBitwiseOr());
  } while (!failed() && ParseCompareOp(&op));
  NodeId node = Make(NodeKind::Compare, begin, left);
  N(node).extra = static_cast<uint32_t>(ast_.compare_ops.size());
  ast_.compare_ops.insert(ast_.compare_ops.end(), ops.begin(), ops.end());
  SetList(node, comparators);
  return node;
}

// --- Binary operators -----------------------------------------------------------------

namespace {

// Binding strength of the binary operators between `|` (weakest) and the
// multiplicative ones (strongest); 0 for any other token.
int BinaryPrecedence(TokenKind kind, BinaryOp* op) {
  switch (kind) {
    case TokenKind::VBar: *op = BinaryOp::BitOr; return 1;
    case TokenKind::Circumflex: *op = BinaryOp::BitXor; return 2;
    case TokenKind::Amper: *op = BinaryOp::BitAnd; return 3;
    case TokenKind::LeftShift: *op = BinaryOp::LShift; return 4;
    case TokenKind::RightShift: *op = BinaryOp::RShift; return 4;
    case TokenKind::Plus: *op = BinaryOp::Add; return 5;
    case TokenKind::Minus: *op = BinaryOp::Sub; return 5;
    case TokenKind::Star: *op = BinaryOp::Mult; return 6;
    case TokenKind::Slash: *op = BinaryOp::Div; return 6;
    case TokenKind::DoubleSlash: *op = BinaryOp::FloorDiv; return 6;
    case TokenKind::Percent: *op = BinaryOp::Mod; return 6;
    case TokenKind::At: *op = BinaryOp::MatMult; return 6;
    default: return 0;
  }
}

}  // namespace

// bitwise_or down to term, by precedence climbing: one loop instead of a
// rule per level (all of them are left-associative).
NodeId Parser::ParseBitwiseOr() { return ParseBinary(1); }

NodeId Parser::ParseBinary(int min_precedence) {
  uint32_t begin = Begin();
  NodeId left = ParseFactor();
  BinaryOp op;
  int precedence;
  while (!failed() && (precedence = BinaryPrecedence(Kind(), &op)) >= min_precedence) {
    Advance();
    NodeId right = ParseBinary(precedence + 1);
    left = Make(NodeKind::BinOp, begin, left, right);
    N(left).op = static_cast<uint8_t>(op);
  }
  return left;
}

NodeId Parser::ParseFactor() {
  UnaryOp op;
  switch (Kind()) {
    case TokenKind::Plus: op = UnaryOp::UAdd; break;
    case TokenKind::Minus: op = UnaryOp::USub; break;
    case TokenKind::Tilde: op = UnaryOp::Invert; break;
    default: return ParsePower();
  }
  DepthGuard guard(*this);
  uint32_t begin = Begin();
  Advance();
  NodeId operand = ParseFactor();
  NodeId node = Make(NodeKind::UnaryOp, begin, operand);
  N(node).op = static_cast<uint8_t>(op);
  return node;
}

NodeId Parser::ParsePower() {
  uint32_t begin = Begin();
  NodeId base = ParseAwaitPrimary();
  if (failed() || !Consume(TokenKind::DoubleStar)) return base;
  DepthGuard guard(*this);
  NodeId exponent = ParseFactor();
  NodeId node = Make(NodeKind::BinOp, begin, base, exponent);
  N(node).op = static_cast<uint8_t>(BinaryOp::Pow);
  return node;
}

NodeId Parser::ParseAwaitPrimary() {
  if (!At(TokenKind::Await)) return ParsePrimary();
  uint32_t begin = Begin();
  Advance();
  NodeId value = ParsePrimary();
  return Make(NodeKind::Await, begin, value);
}

// primary: atom ('.' NAME | '(' arguments ')' | '[' slices ']')*
NodeId Parser::ParsePrimary() {
  uint32_t begin = Begin();
  NodeId node = ParseAtom();
  while (!failed()) {
    if (Consume(TokenKind::Dot)) {
      if (!At(TokenKind::Name)) {
        Expect(TokenKind::Name);
        return kNoNode;
      }
      uint32_t attr = Advance().value;
      node = Make(NodeKind::Attribute, begin, node);
      N(node).value = attr;
    } else if (At(TokenKind::LParen)) {
      node = ParseCall(node, begin);
    } else if (At(TokenKind::LSquare)) {
      node = ParseSubscript(node, begin);
    } else {
      break;
    }
  }
  return node;
}

// --- Atoms ------------------------------------------------------------------------------

NodeId Parser::ParseName(ExprContext context) {
  const Token& token = Advance();
  NodeId node = MakeAt(NodeKind::Name, token.begin, token.end);
  N(node).value = token.value;
  N(node).op = static_cast<uint8_t>(context);
  return node;
}

NodeId Parser::ParseConstantKeyword() {
  const Token& token = Advance();
  NodeId node = MakeAt(NodeKind::Constant, token.begin, token.end);
  ConstantKind kind = token.kind == TokenKind::None   ? ConstantKind::None
                      : token.kind == TokenKind::True ? ConstantKind::True
                      : token.kind == TokenKind::False ? ConstantKind::False
                                                       : ConstantKind::Ellipsis;
  N(node).op = static_cast<uint8_t>(kind);
  return node;
}

NodeId Parser::ParseNumber() {
  const Token& token = Advance();
  NodeId node = MakeAt(NodeKind::Constant, token.begin, token.end);
  LiteralKind literal = ast_.literals[token.value].kind;
  ConstantKind kind = literal == LiteralKind::Int     ? ConstantKind::Int
                      : literal == LiteralKind::Float ? ConstantKind::Float
                                                      : ConstantKind::Imaginary;
  N(node).op = static_cast<uint8_t>(kind);
  N(node).value = token.value;
  return node;
}

NodeId Parser::ParseAtom() {
  switch (Kind()) {
    case TokenKind::Name: return ParseName();
    case TokenKind::None:
    case TokenKind::True:
    case TokenKind::False:
    case TokenKind::Ellipsis: return ParseConstantKeyword();
    case TokenKind::Number: return ParseNumber();
    case TokenKind::String:
    case TokenKind::FStringStart: return ParseStrings();
    case TokenKind::LParen: return ParseParenthesized();
    case TokenKind::LSquare: return ParseList();
    case TokenKind::LBrace: return ParseDictOrSet();
    default:
      ErrorAtToken(Tok());
      return kNoNode;
  }
}

// --- Strings and f-strings ----------------------------------------------------------

// Adjacent string literals concatenate; with an f-string among them the
// result is a JoinedStr whose text pieces are merged as CPython merges them.
bool Parser::IsBytesToken(const Token& token) const {
  return token.kind == TokenKind::String && !(token.flags & kTokenDeferredError) &&
         ast_.literals[token.value].kind == LiteralKind::Bytes;
}

NodeId Parser::ParseStrings() {
  uint32_t begin = Begin();
  bool unicode = At(TokenKind::String) && (Tok().flags & kTokenUnicodePrefix);
  bool bytes = IsBytesToken(Tok());
  bool any_fstring = false;
  IdList parts;
  std::string pending;
  uint32_t pending_begin = kNoExtra;
  uint32_t single_literal = kNoExtra;
  int count = 0;
  while (At(TokenKind::String) || At(TokenKind::FStringStart)) {
    const Token& token = Tok();
    if (token.flags & kTokenDeferredError) {
      // The literal's contents are wrong: CPython reports it here.
      ReportDeferred(deferred_[token.value]);
      return kNoNode;
    }
    bool is_bytes = IsBytesToken(token);
    if (is_bytes != bytes) {
      Error(DiagKind::MixedBytes, token.begin);
      return kNoNode;
    }
    ++count;
    if (token.kind == TokenKind::FStringStart) {
      any_fstring = true;
      ParseFString(parts, pending, &pending_begin);
      if (failed()) return kNoNode;
      continue;
    }
    single_literal = token.value;
    if (pending_begin == kNoExtra) pending_begin = token.begin;
    pending += ast_.literals[token.value].text;
    Advance();
  }
  if (!any_fstring) {
    NodeId node = Make(NodeKind::Constant, begin);
    N(node).op = static_cast<uint8_t>(bytes ? ConstantKind::Bytes : ConstantKind::Str);
    if (count == 1) {
      N(node).value = single_literal;
    } else {
      ast_.literals.push_back({bytes ? LiteralKind::Bytes : LiteralKind::Str, std::move(pending)});
      N(node).value = static_cast<uint32_t>(ast_.literals.size() - 1);
    }
    if (unicode) N(node).flags |= kFlagUnicode;
    return node;
  }
  if (!pending.empty()) {
    ast_.literals.push_back({LiteralKind::Str, std::move(pending)});
    NodeId text = MakeAt(NodeKind::Constant, pending_begin, prev_end_);
    N(text).op = static_cast<uint8_t>(ConstantKind::Str);
    N(text).value = static_cast<uint32_t>(ast_.literals.size() - 1);
    parts.push_back(text);
  }
  NodeId node = Make(NodeKind::JoinedStr, begin);
  SetList(node, parts);
  return node;
}

// One f-string's tokens, appending to the JoinedStr being built. Literal text
// accumulates in `pending` until a field needs it flushed.
void Parser::ParseFString(IdList& parts, std::string& pending, uint32_t* pending_begin) {
  Advance();  // FStringStart
  auto flush = [&]() {
    if (pending.empty()) return;
    ast_.literals.push_back({LiteralKind::Str, std::move(pending)});
    pending.clear();
    NodeId text = MakeAt(NodeKind::Constant, *pending_begin, prev_end_);
    N(text).op = static_cast<uint8_t>(ConstantKind::Str);
    N(text).value = static_cast<uint32_t>(ast_.literals.size() - 1);
    parts.push_back(text);
    *pending_begin = kNoExtra;
  };
  while (!failed() && !At(TokenKind::FStringEnd)) {
    if (At(TokenKind::FStringMiddle)) {
      if (*pending_begin == kNoExtra) *pending_begin = Begin();
      pending += ast_.literals[Advance().value].text;
    } else if (At(TokenKind::FStringFieldStart)) {
      flush();
      parts.push_back(ParseFStringField());
    } else {
      ErrorAtToken(Tok());
    }
  }
  Expect(TokenKind::FStringEnd);
}

// '{' expression ['='] ['!' conversion] [':' format_spec] '}'
NodeId Parser::ParseFStringField() {
  uint32_t begin = Begin();
  Advance();  // FStringFieldStart
  uint32_t expression_begin = Begin();
  ++fstring_field_depth_;
  NodeId value = ParseGroupContents(TokenKind::FStringFieldEnd, expression_begin);
  --fstring_field_depth_;
  if (failed()) return kNoNode;
  NodeId node = Make(NodeKind::FormattedValue, begin, value);
  if (At(TokenKind::FStringDebug)) {
    // CPython keeps the field's source text, up to and including '=' and the
    // spaces after it, as a constant shown before the value.
    uint32_t text_begin = begin + 1;
    const Token& debug = Advance();
    ast_.literals.push_back(
        {LiteralKind::Str, std::string(source_.text().substr(text_begin, debug.end - text_begin))});
    N(node).extra = static_cast<uint32_t>(ast_.literals.size() - 1);
    N(node).flags |= kFlagDebug;
  }
  if (At(TokenKind::FStringConversion)) N(node).op = static_cast<uint8_t>(Advance().value);
  if (At(TokenKind::FStringSpec)) {
    uint32_t spec_begin = Begin();
    Advance();
    N(node).b = ParseFStringText(TokenKind::FStringFieldEnd, spec_begin);
  }
  if (!Expect(TokenKind::FStringFieldEnd)) return kNoNode;
  if ((N(node).flags & kFlagDebug) && N(node).op == 0 && N(node).b == kNoNode) N(node).op = 'r';
  N(node).end = prev_end_;
  UpdateDepth(node);
  return node;
}

// A format spec: text and nested fields up to `stop`, as a JoinedStr.
NodeId Parser::ParseFStringText(TokenKind stop, uint32_t begin) {
  IdList parts;
  while (!failed() && !At(stop)) {
    if (At(TokenKind::FStringMiddle)) {
      const Token& token = Advance();
      NodeId text = MakeAt(NodeKind::Constant, token.begin, token.end);
      N(text).op = static_cast<uint8_t>(ConstantKind::Str);
      N(text).value = token.value;
      parts.push_back(text);
    } else if (At(TokenKind::FStringFieldStart)) {
      parts.push_back(ParseFStringField());
    } else {
      ErrorAtToken(Tok());
    }
  }
  NodeId node = Make(NodeKind::JoinedStr, begin);
  SetList(node, parts);
  return node;
}

// --- Displays: parentheses, lists, dicts, sets --------------------------------------------

NodeId Parser::ParseParenthesized() {
  uint32_t begin = Begin();
  Advance();  // '('
  NodeId node = ParseGroupContents(TokenKind::RParen, begin);
  if (failed() || !Expect(TokenKind::RParen)) return kNoNode;
  Node& n = N(node);
  // A tuple or generator expression takes its own parentheses as its range
  // (the innermost pair, as in CPython), other expressions do not.
  bool own_parentheses = !(n.flags & kFlagParenthesized);
  n.flags |= kFlagParenthesized;
  if (own_parentheses && (n.kind == NodeKind::Tuple || n.kind == NodeKind::GeneratorExp)) {
    n.begin = begin;
    n.end = prev_end_;
  }
  return node;
}

// What parentheses hold: nothing (an empty tuple), a yield, a generator
// expression, a tuple, or one expression. Also an f-string field, whose
// expression CPython 3.11 parses as if parenthesized; there `close` is
// FStringFieldEnd and any of the field's trailing tokens ends it.
NodeId Parser::ParseGroupContents(TokenKind close, uint32_t begin) {
  auto at_close = [&]() {
    if (close != TokenKind::FStringFieldEnd) return At(close);
    return At(TokenKind::FStringFieldEnd) || At(TokenKind::FStringDebug) || At(TokenKind::FStringConversion) ||
           At(TokenKind::FStringSpec);
  };
  if (close == TokenKind::RParen && At(TokenKind::RParen)) return MakeAt(NodeKind::Tuple, begin, Tok().end);
  if (At(TokenKind::Yield)) return ParseYield();
  if (At(TokenKind::DoubleStar)) {
    Error(DiagKind::DoubleStarNotAllowed, Begin());
    return kNoNode;
  }
  NodeId first = ParseStarNamedExpression();
  if (failed()) return kNoNode;
  if (AtComprehension(Kind(), Kind(1))) {
    if (N(first).kind == NodeKind::Starred) {
      Error(DiagKind::UnpackingInComprehension, N(first).begin, {"iterable", "comprehension"});
      return kNoNode;
    }
    return ParseComprehension(NodeKind::GeneratorExp, first, kNoNode, begin);
  }
  if (At(TokenKind::Comma)) {
    IdList elts{first};
    while (Consume(TokenKind::Comma) && !at_close()) {
      elts.push_back(ParseStarNamedExpression());
      if (failed()) return kNoNode;
    }
    return FinishTuple(elts, N(first).begin, prev_end_);
  }
  if (!CheckNotStarred(first)) return kNoNode;
  if (!at_close()) {
    ErrorAtToken(Tok());
    return kNoNode;
  }
  return first;
}

NodeId Parser::ParseList() {
  uint32_t begin = Begin();
  Advance();  // '['
  IdList elts;
  if (!At(TokenKind::RSquare)) {
    NodeId first = ParseStarNamedExpression();
    if (failed()) return kNoNode;
    if (AtComprehension(Kind(), Kind(1))) {
      if (N(first).kind == NodeKind::Starred) {
        Error(DiagKind::UnpackingInComprehension, N(first).begin, {"iterable", "comprehension"});
        return kNoNode;
      }
      NodeId comp = ParseComprehension(NodeKind::ListComp, first, kNoNode, begin);
      if (!Expect(TokenKind::RSquare)) return kNoNode;
      N(comp).end = prev_end_;
      return comp;
    }
    elts.push_back(first);
    while (Consume(TokenKind::Comma) && !At(TokenKind::RSquare)) {
      elts.push_back(ParseStarNamedExpression());
      if (failed()) return kNoNode;
    }
  }
  if (!Expect(TokenKind::RSquare)) return kNoNode;
  NodeId list = Make(NodeKind::List, begin);
  SetList(list, elts);
  return list;
}

NodeId Parser::ParseDictOrSet() {
  uint32_t begin = Begin();
  Advance();  // '{'
  if (Consume(TokenKind::RBrace)) return Make(NodeKind::Dict, begin);
  if (At(TokenKind::DoubleStar)) return ParseDictTail(kNoNode, begin);
  NodeId first = ParseStarNamedExpression();
  if (failed()) return kNoNode;
  if (At(TokenKind::Colon)) {
    if (N(first).kind == NodeKind::Starred) {
      Error(DiagKind::StarredNotAllowed, N(first).begin);
      return kNoNode;
    }
    return ParseDictTail(first, begin);
  }
  return ParseSetTail(first, begin);
}

// The rest of a dict display or comprehension, given its first key (or
// kNoNode when it starts with '**').
NodeId Parser::ParseDictTail(NodeId first_key, uint32_t begin) {
  IdList keys, values;
  NodeId key = first_key;
  while (true) {
    if (key == kNoNode) {
      uint32_t star_begin = Begin();
      if (!Expect(TokenKind::DoubleStar)) return kNoNode;
      values.push_back(ParseBitwiseOr());
      if (failed()) return kNoNode;
      if (AtComprehension(Kind(), Kind(1))) {
        Error(DiagKind::UnpackingInComprehension, star_begin, {"dict", "dict comprehension"});
        return kNoNode;
      }
    } else {
      if (!At(TokenKind::Colon)) {
        if (!ReportForgottenComma()) Error(DiagKind::DictKeyWithoutValue, N(key).begin);
        return kNoNode;
      }
      Advance();
      NodeId value = ParseExpression();
      if (failed()) return kNoNode;
      if (keys.empty() && values.empty() && AtComprehension(Kind(), Kind(1))) {
        NodeId comp = ParseComprehension(NodeKind::DictComp, key, value, begin);
        if (!Expect(TokenKind::RBrace)) return kNoNode;
        N(comp).end = prev_end_;
        return comp;
      }
      values.push_back(value);
    }
    keys.push_back(key);
    if (!Consume(TokenKind::Comma) || At(TokenKind::RBrace)) break;
    key = At(TokenKind::DoubleStar) ? kNoNode : ParseExpression();
    if (failed()) return kNoNode;
  }
  if (!Expect(TokenKind::RBrace)) return kNoNode;
  NodeId dict = Make(NodeKind::Dict, begin);
  SetList(dict, keys);
  SetList2(dict, values);
  return dict;
}

NodeId Parser::ParseSetTail(NodeId first, uint32_t begin) {
  if (AtComprehension(Kind(), Kind(1))) {
    if (N(first).kind == NodeKind::Starred) {
      Error(DiagKind::UnpackingInComprehension, N(first).begin, {"iterable", "comprehension"});
      return kNoNode;
    }
    NodeId comp = ParseComprehension(NodeKind::SetComp, first, kNoNode, begin);
    if (!Expect(TokenKind::RBrace)) return kNoNode;
    N(comp).end = prev_end_;
    return comp;
  }
  IdList elts{first};
  while (Consume(TokenKind::Comma) && !At(TokenKind::RBrace)) {
    elts.push_back(ParseStarNamedExpression());
    if (failed()) return kNoNode;
  }
  if (!Expect(TokenKind::RBrace)) return kNoNode;
  NodeId set = Make(NodeKind::Set, begin);
  SetList(set, elts);
  return set;
}

// --- Comprehensions ---------------------------------------------------------------------

IdList Parser::ParseComprehensionClauses() {
  IdList generators;
  while (!failed() && AtComprehension(Kind(), Kind(1))) {
    uint32_t begin = Begin();
    bool is_async = Consume(TokenKind::Async);
    Advance();  // 'for'
    NodeId target = ParseStarTargets(TokenKind::In);
    if (failed() || !SetStoreContext(target) || !Expect(TokenKind::In)) break;
    NodeId iter = ParseDisjunction();
    IdList ifs;
    while (!failed() && Consume(TokenKind::If)) ifs.push_back(ParseDisjunction());
    if (failed()) break;
    NodeId comp = Make(NodeKind::Comprehension, begin, target, iter);
    if (is_async) N(comp).flags |= kFlagAsync;
    SetList(comp, ifs);
    generators.push_back(comp);
  }
  return generators;
}

NodeId Parser::ParseComprehension(NodeKind kind, NodeId elt, NodeId value, uint32_t begin) {
  IdList generators = ParseComprehensionClauses();
  if (failed()) return kNoNode;
  NodeId node = Make(kind, begin, elt, value);
  SetList(node, generators);
  return node;
}

// --- Subscripts and calls -----------------------------------------------------------------

NodeId Parser::ParseSubscript(NodeId value, uint32_t begin) {
  Advance();  // '['
  uint32_t slice_begin = Begin();
  NodeId slice = ParseSlice();
  if (failed()) return kNoNode;
  if (At(TokenKind::Comma)) {
    IdList elts{slice};
    while (Consume(TokenKind::Comma) && !At(TokenKind::RSquare)) {
      elts.push_back(ParseSlice());
      if (failed()) return kNoNode;
    }
    slice = FinishTuple(elts, slice_begin, prev_end_);
  } else if (N(slice).kind == NodeKind::Starred) {
    // a[*b] is a one-element tuple (PEP 646).
    IdList elts{slice};
    slice = FinishTuple(elts, slice_begin, prev_end_);
  }
  if (!Expect(TokenKind::RSquare)) return kNoNode;
  return Make(NodeKind::Subscript, begin, value, slice);
}

// slice: [expression] ':' [expression] [':' [expression]] | named_expression | starred
NodeId Parser::ParseSlice() {
  uint32_t begin = Begin();
  if (At(TokenKind::Star)) return ParseStarExpression();
  NodeId lower = kNoNode;
  if (!At(TokenKind::Colon)) {
    lower = ParseNamedExpression();
    if (failed() || !At(TokenKind::Colon)) return lower;
  }
  Advance();  // ':'
  auto at_slice_end = [&]() { return At(TokenKind::RSquare) || At(TokenKind::Comma) || At(TokenKind::Colon); };
  NodeId upper = at_slice_end() ? kNoNode : ParseExpression();
  NodeId step = kNoNode;
  if (!failed() && Consume(TokenKind::Colon)) {
    step = (At(TokenKind::RSquare) || At(TokenKind::Comma)) ? kNoNode : ParseExpression();
  }
  return Make(NodeKind::Slice, begin, lower, upper, step);
}

NodeId Parser::ParseCall(NodeId func, uint32_t begin) {
  uint32_t open = Advance().begin;  // '('
  NodeId call = Make(NodeKind::Call, begin, func);
  ParseCallArguments(call, TokenKind::RParen, true);
  if (failed() || !Expect(TokenKind::RParen)) return kNoNode;
  N(call).end = prev_end_;
  // A generator expression that is the only argument uses the call's
  // parentheses as its own, and CPython gives it their range.
  const Node& node = N(call);
  if (node.list.size == 1 && node.list2.size == 0) {
    Node& arg = N(ast_.List(node.list)[0]);
    if (arg.kind == NodeKind::GeneratorExp && !(arg.flags & kFlagParenthesized)) {
      arg.begin = open;
      arg.end = prev_end_;
    }
  }
  return call;
}

// Positional arguments, *iterables, name=value keywords and **mappings, in
// the orders CPython allows, into `node`'s list (args) and list2 (keywords).
NodeId Parser::ParseCallArguments(NodeId node, TokenKind close, bool allow_generator) {
  IdList args, keywords;
  bool seen_keyword = false, seen_keyword_unpacking = false;
  while (!failed() && !At(close)) {
    uint32_t begin = Begin();
    if (Consume(TokenKind::Star)) {
      NodeId value = ParseExpression();
      if (!failed() && AtComprehension(Kind(), Kind(1))) {
        if (!allow_generator) {
          ErrorAtToken(Tok());
        } else {
          Error(DiagKind::UnpackingInComprehension, begin, {"iterable", "comprehension"});
        }
        break;
      }
      if (seen_keyword_unpacking) {
        Error(DiagKind::IterableUnpackingAfterKeywordUnpacking, begin);
        break;
      }
      args.push_back(Make(NodeKind::Starred, begin, value));
    } else if (Consume(TokenKind::DoubleStar)) {
      NodeId value = ParseExpression();
      keywords.push_back(Make(NodeKind::Keyword, begin, value));
      seen_keyword_unpacking = true;
    } else if (At(TokenKind::Name) && Kind(1) == TokenKind::Equal) {
      uint32_t name = Advance().value;
      Advance();  // '='
      if (ast_.names.Get(name) == "__debug__") {
        Error(DiagKind::InvalidTarget, begin, {"__debug__"});
        break;
      }
      for (NodeId keyword : keywords) {
        if (N(keyword).value == name) {
          Error(DiagKind::RepeatedKeywordArgument, begin, {ast_.names.Get(name)});
          return kNoNode;
        }
      }
      NodeId value = ParseExpression();
      NodeId keyword = Make(NodeKind::Keyword, begin, value);
      N(keyword).value = name;
      keywords.push_back(keyword);
      seen_keyword = true;
    } else {
      NodeId value = ParseNamedExpression();
      if (failed()) break;
      if (AtComprehension(Kind(), Kind(1))) {
        if (!allow_generator) {
          ErrorAtToken(Tok());  // class C(x for x in y)
          break;
        }
        value = ParseComprehension(NodeKind::GeneratorExp, value, kNoNode, begin);
        if (failed()) break;
        if (!args.empty() || !keywords.empty() || !At(close)) {
          Error(DiagKind::UnparenthesizedGenerator, begin);
          break;
        }
      } else if (At(TokenKind::Equal)) {
        NodeKind kind = N(value).kind;
        if (kind == NodeKind::Constant && N(value).value == kNoName) {
          Error(DiagKind::InvalidTarget, begin, {Describe(value)});  // f(True=1)
        } else {
          Error(DiagKind::InvalidKeywordArgument, begin);
        }
        break;
      }
      if (seen_keyword_unpacking) {
        Error(DiagKind::PositionalAfterKeywordUnpacking, begin);
        break;
      }
      if (seen_keyword) {
        Error(DiagKind::PositionalAfterKeyword, begin);
        break;
      }
      args.push_back(value);
    }
    if (!Consume(TokenKind::Comma)) break;
  }
  if (failed()) return kNoNode;
  SetList(node, args);
  SetList2(node, keywords);
  return node;
}

// --- Parameters ----------------------------------------------------------------------------

NodeId Parser::ParseParameter(ParamKind kind, bool annotations, bool star_annotation) {
  uint32_t begin = Begin();
  if (!At(TokenKind::Name)) {
    Expect(TokenKind::Name);
    return kNoNode;
  }
  uint32_t name = Advance().value;
  NodeId annotation = kNoNode;
  if (annotations && Consume(TokenKind::Colon)) {
    annotation = star_annotation && At(TokenKind::Star) ? ParseStarExpression() : ParseExpression();
  }
  NodeId arg = Make(NodeKind::Arg, begin, annotation);
  N(arg).value = name;
  N(arg).op = static_cast<uint8_t>(kind);
  return arg;
}

// Parameters of a def (with annotations) or a lambda (without), up to
// `close`: positional-only ones before '/', keyword-only ones after '*'.
NodeId Parser::ParseParameters(TokenKind close, bool annotations) {
  uint32_t begin = Begin();
  IdList params;
  bool seen_slash = false, seen_star = false, seen_kwargs = false, seen_default = false;
  uint32_t bare_star = kNoExtra;
  while (!failed() && !At(close)) {
    uint32_t at = Begin();
    if (seen_kwargs) {
      Error(DiagKind::ParameterAfterKwargs, at);
      break;
    }
    if (Consume(TokenKind::Slash)) {
      if (params.empty()) {
        Error(DiagKind::SlashWithoutParameter, at);
      } else if (seen_slash) {
        Error(DiagKind::DuplicateSlash, at);
      } else if (seen_star) {
        Error(DiagKind::SlashAfterStar, at);
      }
      seen_slash = true;
      for (NodeId param : params) N(param).op = static_cast<uint8_t>(ParamKind::PositionalOnly);
    } else if (Consume(TokenKind::Star)) {
      if (seen_star) {
        Error(DiagKind::DuplicateStar, at);
        break;
      }
      seen_star = true;
      if (At(TokenKind::Comma) || At(close)) {
        bare_star = at;
      } else {
        params.push_back(ParseParameter(ParamKind::VarPositional, annotations, true));
        if (At(TokenKind::Equal)) Error(DiagKind::VarArgDefault, Begin(), {"positional"});
      }
    } else if (Consume(TokenKind::DoubleStar)) {
      params.push_back(ParseParameter(ParamKind::VarKeyword, annotations, false));
      if (At(TokenKind::Equal)) Error(DiagKind::VarArgDefault, Begin(), {"keyword"});
      seen_kwargs = true;
    } else {
      NodeId param = ParseParameter(seen_star ? ParamKind::KeywordOnly : ParamKind::Normal, annotations, false);
      if (failed()) break;
      if (Consume(TokenKind::Equal)) {
        N(param).b = ParseExpression();
        N(param).end = prev_end_;
        UpdateDepth(param);
        if (!seen_star) seen_default = true;
      } else if (!seen_star && seen_default) {
        Error(DiagKind::NonDefaultAfterDefault, at);
      }
      if (seen_star) bare_star = kNoExtra;
      params.push_back(param);
    }
    if (!Consume(TokenKind::Comma)) break;
  }
  if (!failed() && bare_star != kNoExtra) Error(DiagKind::BareStarWithoutNamed, bare_star);
  if (failed()) return kNoNode;
  NodeId node = Make(NodeKind::Arguments, begin);
  SetList(node, params);
  return node;
}

// --- Targets ----------------------------------------------------------------------------------

// star_targets up to `stop` (the 'in' of a for loop): parsed above the
// comparison level, so 'in' ends them.
NodeId Parser::ParseStarTargets(TokenKind stop) {
  uint32_t begin = Begin();
  NodeId first = ParseStarTarget();
  if (failed() || !At(TokenKind::Comma)) return first;
  IdList elts{first};
  while (Consume(TokenKind::Comma) && !At(stop)) {
    elts.push_back(ParseStarTarget());
    if (failed()) return kNoNode;
  }
  return FinishTuple(elts, begin, prev_end_);
}

NodeId Parser::ParseStarTarget() {
  if (!At(TokenKind::Star)) return ParseBitwiseOr();
  uint32_t begin = Begin();
  Advance();
  NodeId value = ParseStarTarget();
  return Make(NodeKind::Starred, begin, value);
}

}  // namespace taipan
