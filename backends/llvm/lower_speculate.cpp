// Speculative blocks. An IR block whose int operations feed each other is
// lowered twice. The speculative copy, the one its predecessors enter,
// follows only the fast path of every int operation: a slow path (overflow,
// a big int, an operand that is not a small int) computes the operation's
// result generically and leaves for the generic copy, which goes on right
// after that operation. On the speculative copy every int result is thus a
// small int, and LLVM drops the tag checks of the operations using it; a
// chain like `(i + j) * (i + j + 1) // 2 + i` checks its operands' tags once
// instead of at every step.
//
// The generic copy is the block as it would be lowered without speculation,
// cut into pieces at each point the speculative copy may resume at. Values
// of the block that live across such a point pass through stack slots
// (mem2reg turns them into phis), so both copies can reach the rest of the
// block. The prefix of the generic copy before its first resume point is
// unreachable and deleted by LLVM.
//
// Speculative loops extend this to an innermost loop: every block of the
// loop gets both copies, the speculative ones branch among themselves, and
// the loop's entry (also where the generic copy's back edges go) picks the
// speculative copy when the int locals live at the header are small ints.
// The speculative copy also checks each int it stores into a local, so that
// all of its int locals are small ints, loop-carried ones included (LLVM
// cannot see that through the loop's phis by itself).
#include <algorithm>
#include <map>
#include <optional>
#include <unordered_set>

#include <llvm/IR/CFG.h>

#include "backends/llvm/lower.h"

namespace taipan::llvmbe {

using ir::Op;
using ir::TypeKind;

namespace {

constexpr size_t kMaxSpeculativeInsts = 64;  // the block is emitted twice

// Instructions a speculative block may hold: each may be lowered twice
// (they keep no per-instruction state in the lowering beyond caches that a
// second copy only duplicates). Terminators with successors of their own
// state (for.iter, try.push) and generator suspensions stay out.
bool MayLowerTwice(Op op) {
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
    case Op::CallDirect:
    case Op::CallBuiltin:
    case Op::Binary:
    case Op::Unary:
    case Op::Is:
    case Op::Truth:
    case Op::Not:
    case Op::ToIndex:
    case Op::Sqrt:
    case Op::MathCall:
    case Op::Abs:
    case Op::MakeComplex:
    case Op::Len:
    case Op::NewInstance:
    case Op::BuildTuple:
    case Op::BuildList:
    case Op::Subscr:
    case Op::StoreSubscr:
    case Op::TupleItem:
    case Op::Jump:
    case Op::Branch:
    case Op::Return:
      return true;
    default:
      return false;
  }
}

bool IsIntLike(TypeKind kind) { return kind == TypeKind::Int || kind == TypeKind::Bool; }

}  // namespace

bool FunctionLowering::IsIntOperation(const ir::Inst& inst) const {
  if (inst.op != Op::Binary || inst.ops.size() != 2) return false;
  TypeKind left = Kind(function_.insts[inst.ops[0]].type);
  TypeKind right = Kind(function_.insts[inst.ops[1]].type);
  return IsIntLike(left) && IsIntLike(right) && (left == TypeKind::Int || right == TypeKind::Int);
}

void FunctionLowering::FindUsesInOtherBlocks() {
  if (!used_in_other_blocks_.empty()) return;
  used_in_other_blocks_.assign(function_.insts.size(), false);
  std::vector<ir::BlockId> block_of(function_.insts.size(), ir::kNoId);
  for (ir::BlockId b = 0; b < function_.blocks.size(); ++b)
    for (ir::InstId inst : function_.blocks[b].insts) block_of[inst] = b;
  for (ir::BlockId b = 0; b < function_.blocks.size(); ++b)
    for (ir::InstId inst : function_.blocks[b].insts)
      for (ir::InstId operand : function_.insts[inst].ops)
        if (operand < block_of.size() && block_of[operand] != b) used_in_other_blocks_[operand] = true;
}

