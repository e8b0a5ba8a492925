// The parser's internals, shared by the parse_*.cpp files. Not an entry
// header: other phases include parse.h.
//
// A hand-written recursive-descent parser over the lexer's token array, one
// function per grammar rule of CPython 3.11's grammar (Grammar/python.gram),
// named after the rule. Errors: the first one is recorded and the parser
// then sees only end-of-file, so every loop ends and every caller returns.
// Two places need a guess that may be undone (parenthesized with-items and
// the soft keyword `match`); they take a Checkpoint and parse speculatively,
// with errors kept out of the diagnostics until the guess is confirmed.
#ifndef TAIPAN_FRONTEND_PARSE_PARSER_H
#define TAIPAN_FRONTEND_PARSE_PARSER_H

#include <string>
#include <string_view>
#include <vector>

#include "frontend/diag/diagnostics.h"
#include "frontend/diag/source_buffer.h"
#include "frontend/lex/tokens.h"
#include "frontend/parse/ast.h"
#include "frontend/support/small_vector.h"

namespace taipan {

using IdList = SmallVector<NodeId, 8>;

class Parser {
 public:
  Parser(TokenizedBuffer tokens, const SourceBuffer& source, Diagnostics& diags);
  Ast ParseModule();

 private:
  // --- Tokens -------------------------------------------------------------
  // The token array ends with the end-of-file token and two copies of it,
  // so looking up to two tokens ahead needs no bounds check; and after an
  // error the cursor is parked on the end of the file, so every loop ends
  // and every rule returns.
  const Token& Tok(size_t ahead = 0) const { return tokens_[pos_ + ahead]; }
  TokenKind Kind(size_t ahead = 0) const { return Tok(ahead).kind; }
  static int BracketDelta(TokenKind kind) {
    switch (kind) {
      case TokenKind::LParen:
      case TokenKind::LSquare:
      case TokenKind::LBrace:
      case TokenKind::FStringFieldStart: return 1;
      case TokenKind::RParen:
      case TokenKind::RSquare:
      case TokenKind::RBrace:
      case TokenKind::FStringFieldEnd: return -1;
      default: return 0;
    }
  }
  bool At(TokenKind kind) const { return Kind() == kind; }
  bool AtName(std::string_view soft_keyword) const;
  const Token& Advance() {
    const Token& token = Tok();
    if (pos_ < eof_index_) {
      ++pos_;
      bracket_depth_ += BracketDelta(token.kind);
      // A statement ends with its last real token, not the line break after it.
      bool layout = token.kind == TokenKind::Newline || token.kind == TokenKind::Indent ||
                    token.kind == TokenKind::Dedent;
      if (!layout) prev_end_ = token.end;
    }
    return token;
  }
  bool Consume(TokenKind kind) {
    if (!At(kind)) return false;
    Advance();
    return true;
  }
  bool Expect(TokenKind kind);
  uint32_t Begin() const { return Tok().begin; }
  std::string_view TextOf(const Token& token) const;

  // --- Errors and speculation ---------------------------------------------
  void Error(DiagKind kind, uint32_t offset, std::initializer_list<std::string_view> args = {});
  void ErrorAtToken(const Token& token);
  void ReportDeferred(const Diagnostic& diag);
  bool ReportForgottenComma();
  static bool StartsExpression(TokenKind kind);
  bool failed() const { return failed_; }
  struct Checkpoint {
    size_t pos, nodes, lists, literals, compare_ops;
    int bracket_depth;
    bool speculating;
  };
  Checkpoint StartSpeculation();
  void Rewind(const Checkpoint& checkpoint);
  void EndSpeculation(const Checkpoint& checkpoint) { speculating_ = checkpoint.speculating; }
  struct DepthGuard;

