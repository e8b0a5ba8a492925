// The IR builder's module context: the qstr and object tables it extends,
// const() names, and the constant folding the bytecode compiler does (the
// two must agree on which code is dead: `if 0:` bodies have no raw codes).
#include <climits>

#include "ir/builder.h"

namespace taipan::ir::build {

ModuleContext::ModuleContext(const Ast& ast, const ScopeTable& scopes, const SourceBuffer& source,
                             bytecode::Module* bc, const bytecode::CompileInfo& info, TypeTable& types)
    : ConstFolder(ast), ast(ast), scopes(scopes), source(source), bc(bc), info(info), types(types) {
  for (size_t i = 0; i < bc->qstrs.size(); ++i) qstr_index.emplace(bc->qstrs[i], (uint32_t)i);
  if (ast.root != kNoNode) CollectConsts(ast[ast.root].list);
  FindReboundBuiltins();
  FindConsumedGenerators();
}

uint32_t ModuleContext::Qstr(std::string_view text) {
  auto it = qstr_index.find(std::string(text));
  if (it != qstr_index.end()) return it->second;
  uint32_t index = (uint32_t)bc->qstrs.size();
  bc->qstrs.emplace_back(text);
  qstr_index.emplace(std::string(text), index);
  return index;
}

uint32_t ModuleContext::Obj(const bytecode::Constant& constant) {
  auto& table = bc->constants;
  for (size_t i = 0; i < table.size(); ++i) {
    if (table[i] == constant) return (uint32_t)i;
  }
  table.push_back(constant);
  return (uint32_t)(table.size() - 1);
}

const bytecode::Constant* ModuleContext::ConstNamed(InternId name, uint32_t use) const {
  auto it = consts.find(name);
  if (it == consts.end()) return nullptr;
  const bytecode::Constant* found = nullptr;
  for (const ConstDef& def : it->second) {
    if (def.offset < use) found = &def.value;
  }
  return found;
}

// ---------------------------------------------------------------- const()

// Walks the statements in source order as the bytecode compiler does,
// registering `NAME = const(...)` at module and class level.
void ModuleContext::CollectConsts(NodeList body) {
  for (NodeId id : ast.List(body)) CollectConst(id);
}

void ModuleContext::CollectConst(NodeId id) {
  const Node& n = ast[id];
  switch (n.kind) {
    case NodeKind::Assign:
    case NodeKind::AnnAssign: {
      NodeId target, value;
      if (!bytecode::MatchConstDefinition(ast, id, &target, &value)) return;
      auto folded = FoldConst(value, n.begin);
      if (folded) consts[ast[target].value].push_back(ConstDef{*folded, n.begin});
      return;
    }
    case NodeKind::If: {
      std::optional<bool> constant = ConstTruth(n.a, n.begin);
      if (constant) return CollectConsts(*constant ? n.list : n.list2);
      CollectConsts(n.list);
      return CollectConsts(n.list2);
    }
    case NodeKind::While: {
      std::optional<bool> constant = ConstTruth(n.a, n.begin);
      if (constant != false) CollectConsts(n.list);
      return CollectConsts(n.list2);
    }
    case NodeKind::For:
      CollectConsts(n.list);
      return CollectConsts(n.list2);
    case NodeKind::With: return CollectConsts(n.list2);
    case NodeKind::Try:
      CollectConsts(n.list);
      for (NodeId h : ast.List(n.list2)) CollectConsts(ast[h].list);
      if (n.a != kNoNode) CollectConst(n.a);
      if (n.b != kNoNode) CollectConst(n.b);
      return;
    case NodeKind::Block: return CollectConsts(n.list);
    case NodeKind::ClassDef: return CollectConsts(n.list);
    case NodeKind::FunctionDef: {
      // Function bodies define no consts, but may hold classes that do.
      for (NodeId s : ast.List(n.list)) {
        if (ast[s].kind == NodeKind::ClassDef) CollectConst(s);
      }
      return;
    }
    default: return;
  }
}

namespace {

constexpr std::pair<std::string_view, Reducer> kReducers[] = {
    {"list", Reducer::List}, {"tuple", Reducer::Tuple}, {"set", Reducer::Set},
    {"sorted", Reducer::Sorted}, {"min", Reducer::Min}, {"max", Reducer::Max},
    {"sum", Reducer::Sum}, {"any", Reducer::Any}, {"all", Reducer::All},
};

}  // namespace

// `range` (or a reducer) is the builtin unless the module (or a `global
// range`) binds it or a star import might.
void ModuleContext::FindReboundBuiltins() {
  if (scopes.scopes.empty()) return;
  auto watched = [](std::string_view name) {
    if (name == "range") return true;
    for (const auto& [reducer, kind] : kReducers)
      if (name == reducer) return true;
    return false;
  };
  bool import_star = (scopes.scopes[0].flags & kScopeImportStar) != 0;
  for (size_t i = 0; i < scopes.scopes.size(); ++i) {
    for (const Symbol& sym : scopes.scopes[i].symbols) {
      std::string_view name = ast.Name(sym.name);
      if (!watched(name)) continue;
      bool binds = (sym.flags & (kSymAssigned | kSymImported | kSymParam)) != 0;
      if (binds && (i == 0 || sym.scope == SymbolScope::GlobalExplicit)) rebound_builtins.emplace(name);
    }
  }
  if (import_star) {
    rebound_builtins.emplace("range");
    for (const auto& [reducer, kind] : kReducers) rebound_builtins.emplace(reducer);
  }
}

void ModuleContext::FindConsumedGenerators() {
  for (const Node& call : ast.nodes) {
    if (call.kind != NodeKind::Call || call.list.size != 1 || call.list2.size != 0) continue;
    const Node& callee = ast[call.a];
    NodeId arg = ast.List(call.list)[0];
    if (callee.kind != NodeKind::Name || ast[arg].kind != NodeKind::GeneratorExp) continue;
    auto scope = scopes.scope_of_node.find(arg);
    if (scope == scopes.scope_of_node.end()) continue;
    // The name must reach the builtin from where the call is.
    const Symbol* symbol = scopes.scopes[scopes.scopes[scope->second].parent].Find(callee.value);
    if (!symbol || symbol->scope != SymbolScope::GlobalImplicit) continue;
    std::string_view name = ast.Name(callee.value);
    if (Rebound(name)) continue;
    for (const auto& [reducer, kind] : kReducers)
      if (name == reducer) consumed_generators.emplace(arg, kind);
  }
}

}  // namespace taipan::ir::build
