// The parser's core: token access, errors, speculation, node building.
#include "frontend/parse/parse.h"

#include <algorithm>

#include "frontend/parse/parser.h"

namespace taipan {

Parser::Parser(TokenizedBuffer tokens, const SourceBuffer& source, Diagnostics& diags)
    : source_(source), diags_(diags), tokens_(std::move(tokens.tokens)) {
  ast_.literals = std::move(tokens.literals);
  ast_.names = std::move(tokens.names);
  // Names later phases add on their own (super() implies __class__) must
  // have ids even when the source never spells them.
  for (std::string_view name : {"__class__", "super", "__debug__"}) ast_.names.Intern(name);
  uint32_t end = source.size();
  eof_ = {TokenKind::EndOfFile, 0, end, end, 0};
  if (tokens_.empty() || tokens_.back().kind != TokenKind::EndOfFile) tokens_.push_back(eof_);
  ast_.nodes.reserve(tokens_.size() / 2 + 16);
}

// --- Tokens -----------------------------------------------------------------

const Token& Parser::Tok(size_t ahead) const {
  if (failed_) return eof_;
  size_t at = pos_ + ahead;
  return at < tokens_.size() ? tokens_[at] : tokens_.back();
}

bool Parser::AtName(std::string_view soft_keyword) const {
  const Token& token = Tok();
  return token.kind == TokenKind::Name && ast_.names.Get(token.value) == soft_keyword;
}

const Token& Parser::Advance() {
  const Token& token = Tok();
  if (!failed_ && pos_ + 1 < tokens_.size()) {
    ++pos_;
    // A statement ends with its last real token, not the line break after it.
    bool layout = token.kind == TokenKind::Newline || token.kind == TokenKind::Indent ||
                  token.kind == TokenKind::Dedent;
    if (!layout) prev_end_ = token.end;
  }
  return token;
}

bool Parser::Consume(TokenKind kind) {
  if (!At(kind)) return false;
  Advance();
  return true;
}

bool Parser::Expect(TokenKind kind) {
  if (Consume(kind)) return true;
  if (failed_) return false;
  const Token& token = Tok();
  // CPython reports a missing ':' (and other expected tokens) where the
  // offending token starts, and an unexpected indent as itself.
  if (token.kind == TokenKind::Indent) {
    Error(DiagKind::UnexpectedIndent, token.begin);
  } else {
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
  if (!speculating_) diags_.Error(kind, offset, args);
}

void Parser::ErrorAtToken(const Token& token) {
  switch (token.kind) {
    case TokenKind::Indent: return Error(DiagKind::UnexpectedIndent, token.begin);
    case TokenKind::Dedent: return Error(DiagKind::UnindentMismatch, token.begin);
    default: return Error(DiagKind::InvalidSyntax, token.begin);
  }
}

Parser::Checkpoint Parser::StartSpeculation() {
  Checkpoint checkpoint{pos_, ast_.nodes.size(), ast_.lists.size(), ast_.literals.size(),
                        ast_.compare_ops.size(), speculating_};
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
  failed_ = false;
  speculating_ = checkpoint.speculating;
}

// --- Building nodes -------------------------------------------------------------

NodeId Parser::Make(NodeKind kind, uint32_t begin, NodeId a, NodeId b, NodeId c) {
  return MakeAt(kind, begin, std::max(prev_end_, begin), a, b, c);
}

NodeId Parser::MakeAt(NodeKind kind, uint32_t begin, uint32_t end, NodeId a, NodeId b, NodeId c) {
  Node node;
  node.kind = kind;
  node.begin = begin;
  node.end = end;
  node.a = a, node.b = b, node.c = c;
  NodeId id = static_cast<NodeId>(ast_.nodes.size());
  ast_.nodes.push_back(node);
  UpdateDepth(id);
  return id;
}

NodeList Parser::MakeList(const std::vector<NodeId>& ids) {
  NodeList list{static_cast<uint32_t>(ast_.lists.size()), static_cast<uint32_t>(ids.size())};
  ast_.lists.insert(ast_.lists.end(), ids.begin(), ids.end());
  return list;
}

void Parser::SetList(NodeId node, const std::vector<NodeId>& ids) {
  NodeList list = MakeList(ids);
  N(node).list = list;
  UpdateDepth(node);
}

void Parser::SetList2(NodeId node, const std::vector<NodeId>& ids) {
  NodeList list = MakeList(ids);
  N(node).list2 = list;
  UpdateDepth(node);
}

// Recomputes a node's height from its children and enforces kMaxAstDepth,
// which is what lets every later phase walk the tree recursively: a
// 100,000-term sum is a 100,000-deep tree.
void Parser::UpdateDepth(NodeId id) {
  const Node& node = N(id);
  uint32_t depth = 0;
  for (NodeId child : {node.a, node.b, node.c}) {
    if (child != kNoNode) depth = std::max<uint32_t>(depth, N(child).depth);
  }
  for (NodeList list : {node.list, node.list2}) {
    for (NodeId child : ast_.List(list)) {
      if (child != kNoNode) depth = std::max<uint32_t>(depth, N(child).depth);
    }
  }
  if (depth + 1 >= kMaxAstDepth) {
    Error(DiagKind::TooDeeplyNested, node.begin, {"more than 3000 nested expressions or blocks"});
    depth = kMaxAstDepth - 1;
  }
  N(id).depth = static_cast<uint16_t>(depth + 1);
}

// --- The module ---------------------------------------------------------------------

Ast Parser::ParseModule() {
  std::vector<NodeId> body;
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
