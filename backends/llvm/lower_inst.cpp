// The instruction dispatch: every kind of ir/instructions.def lowers here or
// in the operator/object files it delegates to.
#include "backends/llvm/lower.h"

namespace taipan::llvmbe {

using ir::Op;
using ir::TypeKind;

Typed FunctionLowering::Operand(const ir::Inst& inst, size_t index) const {
  if (index >= inst.ops.size()) return Typed{nullptr, ir::kObjectType};
  ir::InstId id = inst.ops[index];
  return Typed{values_[id], module_.Effective(function_.insts[id].type), id};
}

llvm::Value* FunctionLowering::BoxedOperand(const ir::Inst& inst, size_t index) {
  Typed operand = Operand(inst, index);
  if (!operand.value) return NoneValue();
  if (module_.RepOf(operand.type) == ir::Rep::Value) return operand.value;
  llvm::Value*& boxed = boxed_[operand.id];
  if (!boxed) boxed = Box(operand);
  return boxed;
}

// Box(), or the object the value was boxed to (or unboxed from) earlier in
// the block, which dominates every later use (BoxedOperand, LowerInst).
llvm::Value* FunctionLowering::BoxOrReuse(const Typed& typed) {
  if (typed.id != ir::kNoId && module_.RepOf(typed.type) != ir::Rep::Value) {
    auto found = boxed_.find(typed.id);
    if (found != boxed_.end() && found->second) return found->second;
  }
  return Box(typed);
}

llvm::Value* FunctionLowering::OperandAsFloat(const Typed& operand) {
  if (module_.RepOf(operand.type) == ir::Rep::Float || operand.id == ir::kNoId)
    return ToFloat(operand.value, operand.type);
  llvm::Value*& converted = as_float_[operand.id];
  if (!converted) converted = ToFloat(operand.value, operand.type);
  return converted;
}

// A math function's argument: as OperandAsFloat, but an object that is no
// float goes through the math module's own conversion (__float__ too).
llvm::Value* FunctionLowering::MathArgument(const Typed& operand) {
  ir::Rep rep = module_.RepOf(operand.type);
  if (rep == ir::Rep::Float || rep == ir::Rep::Bool || rep == ir::Rep::Word || Kind(operand.type) == ir::TypeKind::Int)
    return OperandAsFloat(operand);
  return UnboxFloat(Box(operand), Helper::math_arg);
}

namespace {
// instructions.def's flags column (the same list the IR library reads).
uint8_t FlagsOf(Op op) {
  using namespace ir;
  switch (op) {
#define IR_INST(Name, spelling, flags, operands) \
  case Op::Name:                                 \
    return flags;
#include "ir/instructions.def"
  }
  return 0;
}
}  // namespace

// An int constant: a small int, or (when the target's small ints are too
// narrow for it, as 31 bits on 32-bit boards) built by the runtime from
// 30-bit pieces, which promotes it to a big int.
llvm::Value* FunctionLowering::IntConstant(int64_t n) {
  unsigned bits = t_.word->getBitWidth();
  int64_t max = (int64_t{1} << (bits - 2)) - 1;
  if (n >= -max - 1 && n <= max) return SmallInt(n);
  uint64_t magnitude = n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
  constexpr unsigned kPiece = 30;
  auto op = [&](BinOp binary, llvm::Value* a, llvm::Value* b) {
    return CallHelper(Helper::binary_op, {Word(static_cast<int64_t>(binary)), a, b});
  };
  llvm::Value* value = SmallInt(static_cast<int64_t>(magnitude >> (2 * kPiece)));
  for (int shift = kPiece; shift >= 0; shift -= kPiece) {
    value = op(BinOp::Lshift, value, SmallInt(kPiece));
    value = op(BinOp::Or, value, SmallInt(static_cast<int64_t>((magnitude >> shift) & ((1u << kPiece) - 1))));
  }
  if (n < 0) value = CallHelper(Helper::unary_op, {Word(static_cast<int64_t>(UnOp::Negative)), value});
  return value;
}

void FunctionLowering::LowerInst(ir::InstId id) {
  const ir::Inst& inst = function_.insts[id];
  for (ir::InstId operand : inst.ops) {
    if (operand >= values_.size() || (!values_[operand] && function_.insts[operand].type != ir::kVoidType)) {
      Fail("instruction " + std::to_string(id) + " uses a value not defined before it");
      return;
    }
  }
  SetLocation(inst.offset);
  uint8_t flags = FlagsOf(inst.op);
  if (flags & ir::kTerminator) {
    LowerTerminator(inst);
  } else if (flags & ir::kNoResult) {
    LowerStatement(inst);
  } else {
    Typed result = LowerValueInst(inst);
    values_[id] = Coerce(result.value, result.type, inst.type);
    // An item of a typed list or tuple unboxed to a float or complex: boxing
    // it again (for a generic operation) takes the object it came from.
    if (inst.op == Op::Subscr && module_.RepOf(result.type) == ir::Rep::Value &&
        (module_.RepOf(inst.type) == ir::Rep::Float || module_.RepOf(inst.type) == ir::Rep::Complex))
      boxed_[id] = result.value;
  }
}

Typed FunctionLowering::LowerValueInst(const ir::Inst& inst) {
  switch (inst.op) {
    case Op::ConstInt:
      return {IntConstant(inst.imm), ir::kIntType};
    case Op::ConstFloat:
      return {llvm::ConstantFP::get(t_.fp, inst.fimm), ir::kFloatType};
    case Op::ConstBool:
      return {b_.getInt1(inst.imm != 0), ir::kBoolType};
    case Op::ConstNone:
      return {NoneValue(), ir::kNoneType};
    case Op::ConstQstr:
      return {QstrValue(inst.imm), ir::kStrType};
    case Op::ConstObj: {
      llvm::Value* address = b_.CreateInBoundsGEP(t_.word, ObjTable(), Word(inst.imm));
      return {b_.CreateLoad(t_.word, address, "const"), ir::kObjectType};
    }
    case Op::LoadLocal:
      return LowerLoadLocal(inst);
    case Op::LoadCell:
      return LowerLoadCell(inst);
    case Op::CellRef:
      return {LoadLocalSlot(static_cast<ir::LocalId>(inst.imm)), ir::kObjectType};
    case Op::LoadGlobal:
      return LowerLoadGlobal(inst);
    case Op::LoadAttr:
      return LowerLoadAttr(inst);
    case Op::Narrow:
      return LowerNarrow(inst);
    case Op::Call:
      return LowerCall(inst);
    case Op::CallMethod:
      return LowerCallMethod(inst);
    case Op::CallEx:
      return {CallHelper(Helper::call_ex, {BoxedOperand(inst, 0), BoxedOperand(inst, 1), BoxedOperand(inst, 2)}),
              ir::kObjectType};
    case Op::CallDirect:
      return LowerCallDirect(inst);
    case Op::Binary:
      return LowerBinary(inst);
    case Op::Unary:
      return LowerUnary(inst);
    case Op::Is:
      return {b_.CreateICmpEQ(BoxedOperand(inst, 0), BoxedOperand(inst, 1)), ir::kBoolType};
    case Op::Truth:
      return {Truth(Operand(inst, 0)), ir::kBoolType};
    case Op::Not: {
      Typed operand = Operand(inst, 0);
      return {b_.CreateNot(Coerce(operand.value, operand.type, ir::kBoolType)), ir::kBoolType};
    }
    case Op::ToIndex: {
      Typed operand = Operand(inst, 0);
      if (Kind(operand.type) == TypeKind::Int) return operand;
      if (Kind(operand.type) == TypeKind::Bool) return {BoolToSmallInt(operand.value), ir::kIntType};
      return {CallHelper(Helper::to_index, {Box(operand)}), ir::kIntType};
    }
    case Op::NewInstance:
      return {CallHelper(Helper::new_instance, {BoxedOperand(inst, 0)}), inst.type};
    case Op::Sqrt:
      return {Sqrt(MathArgument(Operand(inst, 0))), ir::kFloatType};
    case Op::MathCall:
      return {CallHelper(Helper::math1, {Word(static_cast<uint64_t>(inst.imm)), MathArgument(Operand(inst, 0))}),
              ir::kFloatType};
    case Op::Abs:
      return LowerAbs(inst);
    case Op::MakeComplex:
      return LowerMakeComplex(inst);
    case Op::CallBuiltin:
      return LowerCallBuiltin(inst);
    case Op::Len:
      return {Tag(SequenceHeader(LoadWordField(BoxedOperand(inst, 0), LengthField(Kind(Operand(inst, 0).type))))),
              ir::kIntType};
    case Op::BuildTuple:
      return LowerBuild(inst, Helper::build_tuple);
    case Op::BuildList:
      return LowerBuildList(inst);
    case Op::BuildSet:
      return LowerBuild(inst, Helper::build_set);
    case Op::BuildDict:
      return LowerBuild(inst, Helper::build_dict);
    case Op::BuildSlice:
      if (unpacked_slice_[&inst - function_.insts.data()]) return {NoneValue(), ir::kNoneType};  // users read the bounds
      return {CallHelper(Helper::build_slice, {BoxedOperand(inst, 0), BoxedOperand(inst, 1), BoxedOperand(inst, 2)}),
              ir::kObjectType};
    case Op::ListToTuple:
      return {CallHelper(Helper::list_to_tuple, {BoxedOperand(inst, 0)}), ir::kObjectType};
    case Op::Subscr:
      return LowerSubscr(inst);
    case Op::Unpack:
      return {CallHelper(Helper::unpack, {BoxedOperand(inst, 0), Word(inst.imm)}), ir::kObjectType};
    case Op::UnpackEx:
      return {CallHelper(Helper::unpack_ex, {BoxedOperand(inst, 0), Word(inst.imm), Word(inst.sub)}),
              ir::kObjectType};
    case Op::TupleItem:
      // Unpack made the tuple with exactly the right length.
      return {SequenceItem(LoadWordField(BoxedOperand(inst, 0), abi_field::kTupleObject_items + static_cast<unsigned>(inst.imm))),
              ir::kObjectType};
    case Op::GetIter:
      return LowerGetIter(inst);
    case Op::MakeFunction:
      return LowerMakeFunction(inst);
    case Op::LoadBuildClass:
      return {CallHelper(Helper::load_build_class, {}), ir::kObjectType};
    case Op::ImportName:
      return {CallHelper(Helper::import_name,
                         {Context(), QstrWord(inst.imm), BoxedOperand(inst, 0), BoxedOperand(inst, 1)}),
              ir::kObjectType};
    case Op::ImportFrom:
      return {CallHelper(Helper::import_from, {BoxedOperand(inst, 0), QstrWord(inst.imm)}), ir::kObjectType};
    case Op::Yield:
      return LowerYield(inst);
    case Op::YieldFrom:
      return LowerYieldFrom(inst);
    case Op::Caught: {
      // Not CallHelper: the frame's line must stay the line that raised,
      // which the handler's traceback entry shows.
      llvm::Value* frame = frame_record_ ? frame_record_ : llvm::ConstantPointerNull::get(t_.ptr);
      llvm::Value* args[] = {Context(), NlrBuf(static_cast<uint32_t>(inst.imm)), frame};
      return {b_.CreateCall(module_.abi().Get(Helper::enter_handler), args), ir::kObjectType};
    }
    case Op::ExceptionMatch:
      return {CallHelper(Helper::exception_match, {BoxedOperand(inst, 0), BoxedOperand(inst, 1)}), ir::kBoolType};
    default:
      break;
  }
  Fail("cannot lower '" + std::string(ir::OpName(inst.op)) + "' as a value");
  return {NoneValue(), ir::kObjectType};
}

void FunctionLowering::LowerStatement(const ir::Inst& inst) {
  switch (inst.op) {
    case Op::StoreLocal: {
      ir::LocalId local = static_cast<ir::LocalId>(inst.imm);
      Typed value = Operand(inst, 0);
      ir::TypeId type = function_.locals[local].is_cell ? ir::kObjectType : function_.locals[local].type;
      llvm::Value* stored = Coerce(value.value, value.type, type);
      StoreLocalSlot(local, stored);
      CheckStoredInt(local, stored);
      return;
    }
    case Op::DeleteLocal:
      LowerDeleteLocal(inst);
      return;
    case Op::StoreCell:
      StoreWordField(LoadLocalSlot(static_cast<ir::LocalId>(inst.imm)), abi_field::kCellObject_contents,
                     BoxedOperand(inst, 0));
      return;
    case Op::DeleteCell:
      LowerDeleteCell(inst);
      return;
    case Op::StoreGlobal:
      LowerStoreGlobal(inst);
      return;
    case Op::DeleteGlobal:
      CallHelper(Helper::delete_global, {Context(), QstrWord(inst.imm)});
      return;
    case Op::StoreAttr:
      LowerStoreAttr(inst);
      return;
    case Op::DeleteAttr:
      CallHelper(Helper::delete_attr, {BoxedOperand(inst, 0), QstrWord(inst.imm)});
      return;
    case Op::ListAppend:
      LowerListAppend(BoxedOperand(inst, 0), Operand(inst, 1));
      return;
    case Op::ListExtend:
      CallHelper(Helper::list_extend, {BoxedOperand(inst, 0), BoxedOperand(inst, 1)});
      return;
    case Op::SetAdd:
      CallHelper(Helper::set_add, {BoxedOperand(inst, 0), BoxedOperand(inst, 1)});
      return;
    case Op::Reserve:
      CallHelper(Helper::reserve, {BoxedOperand(inst, 0), BoxedOperand(inst, 1)});
      return;
    case Op::DictStore:
      CallHelper(Helper::dict_store, {BoxedOperand(inst, 0), BoxedOperand(inst, 1), BoxedOperand(inst, 2)});
      return;
    case Op::DictUpdate:
      CallHelper(Helper::dict_update, {BoxedOperand(inst, 0), BoxedOperand(inst, 1)});
      return;
    case Op::StoreSubscr:
      LowerStoreSubscr(inst);
      return;
    case Op::DeleteSubscr:
      CallHelper(Helper::delete_subscr, {BoxedOperand(inst, 0), BoxedOperand(inst, 1)});
      return;
    case Op::ImportStar:
      CallHelper(Helper::import_star, {Context(), BoxedOperand(inst, 0)});
      return;
    case Op::TryPop:
      b_.CreateCall(module_.abi().NlrPop(), {});
      return;
    case Op::TailFrames:
      LowerTailFrames();
      return;
    default:
      break;
  }
  Fail("cannot lower '" + std::string(ir::OpName(inst.op)) + "' as a statement");
}

// A branch inside a speculative loop's speculative copy stays in that copy;
// any other branch to the loop's header enters through its entry checks.
llvm::BasicBlock* FunctionLowering::TargetBlock(const ir::Inst& inst, int i) {
  ir::BlockId target = inst.target[i];
  if (target >= blocks_.size()) {
    Fail("branch to a missing block");
    return blocks_.empty() ? prologue_ : blocks_[0];
  }
  if (lowering_unlinked_) return unlinked_[target] ? unlinked_blocks_[target] : LinkingEdgeTo(blocks_[target]);
  uint32_t loop = loop_of_[target];
  if (loop != kNoLoop) {
    if (speculating_ && loop_of_[current_block_] == loop) return speculative_blocks_[target];
    if (target == loops_[loop].header) return loops_[loop].entry;
  }
  return blocks_[target];
}

void FunctionLowering::LowerTerminator(const ir::Inst& inst) {
  auto target = [&](int i) { return TargetBlock(inst, i); };
  if (ends_loop_iteration_[current_block_]) PollPending();
  switch (inst.op) {
    case Op::Jump:
      b_.CreateBr(target(0));
      return;
    case Op::Branch: {
      Typed condition = Operand(inst, 0);
      b_.CreateCondBr(Coerce(condition.value, condition.type, ir::kBoolType), target(0), target(1));
      return;
    }
    case Op::Return:
      LowerReturn(inst);
      return;
    case Op::Raise:
      if (inst.ops.size() >= 2) {
        CallNoReturn(Helper::raise_from, {BoxedOperand(inst, 0), BoxedOperand(inst, 1)});
      } else {
        CallNoReturn(Helper::raise, {BoxedOperand(inst, 0)});
      }
      return;
    case Op::Reraise:
      if (inst.sub != 0) {
        // (Leaving this generator, the new exception starts at the caller's
        // frame; leaving one built inline, this frame is the consumer's.)
        llvm::Value* frame = frame_record_ && inst.sub == 1 ? frame_record_ : llvm::ConstantPointerNull::get(t_.ptr);
        CallNoReturn(Helper::reraise_leaving_generator, {BoxedOperand(inst, 0), frame});
      } else {
        CallNoReturn(Helper::reraise, {BoxedOperand(inst, 0)});
      }
      return;
    case Op::ForIter:
      LowerForIter(inst);
      return;
    case Op::TryPush:
      LowerTryPush(inst);
      return;
    default:
      break;
  }
  Fail("cannot lower terminator '" + std::string(ir::OpName(inst.op)) + "'");
}

// ---- variables ----

Typed FunctionLowering::LowerLoadLocal(const ir::Inst& inst) {
  ir::LocalId local = static_cast<ir::LocalId>(inst.imm);
  const ir::Local& info = function_.locals[local];
  ir::TypeId type = info.is_cell ? ir::kObjectType : module_.Effective(info.type);
  if (speculating_ && InSpeculativeLoop() && inst.sub == 0) {
    const auto& lists = loops_[loop_of_[current_block_]].list_on_entry;
    if (auto found = lists.find(local); found != lists.end()) return {found->second, type};
  }
  llvm::Value* value = LoadLocalSlot(local);
  // Only Value locals can be unbound (inference sees to it: Local::may_be_unbound).
  if (inst.sub == 1 && module_.RepOf(type) == ir::Rep::Value)
    RaiseIf(b_.CreateICmpEQ(value, Word(0)), Helper::raise_unbound_local, {LocalNameQstr(local, inst)});
  // The speculative copy of a loop checked it on entry or at its store.
  if (speculating_ && InSpeculativeLoop() && IsCheckedIntLocal(local)) b_.CreateAssumption(IsSmallInt(value));
  if (IsRangeCheckedLoad(static_cast<ir::InstId>(&inst - function_.insts.data()))) CheckLoadedIntRange(value, type);
  return {value, type};
}

void FunctionLowering::LowerDeleteLocal(const ir::Inst& inst) {
  ir::LocalId local = static_cast<ir::LocalId>(inst.imm);
  llvm::AllocaInst* slot = locals_[local];
  if (slot->getAllocatedType() != t_.word) return;  // only Value locals can be deleted
  llvm::Value* value = LoadLocalSlot(local);
  RaiseIf(b_.CreateICmpEQ(value, Word(0)), Helper::raise_unbound_local, {LocalNameQstr(local, inst)});
  StoreLocalSlot(local, Word(0));
}

Typed FunctionLowering::LowerLoadCell(const ir::Inst& inst) {
  ir::LocalId local = static_cast<ir::LocalId>(inst.imm);
  llvm::Value* cell = LoadLocalSlot(local);
  llvm::Value* contents = LoadWordField(cell, abi_field::kCellObject_contents);
  Helper raise = function_.locals[local].kind == ir::LocalKind::Free ? Helper::raise_unbound_free
                                                                     : Helper::raise_unbound_local;
  RaiseIf(b_.CreateICmpEQ(contents, Word(0)), raise, {LocalNameQstr(local, inst)});
  // Inference typed the contents by every store to the cell (a boxed Value).
  ir::TypeId type = module_.Effective(inst.type);
  return {Coerce(contents, ir::kObjectType, type), type};
}

void FunctionLowering::LowerDeleteCell(const ir::Inst& inst) {
  ir::LocalId local = static_cast<ir::LocalId>(inst.imm);
  llvm::Value* cell = LoadLocalSlot(local);
  llvm::Value* contents = LoadWordField(cell, abi_field::kCellObject_contents);
  Helper raise = function_.locals[local].kind == ir::LocalKind::Free ? Helper::raise_unbound_free
                                                                     : Helper::raise_unbound_local;
  RaiseIf(b_.CreateICmpEQ(contents, Word(0)), raise, {LocalNameQstr(local, inst)});
  StoreWordField(cell, abi_field::kCellObject_contents, Word(0));
}

// ---- control ----

void FunctionLowering::LowerReturn(const ir::Inst& inst) {
  if (function_.is_generator) return LowerGeneratorReturn(inst);
  Typed value = Operand(inst, 0);
  if (!value.value) value = {NoneValue(), ir::kNoneType};
  llvm::Value* result = Coerce(value.value, value.type, function_.return_type);
  for (ir::LocalId list : unshared_lists_) CallHelper(Helper::list_free, {LoadLocalSlot(list)});
  UnlinkFrame();
  b_.CreateRet(result);
}

// `if (taipan_nlr_push(&buf[slot]) != 0) goto handler`.
void FunctionLowering::LowerTryPush(const ir::Inst& inst) {
  llvm::CallInst* pushed = b_.CreateCall(module_.abi().NlrPush(), {NlrBuf(static_cast<uint32_t>(inst.imm))});
  pushed->addFnAttr(llvm::Attribute::ReturnsTwice);
  b_.CreateCondBr(b_.CreateICmpNE(pushed, b_.getInt32(0)), TargetBlock(inst, 1), TargetBlock(inst, 0));
}

}  // namespace taipan::llvmbe
