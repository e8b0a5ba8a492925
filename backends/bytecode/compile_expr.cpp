// The bytecode emitter: expressions, assignment targets, calls, functions.
#include <climits>

#include "backends/bytecode/compiler.h"

namespace taipan::bytecode {

namespace {

// MicroPython's portable small ints (mpy-cross assumes 31 bits).
constexpr int64_t kSmallIntMin = -(int64_t{1} << 30);
constexpr int64_t kSmallIntMax = (int64_t{1} << 30) - 1;

uint8_t CompareOpcode(CompareOp op, bool* invert) {
  *invert = op == CompareOp::NotIn || op == CompareOp::IsNot;
  switch (op) {
    case CompareOp::Lt: return 0;
    case CompareOp::Gt: return 1;
    case CompareOp::Eq: return 2;
    case CompareOp::LtE: return 3;
    case CompareOp::GtE: return 4;
    case CompareOp::NotEq: return 5;
    case CompareOp::In:
    case CompareOp::NotIn: return 6;
    case CompareOp::Is:
    case CompareOp::IsNot: return 7;
  }
  return 2;
}

}  // namespace

// ---------------------------------------------------------------- names

VarRef Compiler::Resolve(InternId name) {
  const Scope& scope = scopes_.scopes[cur_->scope];
  const Symbol* sym = scope.Find(name);
  switch (scope.kind) {
    case ScopeKind::Module:
      return VarRef{VarKind::Name, 0};
    case ScopeKind::Class:
      if (sym && sym->scope == SymbolScope::Free) {
        auto it = cur_->layout->vars.find(name);
        if (it != cur_->layout->vars.end()) return it->second;
      }
      if (sym && sym->scope == SymbolScope::GlobalExplicit) return VarRef{VarKind::Global, 0};
      return VarRef{VarKind::Name, 0};
    default: {
      auto it = cur_->layout->vars.find(name);
      if (it != cur_->layout->vars.end()) return it->second;
      return VarRef{VarKind::Global, 0};
    }
  }
}

VarRef Compiler::ResolveText(std::string_view text) {
  const Scope& scope = scopes_.scopes[cur_->scope];
  for (const Symbol& sym : scope.symbols) {
    if (ast_.Name(sym.name) == text) return Resolve(sym.name);
  }
  bool func_like = scope.kind != ScopeKind::Module && scope.kind != ScopeKind::Class;
  return VarRef{func_like ? VarKind::Global : VarKind::Name, 0};
}

void Compiler::LoadFastRaw(uint32_t local) {
  if (local < 16) {
    em().Op((uint8_t)(kOp_LOAD_FAST_MULTI + local));
  } else {
    em().OpArg(kOp_LOAD_FAST_N, local);
  }
}

void Compiler::NameOpRef(VarRef ref, size_t qstr, ExprContext ctx) {
  switch (ref.kind) {
    case VarKind::Fast:
      if (ctx == ExprContext::Load) {
        LoadFastRaw(ref.local);
      } else if (ctx == ExprContext::Store) {
        if (ref.local < 16) {
          em().Op((uint8_t)(kOp_STORE_FAST_MULTI + ref.local));
        } else {
          em().OpArg(kOp_STORE_FAST_N, ref.local);
        }
      } else {
        em().OpArg(kOp_DELETE_FAST, ref.local);
      }
      break;
    case VarKind::Deref:
      em().OpArg(ctx == ExprContext::Load    ? kOp_LOAD_DEREF
                 : ctx == ExprContext::Store ? kOp_STORE_DEREF
                                             : kOp_DELETE_DEREF,
                 ref.local);
      break;
    case VarKind::Name:
      em().OpArg(ctx == ExprContext::Load    ? kOp_LOAD_NAME
                 : ctx == ExprContext::Store ? kOp_STORE_NAME
                                             : kOp_DELETE_NAME,
                 qstr);
      break;
    case VarKind::Global:
      em().OpArg(ctx == ExprContext::Load    ? kOp_LOAD_GLOBAL
                 : ctx == ExprContext::Store ? kOp_STORE_GLOBAL
                                             : kOp_DELETE_GLOBAL,
                 qstr);
      break;
  }
}

void Compiler::NameOp(InternId name, ExprContext ctx) {
  // MicroPython's lexer turns __debug__ into True.
  if (ctx == ExprContext::Load && ast_.Name(name) == "__debug__") return em().Op(kOp_LOAD_CONST_TRUE);
  VarRef ref = Resolve(name);
  if (ctx == ExprContext::Load && (ref.kind == VarKind::Name || ref.kind == VarKind::Global)) {
    auto it = consts_.find(name);
    if (it != consts_.end()) return LoadConstant(it->second);
  }
  NameOpRef(ref, NameQstr(name), ctx);
}

// ---------------------------------------------------------------- constants

void Compiler::LoadInt(const std::string& decimal) {
  std::optional<int64_t> v = ParseDecimal(decimal);
  if (v && *v >= kSmallIntMin && *v <= kSmallIntMax) {
    em().SmallInt((intptr_t)*v);
    return;
  }
  em().OpArg(kOp_LOAD_CONST_OBJ, Obj(bytecode::Constant{MpyObj::Int, decimal, {}}));
}

void Compiler::LoadStr(std::string_view text) {
  // MicroPython interns short strings (and ones already interned).
  if (text.size() <= 10 || qstr_index_.count(std::string(text))) {
    em().OpArg(kOp_LOAD_CONST_STRING, Qstr(text));
  } else {
    em().OpArg(kOp_LOAD_CONST_OBJ, Obj(bytecode::Constant{MpyObj::Str, std::string(text), {}}));
  }
}

void Compiler::ConstantExpr(NodeId id) {
  const Node& n = ast_[id];
  auto kind = static_cast<ConstantKind>(n.op);
  switch (kind) {
    case ConstantKind::None: return em().Op(kOp_LOAD_CONST_NONE);
    case ConstantKind::True: return em().Op(kOp_LOAD_CONST_TRUE);
    case ConstantKind::False: return em().Op(kOp_LOAD_CONST_FALSE);
    case ConstantKind::Ellipsis:
      return em().OpArg(kOp_LOAD_CONST_OBJ, Obj(bytecode::Constant{MpyObj::Ellipsis, "", {}}));
    default:
      break;
  }
  const Literal& lit = ast_.literals[n.value];
  switch (kind) {
    case ConstantKind::Int:
      return LoadInt(IntLiteralToDecimal(lit.text));
    case ConstantKind::Float:
      return em().OpArg(kOp_LOAD_CONST_OBJ, Obj(bytecode::Constant{MpyObj::Float, lit.text, {}}));
    case ConstantKind::Imaginary:
      return em().OpArg(kOp_LOAD_CONST_OBJ, Obj(bytecode::Constant{MpyObj::Complex, lit.text + "j", {}}));
    case ConstantKind::Str:
      return LoadStr(lit.text);
    case ConstantKind::Bytes:
      return em().OpArg(kOp_LOAD_CONST_OBJ, Obj(bytecode::Constant{MpyObj::Bytes, lit.text, {}}));
    default:
      return em().Op(kOp_LOAD_CONST_NONE);
  }
}

// Folds integer arithmetic on constants, as MicroPython's parser does for
void Compiler::LoadConstant(const bytecode::Constant& c) {
  switch (c.kind) {
    case MpyObj::None: return em().Op(kOp_LOAD_CONST_NONE);
    case MpyObj::True: return em().Op(kOp_LOAD_CONST_TRUE);
    case MpyObj::False: return em().Op(kOp_LOAD_CONST_FALSE);
    case MpyObj::Int: return LoadInt(c.text);
    case MpyObj::Str: return LoadStr(c.text);
    case MpyObj::Tuple:
      if (c.items.empty()) return em().OpArg(kOp_BUILD_TUPLE, 0);
      [[fallthrough]];
    default:
      return em().OpArg(kOp_LOAD_CONST_OBJ, Obj(c));
  }
}

// ---------------------------------------------------------------- expressions

void Compiler::Expr(NodeId id) {
  if (failed()) return;
  const Node& n = ast_[id];
  // Like MicroPython, names and literals (its parse tree's leaves) do not
  // move the line: a call spread over lines reports the line it starts on.
  if (n.kind != NodeKind::Name && n.kind != NodeKind::Constant) LineOf(id);
  switch (n.kind) {
    case NodeKind::BoolOp: return BoolOpExpr(id);
    case NodeKind::NamedExpr:
      Expr(n.b);
      em().Op(kOp_DUP_TOP);
      return Store(n.a);
    case NodeKind::BinOp: {
      if (auto v = FoldInt(id)) return LoadInt(std::to_string(*v));
      Expr(n.a);
      Expr(n.b);
      return em().Op((uint8_t)(kOp_BINARY_OP_MULTI + kOpBinaryFirst + BinaryOpIndex(static_cast<BinaryOp>(n.op))));
    }
    case NodeKind::UnaryOp: {
      if (auto c = FoldConst(id)) return LoadConstant(*c);
      Expr(n.a);
      uint8_t op = 0;
      switch (static_cast<UnaryOp>(n.op)) {
        case UnaryOp::UAdd: op = 0; break;
        case UnaryOp::USub: op = 1; break;
        case UnaryOp::Invert: op = 2; break;
        case UnaryOp::Not: op = kOpUnaryNot; break;
      }
      return em().Op((uint8_t)(kOp_UNARY_OP_MULTI + op));
    }
    case NodeKind::Lambda: return MakeFunction(id, n.a, ScopeOf(id));
    case NodeKind::IfExp: {
      Label orelse = em().NewLabel(), end = em().NewLabel();
      CondJump(n.a, false, orelse);
      Expr(n.b);
      em().Jump(kOp_JUMP, end, 0);
      em().Place(orelse);
      em().Adjust(-1);
      Expr(n.c);
      return em().Place(end);
    }
    case NodeKind::Dict: return DictExpr(id);
    case NodeKind::Tuple:
      if (n.list.size > 0) {
        if (auto c = FoldConst(id)) return LoadConstant(*c);
      }
      return Collection(id);
    case NodeKind::Set:
    case NodeKind::List: return Collection(id);
    case NodeKind::ListComp:
    case NodeKind::SetComp:
    case NodeKind::DictComp:
    case NodeKind::GeneratorExp: return Comprehension(id);
    case NodeKind::Await:
      Expr(n.a);
      return YieldFrom();
    case NodeKind::Yield:
      if (n.a != kNoNode) {
        Expr(n.a);
      } else {
        em().Op(kOp_LOAD_CONST_NONE);
      }
      return em().Op(kOp_YIELD_VALUE);
    case NodeKind::YieldFrom:
      Expr(n.a);
      return YieldFrom();
    case NodeKind::Compare: return CompareExpr(id);
    case NodeKind::Call: return CallExpr(id);
    case NodeKind::JoinedStr: return JoinedStr(id);
    case NodeKind::Constant: return ConstantExpr(id);
    case NodeKind::Attribute:
      Expr(n.a);
      return em().OpArg(kOp_LOAD_ATTR, NameQstr(n.value));
    case NodeKind::Subscript:
      Expr(n.a);
      Expr(n.b);
      return em().Op(kOp_LOAD_SUBSCR);
    case NodeKind::Name: return NameOp(n.value, ExprContext::Load);
    case NodeKind::Slice: {
      for (NodeId part : {n.a, n.b}) {
        if (part == kNoNode) {
          em().Op(kOp_LOAD_CONST_NONE);
        } else {
          Expr(part);
        }
      }
      if (n.c != kNoNode) Expr(n.c);
      return em().OpArg(kOp_BUILD_SLICE, n.c != kNoNode ? 3 : 2);
    }
    case NodeKind::Starred:
      return Error(n.begin, "*x must be assignment target");
    default:
      return Error(n.begin, "unsupported expression for the bytecode backend");
  }
}

void Compiler::YieldFrom() {
  em().Op(kOp_GET_ITER);
  em().Op(kOp_LOAD_CONST_NONE);
  em().Op(kOp_YIELD_FROM);
}

void Compiler::BoolOpExpr(NodeId id) {
  const Node& n = ast_[id];
  bool is_and = static_cast<BoolOp>(n.op) == BoolOp::And;
  auto values = ast_.List(n.list);
  Label end = em().NewLabel();
  for (size_t i = 0; i < values.size(); ++i) {
    Expr(values[i]);
    if (i + 1 < values.size()) em().Jump(is_and ? kOp_JUMP_IF_FALSE_OR_POP : kOp_JUMP_IF_TRUE_OR_POP, end, -1);
  }
  em().Place(end);
}

void Compiler::CondJump(NodeId id, bool jump_if, Label label) {
  const Node& n = ast_[id];
  if (n.kind == NodeKind::UnaryOp && static_cast<UnaryOp>(n.op) == UnaryOp::Not) {
    return CondJump(n.a, !jump_if, label);
  }
  if (n.kind == NodeKind::BoolOp) {
    bool is_or = static_cast<BoolOp>(n.op) == BoolOp::Or;
    auto values = ast_.List(n.list);
    if (is_or == jump_if) {
      for (NodeId v : values) CondJump(v, jump_if, label);
    } else {
      Label skip = em().NewLabel();
      for (size_t i = 0; i + 1 < values.size(); ++i) CondJump(values[i], !jump_if, skip);
      CondJump(values.back(), jump_if, label);
      em().Place(skip);
    }
    return;
  }
  Expr(id);
  em().Jump(jump_if ? kOp_POP_JUMP_IF_TRUE : kOp_POP_JUMP_IF_FALSE, label, -1);
}

void Compiler::CompareExpr(NodeId id) {
  const Node& n = ast_[id];
  auto rights = ast_.List(n.list);
  Expr(n.a);
  Label fail = em().NewLabel(), end = em().NewLabel();
  for (size_t i = 0; i < rights.size(); ++i) {
    Expr(rights[i]);
    bool last = i + 1 == rights.size();
    if (!last) {
      em().Op(kOp_DUP_TOP);
      em().Op(kOp_ROT_THREE);
    }
    bool invert = false;
    uint8_t op = CompareOpcode(ast_.compare_ops[n.extra + i], &invert);
    em().Op((uint8_t)(kOp_BINARY_OP_MULTI + op));
    if (invert) em().Op((uint8_t)(kOp_UNARY_OP_MULTI + kOpUnaryNot));
    if (!last) em().Jump(kOp_JUMP_IF_FALSE_OR_POP, fail, -1);
  }
  if (rights.size() > 1) {
    em().Jump(kOp_JUMP, end, 0);
    em().Place(fail);
    em().Adjust(1);
    em().Op(kOp_ROT_TWO);
    em().Op(kOp_POP_TOP);
    em().Place(end);
  }
}

// ---------------------------------------------------------------- calls

bool Compiler::IsSuperCall(NodeId id) const {
  const Node& n = ast_[id];
  if (n.kind != NodeKind::Call || n.list.size || n.list2.size) return false;
  const Node& f = ast_[n.a];
  return f.kind == NodeKind::Name && ast_.Name(f.value) == "super" &&
         scopes_.scopes[cur_->scope].kind == ScopeKind::Function;
}

// Pushes super, __class__ and the first parameter, as MicroPython does for
// a zero-argument super() inside a def.
bool Compiler::SuperPrefix(NodeId call) {
  const Node& n = ast_[call];
  NameOp(ast_[n.a].value, ExprContext::Load);
  NameOpRef(ResolveText("__class__"), Qstr("__class__"), ExprContext::Load);
  const Node& def = ast_[scopes_.scopes[cur_->scope].node];
  if (def.a == kNoNode || ast_[def.a].list.size == 0) {
    Error(n.begin, "super() can't find self");
    return false;
  }
  NameOp(ast_[ast_.List(ast_[def.a].list)[0]].value, ExprContext::Load);
  return true;
}

void Compiler::CallExpr(NodeId id) {
  const Node& n = ast_[id];
  const Node& f = ast_[n.a];
  if (IsSuperCall(id)) {
    if (SuperPrefix(id)) em().OpArg(kOp_CALL_FUNCTION, 2);
    return;
  }
  if (f.kind == NodeKind::Attribute) {
    if (IsSuperCall(f.a)) {
      if (!SuperPrefix(f.a)) return;
      em().OpArg(kOp_LOAD_SUPER_METHOD, NameQstr(f.value));
    } else {
      Expr(f.a);
      em().OpArg(kOp_LOAD_METHOD, NameQstr(f.value));
    }
    return CallArgs(id, n.list, n.list2, 0, true);
  }
  Expr(n.a);
  CallArgs(id, n.list, n.list2, 0, false);
}

void Compiler::CallArgs(NodeId id, NodeList args, NodeList keywords, unsigned n_extra, bool is_method) {
  size_t n_pos = n_extra, n_kw = 0;
  size_t star_bits = 0;
  bool star = false;
  for (NodeId a : ast_.List(args)) {
    const Node& arg = ast_[a];
    if (arg.kind == NodeKind::Starred) {
      if (n_pos >= 30) return Error(arg.begin, "too many args");
      star_bits |= size_t{1} << n_pos;
      star = true;
      Expr(arg.a);
    } else {
      Expr(a);
    }
    ++n_pos;
  }
  for (NodeId k : ast_.List(keywords)) {
    const Node& kw = ast_[k];
    if (kw.value == kNoName) {
      em().Op(kOp_LOAD_NULL);
      star = true;
    } else {
      em().OpArg(kOp_LOAD_CONST_STRING, NameQstr(kw.value));
    }
    Expr(kw.a);
    ++n_kw;
  }
  if (n_pos > 255 || n_kw > 255) return Error(ast_[id].begin, "too many arguments for the bytecode backend");
  if (star) em().SmallInt((intptr_t)star_bits);
  uint8_t op = is_method ? (star ? kOp_CALL_METHOD_VAR_KW : kOp_CALL_METHOD)
                         : (star ? kOp_CALL_FUNCTION_VAR_KW : kOp_CALL_FUNCTION);
  em().OpArg(op, n_kw << 8 | n_pos);
}

// ---------------------------------------------------------------- collections

void Compiler::Collection(NodeId id) {
  const Node& n = ast_[id];
  auto elts = ast_.List(n.list);
  bool has_star = false;
  for (NodeId e : elts) has_star |= ast_[e].kind == NodeKind::Starred;
  uint8_t build = n.kind == NodeKind::Set ? kOp_BUILD_SET : n.kind == NodeKind::List ? kOp_BUILD_LIST : kOp_BUILD_TUPLE;
  if (!has_star) {
    for (NodeId e : elts) Expr(e);
    return em().OpArg(build, elts.size());
  }
  // MicroPython has no opcode for [*a, *b]: grow a list (or set) by method calls.
  bool is_set = n.kind == NodeKind::Set;
  if (n.kind == NodeKind::Tuple) em().OpArg(kOp_LOAD_GLOBAL, Qstr("tuple"));
  em().OpArg(is_set ? kOp_BUILD_SET : kOp_BUILD_LIST, 0);
  for (NodeId e : elts) {
    const Node& elt = ast_[e];
    bool starred = elt.kind == NodeKind::Starred;
    em().Op(kOp_DUP_TOP);
    em().OpArg(kOp_LOAD_METHOD, Qstr(starred ? (is_set ? "update" : "extend") : (is_set ? "add" : "append")));
    Expr(starred ? elt.a : e);
    em().OpArg(kOp_CALL_METHOD, 1);
    em().Op(kOp_POP_TOP);
  }
  if (n.kind == NodeKind::Tuple) em().OpArg(kOp_CALL_FUNCTION, 1);
}

void Compiler::DictExpr(NodeId id) {
  const Node& n = ast_[id];
  auto keys = ast_.List(n.list);
  auto values = ast_.List(n.list2);
  em().OpArg(kOp_BUILD_MAP, keys.size());
  for (size_t i = 0; i < keys.size() && i < values.size(); ++i) {
    if (keys[i] == kNoNode) {
      em().Op(kOp_DUP_TOP);
      em().OpArg(kOp_LOAD_METHOD, Qstr("update"));
      Expr(values[i]);
      em().OpArg(kOp_CALL_METHOD, 1);
      em().Op(kOp_POP_TOP);
    } else {
      Expr(values[i]);
      Expr(keys[i]);
      em().Op(kOp_STORE_MAP);
    }
  }
}

// ---------------------------------------------------------------- comprehensions

void Compiler::Comprehension(NodeId id) {
  const Node& n = ast_[id];
  auto gens = ast_.List(n.list);
  uint32_t scope = ScopeOf(id);
  if (scope == kNoScope || gens.empty()) return Error(n.begin, "comprehension without a scope");
  for (NodeId g : gens) {
    if (ast_[g].flags & kFlagAsync) return Error(ast_[g].begin, "async comprehensions are not supported by the bytecode backend");
  }
  MakeFunction(id, kNoNode, scope);
  Expr(ast_[gens[0]].b);
  if (n.kind == NodeKind::GeneratorExp) em().Op(kOp_GET_ITER);
  em().OpArg(kOp_CALL_FUNCTION, 1);
}

void Compiler::ComprehensionBody(NodeId id) {
  const Node& n = ast_[id];
  if (n.kind == NodeKind::ListComp) em().OpArg(kOp_BUILD_LIST, 0);
  if (n.kind == NodeKind::SetComp) em().OpArg(kOp_BUILD_SET, 0);
  if (n.kind == NodeKind::DictComp) em().OpArg(kOp_BUILD_MAP, 0);
  uint32_t iter = *cur_->layout->comp_iter;
  if (n.kind == NodeKind::GeneratorExp) {
    // The four iterator slots, the first NULL: the second holds the iterator.
    em().Op(kOp_LOAD_NULL);
    LoadFastRaw(iter);
    em().Op(kOp_LOAD_NULL);
    em().Op(kOp_LOAD_NULL);
  } else {
    LoadFastRaw(iter);
    em().OpAdjust(kOp_GET_ITER_STACK, 0, 3);
  }
  CompFor(id, n.list, 0);
  if (n.kind == NodeKind::GeneratorExp) em().Op(kOp_LOAD_CONST_NONE);
  em().Op(kOp_RETURN_VALUE);
}

void Compiler::CompFor(NodeId id, NodeList generators, size_t index) {
  const Node& n = ast_[id];
  auto gens = ast_.List(generators);
  const Node& gen = ast_[gens[index]];
  Label top = em().NewLabel(), end = em().NewLabel();
  em().Place(top);
  em().Jump(kOp_FOR_ITER, end, 1);
  Store(gen.a);
  for (NodeId cond : ast_.List(gen.list)) CondJump(cond, false, top);
  if (index + 1 < gens.size()) {
    Expr(ast_[gens[index + 1]].b);
    em().OpAdjust(kOp_GET_ITER_STACK, 0, 3);
    CompFor(id, generators, index + 1);
  } else {
    size_t depth = 4 * index + 5;
    switch (n.kind) {
      case NodeKind::GeneratorExp:
        Expr(n.a);
        em().Op(kOp_YIELD_VALUE);
        em().Op(kOp_POP_TOP);
        break;
      case NodeKind::DictComp:
        Expr(n.b);
        Expr(n.a);
        em().OpAdjust(kOp_STORE_COMP, (intptr_t)((depth + 1) << 2 | 1), -2);
        break;
      default:
        Expr(n.a);
        em().OpAdjust(kOp_STORE_COMP, (intptr_t)(depth << 2 | (n.kind == NodeKind::SetComp ? 2 : 0)), -1);
        break;
    }
  }
  em().Jump(kOp_JUMP, top, 0);
  em().Place(end);
  em().Adjust(-4);
}

// ---------------------------------------------------------------- f-strings

void Compiler::JoinedStr(NodeId id) {
  std::string format;
  std::vector<NodeId> args;
  FStringAsFormat(ast_, id, &format, &args);
  if (args.empty()) return LoadStr(format);  // no fields: the text itself
  LoadStr(format);
  em().OpArg(kOp_LOAD_METHOD, Qstr("format"));
  for (NodeId a : args) Expr(a);
  em().OpArg(kOp_CALL_METHOD, args.size());
}

// ---------------------------------------------------------------- targets

void Compiler::Store(NodeId target) {
  const Node& t = ast_[target];
  switch (t.kind) {
    case NodeKind::Name: return NameOp(t.value, ExprContext::Store);
    case NodeKind::Attribute:
      Expr(t.a);
      return em().OpArg(kOp_STORE_ATTR, NameQstr(t.value));
    case NodeKind::Subscript:
      Expr(t.a);
      Expr(t.b);
      return em().Op(kOp_STORE_SUBSCR);
    case NodeKind::Tuple:
    case NodeKind::List: return Unpack(target);
    default: return Error(t.begin, "cannot assign to this expression");
  }
}

void Compiler::Unpack(NodeId target) {
  auto elts = ast_.List(ast_[target].list);
  size_t star = elts.size();
  for (size_t i = 0; i < elts.size(); ++i) {
    if (ast_[elts[i]].kind == NodeKind::Starred) {
      if (star != elts.size()) return Error(ast_[elts[i]].begin, "multiple *x in assignment");
      star = i;
    }
  }
  if (star == elts.size()) {
    em().OpArg(kOp_UNPACK_SEQUENCE, elts.size());
  } else {
    size_t right = elts.size() - star - 1;
    if (star > 255 || right > 255) return Error(ast_[target].begin, "too many values to unpack for the bytecode backend");
    em().OpArg(kOp_UNPACK_EX, star | right << 8);
  }
  for (size_t i = 0; i < elts.size(); ++i) {
    Store(i == star ? ast_[elts[i]].a : elts[i]);
  }
}

void Compiler::Delete(NodeId target) {
  const Node& t = ast_[target];
  switch (t.kind) {
    case NodeKind::Name: return NameOp(t.value, ExprContext::Del);
    case NodeKind::Attribute:
      Expr(t.a);
      em().Op(kOp_LOAD_NULL);
      em().Op(kOp_ROT_TWO);
      return em().OpArg(kOp_STORE_ATTR, NameQstr(t.value));
    case NodeKind::Subscript:
      Expr(t.a);
      Expr(t.b);
      em().Op(kOp_LOAD_NULL);
      em().Op(kOp_ROT_THREE);
      return em().Op(kOp_STORE_SUBSCR);
    case NodeKind::Tuple:
    case NodeKind::List:
      for (NodeId e : ast_.List(t.list)) Delete(e);
      return;
    default: return Error(t.begin, "cannot delete this expression");
  }
}

// ---------------------------------------------------------------- functions

void Compiler::MakeFunction(NodeId def, NodeId args, uint32_t scope) {
  if (scope == kNoScope) return Error(ast_[def].begin, "function without a scope");
  size_t n_def = 0, n_kw = 0;
  if (args != kNoNode) {
    for (NodeId p : ast_.List(ast_[args].list)) {
      const Node& param = ast_[p];
      if (param.b == kNoNode) continue;
      if (static_cast<ParamKind>(param.op) == ParamKind::KeywordOnly) {
        if (n_kw++ == 0) {
          if (n_def > 0) {
            em().OpArg(kOp_BUILD_TUPLE, n_def);
          } else {
            em().Op(kOp_LOAD_NULL);
          }
          em().OpArg(kOp_BUILD_MAP, 0);
        }
        Expr(param.b);
        em().OpArg(kOp_LOAD_CONST_STRING, NameQstr(param.value));
        em().Op(kOp_STORE_MAP);
      } else {
        ++n_def;
        Expr(param.b);
      }
    }
  }
  if (n_def > 0 && n_kw == 0) {
    em().OpArg(kOp_BUILD_TUPLE, n_def);
    em().Op(kOp_LOAD_NULL);
  }
  if (failed()) return;
  RawCode child = CompileScope(scope);
  size_t index = cur_->children.size();
  cur_->children.push_back(std::move(child));

  // Close over the cells the child uses, in this scope's order (the child
  // numbers its free variables the same way).
  const Scope& child_scope = scopes_.scopes[scope];
  unsigned n_free = 0;
  for (const auto& [text, local] : cur_->layout->closure_order) {
    for (const Symbol& sym : child_scope.symbols) {
      if (IsFree(scope, sym) && ast_.Name(sym.name) == text) {
        LoadFastRaw(local);
        ++n_free;
      }
    }
  }
  bool defaults = n_def > 0 || n_kw > 0;
  if (n_free == 0) {
    if (defaults) {
      em().OpAdjust(kOp_MAKE_FUNCTION_DEFARGS, (intptr_t)index, -1);
    } else {
      em().OpAdjust(kOp_MAKE_FUNCTION, (intptr_t)index, 1);
    }
  } else {
    if (n_free > 255) return Error(ast_[def].begin, "too many closed-over variables");
    if (defaults) {
      em().MakeClosure(kOp_MAKE_CLOSURE_DEFARGS, index, (uint8_t)n_free, -1 - (int)n_free);
    } else {
      em().MakeClosure(kOp_MAKE_CLOSURE, index, (uint8_t)n_free, 1 - (int)n_free);
    }
  }
}

}  // namespace taipan::bytecode