// Worth it when an int operation's result is an operand of another one in
// the same block: only then does the speculative copy save checks.
bool FunctionLowering::WorthSpeculating(ir::BlockId id) {
  if (module_.optimize_size() || module_.opt_level() == 0) return false;  // twice the code
  const ir::Block& block = function_.blocks[id];
  if (block.insts.size() > kMaxSpeculativeInsts) return false;
  FindUsesInOtherBlocks();
  bool chained = false;
  for (ir::InstId id_in_block : block.insts) {
    const ir::Inst& inst = function_.insts[id_in_block];
    if (!MayLowerTwice(inst.op) || used_in_other_blocks_[id_in_block]) return false;
    if (!IsIntOperation(inst)) continue;
    for (ir::InstId operand : inst.ops) chained |= IsIntOperation(function_.insts[operand]);
  }
  return chained;
}

// Stores the values defined at positions <= `position` and used after it
// into their slots; `current` is the value of the instruction at `position`.
void FunctionLowering::StoreLiveValues(size_t position, llvm::Value* current) {
  Speculation& s = *speculation_;
  for (size_t q = 0; q <= position; ++q) {
    if (s.last_use[q] <= position) continue;
    ir::InstId id = s.insts[q];
    llvm::Value* value = q == position ? current : values_[id];
    if (!value) continue;
    llvm::AllocaInst*& slot = s.slots[q];
    if (!slot) {
      llvm::IRBuilder<> allocas(prologue_, prologue_->begin());
      slot = allocas.CreateAlloca(value->getType(), nullptr, "spec.value");
    }
    if (slot->getAllocatedType() != value->getType()) {
      Fail("speculative block: instruction " + std::to_string(id) + " has two representations");
      return;
    }
    b_.CreateStore(value, slot);
  }
}

void FunctionLowering::LowerGenericCopy(llvm::BasicBlock* start) {
  Speculation& s = *speculation_;
  b_.SetInsertPoint(start);
  // In a loop, the speculative copy may also leave right before the
  // terminator (for a pending callback, or an iterator that is not a list).
  size_t n = s.insts.size();
  bool resume_before_terminator = InSpeculativeLoop() && n >= 2;
  for (size_t position = 0; position < n && error_.empty(); ++position) {
    resume_point_needed_ = false;
    LowerInst(s.insts[position]);
    if (resume_before_terminator && position + 2 == n) resume_point_needed_ = true;
    if (!resume_point_needed_ || position + 1 == n) continue;
    StoreLiveValues(position, values_[s.insts[position]]);
    llvm::BasicBlock* resume = NewBlock("resume");
    b_.CreateBr(resume);
    b_.SetInsertPoint(resume);
    s.resume[position] = resume;
    boxed_.clear();
    as_float_.clear();
    for (size_t q = 0; q <= position; ++q) {
      if (s.last_use[q] > position && s.slots[q])
        values_[s.insts[q]] = b_.CreateLoad(s.slots[q]->getAllocatedType(), s.slots[q], "spec.reload");
    }
  }
}

void FunctionLowering::LowerSpeculatively(ir::BlockId id, llvm::BasicBlock* generic_start,
                                          llvm::BasicBlock* speculative_start) {
  const ir::Block& block = function_.blocks[id];
  Speculation s;
  s.insts = block.insts;
  size_t n = s.insts.size();
  s.last_use.assign(n, 0);
  s.slots.assign(n, nullptr);
  s.resume.assign(n, nullptr);
  std::unordered_map<ir::InstId, size_t> position_of;
  for (size_t i = 0; i < n; ++i) position_of[s.insts[i]] = i;
  for (size_t i = 0; i < n; ++i)
    for (ir::InstId operand : function_.insts[s.insts[i]].ops)
      if (auto it = position_of.find(operand); it != position_of.end()) s.last_use[it->second] = i;
  PlanRangeChecks(s);
  speculation_ = &s;
  LowerGenericCopy(generic_start);
  b_.SetInsertPoint(speculative_start);
  boxed_.clear();
  as_float_.clear();
  speculating_ = true;
  for (size_t position = 0; position < n && error_.empty(); ++position) {
    speculative_position_ = position;
    LowerInst(s.insts[position]);
  }
  speculating_ = false;
  speculation_ = nullptr;
}

