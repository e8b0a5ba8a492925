// The IR verifier: the structural invariants every pass and the lowering
// rely on (ir.h, instructions.def). Returns the first violation found.
#include <string>

#include "ir/ir.h"

namespace taipan::ir {

namespace {

// The runtime's binary operators, for the range of Binary's `sub`.
enum class VerifyBinary : uint8_t {
#define BINARY_OP(Name, method) Name,
#include "runtime/operator.def"
};

// How many operands an instruction takes: exactly `min` when `max` is
// equal, at least `min` when `max` is -1.
struct Arity {
  int min;
  int max;
};

Arity ArityOf(Op op) {
  switch (op) {
    case Op::ConstInt:
    case Op::ConstFloat:
    case Op::ConstBool:
    case Op::ConstNone:
    case Op::ConstQstr:
    case Op::ConstObj:
    case Op::LoadLocal:
    case Op::DeleteLocal:
    case Op::LoadCell:
    case Op::DeleteCell:
    case Op::CellRef:
    case Op::LoadGlobal:
    case Op::DeleteGlobal:
    case Op::LoadBuildClass:
    case Op::TryPop:
    case Op::Caught:
    case Op::Jump:
    case Op::TailFrames:
    case Op::TryPush: return {0, 0};
    case Op::StoreLocal:
    case Op::StoreCell:
    case Op::StoreGlobal:
    case Op::Narrow:
    case Op::LoadAttr:
    case Op::DeleteAttr:
    case Op::Unary:
    case Op::Truth:
    case Op::Not:
    case Op::ToIndex:
    case Op::Sqrt:
    case Op::MathCall:
    case Op::Abs:
    case Op::Len:
    case Op::NewInstance:
    case Op::ListToTuple:
    case Op::Unpack:
    case Op::UnpackEx:
    case Op::TupleItem:
    case Op::GetIter:
    case Op::ImportFrom:
    case Op::ImportStar:
    case Op::Branch:
    case Op::Return:
    case Op::Reraise:
    case Op::Yield:
    case Op::YieldFrom:
    case Op::ForIter: return {1, 1};
    case Op::StoreAttr:
    case Op::Binary:
    case Op::Is:
    case Op::ListAppend:
    case Op::ListExtend:
    case Op::SetAdd:
    case Op::Reserve:
    case Op::DictUpdate:
    case Op::Subscr:
    case Op::DeleteSubscr:
    case Op::ImportName:
    case Op::ExceptionMatch: return {2, 2};
    case Op::CallEx:
    case Op::BuildSlice:
    case Op::DictStore:
    case Op::StoreSubscr: return {3, 3};
    case Op::Raise: return {1, 2};
    case Op::MakeComplex: return {0, 2};
    case Op::Call:
    case Op::CallMethod: return {1, -1};
    case Op::MakeFunction: return {2, -1};
    case Op::CallDirect:
    case Op::CallBuiltin:
    case Op::BuildTuple:
    case Op::BuildList:
    case Op::BuildSet:
    case Op::BuildDict: return {0, -1};
  }
  return {0, -1};
}

int TargetCount(Op op) {
  switch (op) {
    case Op::Jump: return 1;
    case Op::Branch:
    case Op::ForIter:
    case Op::TryPush: return 2;
    default: return 0;
  }
}

bool UsesLocal(Op op) {
  switch (op) {
    case Op::LoadLocal:
    case Op::StoreLocal:
    case Op::DeleteLocal:
    case Op::LoadCell:
    case Op::StoreCell:
    case Op::DeleteCell:
    case Op::CellRef:
    case Op::ForIter: return true;
    default: return false;
  }
}

bool UsesCellLocal(Op op) {
  return op == Op::LoadCell || op == Op::StoreCell || op == Op::DeleteCell || op == Op::CellRef;
}

bool UsesTrySlot(Op op) { return op == Op::TryPush || op == Op::TryPop || op == Op::Caught; }

class Verifier {
 public:
  explicit Verifier(const Function& f) : f_(f), position_(f.insts.size(), -1) {}

  std::string Run() {
    if (!f_.native) return "";
    if (f_.blocks.empty()) return "a native function without an entry block";
    for (BlockId b = 0; b < f_.blocks.size(); ++b) {
      if (!CheckPlacement(b)) return error_;
    }
    for (BlockId b = 0; b < f_.blocks.size(); ++b) {
      const Block& block = f_.blocks[b];
      for (size_t i = 0; i < block.insts.size(); ++i) {
        if (!CheckInst(b, block.insts[i], i + 1 == block.insts.size())) return error_;
      }
    }
    if (!CheckLocals()) return error_;
    CheckReachable();
    return error_;
  }

 private:
  bool Fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
    return false;
  }
  bool FailAt(BlockId b, InstId id, const std::string& message) {
    return Fail("bb" + std::to_string(b) + ": %" + std::to_string(id) + " (" +
                std::string(id < f_.insts.size() ? OpName(f_.insts[id].op) : "?") + "): " + message);
  }

  // Every instruction in exactly one block, which it names.
  bool CheckPlacement(BlockId b) {
    const Block& block = f_.blocks[b];
    if (block.insts.empty()) return Fail("bb" + std::to_string(b) + ": an empty block");
    for (size_t i = 0; i < block.insts.size(); ++i) {
      InstId id = block.insts[i];
      if (id >= f_.insts.size()) return Fail("bb" + std::to_string(b) + ": an instruction id out of range");
      if (position_[id] != -1) return FailAt(b, id, "in more than one place");
      position_[id] = (int)i;
      if (f_.insts[id].block != b) return FailAt(b, id, "names block " + std::to_string(f_.insts[id].block));
    }
    return true;
  }

