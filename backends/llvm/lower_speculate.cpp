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
    case Op::Binary:
    case Op::Unary:
    case Op::Is:
    case Op::Truth:
    case Op::Not:
    case Op::ToIndex:
    case Op::Sqrt:
    case Op::Len:
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

// Worth it when an int operation's result is an operand of another one in
// the same block: only then does the speculative copy save checks.
bool FunctionLowering::WorthSpeculating(ir::BlockId id) {
  if (module_.optimize_size() || module_.opt_level() == 0) return false;  // twice the code
  const ir::Block& block = function_.blocks[id];
  if (block.insts.size() > kMaxSpeculativeInsts) return false;
  if (used_in_other_blocks_.empty()) {
    used_in_other_blocks_.assign(function_.insts.size(), false);
    std::vector<ir::BlockId> block_of(function_.insts.size(), ir::kNoId);
    for (ir::BlockId b = 0; b < function_.blocks.size(); ++b)
      for (ir::InstId inst : function_.blocks[b].insts) block_of[inst] = b;
    for (ir::BlockId b = 0; b < function_.blocks.size(); ++b)
      for (ir::InstId inst : function_.blocks[b].insts)
        for (ir::InstId operand : function_.insts[inst].ops)
          if (operand < block_of.size() && block_of[operand] != b) used_in_other_blocks_[operand] = true;
  }
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

void FunctionLowering::LowerGenericCopy() {
  Speculation& s = *speculation_;
  b_.SetInsertPoint(NewBlock("generic"));
  for (size_t position = 0; position < s.insts.size() && error_.empty(); ++position) {
    int_slow_path_made_ = false;
    LowerInst(s.insts[position]);
    if (!int_slow_path_made_ || position + 1 == s.insts.size()) continue;
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

void FunctionLowering::LowerSpeculatively(ir::BlockId id) {
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
  speculation_ = &s;
  LowerGenericCopy();
  b_.SetInsertPoint(blocks_[id]);
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

// Called on an int operation's slow path: in the speculative copy the
// generic result leaves for the generic copy (returns true; the caller
// merges nothing); elsewhere the caller merges it with the fast result.
bool FunctionLowering::LeaveSpeculation(llvm::Value* slow_result, ir::TypeId result_type) {
  int_slow_path_made_ = true;
  if (!speculating_) return false;
  llvm::BasicBlock* resume = speculation_->resume[speculative_position_];
  if (!resume) return false;
  const ir::Inst& inst = function_.insts[speculation_->insts[speculative_position_]];
  StoreLiveValues(speculative_position_, Coerce(slow_result, result_type, inst.type));
  b_.CreateBr(resume);
  return true;
}

}  // namespace taipan::llvmbe
