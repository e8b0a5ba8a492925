// Calls, containers and functions: the runtime's helpers (indexing is in
// lower_sequence.cpp).
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
  llvm::Value* result = CallHelper(Helper::call, {fn, Word(n_pos), Word(n_kw), buffer});
  // A known class's statement: keep the class for the guards (ClassSlot),
  // and give it its layout before any instance exists.
  if (Kind(inst.type) == ir::TypeKind::Class) {
    ir::FuncRef body = module_.program().types.Get(inst.type).ref;
    b_.CreateStore(result, module_.ClassSlot(body));
    SetClassLayout(result, module_.program().modules[body.module].functions[body.function]);
  }
  return {result, ir::kObjectType};
}

// The builtin's own helper (ir/builtin_calls.def), the arguments boxed
// after the callee it checks (kNull: proved to be the builtin).
Typed FunctionLowering::LowerCallBuiltin(const ir::Inst& inst) {
  bool checked = inst.sub != 0;
  std::vector<llvm::Value*> args;
  if (!checked) args.push_back(Word(0));
  for (size_t i = 0; i < inst.ops.size(); ++i) args.push_back(BoxedOperand(inst, i));
  auto result = [&](Helper helper, TypeKind kind) -> Typed {
    llvm::Value* value = CallHelper(helper, args);
    if (checked) return {value, inst.type};  // whatever the callee gave
    if (kind == TypeKind::NoneType) return {NoneValue(), ir::kNoneType};
    if (kind == TypeKind::Bool) return {b_.CreateICmpEQ(value, TrueValue()), ir::kBoolType};
    return {value, inst.type};
  };
  switch (static_cast<ir::BuiltinCall>(inst.imm)) {
#define BUILTIN_CALL(Id, name, arguments, helper, result_kind) \
  case ir::BuiltinCall::Id:                                    \
    return result(Helper::helper, TypeKind::result_kind);
#include "ir/builtin_calls.def"
  }
  Fail("an unknown call.builtin");
  return {NoneValue(), ir::kObjectType};
}

Typed FunctionLowering::LowerCallMethod(const ir::Inst& inst) {
  size_t n_kw = inst.names.size();
  if (inst.ops.size() < 1 + n_kw) {
    Fail("a call with fewer operands than keywords");
    return {NoneValue(), ir::kObjectType};
  }
  size_t n_pos = inst.ops.size() - 1 - n_kw;
  // Methods of an exact list or dict (builtin types' methods cannot be replaced).
  const std::vector<std::string>& qstrs = module_.ir_module().qstrs;
  std::string_view name =
      inst.imm >= 0 && static_cast<size_t>(inst.imm) < qstrs.size() ? std::string_view(qstrs[inst.imm]) : std::string_view();
  TypeKind receiver = Kind(Operand(inst, 0).type);
  if (receiver == TypeKind::List && n_pos == 1 && n_kw == 0 && name == "append") {
    LowerListAppend(BoxedOperand(inst, 0), Operand(inst, 1));
    return {NoneValue(), ir::kNoneType};
  }
  if (receiver == TypeKind::List && n_pos <= 1 && n_kw == 0 && name == "pop") {
    llvm::Value* index = n_pos == 1 ? BoxedOperand(inst, 1) : Word(0);
    return {CallHelper(Helper::list_pop, {BoxedOperand(inst, 0), index}), ir::kObjectType};
  }
  if (receiver == TypeKind::List && n_pos == 2 && n_kw == 0 && name == "insert") {
    CallHelper(Helper::list_insert, {BoxedOperand(inst, 0), BoxedOperand(inst, 1), BoxedOperand(inst, 2)});
    return {NoneValue(), ir::kNoneType};
  }
  if (receiver == TypeKind::Dict && (n_pos == 1 || n_pos == 2) && n_kw == 0 && name == "get") {
    llvm::Value* default_value = n_pos == 2 ? BoxedOperand(inst, 2) : NoneValue();
    return {CallHelper(Helper::dict_get, {BoxedOperand(inst, 0), BoxedOperand(inst, 1), default_value}),
            ir::kObjectType};
  }
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
  if (inst.sub != 0) return LowerGuardedCall(inst, callee);
  std::vector<llvm::Value*> args{llvm::ConstantPointerNull::get(t_.ptr)};
  for (uint32_t slot = 0; slot < callee.n_slots; ++slot) {
    if (IsCellParameter(callee, slot)) {
      args.push_back(CellArgument(inst, slot));
      continue;
    }
    Typed operand = Operand(inst, slot);
    args.push_back(Coerce(operand.value, operand.type, module_.SlotType(callee, slot)));
  }
  StoreLine();
  llvm::Function* target = module_.BodyOf(inst.callee);
  bool self_call = inst.callee.module == module_.module_index() && inst.callee.function == function_index_;
  if (self_call && module_.UnrollsRecursion(function_index_) && !recursion_copy_)
    target = module_.RecursionCopyOf(function_index_);
  llvm::CallInst* call = b_.CreateCall(target, args);
  // Never a tail call: tail-recursion elimination would turn unbounded
  // recursion into a loop, where Python raises RuntimeError.
  call->setTailCallKind(llvm::CallInst::TCK_NoTail);
  return {call, module_.Effective(callee.return_type)};
}

