// The parser's core: token access, errors, speculation, node building.
#include "frontend/parse/parse.h"

#include <algorithm>

#include "frontend/parse/parser.h"

namespace taipan {

Parser::Parser(TokenizedBuffer tokens, const SourceBuffer& source, Diagnostics& diags)
    : source_(source), diags_(diags), tokens_(std::move(tokens.tokens)), deferred_(std::move(tokens.deferred)) {
  ast_.literals = std::move(tokens.literals);
  ast_.names = std::move(tokens.names);
  // Names later phases add on their own (super() implies __class__) must
  // have ids even when the source never spells them.
  for (std::string_view name : {"__class__", "super", "__debug__"}) ast_.names.Intern(name);
  uint32_t end = source.size();
  // A lexer that stopped at an error leaves no end-of-file token.
  Token eof{TokenKind::EndOfFile, 0, end, end, 0};
  if (tokens_.empty() || tokens_.back().kind != TokenKind::EndOfFile) tokens_.push_back(eof);
  eof_index_ = tokens_.size() - 1;
  tokens_.push_back(tokens_.back());
  tokens_.push_back(tokens_.back());
  ast_.nodes.reserve(tokens_.size() / 2 + 16);
  ast_.lists.reserve(tokens_.size() / 2 + 16);
}

// --- Tokens -----------------------------------------------------------------

bool Parser::AtName(std::string_view soft_keyword) const {
  const Token& token = Tok();
  return token.kind == TokenKind::Name && ast_.names.Get(token.value) == soft_keyword;
}

bool Parser::Expect(TokenKind kind) {
  if (Consume(kind)) return true;
  if (failed_) return false;
  const Token& token = Tok();
  // CPython reports a missing ':' (and other expected tokens) where the
  // offending token starts, and an unexpected indent as itself.
  if (token.kind == TokenKind::Indent) {
    Error(DiagKind::UnexpectedIndent, token.begin);
  } else if (!ReportForgottenComma()) {
    Error(DiagKind::Expected, token.begin, {TokenKindText(kind)});
  }
  return false;
}

std::string_view Parser::TextOf(const Token& token) const {
  return source_.text().substr(token.begin, token.end - token.begin);
}

// --- Errors and speculation -----------------------------------------------------

void Parser::Error(DiagKind kind, uint32_t offset, std::initializer_list<std::string_view> args) {
  if (failed_) return;
  failed_ = true;
  pos_ = eof_index_;
  // CPython puts errors found at the end of the file on the last line's
  // line break, not on the empty line after it.
  std::string_view text = source_.text();
  if (offset == text.size() && offset > 0 && text.back() == '\n') --offset;
  if (speculating_) return;
  Diagnostic diag{kind, offset, FormatMessage(DiagKindFormat(kind), args)};
  // CPython 3.11 parses an f-string's fields on their own and says so.
  if (fstring_field_depth_ > 0) diag.message.insert(0, "f-string: ");
  diags_.Report(std::move(diag));
}

// CPython's second pass: inside brackets, an expression directly followed
// by the start of another is reported at the first one.
bool Parser::ReportForgottenComma() {
  if (bracket_depth_ <= 0 || last_disjunction_end_ != pos_) return false;
  // '+', '-' and '*' may also continue the first expression as operators.
  TokenKind kind = Kind();
  bool starts_another = StartsExpression(kind) && kind != TokenKind::Minus && kind != TokenKind::Plus &&
                        kind != TokenKind::Star;
  if (!starts_another) return false;
  // Not for a name right before a string (a bad prefix, as in `ub''`).
  if (pos_ > 0 && tokens_[pos_ - 1].kind == TokenKind::Name &&
      (At(TokenKind::String) || At(TokenKind::FStringStart))) {
    return false;
  }
  Error(DiagKind::ForgotComma, last_disjunction_begin_);
  return true;
}

void Parser::ReportDeferred(const Diagnostic& diag) {
  if (failed_) return;
  failed_ = true;
  pos_ = eof_index_;
  if (!speculating_) diags_.Report(diag);
}

void Parser::ErrorAtToken(const Token& token) {
  if (&token == &Tok() && ReportForgottenComma()) return;
  switch (token.kind) {
    case TokenKind::Indent: return Error(DiagKind::UnexpectedIndent, token.begin);
    case TokenKind::Dedent: return Error(DiagKind::UnindentMismatch, token.begin);
    default: return Error(DiagKind::InvalidSyntax, token.begin);
  }
}

Parser::Checkpoint Parser::StartSpeculation() {
  Checkpoint checkpoint{pos_,        ast_.nodes.size(), ast_.lists.size(), ast_.literals.size(),
                        ast_.compare_ops.size(), bracket_depth_, speculating_};
  speculating_ = true;
  return checkpoint;
}

void Parser::Rewind(const Checkpoint& checkpoint) {
  pos_ = checkpoint.pos;
  prev_end_ = pos_ > 0 ? tokens_[pos_ - 1].end : 0;
  ast_.nodes.resize(checkpoint.nodes);
  ast_.lists.resize(checkpoint.lists);
  ast_.literals.resize(checkpoint.literals);
  ast_.compare_ops.resize(checkpoint.compare_ops);
  bracket_depth_ = checkpoint.bracket_depth;
  failed_ = false;
  speculating_ = checkpoint.speculating;
}

// --- Building nodes -------------------------------------------------------------

NodeId Parser::Make(NodeKind kind, uint32_t begin, NodeId a, NodeId b, NodeId c) {
  return MakeAt(kind, begin, std::max(prev_end_, begin), a, b, c);
}

NodeId Parser::MakeAt(NodeKind kind, uint32_t begin, uint32_t end, NodeId a, NodeId b, NodeId c) {
  uint32_t depth = 1;
  for (NodeId child : {a, b, c}) {
    if (child != kNoNode) depth = std::max<uint32_t>(depth, N(child).depth + 1u);
  }
  NodeId id = static_cast<NodeId>(ast_.nodes.size());
  Node& node = ast_.nodes.emplace_back();
  node.kind = kind;
  node.begin = begin;
  node.end = end;
  node.a = a, node.b = b, node.c = c;
  SetDepth(id, depth);
  return id;
}

NodeList Parser::MakeList(const IdList& ids) {
  NodeList list{static_cast<uint32_t>(ast_.lists.size()), static_cast<uint32_t>(ids.size())};
  ast_.lists.insert(ast_.lists.end(), ids.begin(), ids.end());
  return list;
}

void Parser::SetList(NodeId node, const IdList& ids) {
  N(node).list = MakeList(ids);
  RaiseDepth(node, ids);
}

void Parser::SetList2(NodeId node, const IdList& ids) {
  N(node).list2 = MakeList(ids);
  RaiseDepth(node, ids);
}

void Parser::RaiseDepth(NodeId node, const IdList& children) {
  uint32_t depth = N(node).depth;
  for (NodeId child : children) {
    if (child != kNoNode) depth = std::max<uint32_t>(depth, N(child).depth + 1u);
  }
  SetDepth(node, depth);
}

// Recomputes a node's height from its children and enforces kMaxAstDepth,
// which is what lets every later phase walk the tree recursively: a
// 100,000-term sum is a 100,000-deep tree.
void Parser::UpdateDepth(NodeId id) {
  const Node& node = N(id);
  uint32_t depth = 1;
  for (NodeId child : {node.a, node.b, node.c}) {
    if (child != kNoNode) depth = std::max<uint32_t>(depth, N(child).depth + 1u);
  }
  for (NodeList list : {node.list, node.list2}) {
    for (NodeId child : ast_.List(list)) {
      if (child != kNoNode) depth = std::max<uint32_t>(depth, N(child).depth + 1u);
    }
  }
  SetDepth(id, depth);
}

void Parser::SetDepth(NodeId id, uint32_t depth) {
  if (depth >= kMaxAstDepth) {
    Error(DiagKind::TooDeeplyNested, N(id).begin, {"more than 3000 nested expressions or blocks"});
    depth = kMaxAstDepth - 1;
  }
  N(id).depth = static_cast<uint16_t>(depth);
}

// --- The module ---------------------------------------------------------------------

Ast Parser::ParseModule() {
  IdList body;
  while (!At(TokenKind::EndOfFile)) {
    if (Consume(TokenKind::Newline)) continue;
    ParseStatement(body);
  }
  NodeId module = MakeAt(NodeKind::Module, 0, source_.size());
  SetList(module, body);
  ast_.root = module;
  return std::move(ast_);
}

Ast Parse(TokenizedBuffer tokens, const SourceBuffer& source, Diagnostics& diags) {
  if (diags.has_error()) return {};
  return Parser(std::move(tokens), source, diags).ParseModule();
}

}  // namespace taipan