// ---- range checks ----
//
// Overflow checks cost more than the arithmetic of index expressions like
// `(i + j) * (i + j + 1) // 2 + i + 1` (spectral_norm: a third of the
// time). So the speculative copy may also check the ints it loads for a
// small magnitude (under 2**30 with 64-bit words, 2**14 with 32-bit ones),
// leaving for the generic copy otherwise; interval arithmetic then shows
// which operations on them cannot leave the small-int range, and those go
// without their overflow checks. Planned per block, and only where the
// operations freed outnumber the locals checked.

namespace {

struct Interval {
  __int128 lo, hi;  // inclusive
};

// The interval of `op` on operands in `a` and `b`, when this knows it.
std::optional<Interval> Apply(BinOp op, Interval a, Interval b) {
  switch (op) {
    case BinOp::Add: return Interval{a.lo + b.lo, a.hi + b.hi};
    case BinOp::Subtract: return Interval{a.lo - b.hi, a.hi - b.lo};
    case BinOp::Multiply: {
      __int128 corners[] = {a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi};
      return Interval{*std::min_element(std::begin(corners), std::end(corners)),
                      *std::max_element(std::begin(corners), std::end(corners))};
    }
    case BinOp::FloorDivide:
    case BinOp::Modulo: {
      if (b.lo != b.hi || b.lo <= 0) return std::nullopt;  // by a positive constant only
      __int128 c = b.lo;
      auto floor_div = [c](__int128 x) { return x >= 0 ? x / c : -((-x + c - 1) / c); };
      if (op == BinOp::Modulo) return Interval{0, c - 1};
      return Interval{floor_div(a.lo), floor_div(a.hi)};
    }
    default: return std::nullopt;
  }
}

}  // namespace

void FunctionLowering::PlanRangeChecks(Speculation& s) const {
  if (t_.word_bytes != 8 && t_.word_bytes != 4) return;
  const unsigned bits = t_.word->getBitWidth();
  const __int128 small = __int128{1} << (bits - 2);             // small ints: [-small, small)
  const __int128 bound = __int128{1} << (bits / 2 - 2);         // checked loads: [-bound, bound)
  std::unordered_map<ir::InstId, Interval> known;
  std::unordered_map<int64_t, ir::InstId> stored;    // local -> the known int this block stored there last
  std::unordered_map<ir::InstId, ir::InstId> reads;  // a load of such a local -> that int
  std::vector<ir::InstId> loads;
  for (ir::InstId id : s.insts) {
    const ir::Inst& inst = function_.insts[id];
    if (inst.op == Op::ConstInt && Kind(inst.type) == TypeKind::Int) {
      known[id] = Interval{inst.imm, inst.imm};
    } else if (inst.op == Op::StoreLocal || inst.op == Op::DeleteLocal) {
      if (inst.op == Op::StoreLocal && known.count(inst.ops[0])) stored[inst.imm] = inst.ops[0];
      else stored.erase(inst.imm);
    } else if (inst.op == Op::LoadLocal && inst.sub == 0 && Kind(inst.type) == TypeKind::Int &&
               IsCheckedIntLocal(static_cast<ir::LocalId>(inst.imm))) {
      if (auto value = stored.find(inst.imm); value != stored.end()) {
        known[id] = known[value->second];  // what this block stored there
        reads[id] = value->second;
      } else {
        known[id] = Interval{-bound, bound - 1};
        loads.push_back(id);
      }
    } else if (IsIntOperation(inst) && Kind(function_.insts[inst.ops[0]].type) == TypeKind::Int &&
               Kind(function_.insts[inst.ops[1]].type) == TypeKind::Int) {
      auto a = known.find(inst.ops[0]), b = known.find(inst.ops[1]);
      if (a == known.end() || b == known.end()) continue;
      std::optional<Interval> r = Apply(NonInplace(static_cast<BinOp>(inst.sub)), a->second, b->second);
      if (!r || r->lo < -small || r->hi >= small) continue;
      known[id] = *r;
      s.cannot_overflow.insert(id);
    }
  }
  // The loads whose bound some freed operation relies on (through the
  // locals the block stored too), and their locals.
  std::unordered_set<ir::InstId> relied_on;
  for (auto it = s.insts.rbegin(); it != s.insts.rend(); ++it) {
    if (!s.cannot_overflow.count(*it) && !relied_on.count(*it)) continue;
    if (auto read = reads.find(*it); read != reads.end()) relied_on.insert(read->second);
    for (ir::InstId operand : function_.insts[*it].ops) relied_on.insert(operand);
  }
  std::unordered_set<int64_t> locals;
  for (ir::InstId load : loads) {
    if (!relied_on.count(load)) continue;
    s.range_checked.insert(load);
    locals.insert(function_.insts[load].imm);
  }
  if (s.cannot_overflow.size() <= locals.size()) {
    s.cannot_overflow.clear();
    s.range_checked.clear();
  }
}

