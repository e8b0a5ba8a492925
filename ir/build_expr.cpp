// The IR builder: expressions, assignment targets, calls, functions and
// comprehensions. Sub-expressions with control flow (and/or, conditional
// expressions, chained comparisons) end the current block; values computed
// before them reach their use through temporaries (FunctionBuilder::Here).
#include <set>

#include "ir/builder.h"

namespace taipan::ir::build {

InstId FunctionBuilder::Expr(NodeId id) {
  if (failed_) return ConstNone();
  const Node& n = ast_[id];
  uint32_t saved_offset = offset_;
  offset_ = n.begin;
  InstId result = kNoId;
  switch (n.kind) {
    case NodeKind::BoolOp: result = BoolOpExpr(id); break;
    case NodeKind::NamedExpr:
      result = Expr(n.b);
      Store(n.a, result);
      break;
    case NodeKind::BinOp: {
      if (auto v = m_.FoldInt(id, n.begin)) {
        result = ConstInt(*v);
        break;
      }
      InstId lhs = Expr(n.a);
      InstId rhs = Expr(n.b);
      uint8_t op = (uint8_t)((unsigned)RtBinary::Or + bytecode::BinaryOpIndex(static_cast<BinaryOp>(n.op)));
      result = Emit(Op::Binary, {lhs, rhs}, 0, op);
      break;
    }
    case NodeKind::UnaryOp: {
      if (auto c = m_.FoldConst(id, n.begin)) {
        result = Constant(*c);
        break;
      }
      InstId value = Expr(n.a);
      switch (static_cast<UnaryOp>(n.op)) {
        case UnaryOp::Not: result = Emit(Op::Not, {ToBool(value)}); break;
        case UnaryOp::UAdd: result = Emit(Op::Unary, {value}, 0, (uint8_t)RtUnary::Positive); break;
        case UnaryOp::USub: result = Emit(Op::Unary, {value}, 0, (uint8_t)RtUnary::Negative); break;
        case UnaryOp::Invert: result = Emit(Op::Unary, {value}, 0, (uint8_t)RtUnary::Invert); break;
      }
      break;
    }
    case NodeKind::Lambda: {
      auto it = m_.scopes.scope_of_node.find(id);
      if (it == m_.scopes.scope_of_node.end()) {
        Unsupported(n.begin, "internal error: a lambda without a scope");
        break;
      }
      result = MakeFunction(id, n.a, it->second);
      break;
    }
    case NodeKind::IfExp: result = IfExpExpr(id); break;
    case NodeKind::Dict: result = DictExpr(id); break;
    case NodeKind::Tuple:
      if (n.list.size > 0) {
        if (auto c = m_.FoldConst(id, n.begin)) {
          result = Constant(*c);
          break;
        }
      }
      result = Collection(id);
      break;
    case NodeKind::Set:
    case NodeKind::List: result = Collection(id); break;
    case NodeKind::ListComp:
    case NodeKind::SetComp:
    case NodeKind::DictComp:
    case NodeKind::GeneratorExp: result = Comprehension(id); break;
    case NodeKind::Yield: result = YieldValue(n.a == kNoNode ? ConstNone() : Expr(n.a)); break;
    case NodeKind::Await:
    case NodeKind::YieldFrom: result = Await(Expr(n.a)); break;
    case NodeKind::Compare: result = CompareExpr(id); break;
    case NodeKind::Call: result = CallExpr(id); break;
    case NodeKind::JoinedStr: result = JoinedStr(id); break;
    case NodeKind::Constant: result = ConstantExpr(id); break;
    case NodeKind::Attribute: result = Emit(Op::LoadAttr, {Expr(n.a)}, NameQstr(n.value)); break;
    case NodeKind::Subscript: {
      InstId obj = Expr(n.a);
      result = Emit(Op::Subscr, {obj, Expr(n.b)});
      break;
    }
    case NodeKind::Name: result = LoadName(n.value); break;
    case NodeKind::Slice: result = SliceExpr(id); break;
    case NodeKind::Starred: Unsupported(n.begin, "*x must be an assignment target"); break;
    default: Unsupported(n.begin, "this expression is not compiled natively yet"); break;
  }
  if (result == kNoId) result = ConstNone();
  offset_ = saved_offset;
  return result;
}

InstId FunctionBuilder::ConstantExpr(NodeId id) {
  const Node& n = ast_[id];
  auto kind = static_cast<ConstantKind>(n.op);
  using C = bytecode::Constant;
  switch (kind) {
    case ConstantKind::None: return ConstNone();
    case ConstantKind::True: return ConstBool(true);
    case ConstantKind::False: return ConstBool(false);
    case ConstantKind::Ellipsis: return Constant(C{MpyObj::Ellipsis, "", {}});
    default: break;
  }
  const Literal& lit = ast_.literals[n.value];
  switch (kind) {
    case ConstantKind::Int: {
      std::string decimal = bytecode::IntLiteralToDecimal(lit.text);
      std::optional<int64_t> v = bytecode::ParseDecimal(decimal);
      if (v) return ConstInt(*v);
      return Constant(C{MpyObj::Int, decimal, {}});
    }
    case ConstantKind::Float: return Constant(C{MpyObj::Float, lit.text, {}});
    case ConstantKind::Imaginary: return Constant(C{MpyObj::Complex, lit.text + "j", {}});
    case ConstantKind::Str: return ConstStr(lit.text);
    case ConstantKind::Bytes: return Constant(C{MpyObj::Bytes, lit.text, {}});
    default: return ConstNone();
  }
}

InstId FunctionBuilder::SliceExpr(NodeId id) {
  const Node& n = ast_[id];
  std::vector<InstId> parts;
  for (NodeId part : {n.a, n.b, n.c}) parts.push_back(part == kNoNode ? ConstNone() : Expr(part));
  return Emit(Op::BuildSlice, parts);
}

// ---------------------------------------------------------------- control flow in expressions

// `a and b`: the value of the operand that decided, through a temporary.
InstId FunctionBuilder::BoolOpExpr(NodeId id) {
  const Node& n = ast_[id];
  bool is_and = static_cast<BoolOp>(n.op) == BoolOp::And;
  auto values = ast_.List(n.list);
  LocalId result = NewTemp("bool");
  BlockId end = NewBlock();
  for (size_t i = 0; i < values.size(); ++i) {
    InstId value = Expr(values[i]);
    StoreTemp(result, value);
    if (i + 1 == values.size()) break;
    BlockId next = NewBlock();
    InstId truth = ToBool(value);
    if (is_and) {
      Branch(truth, next, end);
    } else {
      Branch(truth, end, next);
    }
    SetBlock(next);
  }
  SetBlock(end);
  return LoadTemp(result);
}

InstId FunctionBuilder::IfExpExpr(NodeId id) {
  const Node& n = ast_[id];
  LocalId result = NewTemp("cond");
  BlockId then = NewBlock(), orelse = NewBlock(), end = NewBlock();
  Cond(n.a, then, orelse);
  SetBlock(then);
  StoreTemp(result, Expr(n.b));
  Jump(end);
  SetBlock(orelse);
  StoreTemp(result, Expr(n.c));
  SetBlock(end);
  return LoadTemp(result);
}

// Branches on a test, short-circuiting not/and/or without materialising
// their values.
void FunctionBuilder::Cond(NodeId id, BlockId if_true, BlockId if_false) {
  const Node& n = ast_[id];
  if (n.kind == NodeKind::UnaryOp && static_cast<UnaryOp>(n.op) == UnaryOp::Not) {
    return Cond(n.a, if_false, if_true);
  }
  if (n.kind == NodeKind::BoolOp) {
    bool is_or = static_cast<BoolOp>(n.op) == BoolOp::Or;
    auto values = ast_.List(n.list);
    for (size_t i = 0; i + 1 < values.size(); ++i) {
      BlockId next = NewBlock();
      if (is_or) {
        Cond(values[i], if_true, next);
      } else {
        Cond(values[i], next, if_false);
      }
      SetBlock(next);
    }
    return Cond(values.back(), if_true, if_false);
  }
  if (auto constant = m_.ConstTruth(id, n.begin)) return Jump(*constant ? if_true : if_false);
  InstId value = Expr(id);
  Branch(ToBool(value), if_true, if_false);
}

InstId FunctionBuilder::CompareOne(CompareOp op, InstId lhs, InstId rhs) {
  auto binary = [&](RtBinary which) { return Emit(Op::Binary, {lhs, rhs}, 0, (uint8_t)which); };
  switch (op) {
    case CompareOp::Lt: return binary(RtBinary::Less);
    case CompareOp::Gt: return binary(RtBinary::More);
    case CompareOp::Eq: return binary(RtBinary::Equal);
    case CompareOp::LtE: return binary(RtBinary::LessEqual);
    case CompareOp::GtE: return binary(RtBinary::MoreEqual);
    case CompareOp::NotEq: return binary(RtBinary::NotEqual);
    case CompareOp::In: return binary(RtBinary::In);
    case CompareOp::NotIn: return Emit(Op::Not, {ToBool(binary(RtBinary::In))});
    case CompareOp::Is: return Emit(Op::Is, {lhs, rhs});
    case CompareOp::IsNot: return Emit(Op::Not, {Emit(Op::Is, {lhs, rhs})});
  }
  return binary(RtBinary::Equal);
}

// a < b < c: each operand evaluated once; the first false result (or the
// last) is the value.
InstId FunctionBuilder::CompareExpr(NodeId id) {
  const Node& n = ast_[id];
  auto rights = ast_.List(n.list);
  InstId lhs = Expr(n.a);
  if (rights.size() == 1) {
    InstId rhs = Expr(rights[0]);
    return CompareOne(ast_.compare_ops[n.extra], lhs, rhs);
  }
  LocalId result = NewTemp("cmp");
  BlockId end = NewBlock();
  for (size_t i = 0; i < rights.size(); ++i) {
    InstId rhs = Expr(rights[i]);
    InstId value = CompareOne(ast_.compare_ops[n.extra + i], lhs, rhs);
    StoreTemp(result, value);
    if (i + 1 == rights.size()) break;
    BlockId next = NewBlock();
    Branch(ToBool(value), next, end);
    SetBlock(next);
    lhs = rhs;
  }
  SetBlock(end);
  return LoadTemp(result);
}

// ---------------------------------------------------------------- calls

bool FunctionBuilder::IsSuperCall(NodeId id) const {
  const Node& n = ast_[id];
  if (n.kind != NodeKind::Call || n.list.size || n.list2.size) return false;
  const Node& f = ast_[n.a];
  return f.kind == NodeKind::Name && ast_.Name(f.value) == "super" && scope_.kind == ScopeKind::Function;
}

// super() in a def: super(__class__, <first parameter>), as MicroPython.
InstId FunctionBuilder::SuperCall(NodeId call) {
  const Node& n = ast_[call];
  InstId super = LoadName(ast_[n.a].value);
  InstId cls = LoadRef(ResolveText("__class__"));
  const Node& def = ast_[scope_.node];
  if (def.a == kNoNode || ast_[def.a].list.size == 0) {
    Unsupported(n.begin, "super() can't find self");
    return ConstNone();
  }
  InstId self = LoadName(ast_[ast_.List(ast_[def.a].list)[0]].value);
  return Emit(Op::Call, {super, cls, self});
}

InstId FunctionBuilder::CallExpr(NodeId id) {
  const Node& n = ast_[id];
  const Node& f = ast_[n.a];
  if (IsSuperCall(id)) return SuperCall(id);
  if (f.kind == NodeKind::Name && n.list.size == 0 && n.list2.size == 0 &&
      (ast_.Name(f.value) == "locals" || ast_.Name(f.value) == "vars") &&
      Resolve(f.value).kind == NameKind::Global) {
    Unsupported(n.begin, "uses " + std::string(ast_.Name(f.value)) + "() without arguments");
    return ConstNone();
  }
  if (f.kind == NodeKind::Attribute) {
    uint32_t saved = offset_;
    offset_ = f.begin;
    InstId obj = IsSuperCall(f.a) ? SuperCall(f.a) : Expr(f.a);
    offset_ = saved;
    return CallWith(kNoId, obj, NameQstr(f.value), n.list, n.list2, {});
  }
  if (n.list.size == 1) {
    auto consumed = m_.consumed_generators.find(ast_.List(n.list)[0]);
    if (consumed != m_.consumed_generators.end() && InlinesComprehension(m_.scopes.scope_of_node.at(consumed->first)))
      return InlineReduction(consumed->first, consumed->second);
  }
  InstId fn = Expr(n.a);
  return CallWith(fn, kNoId, 0, n.list, n.list2, {});
}

// Calls `fn` (or method `method` of `method_obj`) with `leading` values
// and the arguments: Call/CallMethod, or CallEx with a list and a dict
// when there are *args or **kwargs.
InstId FunctionBuilder::CallWith(InstId fn, InstId method_obj, uint32_t method, NodeList args, NodeList keywords,
                                 std::vector<InstId> leading) {
  bool star = false;
  for (NodeId a : ast_.List(args)) star |= ast_[a].kind == NodeKind::Starred;
  for (NodeId k : ast_.List(keywords)) star |= ast_[k].value == kNoName;
  if (!star) {
    std::vector<InstId> ops;
    if (method_obj != kNoId) {
      ops.push_back(method_obj);
    } else {
      ops.push_back(fn);
    }
    ops.insert(ops.end(), leading.begin(), leading.end());
    for (NodeId a : ast_.List(args)) ops.push_back(Expr(a));
    std::vector<uint32_t> names;
    for (NodeId k : ast_.List(keywords)) {
      names.push_back(NameQstr(ast_[k].value));
      ops.push_back(Expr(ast_[k].a));
    }
    InstId call = method_obj != kNoId ? Emit(Op::CallMethod, ops, method) : Emit(Op::Call, ops);
    f_.insts[call].names = std::move(names);
    return call;
  }
  if (method_obj != kNoId) fn = Emit(Op::LoadAttr, {method_obj}, method);
  std::vector<InstId> prefix = leading;
  auto arg_list = ast_.List(args);
  size_t i = 0;
  for (; i < arg_list.size() && ast_[arg_list[i]].kind != NodeKind::Starred; ++i) prefix.push_back(Expr(arg_list[i]));
  InstId list = Emit(Op::BuildList, prefix);
  for (; i < arg_list.size(); ++i) {
    const Node& arg = ast_[arg_list[i]];
    if (arg.kind == NodeKind::Starred) {
      Emit(Op::ListExtend, {list, Expr(arg.a)});
    } else {
      Emit(Op::ListAppend, {list, Expr(arg_list[i])});
    }
  }
  InstId kwargs;
  if (keywords.size == 0) {
    kwargs = ConstNone();
  } else {
    // Keywords from a ** mapping must not repeat one given before it.
    kwargs = Emit(Op::BuildDict);
    bool after_mapping = false;
    for (NodeId k : ast_.List(keywords)) {
      const Node& kw = ast_[k];
      if (kw.value == kNoName) {
        InstId mapping = Expr(kw.a);
        if (ast_.List(keywords)[0] == k) {  // the dict is still empty
          Emit(Op::DictUpdate, {kwargs, mapping});
        } else {
          MergeKeywords(kwargs, mapping);
        }
        after_mapping = true;
      } else {
        InstId value = Expr(kw.a);
        if (after_mapping) {
          RejectRepeatedKeyword(kwargs, ConstQstr(ast_.Name(kw.value)));
        }
        Emit(Op::DictStore, {kwargs, ConstQstr(ast_.Name(kw.value)), value});
      }
    }
  }
  return Emit(Op::CallEx, {fn, list, kwargs});
}

// Raises TypeError when `key` is already in the keyword dict.
void FunctionBuilder::RejectRepeatedKeyword(InstId kwargs, InstId key) {
  BlockId repeated = NewBlock(), fresh = NewBlock();
  InstId present = Emit(Op::Binary, {key, kwargs}, 0, (uint8_t)RtBinary::In);
  Branch(ToBool(present), repeated, fresh);
  SetBlock(repeated);
  InstId message = ConstStr("function got multiple values for argument '{}'");
  InstId text = Emit(Op::CallMethod, {message, key}, m_.Qstr("format"));
  Emit(Op::Raise, {Emit(Op::Call, {Emit(Op::LoadGlobal, {}, m_.Qstr("TypeError")), text})});
  SetBlock(fresh);
}

// kwargs.update(mapping), but a key kwargs already has is a TypeError, as
// for f(**a, **b) with a key in both.
void FunctionBuilder::MergeKeywords(InstId kwargs, InstId mapping) {
  LocalId iter = NewTemp("iter");
  LocalId key = NewTemp("key");
  StoreTemp(iter, Emit(Op::GetIter, {mapping}));
  BlockId top = NewBlock(), body = NewBlock(), end = NewBlock();
  SetBlock(top);
  InstId next = Emit(Op::ForIter, {LoadTemp(iter)}, key);
  f_.insts[next].target[0] = body;
  f_.insts[next].target[1] = end;
  SetBlock(body);
  RejectRepeatedKeyword(kwargs, LoadTemp(key));
  InstId k = LoadTemp(key);
  Emit(Op::DictStore, {kwargs, k, Emit(Op::Subscr, {mapping, k})});
  Jump(top);
  SetBlock(end);
}

// ---------------------------------------------------------------- collections

InstId FunctionBuilder::Collection(NodeId id) {
  const Node& n = ast_[id];
  auto elts = ast_.List(n.list);
  bool has_star = false;
  for (NodeId e : elts) has_star |= ast_[e].kind == NodeKind::Starred;
  Op build = n.kind == NodeKind::Set ? Op::BuildSet : n.kind == NodeKind::List ? Op::BuildList : Op::BuildTuple;
  std::vector<InstId> items;
  size_t i = 0;
  for (; i < elts.size() && ast_[elts[i]].kind != NodeKind::Starred; ++i) items.push_back(Expr(elts[i]));
  if (!has_star) return Emit(build, items);
  bool is_set = n.kind == NodeKind::Set;
  InstId acc = Emit(is_set ? Op::BuildSet : Op::BuildList, items);
  for (; i < elts.size(); ++i) {
    const Node& elt = ast_[elts[i]];
    bool starred = elt.kind == NodeKind::Starred;
    InstId value = Expr(starred ? elt.a : elts[i]);
    if (is_set) {
      if (starred) {
        Emit(Op::CallMethod, {acc, value}, m_.Qstr("update"));
      } else {
        Emit(Op::SetAdd, {acc, value});
      }
    } else {
      Emit(starred ? Op::ListExtend : Op::ListAppend, {acc, value});
    }
  }
  if (n.kind == NodeKind::Tuple) return Emit(Op::ListToTuple, {acc});
  return acc;
}

// Values are evaluated before their keys, as in the bytecode.
InstId FunctionBuilder::DictExpr(NodeId id) {
  const Node& n = ast_[id];
  auto keys = ast_.List(n.list);
  auto values = ast_.List(n.list2);
  size_t count = std::min(keys.size(), values.size());
  bool has_unpack = false;
  for (size_t i = 0; i < count; ++i) has_unpack |= keys[i] == kNoNode;
  if (!has_unpack) {
    std::vector<InstId> ops;
    for (size_t i = 0; i < count; ++i) {
      InstId value = Expr(values[i]);
      InstId key = Expr(keys[i]);
      ops.push_back(key);
      ops.push_back(value);
    }
    return Emit(Op::BuildDict, ops);
  }
  InstId dict = Emit(Op::BuildDict);
  for (size_t i = 0; i < count; ++i) {
    if (keys[i] == kNoNode) {
      Emit(Op::DictUpdate, {dict, Expr(values[i])});
    } else {
      InstId value = Expr(values[i]);
      InstId key = Expr(keys[i]);
      Emit(Op::DictStore, {dict, key, value});
    }
  }
  return dict;
}

// ---------------------------------------------------------------- comprehensions

// The comprehension's function called with its first iterable (an
// iterator already for generator expressions), as the bytecode does.
InstId FunctionBuilder::Comprehension(NodeId id) {
  const Node& n = ast_[id];
  auto gens = ast_.List(n.list);
  auto it = m_.scopes.scope_of_node.find(id);
  if (it == m_.scopes.scope_of_node.end() || gens.empty()) {
    Unsupported(n.begin, "internal error: a comprehension without a scope");
    return ConstNone();
  }
  for (NodeId g : gens) {
    if (ast_[g].flags & kFlagAsync) {
      Unsupported(ast_[g].begin, "async comprehensions are not compiled natively yet");
      return ConstNone();
    }
  }
  if (InlinesComprehension(it->second)) {
    if (n.kind == NodeKind::GeneratorExp) {
      Unsupported(n.begin, "internal error: a consumed generator expression outside its call");
      return ConstNone();
    }
    return InlineCollection(id, it->second, n.kind);
  }
  InstId fn = MakeFunction(id, kNoNode, it->second);
  InstId iterable = Expr(ast_[gens[0]].b);
  if (n.kind == NodeKind::GeneratorExp) iterable = Emit(Op::GetIter, {iterable});
  return Emit(Op::Call, {fn, iterable});
}

// Whether this function builds the comprehension `scope` inline (as
// CPython 3.12 does) rather than calling its function: a list, set or dict
// comprehension, or a generator expression that a reducer builtin consumes
// at once (ModuleContext::consumed_generators; any other runs lazily),
// without await, in a function, whose nested scopes are all such
// comprehensions. Its iteration variables become temps of this function,
// and the locals it reads stay plain locals instead of becoming cells. The
// raw code stays (the bytecode version of this function calls it).
bool FunctionBuilder::InlinesComprehension(uint32_t scope) const {
  if (scope_.kind != ScopeKind::Function && scope_.kind != ScopeKind::Lambda &&
      scope_.kind != ScopeKind::Comprehension)
    return false;
  const Scope& comprehension = m_.scopes.scopes[scope];
  if (comprehension.kind != ScopeKind::Comprehension || (comprehension.flags & kScopeCoroutine)) return false;
  if (ast_[comprehension.node].kind == NodeKind::GeneratorExp) {
    if (!m_.consumed_generators.count(comprehension.node)) return false;
  } else if (comprehension.flags & kScopeGenerator) {
    return false;
  }
  // Zero-argument super() finds no arguments in a comprehension's own frame
  // (RuntimeError/TypeError): built inline it would see the method's.
  for (const Symbol& symbol : comprehension.symbols) {
    std::string_view name = ast_.Name(symbol.name);
    if (name == "super" || name == "__class__") return false;
  }
  for (uint32_t child : comprehension.children)
    if (!InlinesComprehension(child)) return false;
  return true;
}

// Whether a nested scope that is not built inline uses this function's
// local `name` (so that it must be a cell).
bool FunctionBuilder::CapturedByNestedFunction(InternId name) const {
  for (uint32_t child : scope_.children) {
    if (InlinesComprehension(child)) continue;
    const Symbol* symbol = m_.scopes.scopes[child].Find(name);
    if (symbol && symbol->scope == SymbolScope::Free) return true;
  }
  return false;
}

// The comprehension `id` (whose scope is `scope`) built in place: its first
// iterable evaluated here (with this function's names), then the loops,
// which hand each item to `sink`.
void FunctionBuilder::InlineComprehension(NodeId id, uint32_t scope, const CompSink& sink) {
  ComprehensionNames names;
  for (const Symbol& symbol : m_.scopes.scopes[scope].symbols) {
    if (symbol.scope == SymbolScope::Local || symbol.scope == SymbolScope::Cell)
      names.emplace_back(symbol.name, NewTemp(ast_.Name(symbol.name)));
  }
  size_t outer_names = comprehension_names_.size();
  CompFor(id, ast_.List(ast_[id].list), 0, sink, kNoId, &names);
  comprehension_names_.resize(outer_names);
}

// A list, set or dict comprehension built inline: its new container.
InstId FunctionBuilder::InlineCollection(NodeId id, uint32_t scope, NodeKind kind) {
  CompSink sink{CollectionSink(kind), NewTemp("result")};
  StoreTemp(sink.result, InitialResult(sink.kind));
  InlineComprehension(id, scope, sink);
  return LoadTemp(sink.result);
}

// Where a list, set or dict comprehension's items go.
FunctionBuilder::CompSink::Kind FunctionBuilder::CollectionSink(NodeKind kind) {
  return kind == NodeKind::ListComp ? CompSink::kAppend : kind == NodeKind::SetComp ? CompSink::kAdd : CompSink::kStore;
}

// What a sink's result starts as: a new container, 0 for sum(), the verdict
// of any() or all() when no item decides.
InstId FunctionBuilder::InitialResult(CompSink::Kind kind) {
  switch (kind) {
    case CompSink::kAppend: return Emit(Op::BuildList);
    case CompSink::kAdd: return Emit(Op::BuildSet);
    case CompSink::kSum: return ConstInt(0);
    case CompSink::kAny: return ConstBool(false);
    case CompSink::kAll: return ConstBool(true);
    default: return Emit(Op::BuildDict);
  }
}

// `reducer(generator)` with the generator expression built inline (see
// ModuleContext::consumed_generators): list and set collect its items as
// comprehensions do; sum adds them up from 0 as the builtin does; any and
// all stop at the first decisive item, as the builtin stops resuming the
// generator; the others run the builtin on a list of the items, which
// gives what they give for the generator.
InstId FunctionBuilder::InlineReduction(NodeId generator, Reducer reducer) {
  CompSink sink{CompSink::kAppend};
  switch (reducer) {
    case Reducer::Set: sink.kind = CompSink::kAdd; break;
    case Reducer::Sum: sink.kind = CompSink::kSum; break;
    case Reducer::Any: sink.kind = CompSink::kAny; break;
    case Reducer::All: sink.kind = CompSink::kAll; break;
    default: break;
  }
  sink.result = NewTemp(sink.kind == CompSink::kAppend ? "items" : "result");
  if (sink.kind == CompSink::kAny || sink.kind == CompSink::kAll) sink.decided = NewBlock();
  StoreTemp(sink.result, InitialResult(sink.kind));
  RunConsumedGenerator(generator, sink);
  InstId result = LoadTemp(sink.result);
  std::string_view builtin = reducer == Reducer::Tuple    ? "tuple"
                             : reducer == Reducer::Sorted ? "sorted"
                             : reducer == Reducer::Min    ? "min"
                             : reducer == Reducer::Max    ? "max"
                                                          : "";
  if (!builtin.empty()) result = Emit(Op::Call, {Emit(Op::LoadGlobal, {}, m_.Qstr(builtin)), result});
  return result;
}

// The loops of a consumed generator expression, in the generator's terms:
// what escapes them is re-raised as leaving a generator (a StopIteration
// becomes RuntimeError, PEP 479), as for a fused collector (ir/fuse.cpp).
void FunctionBuilder::RunConsumedGenerator(NodeId generator, const CompSink& sink) {
  int slot = PushTryRegion(Region{RegionKind::Except});
  BlockId body = NewBlock(), handler = NewBlock(), done = NewBlock();
  InstId push = Emit(Op::TryPush, {}, slot);
  f_.insts[push].target[0] = body;
  f_.insts[push].target[1] = handler;
  SetBlock(body);
  InlineComprehension(generator, m_.scopes.scope_of_node.at(generator), sink);
  if (sink.decided != kNoId) SetBlock(sink.decided);
  PopRegion();
  Emit(Op::TryPop, {}, slot);
  Jump(done);
  SetBlock(handler);
  Emit(Op::Reraise, {Emit(Op::Caught, {}, slot)}, 0, /*leaving a generator built inline*/ 2);
  SetBlock(done);
}

void FunctionBuilder::ComprehensionBody() {
  const Node& n = ast_[scope_.node];
  // A generator expression yields its items; the others build a result.
  CompSink sink{CompSink::kYield};
  if (n.kind != NodeKind::GeneratorExp) {
    sink = {CollectionSink(n.kind), NewTemp("result")};
    StoreTemp(sink.result, InitialResult(sink.kind));
  }
  if (!layout_.comp_iter) return Unsupported(n.begin, "internal error: a comprehension without its iterable");
  InstId iterable = Emit(Op::LoadLocal, {}, by_number_.at(*layout_.comp_iter));
  CompFor(scope_.node, ast_.List(n.list), 0, sink, iterable, nullptr);
  ReturnValue(sink.result == kNoId ? ConstNone() : LoadTemp(sink.result));
}

InstId FunctionBuilder::YieldValue(InstId value) { return Emit(Op::Yield, {value}, 0, ActiveTrySlots()); }

// `await x` and `yield from x` alike (as the bytecode does): delegate to
// iter(x) until it returns.
InstId FunctionBuilder::Await(InstId awaitable) {
  return Emit(Op::YieldFrom, {Emit(Op::GetIter, {awaitable})}, 0, ActiveTrySlots());
}

// Try slots are numbered by nesting, so the active ones are 0..count-1.
uint8_t FunctionBuilder::ActiveTrySlots() const {
  size_t count = 0;
  for (const Region& region : regions_) count += region.slot >= 0 ? 1 : 0;
  return static_cast<uint8_t>(count);
}

// The loop of generator `index` of comprehension `comp`, over `iterable`
// (kNoId: the generator's own iterable, evaluated here; a range() call
// becomes a counting loop). `bind`, when given, are the names an inlined
// comprehension binds: they take effect once the iterable is evaluated.
void FunctionBuilder::CompFor(NodeId comp, std::span<const NodeId> gens, size_t index, const CompSink& sink,
                              InstId iterable, const ComprehensionNames* bind) {
  const Node& gen = ast_[gens[index]];
  // A comprehension with one loop and no condition holds as many items as
  // the loop runs: its collection makes room for them first.
  bool sized = gens.size() == 1 && ast_.List(gen.list).empty() &&
               (sink.kind == CompSink::kAppend || sink.kind == CompSink::kAdd || sink.kind == CompSink::kStore);
  LocalId reserve_in = sized ? sink.result : kNoId;
  if (iterable == kNoId) {
    if (std::optional<RangeLoop> loop = BeginRangeLoop(gen.a, gen.b, bind, reserve_in)) {
      CompBody(comp, gens, index, sink, loop->cont);
      EndRangeLoop(*loop);
      SetBlock(loop->exhausted);
      return;
    }
    iterable = Expr(gen.b);
  }
  if (reserve_in != kNoId) Emit(Op::Reserve, {LoadTemp(reserve_in), iterable});
  if (bind) comprehension_names_.insert(comprehension_names_.end(), bind->begin(), bind->end());
  LocalId iter = NewTemp("iter");
  LocalId item = NewTemp("item");
  StoreTemp(iter, Emit(Op::GetIter, {iterable}));
  BlockId top = NewBlock(), body = NewBlock(), end = NewBlock();
  SetBlock(top);
  InstId next = Emit(Op::ForIter, {LoadTemp(iter)}, item);
  f_.insts[next].target[0] = body;
  f_.insts[next].target[1] = end;
  SetBlock(body);
  Store(gen.a, LoadTemp(item));
  CompBody(comp, gens, index, sink, top);
  Jump(top);
  SetBlock(end);
}

// Generator `index`'s conditions (false: on to `skip`, the next item), then
// the next generator's loop or, in the innermost, the item for the sink.
void FunctionBuilder::CompBody(NodeId comp, std::span<const NodeId> gens, size_t index, const CompSink& sink,
                               BlockId skip) {
  const Node& n = ast_[comp];
  for (NodeId cond : ast_.List(ast_[gens[index]].list)) {
    BlockId pass = NewBlock();
    Cond(cond, pass, skip);
    SetBlock(pass);
  }
  if (index + 1 < gens.size()) return CompFor(comp, gens, index + 1, sink, kNoId, nullptr);
  switch (sink.kind) {
    case CompSink::kStore: {
      InstId value = Expr(n.b);
      InstId key = Expr(n.a);
      Emit(Op::DictStore, {LoadTemp(sink.result), key, value});
      return;
    }
    case CompSink::kYield: YieldValue(Expr(n.a)); return;
    case CompSink::kAppend:
    case CompSink::kAdd: {
      InstId value = Expr(n.a);
      Emit(sink.kind == CompSink::kAdd ? Op::SetAdd : Op::ListAppend, {LoadTemp(sink.result), value});
      return;
    }
    case CompSink::kSum: {
      InstId value = Expr(n.a);
      StoreTemp(sink.result, Emit(Op::Binary, {LoadTemp(sink.result), value}, 0, (uint8_t)RtBinary::Add));
      return;
    }
    case CompSink::kAny:
    case CompSink::kAll: {
      // The first true item decides any() (the first false one all()).
      BlockId decisive = NewBlock(), next = NewBlock();
      InstId truth = ToBool(Expr(n.a));
      if (sink.kind == CompSink::kAny) {
        Branch(truth, decisive, next);
      } else {
        Branch(truth, next, decisive);
      }
      SetBlock(decisive);
      StoreTemp(sink.result, ConstBool(sink.kind == CompSink::kAny));
      Jump(sink.decided);
      SetBlock(next);
      return;
    }
  }
}

// ---------------------------------------------------------------- f-strings

InstId FunctionBuilder::JoinedStr(NodeId id) {
  std::string format;
  std::vector<NodeId> args;
  bytecode::FStringAsFormat(ast_, id, &format, &args);
  if (args.empty()) return ConstStr(format);  // no fields: the text itself
  std::vector<InstId> ops = {ConstStr(format)};
  for (NodeId a : args) ops.push_back(Expr(a));
  return Emit(Op::CallMethod, ops, m_.Qstr("format"));
}

// ---------------------------------------------------------------- targets

void FunctionBuilder::Store(NodeId target, InstId value) {
  if (failed_) return;
  const Node& t = ast_[target];
  switch (t.kind) {
    case NodeKind::Name: return StoreRef(Resolve(t.value), value);
    case NodeKind::Attribute: {
      InstId obj = Expr(t.a);
      Emit(Op::StoreAttr, {obj, value}, NameQstr(t.value));
      return;
    }
    case NodeKind::Subscript: {
      InstId obj = Expr(t.a);
      InstId index = Expr(t.b);
      Emit(Op::StoreSubscr, {obj, index, value});
      return;
    }
    case NodeKind::Tuple:
    case NodeKind::List: return Unpack(target, value);
    default: return Unsupported(t.begin, "cannot assign to this expression");
  }
}

void FunctionBuilder::Unpack(NodeId target, InstId value) {
  auto elts = ast_.List(ast_[target].list);
  size_t star = elts.size();
  for (size_t i = 0; i < elts.size(); ++i) {
    if (ast_[elts[i]].kind == NodeKind::Starred) {
      if (star != elts.size()) return Unsupported(ast_[elts[i]].begin, "multiple *x in assignment");
      star = i;
    }
  }
  InstId tuple;
  if (star == elts.size()) {
    tuple = Emit(Op::Unpack, {value}, (int64_t)elts.size());
  } else {
    size_t right = elts.size() - star - 1;
    if (right > 255) return Unsupported(ast_[target].begin, "too many targets after *x for native code");
    tuple = Emit(Op::UnpackEx, {value}, (int64_t)star, (uint8_t)right);
  }
  for (size_t i = 0; i < elts.size(); ++i) {
    InstId item = Emit(Op::TupleItem, {tuple}, (int64_t)i);
    Store(i == star ? ast_[elts[i]].a : elts[i], item);
  }
}

void FunctionBuilder::Delete(NodeId target) {
  if (failed_) return;
  const Node& t = ast_[target];
  switch (t.kind) {
    case NodeKind::Name: return DeleteRef(Resolve(t.value));
    case NodeKind::Attribute: {
      Emit(Op::DeleteAttr, {Expr(t.a)}, NameQstr(t.value));
      return;
    }
    case NodeKind::Subscript: {
      InstId obj = Expr(t.a);
      Emit(Op::DeleteSubscr, {obj, Expr(t.b)});
      return;
    }
    case NodeKind::Tuple:
    case NodeKind::List:
      for (NodeId e : ast_.List(t.list)) Delete(e);
      return;
    default: return Unsupported(t.begin, "cannot delete this expression");
  }
}

// ---------------------------------------------------------------- functions

// MakeFunction for the raw code compiled from `scope`: its defaults, its
// kw-only defaults, and the cells it closes over in this scope's closure
// order (the child numbers its free variables the same way).
InstId FunctionBuilder::MakeFunction(NodeId def, NodeId args, uint32_t scope) {
  std::vector<InstId> positional, keyword;
  if (args != kNoNode) {
    for (NodeId p : ast_.List(ast_[args].list)) {
      const Node& param = ast_[p];
      if (param.b == kNoNode) continue;
      if (static_cast<ParamKind>(param.op) == ParamKind::KeywordOnly) {
        InstId value = Expr(param.b);
        keyword.push_back(ConstQstr(ast_.Name(param.value)));
        keyword.push_back(value);
      } else {
        positional.push_back(Expr(param.b));
      }
    }
  }
  InstId defaults = positional.empty() ? ConstNone() : Emit(Op::BuildTuple, positional);
  InstId kw_defaults = keyword.empty() ? ConstNone() : Emit(Op::BuildDict, keyword);
  size_t index = raw_.children.size();
  for (size_t i = 0; i < raw_.children.size(); ++i) {
    if (raw_.children[i].scope == scope) index = i;
  }
  if (index == raw_.children.size() || !m_.info.layouts.count(scope)) {
    Unsupported(ast_[def].begin, "internal error: no raw code for a nested function");
    return ConstNone();
  }
  const bytecode::ScopeLayout& child = m_.info.layouts.at(scope);
  std::set<std::string_view> child_frees;
  for (const auto& [name, ref] : child.vars) {
    if (ref.kind == bytecode::VarKind::Deref && ref.local < child.n_free) child_frees.insert(ast_.Name(name));
  }
  std::vector<InstId> ops = {defaults, kw_defaults};
  for (const auto& [text, local] : layout_.closure_order) {
    if (!child_frees.count(text)) continue;
    auto it = by_number_.find(local);
    if (it == by_number_.end()) {
      Unsupported(ast_[def].begin, "internal error: a closure over an unknown cell");
      return ConstNone();
    }
    ops.push_back(Emit(Op::CellRef, {}, it->second));
  }
  return Emit(Op::MakeFunction, ops, (int64_t)index);
}

}  // namespace taipan::ir::build
