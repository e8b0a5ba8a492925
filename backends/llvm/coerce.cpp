// Moving values between representations: tagged Value, unboxed Float, i1.
#include "backends/llvm/lower.h"

namespace taipan::llvmbe {

using ir::Rep;
using ir::TypeKind;

llvm::Value* FunctionLowering::Coerce(llvm::Value* value, ir::TypeId from, ir::TypeId to) {
  from = module_.Effective(from);
  to = module_.Effective(to);
  Rep from_rep = module_.RepOf(from);
  Rep to_rep = module_.RepOf(to);
  if (!value) return to_rep == Rep::Value ? NoneValue() : llvm::Constant::getNullValue(module_.LlvmType(to));
  if (from_rep == to_rep) return value;
  switch (to_rep) {
    case Rep::Value:
      if (from_rep == Rep::Float) return CallHelper(Helper::box_float, {value});
      if (from_rep == Rep::Complex) return CallHelper(Helper::box_complex, {RealPart(value), ImagPart(value)});
      if (from_rep == Rep::Bool) return BoolToValue(value);
      return Tag(value);  // a machine word (viper int) becomes a small int
    case Rep::Float:
      return ToFloat(value, from);
    case Rep::Complex:
      return ToComplex(value, from);
    case Rep::Bool:
      return ToBool(value, from);
    case Rep::Word:
      if (from_rep == Rep::Value) return Untag(value);
      if (from_rep == Rep::Bool) return b_.CreateZExt(value, t_.word);
      return b_.CreateFPToSI(value, t_.word);
    case Rep::Void:
      break;
  }
  return value;
}

llvm::Value* FunctionLowering::IsSmallInt(llvm::Value* value) {
  return b_.CreateICmpNE(b_.CreateAnd(value, Word(1)), Word(0), "is_small");
}
llvm::Value* FunctionLowering::IsQstr(llvm::Value* value) {
  return b_.CreateICmpEQ(b_.CreateAnd(value, Word(7)), Word(2), "is_qstr");
}
llvm::Value* FunctionLowering::Untag(llvm::Value* small_int) { return b_.CreateAShr(small_int, Word(1)); }
llvm::Value* FunctionLowering::Tag(llvm::Value* integer) { return b_.CreateOr(b_.CreateShl(integer, Word(1)), Word(1)); }

// False and True are 0x0e and 0x1e: one bit apart.
llvm::Value* FunctionLowering::BoolToValue(llvm::Value* flag) {
  return b_.CreateOr(b_.CreateShl(b_.CreateZExt(flag, t_.word), 4), FalseValue());
}

llvm::Value* FunctionLowering::BoolToSmallInt(llvm::Value* flag) {
  return b_.CreateOr(b_.CreateShl(b_.CreateZExt(flag, t_.word), 1), Word(1));
}

llvm::Value* FunctionLowering::HasExactType(llvm::Value* value, llvm::Value* type_symbol) {
  llvm::BasicBlock* start = b_.GetInsertBlock();
  llvm::BasicBlock* check = NewBlock("type.check");
  llvm::BasicBlock* done = NewBlock("type.known");
  // A heap object: the low two bits clear, and neither null nor the sentinel (4).
  llvm::Value* is_object =
      b_.CreateAnd(b_.CreateICmpEQ(b_.CreateAnd(value, Word(3)), Word(0)), b_.CreateICmpUGT(value, Word(4)));
  b_.CreateCondBr(is_object, check, done);
  b_.SetInsertPoint(check);
  llvm::Value* type_word = b_.CreateLoad(t_.ptr, b_.CreateIntToPtr(value, t_.ptr), "type");
  llvm::Value* same = b_.CreateICmpEQ(type_word, type_symbol);
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
  llvm::PHINode* result = b_.CreatePHI(t_.i1, 2, "exact");
  result->addIncoming(b_.getFalse(), start);
  result->addIncoming(same, check);
  return result;
}

llvm::Value* FunctionLowering::FloatOrBranch(llvm::Value* value, bool exact_ints, llvm::BasicBlock* other) {
  llvm::BasicBlock* done = NewBlock("dyn.float");
  std::vector<std::pair<llvm::Value*, llvm::BasicBlock*>> incoming;
  llvm::BasicBlock* small = NewBlock("dyn.small");
  llvm::BasicBlock* not_small = NewBlock("dyn.notsmall");
  b_.CreateCondBr(IsSmallInt(value), small, not_small);
  b_.SetInsertPoint(small);
  llvm::Value* integer = Untag(value);
  if (exact_ints) {
    unsigned bits = t_.word->getBitWidth();
    int64_t limit = int64_t{1} << std::min(t_.float_mantissa_bits, bits - 2);
    llvm::BasicBlock* in_range = NewBlock("dyn.exact");
    b_.CreateCondBr(b_.CreateICmpULE(b_.CreateAdd(integer, Word(limit)), Word(2 * limit)), in_range, other);
    b_.SetInsertPoint(in_range);
  }
  incoming.push_back({b_.CreateSIToFP(integer, t_.fp), b_.GetInsertBlock()});
  b_.CreateBr(done);
  b_.SetInsertPoint(not_small);
  llvm::Value* is_float = HasExactType(value, module_.abi().TypeSymbol("float"));
  llvm::BasicBlock* load = NewBlock("dyn.load");
  b_.CreateCondBr(is_float, load, other);
  b_.SetInsertPoint(load);
  incoming.push_back({LoadFloatAt(value, module_.abi().FloatValueOffset()), load});
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
  llvm::PHINode* result = b_.CreatePHI(t_.fp, incoming.size(), "dyn.value");
  for (auto& [v, block] : incoming) result->addIncoming(v, block);
  return result;
}

llvm::Value* FunctionLowering::TypeWordOrNull(llvm::Value* value) {
  llvm::BasicBlock* start = b_.GetInsertBlock();
  llvm::BasicBlock* load = NewBlock("type.load");
  llvm::BasicBlock* done = NewBlock("type.word");
  llvm::Value* is_object =
      b_.CreateAnd(b_.CreateICmpEQ(b_.CreateAnd(value, Word(3)), Word(0)), b_.CreateICmpUGT(value, Word(4)));
  b_.CreateCondBr(is_object, load, done);
  b_.SetInsertPoint(load);
  llvm::Value* type_word = b_.CreateLoad(t_.ptr, b_.CreateIntToPtr(value, t_.ptr), "type");
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
  llvm::PHINode* result = b_.CreatePHI(t_.ptr, 2, "type");
  result->addIncoming(llvm::ConstantPointerNull::get(t_.ptr), start);
  result->addIncoming(type_word, load);
  return result;
}

llvm::Value* FunctionLowering::LoadFloatAt(llvm::Value* value, unsigned offset) {
  llvm::Value* address = b_.CreateConstInBoundsGEP1_32(b_.getInt8Ty(), b_.CreateIntToPtr(value, t_.ptr), offset);
  return b_.CreateLoad(t_.fp, address);
}

llvm::Value* FunctionLowering::MakeComplex(llvm::Value* real, llvm::Value* imag) {
  llvm::Value* pair = b_.CreateInsertValue(llvm::PoisonValue::get(t_.complex), real, 0);
  return b_.CreateInsertValue(pair, imag, 1, "complex");
}

llvm::Value* FunctionLowering::ToComplex(llvm::Value* value, ir::TypeId from) {
  if (module_.RepOf(from) == Rep::Complex) return value;
  if (module_.RepOf(from) != Rep::Value || Kind(from) == TypeKind::Int)
    return MakeComplex(ToFloat(value, from), llvm::ConstantFP::get(t_.fp, 0.0));
  return UnboxComplex(value);
}

// An exact complex object inline; anything else through the runtime
// (a complex subclass's instance, a number, or TypeError).
llvm::Value* FunctionLowering::UnboxComplex(llvm::Value* value) {
  llvm::Value* is_complex = HasExactType(value, module_.abi().TypeSymbol("complex"));
  llvm::BasicBlock* inline_load = NewBlock("complex.inline");
  llvm::BasicBlock* slow = NewBlock("complex.slow");
  llvm::BasicBlock* done = NewBlock("complex.done");
  BranchLikely(is_complex, inline_load, slow);
  b_.SetInsertPoint(inline_load);
  unsigned offset = module_.abi().FloatValueOffset();
  llvm::Value* loaded =
      MakeComplex(LoadFloatAt(value, offset), LoadFloatAt(value, offset + t_.fp->getPrimitiveSizeInBits() / 8));
  b_.CreateBr(done);
  b_.SetInsertPoint(slow);
  llvm::Value* converted =
      MakeComplex(CallHelper(Helper::complex_real, {value}), CallHelper(Helper::complex_imag, {value}));
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
  llvm::PHINode* result = b_.CreatePHI(t_.complex, 2, "unboxed");
  result->addIncoming(loaded, inline_load);
  result->addIncoming(converted, slow);
  return result;
}

llvm::Value* FunctionLowering::UnboxFloat(llvm::Value* value, Helper slow_helper) {
  llvm::Value* is_float = HasExactType(value, module_.abi().TypeSymbol("float"));
  llvm::BasicBlock* inline_load = NewBlock("unbox.inline");
  llvm::BasicBlock* slow = NewBlock("unbox.slow");
  llvm::BasicBlock* done = NewBlock("unbox.done");
  BranchLikely(is_float, inline_load, slow);
  b_.SetInsertPoint(inline_load);
  llvm::Value* loaded = LoadFloatAt(value, module_.abi().FloatValueOffset());
  b_.CreateBr(done);
  b_.SetInsertPoint(slow);
  llvm::Value* converted = CallHelper(slow_helper, {value});  // unbox_float: int, bool, or TypeError
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
  llvm::PHINode* result = b_.CreatePHI(t_.fp, 2, "unboxed");
  result->addIncoming(loaded, inline_load);
  result->addIncoming(converted, slow);
  return result;
}

llvm::Value* FunctionLowering::ToFloat(llvm::Value* value, ir::TypeId from) {
  switch (module_.RepOf(from)) {
    case Rep::Float:
      return value;
    case Rep::Bool:
      return b_.CreateUIToFP(value, t_.fp);
    case Rep::Word:
      return b_.CreateSIToFP(value, t_.fp);
    default:
      break;
  }
  if (Kind(from) != TypeKind::Int) return UnboxFloat(value);
  // An int: small ints convert inline (correctly rounded, as Python does);
  // big ints through the runtime (OverflowError when too big).
  llvm::BasicBlock* small = NewBlock("int.small");
  llvm::BasicBlock* big = NewBlock("int.big");
  llvm::BasicBlock* done = NewBlock("int.float");
  BranchLikely(IsSmallInt(value), small, big);
  b_.SetInsertPoint(small);
  llvm::Value* converted = b_.CreateSIToFP(Untag(value), t_.fp);
  b_.CreateBr(done);
  b_.SetInsertPoint(big);
  llvm::Value* helper = CallHelper(Helper::unbox_float, {value});
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
  llvm::PHINode* result = b_.CreatePHI(t_.fp, 2, "as_float");
  result->addIncoming(converted, small);
  result->addIncoming(helper, big);
  return result;
}

llvm::Value* FunctionLowering::ToBool(llvm::Value* value, ir::TypeId from) {
  return Truth(Typed{value, from});
}

// bool(value), inline where the type says how.
llvm::Value* FunctionLowering::Truth(const Typed& typed) {
  ir::TypeId type = module_.Effective(typed.type);
  llvm::Value* value = typed.value;
  switch (module_.RepOf(type)) {
    case Rep::Bool:
      return value;
    case Rep::Float:
      return b_.CreateFCmpUNE(value, llvm::ConstantFP::get(t_.fp, 0.0));  // NaN is true
    case Rep::Complex: {
      llvm::Constant* zero = llvm::ConstantFP::get(t_.fp, 0.0);
      return b_.CreateOr(b_.CreateFCmpUNE(RealPart(value), zero), b_.CreateFCmpUNE(ImagPart(value), zero));
    }
    case Rep::Word:
      return b_.CreateICmpNE(value, Word(0));
    default:
      break;
  }
  switch (Kind(type)) {
    case TypeKind::Int:
      return b_.CreateICmpNE(value, SmallInt(0));  // big ints are never zero
    case TypeKind::NoneType:
      return b_.getFalse();
    case TypeKind::List:
      return b_.CreateICmpNE(SequenceHeader(LoadWordField(value, abi_field::kListObject_length)), Word(0));
    case TypeKind::Tuple:
      return b_.CreateICmpNE(SequenceHeader(LoadWordField(value, abi_field::kTupleObject_length)), Word(0));
    default:
      break;
  }
  // Anything: True/False and small ints inline, the rest through the runtime.
  llvm::BasicBlock* start = b_.GetInsertBlock();
  llvm::BasicBlock* not_bool = NewBlock("truth.notbool");
  llvm::BasicBlock* small = NewBlock("truth.small");
  llvm::BasicBlock* slow = NewBlock("truth.slow");
  llvm::BasicBlock* done = NewBlock("truth.done");
  llvm::Value* is_bool = b_.CreateICmpEQ(b_.CreateOr(value, Word(0x10)), TrueValue());
  llvm::Value* bool_result = b_.CreateICmpEQ(value, TrueValue());
  b_.CreateCondBr(is_bool, done, not_bool);
  b_.SetInsertPoint(not_bool);
  b_.CreateCondBr(IsSmallInt(value), small, slow);
  b_.SetInsertPoint(small);
  llvm::Value* small_result = b_.CreateICmpNE(value, SmallInt(0));
  b_.CreateBr(done);
  b_.SetInsertPoint(slow);
  llvm::Value* slow_result = CallHelper(Helper::is_true, {value});
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
  llvm::PHINode* result = b_.CreatePHI(t_.i1, 3, "truth");
  result->addIncoming(bool_result, start);
  result->addIncoming(small_result, small);
  result->addIncoming(slow_result, slow);
  return result;
}

}  // namespace taipan::llvmbe