bool FunctionLowering::IsRangeCheckedLoad(ir::InstId id) const {
  return speculation_ != nullptr && speculation_->range_checked.count(id) != 0;
}

// A planned check of a loaded int: the speculative copy goes on with a
// small int under the bound, and leaves for the generic copy (which
// resumes after the load) otherwise.
void FunctionLowering::CheckLoadedIntRange(llvm::Value* value, ir::TypeId type) {
  resume_point_needed_ = true;
  if (!speculating_) return;
  const int64_t tagged_bound = int64_t{2} << (t_.word->getBitWidth() / 2 - 2);  // 2 * bound
  llvm::Value* in_range = b_.CreateICmpULT(b_.CreateAdd(value, Word(tagged_bound)), Word(2 * tagged_bound));
  llvm::BasicBlock* small = NewBlock("spec.bounded");
  llvm::BasicBlock* other = NewBlock("spec.unbounded");
  BranchLikely(b_.CreateAnd(IsSmallInt(value), in_range), small, other);
  b_.SetInsertPoint(other);
  if (!LeaveSpeculation(value, type)) Fail("speculative block: no resume point after a range-checked load");
  b_.SetInsertPoint(small);
}

bool FunctionLowering::LeaveSpeculation(llvm::Value* slow_result, ir::TypeId result_type) {
  resume_point_needed_ = true;
  if (!speculating_) return false;
  llvm::BasicBlock* resume = speculation_->resume[speculative_position_];
  if (!resume) return false;
  const ir::Inst& inst = function_.insts[speculation_->insts[speculative_position_]];
  StoreLiveValues(speculative_position_, slow_result ? Coerce(slow_result, result_type, inst.type) : nullptr);
  b_.CreateBr(resume);
  return true;
}

// ---- speculative loops ----

namespace {
constexpr size_t kMaxSpeculativeLoopInsts = 256;  // the loop is emitted twice
}  // namespace

bool FunctionLowering::IsCheckedIntLocal(ir::LocalId local) const {
  const ir::Local& info = function_.locals[local];
  return !info.is_cell && Kind(module_.Effective(info.type)) == TypeKind::Int;
}

