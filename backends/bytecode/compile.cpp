// The bytecode emitter: entry point, tables, scope layouts and statements.
// Expressions are in compile_expr.cpp, instruction assembly in
// compile_emitter.cpp.
#include "backends/bytecode/bytecode.h"

#include "backends/bytecode/compiler.h"

namespace taipan::bytecode {

Module Compile(const Ast& ast, const ScopeTable& scopes, const SourceBuffer& source, std::string_view source_name,
               Diagnostics& diags, CompileInfo* info) {
  Module module;
  module.qstrs.push_back(std::string(source_name));
  if (ast.root == kNoNode || scopes.scopes.empty()) return module;
  Compiler compiler(ast, scopes, source, diags, &module);
  module.top = compiler.CompileScope(0);
  if (info) info->layouts = compiler.TakeLayouts();
  return module;
}

Compiler::Compiler(const Ast& ast, const ScopeTable& scopes, const SourceBuffer& source, Diagnostics& diags,
                   Module* module)
    : ast_(ast), scopes_(scopes), source_(source), diags_(diags), module_(module) {
  qstr_index_.emplace(module->qstrs[0], 0);
}

size_t Compiler::Qstr(std::string_view text) {
  auto it = qstr_index_.find(std::string(text));
  if (it != qstr_index_.end()) return it->second;
  size_t index = module_->qstrs.size();
  module_->qstrs.emplace_back(text);
  qstr_index_.emplace(std::string(text), index);
  return index;
}

size_t Compiler::Obj(bytecode::Constant constant) {
  auto& table = module_->constants;
  for (size_t i = 0; i < table.size(); ++i) {
    if (table[i] == constant) return i;
  }
  table.push_back(std::move(constant));
  return table.size() - 1;
}

void Compiler::Error(uint32_t offset, std::string message) {
  diags_.Report(Diagnostic{DiagKind::BytecodeUnsupported, offset, std::move(message)});
}

uint32_t Compiler::ScopeOf(NodeId node) const {
  auto it = scopes_.scope_of_node.find(node);
  return it == scopes_.scope_of_node.end() ? kNoScope : it->second;
}

// ---------------------------------------------------------------- layouts

// MicroPython closes over __class__ only for a zero-argument super() call
// or an explicit __class__, not for every mention of `super` as CPython
// does; an unneeded closure would, e.g., stop __new__ being made static.
bool Compiler::MentionsClassCell(NodeId id) const {
  if (id == kNoNode) return false;
  const Node& n = ast_[id];
  if (n.kind == NodeKind::Name && ast_.Name(n.value) == "__class__") return true;
  if (n.kind == NodeKind::Call && n.list.size == 0 && n.list2.size == 0 && ast_[n.a].kind == NodeKind::Name &&
      ast_.Name(ast_[n.a].value) == "super") {
    return true;
  }
  for (NodeId child : {n.a, n.b, n.c}) {
    if (MentionsClassCell(child)) return true;
  }
  for (NodeList list : {n.list, n.list2}) {
    for (NodeId child : ast_.List(list)) {
      if (MentionsClassCell(child)) return true;
    }
  }
  return false;
}

bool Compiler::NeedsClassCell(uint32_t scope) {
  auto it = needs_class_cell_.find(scope);
  if (it != needs_class_cell_.end()) return it->second;
  bool needs = MentionsClassCell(scopes_.scopes[scope].node);
  needs_class_cell_.emplace(scope, needs);
  return needs;
}

bool Compiler::IsFree(uint32_t scope, const Symbol& sym) {
  // A class binding a name that its methods take from an enclosing
  // function still receives that function's cell, to pass it on.
  if (sym.scope == SymbolScope::Local && (sym.flags & kSymFreeClass)) return true;
  if (sym.scope != SymbolScope::Free) return false;
  if (ast_.Name(sym.name) == "__class__" && scopes_.scopes[scope].kind != ScopeKind::Class) return NeedsClassCell(scope);
  return true;
}

std::vector<NodeId> Compiler::ParamsOf(const Scope& scope) const {
  std::vector<NodeId> params;
  const Node& def = ast_[scope.node];
  if (scope.kind != ScopeKind::Function && scope.kind != ScopeKind::Lambda) return params;
  if (def.a == kNoNode) return params;
  auto all = ast_.List(ast_[def.a].list);
  // MicroPython's order: positional, keyword-only, *args, **kwargs.
  for (ParamKind kind : {ParamKind::PositionalOnly, ParamKind::KeywordOnly, ParamKind::VarPositional,
                         ParamKind::VarKeyword}) {
    for (NodeId p : all) {
      auto k = static_cast<ParamKind>(ast_[p].op);
      bool match = k == kind || (kind == ParamKind::PositionalOnly && k == ParamKind::Normal);
      if (match) params.push_back(p);
    }
  }
  return params;
}

const ScopeLayout& Compiler::Layout(uint32_t scope) {
  auto it = layouts_.find(scope);
  if (it != layouts_.end()) return it->second;
  ScopeLayout layout;
  BuildLayout(scope, &layout);
  return layouts_.emplace(scope, std::move(layout)).first->second;
}

void Compiler::BuildLayout(uint32_t index, ScopeLayout* layout) {
  const Scope& scope = scopes_.scopes[index];
  uint32_t next = 0;
  // Free variables, in the order the parent lists its cells and frees.
  if (scope.parent != kNoScope) {
    const ScopeLayout& parent = Layout(scope.parent);
    for (const auto& [text, parent_local] : parent.closure_order) {
      (void)parent_local;
      for (const Symbol& sym : scope.symbols) {
        if (IsFree(index, sym) && ast_.Name(sym.name) == text) {
          layout->vars[sym.name] = VarRef{VarKind::Deref, next};
          layout->arg_names.push_back("*");
          ++next;
        }
      }
    }
  }
  layout->n_free = next;
  Signature& sig = layout->signature;
  if (scope.kind == ScopeKind::Module) {
    layout->num_locals = 0;
    return;
  }
  if (scope.kind == ScopeKind::Class) {
    bool needs_cell = false;
    for (uint32_t child : scope.children) {
      for (const Symbol& sym : scopes_.scopes[child].symbols) {
        if (ast_.Name(sym.name) == "__class__" && IsFree(child, sym)) needs_cell = true;
      }
    }
    if ((scope.flags & kScopeNeedsClassCell) && needs_cell) {
      layout->class_cell = next;
      layout->cells.push_back((uint8_t)next);
      layout->closure_order.emplace_back("__class__", next);
      ++next;
    }
    for (const Symbol& sym : scope.symbols) {
      auto it = layout->vars.find(sym.name);
      if (IsFree(index, sym) && it != layout->vars.end()) {
        layout->closure_order.emplace_back(std::string(ast_.Name(sym.name)), it->second.local);
      }
    }
    layout->num_locals = next;
    sig.n_pos_args = layout->n_free;
    return;
  }
  if (scope.kind == ScopeKind::Comprehension) {
    layout->comp_iter = next++;
    layout->arg_names.push_back("*");  // not a parameter anyone can name
  }
  layout->params = ParamsOf(scope);
  size_t n_positional = 0, n_kwonly = 0;
  for (NodeId p : layout->params) {
    const Node& arg = ast_[p];
    auto kind = static_cast<ParamKind>(arg.op);
    const Symbol* sym = scope.Find(arg.value);
    bool is_cell = sym && sym->scope == SymbolScope::Cell;
    layout->vars[arg.value] = VarRef{is_cell ? VarKind::Deref : VarKind::Fast, next};
    if (kind == ParamKind::PositionalOnly || kind == ParamKind::Normal) {
      ++n_positional;
      layout->arg_names.push_back(std::string(ast_.Name(arg.value)));
      if (arg.b != kNoNode) ++sig.n_def_pos_args;
    } else if (kind == ParamKind::KeywordOnly) {
      ++n_kwonly;
      layout->arg_names.push_back(std::string(ast_.Name(arg.value)));
      if (arg.b != kNoNode) sig.scope_flags |= kScopeDefKwArgs;
    } else if (kind == ParamKind::VarPositional) {
      sig.scope_flags |= kScopeVarArgs;
    } else {
      sig.scope_flags |= kScopeVarKeywords;
    }
    ++next;
  }
  for (const Symbol& sym : scope.symbols) {
    if (sym.scope == SymbolScope::Local && !layout->vars.count(sym.name)) {
      layout->vars[sym.name] = VarRef{VarKind::Fast, next++};
    }
  }
  for (const Symbol& sym : scope.symbols) {
    if (sym.scope == SymbolScope::Cell && !layout->vars.count(sym.name)) {
      layout->vars[sym.name] = VarRef{VarKind::Deref, next++};
    }
  }
  for (const Symbol& sym : scope.symbols) {
    if (sym.scope == SymbolScope::Cell) {
      uint32_t local = layout->vars[sym.name].local;
      layout->cells.push_back((uint8_t)local);
      layout->closure_order.emplace_back(std::string(ast_.Name(sym.name)), local);
    } else if (IsFree(index, sym) && layout->vars.count(sym.name)) {
      layout->closure_order.emplace_back(std::string(ast_.Name(sym.name)), layout->vars[sym.name].local);
    }
  }
  layout->num_locals = next;
  sig.n_pos_args = layout->n_free + n_positional + (layout->comp_iter ? 1 : 0);
  sig.n_kwonly_args = n_kwonly;
  bool generator = (scope.flags & (kScopeGenerator | kScopeCoroutine)) != 0;
  if (scope.kind == ScopeKind::Comprehension) generator = ast_[scope.node].kind == NodeKind::GeneratorExp;
  if (generator) sig.scope_flags |= kScopeGenerator;
  if (next > 255 && !layout->cells.empty()) Error(ast_[scope.node].begin, "too many local variables for the bytecode backend");
}

// ---------------------------------------------------------------- scopes

RawCode Compiler::CompileScope(uint32_t index) {
  const Scope& scope = scopes_.scopes[index];
  const ScopeLayout& layout = Layout(index);
  State state;
  state.scope = index;
  state.layout = &layout;
  State* saved = cur_;
  cur_ = &state;

  PreludeInfo info;
  info.simple_name = Qstr(SimpleName(ast_, scope));
  for (const std::string& name : layout.arg_names) info.arg_names.push_back(Qstr(name));

  const Node& node = ast_[scope.node];
  switch (scope.kind) {
    case ScopeKind::Module:
      Body(node.list);
      em().Op(kOp_LOAD_CONST_NONE);
      em().Op(kOp_RETURN_VALUE);
      break;
    case ScopeKind::Function:
      Body(node.list);
      em().Op(kOp_LOAD_CONST_NONE);
      em().Op(kOp_RETURN_VALUE);
      break;
    case ScopeKind::Lambda:
      LineOf(scope.node);
      Expr(node.b);
      if (layout.signature.scope_flags & kScopeGenerator) {
        em().Op(kOp_POP_TOP);
        em().Op(kOp_LOAD_CONST_NONE);
      }
      em().Op(kOp_RETURN_VALUE);
      break;
    case ScopeKind::Comprehension:
      LineOf(scope.node);
      ComprehensionBody(scope.node);
      break;
    case ScopeKind::Class:
      em().OpArg(kOp_LOAD_NAME, Qstr("__name__"));
      em().OpArg(kOp_STORE_NAME, Qstr("__module__"));
      em().OpArg(kOp_LOAD_CONST_STRING, NameQstr(node.value));
      em().OpArg(kOp_STORE_NAME, Qstr("__qualname__"));
      Body(node.list);
      // The body returns its __class__ cell (or None) for __build_class__ to fill.
      if (layout.class_cell) {
        LoadFastRaw(*layout.class_cell);
      } else {
        em().Op(kOp_LOAD_CONST_NONE);
      }
      em().Op(kOp_RETURN_VALUE);
      break;
  }

  RawCode raw;
  info.signature = layout.signature;
  info.num_locals = layout.num_locals;
  info.cells = layout.cells;
  if (!failed() && !em().Assemble(info, &raw.code)) {
    Error(node.begin, "jump too far for MicroPython's bytecode in '" + std::string(SimpleName(ast_, scope)) + "'");
  }
  raw.children = std::move(state.children);
  raw.scope = index;
  cur_ = saved;
  return raw;
}

// ---------------------------------------------------------------- statements

void Compiler::LineOf(NodeId id) { em().SetLine(source_.LineOf(ast_[id].begin)); }

void Compiler::Body(NodeList list) {
  for (NodeId id : ast_.List(list)) {
    if (failed()) return;
    Stmt(id);
  }
}

void Compiler::Stmt(NodeId id) {
  const Node& n = ast_[id];
  LineOf(id);
  switch (n.kind) {
    case NodeKind::FunctionDef: FunctionDef(id); break;
    case NodeKind::ClassDef: ClassDef(id); break;
    case NodeKind::Return:
      if (n.a != kNoNode && ast_[n.a].kind == NodeKind::IfExp) {
        // `return a if c else b` returns from each branch, as MicroPython does.
        const Node& e = ast_[n.a];
        Label orelse = em().NewLabel();
        CondJump(e.a, false, orelse);
        Expr(e.b);
        em().Op(kOp_RETURN_VALUE);
        em().Place(orelse);
        Expr(e.c);
      } else if (n.a != kNoNode) {
        Expr(n.a);
      } else {
        em().Op(kOp_LOAD_CONST_NONE);
      }
      em().Op(kOp_RETURN_VALUE);
      break;
    case NodeKind::Delete:
      for (NodeId t : ast_.List(n.list)) Delete(t);
      break;
    case NodeKind::Assign: Assign(id); break;
    case NodeKind::AugAssign: AugAssign(id); break;
    case NodeKind::AnnAssign:
      if (TryConstDefinition(id)) break;
      if (n.c != kNoNode) {
        Expr(n.c);
        Store(n.a);
      }
      break;
    case NodeKind::For:
      if (n.flags & kFlagAsync) {
        AsyncFor(id);
      } else {
        For(id);
      }
      break;
    case NodeKind::While: While(id); break;
    case NodeKind::If: If(id); break;
    case NodeKind::With:
      if (n.flags & kFlagAsync) {
        AsyncWith(id, 0);
      } else {
        With(id, 0);
      }
      break;
    case NodeKind::Match:
      Error(n.begin, "match statement is not supported by the bytecode backend");
      break;
    case NodeKind::Raise: Raise(id); break;
    case NodeKind::Try: Try(id); break;
    case NodeKind::Assert: Assert(id); break;
    case NodeKind::Import: Import(id); break;
    case NodeKind::ImportFrom: ImportFrom(id); break;
    case NodeKind::Global:
    case NodeKind::Nonlocal:
    case NodeKind::Pass:
      break;
    case NodeKind::Break: BreakContinue(id, true); break;
    case NodeKind::Continue: BreakContinue(id, false); break;
    case NodeKind::Block: Body(n.list); break;
    case NodeKind::Expr: {
      // MicroPython drops statements that are just a constant (docstrings).
      if (ast_[n.a].kind == NodeKind::Constant) break;
      Expr(n.a);
      em().Op(kOp_POP_TOP);
      break;
    }
    default:
      Error(n.begin, "unsupported statement for the bytecode backend");
      break;
  }
}

void Compiler::FunctionDef(NodeId id) {
  const Node& n = ast_[id];
  std::vector<NodeId> decorators;
  for (NodeId d : ast_.List(n.list2)) {
    if (!IsEmitterDecorator(d)) decorators.push_back(d);
  }
  for (NodeId d : decorators) Expr(d);
  uint32_t scope = ScopeOf(id);
  if (scope == kNoScope) return Error(n.begin, "function without a scope");
  MakeFunction(id, n.a, scope);
  for (size_t i = 0; i < decorators.size(); ++i) em().OpArg(kOp_CALL_FUNCTION, 1);
  NameOp(n.value, ExprContext::Store);
}

// @micropython.native/viper/bytecode choose MicroPython's code emitter and
// are not evaluated; here everything is bytecode. Inline assembler is not.
bool Compiler::IsEmitterDecorator(NodeId id) {
  const Node& d = ast_[id];
  if (d.kind != NodeKind::Attribute || ast_[d.a].kind != NodeKind::Name ||
      ast_.Name(ast_[d.a].value) != "micropython") {
    return false;
  }
  std::string_view what = ast_.Name(d.value);
  if (what == "native" || what == "viper" || what == "bytecode") return true;
  if (what.starts_with("asm_")) Error(d.begin, "inline assembler is not supported by the bytecode backend");
  return false;
}

void Compiler::ClassDef(NodeId id) {
  const Node& n = ast_[id];
  auto decorators = ast_.List(n.list2);
  for (NodeId d : decorators) Expr(d);
  uint32_t scope = ScopeOf(id);
  if (scope == kNoScope) return Error(n.begin, "class without a scope");
  em().Op(kOp_LOAD_BUILD_CLASS);
  MakeFunction(id, kNoNode, scope);
  em().OpArg(kOp_LOAD_CONST_STRING, NameQstr(n.value));
  NodeList bases, keywords;
  if (n.a != kNoNode) {
    bases = ast_[n.a].list;
    keywords = ast_[n.a].list2;
  }
  CallArgs(id, bases, keywords, 2, false);
  for (size_t i = 0; i < decorators.size(); ++i) em().OpArg(kOp_CALL_FUNCTION, 1);
  NameOp(n.value, ExprContext::Store);
}

void Compiler::Assign(NodeId id) {
  const Node& n = ast_[id];
  if (TryConstDefinition(id)) return;
  auto targets = ast_.List(n.list);
  if (targets.size() == 1 && SwapAssign(targets[0], n.a)) return;
  Expr(n.a);
  for (size_t i = 0; i < targets.size(); ++i) {
    if (i + 1 < targets.size()) em().Op(kOp_DUP_TOP);
    Store(targets[i]);
  }
}

// `a, b = c, d` (and three of each) without building a tuple, as
// MicroPython does: the values are rotated into place on the stack.
bool Compiler::SwapAssign(NodeId target, NodeId value) {
  const Node& t = ast_[target];
  const Node& v = ast_[value];
  if ((t.kind != NodeKind::Tuple && t.kind != NodeKind::List) || v.kind != NodeKind::Tuple) return false;
  if (t.list.size != v.list.size || (t.list.size != 2 && t.list.size != 3)) return false;
  auto targets = ast_.List(t.list);
  auto values = ast_.List(v.list);
  for (size_t i = 0; i < targets.size(); ++i) {
    if (ast_[targets[i]].kind == NodeKind::Starred || ast_[values[i]].kind == NodeKind::Starred) return false;
  }
  for (NodeId e : values) Expr(e);
  if (values.size() == 3) em().Op(kOp_ROT_THREE);
  em().Op(kOp_ROT_TWO);
  for (NodeId e : targets) Store(e);
  return true;
}

// `X = const(expr)` at module level, with an integer value: later uses of
// X are folded, and X is not stored when it starts with an underscore.
bool Compiler::TryConstDefinition(NodeId id) {
  ScopeKind kind = scopes_.scopes[cur_->scope].kind;
  if (kind != ScopeKind::Module && kind != ScopeKind::Class) return false;
  NodeId target_id, arg;
  if (!MatchConstDefinition(ast_, id, &target_id, &arg)) return false;
  const Node& target = ast_[target_id];
  std::optional<bytecode::Constant> folded = FoldConst(arg);
  if (!folded) {
    // Not foldable here (float or big-int arithmetic): keep the value as
    // an ordinary assignment so the program still runs.
    Expr(arg);
    NameOp(target.value, ExprContext::Store);
    return true;
  }
  consts_[target.value] = *folded;
  if (ast_.Name(target.value).starts_with("_")) return true;
  LoadConstant(*folded);
  NameOp(target.value, ExprContext::Store);
  return true;
}


void Compiler::AugAssign(NodeId id) {
  const Node& n = ast_[id];
  const Node& t = ast_[n.a];
  uint8_t op = (uint8_t)(kOp_BINARY_OP_MULTI + kOpInplaceFirst + BinaryOpIndex(static_cast<BinaryOp>(n.op)));
  switch (t.kind) {
    case NodeKind::Name:
      NameOp(t.value, ExprContext::Load);
      Expr(n.b);
      em().Op(op);
      NameOp(t.value, ExprContext::Store);
      break;
    case NodeKind::Attribute:
      Expr(t.a);
      em().Op(kOp_DUP_TOP);
      em().OpArg(kOp_LOAD_ATTR, NameQstr(t.value));
      Expr(n.b);
      em().Op(op);
      em().Op(kOp_ROT_TWO);
      em().OpArg(kOp_STORE_ATTR, NameQstr(t.value));
      break;
    case NodeKind::Subscript:
      Expr(t.a);
      Expr(t.b);
      em().Op(kOp_DUP_TOP_TWO);
      em().Op(kOp_LOAD_SUBSCR);
      Expr(n.b);
      em().Op(op);
      em().Op(kOp_ROT_THREE);
      em().Op(kOp_STORE_SUBSCR);
      break;
    default:
      Error(t.begin, "illegal expression for augmented assignment");
  }
}

void Compiler::For(NodeId id) {
  const Node& n = ast_[id];
  if (ForRange(id)) return;
  Label top = em().NewLabel(), pop = em().NewLabel(), brk = em().NewLabel();
  Expr(n.b);
  em().OpAdjust(kOp_GET_ITER_STACK, 0, 3);
  cur_->loops.push_back(Loop{brk, top, cur_->except_level, true});
  em().Place(top);
  em().Jump(kOp_FOR_ITER, pop, 1);
  Store(n.a);
  Body(n.list);
  em().Jump(kOp_JUMP, top, 0);
  em().Place(pop);
  em().Adjust(-4);
  cur_->loops.pop_back();
  Body(n.list2);
  em().Place(brk);
}

// `for x in range(...)` with a constant step counts on the stack instead
// of creating a range object, as MicroPython does (it does not look
// whether `range` is rebound either).
bool Compiler::ForRange(NodeId id) {
  const Node& n = ast_[id];
  const Node& target = ast_[n.a];
  const Node& call = ast_[n.b];
  if (target.kind != NodeKind::Name || call.kind != NodeKind::Call || call.list2.size != 0) return false;
  const Node& func = ast_[call.a];
  if (func.kind != NodeKind::Name || ast_.Name(func.value) != "range") return false;
  auto args = ast_.List(call.list);
  if (args.empty() || args.size() > 3) return false;
  for (NodeId a : args) {
    if (ast_[a].kind == NodeKind::Starred || ast_[a].kind == NodeKind::GeneratorExp) return false;
  }
  int64_t step = 1;
  if (args.size() == 3) {
    auto v = FoldInt(args[2]);
    if (!v || *v == 0 || *v < -(int64_t{1} << 30) || *v >= (int64_t{1} << 30)) return false;
    step = *v;
  }
  NodeId start = args.size() == 1 ? kNoNode : args[0];
  NodeId end = args.size() == 1 ? args[0] : args[1];
  auto end_value = FoldInt(end);
  bool end_on_stack = !(end_value && *end_value >= -(int64_t{1} << 30) && *end_value < (int64_t{1} << 30));

  Label top = em().NewLabel(), entry = em().NewLabel(), cont = em().NewLabel(), brk = em().NewLabel();
  if (end_on_stack) Expr(end);
  if (start == kNoNode) {
    em().SmallInt(0);
  } else {
    Expr(start);
  }
  em().Jump(kOp_JUMP, entry, 0);
  em().Place(top);
  em().Op(kOp_DUP_TOP);
  Store(n.a);
  cur_->loops.push_back(Loop{brk, cont, cur_->except_level, false});
  Body(n.list);
  em().Place(cont);
  em().SmallInt((intptr_t)step);
  em().Op(kOp_BINARY_OP_MULTI + kOpInplaceFirst + BinaryOpIndex(BinaryOp::Add));
  em().Place(entry);
  if (end_on_stack) {
    em().Op(kOp_DUP_TOP_TWO);
    em().Op(kOp_ROT_TWO);
  } else {
    em().Op(kOp_DUP_TOP);
    em().SmallInt((intptr_t)*end_value);
  }
  em().Op(kOp_BINARY_OP_MULTI + (step >= 0 ? kOpLess : kOpMore));
  em().Jump(kOp_POP_JUMP_IF_TRUE, top, -1);
  cur_->loops.pop_back();
  if (n.list2.size) {
    Label done = em().NewLabel();
    em().Op(kOp_POP_TOP);
    if (end_on_stack) em().Op(kOp_POP_TOP);
    Body(n.list2);
    em().Jump(kOp_JUMP, done, 0);
    em().Adjust(end_on_stack ? 2 : 1);
    em().Place(brk);
    em().Op(kOp_POP_TOP);
    if (end_on_stack) em().Op(kOp_POP_TOP);
    em().Place(done);
  } else {
    em().Place(brk);
    em().Op(kOp_POP_TOP);
    if (end_on_stack) em().Op(kOp_POP_TOP);
  }
  return true;
}

void Compiler::While(NodeId id) {
  const Node& n = ast_[id];
  Label body = em().NewLabel(), cont = em().NewLabel(), brk = em().NewLabel();
  std::optional<bool> constant = ConstTruth(n.a);
  if (constant == false) return Body(n.list2);
  bool forever = constant == true;
  cur_->loops.push_back(Loop{brk, cont, cur_->except_level, false});
  if (!forever) em().Jump(kOp_JUMP, cont, 0);
  em().Place(body);
  Body(n.list);
  em().Place(cont);
  if (forever) {
    em().Jump(kOp_JUMP, body, 0);
  } else {
    LineOf(n.a);
    CondJump(n.a, true, body);
  }
  cur_->loops.pop_back();
  Body(n.list2);
  em().Place(brk);
}

void Compiler::If(NodeId id) {
  const Node& n = ast_[id];
  std::optional<bool> constant = ConstTruth(n.a);
  if (constant) return Body(*constant ? n.list : n.list2);
  Label orelse = em().NewLabel(), end = em().NewLabel();
  CondJump(n.a, false, orelse);
  Body(n.list);
  if (n.list2.size) em().Jump(kOp_JUMP, end, 0);
  em().Place(orelse);
  Body(n.list2);
  em().Place(end);
}

void Compiler::BreakContinue(NodeId id, bool is_break) {
  if (cur_->loops.empty()) return Error(ast_[id].begin, is_break ? "'break' outside loop" : "'continue' not properly in loop");
  const Loop& loop = cur_->loops.back();
  int unwind = cur_->except_level - loop.except_level;
  bool from_for = is_break && loop.is_for;
  Label target = is_break ? loop.break_label : loop.continue_label;
  if (unwind == 0) {
    if (from_for) {
      for (int i = 0; i < 4; ++i) em().RawPopTop();
    }
    em().Jump(kOp_JUMP, target, 0);
  } else {
    if (unwind > 0x7f) return Error(ast_[id].begin, "too many nested blocks to leave for the bytecode backend");
    em().UnwindJump(target, (uint8_t)((from_for ? 0x80 : 0) | unwind));
  }
}

void Compiler::With(NodeId id, size_t item) {
  const Node& n = ast_[id];
  auto items = ast_.List(n.list);
  if (item == items.size()) return Body(n.list2);
  const Node& wi = ast_[items[item]];
  Label end = em().NewLabel();
  Expr(wi.a);
  em().Jump(kOp_SETUP_WITH, end, 2);
  ++cur_->except_level;
  em().EnterExcept();
  if (wi.b != kNoNode) {
    Store(wi.b);
  } else {
    em().Op(kOp_POP_TOP);
  }
  With(id, item + 1);
  em().Op(kOp_LOAD_CONST_NONE);
  em().Place(end);
  em().OpAdjust(kOp_WITH_CLEANUP, 0, 2);
  em().Adjust(-4);
  --cur_->except_level;
  em().LeaveExcept();
  em().OpAdjust(kOp_END_FINALLY, 0, -1);
}

void Compiler::AwaitMethod(std::string_view method) {
  em().OpArg(kOp_LOAD_METHOD, Qstr(method));
  em().OpArg(kOp_CALL_METHOD, 0);
  YieldFrom();
}

void Compiler::AsyncWith(NodeId id, size_t item) {
  const Node& n = ast_[id];
  auto items = ast_.List(n.list);
  if (item == items.size()) return Body(n.list2);
  const Node& wi = ast_[items[item]];
  Label finally_block = em().NewLabel(), aexit_no_exc = em().NewLabel();
  Label ret_unwind = em().NewLabel(), end = em().NewLabel();
  Expr(wi.a);
  em().Op(kOp_DUP_TOP);
  AwaitMethod("__aenter__");
  if (wi.b != kNoNode) {
    Store(wi.b);
  } else {
    em().Op(kOp_POP_TOP);
  }
  em().Jump(kOp_SETUP_FINALLY, finally_block, 0);
  ++cur_->except_level;
  em().EnterExcept();
  em().Adjust(3);
  AsyncWith(id, item + 1);
  em().Adjust(-3);
  // Normal exit: None marks "no exception" for END_FINALLY.
  em().Op(kOp_LOAD_CONST_NONE);
  em().Op(kOp_ROT_TWO);
  em().Jump(kOp_JUMP, aexit_no_exc, 0);
  em().Place(finally_block);
  em().Op(kOp_DUP_TOP);
  em().OpArg(kOp_LOAD_GLOBAL, Qstr("BaseException"));
  em().Op(kOp_BINARY_OP_MULTI + kOpExceptionMatch);
  em().Jump(kOp_POP_JUMP_IF_FALSE, ret_unwind, -1);
  // An exception: call __aexit__(type, exc, None), swallow it if true.
  em().Op(kOp_DUP_TOP);
  em().Op(kOp_ROT_THREE);
  em().Op(kOp_ROT_TWO);
  em().OpArg(kOp_LOAD_METHOD, Qstr("__aexit__"));
  em().Op(kOp_ROT_THREE);
  em().Op(kOp_ROT_THREE);
  em().Op(kOp_DUP_TOP);
  em().OpArg(kOp_LOAD_ATTR, Qstr("__class__"));
  em().Op(kOp_ROT_TWO);
  em().Op(kOp_LOAD_CONST_NONE);
  em().OpArg(kOp_CALL_METHOD, 3);
  YieldFrom();
  em().Jump(kOp_POP_JUMP_IF_FALSE, end, -1);
  em().Op(kOp_POP_TOP);
  em().Op(kOp_LOAD_CONST_NONE);
  em().Jump(kOp_JUMP, end, 0);
  em().Adjust(2);
  em().Place(ret_unwind);
  em().Op(kOp_ROT_THREE);
  em().Op(kOp_ROT_THREE);
  em().Place(aexit_no_exc);
  em().OpArg(kOp_LOAD_METHOD, Qstr("__aexit__"));
  em().Op(kOp_LOAD_CONST_NONE);
  em().Op(kOp_DUP_TOP);
  em().Op(kOp_DUP_TOP);
  em().OpArg(kOp_CALL_METHOD, 3);
  YieldFrom();
  em().Op(kOp_POP_TOP);
  em().Adjust(-1);
  em().Place(end);
  --cur_->except_level;
  em().LeaveExcept();
  em().OpAdjust(kOp_END_FINALLY, 0, -1);
}

void Compiler::AsyncFor(NodeId id) {
  const Node& n = ast_[id];
  Label else_label = em().NewLabel(), exc = em().NewLabel(), try_else = em().NewLabel();
  Label try_finally = em().NewLabel(), cont = em().NewLabel(), brk = em().NewLabel();
  Expr(n.b);
  em().OpArg(kOp_LOAD_METHOD, Qstr("__aiter__"));
  em().OpArg(kOp_CALL_METHOD, 0);
  cur_->loops.push_back(Loop{brk, cont, cur_->except_level, false});
  em().Place(cont);
  em().Jump(kOp_SETUP_EXCEPT, exc, 0);
  ++cur_->except_level;
  em().EnterExcept();
  em().Op(kOp_DUP_TOP);
  AwaitMethod("__anext__");
  Store(n.a);
  em().Jump(kOp_POP_EXCEPT_JUMP, try_else, 0);
  em().Place(exc);
  em().Adjust(4);
  em().Op(kOp_DUP_TOP);
  em().OpArg(kOp_LOAD_GLOBAL, Qstr("StopAsyncIteration"));
  em().Op(kOp_BINARY_OP_MULTI + kOpExceptionMatch);
  em().Jump(kOp_POP_JUMP_IF_FALSE, try_finally, -1);
  em().Op(kOp_POP_TOP);
  em().Jump(kOp_POP_EXCEPT_JUMP, else_label, 0);
  em().Place(try_finally);
  em().Adjust(1);
  --cur_->except_level;
  em().LeaveExcept();
  em().OpAdjust(kOp_END_FINALLY, 0, -1);
  em().Adjust(-3);
  em().Place(try_else);
  Body(n.list);
  em().Jump(kOp_JUMP, cont, 0);
  cur_->loops.pop_back();
  em().Place(else_label);
  Body(n.list2);
  em().Place(brk);
  em().Op(kOp_POP_TOP);
}

void Compiler::TryExcept(NodeId id) {
  const Node& n = ast_[id];
  Label handler = em().NewLabel(), success = em().NewLabel(), end = em().NewLabel();
  em().Jump(kOp_SETUP_EXCEPT, handler, 0);
  ++cur_->except_level;
  em().EnterExcept();
  Body(n.list);
  em().Jump(kOp_POP_EXCEPT_JUMP, success, 0);
  em().Place(handler);
  em().Adjust(4);
  for (NodeId h : ast_.List(n.list2)) {
    if (failed()) return;
    const Node& hn = ast_[h];
    LineOf(h);
    Label next = em().NewLabel();
    if (hn.a != kNoNode) {
      em().Op(kOp_DUP_TOP);
      Expr(hn.a);
      em().Op(kOp_BINARY_OP_MULTI + kOpExceptionMatch);
      em().Jump(kOp_POP_JUMP_IF_FALSE, next, -1);
    }
    bool named = hn.value != kNoName;
    Label cleanup = em().NewLabel();
    if (named) {
      NameOp(hn.value, ExprContext::Store);
      em().Jump(kOp_SETUP_FINALLY, cleanup, 0);
      ++cur_->except_level;
      em().EnterExcept();
    } else {
      em().Op(kOp_POP_TOP);
    }
    Body(hn.list);
    if (named) {
      // try: body finally: name = None; del name
      em().Op(kOp_LOAD_CONST_NONE);
      em().Place(cleanup);
      em().Adjust(1);
      em().Op(kOp_LOAD_CONST_NONE);
      NameOp(hn.value, ExprContext::Store);
      NameOp(hn.value, ExprContext::Del);
      em().Adjust(-1);
      --cur_->except_level;
      em().LeaveExcept();
      em().OpAdjust(kOp_END_FINALLY, 0, -1);
    }
    em().Jump(kOp_POP_EXCEPT_JUMP, end, 0);
    em().Place(next);
    em().Adjust(1);
  }
  --cur_->except_level;
  em().LeaveExcept();
  em().OpAdjust(kOp_END_FINALLY, 0, -1);
  em().Adjust(-3);
  em().Place(success);
  if (n.a != kNoNode) Stmt(n.a);
  em().Place(end);
}

void Compiler::Try(NodeId id) {
  const Node& n = ast_[id];
  if (n.flags & kFlagStar) return Error(n.begin, "except* is not supported by the bytecode backend");
  if (n.b == kNoNode) return TryExcept(id);
  Label finally_block = em().NewLabel();
  em().Jump(kOp_SETUP_FINALLY, finally_block, 0);
  ++cur_->except_level;
  em().EnterExcept();
  if (n.list2.size == 0) {
    em().Adjust(3);
    Body(n.list);
    em().Adjust(-3);
  } else {
    TryExcept(id);
  }
  em().Op(kOp_LOAD_CONST_NONE);
  em().Place(finally_block);
  em().Adjust(1);
  Stmt(n.b);
  em().Adjust(-1);
  --cur_->except_level;
  em().LeaveExcept();
  em().OpAdjust(kOp_END_FINALLY, 0, -1);
}

void Compiler::Raise(NodeId id) {
  const Node& n = ast_[id];
  if (n.a == kNoNode) {
    em().OpAdjust(kOp_RAISE_LAST, 0, 0);
  } else if (n.b == kNoNode) {
    Expr(n.a);
    em().Op(kOp_RAISE_OBJ);
  } else {
    Expr(n.a);
    Expr(n.b);
    em().Op(kOp_RAISE_FROM);
  }
}

void Compiler::Assert(NodeId id) {
  const Node& n = ast_[id];
  Label end = em().NewLabel();
  CondJump(n.a, true, end);
  em().OpArg(kOp_LOAD_GLOBAL, Qstr("AssertionError"));
  if (n.b != kNoNode) {
    Expr(n.b);
    em().OpArg(kOp_CALL_FUNCTION, 1);
  }
  em().Op(kOp_RAISE_OBJ);
  em().Place(end);
}

void Compiler::ImportName(uint32_t dotted) {
  em().OpArg(kOp_IMPORT_NAME, dotted == kNoName ? Qstr("") : NameQstr(dotted));
}

void Compiler::Import(NodeId id) {
  for (NodeId a : ast_.List(ast_[id].list)) {
    const Node& alias = ast_[a];
    std::string_view full = ast_.Name(alias.value);
    em().SmallInt(0);
    em().Op(kOp_LOAD_CONST_NONE);
    ImportName(alias.value);
    if (alias.a != kNoNode) {
      // `import a.b.c as d` binds the innermost module.
      size_t dot = full.find('.');
      while (dot != std::string_view::npos) {
        size_t next = full.find('.', dot + 1);
        std::string_view part = full.substr(dot + 1, next == std::string_view::npos ? next : next - dot - 1);
        em().OpArg(kOp_LOAD_ATTR, Qstr(part));
        dot = next;
      }
      Store(alias.a);
    } else {
      std::string_view base = full.substr(0, full.find('.'));
      NameOpRef(ResolveText(base), Qstr(base), ExprContext::Store);
    }
  }
}

void Compiler::ImportFrom(NodeId id) {
  const Node& n = ast_[id];
  auto names = ast_.List(n.list);
  // Future statements are compiler directives (the front has checked
  // them); MicroPython has no __future__ module to import at run time.
  if (n.value != kNoName && (n.extra == kNoExtra || n.extra == 0) && ast_.Name(n.value) == "__future__") return;
  em().SmallInt(n.extra == kNoExtra ? 0 : n.extra);
  bool star = names.size() == 1 && ast_.Name(ast_[names[0]].value) == "*";
  if (star) {
    em().OpArg(kOp_LOAD_CONST_STRING, Qstr("*"));
    em().OpArg(kOp_BUILD_TUPLE, 1);
    ImportName(n.value);
    em().Op(kOp_IMPORT_STAR);
    return;
  }
  for (NodeId a : names) em().OpArg(kOp_LOAD_CONST_STRING, NameQstr(ast_[a].value));
  em().OpArg(kOp_BUILD_TUPLE, names.size());
  ImportName(n.value);
  for (NodeId a : names) {
    const Node& alias = ast_[a];
    em().OpArg(kOp_IMPORT_FROM, NameQstr(alias.value));
    if (alias.a != kNoNode) {
      Store(alias.a);
    } else {
      NameOp(alias.value, ExprContext::Store);
    }
  }
  em().Op(kOp_POP_TOP);
}

}  // namespace taipan::bytecode
