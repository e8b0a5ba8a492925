// Calls, containers and functions: the runtime's helpers, with inline list
// and tuple indexing when the types say so.
#include "backends/llvm/lower.h"

namespace taipan::llvmbe {

using ir::TypeKind;

Typed FunctionLowering::LowerCall(const ir::Inst& inst) {
  size_t n_kw = inst.names.size();
  if (inst.ops.size() < 1 + n_kw) {
    Fail("a call with fewer operands than keywords");
    return {NoneValue(), ir::kObjectType};
  }
  size_t n_pos = inst.ops.size() - 1 - n_kw;
  llvm::Value* fn = BoxedOperand(inst, 0);
  std::vector<llvm::Value*> args;
  for (size_t i = 0; i < n_pos; ++i) args.push_back(BoxedOperand(inst, 1 + i));
  for (size_t i = 0; i < n_kw; ++i) {
    args.push_back(QstrValue(inst.names[i]));
    args.push_back(BoxedOperand(inst, 1 + n_pos + i));
  }
  llvm::Value* buffer = StoreArgs(args);
  return {CallHelper(Helper::call, {fn, Word(n_pos), Word(n_kw), buffer}), ir::kObjectType};
}

Typed FunctionLowering::LowerCallMethod(const ir::Inst& inst) {
  size_t n_kw = inst.names.size();
  if (inst.ops.size() < 1 + n_kw) {
    Fail("a call with fewer operands than keywords");
    return {NoneValue(), ir::kObjectType};
  }
  size_t n_pos = inst.ops.size() - 1 - n_kw;
  llvm::Value* object = BoxedOperand(inst, 0);
  std::vector<llvm::Value*> args;
  for (size_t i = 0; i < n_pos; ++i) args.push_back(BoxedOperand(inst, 1 + i));
  for (size_t i = 0; i < n_kw; ++i) {
    args.push_back(QstrValue(inst.names[i]));
    args.push_back(BoxedOperand(inst, 1 + n_pos + i));
  }
  llvm::Value* buffer = StoreArgs(args);
  return LowerCachedCallMethod(object, inst.imm, n_pos, n_kw, buffer);
}

// The callee's body with its arguments in the callee's representations
// (no function object: the body reads its module's context global).
Typed FunctionLowering::LowerCallDirect(const ir::Inst& inst) {
  const ir::Program& program = module_.program();
  if (inst.callee.module >= program.modules.size() ||
      inst.callee.function >= program.modules[inst.callee.module].functions.size()) {
    Fail("call.direct to a missing function");
    return {NoneValue(), ir::kObjectType};
  }
  const ir::Function& callee = program.modules[inst.callee.module].functions[inst.callee.function];
  if (!callee.native || inst.ops.size() != callee.n_slots) {
    Fail("call.direct to '" + callee.qualified + "', which has no direct entry for " +
         std::to_string(inst.ops.size()) + " arguments");
    return {NoneValue(), ir::kObjectType};
  }
  std::vector<llvm::Value*> args{llvm::ConstantPointerNull::get(t_.ptr)};
  for (uint32_t slot = 0; slot < callee.n_slots; ++slot) {
    Typed operand = Operand(inst, slot);
    args.push_back(Coerce(operand.value, operand.type, module_.SlotType(callee, slot)));
  }
  llvm::CallInst* call = b_.CreateCall(module_.BodyOf(inst.callee), args);
  // Never a tail call: tail-recursion elimination would turn unbounded
  // recursion into a loop, where Python raises RuntimeError.
  call->setTailCallKind(llvm::CallInst::TCK_NoTail);
  return {call, module_.Effective(callee.return_type)};
}

Typed FunctionLowering::LowerBuild(const ir::Inst& inst, Helper helper) {
  std::vector<llvm::Value*> items;
  for (size_t i = 0; i < inst.ops.size(); ++i) items.push_back(BoxedOperand(inst, i));
  size_t count = helper == Helper::build_dict ? items.size() / 2 : items.size();
  llvm::Value* buffer = StoreArgs(items);
  return {CallHelper(helper, {Word(count), buffer}), ir::kObjectType};
}

Typed FunctionLowering::LowerMakeFunction(const ir::Inst& inst) {
  llvm::Value* defaults = BoxedOperand(inst, 0);
  llvm::Value* kw_defaults = BoxedOperand(inst, 1);
  std::vector<llvm::Value*> cells;
  for (size_t i = 2; i < inst.ops.size(); ++i) cells.push_back(BoxedOperand(inst, i));
  llvm::Value* buffer = StoreArgs(cells);
  return {CallHelper(Helper::make_function,
                     {self_, Word(inst.imm), defaults, kw_defaults, Word(static_cast<int64_t>(cells.size())), buffer}),
          ir::kObjectType};
}

// The address of item `index` (a small int, negative counts from the end)
// of an exact list or tuple; IndexError when out of range.
llvm::Value* FunctionLowering::SequenceItemAddress(llvm::Value* sequence, llvm::Value* index, bool is_list,
                                                   const char* message) {
  unsigned length_field = is_list ? abi_field::kListObject_length : abi_field::kTupleObject_length;
  llvm::Value* length = LoadWordField(sequence, length_field);
  llvm::Value* i = Untag(index);
  i = b_.CreateSelect(b_.CreateICmpSLT(i, Word(0)), b_.CreateAdd(i, length), i);
  llvm::Value* text = b_.CreateGlobalString(message, "index_error");
  RaiseIf(b_.CreateICmpUGE(i, length), Helper::raise_index_error, {text});
  llvm::Value* base = b_.CreateIntToPtr(sequence, t_.ptr);
  llvm::Value* items =
      is_list ? b_.CreateLoad(t_.ptr, b_.CreateConstInBoundsGEP1_32(t_.word, base, abi_field::kListObject_items))
              : b_.CreateConstInBoundsGEP1_32(t_.word, base, abi_field::kTupleObject_items);
  return b_.CreateInBoundsGEP(t_.word, items, i);
}

ir::TypeId FunctionLowering::ElementType(ir::TypeId list) const {
  const ir::Type& type = module_.program().types.Get(module_.Effective(list));
  return type.kind == TypeKind::List && !type.params.empty() ? type.params[0] : ir::kObjectType;
}

namespace {
bool IsIndex(TypeKind kind) { return kind == TypeKind::Int || kind == TypeKind::Bool || kind == TypeKind::Object; }
}  // namespace

// seq[i]: inline for a list or tuple and a small int, known from the types
// or (when inference does not know them) checked at run time; anything
// else through the runtime.
Typed FunctionLowering::LowerSubscr(const ir::Inst& inst) {
  Typed sequence = Operand(inst, 0);
  Typed index = Operand(inst, 1);
  TypeKind kind = Kind(sequence.type);
  TypeKind index_kind = Kind(index.type);
  bool known = kind == TypeKind::List || kind == TypeKind::Tuple;
  if ((!known && kind != TypeKind::Object) || !IsIndex(index_kind))
    return {CallHelper(Helper::subscr, {Box(sequence), Box(index)}), ir::kObjectType};
  llvm::Value* i = index_kind == TypeKind::Bool ? BoolToSmallInt(index.value) : index.value;
  llvm::BasicBlock* slow = NewBlock("index.slow");
  llvm::BasicBlock* done = NewBlock("index.done");
  std::vector<std::pair<llvm::Value*, llvm::BasicBlock*>> items;
  auto inline_item = [&](bool is_list) {
    llvm::Value* address = SequenceItemAddress(sequence.value, i, is_list,
                                               is_list ? "list index out of range" : "tuple index out of range");
    items.push_back({b_.CreateLoad(t_.word, address, "item"), b_.GetInsertBlock()});
    b_.CreateBr(done);
  };
  llvm::BasicBlock* small = NewBlock("index.small");
  BranchLikely(IsSmallInt(i), small, slow);
  b_.SetInsertPoint(small);
  if (known) {
    inline_item(kind == TypeKind::List);
  } else {
    llvm::Value* type = TypeWordOrNull(sequence.value);
    llvm::BasicBlock* list = NewBlock("index.list");
    llvm::BasicBlock* not_list = NewBlock("index.notlist");
    llvm::BasicBlock* tuple = NewBlock("index.tuple");
    b_.CreateCondBr(b_.CreateICmpEQ(type, module_.abi().TypeSymbol("list")), list, not_list);
    b_.SetInsertPoint(not_list);
    b_.CreateCondBr(b_.CreateICmpEQ(type, module_.abi().TypeSymbol("tuple")), tuple, slow);
    b_.SetInsertPoint(list);
    inline_item(true);
    b_.SetInsertPoint(tuple);
    inline_item(false);
  }
  b_.SetInsertPoint(slow);
  // The index as it was (a bool stays a bool for dicts and __getitem__).
  llvm::Value* generic = CallHelper(Helper::subscr, {sequence.value, Box(index)});
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
  llvm::PHINode* phi = b_.CreatePHI(t_.word, items.size() + 1, "subscr");
  for (auto& [item, block] : items) phi->addIncoming(item, block);
  phi->addIncoming(generic, slow);
  return {phi, ir::kObjectType};
}

void FunctionLowering::LowerStoreSubscr(const ir::Inst& inst) {
  Typed sequence = Operand(inst, 0);
  Typed index = Operand(inst, 1);
  llvm::Value* value = BoxedOperand(inst, 2);
  TypeKind kind = Kind(sequence.type);
  TypeKind index_kind = Kind(index.type);
  if ((kind != TypeKind::List && kind != TypeKind::Object) || !IsIndex(index_kind)) {
    CallHelper(Helper::store_subscr, {Box(sequence), Box(index), value});
    return;
  }
  llvm::Value* i = index_kind == TypeKind::Bool ? BoolToSmallInt(index.value) : index.value;
  llvm::BasicBlock* small = NewBlock("store.small");
  llvm::BasicBlock* fast = NewBlock("store.fast");
  llvm::BasicBlock* slow = NewBlock("store.slow");
  llvm::BasicBlock* done = NewBlock("store.done");
  BranchLikely(IsSmallInt(i), small, slow);
  b_.SetInsertPoint(small);
  if (kind == TypeKind::List) {
    b_.CreateBr(fast);
  } else {
    llvm::Value* type = TypeWordOrNull(sequence.value);
    BranchLikely(b_.CreateICmpEQ(type, module_.abi().TypeSymbol("list")), fast, slow);
  }
  b_.SetInsertPoint(fast);
  b_.CreateStore(value, SequenceItemAddress(sequence.value, i, true, "list assignment index out of range"));
  b_.CreateBr(done);
  b_.SetInsertPoint(slow);
  CallHelper(Helper::store_subscr, {sequence.value, Box(index), value});
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
}

}  // namespace taipan::llvmbe