// Natural loops from the back edges; the innermost ones that may be lowered
// twice become speculative.
void FunctionLowering::FindSpeculativeLoops(const ir::Loops& cfg) {
  size_t n = function_.blocks.size();
  loop_of_.assign(n, kNoLoop);
  speculative_blocks_.assign(n, nullptr);
  if (module_.optimize_size() || module_.opt_level() == 0) return;
  for (const ir::NaturalLoop& natural : cfg.loops) {
    if (!MaySpeculateLoop(natural)) continue;
    const std::vector<ir::BlockId>& blocks = natural.blocks;
    ir::BlockId header = natural.header;
    SpeculativeLoop loop;
    loop.header = header;
    std::vector<ir::LocalId> live = LocalsLiveAtHeader(blocks, header);
    for (ir::LocalId local : live)
      if (IsCheckedIntLocal(local)) loop.entry_checks.push_back(local);
    loop.entry = NewBlock("loop.entry");
    std::vector<bool> stored(function_.locals.size(), false);
    for (ir::BlockId b : blocks)
      for (ir::InstId id : function_.blocks[b].insts)
        if (function_.insts[id].op == Op::StoreLocal || function_.insts[id].op == Op::ForIter)
          stored[function_.insts[id].imm] = true;
    for (ir::LocalId local : live) {
      if (Kind(module_.Effective(function_.locals[local].type)) == TypeKind::List && !stored[local])
        loop.lists.push_back(local);
    }
    for (ir::BlockId b : blocks) {
      loop_of_[b] = static_cast<uint32_t>(loops_.size());
      speculative_blocks_[b] = NewBlock("spec");
      loop.speculative_code.push_back(speculative_blocks_[b]);
    }
    loops_.push_back(std::move(loop));
  }
}

// Innermost, entered only at its header, small, free of anything that
// cannot be lowered twice or whose value another block reads, and with an
// int operation to gain from.
bool FunctionLowering::MaySpeculateLoop(const ir::NaturalLoop& loop) {
  if (!loop.innermost || !loop.single_entry) return false;
  FindUsesInOtherBlocks();
  size_t n_insts = 0;
  bool has_int_operation = false;
  for (ir::BlockId b : loop.blocks) {
    const std::vector<ir::InstId>& insts = function_.blocks[b].insts;
    n_insts += insts.size();
    for (ir::InstId id : insts) {
      const ir::Inst& inst = function_.insts[id];
      if ((!MayLowerTwice(inst.op) && inst.op != Op::ForIter) || used_in_other_blocks_[id]) return false;
      has_int_operation |= IsIntOperation(inst);
    }
  }
  return has_int_operation && n_insts <= kMaxSpeculativeLoopInsts;
}

// The locals (not cells) live at the header inside the loop (a for.iter's
// item is stored on its edge to the body only).
std::vector<ir::LocalId> FunctionLowering::LocalsLiveAtHeader(const std::vector<ir::BlockId>& blocks,
                                                                 ir::BlockId header) const {
  size_t n_locals = function_.locals.size();
  std::vector<bool> in_body(function_.blocks.size(), false);
  for (ir::BlockId b : blocks) in_body[b] = true;
  std::unordered_map<ir::BlockId, std::vector<bool>> stored, live;
  for (ir::BlockId b : blocks) {
    std::vector<bool> use(n_locals, false), def(n_locals, false);
    for (ir::InstId id : function_.blocks[b].insts) {
      const ir::Inst& inst = function_.insts[id];
      auto local = static_cast<ir::LocalId>(inst.imm);
      if (inst.op == Op::LoadLocal && local < n_locals && !def[local]) use[local] = true;
      if (inst.op == Op::StoreLocal && local < n_locals) def[local] = true;
    }
    stored[b] = def;
    live[b] = use;
  }
  for (bool changed = true; changed;) {
    changed = false;
    for (auto it = blocks.rbegin(); it != blocks.rend(); ++it) {
      ir::BlockId b = *it;
      const ir::Inst& terminator = function_.insts[function_.blocks[b].insts.back()];
      std::vector<bool>& in = live[b];
      for (int edge = 0; edge < 2; ++edge) {
        ir::BlockId target = terminator.target[edge];
        if (target >= in_body.size() || !in_body[target]) continue;
        for (ir::LocalId l = 0; l < n_locals; ++l) {
          bool item = terminator.op == Op::ForIter && edge == 0 && l == terminator.imm;
          if (live[target][l] && !item && !stored[b][l] && !in[l]) in[l] = changed = true;
        }
      }
    }
  }
  std::vector<ir::LocalId> live_locals;
  for (ir::LocalId l = 0; l < n_locals; ++l)
    if (live[header][l] && !function_.locals[l].is_cell) live_locals.push_back(l);
  return live_locals;
}

