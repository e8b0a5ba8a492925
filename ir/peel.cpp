// Peeling a loop's first iteration so that a local that starts as a
// constant of one type and settles on another inside the loop gets two
// types instead of their join (ir.h: PeelLoops). Inference gives a local
// the join of all its stores: in
//
//     z = 0
//     for i in range(32):
//         z = z * z + c        # c a complex
//
// z is int | complex = object, and every operation on it is dynamic. The
// peeled copy of the first iteration takes z = 0 in; the loop proper is
// then reached only with what the copy stored, so once the local is split
// into its webs (stores and loads that reach each other), the loop's z is
// a local of its own that only ever holds complex numbers.
#include <algorithm>
#include <numeric>

#include "ir/ir.h"

namespace taipan::ir {

namespace {

// Loops bigger than this are not worth doubling.
constexpr size_t kMaxPeeledInsts = 80;

// An int constant: what a local set to a number before a loop starts as,
// that the loop's arithmetic may turn into a float or complex.
bool IsIntConstant(Op op) { return op == Op::ConstInt || op == Op::ConstBool; }

// Whether `value` surely keeps an int local an int: int
// constants, loads of the local itself and of temps (range counters),
// combined by + - * // % << >> & | ^.
bool StaysInt(const Function& f, InstId value, LocalId local) {
  const Inst& inst = f.insts[value];
  switch (inst.op) {
    case Op::ConstInt:
    case Op::ConstBool: return true;
    case Op::LoadLocal:
      return inst.imm == local || f.locals[inst.imm].kind == LocalKind::Temp;
    case Op::Binary: {
      BinOp op = NonInplace(static_cast<BinOp>(inst.sub));
      bool int_op = op == BinOp::Add || op == BinOp::Subtract || op == BinOp::Multiply || op == BinOp::FloorDivide ||
                    op == BinOp::Modulo || op == BinOp::Lshift || op == BinOp::Rshift || op == BinOp::And ||
                    op == BinOp::Or || op == BinOp::Xor;
      return int_op && StaysInt(f, inst.ops[0], local) && StaysInt(f, inst.ops[1], local);
    }
    default: return false;
  }
}

// The instructions a peeled loop may hold: nothing keyed by instruction or
// block elsewhere (try regions, generators, children), nothing that names
// a local other than by load and store.
bool MayClone(Op op) {
  switch (op) {
    case Op::ConstInt:
    case Op::ConstFloat:
    case Op::ConstBool:
    case Op::ConstNone:
    case Op::ConstQstr:
    case Op::ConstObj:
    case Op::LoadLocal:
    case Op::StoreLocal:
    case Op::LoadGlobal:
    case Op::LoadAttr:
    case Op::StoreAttr:
    case Op::Call:
    case Op::CallMethod:
    case Op::Binary:
    case Op::Unary:
    case Op::Is:
    case Op::Truth:
    case Op::Not:
    case Op::ToIndex:
    case Op::Subscr:
    case Op::StoreSubscr:
    case Op::BuildTuple:
    case Op::Jump:
    case Op::Branch:
    case Op::Return: return true;
    default: return false;
  }
}

// ---- webs ----

// Splits every plain local (only loaded and stored, never read unbound)
// into its webs: the stores and loads that reach one another. Each web but
// the first becomes a new local of the same name. Not in functions with
// try regions, whose handlers are reached from inside the region in ways
// the CFG does not show.
class WebSplitter {
 public:
  explicit WebSplitter(Function& f) : f_(f), predecessors_(Predecessors(f)) {}

  void SplitAll() {
    size_t n_locals = f_.locals.size();
    for (LocalId local = 0; local < n_locals; ++local)
      if (IsPlain(local)) Split(local);
  }

 private:
  bool IsPlain(LocalId local) const {
    const Local& l = f_.locals[local];
    if (l.kind == LocalKind::Param || l.is_cell || l.may_be_unbound) return false;
    for (const Block& block : f_.blocks) {
      for (InstId id : block.insts) {
        const Inst& inst = f_.insts[id];
        if (inst.op == Op::LoadLocal || inst.op == Op::StoreLocal) {
          if (inst.imm == local && inst.op == Op::LoadLocal && inst.sub != 0) return false;
        } else if (inst.imm == local && ReferencesLocal(inst.op)) {
          return false;
        }
      }
    }
    return true;
  }

