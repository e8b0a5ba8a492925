// Self-recursive tail calls become jumps back to the function's start
// (ir.h: EliminateTailRecursion). Both
//
//     def gcd(a, b):                    def fib(n):
//         if b == 0:                        if n < 2:
//             return a                          return n
//         return gcd(b, a % b)              return fib(n - 1) + fib(n - 2)
//
// qualify: the second as an accumulator recursion, since Python's int + is
// associative: fib(n) = acc + fib(n - 1) + fib(n - 2) is computed as
// acc' = acc + fib(n - 1), then fib(n - 2)'s body with acc', and every
// return of v returns acc + v. Half of fib's calls go away, as they do
// when clang compiles the same C.
//
// Python raises RecursionError on unbounded recursion, where a loop would
// run forever, and tracebacks show every call: so each jump back counts
// the frame it stands for (tail.frames), which native code records for
// tracebacks (one entry per jump at the tail calls' line, runtime/vm.h
// NativeTailFrame) and checks against the stack limit as if the frames had
// been made. That is why the tail calls must all be on one line: those on
// other lines stay calls.
#include <algorithm>

#include "ir/ir.h"

namespace taipan::ir {

namespace {

// The accumulating operators: associative on ints, with an identity.
bool Accumulates(BinOp op) { return op == BinOp::Add || op == BinOp::Multiply; }
int64_t IdentityOf(BinOp op) { return op == BinOp::Multiply ? 1 : 0; }

// A block ending in `return self(args)`, or `return x OP self(args)` or
// `return self(args) OP x` with OP an accumulating operator on ints. In the
// last form x, which Python computes after the call, must be a constant or
// a local's load, which the call cannot change (the function has no
// cells); then OP commutes on ints, so acc OP x can come first.
struct TailSite {
  BlockId block = kNoId;
  InstId call = kNoId;
  InstId combine = kNoId;  // the OP, or kNoId for a plain tail call
  InstId other = kNoId;    // x
  BinOp op = BinOp::Add;
};

class TailRecursion {
 public:
  TailRecursion(Function& f, FuncRef self, const SourceBuffer& source, const TypeTable& types)
      : f_(f), self_(self), source_(source), types_(types) {}

  void Run() {
    if (!Eligible()) return;
    std::vector<TailSite> sites;
    bool accumulates = false;
    for (BlockId b = 0; b < f_.blocks.size(); ++b) {
      TailSite site;
      if (!FindTailSite(b, &site)) continue;
      uint32_t offset = f_.insts[site.call].offset;
      if (sites.empty()) f_.tail_call_offset = offset;
      else if (LineOf(offset) != LineOf(f_.tail_call_offset)) continue;
      if (site.other != kNoId) {
        if (accumulates && site.op != op_) continue;  // one operator for the accumulator
        accumulates = true;
        op_ = site.op;
      }
      sites.push_back(site);
    }
    if (sites.empty() || (accumulates && !ReturnsOnlyInts())) {
      f_.tail_call_offset = kNoId;
      return;
    }
    // A function the rewrite left malformed (a bug) keeps its IR from before.
    Function before = f_;
    before.tail_call_offset = kNoId;
    Rewrite(sites, accumulates);
    if (!Verify(f_, types_).empty()) f_ = std::move(before);
  }

 private:
  // Locals that a jump back can reuse as a fresh call's: parameters filled
  // by the call's arguments, other locals never read before this call
  // stored them (no load that may find one unbound).
  bool Eligible() const {
    if (!f_.native || f_.is_generator || f_.collects || f_.n_try_slots != 0 || !f_.has_direct_entry ||
        f_.blocks.empty())
      return false;
    uint32_t params = 0;
    for (const Local& local : f_.locals) {
      if (local.is_cell || local.may_be_unbound || local.kind == LocalKind::Free || local.kind == LocalKind::Cell)
        return false;
      if (local.kind == LocalKind::Param) ++params;
    }
    if (params != f_.n_slots) return false;
    for (const Inst& inst : f_.insts) {
      if ((inst.op == Op::LoadLocal && inst.sub != 0) || inst.op == Op::DeleteLocal) return false;
    }
    return true;
  }