// The loop's entry: the speculative copy when every int local it reads
// before storing is a small int (an unbound one is not), by one test of
// their and-ed tags. The assumptions, made where they dominate the whole
// speculative copy, also cover values computed from the locals outside the
// loop; they test each local apart, which LLVM does not mistake for the
// branch's condition and drop as already known.
void FunctionLowering::LowerLoopEntry(SpeculativeLoop& loop) {
  b_.SetInsertPoint(loop.entry);
  std::vector<llvm::Value*> values;
  llvm::Value* tags = Word(1);
  for (ir::LocalId local : loop.entry_checks) {
    values.push_back(LoadLocalSlot(local));
    tags = b_.CreateAnd(tags, values.back());
  }
  llvm::BasicBlock* enter = NewBlock("loop.speculative");
  loop.speculative_entry = enter;
  BranchLikely(IsSmallInt(tags), enter, blocks_[loop.header]);
  b_.SetInsertPoint(enter);
  for (llvm::Value* value : values) b_.CreateAssumption(IsSmallInt(value));
  loop.list_on_entry.clear();
  for (ir::LocalId local : loop.lists) loop.list_on_entry[local] = LoadLocalSlot(local);
  b_.CreateBr(speculative_blocks_[loop.header]);
}

void FunctionLowering::LowerLoopBlock(ir::BlockId id) {
  SpeculativeLoop& loop = loops_[loop_of_[id]];
  if (id == loop.header) LowerLoopEntry(loop);
  LowerSpeculatively(id, blocks_[id], speculative_blocks_[id]);
}

void FunctionLowering::CheckStoredInt(ir::LocalId local, llvm::Value* stored) {
  if (!InSpeculativeLoop() || !IsCheckedIntLocal(local)) return;
  resume_point_needed_ = true;
  if (!speculating_) return;
  llvm::BasicBlock* small = NewBlock("spec.small");
  llvm::BasicBlock* other = NewBlock("spec.other");
  BranchLikely(IsSmallInt(stored), small, other);
  b_.SetInsertPoint(other);
  if (!LeaveSpeculation(nullptr, ir::kVoidType)) Fail("speculative loop: no resume point after a store");
  b_.SetInsertPoint(small);
}

void FunctionLowering::LeaveBeforeTerminator() {
  Speculation& s = *speculation_;
  size_t n = s.insts.size();
  if (n == 1) {
    b_.CreateBr(blocks_[current_block_]);
    return;
  }
  StoreLiveValues(n - 2, values_[s.insts[n - 2]]);
  if (!s.resume[n - 2]) {
    Fail("speculative loop: no resume point before a terminator");
    b_.CreateUnreachable();
    return;
  }
  b_.CreateBr(s.resume[n - 2]);
}

// The list (read on entry) and word offset when `inst` is one of the
// speculative copy's loads of a list's header word (SequenceHeader's tagged
// load at a constant word offset); {null, 0} otherwise.
std::pair<llvm::Value*, int64_t> FunctionLowering::EntryListHeaderRead(const SpeculativeLoop& loop,
                                                                      const llvm::Instruction& inst) const {
  auto* load = llvm::dyn_cast<llvm::LoadInst>(&inst);
  if (!load || load->isVolatile() || load->getMetadata(llvm::LLVMContext::MD_tbaa) != module_.SequenceAliasTag(false))
    return {nullptr, 0};
  auto* field = llvm::dyn_cast<llvm::GetElementPtrInst>(load->getPointerOperand());
  if (!field || field->getNumIndices() != 1 || field->getSourceElementType() != t_.word) return {nullptr, 0};
  auto* offset = llvm::dyn_cast<llvm::ConstantInt>(field->getOperand(1));
  auto* base = llvm::dyn_cast<llvm::IntToPtrInst>(field->getPointerOperand());
  if (!offset || !base) return {nullptr, 0};
  for (auto& [local, value] : loop.list_on_entry)
    if (value == base->getOperand(0)) return {value, offset->getSExtValue()};
  return {nullptr, 0};
}

