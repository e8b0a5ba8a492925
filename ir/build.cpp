// The IR builder: entry point, function setup, the native-or-bytecode
// decision, instruction emission, and the passes that finish a function
// (unreachable blocks, definite assignment, volatile locals).
// Statements are in build_stmt.cpp, expressions in build_expr.cpp.
#include <algorithm>
#include <cstdlib>

#include "ir/builder.h"

namespace taipan::ir {

namespace build {

namespace {

// A fixed-size bit set over locals or try slots.
class Bits {
 public:
  Bits() = default;
  Bits(size_t n, bool value) : words_((n + 63) / 64, value ? ~uint64_t{0} : 0) {}
  bool Get(size_t i) const { return (words_[i / 64] >> (i % 64)) & 1; }
  void Set(size_t i, bool v) {
    if (v) {
      words_[i / 64] |= uint64_t{1} << (i % 64);
    } else {
      words_[i / 64] &= ~(uint64_t{1} << (i % 64));
    }
  }
  // this &= other; returns whether anything changed.
  bool Meet(const Bits& other) {
    bool changed = false;
    for (size_t i = 0; i < words_.size(); ++i) {
      uint64_t w = words_[i] & other.words_[i];
      changed |= w != words_[i];
      words_[i] = w;
    }
    return changed;
  }
  bool Union(const Bits& other) {
    bool changed = false;
    for (size_t i = 0; i < words_.size(); ++i) {
      uint64_t w = words_[i] | other.words_[i];
      changed |= w != words_[i];
      words_[i] = w;
    }
    return changed;
  }
  bool Any() const {
    for (uint64_t w : words_) {
      if (w) return true;
    }
    return false;
  }