  bool IsSelfCall(const Inst& inst) const {
    if (inst.op != Op::CallDirect || inst.callee != self_ || inst.sub != 0 || inst.ops.size() != f_.n_slots)
      return false;
    for (const Local& local : f_.locals)
      if (local.kind == LocalKind::Param && f_.insts[inst.ops[local.slot]].type != local.type) return false;
    return true;
  }

  bool FindTailSite(BlockId b, TailSite* site) const {
    const std::vector<InstId>& insts = f_.blocks[b].insts;
    if (insts.size() < 2 || !EndsInReturn(b)) return false;
    InstId returned = f_.insts[insts.back()].ops[0];
    size_t at = insts.size() - 2;
    if (insts[at] != returned) return false;
    if (IsSelfCall(f_.insts[returned])) {
      *site = {b, returned, kNoId, kNoId, BinOp::Add};
      return true;
    }
    const Inst& combine = f_.insts[returned];
    if (at == 0 || combine.op != Op::Binary || combine.type != kIntType) return false;
    auto op = static_cast<BinOp>(combine.sub);
    InstId lhs = combine.ops[0], rhs = combine.ops[1];
    if (!Accumulates(op) || f_.insts[lhs].type != kIntType || f_.insts[rhs].type != kIntType) return false;
    if (insts[at - 1] == rhs && IsSelfCall(f_.insts[rhs])) {  // x OP self(args)
      *site = {b, rhs, returned, lhs, op};
      return true;
    }
    // self(args) OP x: Python computes x after the call; a constant or a
    // load may be computed first.
    const Inst& x = f_.insts[rhs];
    bool pure = x.op == Op::ConstInt || (x.op == Op::LoadLocal && x.sub == 0);
    if (at >= 2 && insts[at - 1] == rhs && pure && insts[at - 2] == lhs && IsSelfCall(f_.insts[lhs])) {
      *site = {b, lhs, returned, rhs, op};
      return true;
    }
    return false;
  }

  // Every return's value is an exact int, so acc + v is v when acc is the
  // operator's identity.
  bool ReturnsOnlyInts() const {
    if (f_.return_type != kIntType) return false;
    for (BlockId b = 0; b < f_.blocks.size(); ++b)
      if (EndsInReturn(b) && f_.insts[f_.insts[f_.blocks[b].insts.back()].ops[0]].type != kIntType) return false;
    return true;
  }

  void Rewrite(const std::vector<TailSite>& sites, bool accumulates) {
    offset_ = f_.offset;
    if (accumulates) acc_ = NewTemp("<accumulator>", kIntType);
    // The old entry becomes the loop's head; the new entry starts the
    // accumulator.
    BlockId head = MoveEntry();
    if (accumulates) Store(acc_, Const(IdentityOf(op_)));
    Jump(head);
    std::vector<bool> is_site(f_.blocks.size(), false);
    for (const TailSite& site : sites) {
      BlockId b = site.block == 0 ? head : site.block;
      is_site[b] = true;
      RewriteSite(b, site, head);
    }
    if (!accumulates) return;
    for (BlockId b = 0; b < is_site.size(); ++b) {
      if (!is_site[b] && EndsInReturn(b)) AccumulateReturn(b);
    }
  }

  // Blocks keep their ids except the entry's: its instructions move to a
  // new block, which every jump to the entry now targets.
  BlockId MoveEntry() {
    auto head = static_cast<BlockId>(f_.blocks.size());
    f_.blocks.push_back(std::move(f_.blocks[0]));
    f_.blocks[0].insts.clear();
    for (InstId id : f_.blocks[head].insts) f_.insts[id].block = head;
    for (Inst& inst : f_.insts) {
      for (BlockId& target : inst.target)
        if (target == 0) target = head;
    }
    block_ = 0;
    return head;
  }