  static bool ReferencesLocal(Op op) {
    switch (op) {
      case Op::DeleteLocal:
      case Op::LoadCell:
      case Op::StoreCell:
      case Op::DeleteCell:
      case Op::CellRef:
      case Op::ForIter: return true;
      default: return false;
    }
  }

  // Reaching stores: per block, the stores (numbered in block order) that
  // may hold the local's value on entry, and a last bit for "not stored
  // yet". A load takes the web of the store before it in its block, or
  // the union of the stores reaching its block.
  void Split(LocalId local) {
    std::vector<InstId> stores;
    std::vector<int32_t> last_store(f_.blocks.size(), -1);
    for (BlockId b = 0; b < f_.blocks.size(); ++b) {
      for (InstId id : f_.blocks[b].insts) {
        const Inst& inst = f_.insts[id];
        if (inst.op == Op::StoreLocal && inst.imm == local) {
          last_store[b] = static_cast<int32_t>(stores.size());
          stores.push_back(id);
        }
      }
    }
    if (stores.size() < 2) return;
    size_t unbound = stores.size();
    std::vector<std::vector<bool>> in(f_.blocks.size(), std::vector<bool>(stores.size() + 1, false));
    in[0][unbound] = true;
    for (bool changed = true; changed;) {
      changed = false;
      for (BlockId b = 0; b < f_.blocks.size(); ++b) {
        for (BlockId p : predecessors_[b]) {
          for (size_t bit = 0; bit <= unbound; ++bit) {
            bool out = last_store[p] >= 0 ? bit == static_cast<size_t>(last_store[p]) : in[p][bit];
            if (out && !in[b][bit]) in[b][bit] = changed = true;
          }
        }
      }
    }
    std::vector<size_t> web(stores.size());
    std::iota(web.begin(), web.end(), 0);
    auto find = [&](size_t x) {
      while (web[x] != x) x = web[x] = web[web[x]];
      return x;
    };
    std::vector<std::pair<InstId, size_t>> uses;  // (load or store, a store of its web)
    size_t next_store = 0;
    for (BlockId b = 0; b < f_.blocks.size(); ++b) {
      int32_t current = -1;  // the store earlier in this block
      for (InstId id : f_.blocks[b].insts) {
        const Inst& inst = f_.insts[id];
        if (inst.imm != local || (inst.op != Op::StoreLocal && inst.op != Op::LoadLocal)) continue;
        if (inst.op == Op::StoreLocal) current = static_cast<int32_t>(next_store++);
        if (current >= 0) {
          uses.push_back({id, static_cast<size_t>(current)});
          continue;
        }
        if (in[b][unbound]) return;  // may be read before any store: leave it alone
        int32_t first = -1;
        for (size_t s = 0; s < stores.size(); ++s) {
          if (!in[b][s]) continue;
          if (first < 0) first = static_cast<int32_t>(s);
          else web[find(s)] = find(first);
        }
        if (first < 0) return;  // an unreachable block
        uses.push_back({id, static_cast<size_t>(first)});
      }
    }
    // The first store's web keeps the local; each other web gets a copy.
    std::vector<LocalId> web_local(stores.size(), kNoId);
    web_local[find(0)] = local;
    for (auto [id, store] : uses) {
      LocalId& l = web_local[find(store)];
      if (l == kNoId) {
        l = static_cast<LocalId>(f_.locals.size());
        Local copy = f_.locals[local];
        copy.type = kUnknownType;
        f_.locals.push_back(copy);
      }
      f_.insts[id].imm = l;
    }
  }