  bool CheckInst(BlockId b, InstId id, bool last) {
    const Inst& inst = f_.insts[id];
    uint8_t flags = OpFlags(inst.op);
    bool terminator = flags & kTerminator;
    if (last && !terminator) return FailAt(b, id, "the block does not end with a terminator");
    if (!last && terminator) return FailAt(b, id, "a terminator before the end of its block");
    Arity arity = ArityOf(inst.op);
    int n = (int)inst.ops.size();
    if (n < arity.min || (arity.max >= 0 && n > arity.max)) {
      return FailAt(b, id, "takes " + std::to_string(arity.min) + (arity.max < 0 ? "+" : "") + " operands, has " +
                               std::to_string(n));
    }
    for (InstId op : inst.ops) {
      if (op >= f_.insts.size()) return FailAt(b, id, "an operand id out of range");
      if (f_.insts[op].block != b || position_[op] < 0 || position_[op] >= position_[id]) {
        return FailAt(b, id, "operand %" + std::to_string(op) + " is not defined earlier in this block");
      }
      if (OpFlags(f_.insts[op].op) & kNoResult) return FailAt(b, id, "operand %" + std::to_string(op) + " has no value");
    }
    if ((inst.op == Op::Call || inst.op == Op::CallMethod) && inst.names.size() + 1 > inst.ops.size()) {
      return FailAt(b, id, "more keyword names than arguments");
    }
    if (inst.op == Op::BuildDict && inst.ops.size() % 2 != 0) return FailAt(b, id, "an odd number of operands");
    int targets = TargetCount(inst.op);
    for (int t = 0; t < 2; ++t) {
      BlockId target = inst.target[t];
      if (t < targets) {
        if (target >= f_.blocks.size()) return FailAt(b, id, "a branch target out of range");
      } else if (target != kNoId) {
        return FailAt(b, id, "an unexpected branch target");
      }
    }
    if (UsesLocal(inst.op)) {
      if (inst.imm < 0 || (uint64_t)inst.imm >= f_.locals.size()) return FailAt(b, id, "a local out of range");
      bool is_cell = f_.locals[inst.imm].is_cell;
      if (UsesCellLocal(inst.op) != is_cell) {
        return FailAt(b, id, is_cell ? "a plain access to a cell local" : "a cell access to a plain local");
      }
    }
    if (UsesTrySlot(inst.op) && (inst.imm < 0 || (uint64_t)inst.imm >= f_.n_try_slots)) {
      return FailAt(b, id, "a try slot out of range");
    }
    if (inst.op == Op::Caught && position_[id] != 0) return FailAt(b, id, "not the first instruction of its block");
    if (inst.op == Op::Yield || inst.op == Op::YieldFrom) {
      if (!f_.is_generator) return FailAt(b, id, "a yield outside a generator");
      if (inst.sub > f_.n_try_slots) return FailAt(b, id, "more active try slots than the function has");
    }
    if (inst.op == Op::Binary) {
      auto op = static_cast<VerifyBinary>(inst.sub);
      if (inst.sub > (uint8_t)VerifyBinary::Power || op == VerifyBinary::Is || op == VerifyBinary::ExceptionMatch) {
        return FailAt(b, id, "a binary operator out of range");
      }
    }
    if (inst.op == Op::Unary && inst.sub > 2) return FailAt(b, id, "a unary operator out of range");
    if (inst.op == Op::TupleItem) {
      const Inst& seq = f_.insts[inst.ops[0]];
      int64_t count = seq.op == Op::Unpack ? seq.imm : seq.op == Op::UnpackEx ? seq.imm + 1 + seq.sub : -1;
      if (count < 0) return FailAt(b, id, "the operand is not an unpack");
      if (inst.imm < 0 || inst.imm >= count) return FailAt(b, id, "an item index out of range");
    }
    return true;
  }

  bool CheckLocals() {
    for (size_t i = 0; i < f_.locals.size(); ++i) {
      const Local& local = f_.locals[i];
      bool has_slot = local.kind == LocalKind::Param || local.kind == LocalKind::Free;
      if (has_slot && local.slot >= f_.n_slots) {
        return Fail("local " + local.name + ": slot " + std::to_string(local.slot) + " out of range");
      }
      if (local.kind == LocalKind::Cell && local.slot != kNoId && local.slot >= f_.n_slots) {
        return Fail("local " + local.name + ": slot out of range");
      }
      if ((local.kind == LocalKind::Free || local.kind == LocalKind::Cell) && !local.is_cell) {
        return Fail("local " + local.name + ": a cell or free local that does not hold a cell");
      }
    }
    return true;
  }

  void CheckReachable() {
    std::vector<bool> reached(f_.blocks.size(), false);
    std::vector<BlockId> work = {0};
    reached[0] = true;
    while (!work.empty()) {
      const Inst& last = f_.insts[f_.blocks[work.back()].insts.back()];
      work.pop_back();
      for (BlockId t : last.target) {
        if (t != kNoId && !reached[t]) {
          reached[t] = true;
          work.push_back(t);
        }
      }
    }
    for (BlockId b = 0; b < f_.blocks.size(); ++b) {
      if (!reached[b]) {
        Fail("bb" + std::to_string(b) + ": unreachable from the entry");
        return;
      }
    }
  }

  const Function& f_;
  std::vector<int> position_;  // index in its block, -1 when in none
  std::string error_;
};

}  // namespace

std::string Verify(const Function& function, const TypeTable&) { return Verifier(function).Run(); }

}  // namespace taipan::ir
