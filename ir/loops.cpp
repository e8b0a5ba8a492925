// Loops of the CFG (ir.h: FindLoops), shared by loop peeling and the LLVM
// backend's speculative loops; for-loop iterators (FindForIterators),
// shared by type inference (the items of a for loop over a list) and the
// backend (lists and tuples iterated in place).
#include "ir/ir.h"

namespace taipan::ir {

namespace {

BlockId Successor(const Function& function, BlockId block, int i) {
  const std::vector<InstId>& insts = function.blocks[block].insts;
  if (insts.empty()) return kNoId;
  BlockId target = function.insts[insts.back()].target[i];
  return target < function.blocks.size() ? target : kNoId;
}

std::vector<std::pair<BlockId, BlockId>> FindBackEdges(const Function& function) {
  std::vector<std::pair<BlockId, BlockId>> back_edges;
  size_t n = function.blocks.size();
  enum : uint8_t { kUnseen, kOnPath, kDone };
  std::vector<uint8_t> state(n, kUnseen);
  std::vector<std::pair<BlockId, int>> path;  // (block, next successor to visit)
  for (BlockId root = 0; root < n; ++root) {
    if (state[root] != kUnseen) continue;
    state[root] = kOnPath;
    path.push_back({root, 0});
    while (!path.empty()) {
      auto& [block, next] = path.back();
      if (next == 2) {
        state[block] = kDone;
        path.pop_back();
        continue;
      }
      BlockId target = Successor(function, block, next++);
      if (target == kNoId) continue;
      if (state[target] == kOnPath) back_edges.push_back({block, target});
      if (state[target] != kUnseen) continue;
      state[target] = kOnPath;
      path.push_back({target, 0});
    }
  }
  return back_edges;
}

}  // namespace

std::vector<std::vector<BlockId>> Predecessors(const Function& function) {
  std::vector<std::vector<BlockId>> predecessors(function.blocks.size());
  for (BlockId b = 0; b < function.blocks.size(); ++b)
    for (int i = 0; i < 2; ++i)
      if (BlockId target = Successor(function, b, i); target != kNoId) predecessors[target].push_back(b);
  return predecessors;
}

Loops FindLoops(const Function& function) {
  Loops result;
  size_t n = function.blocks.size();
  result.predecessors = Predecessors(function);
  result.back_edges = FindBackEdges(function);
  std::vector<bool> is_header(n, false);
  for (auto [latch, header] : result.back_edges) is_header[header] = true;
  for (BlockId header = 0; header < n; ++header) {
    if (!is_header[header]) continue;
    NaturalLoop loop{header, {header}};
    std::vector<bool> in_body(n, false);
    in_body[header] = true;
    std::vector<BlockId> work;
    for (auto [latch, target] : result.back_edges)
      if (target == header && !in_body[latch]) in_body[latch] = true, loop.blocks.push_back(latch), work.push_back(latch);
    while (!work.empty()) {
      BlockId b = work.back();
      work.pop_back();
      for (BlockId p : result.predecessors[b])
        if (!in_body[p]) in_body[p] = true, loop.blocks.push_back(p), work.push_back(p);
    }
    for (BlockId b : loop.blocks) {
      if (b == header) continue;
      loop.innermost &= !is_header[b];
      for (BlockId p : result.predecessors[b]) loop.single_entry &= in_body[p];
    }
    result.loops.push_back(std::move(loop));
  }
  return result;
}

// A local qualifies when every store puts a GetIter result used nowhere
// else into it and every load of it is the operand of a for.iter: then
// nothing but for.iter ever sees what it holds.
std::vector<InstId> FindForIterators(const Function& function) {
  size_t n_insts = function.insts.size();
  size_t n_locals = function.locals.size();
  std::vector<uint32_t> uses(n_insts, 0);
  std::vector<bool> bad(n_locals, false);
  std::vector<InstId> source(n_locals, kNoId);
  std::vector<std::pair<InstId, LocalId>> loads;  // (LoadLocal, local)
  for (const Block& block : function.blocks) {
    for (InstId id : block.insts) {
      const Inst& inst = function.insts[id];
      for (InstId operand : inst.ops)
        if (operand < n_insts) ++uses[operand];
      auto local = static_cast<LocalId>(inst.imm);
      if (local >= n_locals) continue;
      switch (inst.op) {
        case Op::StoreLocal:
          if (inst.ops.empty() || function.insts[inst.ops[0]].op != Op::GetIter) bad[local] = true;
          else if (source[local] != kNoId) bad[local] = true;  // a second loop reusing the local: keep it simple
          else source[local] = inst.ops[0];
          break;
        case Op::LoadLocal: loads.push_back({id, local}); break;
        case Op::DeleteLocal:
        case Op::ForIter:  // the item local
        case Op::LoadCell:
        case Op::StoreCell:
        case Op::DeleteCell:
        case Op::CellRef: bad[local] = true; break;
        default: break;
      }
    }
  }
  // A load's only use must be a for.iter (uses counts every operand use).
  std::vector<uint32_t> for_iter_uses(n_insts, 0);
  for (const Block& block : function.blocks) {
    for (InstId id : block.insts) {
      const Inst& inst = function.insts[id];
      if (inst.op == Op::ForIter && !inst.ops.empty() && inst.ops[0] < n_insts) ++for_iter_uses[inst.ops[0]];
    }
  }
  for (auto [load, local] : loads)
    if (uses[load] != for_iter_uses[load] || function.insts[load].sub == 1) bad[local] = true;
  std::vector<InstId> iterators(n_locals, kNoId);
  for (LocalId local = 0; local < n_locals; ++local) {
    const Local& info = function.locals[local];
    if (source[local] == kNoId || bad[local] || info.is_cell || info.slot != kNoId) continue;
    if (uses[source[local]] != 1) continue;
    iterators[local] = source[local];
  }
  return iterators;
}

}  // namespace taipan::ir
