// Operators. Typed operands get inline fast paths: ints as tagged small
// ints (overflow and big ints fall back to taipan_native_binary_op, which
// promotes), floats and complex numbers unboxed, bools as i1. Everything
// else calls the runtime's generic operator.
#include <llvm/IR/Intrinsics.h>
#include <llvm/IR/MDBuilder.h>

#include "backends/llvm/lower.h"

namespace taipan::llvmbe {

using ir::TypeKind;

namespace {

using ir::IsComparison;

bool IsNumericArithmetic(BinOp op) {
  return op >= BinOp::Or && op <= BinOp::Power && op != BinOp::MatMultiply;
}

bool IsNumeric(TypeKind kind) { return kind == TypeKind::Int || kind == TypeKind::Bool || kind == TypeKind::Float; }

// An int, or a value whose type inference does not know (Object).
bool IsIntOrDynamic(TypeKind kind) { return kind == TypeKind::Int || kind == TypeKind::Object; }

llvm::CmpInst::Predicate SignedPredicate(BinOp op) {
  switch (op) {
    case BinOp::Less: return llvm::CmpInst::ICMP_SLT;
    case BinOp::More: return llvm::CmpInst::ICMP_SGT;
    case BinOp::Equal: return llvm::CmpInst::ICMP_EQ;
    case BinOp::LessEqual: return llvm::CmpInst::ICMP_SLE;
    case BinOp::MoreEqual: return llvm::CmpInst::ICMP_SGE;
    default: return llvm::CmpInst::ICMP_NE;
  }
}

// Ordered comparisons are false for NaN; != is true for NaN.
llvm::CmpInst::Predicate FloatPredicate(BinOp op) {
  switch (op) {
    case BinOp::Less: return llvm::CmpInst::FCMP_OLT;
    case BinOp::More: return llvm::CmpInst::FCMP_OGT;
    case BinOp::Equal: return llvm::CmpInst::FCMP_OEQ;
    case BinOp::LessEqual: return llvm::CmpInst::FCMP_OLE;
    case BinOp::MoreEqual: return llvm::CmpInst::FCMP_OGE;
    default: return llvm::CmpInst::FCMP_UNE;
  }
}

}  // namespace

Typed FunctionLowering::GenericBinary(BinOp op, const Typed& lhs, const Typed& rhs) {
  llvm::Value* a = BoxOrReuse(lhs);
  llvm::Value* b = BoxOrReuse(rhs);
  return {CallHelper(Helper::binary_op, {Word(static_cast<int64_t>(op)), a, b}), ir::kObjectType};
}

Typed FunctionLowering::LowerBinary(const ir::Inst& inst) {
  BinOp original = static_cast<BinOp>(inst.sub);
  BinOp op = NonInplace(original);  // ints and floats are immutable: in-place is plain
  Typed lhs = Operand(inst, 0);
  Typed rhs = Operand(inst, 1);
  TypeKind left = Kind(lhs.type);
  TypeKind right = Kind(rhs.type);
  if (IsComparison(op)) {
    if (std::optional<Typed> decided = AbsComparison(inst, op)) return *decided;
  }
  if (!(IsComparison(op) || IsNumericArithmetic(op))) return GenericBinary(original, lhs, rhs);
  if (IsIntOrDynamic(left) && IsIntOrDynamic(right) && (left == TypeKind::Object || right == TypeKind::Object)) {
    // Untyped operands are often small ints (or floats): try that inline first.
    if (op == BinOp::Power) return GenericBinary(original, lhs, rhs);
    size_t id = static_cast<size_t>(&inst - function_.insts.data());
    bool truth_only = IsComparison(op) && only_truth_used_[id];
    return IntBinary(op, original, lhs.value, rhs.value, /*dynamic=*/true, truth_only);
  }
  bool float_and_dynamic = (left == TypeKind::Float && right == TypeKind::Object) ||
                           (left == TypeKind::Object && right == TypeKind::Float);
  if (float_and_dynamic && !module_.optimize_size()) {
    size_t id = static_cast<size_t>(&inst - function_.insts.data());
    return FloatWithDynamic(op, original, lhs, rhs, IsComparison(op) && only_truth_used_[id]);
  }
  bool complex = left == TypeKind::Complex || right == TypeKind::Complex;
  if (complex && (IsNumeric(left) || left == TypeKind::Complex) && (IsNumeric(right) || right == TypeKind::Complex))
    return ComplexBinary(op, original, lhs, rhs);
  if (left == TypeKind::Str && right == TypeKind::Str && IsComparison(op))
    return StrComparison(op, lhs.value, rhs.value);
  if (!IsNumeric(left) || !IsNumeric(right)) return GenericBinary(original, lhs, rhs);
  if (left == TypeKind::Float || right == TypeKind::Float) return FloatBinary(op, original, lhs, rhs);
  if (left == TypeKind::Bool && right == TypeKind::Bool) {
    // bool & | ^ bool is a bool.
    if (op == BinOp::And) return {b_.CreateAnd(lhs.value, rhs.value), ir::kBoolType};
    if (op == BinOp::Or) return {b_.CreateOr(lhs.value, rhs.value), ir::kBoolType};
    if (op == BinOp::Xor) return {b_.CreateXor(lhs.value, rhs.value), ir::kBoolType};
  }
  // Bools take part in int arithmetic as 0 and 1.
  llvm::Value* a = left == TypeKind::Bool ? BoolToSmallInt(lhs.value) : lhs.value;
  llvm::Value* b = right == TypeKind::Bool ? BoolToSmallInt(rhs.value) : rhs.value;
  // A speculative loop's end is a small int: its counter's step is too. And
  // the speculative copy's range checks bound some operations' operands.
  size_t id = static_cast<size_t>(&inst - function_.insts.data());
  cannot_overflow_ = speculating_ && ((inst.imm == ir::kRangeCounterStep && InSpeculativeLoop()) ||
                                      speculation_->cannot_overflow.count(static_cast<ir::InstId>(id)));
  Typed result = IntBinary(op, original, a, b);
  cannot_overflow_ = false;
  return result;
}

// Two strs (a qstr or an exact str each) compare by text, without the
// generic dispatch. Two qstrs are equal only as the same word (one qstr
// per text): == and != of those need no call.
Typed FunctionLowering::StrComparison(BinOp op, llvm::Value* lhs, llvm::Value* rhs) {
  if (op != BinOp::Equal && op != BinOp::NotEqual) {
    llvm::Value* order = CallHelper(Helper::str_compare, {lhs, rhs});
    return {b_.CreateICmp(SignedPredicate(op), order, Word(0)), ir::kBoolType};
  }
  llvm::BasicBlock* qstrs = NewBlock("str.qstrs");
  llvm::BasicBlock* texts = NewBlock("str.texts");
  llvm::BasicBlock* done = NewBlock("str.compared");
  BranchLikely(b_.CreateAnd(IsQstr(lhs), IsQstr(rhs)), qstrs, texts);
  b_.SetInsertPoint(qstrs);
  llvm::Value* same = b_.CreateICmpEQ(lhs, rhs);
  b_.CreateBr(done);
  b_.SetInsertPoint(texts);
  llvm::Value* equal = CallHelper(Helper::str_equal, {lhs, rhs});
  llvm::BasicBlock* texts_end = b_.GetInsertBlock();
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
  llvm::PHINode* result = b_.CreatePHI(b_.getInt1Ty(), 2, "str.equal");
  result->addIncoming(same, qstrs);
  result->addIncoming(equal, texts_end);
  return {op == BinOp::Equal ? static_cast<llvm::Value*>(result) : b_.CreateNot(result), ir::kBoolType};
}

// Both operands are ints (tagged Values). The fast path runs when both are
// small ints; its result may still send it to the slow path (overflow).
Typed FunctionLowering::IntBinary(BinOp op, BinOp original, llvm::Value* a, llvm::Value* b, bool dynamic,
                                  bool truth_only) {
  ir::TypeId result_type = dynamic ? ir::kObjectType : ir::kIntType;
  if (IsComparison(op) && (!dynamic || truth_only)) {
    result_type = ir::kBoolType;
  } else if (op == BinOp::TrueDivide && !dynamic) {
    result_type = ir::kFloatType;
  } else if (op == BinOp::Power || op == BinOp::MatMultiply) {
    return GenericBinary(original, {a, ir::kIntType}, {b, ir::kIntType});
  }
  unsigned bits = t_.word->getBitWidth();
  llvm::BasicBlock* fast = NewBlock("int.fast");
  llvm::BasicBlock* not_small = NewBlock("int.notsmall");
  llvm::BasicBlock* slow = NewBlock("int.slow");
  llvm::BasicBlock* done = NewBlock("int.done");
  // One check per operand, not one of (a & b): a dominating check of a
  // single value's tag lets LLVM drop that value's later checks.
  llvm::BasicBlock* check_b = NewBlock("int.check");
  BranchLikely(IsSmallInt(a), check_b, not_small);
  b_.SetInsertPoint(check_b);
  BranchLikely(IsSmallInt(b), fast, not_small);

  // Untyped operands that are not both small ints may be floats: inline
  // too (not at -Os: it is the larger code).
  std::vector<std::pair<llvm::Value*, llvm::BasicBlock*>> incoming;
  b_.SetInsertPoint(not_small);
  llvm::Value* float_result = nullptr;
  if (dynamic && !module_.optimize_size()) float_result = DynamicFloatPath(op, a, b, truth_only, slow);
  if (float_result) {
    incoming.push_back({float_result, b_.GetInsertBlock()});
    b_.CreateBr(done);
  } else {
    b_.CreateBr(slow);
  }
  b_.SetInsertPoint(fast);

  llvm::Value* result = nullptr;
  llvm::Value* overflow = nullptr;  // i1: take the slow path after all
  auto with_overflow = [&](llvm::Intrinsic::ID id, llvm::Value* x, llvm::Value* y) {
    llvm::Value* pair = b_.CreateBinaryIntrinsic(id, x, y);
    overflow = b_.CreateExtractValue(pair, 1);
    return b_.CreateExtractValue(pair, 0);
  };
  auto untag_divisor = [&]() {
    llvm::Value* y = Untag(b);
    RaiseIf(b_.CreateICmpEQ(y, Word(0)), Helper::raise_zero_division, {});
    return y;
  };
  switch (op) {
    case BinOp::Add:  // (2x+1) + 2y
      if (cannot_overflow_) result = b_.CreateNSWAdd(a, b_.CreateXor(b, Word(1)));
      else result = with_overflow(llvm::Intrinsic::sadd_with_overflow, a, b_.CreateXor(b, Word(1)));
      break;
    case BinOp::Subtract:  // (2x+1) - 2y
      if (cannot_overflow_) result = b_.CreateNSWSub(a, b_.CreateXor(b, Word(1)));
      else result = with_overflow(llvm::Intrinsic::ssub_with_overflow, a, b_.CreateXor(b, Word(1)));
      break;
    case BinOp::Multiply: {  // 2x * y, then the tag
      llvm::Value* doubled = b_.CreateXor(a, Word(1));
      llvm::Value* product = cannot_overflow_ ? b_.CreateNSWMul(doubled, Untag(b))
                                              : with_overflow(llvm::Intrinsic::smul_with_overflow, doubled, Untag(b));
      result = b_.CreateOr(product, Word(1));
      break;
    }
    case BinOp::And:
      result = b_.CreateAnd(a, b);
      break;
    case BinOp::Or:
      result = b_.CreateOr(a, b);
      break;
    case BinOp::Xor:
      result = b_.CreateOr(b_.CreateXor(a, b), Word(1));
      break;
    case BinOp::Lshift: {
      // Shift 2x; if shifting back does not give 2x, bits were lost. Negative
      // and too large counts go to the runtime (ValueError / big int).
      llvm::Value* count = Untag(b);
      llvm::Value* doubled = b_.CreateXor(a, Word(1));
      llvm::Value* safe_count = b_.CreateAnd(count, Word(bits - 1));
      llvm::Value* shifted = b_.CreateShl(doubled, safe_count);
      overflow = b_.CreateOr(b_.CreateICmpUGE(count, Word(bits - 1)),
                             b_.CreateICmpNE(b_.CreateAShr(shifted, safe_count), doubled));
      result = b_.CreateOr(shifted, Word(1));
      break;
    }
    case BinOp::Rshift: {
      llvm::Value* count = Untag(b);
      overflow = b_.CreateICmpSLT(count, Word(0));  // ValueError from the runtime
      llvm::Value* clamped = b_.CreateSelect(b_.CreateICmpUGT(count, Word(bits - 1)), Word(bits - 1), count);
      result = Tag(b_.CreateAShr(Untag(a), clamped));
      break;
    }
    case BinOp::FloorDivide: {
      llvm::Value* y = untag_divisor();
      llvm::Value* x = Untag(a);
      llvm::Value* quotient = b_.CreateSDiv(x, y);
      llvm::Value* remainder = b_.CreateSRem(x, y);
      // Python rounds toward minus infinity.
      llvm::Value* adjust = b_.CreateAnd(b_.CreateICmpNE(remainder, Word(0)),
                                         b_.CreateICmpSLT(b_.CreateXor(remainder, y), Word(0)));
      quotient = b_.CreateSub(quotient, b_.CreateZExt(adjust, t_.word));
      // Only smallest // -1 leaves the small-int range.
      if (!cannot_overflow_)
        overflow = b_.CreateICmpNE(b_.CreateAShr(b_.CreateShl(quotient, Word(1)), Word(1)), quotient);
      result = Tag(quotient);
      break;
    }
    case BinOp::Modulo: {
      llvm::Value* y = untag_divisor();
      llvm::Value* remainder = b_.CreateSRem(Untag(a), y);
      // The result takes the divisor's sign.
      llvm::Value* adjust = b_.CreateAnd(b_.CreateICmpNE(remainder, Word(0)),
                                         b_.CreateICmpSLT(b_.CreateXor(remainder, y), Word(0)));
      result = Tag(b_.CreateSelect(adjust, b_.CreateAdd(remainder, y), remainder));
      break;
    }
    case BinOp::TrueDivide: {
      // Exact when both ints fit the mantissa: one correctly rounded division.
      llvm::Value* y = untag_divisor();
      llvm::Value* x = Untag(a);
      int64_t limit = int64_t{1} << std::min(t_.float_mantissa_bits, bits - 2);
      auto out_of_range = [&](llvm::Value* v) {
        return b_.CreateICmpUGT(b_.CreateAdd(v, Word(limit)), Word(2 * limit));
      };
      overflow = b_.CreateOr(out_of_range(x), out_of_range(y));
      result = b_.CreateFDiv(b_.CreateSIToFP(x, t_.fp), b_.CreateSIToFP(y, t_.fp));
      break;
    }
    default:  // comparisons: the tagged words order like the ints
      result = b_.CreateICmp(SignedPredicate(op), a, b);
      if (dynamic && !truth_only) result = BoolToValue(result);
      break;
  }
  if (dynamic && result->getType()->isFloatingPointTy()) {
    // An untyped int / int: the float is an object again, boxed only when
    // the inline division is valid.
    llvm::BasicBlock* box = NewBlock("int.box");
    b_.CreateCondBr(overflow, slow, box, llvm::MDBuilder(module_.context()).createUnlikelyBranchWeights());
    b_.SetInsertPoint(box);
    result = CallHelper(Helper::box_float, {result});
    overflow = nullptr;
  }
  llvm::BasicBlock* fast_end = b_.GetInsertBlock();
  if (overflow) {
    b_.CreateCondBr(overflow, slow, done, llvm::MDBuilder(module_.context()).createUnlikelyBranchWeights());
  } else {
    b_.CreateBr(done);
  }
  incoming.push_back({result, fast_end});

  b_.SetInsertPoint(slow);
  // Overflow or a big int: two typed ints go straight to the int
  // arithmetic; an untyped operand may be anything.
  Typed generic = dynamic ? GenericBinary(original, {a, ir::kIntType}, {b, ir::kIntType})
                          : Typed{CallHelper(Helper::int_binary_op, {Word(static_cast<int64_t>(original)), a, b}),
                                  ir::kObjectType};
  // Comparing ints always gives True or False; other objects' comparisons
  // may return anything, whose truth the use wants.
  llvm::Value* slow_result = IsComparison(op) && !dynamic ? b_.CreateICmpEQ(generic.value, TrueValue())
                                                          : Coerce(generic.value, generic.type, result_type);
  llvm::BasicBlock* slow_end = b_.GetInsertBlock();
  if (!LeaveSpeculation(slow_result, result_type)) {
    b_.CreateBr(done);
    incoming.push_back({slow_result, slow_end});
  }
  b_.SetInsertPoint(done);
  llvm::PHINode* phi = b_.CreatePHI(result->getType(), incoming.size(), "int.result");
  for (auto& [value, block] : incoming) phi->addIncoming(value, block);
  return {phi, result_type};
}

Typed FunctionLowering::FloatWithDynamic(BinOp op, BinOp original, const Typed& lhs, const Typed& rhs,
                                         bool truth_only) {
  bool comparison = IsComparison(op);
  if (!comparison && op != BinOp::Add && op != BinOp::Subtract && op != BinOp::Multiply && op != BinOp::TrueDivide)
    return GenericBinary(original, lhs, rhs);
  bool left_is_float = Kind(lhs.type) == TypeKind::Float;
  llvm::Value* known = OperandAsFloat(left_is_float ? lhs : rhs);
  llvm::Value* boxed_known = nullptr;
  llvm::BasicBlock* slow = NewBlock("mixed.slow");
  llvm::BasicBlock* done = NewBlock("mixed.done");
  llvm::Value* other = FloatOrBranch((left_is_float ? rhs : lhs).value, comparison, slow);
  llvm::Value* x = left_is_float ? known : other;
  llvm::Value* y = left_is_float ? other : known;
  llvm::Value* fast_result;
  if (comparison) {
    fast_result = b_.CreateFCmp(FloatPredicate(op), x, y);
  } else {
    fast_result = FloatArith(op, x, y);
  }
  llvm::BasicBlock* fast_end = b_.GetInsertBlock();
  b_.CreateBr(done);
  b_.SetInsertPoint(slow);
  boxed_known = Box(left_is_float ? lhs : rhs);
  llvm::Value* a = left_is_float ? boxed_known : lhs.value;
  llvm::Value* b = left_is_float ? rhs.value : boxed_known;
  llvm::Value* generic = CallHelper(Helper::binary_op, {Word(static_cast<int64_t>(original)), a, b});
  // The other operand's own method may return anything: an object.
  ir::TypeId result_type = comparison && truth_only ? ir::kBoolType : ir::kObjectType;
  if (!comparison) {
    // Box the inline result instead (one allocation either way).
    b_.SetInsertPoint(fast_end->getTerminator());
    fast_result = CallHelper(Helper::box_float, {fast_result});
    b_.SetInsertPoint(slow);
  } else if (!truth_only) {
    b_.SetInsertPoint(fast_end->getTerminator());
    fast_result = BoolToValue(fast_result);
    b_.SetInsertPoint(slow);
  }
  llvm::Value* slow_result = Coerce(generic, ir::kObjectType, result_type);
  llvm::BasicBlock* slow_end = b_.GetInsertBlock();
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
  llvm::PHINode* phi = b_.CreatePHI(fast_result->getType(), 2, "mixed.result");
  phi->addIncoming(fast_result, fast_end);
  phi->addIncoming(slow_result, slow_end);
  return {phi, result_type};
}

llvm::Value* FunctionLowering::FloatArith(BinOp op, llvm::Value* x, llvm::Value* y) {
  switch (op) {
    case BinOp::Add:
      return b_.CreateFAdd(x, y);
    case BinOp::Subtract:
      return b_.CreateFSub(x, y);
    case BinOp::Multiply:
      return b_.CreateFMul(x, y);
    default:  // TrueDivide
      RaiseIf(b_.CreateFCmpOEQ(y, llvm::ConstantFP::get(t_.fp, 0.0)), Helper::raise_zero_division, {});
      return b_.CreateFDiv(x, y);
  }
}

llvm::Value* FunctionLowering::DynamicFloatPath(BinOp op, llvm::Value* a, llvm::Value* b, bool truth_only,
                                                llvm::BasicBlock* other) {
  bool comparison = IsComparison(op);
  if (!comparison && op != BinOp::Add && op != BinOp::Subtract && op != BinOp::Multiply && op != BinOp::TrueDivide)
    return nullptr;
  // Python compares ints and floats exactly: only ints the Float holds.
  llvm::Value* x = FloatOrBranch(a, comparison, other);
  llvm::Value* y = FloatOrBranch(b, comparison, other);
  if (comparison) {
    llvm::Value* flag = b_.CreateFCmp(FloatPredicate(op), x, y);
    return truth_only ? flag : BoolToValue(flag);
  }
  return CallHelper(Helper::box_float, {FloatArith(op, x, y)});
}

// At least one operand is a float, the other an int, bool or float.
Typed FunctionLowering::FloatBinary(BinOp op, BinOp original, const Typed& lhs, const Typed& rhs) {
  if (IsComparison(op)) {
    if (Kind(lhs.type) == TypeKind::Int || Kind(rhs.type) == TypeKind::Int) return FloatCompareWithInt(op, lhs, rhs);
    llvm::Value* x = OperandAsFloat(lhs);
    llvm::Value* y = OperandAsFloat(rhs);
    return {b_.CreateFCmp(FloatPredicate(op), x, y), ir::kBoolType};
  }
  switch (op) {
    case BinOp::Add:
    case BinOp::Subtract:
    case BinOp::Multiply:
    case BinOp::TrueDivide:
    case BinOp::FloorDivide:
    case BinOp::Modulo:
    case BinOp::Power:
      break;
    default:
      return GenericBinary(original, lhs, rhs);  // TypeError for bit operations on floats
  }
  // Python converts the int operand to float (OverflowError when too big).
  llvm::Value* x = OperandAsFloat(lhs);
  llvm::Value* y = OperandAsFloat(rhs);
  switch (op) {
    case BinOp::Add:
      return {b_.CreateFAdd(x, y), ir::kFloatType};
    case BinOp::Subtract:
      return {b_.CreateFSub(x, y), ir::kFloatType};
    case BinOp::Multiply:
      return {b_.CreateFMul(x, y), ir::kFloatType};
    case BinOp::TrueDivide:
      RaiseIf(b_.CreateFCmpOEQ(y, llvm::ConstantFP::get(t_.fp, 0.0)), Helper::raise_zero_division, {});
      return {b_.CreateFDiv(x, y), ir::kFloatType};
    case BinOp::FloorDivide:
      return {CallHelper(Helper::float_floor_divide, {x, y}), ir::kFloatType};
    case BinOp::Modulo:
      return {CallHelper(Helper::float_modulo, {x, y}), ir::kFloatType};
    default:  // Power: a complex for a negative base with a fractional exponent
      // x ** 2 is a float whatever x is: one multiplication (runtime FloatPow).
      if (auto* exponent = llvm::dyn_cast<llvm::ConstantFP>(y); exponent && exponent->isExactlyValue(2.0))
        return {b_.CreateFMul(x, x), ir::kFloatType};
      return {CallHelper(Helper::float_power, {x, y}), ir::kObjectType};
  }
}

// As the runtime's complex operators: the other operand converted to a
// complex (an int correctly rounded, OverflowError when too big), then the
// complex operation. Division (Smith's algorithm, ZeroDivisionError) and
// comparisons with ints (exact) go to the runtime; the result of division
// is a complex object that LowerInst unboxes.
Typed FunctionLowering::ComplexBinary(BinOp op, BinOp original, const Typed& lhs, const Typed& rhs) {
  bool equality = op == BinOp::Equal || op == BinOp::NotEqual;
  bool with_int = Kind(lhs.type) == TypeKind::Int || Kind(rhs.type) == TypeKind::Int;
  if (equality && with_int) {
    llvm::Value* equal = b_.CreateICmpEQ(GenericBinary(op, lhs, rhs).value, TrueValue());
    return {equal, ir::kBoolType};
  }
  if (!equality && op != BinOp::Add && op != BinOp::Subtract && op != BinOp::Multiply)
    return GenericBinary(original, lhs, rhs);
  llvm::Value* x = ToComplex(lhs.value, lhs.type);
  llvm::Value* y = ToComplex(rhs.value, rhs.type);
  llvm::Value* a = RealPart(x);
  llvm::Value* b = ImagPart(x);
  llvm::Value* c = RealPart(y);
  llvm::Value* d = ImagPart(y);
  switch (op) {
    case BinOp::Add:
      return {MakeComplex(b_.CreateFAdd(a, c), b_.CreateFAdd(b, d)), ir::kComplexType};
    case BinOp::Subtract:
      return {MakeComplex(b_.CreateFSub(a, c), b_.CreateFSub(b, d)), ir::kComplexType};
    case BinOp::Multiply:
      return {MakeComplex(b_.CreateFSub(b_.CreateFMul(a, c), b_.CreateFMul(b, d)),
                          b_.CreateFAdd(b_.CreateFMul(a, d), b_.CreateFMul(b, c))),
              ir::kComplexType};
    default: {
      llvm::Value* equal = b_.CreateAnd(b_.CreateFCmpOEQ(a, c), b_.CreateFCmpOEQ(b, d));
      return {op == BinOp::Equal ? equal : b_.CreateNot(equal), ir::kBoolType};
    }
  }
}

// Python compares ints and floats exactly: inline only when the int
// converts exactly (a small int within the mantissa), else the runtime.
Typed FunctionLowering::FloatCompareWithInt(BinOp op, const Typed& lhs, const Typed& rhs) {
  unsigned bits = t_.word->getBitWidth();
  int64_t limit = int64_t{1} << std::min(t_.float_mantissa_bits, bits - 2);
  llvm::Value* exact = b_.getTrue();
  for (const Typed* side : {&lhs, &rhs}) {
    if (Kind(side->type) != TypeKind::Int) continue;
    llvm::Value* in_range = b_.CreateICmpULE(b_.CreateAdd(Untag(side->value), Word(limit)), Word(2 * limit));
    exact = b_.CreateAnd(exact, b_.CreateAnd(IsSmallInt(side->value), in_range));
  }
  llvm::BasicBlock* fast = NewBlock("cmp.fast");
  llvm::BasicBlock* slow = NewBlock("cmp.slow");
  llvm::BasicBlock* done = NewBlock("cmp.done");
  BranchLikely(exact, fast, slow);
  b_.SetInsertPoint(fast);
  auto as_float = [&](const Typed& side) {
    if (Kind(side.type) == TypeKind::Int) return b_.CreateSIToFP(Untag(side.value), t_.fp);
    return ToFloat(side.value, side.type);
  };
  llvm::Value* x = as_float(lhs);
  llvm::Value* y = as_float(rhs);
  llvm::Value* fast_result = b_.CreateFCmp(FloatPredicate(op), x, y);
  llvm::BasicBlock* fast_end = b_.GetInsertBlock();
  b_.CreateBr(done);
  b_.SetInsertPoint(slow);
  llvm::Value* slow_result = b_.CreateICmpEQ(GenericBinary(op, lhs, rhs).value, TrueValue());
  llvm::BasicBlock* slow_end = b_.GetInsertBlock();
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
  llvm::PHINode* phi = b_.CreatePHI(t_.i1, 2, "cmp.result");
  phi->addIncoming(fast_result, fast_end);
  phi->addIncoming(slow_result, slow_end);
  return {phi, ir::kBoolType};
}

Typed FunctionLowering::LowerUnary(const ir::Inst& inst) {
  UnOp op = static_cast<UnOp>(inst.sub);
  Typed operand = Operand(inst, 0);
  switch (Kind(operand.type)) {
    case TypeKind::Float:
      if (op == UnOp::Negative) return {b_.CreateFNeg(operand.value), ir::kFloatType};
      if (op == UnOp::Positive) return operand;
      break;
    case TypeKind::Complex:
      if (op == UnOp::Negative)
        return {MakeComplex(b_.CreateFNeg(RealPart(operand.value)), b_.CreateFNeg(ImagPart(operand.value))),
                ir::kComplexType};
      if (op == UnOp::Positive) return operand;
      break;
    case TypeKind::Int:
      return IntUnary(op, operand.value);
    case TypeKind::Object:  // often a small int: try that inline first
      return IntUnary(op, operand.value, /*dynamic=*/true);
    case TypeKind::Bool:
      if (op == UnOp::Positive || op == UnOp::Negative || op == UnOp::Invert)
        return IntUnary(op, BoolToSmallInt(operand.value));
      break;
    default:
      break;
  }
  return {CallHelper(Helper::unary_op, {Word(inst.sub), Box(operand)}), ir::kObjectType};
}

Typed FunctionLowering::IntUnary(UnOp op, llvm::Value* value, bool dynamic) {
  if (op == UnOp::Positive && !dynamic) return {value, ir::kIntType};
  if (op != UnOp::Negative && op != UnOp::Invert && op != UnOp::Positive)
    return {CallHelper(Helper::unary_op, {Word(static_cast<int64_t>(op)), value}), ir::kObjectType};
  llvm::BasicBlock* fast = NewBlock("neg.fast");
  llvm::BasicBlock* slow = NewBlock("neg.slow");
  llvm::BasicBlock* done = NewBlock("neg.done");
  BranchLikely(IsSmallInt(value), fast, slow);
  b_.SetInsertPoint(fast);
  llvm::Value* result;
  llvm::Value* overflow = nullptr;
  if (op == UnOp::Negative) {
    // -(2x+1) + 2 = 2(-x)+1; only the smallest small int overflows.
    llvm::Value* pair = b_.CreateBinaryIntrinsic(llvm::Intrinsic::ssub_with_overflow, Word(2), value);
    result = b_.CreateExtractValue(pair, 0);
    overflow = b_.CreateExtractValue(pair, 1);
  } else if (op == UnOp::Invert) {
    result = b_.CreateXor(value, Word(-2));  // ~x keeps the tag bit
  } else {
    result = value;  // +x of a small int
  }
  if (overflow) {
    b_.CreateCondBr(overflow, slow, done, llvm::MDBuilder(module_.context()).createUnlikelyBranchWeights());
  } else {
    b_.CreateBr(done);
  }
  b_.SetInsertPoint(slow);
  llvm::Value* slow_result = CallHelper(Helper::unary_op, {Word(static_cast<int64_t>(op)), value});
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
  llvm::PHINode* phi = b_.CreatePHI(t_.word, 2, "int.unary");
  phi->addIncoming(result, fast);
  phi->addIncoming(slow_result, slow);
  return {phi, dynamic ? ir::kObjectType : ir::kIntType};
}

// abs() of a float (its sign cleared) or a complex (the runtime's hypot).
Typed FunctionLowering::LowerAbs(const ir::Inst& inst) {
  // Only its comparisons use it, and they look at the complex itself.
  if (deferred_abs_[&inst - function_.insts.data()]) return {llvm::PoisonValue::get(t_.fp), ir::kFloatType};
  Typed operand = Operand(inst, 0);
  if (Kind(operand.type) == TypeKind::Complex) {
    llvm::Value* z = operand.value;
    return {CallHelper(Helper::complex_abs, {RealPart(z), ImagPart(z)}), ir::kFloatType};
  }
  return {b_.CreateUnaryIntrinsic(llvm::Intrinsic::fabs, OperandAsFloat(operand)), ir::kFloatType};
}

namespace {

// The comparison that holds with the operands swapped (c < x is x > c).
BinOp SwappedComparison(BinOp op) {
  switch (op) {
    case BinOp::Less: return BinOp::More;
    case BinOp::More: return BinOp::Less;
    case BinOp::LessEqual: return BinOp::MoreEqual;
    case BinOp::MoreEqual: return BinOp::LessEqual;
    default: return op;  // == and !=
  }
}

}  // namespace

// A constant c >= 0 with which abs(z) compares exactly as Floats compare:
// an int that converts exactly, or a float of the target's precision; and
// small enough that c * c is far from overflowing.
std::optional<double> FunctionLowering::AbsBound(const ir::Inst& constant) const {
  bool is_double = t_.fp->isDoubleTy();
  double c;
  if (constant.op == ir::Op::ConstInt) {
    if (constant.imm < 0 || constant.imm > (int64_t{1} << 24)) return std::nullopt;
    c = static_cast<double>(constant.imm);
  } else if (constant.op == ir::Op::ConstFloat) {
    c = is_double ? constant.fimm : static_cast<double>(static_cast<float>(constant.fimm));
  } else {
    return std::nullopt;
  }
  if (!(c >= 0 && c <= (is_double ? 0x1p500 : 0x1p50))) return std::nullopt;  // (NaN fails too)
  return c;
}

// abs(z) compared with such a constant c, the way mandelbrot-style escape
// tests write it (abs(z) > 2), decided from s = re*re + im*im when s is
// clearly above or below c*c: s is within a few roundings of |z|**2, so a
// margin of 2**(5 - mantissa bits) leaves |z| at least 4 units of its last
// place away from c, and abs(z) (correctly rounded) on the same side. s
// must also be finite (abs raises OverflowError where |z| overflows) and
// well above the subnormals (where the roundings are not relative).
// Otherwise, NaNs included, abs(z) is computed and compared.
std::optional<Typed> FunctionLowering::AbsComparison(const ir::Inst& inst, BinOp op) {
  size_t side = deferred_abs_[inst.ops[0]] ? 0 : deferred_abs_[inst.ops[1]] ? 1 : 2;
  if (side == 2) return std::nullopt;
  double c = *AbsBound(function_.insts[inst.ops[1 - side]]);  // ClassifyUses checked it
  if (side == 1) op = SwappedComparison(op);
  bool is_double = t_.fp->isDoubleTy();
  double margin = is_double ? 0x1p-48 : 0x1p-19;
  auto constant = [&](double value) { return llvm::ConstantFP::get(t_.fp, value); };
  llvm::Value* z = Operand(function_.insts[inst.ops[side]], 0).value;
  llvm::Value* re = RealPart(z);
  llvm::Value* im = ImagPart(z);
  llvm::Value* s = b_.CreateFAdd(b_.CreateFMul(re, re), b_.CreateFMul(im, im), "abs.squared");
  llvm::Value* above = b_.CreateAnd(b_.CreateFCmpOGT(s, constant(c * c * (1 + margin))),
                                    b_.CreateFCmpOLT(s, constant(__builtin_inf())));
  llvm::Value* below = b_.CreateAnd(b_.CreateFCmpOLT(s, constant(c * c * (1 - margin))),
                                    b_.CreateFCmpOGE(s, constant(is_double ? 0x1p-960 : 0x1p-100)));
  bool true_above = op == BinOp::More || op == BinOp::MoreEqual || op == BinOp::NotEqual;
  bool true_below = op == BinOp::Less || op == BinOp::LessEqual || op == BinOp::NotEqual;
  llvm::Value* decided_value = b_.CreateSelect(above, b_.getInt1(true_above), b_.getInt1(true_below));
  llvm::BasicBlock* fast = b_.GetInsertBlock();
  llvm::BasicBlock* slow = NewBlock("abs.exact");
  llvm::BasicBlock* done = NewBlock("abs.compared");
  BranchLikely(b_.CreateOr(above, below), done, slow);
  b_.SetInsertPoint(slow);
  llvm::Value* magnitude = CallHelper(Helper::complex_abs, {re, im});
  llvm::Value* exact = b_.CreateFCmp(FloatPredicate(op), magnitude, constant(c));
  llvm::BasicBlock* slow_end = b_.GetInsertBlock();
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
  llvm::PHINode* result = b_.CreatePHI(b_.getInt1Ty(), 2, "abs.compare");
  result->addIncoming(decided_value, fast);
  result->addIncoming(exact, slow_end);
  return Typed{result, ir::kBoolType};
}

// complex(x, y) of numbers: each part converted as float() converts it.
Typed FunctionLowering::LowerMakeComplex(const ir::Inst& inst) {
  llvm::Value* parts[2] = {llvm::ConstantFP::get(t_.fp, 0.0), llvm::ConstantFP::get(t_.fp, 0.0)};
  for (size_t i = 0; i < inst.ops.size(); ++i) parts[i] = OperandAsFloat(Operand(inst, i));
  return {MakeComplex(parts[0], parts[1]), ir::kComplexType};
}

// math.sqrt: the target's instruction, except below zero, where the
// runtime raises ValueError (as it computes the whole thing on targets
// without the instruction).
llvm::Value* FunctionLowering::Sqrt(llvm::Value* x) {
  if (!module_.target().hardware_sqrt) return CallHelper(Helper::float_sqrt, {x});
  llvm::BasicBlock* inline_root = NewBlock("sqrt");
  llvm::BasicBlock* negative = NewBlock("sqrt.negative");
  llvm::BasicBlock* done = NewBlock("sqrt.done");
  BranchLikely(b_.CreateFCmpOGE(x, llvm::ConstantFP::get(t_.fp, 0.0)), inline_root, negative);
  b_.SetInsertPoint(inline_root);
  llvm::Value* root = b_.CreateUnaryIntrinsic(llvm::Intrinsic::sqrt, x);
  b_.CreateBr(done);
  b_.SetInsertPoint(negative);  // also NaN, whose root the runtime gives as NaN
  llvm::Value* checked = CallHelper(Helper::float_sqrt, {x});
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
  llvm::PHINode* result = b_.CreatePHI(t_.fp, 2, "sqrt");
  result->addIncoming(root, inline_root);
  result->addIncoming(checked, negative);
  return result;
}

}  // namespace taipan::llvmbe
