// The IR builder: statements. Control flow becomes blocks; try regions
// become TryPush/TryPop pairs with a handler block. Leaving a region early
// (return, break, continue) pops its try slot and runs its cleanup (a
// finally body, a with's __exit__, an except-as name's deletion) on that
// path, innermost region first: finally bodies are built once per exit.
#include "ir/builder.h"

namespace taipan::ir::build {


void FunctionBuilder::Body(NodeList list) {
  for (NodeId id : ast_.List(list)) {
    if (failed_) return;
    Stmt(id);
  }
}

void FunctionBuilder::Stmt(NodeId id) {
  if (failed_) return;
  const Node& n = ast_[id];
  uint32_t saved_offset = offset_;
  offset_ = n.begin;
  switch (n.kind) {
    case NodeKind::FunctionDef: FunctionDef(id); break;
    case NodeKind::ClassDef: ClassDef(id); break;
    case NodeKind::Return: Return(n.a); break;
    case NodeKind::Delete:
      for (NodeId t : ast_.List(n.list)) Delete(t);
      break;
    case NodeKind::Assign: Assign(id); break;
    case NodeKind::AugAssign: AugAssign(id); break;
    case NodeKind::AnnAssign:
      if (ConstDefinition(id)) break;
      if (n.c != kNoNode) Store(n.a, Expr(n.c));
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
    case NodeKind::With: With(id, 0, (n.flags & kFlagAsync) != 0); break;
    case NodeKind::Match: Unsupported(n.begin, "match statements are not compiled natively yet"); break;
    case NodeKind::Raise: Raise(id); break;
    case NodeKind::Try: Try(id); break;
    case NodeKind::Assert: Assert(id); break;
    case NodeKind::Import: Import(id); break;
    case NodeKind::ImportFrom: ImportFrom(id); break;
    case NodeKind::Global:
    case NodeKind::Nonlocal:
    case NodeKind::Pass: break;
    case NodeKind::Break: BreakContinue(id, true); break;
    case NodeKind::Continue: BreakContinue(id, false); break;
    case NodeKind::Block: Body(n.list); break;
    case NodeKind::Expr:
      // Statements that are just a constant (docstrings) are dropped.
      if (ast_[n.a].kind != NodeKind::Constant) Expr(n.a);
      break;
    default: Unsupported(n.begin, "this statement is not compiled natively yet"); break;
  }
  offset_ = saved_offset;
}

// ---------------------------------------------------------------- definitions

void FunctionBuilder::FunctionDef(NodeId id) {
  const Node& n = ast_[id];
  std::vector<InstId> decorators;
  for (NodeId d : ast_.List(n.list2)) {
    std::string_view what;
    if (!IsEmitterDecorator(d, &what)) decorators.push_back(Expr(d));
  }
  auto it = m_.scopes.scope_of_node.find(id);
  if (it == m_.scopes.scope_of_node.end()) return Unsupported(n.begin, "internal error: a function without a scope");
  InstId fn = MakeFunction(id, n.a, it->second);
  for (auto d = decorators.rbegin(); d != decorators.rend(); ++d) fn = Emit(Op::Call, {*d, fn});
  StoreRef(Resolve(n.value), fn);
}

void FunctionBuilder::ClassDef(NodeId id) {
  const Node& n = ast_[id];
  std::vector<InstId> decorators;
  for (NodeId d : ast_.List(n.list2)) decorators.push_back(Expr(d));
  auto it = m_.scopes.scope_of_node.find(id);
  if (it == m_.scopes.scope_of_node.end()) return Unsupported(n.begin, "internal error: a class without a scope");
  InstId build_class = Emit(Op::LoadBuildClass);
  InstId body = MakeFunction(id, kNoNode, it->second);
  InstId name = ConstQstr(ast_.Name(n.value));
  NodeList bases, keywords;
  if (n.a != kNoNode) {
    bases = ast_[n.a].list;
    keywords = ast_[n.a].list2;
  }
  InstId cls = CallWith(build_class, kNoId, 0, bases, keywords, {body, name});
  for (auto d = decorators.rbegin(); d != decorators.rend(); ++d) cls = Emit(Op::Call, {*d, cls});
  StoreRef(Resolve(n.value), cls);
}

// ---------------------------------------------------------------- assignment

void FunctionBuilder::Assign(NodeId id) {
  const Node& n = ast_[id];
  if (ConstDefinition(id)) return;
  auto targets = ast_.List(n.list);
  if (targets.size() == 1 && SwapAssign(targets[0], n.a)) return;
  InstId value = Expr(n.a);
  for (NodeId t : targets) Store(t, value);
}

// `a, b = c, d`: no tuple, the values are evaluated then stored in order.
bool FunctionBuilder::SwapAssign(NodeId target, NodeId value) {
  const Node& t = ast_[target];
  const Node& v = ast_[value];
  if ((t.kind != NodeKind::Tuple && t.kind != NodeKind::List) || v.kind != NodeKind::Tuple) return false;
  if (t.list.size != v.list.size || t.list.size < 2) return false;
  auto targets = ast_.List(t.list);
  auto values = ast_.List(v.list);
  for (size_t i = 0; i < targets.size(); ++i) {
    if (ast_[targets[i]].kind == NodeKind::Starred || ast_[values[i]].kind == NodeKind::Starred) return false;
  }
  std::vector<InstId> evaluated;
  for (NodeId e : values) evaluated.push_back(Expr(e));
  for (size_t i = 0; i < targets.size(); ++i) Store(targets[i], evaluated[i]);
  return true;
}

// `NAME = const(value)` in a module body, as the bytecode compiler does it:
// a foldable value is the constant (not stored at all for _NAME).
bool FunctionBuilder::ConstDefinition(NodeId id) {
  if (scope_.kind != ScopeKind::Module) return false;
  NodeId target_id, arg;
  if (!bytecode::MatchConstDefinition(ast_, id, &target_id, &arg)) return false;
  const Node& target = ast_[target_id];
  std::optional<bytecode::Constant> folded = m_.FoldConst(arg, ast_[id].begin);
  if (!folded) {
    StoreRef(Resolve(target.value), Expr(arg));
    return true;
  }
  if (ast_.Name(target.value).starts_with("_")) return true;
  StoreRef(Resolve(target.value), Constant(*folded));
  return true;
}

void FunctionBuilder::AugAssign(NodeId id) {
  const Node& n = ast_[id];
  const Node& t = ast_[n.a];
  uint8_t op = (uint8_t)((unsigned)RtBinary::InplaceOr + bytecode::BinaryOpIndex(static_cast<BinaryOp>(n.op)));
  switch (t.kind) {
    case NodeKind::Name: {
      InstId current = LoadName(t.value);
      InstId result = Emit(Op::Binary, {current, Expr(n.b)}, 0, op);
      StoreRef(Resolve(t.value), result);
      break;
    }
    case NodeKind::Attribute: {
      InstId obj = Expr(t.a);
      InstId current = Emit(Op::LoadAttr, {obj}, NameQstr(t.value));
      InstId result = Emit(Op::Binary, {current, Expr(n.b)}, 0, op);
      Emit(Op::StoreAttr, {obj, result}, NameQstr(t.value));
      break;
    }
    case NodeKind::Subscript: {
      InstId obj = Expr(t.a);
      InstId index = Expr(t.b);
      InstId current = Emit(Op::Subscr, {obj, index});
      InstId result = Emit(Op::Binary, {current, Expr(n.b)}, 0, op);
      Emit(Op::StoreSubscr, {obj, index, result});
      break;
    }
    default: Unsupported(t.begin, "illegal expression for augmented assignment");
  }
}

// ---------------------------------------------------------------- loops

void FunctionBuilder::For(NodeId id) {
  const Node& n = ast_[id];
  if (ForRange(id)) return;
  LocalId iter = NewTemp("iter");
  LocalId item = NewTemp("item");
  StoreTemp(iter, Emit(Op::GetIter, {Expr(n.b)}));
  BlockId top = NewBlock(), body = NewBlock(), orelse = NewBlock(), brk = NewBlock();
  SetBlock(top);
  InstId next = Emit(Op::ForIter, {LoadTemp(iter)}, item);
  f_.insts[next].target[0] = body;
  f_.insts[next].target[1] = orelse;
  SetBlock(body);
  ForBody(id, item, top, orelse, brk);
}

// The rest of a for loop once the next item is in `item`: bind it, run the
// body (continue goes back to `top`, break to `brk`), then the else clause
// (the exhausted path enters at `orelse`).
void FunctionBuilder::ForBody(NodeId id, LocalId item, BlockId top, BlockId orelse, BlockId brk) {
  const Node& n = ast_[id];
  Store(n.a, LoadTemp(item));
  loops_.push_back(Loop{brk, top, regions_.size()});
  Body(n.list);
  loops_.pop_back();
  Jump(top);
  SetBlock(orelse);
  Body(n.list2);
  SetBlock(brk);
}

// `for x in range(...)` with the builtin range and a constant step: a
// counting loop over an int counter, the bounds converted by ToIndex.
bool FunctionBuilder::ForRange(NodeId id) {
  const Node& n = ast_[id];
  std::optional<RangeLoop> loop = BeginRangeLoop(n.a, n.b);
  if (!loop) return false;
  BlockId brk = NewBlock();
  loops_.push_back(Loop{brk, loop->cont, regions_.size()});
  Body(n.list);
  loops_.pop_back();
  EndRangeLoop(*loop);
  SetBlock(loop->exhausted);
  Body(n.list2);
  SetBlock(brk);
  return true;
}

// The head of a counting loop `for target in range(...)` (see ForRange);
// nothing is emitted when `iterable` is not such a call. On success the
// current block is the body, with the target bound (after the names of
// `bind` took effect: see CompFor).
// `reserve_in`: a comprehension's new collection, which makes room for the
// items of a loop counting up by 1 before it starts.
std::optional<FunctionBuilder::RangeLoop> FunctionBuilder::BeginRangeLoop(NodeId target_id, NodeId iterable,
                                                                        const ComprehensionNames* bind,
                                                                        LocalId reserve_in) {
  const Node& target = ast_[target_id];
  const Node& call = ast_[iterable];
  if (m_.Rebound("range")) return std::nullopt;
  if (target.kind != NodeKind::Name || call.kind != NodeKind::Call || call.list2.size != 0) return std::nullopt;
  const Node& func = ast_[call.a];
  if (func.kind != NodeKind::Name || ast_.Name(func.value) != "range") return std::nullopt;
  if (Resolve(func.value).kind != NameKind::Global || m_.ConstNamed(func.value, func.begin)) return std::nullopt;
  auto args = ast_.List(call.list);
  if (args.empty() || args.size() > 3) return std::nullopt;
  for (NodeId a : args) {
    if (ast_[a].kind == NodeKind::Starred || ast_[a].kind == NodeKind::GeneratorExp) return std::nullopt;
  }
  RangeLoop loop;
  if (args.size() == 3) {
    auto v = m_.FoldInt(args[2], ast_[args[2]].begin);
    if (!v || *v == 0 || *v < kSmallIntMin || *v > kSmallIntMax) return std::nullopt;
    loop.step = *v;
  }
  NodeId start = args.size() == 1 ? kNoNode : args[0];
  NodeId end = args.size() == 1 ? args[0] : args[1];
  auto end_value = m_.FoldInt(end, ast_[end].begin);
  bool end_constant = end_value && *end_value >= kSmallIntMin && *end_value <= kSmallIntMax;

  // The bytecode evaluates the end before the start; so does this.
  LocalId end_local = kNoId;
  if (!end_constant) {
    end_local = NewTemp("end");
    StoreTemp(end_local, Emit(Op::ToIndex, {Expr(end)}));
  }
  loop.counter = NewTemp("i");
  std::optional<int64_t> start_value;
  if (start != kNoNode) start_value = m_.FoldInt(start, ast_[start].begin);
  if (start == kNoNode) {
    StoreTemp(loop.counter, ConstInt(0));
  } else if (start_value && *start_value >= kSmallIntMin && *start_value <= kSmallIntMax) {
    StoreTemp(loop.counter, ConstInt(*start_value));
  } else {
    StoreTemp(loop.counter, Emit(Op::ToIndex, {Expr(start)}));
  }
  if (reserve_in != kNoId && loop.step == 1) {
    InstId limit = end_constant ? ConstInt(*end_value) : LoadTemp(end_local);
    InstId count = Emit(Op::Binary, {limit, LoadTemp(loop.counter)}, 0, (uint8_t)RtBinary::Subtract);
    Emit(Op::Reserve, {LoadTemp(reserve_in), count});
  }
  loop.header = NewBlock();
  BlockId body = NewBlock();
  loop.cont = NewBlock();
  loop.exhausted = NewBlock();
  SetBlock(loop.header);
  InstId limit = end_constant ? ConstInt(*end_value) : LoadTemp(end_local);
  RtBinary compare = loop.step > 0 ? RtBinary::Less : RtBinary::More;
  InstId more = Emit(Op::Binary, {LoadTemp(loop.counter), limit}, 0, (uint8_t)compare);
  Branch(ToBool(more), body, loop.exhausted);
  SetBlock(body);
  if (bind) comprehension_names_.insert(comprehension_names_.end(), bind->begin(), bind->end());
  Store(target_id, LoadTemp(loop.counter));
  return loop;
}

// The step of a counting loop, back to its header (from loop.cont, where
// the body's end and its `continue`s go).
void FunctionBuilder::EndRangeLoop(const RangeLoop& loop) {
  SetBlock(loop.cont);
  int64_t counter_step = loop.step == 1 || loop.step == -1 ? kRangeCounterStep : 0;
  InstId next = Emit(Op::Binary, {LoadTemp(loop.counter), ConstInt(loop.step)}, counter_step, (uint8_t)RtBinary::Add);
  StoreTemp(loop.counter, next);
  Jump(loop.header);
}

void FunctionBuilder::While(NodeId id) {
  const Node& n = ast_[id];
  std::optional<bool> constant = m_.ConstTruth(n.a, n.begin);
  if (constant == false) return Body(n.list2);
  BlockId header = NewBlock(), body = NewBlock(), orelse = NewBlock(), brk = NewBlock();
  SetBlock(header);
  if (constant == true) {
    Jump(body);
  } else {
    uint32_t saved = offset_;
    offset_ = ast_[n.a].begin;
    Cond(n.a, body, orelse);
    offset_ = saved;
  }
  SetBlock(body);
  loops_.push_back(Loop{brk, header, regions_.size()});
  Body(n.list);
  loops_.pop_back();
  Jump(header);
  SetBlock(orelse);
  Body(n.list2);
  SetBlock(brk);
}

void FunctionBuilder::If(NodeId id) {
  const Node& n = ast_[id];
  std::optional<bool> constant = m_.ConstTruth(n.a, n.begin);
  if (constant) return Body(*constant ? n.list : n.list2);
  BlockId then = NewBlock(), orelse = NewBlock(), end = NewBlock();
  Cond(n.a, then, orelse);
  SetBlock(then);
  Body(n.list);
  Jump(end);
  SetBlock(orelse);
  Body(n.list2);
  SetBlock(end);
}

void FunctionBuilder::BreakContinue(NodeId id, bool is_break) {
  if (loops_.empty()) return Unsupported(ast_[id].begin, "'break' or 'continue' outside a loop");
  Loop loop = loops_.back();
  LeaveRegions(loop.region_depth);
  Jump(is_break ? loop.break_block : loop.continue_block);
}

void FunctionBuilder::Return(NodeId value) {
  if (value != kNoNode && ast_[value].kind == NodeKind::IfExp) {
    // `return a if c else b` returns from each branch.
    const Node& e = ast_[value];
    BlockId then = NewBlock(), orelse = NewBlock();
    Cond(e.a, then, orelse);
    SetBlock(then);
    ReturnValue(Expr(e.b));
    SetBlock(orelse);
    ReturnValue(Expr(e.c));
    return;
  }
  ReturnValue(value == kNoNode ? ConstNone() : Expr(value));
}

void FunctionBuilder::ReturnValue(InstId value) {
  if (regions_.empty()) {
    Emit(Op::Return, {value});
    return;
  }
  LocalId result = NewTemp("ret");
  StoreTemp(result, value);
  LeaveRegions(0);
  Emit(Op::Return, {LoadTemp(result)});
}

// ---------------------------------------------------------------- regions

int FunctionBuilder::PushTryRegion(Region region) {
  int slot = 0;
  for (const Region& r : regions_) {
    if (r.slot >= 0) ++slot;
  }
  region.slot = slot;
  f_.n_try_slots = std::max(f_.n_try_slots, (uint32_t)slot + 1);
  regions_.push_back(region);
  return slot;
}

// Leaves the regions above `depth`, innermost first.
void FunctionBuilder::LeaveRegions(size_t depth) {
  for (size_t i = regions_.size(); i > depth; --i) RunCleanup(i - 1);
}

// Pops region `index`'s try slot and runs its cleanup, which is built as
// if written just outside the region (outer loops and regions only).
void FunctionBuilder::RunCleanup(size_t index) {
  Region region = regions_[index];
  if (region.slot >= 0) Emit(Op::TryPop, {}, region.slot);
  switch (region.kind) {
    case RegionKind::Except: break;
    case RegionKind::Finally: {
      std::vector<Region> saved_regions = regions_;
      std::vector<Loop> saved_loops = loops_;
      regions_.resize(index);
      while (!loops_.empty() && loops_.back().region_depth > index) loops_.pop_back();
      Stmt(region.finally_body);
      regions_ = std::move(saved_regions);
      loops_ = std::move(saved_loops);
      break;
    }
    case RegionKind::With:
    case RegionKind::AsyncWith: {
      // Outside this region and those inside it (an async exit suspends).
      std::vector<Region> saved_regions = regions_;
      regions_.resize(index);
      CallExit(region);
      regions_ = std::move(saved_regions);
      break;
    }
    case RegionKind::Handler:
      if (region.name != kNoName) {
        NameRef ref = Resolve(region.name);
        StoreRef(ref, ConstNone());
        DeleteRef(ref);
      }
      break;
  }
}

void FunctionBuilder::Try(NodeId id) {
  const Node& n = ast_[id];
  if (n.flags & kFlagStar) return Unsupported(n.begin, "except* is not compiled natively");
  if (n.b == kNoNode) return TryExcept(id);
  Region finally_region{RegionKind::Finally};
  finally_region.finally_body = n.b;
  int slot = PushTryRegion(finally_region);
  BlockId body = NewBlock(), handler = NewBlock(), end = NewBlock();
  InstId push = Emit(Op::TryPush, {}, slot);
  f_.insts[push].target[0] = body;
  f_.insts[push].target[1] = handler;
  SetBlock(body);
  if (n.list2.size == 0) {
    Body(n.list);
  } else {
    TryExcept(id);
  }
  PopRegion();
  Emit(Op::TryPop, {}, slot);
  Stmt(n.b);
  Jump(end);
  // The exceptional path: the finally body, then the exception again.
  SetBlock(handler);
  InstId caught = Emit(Op::Caught, {}, slot);
  LocalId exception = NewTemp("exc");
  StoreTemp(exception, caught);
  Region handling{RegionKind::Handler};
  handling.exception = exception;
  regions_.push_back(handling);
  Stmt(n.b);
  PopRegion();
  Emit(Op::Reraise, {LoadTemp(exception)});
  SetBlock(end);
}

void FunctionBuilder::TryExcept(NodeId id) {
  const Node& n = ast_[id];
  int slot = PushTryRegion(Region{RegionKind::Except});
  BlockId body = NewBlock(), handler = NewBlock(), orelse = NewBlock(), end = NewBlock();
  InstId push = Emit(Op::TryPush, {}, slot);
  f_.insts[push].target[0] = body;
  f_.insts[push].target[1] = handler;
  SetBlock(body);
  Body(n.list);
  PopRegion();
  Emit(Op::TryPop, {}, slot);
  Jump(orelse);
  SetBlock(handler);
  InstId caught = Emit(Op::Caught, {}, slot);
  LocalId exception = NewTemp("exc");
  StoreTemp(exception, caught);
  for (NodeId h : ast_.List(n.list2)) {
    if (failed_) return;
    const Node& hn = ast_[h];
    uint32_t saved = offset_;
    offset_ = hn.begin;
    BlockId next = NewBlock();
    if (hn.a != kNoNode) {
      BlockId matched = NewBlock();
      InstId match = Emit(Op::ExceptionMatch, {LoadTemp(exception), Expr(hn.a)});
      Branch(match, matched, next);
      SetBlock(matched);
    }
    Handler(h, exception, end);
    SetBlock(next);
    offset_ = saved;
  }
  Emit(Op::Reraise, {LoadTemp(exception)});
  SetBlock(orelse);
  if (n.a != kNoNode) Stmt(n.a);
  SetBlock(end);
}

// One except clause's body; `except E as name` binds the exception and
// deletes the name again on the way out.
void FunctionBuilder::Handler(NodeId handler, LocalId exception, BlockId end) {
  const Node& hn = ast_[handler];
  Region region{RegionKind::Handler};
  region.exception = exception;
  region.name = hn.value;
  if (hn.value != kNoName) StoreRef(Resolve(hn.value), LoadTemp(exception));
  regions_.push_back(region);
  Body(hn.list);
  PopRegion();
  if (hn.value != kNoName) {
    NameRef ref = Resolve(hn.value);
    StoreRef(ref, ConstNone());
    DeleteRef(ref);
  }
  Jump(end);
}

// with m as x: body  =>  exit = m.__exit__; x = m.__enter__(); try body;
// normal or early exit: exit(None, None, None); exception: swallowed when
// exit(type, exc, None) is true, else it propagates.
// async with m as x: body  =>  the same with x = await m.__aenter__() and
// await m.__aexit__(...) (the bytecode's order: __aexit__ is looked up on
// the way out).
void FunctionBuilder::With(NodeId id, size_t item, bool async) {
  const Node& n = ast_[id];
  auto items = ast_.List(n.list);
  if (item == items.size()) return Body(n.list2);
  const Node& wi = ast_[items[item]];
  InstId manager = Expr(wi.a);
  Region region{async ? RegionKind::AsyncWith : RegionKind::With};
  InstId entered;
  if (async) {
    region.exit_fn = NewTemp("manager");
    StoreTemp(region.exit_fn, manager);
    entered = Await(Emit(Op::CallMethod, {LoadTemp(region.exit_fn)}, m_.Qstr("__aenter__")));
  } else {
    region.exit_fn = NewTemp("exit");
    StoreTemp(region.exit_fn, Emit(Op::LoadAttr, {manager}, m_.Qstr("__exit__")));
    entered = Emit(Op::CallMethod, {manager}, m_.Qstr("__enter__"));
  }
  int slot = PushTryRegion(region);
  BlockId body = NewBlock(), handler = NewBlock(), reraise = NewBlock(), end = NewBlock();
  InstId push = Emit(Op::TryPush, {}, slot);
  f_.insts[push].target[0] = body;
  f_.insts[push].target[1] = handler;
  SetBlock(body);
  if (wi.b != kNoNode) Store(wi.b, entered);
  With(id, item + 1, async);
  PopRegion();
  Emit(Op::TryPop, {}, slot);
  CallExit(region);
  Jump(end);
  SetBlock(handler);
  InstId caught = Emit(Op::Caught, {}, slot);
  LocalId exception = NewTemp("exc");
  StoreTemp(exception, caught);
  InstId type = Emit(Op::LoadAttr, {caught}, m_.Qstr("__class__"));
  Branch(ToBool(CallExit(region, type, caught)), end, reraise);
  SetBlock(reraise);
  Emit(Op::Reraise, {LoadTemp(exception)});
  SetBlock(end);
}

// A with region's exit: exit(type, exc, None), or for async with
// await manager.__aexit__(type, exc, None); without an exception (type
// kNoId), all three are None.
InstId FunctionBuilder::CallExit(const Region& region, InstId type, InstId exc) {
  InstId target = LoadTemp(region.exit_fn);
  InstId none = ConstNone();
  if (type == kNoId) type = exc = none;
  if (region.kind == RegionKind::With) return Emit(Op::Call, {target, type, exc, none});
  return Await(Emit(Op::CallMethod, {target, type, exc, none}, m_.Qstr("__aexit__")));
}

// async for x in a: body; else: orelse  =>  it = a.__aiter__(); loop:
// try x = await it.__anext__() except StopAsyncIteration: orelse, break.
void FunctionBuilder::AsyncFor(NodeId id) {
  const Node& n = ast_[id];
  LocalId iter = NewTemp("aiter");
  LocalId item = NewTemp("item");
  StoreTemp(iter, Emit(Op::CallMethod, {Expr(n.b)}, m_.Qstr("__aiter__")));
  BlockId top = NewBlock(), next = NewBlock(), handler = NewBlock(), body = NewBlock();
  BlockId orelse = NewBlock(), reraise = NewBlock(), brk = NewBlock();
  Jump(top);
  SetBlock(top);
  int slot = PushTryRegion(Region{RegionKind::Except});
  InstId push = Emit(Op::TryPush, {}, slot);
  f_.insts[push].target[0] = next;
  f_.insts[push].target[1] = handler;
  SetBlock(next);
  StoreTemp(item, Await(Emit(Op::CallMethod, {LoadTemp(iter)}, m_.Qstr("__anext__"))));
  PopRegion();
  Emit(Op::TryPop, {}, slot);
  Jump(body);
  SetBlock(handler);
  InstId caught = Emit(Op::Caught, {}, slot);
  LocalId exception = NewTemp("exc");
  StoreTemp(exception, caught);
  InstId stop = Emit(Op::LoadGlobal, {}, m_.Qstr("StopAsyncIteration"));
  Branch(Emit(Op::ExceptionMatch, {caught, stop}), orelse, reraise);
  SetBlock(reraise);
  Emit(Op::Reraise, {LoadTemp(exception)});
  SetBlock(body);
  ForBody(id, item, top, orelse, brk);
}

// ---------------------------------------------------------------- other statements

void FunctionBuilder::Raise(NodeId id) {
  const Node& n = ast_[id];
  if (n.a == kNoNode) {
    for (size_t i = regions_.size(); i > 0; --i) {
      if (regions_[i - 1].exception != kNoId) {
        Emit(Op::Reraise, {LoadTemp(regions_[i - 1].exception)});
        return;
      }
    }
    return Unsupported(n.begin, "a bare 'raise' outside an except clause is not compiled natively yet");
  }
  InstId exc = Expr(n.a);
  if (n.b == kNoNode) {
    Emit(Op::Raise, {exc});
  } else {
    Emit(Op::Raise, {exc, Expr(n.b)});
  }
}

void FunctionBuilder::Assert(NodeId id) {
  const Node& n = ast_[id];
  BlockId end = NewBlock(), fail = NewBlock();
  Cond(n.a, end, fail);
  SetBlock(fail);
  InstId exc = Emit(Op::LoadGlobal, {}, m_.Qstr("AssertionError"));
  if (n.b != kNoNode) exc = Emit(Op::Call, {exc, Expr(n.b)});
  Emit(Op::Raise, {exc});
  SetBlock(end);
}

void FunctionBuilder::Import(NodeId id) {
  for (NodeId a : ast_.List(ast_[id].list)) {
    const Node& alias = ast_[a];
    std::string_view full = ast_.Name(alias.value);
    InstId module = Emit(Op::ImportName, {ConstNone(), ConstInt(0)}, m_.Qstr(full));
    if (alias.a != kNoNode) {
      // `import a.b.c as d` binds the innermost module.
      size_t dot = full.find('.');
      while (dot != std::string_view::npos) {
        size_t next = full.find('.', dot + 1);
        std::string_view part = full.substr(dot + 1, next == std::string_view::npos ? next : next - dot - 1);
        module = Emit(Op::LoadAttr, {module}, m_.Qstr(part));
        dot = next;
      }
      Store(alias.a, module);
    } else {
      StoreRef(ResolveText(full.substr(0, full.find('.'))), module);
    }
  }
}

void FunctionBuilder::ImportFrom(NodeId id) {
  const Node& n = ast_[id];
  auto names = ast_.List(n.list);
  if (n.value != kNoName && (n.extra == kNoExtra || n.extra == 0) && ast_.Name(n.value) == "__future__") return;
  uint32_t module_name = n.value == kNoName ? m_.Qstr("") : NameQstr(n.value);
  InstId level = ConstInt(n.extra == kNoExtra ? 0 : n.extra);
  bool star = names.size() == 1 && ast_.Name(ast_[names[0]].value) == "*";
  if (star) {
    InstId fromlist = Emit(Op::BuildTuple, {ConstQstr("*")});
    InstId module = Emit(Op::ImportName, {fromlist, level}, module_name);
    Emit(Op::ImportStar, {module});
    return;
  }
  std::vector<InstId> fromlist;
  for (NodeId a : names) fromlist.push_back(ConstQstr(ast_.Name(ast_[a].value)));
  InstId module = Emit(Op::ImportName, {Emit(Op::BuildTuple, fromlist), level}, module_name);
  for (NodeId a : names) {
    const Node& alias = ast_[a];
    InstId value = Emit(Op::ImportFrom, {module}, NameQstr(alias.value));
    if (alias.a != kNoNode) {
      Store(alias.a, value);
    } else {
      StoreRef(Resolve(alias.value), value);
    }
  }
}

}  // namespace taipan::ir::build