  // --- Building nodes -------------------------------------------------------
  NodeId Make(NodeKind kind, uint32_t begin, NodeId a = kNoNode, NodeId b = kNoNode, NodeId c = kNoNode);
  NodeId MakeAt(NodeKind kind, uint32_t begin, uint32_t end, NodeId a = kNoNode, NodeId b = kNoNode,
                NodeId c = kNoNode);
  NodeList MakeList(const IdList& ids);
  void SetList(NodeId node, const IdList& ids);
  void SetList2(NodeId node, const IdList& ids);
  void UpdateDepth(NodeId node);
  void RaiseDepth(NodeId node, const IdList& children);
  void SetDepth(NodeId node, uint32_t depth);
  Node& N(NodeId id) { return ast_.nodes[id]; }
  const Node& N(NodeId id) const { return ast_.nodes[id]; }

  // --- Statements (parse_statement.cpp) -------------------------------------
  void ParseStatement(IdList& out);
  void ParseSimpleStatements(IdList& out);
  NodeId ParseSimpleStatement();
  NodeId ParseCompoundStatement();
  IdList ParseBlock(std::string_view what, uint32_t header_begin);
  NodeId ParseExpressionStatement();
  NodeId ParseAssignmentTail(NodeId first, uint32_t begin);
  NodeId ParseReturn();
  NodeId ParseRaise();
  NodeId ParseGlobalOrNonlocal(NodeKind kind);
  NodeId ParseDel();
  NodeId ParseAssert();
  NodeId ParseImport();
  NodeId ParseImportFrom();
  NodeId ParseDottedName(uint32_t* name);
  NodeId ParseAlias(bool dotted);
  NodeId ParseDecorated();
  NodeId ParseFunctionDef(IdList decorators, uint32_t begin, bool is_async);
  NodeId ParseClassDef(IdList decorators, uint32_t begin);
  NodeId ParseIf(std::string_view what);
  NodeId ParseWhile();
  NodeId ParseFor(uint32_t begin, bool is_async);
  NodeId ParseWith(uint32_t begin, bool is_async);
  bool ParseParenthesizedWithItems(IdList& items);
  NodeId ParseWithItem();
  NodeId ParseTry();
  NodeId ParseExceptHandler(bool* is_star);
  NodeId ParseBlockNode(std::string_view what, uint32_t header_begin);
  bool AtMatchStatement() const;
  NodeId ParseMatch();
  NodeId ParseCase();

  // --- Expressions (parse_expression.cpp) -----------------------------------
  NodeId ParseStarExpressions();
  NodeId ParseStarExpression();
  NodeId ParseStarNamedExpression();
  NodeId ParseNamedExpression();
  NodeId ParseExpression();
  NodeId ParseYieldOrStarExpressions();
  NodeId ParseYield();
  NodeId ParseLambda();
  NodeId ParseDisjunction();
  NodeId ParseDisjunctionOrOperand();
  NodeId ParseConjunction();
  NodeId ParseInversion();
  NodeId ParseComparison();
  bool ParseCompareOp(CompareOp* op);
  NodeId ParseBitwiseOr();
  NodeId ParseBinary(int min_precedence);
  NodeId ParseFactor();
  NodeId ParsePower();
  NodeId ParseAwaitPrimary();
  NodeId ParsePrimary();
  NodeId ParseAtom();
  NodeId ParseName(ExprContext context = ExprContext::Load);
  NodeId ParseConstantKeyword();
  NodeId ParseNumber();
  NodeId ParseStrings();
  bool IsBytesToken(const Token& token) const;
  void ParseFString(IdList& parts, std::string& pending, uint32_t* pending_begin);
  NodeId ParseFStringField();
  NodeId ParseFStringText(TokenKind stop, uint32_t begin);
  NodeId ParseParenthesized();
  NodeId ParseGroupContents(TokenKind close, uint32_t begin);
  NodeId ParseList();
  NodeId ParseDictOrSet();
  NodeId ParseDictTail(NodeId first_key, uint32_t begin);
  NodeId ParseSetTail(NodeId first, uint32_t begin);
  NodeId ParseSubscript(NodeId value, uint32_t begin);
  NodeId ParseSlice();
  NodeId ParseCall(NodeId func, uint32_t begin);
  NodeId ParseCallArguments(NodeId node, TokenKind close, bool allow_generator);
  IdList ParseComprehensionClauses();
  NodeId ParseComprehension(NodeKind kind, NodeId elt, NodeId value, uint32_t begin);
  NodeId ParseParameters(TokenKind close, bool annotations);
  NodeId ParseParameter(ParamKind kind, bool annotations, bool star_annotation);
  NodeId ParseStarTargets(TokenKind stop);
  NodeId ParseStarTarget();
  NodeId FinishTuple(IdList& elts, uint32_t begin, uint32_t end);

