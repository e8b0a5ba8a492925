// Scope resolution in CPython's order of checks:
//   1. __future__ imports (CPython's future.c);
//   2. one walk building the scopes and their symbols, with the errors
//      CPython's symtable.c reports while it walks;
//   3. the analysis deciding local/cell/free/global (symtable.c's
//      analyze_block), with its errors;
//   4. the errors CPython's compiler reports (return/yield/await outside
//      functions, loops, except*, patterns), found during the walk of
//      step 2 but reported only if steps 1-3 found nothing, so the first
//      error reported is the one CPython reports.
#include "frontend/resolve/resolve.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <optional>

namespace taipan {

const Symbol* Scope::Find(InternId name) const { return const_cast<Scope*>(this)->Find(name); }

Symbol* Scope::Find(InternId name) {
  if (index_.empty()) {
    for (Symbol& symbol : symbols) {
      if (symbol.name == name) return &symbol;
    }
    return nullptr;
  }
  auto it = index_.find(name);
  return it == index_.end() ? nullptr : &symbols[it->second];
}

Symbol& Scope::Get(InternId name, uint32_t offset) {
  if (Symbol* symbol = Find(name)) return *symbol;
  symbols.push_back({name, 0, SymbolScope::Local, offset});
  if (symbols.size() == kIndexThreshold) {
    for (uint32_t i = 0; i < symbols.size(); ++i) index_.emplace(symbols[i].name, i);
  } else if (symbols.size() > kIndexThreshold) {
    index_.emplace(name, static_cast<uint32_t>(symbols.size() - 1));
  }
  return symbols.back();
}

namespace {

// The sets the analysis passes around are small (a function's locals, the
// names bound around it): a flat vector beats hashing.
class NameSet {
 public:
  bool count(InternId name) const { return std::find(names_.begin(), names_.end(), name) != names_.end(); }
  void insert(InternId name) {
    if (!count(name)) names_.push_back(name);
  }
  template <typename Iterator>
  void insert(Iterator begin, Iterator end) {
    for (; begin != end; ++begin) insert(*begin);
  }
  bool erase(InternId name) {
    auto it = std::find(names_.begin(), names_.end(), name);
    if (it == names_.end()) return false;
    *it = names_.back();
    names_.pop_back();
    return true;
  }
  std::vector<InternId>::const_iterator begin() const { return names_.begin(); }
  std::vector<InternId>::const_iterator end() const { return names_.end(); }

 private:
  std::vector<InternId> names_;
};

constexpr uint16_t kSymBound = kSymAssigned | kSymParam | kSymImported;

enum class Block : uint8_t { Loop, ExceptStar };

struct PendingError {
  DiagKind kind;
  uint32_t offset;
  std::string args[2];
};

class Resolver {
 public:
  Resolver(const Ast& ast, Diagnostics& diags) : ast_(ast), diags_(diags) {
    class_id_ = Intern("__class__");
    super_id_ = Intern("super");
  }

  ScopeTable Run();

 private:
  // The parser interns these names up front (see Parser::Parser).
  InternId Intern(std::string_view name) { return ast_.names.Find(name); }
  const Node& N(NodeId id) const { return ast_[id]; }
  std::string_view NameOf(InternId id) const { return ast_.Name(id); }
  bool failed() const { return diags_.has_error(); }
  void Error(DiagKind kind, uint32_t offset, std::initializer_list<std::string_view> args = {}) {
    diags_.Error(kind, offset, args);
  }
  // A compiler-stage error: kept until the symbol-table stages are done.
  void Later(DiagKind kind, uint32_t offset, std::string_view arg0 = {}, std::string_view arg1 = {}) {
    if (!pending_) pending_ = PendingError{kind, offset, {std::string(arg0), std::string(arg1)}};
  }

  // Scopes.
  Scope& Cur() { return table_.scopes[frames_.back().scope]; }
  uint32_t EnterScope(ScopeKind kind, NodeId node, InternId name);
  void LeaveScope();
  Symbol& AddSymbol(InternId name, uint16_t flags, uint32_t offset);
  Symbol& AddSymbolTo(Scope& scope, InternId name, uint16_t flags, uint32_t offset);
  bool IsFunctionLike(const Scope& scope) const {
    return scope.kind == ScopeKind::Function || scope.kind == ScopeKind::Lambda ||
           scope.kind == ScopeKind::Comprehension;
  }
  bool InAsyncFunction() const {
    const Scope& scope = table_.scopes[frames_.back().scope];
    return scope.kind == ScopeKind::Function && (N(scope.node).flags & kFlagAsync);
  }

  // Step 1.
  void CheckFutureImports(const Node& module);
  bool IsFutureImport(const Node& statement) const;

  // Step 2: statements.
  void VisitBody(NodeList list);
  void VisitStatement(NodeId id);
  void VisitFunctionDef(NodeId id);
  void VisitClassDef(NodeId id);
  void VisitDeclaration(const Node& node, bool global);
  void VisitAnnAssign(const Node& node);
  void DeclareInModule(InternId name, uint32_t offset);
  void VisitImport(const Node& node);
  void VisitLoopBody(NodeList body);
  void VisitTry(const Node& node);
  void CheckBreakOrContinue(const Node& node);
  void CheckReturn(const Node& node);
  void VisitMatch(const Node& node);