// A direct call an argument of which may not have its (hinted) parameter's
// type: each such argument is checked as the callee's entry would check it;
// when all pass, the body runs with unboxed arguments, else the callee's
// generic clone with the boxed ones. The result has the call's type, which
// inference made the join of what the two return.
Typed FunctionLowering::LowerGuardedCall(const ir::Inst& inst, const ir::Function& callee) {
  const std::vector<ir::Function>& functions = module_.program().modules[inst.callee.module].functions;
  if (callee.generic == ir::kNoId || !functions[callee.generic].native) {
    Fail("a guarded call of '" + callee.qualified + "', which has no generic clone");
    return {NoneValue(), ir::kObjectType};
  }
  llvm::Value* null = llvm::ConstantPointerNull::get(t_.ptr);
  std::vector<llvm::Value*> boxed{null};
  for (uint32_t slot = 0; slot < callee.n_slots; ++slot)
    boxed.push_back(IsCellParameter(callee, slot) ? CellArgument(inst, slot) : BoxedOperand(inst, slot));
  StoreLine();
  llvm::BasicBlock* generic = NewBlock("call.generic");
  llvm::BasicBlock* done = NewBlock("call.done");
  std::vector<llvm::Value*> args{null};
  for (uint32_t slot = 0; slot < callee.n_slots; ++slot) {
    Typed operand = Operand(inst, slot);
    ir::TypeId param = module_.SlotType(callee, slot);
    if (IsCellParameter(callee, slot)) {
      args.push_back(boxed[slot + 1]);
      continue;
    }
    if (module_.Effective(operand.type) == module_.Effective(param)) {
      args.push_back(Coerce(operand.value, operand.type, param));
      continue;
    }
    GuardParameter(boxed[slot + 1], param, generic);
    args.push_back(UnboxParameter(boxed[slot + 1], param));
  }
  llvm::CallInst* typed = b_.CreateCall(module_.BodyOf(inst.callee), args);
  typed->setTailCallKind(llvm::CallInst::TCK_NoTail);
  llvm::Value* typed_result = Coerce(typed, callee.return_type, inst.type);
  llvm::BasicBlock* typed_end = b_.GetInsertBlock();
  b_.CreateBr(done);
  b_.SetInsertPoint(generic);
  const ir::Function& clone = functions[callee.generic];
  llvm::CallInst* fallback = b_.CreateCall(module_.BodyOf({inst.callee.module, callee.generic}), boxed);
  fallback->setTailCallKind(llvm::CallInst::TCK_NoTail);
  llvm::Value* generic_result = Coerce(fallback, clone.return_type, inst.type);
  llvm::BasicBlock* generic_end = b_.GetInsertBlock();
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
  llvm::PHINode* result = b_.CreatePHI(module_.LlvmType(inst.type), 2, "call.result");
  result->addIncoming(typed_result, typed_end);
  result->addIncoming(generic_result, generic_end);
  return {result, module_.Effective(inst.type)};
}

bool FunctionLowering::IsCellParameter(const ir::Function& callee, uint32_t slot) {
  for (const ir::Local& local : callee.locals)
    if (local.slot == slot && local.kind == ir::LocalKind::Cell) return true;  // (not a collector's free variable)
  return false;
}

// A parameter that nested functions share arrives in its cell, which the
// caller makes around the argument (as the VM's argument binding does).
llvm::Value* FunctionLowering::CellArgument(const ir::Inst& inst, uint32_t slot) {
  return CallHelper(Helper::new_cell, {BoxedOperand(inst, slot)});
}

Typed FunctionLowering::LowerBuild(const ir::Inst& inst, Helper helper) {
  std::vector<llvm::Value*> items;
  for (size_t i = 0; i < inst.ops.size(); ++i) items.push_back(BoxedOperand(inst, i));
  size_t count = helper == Helper::build_dict ? items.size() / 2 : items.size();
  llvm::Value* buffer = StoreArgs(items);
  return {CallHelper(helper, {Word(count), buffer}), ir::kObjectType};
}

Typed FunctionLowering::LowerMakeFunction(const ir::Inst& inst) {
  // The child's raw code by its index in the module's pre-order (a direct
  // call has no function object whose raw code lists its children).
  if (inst.imm < 0 || static_cast<size_t>(inst.imm) >= function_.children.size()) {
    Fail("make.function of a child the function does not have");
    return {NoneValue(), ir::kObjectType};
  }
  llvm::Value* index = Word(function_.children[inst.imm]);
  llvm::Value* defaults = BoxedOperand(inst, 0);
  llvm::Value* kw_defaults = BoxedOperand(inst, 1);
  std::vector<llvm::Value*> cells;
  for (size_t i = 2; i < inst.ops.size(); ++i) cells.push_back(BoxedOperand(inst, i));
  llvm::Value* buffer = StoreArgs(cells);
  return {CallHelper(Helper::make_function,
                     {Context(), index, defaults, kw_defaults, Word(static_cast<int64_t>(cells.size())), buffer}),
          ir::kObjectType};
}

}  // namespace taipan::llvmbe