 private:
  std::vector<uint64_t> words_;
};

// module.outer.inner for remarks.
std::string QualifiedName(const ModuleContext& m, uint32_t index) {
  std::string name;
  for (uint32_t s = index; s != kNoScope && s != 0; s = m.scopes.scopes[s].parent) {
    std::string part(bytecode::SimpleName(m.ast, m.scopes.scopes[s]));
    name = name.empty() ? part : part + "." + name;
  }
  if (name.empty()) name = "<module>";
  return m.module_name.empty() ? name : m.module_name + "." + name;
}

}  // namespace

FunctionBuilder::FunctionBuilder(ModuleContext& m, const bytecode::RawCode& raw)
    : m_(m),
      ast_(m.ast),
      raw_(raw),
      scope_(m.scopes.scopes[raw.scope]),
      layout_(m.info.layouts.at(raw.scope)) {}

Function FunctionBuilder::Build() {
  f_.scope = raw_.scope;
  f_.name = std::string(bytecode::SimpleName(ast_, scope_));
  f_.qualified = QualifiedName(m_, raw_.scope);
  f_.offset = ast_[scope_.node].begin;
  f_.is_module_body = scope_.kind == ScopeKind::Module;
  f_.is_class_body = scope_.kind == ScopeKind::Class;
  f_.is_def = scope_.kind == ScopeKind::Function || scope_.kind == ScopeKind::Lambda;
  offset_ = f_.offset;
  DecideNative();
  if (!f_.native) return std::move(f_);
  SetUpLocals();
  SetUpConstantDefaults();
  SetBlock(NewBlock());
  BuildBody();
  if (!failed_) Finish();
  if (failed_) {
    // Bytecode: no body (only the decision and the reason are used).
    f_.insts.clear();
    f_.blocks.clear();
    f_.locals.clear();
    f_.n_try_slots = 0;
  }
  return std::move(f_);
}

// ---------------------------------------------------------------- decisions

bool FunctionBuilder::IsEmitterDecorator(NodeId id, std::string_view* what) const {
  const Node& d = ast_[id];
  if (d.kind != NodeKind::Attribute || ast_[d.a].kind != NodeKind::Name ||
      ast_.Name(ast_[d.a].value) != "micropython") {
    return false;
  }
  *what = ast_.Name(d.value);
  return *what == "native" || *what == "viper" || *what == "bytecode";
}

// Whether an expression binds a name of its scope (a walrus outside any
// lambda of it).
bool FunctionBuilder::BindsByWalrus(NodeId id) const {
  if (id == kNoNode) return false;
  const Node& n = ast_[id];
  if (n.kind == NodeKind::NamedExpr) return true;
  if (n.kind == NodeKind::Lambda || n.kind == NodeKind::Constant) return false;
  for (NodeId child : {n.a, n.b, n.c})
    if (BindsByWalrus(child)) return true;
  for (NodeList list : {n.list, n.list2})
    for (NodeId child : ast_.List(list))
      if (BindsByWalrus(child)) return true;
  return false;
}

// The names an expression reads: variables and attribute names (those of
// its lambdas too, which over-approximates).
void FunctionBuilder::CollectLoads(NodeId id, std::vector<std::string>* names) const {
  if (id == kNoNode) return;
  const Node& n = ast_[id];
  if (n.kind == NodeKind::Name || n.kind == NodeKind::Attribute) names->emplace_back(ast_.Name(n.value));
  if (n.kind == NodeKind::Constant) return;
  for (NodeId child : {n.a, n.b, n.c}) CollectLoads(child, names);
  for (NodeList list : {n.list, n.list2})
    for (NodeId child : ast_.List(list)) CollectLoads(child, names);
}

// `@staticmethod`, unless the body bound that name before (the decorator
// is looked up in the class namespace first).
bool FunctionBuilder::IsStaticMethodDecorator(NodeId decorator, const ClassSummary& summary) const {
  if (ast_[decorator].kind != NodeKind::Name || ast_.Name(ast_[decorator].value) != "staticmethod") return false;
  for (const ClassMember& member : summary.members)
    if (member.name == "staticmethod") return false;
  return true;
}

void FunctionBuilder::SummarizeClassBody() {
  ClassSummary& summary = f_.class_summary;
  auto add = [&](NodeId target, MemberKind kind) {
    summary.members.push_back(ClassMember{std::string(ast_.Name(ast_[target].value)), kNoId, kind});
  };
  for (NodeId id : ast_.List(ast_[scope_.node].list)) {
    const Node& n = ast_[id];
    switch (n.kind) {
      case NodeKind::Pass: break;
      case NodeKind::Expr:
        if (ast_[n.a].kind != NodeKind::Constant) return;  // a docstring
        break;
      case NodeKind::FunctionDef: {
        if (BindsByWalrus(n.a) || BindsByWalrus(n.b)) return;  // in a default or an annotation
        bool plain = n.list2.size == 0;
        for (NodeId d : ast_.List(n.list2)) {
          if (ast_[d].kind != NodeKind::Name && ast_[d].kind != NodeKind::Attribute) return;
          CollectLoads(d, &summary.loads);
        }
        CollectLoads(n.a, &summary.loads);
        CollectLoads(n.b, &summary.loads);
        auto scope = m_.scopes.scope_of_node.find(id);
        ClassMember member{std::string(ast_.Name(n.value)), kNoId, MemberKind::Other};
        if (plain && scope != m_.scopes.scope_of_node.end()) {
          member.kind = MemberKind::Method;
          member.scope = scope->second;
        } else if (n.list2.size == 1 && IsStaticMethodDecorator(ast_.List(n.list2)[0], summary)) {
          member.kind = MemberKind::StaticMethod;
        }
        summary.members.push_back(std::move(member));
        break;
      }
      case NodeKind::Assign:
        if (BindsByWalrus(n.a)) return;
        CollectLoads(n.a, &summary.loads);
        for (NodeId target : ast_.List(n.list)) {
          if (ast_[target].kind != NodeKind::Name) return;
          add(target, ast_[n.a].kind == NodeKind::Constant ? MemberKind::Constant : MemberKind::Other);
        }
        break;
      case NodeKind::AnnAssign:
        if (ast_[n.a].kind != NodeKind::Name || BindsByWalrus(n.b) || BindsByWalrus(n.c)) return;
        CollectLoads(n.b, &summary.loads);
        CollectLoads(n.c, &summary.loads);
        add(n.a, MemberKind::Other);
        break;
      default: return;
    }
  }
  std::sort(summary.loads.begin(), summary.loads.end());
  summary.loads.erase(std::unique(summary.loads.begin(), summary.loads.end()), summary.loads.end());
  summary.simple = true;
}

void FunctionBuilder::DecideNative() {
  if (f_.is_class_body) {
    f_.native = false;
    f_.reason = "class bodies are not compiled natively";
    SummarizeClassBody();
    return;
  }
  bool generator = (scope_.flags & kScopeGenerator) != 0;
  if (scope_.kind == ScopeKind::Comprehension) generator = ast_[scope_.node].kind == NodeKind::GeneratorExp;
  // async def functions are generators too (await is a yield from).
  f_.is_generator = generator || (scope_.flags & kScopeCoroutine);
  if (scope_.kind == ScopeKind::Function) {
    for (NodeId d : ast_.List(ast_[scope_.node].list2)) {
      std::string_view what;
      if (!IsEmitterDecorator(d, &what)) continue;
      if (what == "bytecode") {
        f_.native = false;
        f_.reason = "decorated @micropython.bytecode";
        return;
      }
      if (what == "viper") {
        f_.native = false;
        f_.reason = "@micropython.viper is not supported natively yet";
        return;
      }
    }
  }
}

void FunctionBuilder::Unsupported(uint32_t offset, std::string reason) {
  if (failed_) return;
  failed_ = true;
  f_.native = false;
  LineCol at = m_.source.Locate(offset);
  f_.reason = reason + " (line " + std::to_string(at.line) + ")";
}

// ---------------------------------------------------------------- locals

void FunctionBuilder::SetUpLocals() {
  uint32_t n_free = (uint32_t)layout_.n_free;
  uint32_t first_param = n_free + (layout_.comp_iter ? 1 : 0);
  uint32_t end_params = first_param + (uint32_t)layout_.params.size();
  f_.n_slots = end_params;
  std::vector<std::pair<uint32_t, InternId>> numbered;
  for (const auto& [name, ref] : layout_.vars) numbered.emplace_back(ref.local, name);
  if (layout_.comp_iter) numbered.emplace_back(*layout_.comp_iter, kNoName);
  std::sort(numbered.begin(), numbered.end());
  for (const auto& [number, name] : numbered) {
    Local local;
    local.name = name == kNoName ? std::string("$iterable") : std::string(ast_.Name(name));
    bool is_param = number >= n_free && number < end_params;
    // A cell that no nested function uses (only comprehensions, which this
    // function builds inline) is a plain local of the native code.
    bool layout_cell = name != kNoName && layout_.vars.at(name).kind == bytecode::VarKind::Deref;
    bool deref = layout_cell && (number < n_free || CapturedByNestedFunction(name));
    local.bound_in_cell = layout_cell && !deref && is_param;
    if (deref && number < n_free) {
      local.kind = LocalKind::Free;
      local.slot = number;
    } else if (deref) {
      local.kind = LocalKind::Cell;
      if (is_param) local.slot = number;
    } else if (is_param) {
      local.kind = LocalKind::Param;
      local.slot = number;
    } else {
      local.kind = LocalKind::Var;
    }
    local.is_cell = deref;
    if (deref) local.type = kObjectType;
    by_number_[number] = (LocalId)f_.locals.size();
    f_.locals.push_back(std::move(local));
  }
  SetUpParameterHints();
}

// Function::constant_defaults, from the def's source: its defaults are
// evaluated once, when the def runs, so a constant default is what every
// call that omits the argument gets.
void FunctionBuilder::SetUpConstantDefaults() {
  if (scope_.kind != ScopeKind::Function) return;
  for (NodeId param_id : ast_.List(ast_[ast_[scope_.node].a].list)) {
    const Node& param = ast_[param_id];
    auto kind = static_cast<ParamKind>(param.op);
    if (param.b == kNoNode || (kind != ParamKind::Normal && kind != ParamKind::PositionalOnly)) continue;
    std::optional<bytecode::Constant> value = m_.FoldConst(param.b, ast_[param.b].begin);
    Inst inst;
    inst.offset = ast_[param.b].begin;
    inst.type = value ? m_.types.OfConstant(*value) : kObjectType;
    std::optional<int64_t> number = value && value->kind == MpyObj::Int ? bytecode::ParseDecimal(value->text)
                                                                         : std::nullopt;
    if (value && value->kind == MpyObj::None) {
      inst.op = Op::ConstNone;
    } else if (value && (value->kind == MpyObj::True || value->kind == MpyObj::False)) {
      inst.op = Op::ConstBool;
      inst.imm = value->kind == MpyObj::True ? 1 : 0;
    } else if (number && *number >= kSmallIntMin && *number <= kSmallIntMax) {
      inst.op = Op::ConstInt;
      inst.imm = *number;
    } else if (value && value->kind == MpyObj::Float) {
      inst.op = Op::ConstFloat;
      inst.fimm = FloatLiteral(value->text);
    } else {
      f_.constant_defaults.clear();
      return;
    }
    f_.constant_defaults.push_back(std::move(inst));
  }
}

// `def f(n: int)`: the annotation names a builtin scalar type (whatever the
// name is bound to when the def runs: a hint is only a guess; see
// Local::hint).
void FunctionBuilder::SetUpParameterHints() {
  if (scope_.kind != ScopeKind::Function) return;
  const Node& arguments = ast_[ast_[scope_.node].a];
  for (NodeId param_id : ast_.List(arguments.list)) {
    const Node& param = ast_[param_id];
    if (param.a == kNoNode || ast_[param.a].kind != NodeKind::Name) continue;
    std::string_view annotation = ast_.Name(ast_[param.a].value);
    TypeId hint = annotation == "int"     ? kIntType
                  : annotation == "float" ? kFloatType
                  : annotation == "str"   ? kStrType
                  : annotation == "bool"  ? kBoolType
                                          : kUnknownType;
    for (Local& local : f_.locals)
      if (local.kind == LocalKind::Param && local.name == ast_.Name(param.value)) local.hint = hint;
  }
}

LocalId FunctionBuilder::NewTemp(std::string_view what) {
  Local local;
  local.name = "$" + std::string(what) + std::to_string(temp_count_++);
  local.kind = LocalKind::Temp;
  f_.locals.push_back(std::move(local));
  return (LocalId)(f_.locals.size() - 1);
}

// ---------------------------------------------------------------- body

void FunctionBuilder::BuildBody() {
  const Node& node = ast_[scope_.node];
  switch (scope_.kind) {
    case ScopeKind::Module:
    case ScopeKind::Function:
      Body(node.list);
      ReturnValue(ConstNone());
      break;
    case ScopeKind::Lambda:
      ReturnValue(Expr(node.b));
      break;
    case ScopeKind::Comprehension:
      ComprehensionBody();
      break;
    case ScopeKind::Class:
      break;
  }
}

// ---------------------------------------------------------------- emission

BlockId FunctionBuilder::NewBlock() {
  f_.blocks.emplace_back();
  return (BlockId)(f_.blocks.size() - 1);
}

// Continues in `block`; an open current block falls through into it.
void FunctionBuilder::SetBlock(BlockId block) {
  if (cur_ != kNoId && !Terminated() && cur_ != block) Jump(block);
  cur_ = block;
}

bool FunctionBuilder::Terminated() const {
  const Block& b = f_.blocks[cur_];
  return !b.insts.empty() && (OpFlags(f_.insts[b.insts.back()].op) & kTerminator);
}

InstId FunctionBuilder::Emit(Op op, std::vector<InstId> ops, int64_t imm, uint8_t sub) {
  // Finally bodies are copied on every exit path: nested ones can grow
  // without bound, so very large functions stay bytecode.
  if (f_.insts.size() > kMaxFunctionInsts) {
    Unsupported(offset_, "function too large for native code (over " + std::to_string(kMaxFunctionInsts) +
                             " IR instructions; finally blocks are copied on every exit)");
  }
  // Code after a return, raise, break...: an unreachable block, dropped later.
  if (Terminated()) cur_ = NewBlock();
  for (InstId& v : ops) v = Here(v);
  Inst inst;
  inst.op = op;
  inst.sub = sub;
  inst.imm = imm;
  inst.ops = std::move(ops);
  inst.block = cur_;
  inst.offset = offset_;
  inst.type = (OpFlags(op) & kNoResult) ? kVoidType : kUnknownType;
  f_.insts.push_back(std::move(inst));
  InstId id = (InstId)(f_.insts.size() - 1);
  f_.blocks[cur_].insts.push_back(id);
  return id;
}

// `value` made usable in the current block: a value from an earlier block
// is stored to a temporary at the end of its block (before the
// terminator) and loaded here. Values never cross blocks otherwise.
InstId FunctionBuilder::Here(InstId value) {
  BlockId home = f_.insts[value].block;
  if (home == cur_) return value;
  LocalId temp;
  auto it = spills_.find(value);
  if (it != spills_.end()) {
    temp = it->second;
  } else {
    temp = NewTemp("v");
    spills_.emplace(value, temp);
    Inst store;
    store.op = Op::StoreLocal;
    store.type = kVoidType;
    store.imm = temp;
    store.ops = {value};
    store.block = home;
    store.offset = f_.insts[value].offset;
    f_.insts.push_back(std::move(store));
    InstId id = (InstId)(f_.insts.size() - 1);
    std::vector<InstId>& insts = f_.blocks[home].insts;
    bool terminated = !insts.empty() && (OpFlags(f_.insts[insts.back()].op) & kTerminator);
    insts.insert(terminated ? insts.end() - 1 : insts.end(), id);
  }
  return Emit(Op::LoadLocal, {}, temp);
}

void FunctionBuilder::Jump(BlockId target) {
  InstId id = Emit(Op::Jump);
  f_.insts[id].target[0] = target;
}

void FunctionBuilder::Branch(InstId cond, BlockId if_true, BlockId if_false) {
  InstId id = Emit(Op::Branch, {cond});
  f_.insts[id].target[0] = if_true;
  f_.insts[id].target[1] = if_false;
}

InstId FunctionBuilder::ConstInt(int64_t value) {
  InstId id;
  if (value >= kSmallIntMin && value <= kSmallIntMax) {
    id = Emit(Op::ConstInt, {}, value);
  } else {
    id = Emit(Op::ConstObj, {}, m_.Obj(bytecode::Constant{MpyObj::Int, std::to_string(value), {}}));
  }
  f_.insts[id].type = kIntType;
  return id;
}

// Short strings (and ones already interned) are qstrs, longer ones
// objects, as in the bytecode.
InstId FunctionBuilder::ConstStr(std::string_view text) {
  if (text.size() <= 10 || m_.qstr_index.count(std::string(text))) return ConstQstr(text);
  InstId id = Emit(Op::ConstObj, {}, m_.Obj(bytecode::Constant{MpyObj::Str, std::string(text), {}}));
  f_.insts[id].type = kStrType;
  return id;
}

InstId FunctionBuilder::ConstQstr(std::string_view text) {
  InstId id = Emit(Op::ConstQstr, {}, m_.Qstr(text));
  f_.insts[id].type = kStrType;
  return id;
}

// The value of a float literal's text (digits may be grouped by '_').
double FunctionBuilder::FloatLiteral(std::string_view literal) {
  std::string text;
  for (char ch : literal) {
    if (ch != '_') text.push_back(ch);
  }
  return std::strtod(text.c_str(), nullptr);
}

InstId FunctionBuilder::Constant(const bytecode::Constant& c) {
  switch (c.kind) {
    case MpyObj::None: return ConstNone();
    case MpyObj::True: return ConstBool(true);
    case MpyObj::False: return ConstBool(false);
    case MpyObj::Int: {
      std::optional<int64_t> v = bytecode::ParseDecimal(c.text);
      if (v) return ConstInt(*v);
      break;
    }
    case MpyObj::Str: return ConstStr(c.text);
    case MpyObj::Float: {
      InstId id = Emit(Op::ConstFloat);
      f_.insts[id].fimm = FloatLiteral(c.text);
      f_.insts[id].type = kFloatType;
      return id;
    }
    case MpyObj::Tuple:
      if (c.items.empty()) return Emit(Op::BuildTuple);
      break;
    default: break;
  }
  InstId id = Emit(Op::ConstObj, {}, m_.Obj(c));
  f_.insts[id].type = m_.types.OfConstant(c);
  return id;
}

bool FunctionBuilder::IsBool(InstId value) const {
  switch (f_.insts[value].op) {
    case Op::Is:
    case Op::Not:
    case Op::Truth:
    case Op::ExceptionMatch:
    case Op::ConstBool: return true;
    default: return false;
  }
}

InstId FunctionBuilder::ToBool(InstId value) { return IsBool(value) ? value : Emit(Op::Truth, {value}); }

// ---------------------------------------------------------------- names

FunctionBuilder::NameRef FunctionBuilder::Resolve(InternId name) {
  NameRef ref;
  ref.qstr = NameQstr(name);
  for (auto it = comprehension_names_.rbegin(); it != comprehension_names_.rend(); ++it) {
    if (it->first != name) continue;
    ref.kind = NameKind::Local;
    ref.local = it->second;
    return ref;
  }
  if (scope_.kind == ScopeKind::Module || scope_.kind == ScopeKind::Class) return ref;
  auto it = layout_.vars.find(name);
  if (it == layout_.vars.end()) return ref;
  ref.local = by_number_.at(it->second.local);
  // (Not the layout's kind: a cell that only inlined comprehensions use is
  // a plain local here; see SetUpLocals.)
  ref.kind = f_.locals[ref.local].is_cell ? NameKind::Cell : NameKind::Local;
  return ref;
}

FunctionBuilder::NameRef FunctionBuilder::ResolveText(std::string_view text) {
  for (const Symbol& sym : scope_.symbols) {
    if (ast_.Name(sym.name) == text) return Resolve(sym.name);
  }
  NameRef ref;
  ref.qstr = m_.Qstr(text);
  return ref;
}

InstId FunctionBuilder::LoadName(InternId name) {
  // MicroPython's lexer turns __debug__ into True.
  if (ast_.Name(name) == "__debug__") return ConstBool(true);
  NameRef ref = Resolve(name);
  if (ref.kind == NameKind::Global) {
    if (const bytecode::Constant* c = m_.ConstNamed(name, offset_)) return Constant(*c);
  }
  return LoadRef(ref);
}

InstId FunctionBuilder::LoadRef(const NameRef& ref) {
  switch (ref.kind) {
    case NameKind::Global: return Emit(Op::LoadGlobal, {}, ref.qstr);
    case NameKind::Local: return Emit(Op::LoadLocal, {}, ref.local);
    case NameKind::Cell: return Emit(Op::LoadCell, {}, ref.local);
  }
  return ConstNone();
}

void FunctionBuilder::StoreRef(const NameRef& ref, InstId value) {
  switch (ref.kind) {
    case NameKind::Global: Emit(Op::StoreGlobal, {value}, ref.qstr); break;
    case NameKind::Local: Emit(Op::StoreLocal, {value}, ref.local); break;
    case NameKind::Cell: Emit(Op::StoreCell, {value}, ref.local); break;
  }
}

void FunctionBuilder::DeleteRef(const NameRef& ref) {
  switch (ref.kind) {
    case NameKind::Global: Emit(Op::DeleteGlobal, {}, ref.qstr); break;
    case NameKind::Local: Emit(Op::DeleteLocal, {}, ref.local); break;
    case NameKind::Cell: Emit(Op::DeleteCell, {}, ref.local); break;
  }
}

// ---------------------------------------------------------------- finishing

void FunctionBuilder::Finish() {
  DropUnreachableBlocks();
  // The passes below rely on the structure Verify checks.
  std::string error = Verify(f_, m_.types);
  if (!error.empty()) return Unsupported(f_.offset, "internal error: the IR builder made invalid IR: " + error);
  MarkMaybeUnbound();
  MarkVolatile();
}

// Blocks that only jump elsewhere are skipped over; the blocks reachable
// from the entry are kept, in reverse postorder (a block after those that
// lead to it, the taken side of a branch first), and blocks and
// instructions are renumbered in that order.
void FunctionBuilder::DropUnreachableBlocks() {
  size_t nb = f_.blocks.size();
  auto only_jumps = [&](BlockId b) {
    const std::vector<InstId>& insts = f_.blocks[b].insts;
    return b != 0 && insts.size() == 1 && f_.insts[insts[0]].op == Op::Jump;
  };
  auto final_target = [&](BlockId b) {
    for (size_t steps = 0; steps < nb && only_jumps(b); ++steps) b = f_.insts[f_.blocks[b].insts[0]].target[0];
    return b;
  };
  for (Inst& inst : f_.insts) {
    if (!(OpFlags(inst.op) & kTerminator)) continue;
    for (BlockId& t : inst.target) {
      if (t != kNoId) t = final_target(t);
    }
  }
  MergeStraightLines();
  // Reverse postorder by an explicit depth-first walk.
  std::vector<BlockId> postorder;
  std::vector<uint8_t> state(nb, 0);  // 0 new, 1 on the stack, 2 done
  std::vector<std::pair<BlockId, int>> stack = {{0, 0}};
  state[0] = 1;
  while (!stack.empty()) {
    auto& [b, next] = stack.back();
    const std::vector<InstId>& insts = f_.blocks[b].insts;
    BlockId successor = kNoId;
    if (!insts.empty()) {
      const Inst& last = f_.insts[insts.back()];
      // target[1] first, so that target[0]'s blocks come first in the result.
      while (next < 2 && successor == kNoId) {
        BlockId t = last.target[1 - next];
        ++next;
        if (t != kNoId && t < nb && state[t] == 0) successor = t;
      }
    }
    if (successor == kNoId) {
      state[b] = 2;
      postorder.push_back(b);
      stack.pop_back();
      continue;
    }
    state[successor] = 1;
    stack.push_back({successor, 0});
  }
  std::vector<BlockId> order(postorder.rbegin(), postorder.rend());
  std::vector<BlockId> block_map(nb, kNoId);
  for (size_t i = 0; i < order.size(); ++i) block_map[order[i]] = (BlockId)i;
  std::vector<InstId> inst_map(f_.insts.size(), kNoId);
  std::vector<Inst> insts;
  std::vector<Block> blocks(order.size());
  for (BlockId b : order) {
    for (InstId old : f_.blocks[b].insts) {
      Inst inst = std::move(f_.insts[old]);
      inst.block = block_map[b];
      for (InstId& op : inst.ops) op = op < inst_map.size() ? inst_map[op] : kNoId;
      for (BlockId& t : inst.target) {
        if (t != kNoId) t = t < block_map.size() ? block_map[t] : kNoId;
      }
      inst_map[old] = (InstId)insts.size();
      blocks[block_map[b]].insts.push_back((InstId)insts.size());
      insts.push_back(std::move(inst));
    }
  }
  f_.insts = std::move(insts);
  f_.blocks = std::move(blocks);
  spills_.clear();
}

// A block that jumps to a block with no other predecessor absorbs it.
void FunctionBuilder::MergeStraightLines() {
  size_t nb = f_.blocks.size();
  std::vector<bool> reached(nb, false);
  std::vector<BlockId> work = {0};
  reached[0] = true;
  std::vector<uint32_t> predecessors(nb, 0);
  while (!work.empty()) {
    BlockId b = work.back();
    work.pop_back();
    if (f_.blocks[b].insts.empty()) continue;
    for (BlockId t : f_.insts[f_.blocks[b].insts.back()].target) {
      if (t == kNoId || t >= nb) continue;
      ++predecessors[t];
      if (!reached[t]) {
        reached[t] = true;
        work.push_back(t);
      }
    }
  }
  for (BlockId b = 0; b < nb; ++b) {
    if (!reached[b]) continue;
    std::vector<InstId>& insts = f_.blocks[b].insts;
    while (!insts.empty()) {
      const Inst& last = f_.insts[insts.back()];
      BlockId next = last.target[0];
      if (last.op != Op::Jump || next == b || next == 0 || predecessors[next] != 1) break;
      insts.pop_back();
      std::vector<InstId>& moved = f_.blocks[next].insts;
      insts.insert(insts.end(), moved.begin(), moved.end());
      moved.clear();
      predecessors[next] = 0;
    }
  }
}

// Definite assignment: a forward must-analysis over the blocks. LoadLocal
// of a Param/Var/Temp local gets sub=1 where some path may reach it with
// the local unbound (never assigned, or deleted).
void FunctionBuilder::MarkMaybeUnbound() {
  size_t n = f_.locals.size();
  if (f_.blocks.empty()) return;
  Bits deleted(n, false);
  for (const Inst& inst : f_.insts) {
    if (inst.op == Op::DeleteLocal) deleted.Set((size_t)inst.imm, true);
  }
  std::vector<Bits> in(f_.blocks.size(), Bits(n, true));
  std::vector<bool> seen(f_.blocks.size(), false);
  Bits entry(n, false);
  for (size_t i = 0; i < n; ++i) {
    if (f_.locals[i].kind == LocalKind::Param || f_.locals[i].is_cell) entry.Set(i, true);
  }
  in[0] = entry;
  seen[0] = true;
  std::vector<BlockId> work = {0};
  auto flow = [&](BlockId target, const Bits& state) {
    bool changed = !seen[target];
    seen[target] = true;
    changed |= in[target].Meet(state);
    if (changed) work.push_back(target);
  };
  while (!work.empty()) {
    BlockId b = work.back();
    work.pop_back();
    Bits state = in[b];
    for (InstId id : f_.blocks[b].insts) {
      const Inst& inst = f_.insts[id];
      if (inst.op == Op::StoreLocal) state.Set((size_t)inst.imm, true);
      if (inst.op == Op::DeleteLocal) state.Set((size_t)inst.imm, false);
    }
    const Inst& last = f_.insts[f_.blocks[b].insts.back()];
    switch (last.op) {
      case Op::ForIter: {
        Bits next = state;
        next.Set((size_t)last.imm, true);
        flow(last.target[0], next);
        flow(last.target[1], state);
        break;
      }
      case Op::TryPush: {
        flow(last.target[0], state);
        // The handler may be reached from anywhere in the region, where
        // only what was bound at its start (and never deleted) is sure.
        Bits handler = state;
        for (size_t i = 0; i < n; ++i) {
          if (deleted.Get(i)) handler.Set(i, false);
        }
        flow(last.target[1], handler);
        break;
      }
      default:
        for (BlockId t : last.target) {
          if (t != kNoId) flow(t, state);
        }
    }
  }
  for (BlockId b = 0; b < f_.blocks.size(); ++b) {
    Bits state = in[b];
    for (InstId id : f_.blocks[b].insts) {
      Inst& inst = f_.insts[id];
      if (inst.op == Op::StoreLocal) state.Set((size_t)inst.imm, true);
      if (inst.op == Op::DeleteLocal) state.Set((size_t)inst.imm, false);
      if (inst.op == Op::LoadLocal) inst.sub = state.Get((size_t)inst.imm) ? 0 : 1;
    }
  }
}

// A local needs volatile loads and stores when it is written inside a try
// region and read somewhere the handler can reach: nlr's longjmp restores
// registers to their values at the TryPush.
void FunctionBuilder::MarkVolatile() {
  if (f_.n_try_slots == 0 || f_.blocks.empty()) return;
  size_t nb = f_.blocks.size(), n = f_.locals.size();
  // Which try slots are active at each block's start.
  std::vector<Bits> active(nb, Bits(f_.n_try_slots, false));
  std::vector<bool> seen(nb, false);
  std::vector<BlockId> work = {0};
  seen[0] = true;
  std::vector<bool> handler_entry(nb, false);
  Bits stored_in_region(n, false);
  auto flow = [&](BlockId target, const Bits& state) {
    bool changed = !seen[target];
    seen[target] = true;
    changed |= active[target].Union(state);
    if (changed) work.push_back(target);
  };
  while (!work.empty()) {
    BlockId b = work.back();
    work.pop_back();
    Bits state = active[b];
    for (InstId id : f_.blocks[b].insts) {
      const Inst& inst = f_.insts[id];
      if (inst.op == Op::TryPop) state.Set((size_t)inst.imm, false);
      bool writes = inst.op == Op::StoreLocal || inst.op == Op::DeleteLocal || inst.op == Op::ForIter;
      if (writes && state.Any()) stored_in_region.Set((size_t)inst.imm, true);
    }
    const Inst& last = f_.insts[f_.blocks[b].insts.back()];
    if (last.op == Op::TryPush) {
      Bits inside = state;
      inside.Set((size_t)last.imm, true);
      flow(last.target[0], inside);
      flow(last.target[1], state);
      handler_entry[last.target[1]] = true;
      continue;
    }
    for (BlockId t : last.target) {
      if (t != kNoId) flow(t, state);
    }
  }
  // Blocks reachable from a handler, and the locals they read.
  std::vector<bool> after_handler(nb, false);
  work.clear();
  for (BlockId b = 0; b < nb; ++b) {
    if (handler_entry[b]) {
      after_handler[b] = true;
      work.push_back(b);
    }
  }
  while (!work.empty()) {
    BlockId b = work.back();
    work.pop_back();
    const Inst& last = f_.insts[f_.blocks[b].insts.back()];
    for (BlockId t : last.target) {
      if (t != kNoId && !after_handler[t]) {
        after_handler[t] = true;
        work.push_back(t);
      }
    }
  }
  for (BlockId b = 0; b < nb; ++b) {
    if (!after_handler[b]) continue;
    for (InstId id : f_.blocks[b].insts) {
      const Inst& inst = f_.insts[id];
      if (inst.op == Op::LoadLocal && stored_in_region.Get((size_t)inst.imm)) f_.locals[inst.imm].is_volatile = true;
    }
  }
}

}  // namespace build

Module BuildModule(const Ast& ast, const ScopeTable& scopes, const SourceBuffer& source, std::string_view name,
                   bytecode::Module* bc, const bytecode::CompileInfo& info, TypeTable& types) {
  Module module;
  module.name = std::string(name);
  module.source = &source;
  if (!bc) return module;
  if (!bc->qstrs.empty()) module.source_name = bc->qstrs[0];
  if (ast.root != kNoNode && !scopes.scopes.empty()) {
    build::ModuleContext context(ast, scopes, source, bc, info, types);
    context.module_name = module.name;
    // Pre-order over the raw-code tree: function i is raw code i.
    std::vector<const bytecode::RawCode*> stack = {&bc->top};
    while (!stack.empty()) {
      const bytecode::RawCode* raw = stack.back();
      stack.pop_back();
      for (auto it = raw->children.rbegin(); it != raw->children.rend(); ++it) stack.push_back(&*it);
      if (raw->scope >= scopes.scopes.size() || !info.layouts.count(raw->scope)) {
        Function f;
        f.native = false;
        f.reason = "internal error: a raw code without a scope";
        module.functions.push_back(std::move(f));
        continue;
      }
      module.functions.push_back(build::FunctionBuilder(context, *raw).Build());
    }
  }
  module.qstrs = bc->qstrs;
  module.constants = bc->constants;
  return module;
}

}  // namespace taipan::ir