  // `return [x OP] self(args) [OP x]` becomes: acc = acc OP x, the
  // arguments into the parameters, one more frame, and back to the head.
  // The site's own instructions are reused (the call as tail.frames, the
  // return as the jump), so that none is left outside the blocks.
  void RewriteSite(BlockId b, const TailSite& site, BlockId head) {
    std::vector<InstId>& insts = f_.blocks[b].insts;
    InstId ret = insts.back();
    insts.pop_back();
    for (InstId gone : {site.call, site.combine}) insts.erase(std::remove(insts.begin(), insts.end(), gone), insts.end());
    std::vector<InstId> args = f_.insts[site.call].ops;
    block_ = b;
    offset_ = f_.insts[site.call].offset;
    if (site.other != kNoId) Store(acc_, Reuse(site.combine, Op::Binary, kIntType, {Load(acc_), site.other}));
    for (LocalId p : Params()) Store(p, args[f_.locals[p].slot]);
    Reuse(site.call, Op::TailFrames, kVoidType, {});
    f_.insts[Reuse(ret, Op::Jump, kVoidType, {})].target[0] = head;
  }

  // `return v` becomes `return acc OP v`.
  void AccumulateReturn(BlockId b) {
    InstId ret = f_.blocks[b].insts.back();
    f_.blocks[b].insts.pop_back();
    block_ = b;
    offset_ = f_.insts[ret].offset;
    InstId value = Combine(op_, Load(acc_), f_.insts[ret].ops[0]);
    Reuse(ret, Op::Return, kVoidType, {value});
  }

  bool EndsInReturn(BlockId b) const {
    const std::vector<InstId>& insts = f_.blocks[b].insts;
    return !insts.empty() && f_.insts[insts.back()].op == Op::Return;
  }

  std::vector<LocalId> Params() const {
    std::vector<LocalId> params;
    for (LocalId l = 0; l < f_.locals.size(); ++l)
      if (f_.locals[l].kind == LocalKind::Param) params.push_back(l);
    return params;
  }

  uint32_t LineOf(uint32_t offset) const { return source_.Locate(offset).line; }

  // ---- building ----

  LocalId NewTemp(const char* name, TypeId type) {
    Local local;
    local.name = name;
    local.kind = LocalKind::Temp;
    local.type = type;
    f_.locals.push_back(local);
    return static_cast<LocalId>(f_.locals.size() - 1);
  }

  InstId Emit(Op op, TypeId type, std::vector<InstId> ops) {
    Inst inst;
    inst.op = op;
    inst.type = type;
    inst.block = block_;
    inst.offset = offset_;
    inst.ops = std::move(ops);
    f_.insts.push_back(std::move(inst));
    auto id = static_cast<InstId>(f_.insts.size() - 1);
    f_.blocks[block_].insts.push_back(id);
    return id;
  }

  // Makes an existing instruction (no longer in any block) a new one at
  // the end of the current block, keeping its offset and, for a Binary,
  // its operator.
  InstId Reuse(InstId id, Op op, TypeId type, std::vector<InstId> ops) {
    Inst& inst = f_.insts[id];
    inst.op = op;
    inst.type = type;
    inst.ops = std::move(ops);
    inst.block = block_;
    inst.callee = {};
    f_.blocks[block_].insts.push_back(id);
    return id;
  }

  InstId Const(int64_t value) {
    InstId id = Emit(Op::ConstInt, kIntType, {});
    f_.insts[id].imm = value;
    return id;
  }

  InstId Load(LocalId local) {
    InstId id = Emit(Op::LoadLocal, f_.locals[local].type, {});
    f_.insts[id].imm = local;
    return id;
  }

  void Store(LocalId local, InstId value) {
    InstId id = Emit(Op::StoreLocal, kVoidType, {value});
    f_.insts[id].imm = local;
  }

  InstId Combine(BinOp op, InstId lhs, InstId rhs) {
    InstId id = Emit(Op::Binary, kIntType, {lhs, rhs});
    f_.insts[id].sub = static_cast<uint8_t>(op);
    return id;
  }

  void Jump(BlockId target) { f_.insts[Emit(Op::Jump, kVoidType, {})].target[0] = target; }

  Function& f_;
  FuncRef self_;
  const SourceBuffer& source_;
  const TypeTable& types_;
  BinOp op_ = BinOp::Add;
  LocalId acc_ = kNoId;
  BlockId block_ = 0;
  uint32_t offset_ = 0;
};

}  // namespace

void EliminateTailRecursion(Function& function, FuncRef self, const SourceBuffer& source, const TypeTable& types) {
  TailRecursion(function, self, source, types).Run();
}

}  // namespace taipan::ir