// Whether the block calls what could run Python code or resize a list:
// anything but an intrinsic, a helper that only allocates or reads, or a
// function that only computes with numbers.
bool FunctionLowering::MayChangeLists(const llvm::BasicBlock& block) const {
  for (const llvm::Instruction& inst : block) {
    auto* call = llvm::dyn_cast<llvm::CallInst>(&inst);
    if (!call) continue;
    llvm::Function* callee = call->getCalledFunction();
    if (callee && (callee->isIntrinsic() || module_.BodyChangesNoLists(callee))) continue;
    // Writes to no memory generated code can see (the allocator's is not).
    if (call->getMemoryEffects().getWithoutLoc(llvm::IRMemLocation::InaccessibleMem).onlyReadsMemory()) continue;
    return true;
  }
  return false;
}

// Whether no header read of the speculative copy can follow a call that
// could change a list. A slow path's call is on its way out to the generic
// copy (through blocks that coerce its result, say), so it does not count;
// nor does a raise.
bool FunctionLowering::NoListChangeBeforeHeaderRead(const SpeculativeLoop& loop) const {
  std::unordered_set<const llvm::BasicBlock*> code(loop.speculative_code.begin(), loop.speculative_code.end());
  auto reads_header = [&](const llvm::BasicBlock* block) {
    for (const llvm::Instruction& inst : *block)
      if (EntryListHeaderRead(loop, inst).first) return true;
    return false;
  };
  for (const llvm::BasicBlock* block : loop.speculative_code) {
    if (!MayChangeLists(*block)) continue;
    std::vector<const llvm::BasicBlock*> work{block};
    std::unordered_set<const llvm::BasicBlock*> seen{block};
    while (!work.empty()) {
      const llvm::BasicBlock* next = work.back();
      work.pop_back();
      if (reads_header(next)) return false;
      for (const llvm::BasicBlock* successor : llvm::successors(next))
        if (code.count(successor) && seen.insert(successor).second) work.push_back(successor);
    }
  }
  return true;
}

// Replaces the speculative copy's loads of a list's header words (length,
// capacity, items) with one load each on entry, where the list is known to
// exist; LLVM cannot move them there itself, as it cannot tell that the
// word is a pointer to a live list.
void FunctionLowering::ReadListHeadersOnEntry(SpeculativeLoop& loop) {
  if (loop.list_on_entry.empty() || !NoListChangeBeforeHeaderRead(loop)) return;
  llvm::Instruction* entry_end = loop.speculative_entry->getTerminator();
  std::map<std::pair<llvm::Value*, int64_t>, llvm::Value*> on_entry;
  for (llvm::BasicBlock* block : loop.speculative_code) {
    for (llvm::Instruction& inst : llvm::make_early_inc_range(*block)) {
      auto [list, offset] = EntryListHeaderRead(loop, inst);
      if (!list) continue;
      llvm::Value*& hoisted = on_entry[{list, offset}];
      if (!hoisted) {
        llvm::IRBuilder<> b(entry_end);
        llvm::Value* address = b.CreateConstInBoundsGEP1_64(t_.word, b.CreateIntToPtr(list, t_.ptr), offset);
        llvm::LoadInst* header = b.CreateLoad(inst.getType(), address, "header");
        header->setMetadata(llvm::LLVMContext::MD_tbaa, module_.SequenceAliasTag(false));
        hoisted = header;
      }
      inst.replaceAllUsesWith(hoisted);
      inst.eraseFromParent();
    }
  }
}

}  // namespace taipan::llvmbe
