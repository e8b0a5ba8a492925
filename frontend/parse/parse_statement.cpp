// Statements: Grammar/python.gram's statement rules.
#include "frontend/parse/parser.h"

namespace taipan {

namespace {

bool IsAugAssignOp(TokenKind kind, BinaryOp* op) {
  switch (kind) {
    case TokenKind::PlusEqual: *op = BinaryOp::Add; return true;
    case TokenKind::MinusEqual: *op = BinaryOp::Sub; return true;
    case TokenKind::StarEqual: *op = BinaryOp::Mult; return true;
    case TokenKind::AtEqual: *op = BinaryOp::MatMult; return true;
    case TokenKind::SlashEqual: *op = BinaryOp::Div; return true;
    case TokenKind::PercentEqual: *op = BinaryOp::Mod; return true;
    case TokenKind::AmperEqual: *op = BinaryOp::BitAnd; return true;
    case TokenKind::VBarEqual: *op = BinaryOp::BitOr; return true;
    case TokenKind::CircumflexEqual: *op = BinaryOp::BitXor; return true;
    case TokenKind::LeftShiftEqual: *op = BinaryOp::LShift; return true;
    case TokenKind::RightShiftEqual: *op = BinaryOp::RShift; return true;
    case TokenKind::DoubleStarEqual: *op = BinaryOp::Pow; return true;
    case TokenKind::DoubleSlashEqual: *op = BinaryOp::FloorDiv; return true;
    default: return false;
  }
}

}  // namespace

void Parser::ParseStatement(IdList& out) {
  if (At(TokenKind::Indent)) return Error(DiagKind::UnexpectedIndent, Begin());
  NodeId compound = ParseCompoundStatement();
  if (compound != kNoNode) {
    out.push_back(compound);
    return;
  }
  if (!failed()) ParseSimpleStatements(out);
}

// simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE
void Parser::ParseSimpleStatements(IdList& out) {
  do {
    NodeId statement = ParseSimpleStatement();
    if (failed()) return;
    out.push_back(statement);
    if (!Consume(TokenKind::Semicolon)) break;
  } while (!At(TokenKind::Newline) && !At(TokenKind::EndOfFile));
  if (At(TokenKind::EndOfFile)) return;
  if (!At(TokenKind::Newline)) return ErrorAtToken(Tok());
  Advance();
}

NodeId Parser::ParseSimpleStatement() {
  uint32_t begin = Begin();
  switch (Kind()) {
    case TokenKind::Pass: Advance(); return Make(NodeKind::Pass, begin);
    case TokenKind::Break: Advance(); return Make(NodeKind::Break, begin);
    case TokenKind::Continue: Advance(); return Make(NodeKind::Continue, begin);
    case TokenKind::Return: return ParseReturn();
    case TokenKind::Raise: return ParseRaise();
    case TokenKind::Global: return ParseGlobalOrNonlocal(NodeKind::Global);
    case TokenKind::Nonlocal: return ParseGlobalOrNonlocal(NodeKind::Nonlocal);
    case TokenKind::Del: return ParseDel();
    case TokenKind::Assert: return ParseAssert();
    case TokenKind::Import: return ParseImport();
    case TokenKind::From: return ParseImportFrom();
    default: return ParseExpressionStatement();
  }
}

NodeId Parser::ParseCompoundStatement() {
  uint32_t begin = Begin();
  switch (Kind()) {
    case TokenKind::Def: return ParseFunctionDef({}, begin, false);
    case TokenKind::Class: return ParseClassDef({}, begin);
    case TokenKind::At: return ParseDecorated();
    case TokenKind::If: return ParseIf("'if' statement");
    case TokenKind::While: return ParseWhile();
    case TokenKind::For: return ParseFor(begin, false);
    case TokenKind::With: return ParseWith(begin, false);
    case TokenKind::Try: return ParseTry();
    case TokenKind::Async:
      switch (Kind(1)) {
        case TokenKind::Def: Advance(); return ParseFunctionDef({}, begin, true);
        case TokenKind::For: Advance(); return ParseFor(begin, true);
        case TokenKind::With: Advance(); return ParseWith(begin, true);
        default: Error(DiagKind::InvalidSyntax, Tok(1).begin); return kNoNode;
      }
    case TokenKind::Name:
      if (AtMatchStatement()) return ParseMatch();
      return kNoNode;
    default: return kNoNode;
  }
}

// block: NEWLINE INDENT statements DEDENT | simple_stmts
IdList Parser::ParseBlock(std::string_view what, uint32_t header_begin) {
  IdList body;
  if (!Expect(TokenKind::Colon)) return body;
  if (!Consume(TokenKind::Newline)) {
    ParseSimpleStatements(body);
    return body;
  }
  if (!Consume(TokenKind::Indent)) {
    std::string line = std::to_string(source_.LineOf(header_begin));
    Error(DiagKind::ExpectedIndentedBlock, Begin(), {what, line});
    return body;
  }
  while (!failed() && !At(TokenKind::Dedent) && !At(TokenKind::EndOfFile)) ParseStatement(body);
  Consume(TokenKind::Dedent);
  return body;
}

NodeId Parser::ParseBlockNode(std::string_view what, uint32_t header_begin) {
  uint32_t begin = Begin();
  IdList body = ParseBlock(what, header_begin);
  NodeId block = Make(NodeKind::Block, begin);
  SetList(block, body);
  return block;
}

// --- Simple statements -------------------------------------------------------

NodeId Parser::ParseExpressionStatement() {
  uint32_t begin = Begin();
  NodeId first = ParseYieldOrStarExpressions();
  if (failed()) return kNoNode;
  return ParseAssignmentTail(first, begin);
}

// What follows an expression at the start of a statement: an annotation,
// an augmented assignment, '=' chains, or nothing (an expression statement).
NodeId Parser::ParseAssignmentTail(NodeId first, uint32_t begin) {
  BinaryOp op;
  if (At(TokenKind::Colon)) {
    if (!CheckAnnotatedTarget(first)) return kNoNode;
    Advance();
    NodeId annotation = ParseExpression();
    NodeId value = kNoNode;
    if (Consume(TokenKind::Equal)) value = ParseYieldOrStarExpressions();
    if (failed()) return kNoNode;
    NodeId node = Make(NodeKind::AnnAssign, begin, first, annotation, value);
    if (N(first).kind == NodeKind::Name && !(N(first).flags & kFlagParenthesized)) N(node).flags |= kFlagSimple;
    return node;
  }
  if (IsAugAssignOp(Kind(), &op)) {
    if (!CheckAugAssignTarget(first)) return kNoNode;
    Advance();
    NodeId value = ParseYieldOrStarExpressions();
    if (failed()) return kNoNode;
    NodeId node = Make(NodeKind::AugAssign, begin, first, value);
    N(node).op = static_cast<uint8_t>(op);
    return node;
  }
  if (At(TokenKind::ColonEqual)) {
    // An unparenthesized walrus statement; CPython names a bad target.
    if (N(first).kind == NodeKind::Name) {
      Error(DiagKind::InvalidSyntax, Begin());
    } else {
      Error(DiagKind::InvalidWalrusTarget, N(first).begin, {Describe(first)});
    }
    return kNoNode;
  }
  if (!At(TokenKind::Equal)) {
    if (!CheckNotStarred(first)) return kNoNode;
    return Make(NodeKind::Expr, begin, first);
  }
  IdList targets{first};
  NodeId value = kNoNode;
  while (Consume(TokenKind::Equal)) {
    value = ParseYieldOrStarExpressions();
    if (failed()) return kNoNode;
    if (At(TokenKind::Equal)) targets.push_back(value);
  }
  for (NodeId target : targets) {
    if (!SetStoreContext(target)) return kNoNode;
  }
  if (!CheckNotStarred(value)) return kNoNode;
  NodeId node = Make(NodeKind::Assign, begin, value);
  SetList(node, targets);
  return node;
}

NodeId Parser::ParseReturn() {
  uint32_t begin = Begin();
  Advance();
  NodeId value = kNoNode;
  if (!At(TokenKind::Newline) && !At(TokenKind::Semicolon) && !At(TokenKind::EndOfFile)) {
    value = ParseStarExpressions();
    if (!CheckNotStarred(value)) return kNoNode;
  }
  return Make(NodeKind::Return, begin, value);
}

NodeId Parser::ParseRaise() {
  uint32_t begin = Begin();
  Advance();
  NodeId exc = kNoNode, cause = kNoNode;
  if (!At(TokenKind::Newline) && !At(TokenKind::Semicolon) && !At(TokenKind::EndOfFile)) {
    exc = ParseExpression();
    if (Consume(TokenKind::From)) cause = ParseExpression();
  }
  return Make(NodeKind::Raise, begin, exc, cause);
}

NodeId Parser::ParseGlobalOrNonlocal(NodeKind kind) {
  uint32_t begin = Begin();
  Advance();
  IdList names;
  do {
    if (!At(TokenKind::Name)) {
      Expect(TokenKind::Name);
      return kNoNode;
    }
    names.push_back(ParseName());
  } while (Consume(TokenKind::Comma));
  NodeId node = Make(kind, begin);
  SetList(node, names);
  return node;
}

NodeId Parser::ParseDel() {
  uint32_t begin = Begin();
  Advance();
  IdList targets;
  do {
    if (At(TokenKind::Newline) || At(TokenKind::Semicolon) || At(TokenKind::EndOfFile)) {
      if (targets.empty()) ErrorAtToken(Tok());
      break;
    }
    NodeId target = ParseStarExpression();  // `del *a` is "cannot delete starred"
    if (failed()) return kNoNode;
    if (!SetDeleteContext(target)) return kNoNode;
    targets.push_back(target);
  } while (Consume(TokenKind::Comma));
  NodeId node = Make(NodeKind::Delete, begin);
  SetList(node, targets);
  return node;
}

NodeId Parser::ParseAssert() {
  uint32_t begin = Begin();
  Advance();
  NodeId test = ParseExpression();
  NodeId msg = kNoNode;
  if (Consume(TokenKind::Comma)) msg = ParseExpression();
  return Make(NodeKind::Assert, begin, test, msg);
}

// dotted_name: NAME ('.' NAME)*. Interns the whole dotted spelling.
NodeId Parser::ParseDottedName(uint32_t* name) {
  std::string dotted;
  do {
    if (!At(TokenKind::Name)) {
      Expect(TokenKind::Name);
      return kNoNode;
    }
    if (!dotted.empty()) dotted += '.';
    dotted += ast_.names.Get(Advance().value);
  } while (Consume(TokenKind::Dot));
  *name = ast_.names.Intern(dotted);
  return 0;
}

NodeId Parser::ParseAlias(bool dotted) {
  uint32_t begin = Begin();
  uint32_t name = kNoName;
  if (dotted) {
    ParseDottedName(&name);
  } else if (At(TokenKind::Name)) {
    name = Advance().value;
  } else {
    Expect(TokenKind::Name);
  }
  if (failed()) return kNoNode;
  NodeId asname = kNoNode;
  if (Consume(TokenKind::As)) {
    if (!At(TokenKind::Name)) {
      Expect(TokenKind::Name);
      return kNoNode;
    }
    asname = ParseName(ExprContext::Store);
  }
  NodeId alias = Make(NodeKind::Alias, begin, asname);
  N(alias).value = name;
  return alias;
}

NodeId Parser::ParseImport() {
  uint32_t begin = Begin();
  Advance();
  IdList names;
  do {
    names.push_back(ParseAlias(true));
    if (failed()) return kNoNode;
  } while (Consume(TokenKind::Comma));
  NodeId node = Make(NodeKind::Import, begin);
  SetList(node, names);
  return node;
}

NodeId Parser::ParseImportFrom() {
  uint32_t begin = Begin();
  Advance();
  uint32_t level = 0;
  while (At(TokenKind::Dot) || At(TokenKind::Ellipsis)) level += Advance().kind == TokenKind::Dot ? 1 : 3;
  uint32_t module = kNoName;
  if (!At(TokenKind::Import) || level == 0) ParseDottedName(&module);
  if (failed() || !Expect(TokenKind::Import)) return kNoNode;
  IdList names;
  if (At(TokenKind::Star)) {
    uint32_t star_begin = Begin();
    Advance();
    NodeId alias = Make(NodeKind::Alias, star_begin);
    N(alias).value = ast_.names.Intern("*");
    names.push_back(alias);
  } else if (Consume(TokenKind::LParen)) {
    do {
      if (At(TokenKind::RParen) && !names.empty()) break;
      names.push_back(ParseAlias(false));
      if (failed()) return kNoNode;
    } while (Consume(TokenKind::Comma));
    if (!Expect(TokenKind::RParen)) return kNoNode;
  } else {
    do {
      names.push_back(ParseAlias(false));
      if (failed()) return kNoNode;
      if (At(TokenKind::Comma) && (Kind(1) == TokenKind::Newline || Kind(1) == TokenKind::EndOfFile ||
                                   Kind(1) == TokenKind::Semicolon)) {
        Error(DiagKind::ImportTrailingComma, Begin());
        return kNoNode;
      }
    } while (Consume(TokenKind::Comma));
  }
  NodeId node = Make(NodeKind::ImportFrom, begin);
  N(node).value = module;
  N(node).extra = level;
  SetList(node, names);
  return node;
}

// --- Compound statements -------------------------------------------------------

// decorators: ('@' named_expression NEWLINE)+ then a def or class.
NodeId Parser::ParseDecorated() {
  IdList decorators;
  while (Consume(TokenKind::At)) {
    decorators.push_back(ParseNamedExpression());
    if (failed() || !Expect(TokenKind::Newline)) return kNoNode;
  }
  // As in CPython's AST, a decorated definition starts at `def`/`class`.
  uint32_t def_begin = Begin();
  if (At(TokenKind::Def)) return ParseFunctionDef(std::move(decorators), def_begin, false);
  if (At(TokenKind::Class)) return ParseClassDef(std::move(decorators), def_begin);
  if (At(TokenKind::Async) && Kind(1) == TokenKind::Def) {
    Advance();
    return ParseFunctionDef(std::move(decorators), def_begin, true);
  }
  Error(DiagKind::InvalidSyntax, def_begin);
  return kNoNode;
}

NodeId Parser::ParseFunctionDef(IdList decorators, uint32_t begin, bool is_async) {
  uint32_t header = Begin();
  Advance();  // 'def'
  if (!At(TokenKind::Name)) {
    Expect(TokenKind::Name);
    return kNoNode;
  }
  uint32_t name = Advance().value;
  if (!Expect(TokenKind::LParen)) return kNoNode;
  NodeId args = ParseParameters(TokenKind::RParen, true);
  if (failed() || !Expect(TokenKind::RParen)) return kNoNode;
  NodeId returns = kNoNode;
  if (Consume(TokenKind::RArrow)) returns = ParseExpression();
  if (failed()) return kNoNode;
  IdList body = ParseBlock("function definition", header);
  if (failed()) return kNoNode;
  NodeId node = Make(NodeKind::FunctionDef, begin, args, returns);
  N(node).value = name;
  if (is_async) N(node).flags |= kFlagAsync;
  SetList(node, body);
  SetList2(node, decorators);
  return node;
}

NodeId Parser::ParseClassDef(IdList decorators, uint32_t begin) {
  uint32_t header = Begin();
  Advance();  // 'class'
  if (!At(TokenKind::Name)) {
    Expect(TokenKind::Name);
    return kNoNode;
  }
  uint32_t name = Advance().value;
  NodeId bases = kNoNode;
  if (At(TokenKind::LParen)) {
    uint32_t bases_begin = Begin();
    Advance();
    bases = MakeAt(NodeKind::ClassBases, bases_begin, bases_begin);
    ParseCallArguments(bases, TokenKind::RParen, false);
    if (failed() || !Expect(TokenKind::RParen)) return kNoNode;
    N(bases).end = prev_end_;
  }
  IdList body = ParseBlock("class definition", header);
  if (failed()) return kNoNode;
  NodeId node = Make(NodeKind::ClassDef, begin, bases);
  N(node).value = name;
  SetList(node, body);
  SetList2(node, decorators);
  return node;
}

// if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block]).
// An elif becomes an If alone in the orelse list, as in CPython's AST.
NodeId Parser::ParseIf(std::string_view what) {
  uint32_t begin = Begin();
  Advance();  // 'if' or 'elif'
  NodeId test = ParseNamedExpression();
  if (failed()) return kNoNode;
  IdList body = ParseBlock(what, begin);
  if (failed()) return kNoNode;
  IdList orelse;
  if (At(TokenKind::Elif)) {
    orelse.push_back(ParseIf("'elif' statement"));
  } else if (At(TokenKind::Else)) {
    uint32_t else_begin = Begin();
    Advance();
    orelse = ParseBlock("'else' statement", else_begin);
  }
  if (failed()) return kNoNode;
  NodeId node = MakeAt(NodeKind::If, begin, prev_end_, test);
  SetList(node, body);
  SetList2(node, orelse);
  return node;
}

NodeId Parser::ParseWhile() {
  uint32_t begin = Begin();
  Advance();
  NodeId test = ParseNamedExpression();
  if (failed()) return kNoNode;
  IdList body = ParseBlock("'while' statement", begin);
  IdList orelse;
  if (At(TokenKind::Else)) {
    uint32_t else_begin = Begin();
    Advance();
    orelse = ParseBlock("'else' statement", else_begin);
  }
  if (failed()) return kNoNode;
  NodeId node = Make(NodeKind::While, begin, test);
  SetList(node, body);
  SetList2(node, orelse);
  return node;
}

// for_stmt: ['async'] 'for' star_targets 'in' star_expressions ':' block [else_block]
NodeId Parser::ParseFor(uint32_t begin, bool is_async) {
  uint32_t header = Begin();
  Advance();  // 'for'
  NodeId target = ParseStarTargets(TokenKind::In);
  if (failed() || !SetStoreContext(target) || !Expect(TokenKind::In)) return kNoNode;
  NodeId iter = ParseStarExpressions();
  if (failed() || !CheckNotStarred(iter)) return kNoNode;
  IdList body = ParseBlock("'for' statement", header);
  IdList orelse;
  if (At(TokenKind::Else)) {
    uint32_t else_begin = Begin();
    Advance();
    orelse = ParseBlock("'else' statement", else_begin);
  }
  if (failed()) return kNoNode;
  NodeId node = Make(NodeKind::For, begin, target, iter);
  if (is_async) N(node).flags |= kFlagAsync;
  SetList(node, body);
  SetList2(node, orelse);
  return node;
}

NodeId Parser::ParseWithItem() {
  uint32_t begin = Begin();
  NodeId context = ParseExpression();
  NodeId vars = kNoNode;
  if (Consume(TokenKind::As)) {
    vars = ParseStarTarget();
    if (failed() || !SetStoreContext(vars)) return kNoNode;
  }
  if (failed()) return kNoNode;
  return Make(NodeKind::WithItem, begin, context, vars);
}

// '(' ','.with_item+ ','? ')' ':' — only when that is what the parentheses
// hold; `with (a, b):` is a tuple, `with (a as b):` is not.
bool Parser::ParseParenthesizedWithItems(IdList& items) {
  Checkpoint checkpoint = StartSpeculation();
  Advance();  // '('
  do {
    if (At(TokenKind::RParen) && !items.empty()) break;
    items.push_back(ParseWithItem());
  } while (!failed() && Consume(TokenKind::Comma));
  bool ok = !failed() && Consume(TokenKind::RParen) && At(TokenKind::Colon);
  if (!ok) {
    items.clear();
    Rewind(checkpoint);
    return false;
  }
  EndSpeculation(checkpoint);
  return true;
}

NodeId Parser::ParseWith(uint32_t begin, bool is_async) {
  uint32_t header = Begin();
  Advance();  // 'with'
  IdList items;
  if (!At(TokenKind::LParen) || !ParseParenthesizedWithItems(items)) {
    do {
      items.push_back(ParseWithItem());
    } while (!failed() && Consume(TokenKind::Comma));
  }
  if (failed()) return kNoNode;
  IdList body = ParseBlock("'with' statement", header);
  if (failed()) return kNoNode;
  NodeId node = Make(NodeKind::With, begin);
  if (is_async) N(node).flags |= kFlagAsync;
  SetList(node, items);
  SetList2(node, body);
  return node;
}

NodeId Parser::ParseExceptHandler(bool* is_star) {
  uint32_t begin = Begin();
  Advance();  // 'except'
  *is_star = Consume(TokenKind::Star);
  NodeId type = kNoNode;
  uint32_t name = kNoName;
  if (!At(TokenKind::Colon)) {
    type = ParseExpression();
    if (failed()) return kNoNode;
    if (At(TokenKind::Comma)) {
      // `except A, B:` is Python 2; CPython asks for parentheses.
      Error(DiagKind::Expected, Begin(), {"':' (multiple exception types must be parenthesized)"});
      return kNoNode;
    }
    if (Consume(TokenKind::As)) {
      if (!At(TokenKind::Name)) {
        Expect(TokenKind::Name);
        return kNoNode;
      }
      name = Advance().value;
    }
  } else if (*is_star) {
    Error(DiagKind::BareExceptStar, Begin());
    return kNoNode;
  }
  IdList body = ParseBlock(*is_star ? "'except*' statement" : "'except' statement", begin);
  if (failed()) return kNoNode;
  NodeId handler = Make(NodeKind::ExceptHandler, begin, type);
  N(handler).value = name;
  if (*is_star) N(handler).flags |= kFlagStar;
  SetList(handler, body);
  return handler;
}

NodeId Parser::ParseTry() {
  uint32_t begin = Begin();
  Advance();
  IdList body = ParseBlock("'try' statement", begin);
  if (failed()) return kNoNode;
  IdList handlers;
  bool any_star = false, any_plain = false;
  uint32_t bare_handler = kNoExtra;
  while (At(TokenKind::Except)) {
    uint32_t handler_begin = Begin();
    if (bare_handler != kNoExtra) {
      Error(DiagKind::DefaultExceptNotLast, bare_handler);
      return kNoNode;
    }
    bool is_star = false;
    NodeId handler = ParseExceptHandler(&is_star);
    if (failed()) return kNoNode;
    if ((is_star && any_plain) || (!is_star && any_star)) {
      Error(DiagKind::MixedExceptStar, handler_begin);
      return kNoNode;
    }
    (is_star ? any_star : any_plain) = true;
    if (N(handler).a == kNoNode) bare_handler = handler_begin;
    handlers.push_back(handler);
  }
  NodeId orelse = kNoNode, finalbody = kNoNode;
  if (At(TokenKind::Else)) {
    if (handlers.empty()) {
      Error(DiagKind::Expected, Begin(), {"'except' or 'finally' block"});
      return kNoNode;
    }
    uint32_t else_begin = Begin();
    Advance();
    orelse = ParseBlockNode("'else' statement", else_begin);
  }
  if (At(TokenKind::Finally)) {
    uint32_t finally_begin = Begin();
    Advance();
    finalbody = ParseBlockNode("'finally' statement", finally_begin);
  }
  if (failed()) return kNoNode;
  if (handlers.empty() && finalbody == kNoNode) {
    Error(DiagKind::Expected, Begin(), {"'except' or 'finally' block"});
    return kNoNode;
  }
  NodeId node = Make(NodeKind::Try, begin, orelse, finalbody);
  if (any_star) N(node).flags |= kFlagStar;
  SetList(node, body);
  SetList2(node, handlers);
  return node;
}

// `match` is a soft keyword: a statement starting with the name `match` is a
// match statement when its logical line ends with ':' (nothing else that
// starts with a name can), e.g. `match (x):` but not `match(x)`.
bool Parser::AtMatchStatement() const {
  if (!AtName("match")) return false;
  switch (Kind(1)) {
    case TokenKind::Colon:
    case TokenKind::Equal:
    case TokenKind::Newline:
    case TokenKind::EndOfFile:
    case TokenKind::Dot:
    case TokenKind::Comma:
    case TokenKind::RParen:
      return false;
    default:
      break;
  }
  int depth = 0;
  for (size_t i = pos_ + 1; i < tokens_.size(); ++i) {
    TokenKind kind = tokens_[i].kind;
    if (kind == TokenKind::LParen || kind == TokenKind::LSquare || kind == TokenKind::LBrace) ++depth;
    if (kind == TokenKind::RParen || kind == TokenKind::RSquare || kind == TokenKind::RBrace) --depth;
    if (kind == TokenKind::Newline || kind == TokenKind::EndOfFile) {
      return tokens_[i - 1].kind == TokenKind::Colon;
    }
    if (kind == TokenKind::Colon && depth == 0) {
      // The first top-level ':' ends the subject: it must be followed by the
      // end of the line for a match statement.
      return i + 1 < tokens_.size() && tokens_[i + 1].kind == TokenKind::Newline;
    }
  }
  return false;
}

// match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
NodeId Parser::ParseMatch() {
  uint32_t begin = Begin();
  Advance();  // 'match'
  uint32_t subject_begin = Begin();
  NodeId subject;
  if (At(TokenKind::Star)) {
    subject = ParseStarExpressions();  // `match *a, b:` is a tuple subject
  } else {
    subject = ParseNamedExpression();
    if (At(TokenKind::Comma)) {
      IdList elts{subject};
      while (Consume(TokenKind::Comma) && !At(TokenKind::Colon)) elts.push_back(ParseStarNamedExpression());
      subject = FinishTuple(elts, subject_begin, prev_end_);
    }
  }
  if (failed() || !CheckNotStarred(subject) || !Expect(TokenKind::Colon)) return kNoNode;
  if (!Expect(TokenKind::Newline)) return kNoNode;
  if (!Consume(TokenKind::Indent)) {
    Error(DiagKind::ExpectedIndentedBlock, Begin(), {"'match' statement", std::to_string(source_.LineOf(begin))});
    return kNoNode;
  }
  IdList cases;
  while (!failed() && !At(TokenKind::Dedent) && !At(TokenKind::EndOfFile)) {
    if (!AtName("case")) {
      ErrorAtToken(Tok());
      return kNoNode;
    }
    cases.push_back(ParseCase());
  }
  Consume(TokenKind::Dedent);
  if (failed()) return kNoNode;
  NodeId node = Make(NodeKind::Match, begin, subject);
  SetList(node, cases);
  return node;
}

// case_block: "case" patterns guard? ':' block
NodeId Parser::ParseCase() {
  uint32_t begin = Begin();
  Advance();  // 'case'
  NodeId pattern = ParsePatterns();
  NodeId guard = kNoNode;
  if (!failed() && Consume(TokenKind::If)) guard = ParseNamedExpression();
  if (failed()) return kNoNode;
  IdList body = ParseBlock("'case' statement", begin);
  if (failed()) return kNoNode;
  NodeId node = Make(NodeKind::MatchCase, begin, pattern, guard);
  SetList(node, body);
  return node;
}

}  // namespace taipan