  // Step 2: expressions.
  void VisitExpression(NodeId id);
  void VisitExpressions(NodeList list);
  void VisitName(NodeId id);
  void VisitDefaults(NodeId arguments);
  void VisitAnnotations(NodeId arguments, NodeId returns);
  void VisitParameters(NodeId arguments);
  void VisitLambda(NodeId id);
  void VisitComprehension(NodeId id);
  void VisitNamedExpr(const Node& node);
  void VisitYield(const Node& node);
  void VisitAwait(const Node& node);

  // Step 2: patterns.
  void VisitPattern(NodeId id, bool allow_irrefutable, std::vector<InternId>& bound);
  void CheckMappingKeys(const Node& pattern);
  std::string LiteralKeyValue(NodeId key) const;
  std::string LiteralKeyRepr(NodeId key) const;

  // Step 3.
  void Analyze(uint32_t scope, const NameSet* bound, NameSet& global, NameSet& free);
  void AnalyzeName(Scope& scope, Symbol& symbol, const NameSet* bound, NameSet& local, NameSet& global,
                   NameSet& free);

  const Ast& ast_;
  Diagnostics& diags_;
  ScopeTable table_;
  struct Frame {
    uint32_t scope;
    std::vector<Block> blocks;
    std::vector<uint32_t> valued_returns;  // checked against async generators on leaving
  };
  std::vector<Frame> frames_;
  int comprehension_iterable_depth_ = 0;  // inside a comprehension's `in` expression
  bool in_comprehension_target_ = false;
  std::optional<PendingError> pending_;
  uint32_t leading_futures_end_ = 0;  // where the module's leading __future__ imports end
  bool postponed_annotations_ = false;  // from __future__ import annotations
  InternId class_id_, super_id_;
};

ScopeTable Resolver::Run() {
  const Node& module = N(ast_.root);
  CheckFutureImports(module);
  if (failed()) return {};
  EnterScope(ScopeKind::Module, ast_.root, kNoName);
  VisitBody(module.list);
  LeaveScope();
  if (failed()) return std::move(table_);
  NameSet global, free;
  Analyze(0, nullptr, global, free);
  if (!failed() && pending_) {
    Error(pending_->kind, pending_->offset, {pending_->args[0], pending_->args[1]});
  }
  return std::move(table_);
}

// --- Scopes -------------------------------------------------------------------

uint32_t Resolver::EnterScope(ScopeKind kind, NodeId node, InternId name) {
  uint32_t index = static_cast<uint32_t>(table_.scopes.size());
  Scope scope;
  scope.kind = kind;
  scope.node = node;
  scope.name = name;
  scope.parent = frames_.empty() ? kNoScope : frames_.back().scope;
  if (!frames_.empty()) {
    Scope& parent = Cur();
    parent.children.push_back(index);
    if (IsFunctionLike(parent) || (parent.flags & kScopeNested)) scope.flags |= kScopeNested;
  }
  table_.scopes.push_back(std::move(scope));
  table_.scope_of_node[node] = index;
  frames_.push_back({index, {}, {}});
  return index;
}

void Resolver::LeaveScope() {
  Frame& frame = frames_.back();
  const Scope& scope = Cur();
  // CPython checks this while compiling, when it knows the whole function.
  bool async_generator = (scope.flags & kScopeGenerator) && (scope.flags & kScopeCoroutine);
  if (async_generator && !frame.valued_returns.empty()) {
    Later(DiagKind::ReturnValueInAsyncGenerator, frame.valued_returns.front());
  }
  frames_.pop_back();
}

Symbol& Resolver::AddSymbolTo(Scope& scope, InternId name, uint16_t flags, uint32_t offset) {
  Symbol& symbol = scope.Get(name, offset);
  if ((flags & kSymParam) && (symbol.flags & kSymParam)) {
    Error(DiagKind::DuplicateArgument, offset, {NameOf(name)});
  }
  symbol.flags |= flags;
  return symbol;
}

Symbol& Resolver::AddSymbol(InternId name, uint16_t flags, uint32_t offset) {
  if (in_comprehension_target_) flags |= kSymCompIter;
  return AddSymbolTo(Cur(), name, flags, offset);
}

// --- Step 1: __future__ -----------------------------------------------------------

// CPython's future.c: the __future__ imports at the top of the module (after
// an optional docstring) must name known features. A __future__ import
// anywhere else is the compiler's error, reported in VisitImport.
void Resolver::CheckFutureImports(const Node& module) {
  static constexpr std::string_view kFeatures[] = {
      "nested_scopes",   "generators",       "division",        "absolute_import", "with_statement",
      "print_function",  "unicode_literals", "barry_as_FLUFL",  "generator_stop",  "annotations"};
  size_t index = 0;
  for (NodeId id : ast_.List(module.list)) {
    const Node& statement = N(id);
    bool is_docstring = index++ == 0 && statement.kind == NodeKind::Expr &&
                        N(statement.a).kind == NodeKind::Constant &&
                        static_cast<ConstantKind>(N(statement.a).op) == ConstantKind::Str;
    if (is_docstring) continue;
    if (!IsFutureImport(statement)) return;
    leading_futures_end_ = statement.end;
    for (NodeId alias_id : ast_.List(statement.list)) {
      std::string_view feature = NameOf(N(alias_id).value);
      if (feature == "annotations") postponed_annotations_ = true;
      if (feature == "braces") return Error(DiagKind::FutureBraces, statement.begin);
      if (std::find(std::begin(kFeatures), std::end(kFeatures), feature) == std::end(kFeatures)) {
        return Error(DiagKind::UnknownFutureFeature, statement.begin, {feature});
      }
    }
  }
}

bool Resolver::IsFutureImport(const Node& statement) const {
  return statement.kind == NodeKind::ImportFrom && statement.value != kNoName && statement.extra == 0 &&
         NameOf(statement.value) == "__future__";
}

// --- Step 2: statements -------------------------------------------------------------

void Resolver::VisitBody(NodeList list) {
  for (NodeId id : ast_.List(list)) {
    if (failed()) return;
    VisitStatement(id);
  }
}

void Resolver::VisitStatement(NodeId id) {
  const Node& node = N(id);
  switch (node.kind) {
    case NodeKind::FunctionDef: return VisitFunctionDef(id);
    case NodeKind::ClassDef: return VisitClassDef(id);
    case NodeKind::Return:
      CheckReturn(node);
      if (node.a != kNoNode) VisitExpression(node.a);
      return;
    case NodeKind::Delete: return VisitExpressions(node.list);
    case NodeKind::Assign:  // targets first, as CPython visits them
      VisitExpressions(node.list);
      return VisitExpression(node.a);
    case NodeKind::AugAssign:
      VisitExpression(node.a);
      return VisitExpression(node.b);
    case NodeKind::AnnAssign: return VisitAnnAssign(node);
    case NodeKind::For:
      if ((node.flags & kFlagAsync) && !InAsyncFunction()) Later(DiagKind::AsyncOutsideAsync, node.begin, "async for");
      VisitExpression(node.a);
      VisitExpression(node.b);
      VisitLoopBody(node.list);
      return VisitBody(node.list2);
    case NodeKind::While:
      VisitExpression(node.a);
      VisitLoopBody(node.list);
      return VisitBody(node.list2);
    case NodeKind::If:
      VisitExpression(node.a);
      VisitBody(node.list);
      return VisitBody(node.list2);
    case NodeKind::With:
      if ((node.flags & kFlagAsync) && !InAsyncFunction()) {
        Later(DiagKind::AsyncOutsideAsync, node.begin, "async with");
      }
      for (NodeId item : ast_.List(node.list)) {
        VisitExpression(N(item).a);
        if (N(item).b != kNoNode) VisitExpression(N(item).b);
      }
      return VisitBody(node.list2);
    case NodeKind::Match: return VisitMatch(node);
    case NodeKind::Raise:
      if (node.a != kNoNode) VisitExpression(node.a);
      if (node.b != kNoNode) VisitExpression(node.b);
      return;
    case NodeKind::Try: return VisitTry(node);
    case NodeKind::Assert:
      VisitExpression(node.a);
      if (node.b != kNoNode) VisitExpression(node.b);
      return;
    case NodeKind::Import:
    case NodeKind::ImportFrom: return VisitImport(node);
    case NodeKind::Global: return VisitDeclaration(node, true);
    case NodeKind::Nonlocal: return VisitDeclaration(node, false);
    case NodeKind::Expr: return VisitExpression(node.a);
    case NodeKind::Break:
    case NodeKind::Continue: return CheckBreakOrContinue(node);
    default: return;
  }
}

// In CPython's order: the name, the defaults, the annotations, the
// decorators, then the body in its own scope.
void Resolver::VisitFunctionDef(NodeId id) {
  const Node& node = N(id);
  AddSymbol(node.value, kSymAssigned, node.begin);
  VisitDefaults(node.a);
  VisitAnnotations(node.a, node.b);
  VisitExpressions(node.list2);  // decorators
  EnterScope(ScopeKind::Function, id, node.value);
  if (node.flags & kFlagAsync) Cur().flags |= kScopeCoroutine;
  VisitParameters(node.a);
  VisitBody(node.list);
  LeaveScope();
}

// The name, the bases and keywords, the decorators, then the body.
void Resolver::VisitClassDef(NodeId id) {
  const Node& node = N(id);
  AddSymbol(node.value, kSymAssigned, node.begin);
  if (node.a != kNoNode) {
    VisitExpressions(N(node.a).list);
    for (NodeId keyword : ast_.List(N(node.a).list2)) VisitExpression(N(keyword).a);
  }
  VisitExpressions(node.list2);  // decorators
  EnterScope(ScopeKind::Class, id, node.value);
  VisitBody(node.list);
  LeaveScope();
}

// global/nonlocal: the name may not already be a parameter, used, annotated
// or assigned in this scope (checked in that order, as CPython does).
void Resolver::VisitDeclaration(const Node& node, bool global) {
  std::string_view what = global ? "global" : "nonlocal";
  if (!global && Cur().kind == ScopeKind::Module) return Error(DiagKind::NonlocalAtModuleLevel, node.begin);
  for (NodeId name_id : ast_.List(node.list)) {
    InternId name = N(name_id).value;
    const Symbol* existing = Cur().Find(name);
    uint16_t flags = existing ? existing->flags : 0;
    if (flags & kSymParam) return Error(DiagKind::ParameterDeclared, node.begin, {NameOf(name), what});
    if (flags & kSymUsed) return Error(DiagKind::UsedBeforeDeclaration, node.begin, {NameOf(name), what});
    if (flags & kSymAnnotated) return Error(DiagKind::AnnotatedDeclared, node.begin, {NameOf(name), what});
    if (flags & kSymAssigned) return Error(DiagKind::AssignedBeforeDeclaration, node.begin, {NameOf(name), what});
    // Errors about the declaration point at the statement, as in CPython.
    AddSymbol(name, global ? kSymGlobal : kSymNonlocal, node.begin);
    if (global) DeclareInModule(name, node.begin);
  }
}

// CPython records every `global` declaration in the module's table too, so
// the module sees the name as a declared global.
void Resolver::DeclareInModule(InternId name, uint32_t offset) {
  AddSymbolTo(table_.scopes[0], name, kSymGlobal, offset);
}

void Resolver::VisitAnnAssign(const Node& node) {
  const Node& target = N(node.a);
  bool simple = node.flags & kFlagSimple;
  if (target.kind == NodeKind::Name) {
    const Symbol* existing = Cur().Find(target.value);
    uint16_t flags = existing ? existing->flags : 0;
    if ((flags & (kSymGlobal | kSymNonlocal)) && Cur().kind != ScopeKind::Module && simple) {
      return Error(DiagKind::AnnotatedDeclared, target.begin,
                   {NameOf(target.value), (flags & kSymGlobal) ? "global" : "nonlocal"});
    }
    if (simple) {
      AddSymbol(target.value, kSymAnnotated | kSymAssigned, target.begin);
    } else if (node.c != kNoNode) {
      AddSymbol(target.value, kSymAssigned, target.begin);
    }
  } else {
    VisitExpression(node.a);
  }
  if (!postponed_annotations_) VisitExpression(node.b);
  if (node.c != kNoNode) VisitExpression(node.c);
}

void Resolver::VisitImport(const Node& node) {
  if (IsFutureImport(node) && node.begin >= leading_futures_end_) Later(DiagKind::FutureImportNotFirst, node.begin);
  for (NodeId alias_id : ast_.List(node.list)) {
    const Node& alias = N(alias_id);
    std::string_view name = NameOf(alias.value);
    if (name == "*") {
      if (Cur().kind != ScopeKind::Module) return Error(DiagKind::ImportStarNotAtModule, alias.begin);
      Cur().flags |= kScopeImportStar;
      continue;
    }
    InternId bound = alias.value;
    if (alias.a != kNoNode) {
      bound = N(alias.a).value;
    } else if (name.find('.') != std::string_view::npos) {
      // `import a.b.c` binds `a`.
      bound = ast_.names.Find(name.substr(0, name.find('.')));
    }
    if (bound != Interner::kNotFound) AddSymbol(bound, kSymImported, alias.begin);
  }
}

void Resolver::VisitLoopBody(NodeList body) {
  frames_.back().blocks.push_back(Block::Loop);
  VisitBody(body);
  frames_.back().blocks.pop_back();
}

// CPython's order: the body, the else block, the handlers, finally.
void Resolver::VisitTry(const Node& node) {
  VisitBody(node.list);
  if (node.a != kNoNode) VisitBody(N(node.a).list);
  for (NodeId handler_id : ast_.List(node.list2)) {
    const Node& handler = N(handler_id);
    if (handler.a != kNoNode) VisitExpression(handler.a);
    if (handler.value != kNoName) AddSymbol(handler.value, kSymAssigned, handler.begin);
    bool star = handler.flags & kFlagStar;
    if (star) frames_.back().blocks.push_back(Block::ExceptStar);
    VisitBody(handler.list);
    if (star) frames_.back().blocks.pop_back();
  }
  if (node.b != kNoNode) VisitBody(N(node.b).list);
}

void Resolver::CheckBreakOrContinue(const Node& node) {
  bool is_break = node.kind == NodeKind::Break;
  const std::vector<Block>& blocks = frames_.back().blocks;
  for (auto it = blocks.rbegin(); it != blocks.rend(); ++it) {
    if (*it == Block::Loop) return;
    return Later(DiagKind::ControlFlowInExceptStar, node.begin);
  }
  Later(is_break ? DiagKind::BreakOutsideLoop : DiagKind::ContinueOutsideLoop, node.begin);
}

void Resolver::CheckReturn(const Node& node) {
  const Scope& scope = Cur();
  if (scope.kind == ScopeKind::Module || scope.kind == ScopeKind::Class) {
    return Later(DiagKind::ReturnOutsideFunction, node.begin);
  }
  const std::vector<Block>& blocks = frames_.back().blocks;
  if (std::find(blocks.begin(), blocks.end(), Block::ExceptStar) != blocks.end()) {
    return Later(DiagKind::ControlFlowInExceptStar, node.begin);
  }
  if (node.a != kNoNode) frames_.back().valued_returns.push_back(node.begin);
}

// --- Step 2: match statements ---------------------------------------------------

void Resolver::VisitMatch(const Node& node) {
  VisitExpression(node.a);
  std::span<const NodeId> cases = ast_.List(node.list);
  for (size_t i = 0; i < cases.size(); ++i) {
    const Node& match_case = N(cases[i]);
    std::vector<InternId> bound;
    // Only a guarded or last case may match anything (CPython's compiler).
    bool allow_irrefutable = match_case.b != kNoNode || i + 1 == cases.size();
    VisitPattern(match_case.a, allow_irrefutable, bound);
    if (match_case.b != kNoNode) VisitExpression(match_case.b);
    VisitBody(match_case.list);
  }
}

// Binds a pattern's capture names (as locals) and makes CPython's
// compile-time checks, in its order: an irrefutable pattern where one is not
// allowed, a name bound twice, or-pattern alternatives binding different
// names, duplicate literal keys in a mapping pattern.
void Resolver::VisitPattern(NodeId id, bool allow_irrefutable, std::vector<InternId>& bound) {
  const Node& pattern = N(id);
  auto bind = [&](InternId name, uint32_t offset) {
    if (name == kNoName) return;
    if (std::find(bound.begin(), bound.end(), name) != bound.end()) {
      Later(DiagKind::DuplicatePatternName, offset, NameOf(name));
      return;
    }
    bound.push_back(name);
    AddSymbol(name, kSymAssigned, offset);
  };
  switch (pattern.kind) {
    case NodeKind::MatchValue: return VisitExpression(pattern.a);
    case NodeKind::MatchSingleton: return;
    case NodeKind::MatchSequence:
      for (NodeId child : ast_.List(pattern.list)) VisitPattern(child, true, bound);
      return;
    case NodeKind::MatchMapping:
      CheckMappingKeys(pattern);
      VisitExpressions(pattern.list);
      for (NodeId child : ast_.List(pattern.list2)) VisitPattern(child, true, bound);
      return bind(pattern.value, pattern.begin);
    case NodeKind::MatchClass:
      VisitExpression(pattern.a);
      for (NodeId child : ast_.List(pattern.list)) VisitPattern(child, true, bound);
      for (NodeId keyword : ast_.List(pattern.list2)) VisitPattern(N(keyword).a, true, bound);
      return;
    case NodeKind::MatchStar: return bind(pattern.value, pattern.begin);
    case NodeKind::MatchAs:
      if (pattern.a != kNoNode) {
        VisitPattern(pattern.a, allow_irrefutable, bound);
      } else if (!allow_irrefutable) {
        if (pattern.value == kNoName) return Later(DiagKind::IrrefutablePatternNotLast, pattern.begin, "wildcard");
        std::string what = "name capture '" + std::string(NameOf(pattern.value)) + "'";
        return Later(DiagKind::IrrefutablePatternNotLast, pattern.begin, what);
      }
      return bind(pattern.value, pattern.begin);
    case NodeKind::MatchOr: {
      std::span<const NodeId> alternatives = ast_.List(pattern.list);
      std::vector<InternId> first_names;
      for (size_t i = 0; i < alternatives.size(); ++i) {
        std::vector<InternId> names = bound;
        bool last = i + 1 == alternatives.size();
        VisitPattern(alternatives[i], allow_irrefutable && last, names);
        std::vector<InternId> added(names.begin() + static_cast<long>(bound.size()), names.end());
        std::sort(added.begin(), added.end());
        if (i == 0) {
          first_names = added;
        } else if (added != first_names) {
          Later(DiagKind::OrPatternBindingMismatch, N(alternatives[i]).begin);
        }
      }
      bound.insert(bound.end(), first_names.begin(), first_names.end());
      return;
    }
    default: return;
  }
}

// The value a literal mapping key stands for, as text that is equal for
// equal Python values (1, 1.0, True and 0x1 are one key); empty for keys
// that are not compared (attribute lookups, complex numbers).
std::string Resolver::LiteralKeyValue(NodeId id) const {
  const Node& key = N(id);
  bool negative = key.kind == NodeKind::UnaryOp && static_cast<UnaryOp>(key.op) == UnaryOp::USub;
  const Node& literal = negative ? N(key.a) : key;
  if (literal.kind != NodeKind::Constant) return {};
  switch (static_cast<ConstantKind>(literal.op)) {
    case ConstantKind::None: return "None";
    case ConstantKind::True: return "n1";
    case ConstantKind::False: return "n0";
    case ConstantKind::Str: return "s" + ast_.literals[literal.value].text;
    case ConstantKind::Bytes: return "b" + ast_.literals[literal.value].text;
    case ConstantKind::Int:
    case ConstantKind::Float: {
      const std::string& text = ast_.literals[literal.value].text;
      double value = static_cast<ConstantKind>(literal.op) == ConstantKind::Float
                         ? std::strtod(text.c_str(), nullptr)
                         : static_cast<double>(std::strtoull(text.c_str(), nullptr, 0));
      if (text.size() > 2 && text[0] == '0' && (text[1] == 'b' || text[1] == 'o')) {
        value = static_cast<double>(std::strtoull(text.c_str() + 2, nullptr, text[1] == 'b' ? 2 : 8));
      }
      if (static_cast<ConstantKind>(literal.op) == ConstantKind::Int && text.size() > 15) {
        return std::string("i") + (negative ? "-" : "") + text;  // exact for big ints
      }
      char buf[64];
      std::snprintf(buf, sizeof buf, "n%.17g", negative ? -value : value);
      return buf;
    }
    default: return {};
  }
}

// CPython's repr of a literal key, for the message.
std::string Resolver::LiteralKeyRepr(NodeId id) const {
  const Node& key = N(id);
  bool negative = key.kind == NodeKind::UnaryOp;
  const Node& literal = negative ? N(key.a) : key;
  switch (static_cast<ConstantKind>(literal.op)) {
    case ConstantKind::None: return "None";
    case ConstantKind::True: return "True";
    case ConstantKind::False: return "False";
    case ConstantKind::Str: return "'" + ast_.literals[literal.value].text + "'";
    case ConstantKind::Bytes: return "b'" + ast_.literals[literal.value].text + "'";
    default: return (negative ? "-" : "") + ast_.literals[literal.value].text;
  }
}

void Resolver::CheckMappingKeys(const Node& pattern) {
  std::vector<std::string> seen;
  for (NodeId key : ast_.List(pattern.list)) {
    std::string value = LiteralKeyValue(key);
    if (value.empty()) continue;
    if (std::find(seen.begin(), seen.end(), value) != seen.end()) {
      return Later(DiagKind::DuplicateMappingKey, pattern.begin, LiteralKeyRepr(key));
    }
    seen.push_back(std::move(value));
  }
}

// --- Step 2: expressions ---------------------------------------------------------

void Resolver::VisitExpressions(NodeList list) {
  for (NodeId id : ast_.List(list)) {
    if (id != kNoNode) VisitExpression(id);
  }
}

void Resolver::VisitExpression(NodeId id) {
  if (failed()) return;
  const Node& node = N(id);
  switch (node.kind) {
    case NodeKind::Name: return VisitName(id);
    case NodeKind::NamedExpr: return VisitNamedExpr(node);
    case NodeKind::Lambda: return VisitLambda(id);
    case NodeKind::ListComp:
    case NodeKind::SetComp:
    case NodeKind::DictComp:
    case NodeKind::GeneratorExp: return VisitComprehension(id);
    case NodeKind::Yield:
    case NodeKind::YieldFrom: return VisitYield(node);
    case NodeKind::Await: return VisitAwait(node);
    case NodeKind::Constant: return;
    default: break;
  }
  // Everything else: visit the children the node kind has.
  for (NodeId child : {node.a, node.b, node.c}) {
    if (child != kNoNode) VisitExpression(child);
  }
  VisitExpressions(node.list);
  VisitExpressions(node.list2);
}

void Resolver::VisitName(NodeId id) {
  const Node& node = N(id);
  ExprContext context = static_cast<ExprContext>(node.op);
  if (context == ExprContext::Load) {
    AddSymbol(node.value, kSymUsed, node.begin);
    // super() needs the enclosing class: an implicit use of __class__.
    if (node.value == super_id_ && IsFunctionLike(Cur())) AddSymbolTo(Cur(), class_id_, kSymUsed, node.begin);
    return;
  }
  AddSymbol(node.value, kSymAssigned, node.begin);
}

// Defaults are evaluated where the def or lambda is.
void Resolver::VisitDefaults(NodeId arguments) {
  for (NodeId param : ast_.List(N(arguments).list)) {
    if (N(param).b != kNoNode) VisitExpression(N(param).b);
  }
}

// So are annotations, unless `from __future__ import annotations` makes
// them strings. CPython's order: positional ones, *args, **kwargs,
// keyword-only ones, the return annotation.
void Resolver::VisitAnnotations(NodeId arguments, NodeId returns) {
  if (postponed_annotations_) return;
  std::span<const NodeId> params = ast_.List(N(arguments).list);
  for (ParamKind group : {ParamKind::PositionalOnly, ParamKind::VarPositional, ParamKind::VarKeyword,
                          ParamKind::KeywordOnly}) {
    for (NodeId param : params) {
      ParamKind kind = static_cast<ParamKind>(N(param).op);
      bool in_group = kind == group || (group == ParamKind::PositionalOnly && kind == ParamKind::Normal);
      if (in_group && N(param).a != kNoNode) VisitExpression(N(param).a);
    }
  }
  if (returns != kNoNode) VisitExpression(returns);
}

void Resolver::VisitParameters(NodeId arguments) {
  for (NodeId param_id : ast_.List(N(arguments).list)) {
    const Node& param = N(param_id);
    AddSymbol(param.value, kSymParam, param.begin);
    ParamKind kind = static_cast<ParamKind>(param.op);
    if (kind == ParamKind::VarPositional) Cur().flags |= kScopeVarargs;
    if (kind == ParamKind::VarKeyword) Cur().flags |= kScopeVarkeywords;
  }
}

void Resolver::VisitLambda(NodeId id) {
  const Node& node = N(id);
  VisitDefaults(node.a);
  EnterScope(ScopeKind::Lambda, id, kNoName);
  VisitParameters(node.a);
  VisitExpression(node.b);
  LeaveScope();
}

// The first iterable is evaluated in the enclosing scope; everything else in
// the comprehension's own scope.
void Resolver::VisitComprehension(NodeId id) {
  const Node& node = N(id);
  std::span<const NodeId> generators = ast_.List(node.list);
  const Node& outermost = N(generators[0]);
  ++comprehension_iterable_depth_;
  VisitExpression(outermost.b);
  --comprehension_iterable_depth_;
  EnterScope(ScopeKind::Comprehension, id, kNoName);
  if (node.kind == NodeKind::GeneratorExp) Cur().flags |= kScopeGenerator;
  for (size_t i = 0; i < generators.size(); ++i) {
    const Node& generator = N(generators[i]);
    if (generator.flags & kFlagAsync) Cur().flags |= kScopeCoroutine;
    in_comprehension_target_ = true;
    VisitExpression(generator.a);
    in_comprehension_target_ = false;
    if (i > 0) {
      ++comprehension_iterable_depth_;
      VisitExpression(generator.b);
      --comprehension_iterable_depth_;
    }
    VisitExpressions(generator.list);
  }
  if (node.b != kNoNode) VisitExpression(node.b);  // a dict comprehension's value, then its key
  VisitExpression(node.a);
  bool coroutine = Cur().flags & kScopeCoroutine;
  LeaveScope();
  // An asynchronous list, set or dict comprehension is awaited where it is,
  // which makes that scope a coroutine too.
  if (coroutine && node.kind != NodeKind::GeneratorExp) Cur().flags |= kScopeCoroutine;
  // CPython's compiler: only a generator expression may be asynchronous
  // outside an async function or another comprehension.
  const Scope& enclosing = Cur();
  bool enclosing_allows = InAsyncFunction() || enclosing.kind == ScopeKind::Comprehension;
  if (coroutine && node.kind != NodeKind::GeneratorExp && !enclosing_allows) {
    Later(DiagKind::AsyncComprehensionOutsideAsync, node.begin);
  }
}

// A walrus in a comprehension binds in the nearest enclosing function or
// module scope (PEP 572), never in a class body or over an iteration variable.
void Resolver::VisitNamedExpr(const Node& node) {
  if (comprehension_iterable_depth_ > 0) return Error(DiagKind::WalrusInComprehensionIterable, node.begin);
  VisitExpression(node.b);
  const Node& target = N(node.a);
  if (Cur().kind != ScopeKind::Comprehension) return VisitName(node.a);
  for (auto frame = frames_.rbegin(); frame != frames_.rend(); ++frame) {
    Scope& scope = table_.scopes[frame->scope];
    if (scope.kind == ScopeKind::Comprehension) {
      const Symbol* symbol = scope.Find(target.value);
      if (symbol && (symbol->flags & kSymCompIter)) {
        return Error(DiagKind::WalrusRebindsIterationVariable, target.begin, {NameOf(target.value)});
      }
      continue;
    }
    if (scope.kind == ScopeKind::Class) return Error(DiagKind::WalrusInClassComprehension, node.begin);
    // The comprehension refers to the enclosing scope's name: nonlocal in a
    // function (global if declared so there), global at module level.
    bool module = scope.kind == ScopeKind::Module;
    const Symbol* existing = scope.Find(target.value);
    bool global = module || (existing && (existing->flags & kSymGlobal));
    AddSymbolTo(Cur(), target.value, (global ? kSymGlobal : kSymNonlocal) | kSymAssigned, target.begin);
    AddSymbolTo(scope, target.value, module ? kSymGlobal : kSymAssigned, target.begin);
    if (global) DeclareInModule(target.value, target.begin);
    return;
  }
}

void Resolver::VisitYield(const Node& node) {
  if (node.a != kNoNode) VisitExpression(node.a);
  Scope& scope = Cur();
  scope.flags |= kScopeGenerator;
  if (scope.kind == ScopeKind::Comprehension) {
    std::string_view what = N(scope.node).kind == NodeKind::ListComp  ? "list comprehension"
                            : N(scope.node).kind == NodeKind::SetComp ? "set comprehension"
                            : N(scope.node).kind == NodeKind::DictComp ? "dict comprehension"
                                                                       : "generator expression";
    return Error(DiagKind::YieldInComprehension, node.begin, {what});
  }
  if (scope.kind == ScopeKind::Module || scope.kind == ScopeKind::Class) {
    return Later(DiagKind::YieldOutsideFunction, node.begin,
                 node.kind == NodeKind::YieldFrom ? "yield from" : "yield");
  }
  if (node.kind == NodeKind::YieldFrom && InAsyncFunction()) Later(DiagKind::YieldFromInAsync, node.begin);
}

void Resolver::VisitAwait(const Node& node) {
  VisitExpression(node.a);
  Scope& scope = Cur();
  scope.flags |= kScopeCoroutine;
  if (scope.kind == ScopeKind::Module || scope.kind == ScopeKind::Class) {
    return Later(DiagKind::AwaitOutsideFunction, node.begin);
  }
  if (scope.kind != ScopeKind::Comprehension && !InAsyncFunction()) Later(DiagKind::AwaitOutsideAsync, node.begin);
}

// --- Step 3: analysis ------------------------------------------------------------

void Resolver::AnalyzeName(Scope& scope, Symbol& symbol, const NameSet* bound, NameSet& local,
                           NameSet& global, NameSet& free) {
  InternId name = symbol.name;
  if (symbol.flags & kSymGlobal) {
    if (symbol.flags & kSymNonlocal) return Error(DiagKind::NonlocalAndGlobal, symbol.first_offset, {NameOf(name)});
    symbol.scope = SymbolScope::GlobalExplicit;
    global.insert(name);
    return;
  }
  if (symbol.flags & kSymNonlocal) {
    if (!bound || !bound->count(name)) {
      return Error(DiagKind::NonlocalWithoutBinding, symbol.first_offset, {NameOf(name)});
    }
    symbol.scope = SymbolScope::Free;
    free.insert(name);
    return;
  }
  if (symbol.flags & kSymBound) {
    symbol.scope = SymbolScope::Local;
    local.insert(name);
    global.erase(name);
    return;
  }
  if (bound && bound->count(name)) {
    symbol.scope = SymbolScope::Free;
    free.insert(name);
    return;
  }
  symbol.scope = SymbolScope::GlobalImplicit;
}

// CPython's analyze_block: `bound` holds the names bound by enclosing
// function scopes (null for the module), `global` the names declared global
// above; `free` receives the free names of this scope and its children.
void Resolver::Analyze(uint32_t index, const NameSet* bound, NameSet& global, NameSet& free) {
  NameSet local, new_bound, new_global, new_free;
  Scope* scope = &table_.scopes[index];
  bool is_class = scope->kind == ScopeKind::Class;
  if (is_class) {
    // Class bodies bind nothing nested scopes can see.
    new_global = global;
    if (bound) new_bound = *bound;
  }
  // A global declaration removes the name from the bound set this block
  // passes on, so work on a copy of it.
  NameSet bound_copy;
  const NameSet* visible = nullptr;
  if (bound) {
    bound_copy = *bound;
    visible = &bound_copy;
  }
  for (Symbol& symbol : scope->symbols) {
    AnalyzeName(*scope, symbol, visible, local, global, free);
    if (failed()) return;
    if (symbol.scope == SymbolScope::GlobalExplicit && bound) bound_copy.erase(symbol.name);
  }
  if (!is_class) {
    if (IsFunctionLike(*scope)) new_bound.insert(local.begin(), local.end());
    if (bound) new_bound.insert(bound_copy.begin(), bound_copy.end());
    new_global.insert(global.begin(), global.end());
  } else {
    new_bound.insert(class_id_);
  }
  std::vector<uint32_t> children = scope->children;
  for (uint32_t child : children) {
    NameSet child_bound = new_bound, child_global = new_global, child_free;
    Analyze(child, &child_bound, child_global, child_free);
    if (failed()) return;
    new_free.insert(child_free.begin(), child_free.end());
  }
  scope = &table_.scopes[index];
  if (IsFunctionLike(*scope)) {
    // Locals used by nested scopes become cells.
    for (Symbol& symbol : scope->symbols) {
      if (symbol.scope == SymbolScope::Local && new_free.erase(symbol.name)) symbol.scope = SymbolScope::Cell;
    }
  } else if (is_class && new_free.erase(class_id_)) {
    scope->flags |= kScopeNeedsClassCell;
  }
  // Free names of children that this scope does not define pass through it.
  for (InternId name : new_free) {
    if (Symbol* symbol = scope->Find(name)) {
      if (is_class && (symbol->flags & (kSymBound | kSymGlobal))) symbol->flags |= kSymFreeClass;
      continue;
    }
    if (bound && !bound->count(name)) continue;  // a global
    scope->Get(name, N(scope->node).begin).scope = SymbolScope::Free;
  }
  free.insert(new_free.begin(), new_free.end());
}

}  // namespace

ScopeTable Resolve(const Ast& ast, const SourceBuffer& source, Diagnostics& diags) {
  if (diags.has_error()) return {};
  return Resolver(ast, diags).Run();
}

}  // namespace taipan
