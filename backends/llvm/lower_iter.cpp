// for loops: iter() and for.iter. Lists and tuples iterate in place, with
// no iterator object and no runtime call per item (the VM does the same),
// and so do ranges of small ints; everything else goes through the
// runtime's iterator protocol.
#include "backends/llvm/lower.h"

namespace taipan::llvmbe {

using ir::Op;
using ir::TypeKind;

// The for-loop iterator locals (ir::FindForIterators): only for.iter reads
// them, so a list or tuple can stand in for its iterator.
void FunctionLowering::FindSequenceLoops() {
  std::vector<ir::InstId> sources = ir::FindForIterators(function_);
  sequence_iterator_.assign(sources.size(), false);
  range_iterator_.assign(sources.size(), false);
  for (ir::LocalId local = 0; local < sources.size(); ++local) {
    if (sources[local] == ir::kNoId) continue;
    sequence_iterator_[local] = true;
    range_iterator_[local] = Kind(function_.insts[function_.insts[sources[local]].ops[0]].type) == TypeKind::Range;
    getiter_local_[sources[local]] = local;
  }
}

// iter(x): for an in-place loop, a list or tuple is kept as it is with
// index 0, and so is a range whose bounds and step are small ints (then
// every item, and the one after the last, is a small int too: no overflow
// computing them); anything else gets its iterator and index -1.
Typed FunctionLowering::LowerGetIter(const ir::Inst& inst) {
  ir::InstId id = static_cast<ir::InstId>(&inst - function_.insts.data());
  llvm::Value* iterable = BoxedOperand(inst, 0);
  auto found = getiter_local_.find(id);
  if (found == getiter_local_.end()) return {CallHelper(Helper::get_iter, {iterable}), ir::kObjectType};
  llvm::AllocaInst* index = iterator_index_[found->second];
  bool is_volatile = function_.locals[found->second].is_volatile;
  TypeKind kind = Kind(Operand(inst, 0).type);
  if (kind == TypeKind::List || kind == TypeKind::Tuple) {
    b_.CreateStore(Word(0), index, is_volatile);
    return {iterable, ir::kObjectType};
  }
  if (kind == TypeKind::Range) {
    auto fits = [this](llvm::Value* word) {
      return b_.CreateICmpEQ(b_.CreateAShr(b_.CreateShl(word, Word(1)), Word(1)), word);
    };
    llvm::Value* small = b_.CreateAnd(
        b_.CreateAnd(fits(LoadWordField(iterable, abi_field::kRangeObject_start, /*invariant=*/true)),
                     fits(LoadWordField(iterable, abi_field::kRangeObject_stop, /*invariant=*/true))),
        fits(LoadWordField(iterable, abi_field::kRangeObject_step, /*invariant=*/true)));
    return {InPlaceOrIterator(small, iterable, index, is_volatile), ir::kObjectType};
  }
  if (kind != TypeKind::Object) {
    b_.CreateStore(Word(-1), index, is_volatile);
    return {CallHelper(Helper::get_iter, {iterable}), ir::kObjectType};
  }
  llvm::Value* type = TypeWordOrNull(iterable);
  RuntimeAbi& abi = module_.abi();
  llvm::Value* is_sequence = b_.CreateOr(b_.CreateICmpEQ(type, abi.TypeSymbol("list")),
                                         b_.CreateICmpEQ(type, abi.TypeSymbol("tuple")));
  return {InPlaceOrIterator(is_sequence, iterable, index, is_volatile), ir::kObjectType};
}

// The iterable itself with index 0 when `in_place`, else its iterator with
// index -1.
llvm::Value* FunctionLowering::InPlaceOrIterator(llvm::Value* in_place, llvm::Value* iterable,
                                                 llvm::AllocaInst* index, bool is_volatile) {
  llvm::BasicBlock* sequence = b_.GetInsertBlock();
  llvm::BasicBlock* other = NewBlock("iter.other");
  llvm::BasicBlock* done = NewBlock("iter.done");
  b_.CreateCondBr(in_place, done, other);
  b_.SetInsertPoint(other);
  llvm::Value* iterator = CallHelper(Helper::get_iter, {iterable});
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
  llvm::PHINode* value = b_.CreatePHI(t_.word, 2, "iter");
  value->addIncoming(iterable, sequence);
  value->addIncoming(iterator, other);
  llvm::PHINode* start = b_.CreatePHI(t_.word, 2, "iter.index");
  start->addIncoming(Word(0), sequence);
  start->addIncoming(Word(-1), other);
  b_.CreateStore(start, index, is_volatile);
  return value;
}

void FunctionLowering::StoreForItem(const ir::Inst& inst, const Typed& item) {
  ir::LocalId local = static_cast<ir::LocalId>(inst.imm);
  ir::TypeId type = function_.locals[local].is_cell ? ir::kObjectType : function_.locals[local].type;
  llvm::Value* stored = Coerce(item.value, item.type, type);
  StoreLocalSlot(local, stored);
  if (speculating_ && InSpeculativeLoop() && IsCheckedIntLocal(local)) {
    // Not a small int: the loop body goes on in its generic copy.
    BranchLikely(IsSmallInt(stored), TargetBlock(inst, 0), blocks_[inst.target[0]]);
    return;
  }
  b_.CreateBr(TargetBlock(inst, 0));
}

void FunctionLowering::LowerForIter(const ir::Inst& inst) {
  ir::InstId operand = inst.ops.empty() ? ir::kNoId : inst.ops[0];
  if (operand != ir::kNoId && function_.insts[operand].op == Op::LoadLocal) {
    ir::LocalId local = static_cast<ir::LocalId>(function_.insts[operand].imm);
    if (range_iterator_[local]) return LowerRangeForIter(inst, local);
    if (sequence_iterator_[local]) return LowerSequenceForIter(inst, local);
  }
  llvm::Value* next = CallHelper(Helper::iter_next, {BoxedOperand(inst, 0)});
  llvm::BasicBlock* got = NewBlock("for.item");
  b_.CreateCondBr(b_.CreateICmpEQ(next, Word(0)), TargetBlock(inst, 1), got);
  b_.SetInsertPoint(got);
  StoreForItem(inst, {next, ir::kObjectType});
}

// At the end of an in-place loop's block for index -1: the iterator's next
// item, going to `got` with it (or to the loop's exit); nullptr in a
// speculative copy, which leaves for the generic one instead.
llvm::Value* FunctionLowering::NextFromIterator(const ir::Inst& inst, llvm::Value* iterator, llvm::BasicBlock* got) {
  if (speculating_ && InSpeculativeLoop()) {
    LeaveBeforeTerminator();  // a speculative loop calls nothing
    return nullptr;
  }
  llvm::Value* next = CallHelper(Helper::iter_next, {iterator});
  b_.CreateCondBr(b_.CreateICmpEQ(next, Word(0)), TargetBlock(inst, 1), got);
  return next;
}

// What the in-place loops share: the index, and the branch to the
// iterator's path (index -1, NextFromIterator); the caller continues in a
// new block named `in_place_name` and ends with FinishInPlaceStep.
FunctionLowering::InPlaceStep FunctionLowering::BeginInPlaceStep(const ir::Inst& inst, ir::LocalId iterator,
                                                                 const char* in_place_name) {
  InPlaceStep step;
  step.slot = iterator_index_[iterator];
  step.is_volatile = function_.locals[iterator].is_volatile;
  step.held = BoxedOperand(inst, 0);
  step.index = b_.CreateLoad(t_.word, step.slot, step.is_volatile, "index");
  llvm::BasicBlock* in_place = NewBlock(in_place_name);
  step.generic = NewBlock("for.iterator");
  step.got = NewBlock("for.item");
  BranchLikely(b_.CreateICmpNE(step.index, Word(-1)), in_place, step.generic);
  b_.SetInsertPoint(step.generic);
  step.next = NextFromIterator(inst, step.held, step.got);
  b_.SetInsertPoint(in_place);
  return step;
}

// Stores the in-place path's item, or the iterator's where that path exists.
void FunctionLowering::FinishInPlaceStep(const ir::Inst& inst, const InPlaceStep& step, const Typed& item) {
  llvm::BasicBlock* item_end = b_.GetInsertBlock();
  b_.CreateBr(step.got);
  b_.SetInsertPoint(step.got);
  if (!step.next) return StoreForItem(inst, item);
  llvm::PHINode* merged = b_.CreatePHI(t_.word, 2, "next");
  merged->addIncoming(step.next, step.generic);
  merged->addIncoming(item.value, item_end);
  StoreForItem(inst, {merged, item.type});
}

// The next item of a range held in place: start + index * step while that
// is before stop (the bounds are small ints, see LowerGetIter), or of the
// iterator when the index is -1.
void FunctionLowering::LowerRangeForIter(const ir::Inst& inst, ir::LocalId iterator) {
  InPlaceStep in_place = BeginInPlaceStep(inst, iterator, "for.range");
  llvm::Value* held = in_place.held;
  llvm::Value* index = in_place.index;
  llvm::BasicBlock* in_range = NewBlock("for.next");
  llvm::Value* start = LoadWordField(held, abi_field::kRangeObject_start, /*invariant=*/true);
  llvm::Value* stop = LoadWordField(held, abi_field::kRangeObject_stop, /*invariant=*/true);
  llvm::Value* step = LoadWordField(held, abi_field::kRangeObject_step, /*invariant=*/true);
  llvm::Value* value = b_.CreateAdd(start, b_.CreateMul(index, step), "range.value");
  llvm::Value* before_stop = b_.CreateSelect(b_.CreateICmpSGT(step, Word(0)), b_.CreateICmpSLT(value, stop),
                                             b_.CreateICmpSGT(value, stop));
  b_.CreateCondBr(before_stop, in_range, TargetBlock(inst, 1));
  b_.SetInsertPoint(in_range);
  b_.CreateStore(b_.CreateAdd(index, Word(1)), in_place.slot, in_place.is_volatile);
  FinishInPlaceStep(inst, in_place, {Tag(value), ir::kIntType});
}

// The next item of a list or tuple held in place (re-reading the length
// each time: a list may grow or shrink while it is iterated), or of the
// iterator when the index is -1. A list of raw floats gives Floats, one of
// raw bools i1s.
void FunctionLowering::LowerSequenceForIter(const ir::Inst& inst, ir::LocalId iterator) {
  InPlaceStep in_place = BeginInPlaceStep(inst, iterator, "for.sequence");
  llvm::Value* held = in_place.held;
  llvm::Value* index = in_place.index;
  llvm::Value* base = b_.CreateIntToPtr(held, t_.ptr);
  llvm::Value* type = b_.CreateLoad(t_.ptr, base, "type");
  llvm::Value* is_list = b_.CreateICmpEQ(type, module_.abi().TypeSymbol("list"));
  llvm::Value* length = b_.CreateSelect(is_list, SequenceHeader(LoadWordField(held, abi_field::kListObject_length)),
                                        SequenceHeader(LoadWordField(held, abi_field::kTupleObject_length)), "length");
  llvm::BasicBlock* in_range = NewBlock("for.next");
  llvm::BasicBlock* list = NewBlock("for.list");
  llvm::BasicBlock* load = NewBlock("for.load");
  b_.CreateCondBr(b_.CreateICmpUGE(index, length), TargetBlock(inst, 1), in_range);
  b_.SetInsertPoint(in_range);
  b_.CreateStore(b_.CreateAdd(index, Word(1)), in_place.slot, in_place.is_volatile);
  llvm::Value* tuple_items = b_.CreateConstInBoundsGEP1_32(t_.word, base, abi_field::kTupleObject_items);
  b_.CreateCondBr(is_list, list, load);
  b_.SetInsertPoint(list);
  llvm::Value* list_items =
      SequenceHeader(b_.CreateLoad(t_.ptr, b_.CreateConstInBoundsGEP1_32(t_.word, base, abi_field::kListObject_items)));
  llvm::BasicBlock* raw = NewBlock("for.raw");
  llvm::BasicBlock* raw_bools = NewBlock("for.raw_bools");
  BranchLikely(HoldsBoxedItems(held), load, raw);
  b_.SetInsertPoint(raw);
  if (RawFloatLists()) {
    llvm::BasicBlock* raw_floats = NewBlock("for.raw_floats");
    b_.CreateCondBr(HoldsRawFloats(held), raw_floats, raw_bools);
    b_.SetInsertPoint(raw_floats);
    llvm::Value* raw_item =
        SequenceItem(b_.CreateLoad(t_.fp, b_.CreateInBoundsGEP(t_.word, list_items, index), "raw_item"));
    StoreForItem(inst, {raw_item, ir::kFloatType});
  } else {
    b_.CreateBr(raw_bools);
  }
  b_.SetInsertPoint(raw_bools);
  llvm::Value* raw_bool =
      SequenceItem(b_.CreateLoad(b_.getInt8Ty(), b_.CreateInBoundsGEP(b_.getInt8Ty(), list_items, index), "raw_bool"));
  StoreForItem(inst, {b_.CreateICmpNE(raw_bool, b_.getInt8(0)), ir::kBoolType});
  b_.SetInsertPoint(load);
  llvm::PHINode* items = b_.CreatePHI(t_.ptr, 2, "items");
  items->addIncoming(tuple_items, in_range);
  items->addIncoming(list_items, list);
  llvm::Value* item = SequenceItem(b_.CreateLoad(t_.word, b_.CreateInBoundsGEP(t_.word, items, index), "item"));
  FinishInPlaceStep(inst, in_place, {item, ir::kObjectType});
}

}  // namespace taipan::llvmbe
