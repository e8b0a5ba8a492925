// Generator expressions fused into their consumer (ir.h: CanCollect,
// MakeCollector). Inference finds `list(x for ...)`, `set(...)`,
// `tuple(...)`, `sorted(...)` and `sep.join(...)`, whose consumer only
// gathers every item, in order, before doing anything else with them; the
// generator then runs to its end without pausing, so it may as well gather
// the items itself, with no generator object, no coroutine and no
// resumption per item.
#include "ir/ir.h"

namespace taipan::ir {

namespace {

InstId AddInst(Function& f, Inst inst) {
  f.insts.push_back(std::move(inst));
  return static_cast<InstId>(f.insts.size() - 1);
}

Inst Make(Op op, TypeId type, uint32_t offset, std::vector<InstId> ops = {}, int64_t imm = 0) {
  Inst inst;
  inst.op = op;
  inst.type = type;
  inst.offset = offset;
  inst.ops = std::move(ops);
  inst.imm = imm;
  return inst;
}

}  // namespace

bool CanCollect(const Function& g) {
  if (!g.native || !g.is_generator || g.name != "<genexpr>" || g.n_try_slots != 0 || g.blocks.empty()) return false;
  size_t params = 0;
  for (const Local& local : g.locals) params += local.kind == LocalKind::Param;
  if (params != 1 || g.signature.n_pos_args != g.n_slots) return false;  // (the cells count as arguments)
  std::vector<bool> used(g.insts.size(), false);
  for (const Block& block : g.blocks)
    for (InstId id : block.insts)
      for (InstId operand : g.insts[id].ops) used[operand] = true;
  for (const Block& block : g.blocks) {
    for (InstId id : block.insts) {
      const Inst& inst = g.insts[id];
      if (inst.op == Op::YieldFrom || (inst.op == Op::Yield && used[id])) return false;
      if (inst.op == Op::Return && g.insts[inst.ops[0]].op != Op::ConstNone) return false;
    }
  }
  return true;
}

// The body runs inside a try region whose handler hands what escapes it to
// reraise_leaving_generator (a StopIteration becomes RuntimeError, as when
// a generator raises it); each yield adds its value to the collection
// instead, and each return (of None) returns the collection.
void MakeCollector(Function& g, Op collect) {
  Op build = collect == Op::SetAdd ? Op::BuildSet : Op::BuildList;
  uint32_t offset = g.insts[g.blocks[0].insts.front()].offset;
  auto collection = static_cast<LocalId>(g.locals.size());
  g.locals.push_back(Local{"$collected", LocalKind::Temp});
  auto slot = static_cast<int64_t>(g.n_try_slots++);

  // The old entry moves to a block of its own, inside the region.
  auto body = static_cast<BlockId>(g.blocks.size());
  Block entry = std::move(g.blocks[0]);
  g.blocks[0] = Block{};
  g.blocks.push_back(std::move(entry));
  for (BlockId b = 1; b < g.blocks.size(); ++b) {
    Inst& last = g.insts[g.blocks[b].insts.back()];
    for (BlockId& target : last.target)
      if (target == 0) target = body;
  }
  auto handler = static_cast<BlockId>(g.blocks.size());
  g.blocks.emplace_back();

  for (BlockId b = 1; b < handler; ++b) {
    std::vector<InstId> rewritten;
    for (InstId id : g.blocks[b].insts) {
      Inst& inst = g.insts[id];
      if (inst.op == Op::Yield) {
        InstId target = AddInst(g, Make(Op::LoadLocal, kUnknownType, inst.offset, {}, collection));
        rewritten.push_back(target);
        Inst& yield = g.insts[id];
        yield.op = collect;
        yield.sub = 0;
        yield.type = kVoidType;
        yield.ops = {target, yield.ops[0]};
      } else if (inst.op == Op::Return) {
        uint32_t at = inst.offset;
        rewritten.push_back(AddInst(g, Make(Op::TryPop, kVoidType, at, {}, slot)));
        InstId result = AddInst(g, Make(Op::LoadLocal, kUnknownType, at, {}, collection));
        rewritten.push_back(result);
        g.insts[id].ops = {result};
      }
      rewritten.push_back(id);
    }
    g.blocks[b].insts = std::move(rewritten);
  }

  InstId made = AddInst(g, Make(build, kUnknownType, offset));
  InstId store = AddInst(g, Make(Op::StoreLocal, kVoidType, offset, {made}, collection));
  Inst push = Make(Op::TryPush, kVoidType, offset, {}, slot);
  push.target[0] = body;
  push.target[1] = handler;
  g.blocks[0].insts = {made, store, AddInst(g, std::move(push))};

  InstId caught = AddInst(g, Make(Op::Caught, kUnknownType, offset, {}, slot));
  Inst reraise = Make(Op::Reraise, kVoidType, offset, {caught});
  reraise.sub = 1;
  g.blocks[handler].insts = {caught, AddInst(g, std::move(reraise))};

  for (BlockId b = 0; b < g.blocks.size(); ++b)
    for (InstId id : g.blocks[b].insts) g.insts[id].block = b;
  g.is_generator = false;
  g.collects = true;
}

}  // namespace taipan::ir