  Function& f_;
  std::vector<std::vector<BlockId>> predecessors_;
};

// ---- peeling ----

bool InLoop(const NaturalLoop& loop, BlockId b) {
  return std::find(loop.blocks.begin(), loop.blocks.end(), b) != loop.blocks.end();
}

// Locals (not temps) the loop reads and stores that an int constant
// stored before it may reach, and that the loop may store something else
// into: those whose type peeling may settle.
std::vector<LocalId> PeelCandidates(const Function& f, const NaturalLoop& loop) {
  std::vector<LocalId> candidates;
  for (LocalId local = 0; local < f.locals.size(); ++local) {
    if (f.locals[local].kind == LocalKind::Temp) continue;
    bool loaded_inside = false, stored_inside = false, constant_outside = false;
    for (BlockId b = 0; b < f.blocks.size(); ++b) {
      bool inside = InLoop(loop, b);
      for (InstId id : f.blocks[b].insts) {
        const Inst& inst = f.insts[id];
        if (inst.imm != local) continue;
        if (inst.op == Op::LoadLocal) loaded_inside |= inside;
        if (inst.op == Op::StoreLocal) {
          stored_inside |= inside && !StaysInt(f, inst.ops[0], local);
          constant_outside |= !inside && IsIntConstant(f.insts[inst.ops[0]].op);
        }
      }
    }
    if (loaded_inside && stored_inside && constant_outside) candidates.push_back(local);
  }
  return candidates;
}

bool MayPeel(const Function& f, const NaturalLoop& loop) {
  if (!loop.innermost || !loop.single_entry) return false;
  if (loop.header == 0) return false;  // the entry block stays the entry
  size_t n = 0;
  for (BlockId b : loop.blocks) {
    for (InstId id : f.blocks[b].insts) {
      if (!MayClone(f.insts[id].op)) return false;
      ++n;
    }
  }
  return n <= kMaxPeeledInsts;
}

// Puts a copy of the loop's blocks in front of it: entries into the header
// go to the copy's header, the copy's back edges to the loop's header.
void Peel(Function& f, const NaturalLoop& loop) {
  size_t n_blocks = f.blocks.size();
  std::vector<BlockId> clone_of(n_blocks, kNoId);
  for (BlockId b : loop.blocks) {
    clone_of[b] = static_cast<BlockId>(f.blocks.size());
    f.blocks.emplace_back();
  }
  for (BlockId b : loop.blocks) {
    std::vector<InstId> ids(f.insts.size(), kNoId);
    std::vector<InstId> originals = f.blocks[b].insts;
    for (InstId id : originals) {
      Inst copy = f.insts[id];
      copy.block = clone_of[b];
      for (InstId& op : copy.ops) op = ids[op];
      for (BlockId& t : copy.target)
        if (t != kNoId && t != loop.header && InLoop(loop, t)) t = clone_of[t];
      ids[id] = static_cast<InstId>(f.insts.size());
      f.blocks[clone_of[b]].insts.push_back(ids[id]);
      f.insts.push_back(std::move(copy));
    }
  }
  for (BlockId b = 0; b < n_blocks; ++b) {
    if (InLoop(loop, b)) continue;
    for (BlockId& t : f.insts[f.blocks[b].insts.back()].target)
      if (t == loop.header) t = clone_of[loop.header];
  }
}

// The local a constant stored before the loop ends up in, and the one the
// loop's stores end up in, after `split` (a copy of `before`, its locals
// split into webs, maybe peeled first).
std::pair<LocalId, LocalId> ConstantAndLoopLocals(const Function& before, const Function& split, const NaturalLoop& loop,
                                                  LocalId local) {
  LocalId outside = kNoId, inside = kNoId;
  for (BlockId b = 0; b < before.blocks.size(); ++b) {
    for (InstId id : before.blocks[b].insts) {
      const Inst& inst = before.insts[id];
      if (inst.op != Op::StoreLocal || inst.imm != local) continue;
      LocalId now = static_cast<LocalId>(split.insts[id].imm);
      if (InLoop(loop, b)) inside = now;
      else if (IsIntConstant(before.insts[inst.ops[0]].op)) outside = now;
    }
  }
  return {outside, inside};
}

// Whether peeling gave the loop a local of its own where, without it, a
// constant stored before the loop meets the loop's stores.
bool Settled(const Function& before, const Function& peeled, const NaturalLoop& loop) {
  Function unpeeled = before;
  WebSplitter(unpeeled).SplitAll();
  for (LocalId local : PeelCandidates(before, loop)) {
    auto [outside, inside] = ConstantAndLoopLocals(before, peeled, loop, local);
    auto [outside_unpeeled, inside_unpeeled] = ConstantAndLoopLocals(before, unpeeled, loop, local);
    if (outside != inside && outside_unpeeled == inside_unpeeled) return true;
  }
  return false;
}

}  // namespace

void PeelLoops(Function& f) {
  if (!f.native || f.n_try_slots != 0 || f.blocks.empty()) return;
  for (const NaturalLoop& loop : FindLoops(f).loops) {
    if (!MayPeel(f, loop) || PeelCandidates(f, loop).empty()) continue;
    Function before = f;
    Peel(f, loop);
    WebSplitter(f).SplitAll();
    if (!Settled(before, f, loop)) f = std::move(before);
  }
  WebSplitter(f).SplitAll();
}

}  // namespace taipan::ir
