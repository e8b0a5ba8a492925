// For-loop iterators (ir.h: FindForIterators), shared by type inference
// (the items of a for loop over a list) and the LLVM backend (lists and
// tuples iterated in place).
#include "ir/ir.h"

namespace taipan::ir {

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