  // --- Targets (targets.cpp) -------------------------------------------------
  bool SetStoreContext(NodeId node);
  bool SetDeleteContext(NodeId node);
  bool CheckAugAssignTarget(NodeId node);
  bool CheckAnnotatedTarget(NodeId node);
  bool CheckNotStarred(NodeId node);
  std::string_view Describe(NodeId node) const;
  bool IsDebugName(NodeId node) const;

  // --- Patterns (parse_pattern.cpp) ----------------------------------------
  NodeId ParsePatterns();
  NodeId ParsePattern();
  NodeId ParseOrPattern();
  NodeId ParseClosedPattern();
  NodeId ParseMaybeStarPattern();
  NodeId ParseLiteralPattern();
  NodeId ParseSignedNumber();
  NodeId ParseValueOrClassPattern();
  NodeId MakeSequencePattern(uint32_t begin, const IdList& elts);
  NodeId ParseMappingPattern();
  NodeId ParseClassPatternArguments(NodeId cls, uint32_t begin);
  uint32_t ParseCaptureName();

  const SourceBuffer& source_;
  Diagnostics& diags_;
  std::vector<Token> tokens_;
  std::vector<Diagnostic> deferred_;  // errors inside literals (kTokenDeferredError)
  size_t eof_index_ = 0;              // the end-of-file token (padding follows it)
  size_t pos_ = 0;
  uint32_t prev_end_ = 0;  // end of the last token consumed
  Ast ast_;
  bool failed_ = false;
  bool speculating_ = false;
  int depth_ = 0;  // recursion depth of expression rules
  char* stack_base_ = static_cast<char*>(__builtin_frame_address(0));
  int bracket_depth_ = 0;  // open brackets (and f-string fields) around the current token
  int fstring_field_depth_ = 0;  // f-string replacement fields being parsed
  // The last disjunction parsed, and the token position just after it: two
  // expressions side by side inside brackets are "a forgotten comma".
  uint32_t last_disjunction_begin_ = 0;
  size_t last_disjunction_end_ = SIZE_MAX;
};

// Bounds the parser's own recursion (10,000 nested `not`s, unary minuses,
// lambdas or conditional expressions): past either limit it is an error,
// not a stack overflow. The level limit is about where CPython 3.11 stops;
// the stack limit keeps sanitizer builds, whose frames are larger, safe
// within the usual 8 MB main-thread stack.
struct Parser::DepthGuard {
  static constexpr int kMaxDepth = 3000;
  static constexpr size_t kMaxStackBytes = 6 * 1024 * 1024;
  Parser& parser;
  explicit DepthGuard(Parser& p) : parser(p) {
    ++parser.depth_;
    size_t used = static_cast<size_t>(parser.stack_base_ - static_cast<char*>(__builtin_frame_address(0)));
    if (parser.depth_ >= kMaxDepth || used > kMaxStackBytes) {
      parser.Error(DiagKind::TooDeeplyNested, parser.Begin(), {"the expression exceeds the parser's depth limit"});
    }
  }
  ~DepthGuard() { --parser.depth_; }
};

}  // namespace taipan

#endif  // TAIPAN_FRONTEND_PARSE_PARSER_H
