// Generators (and async def coroutines) as LLVM switch-resumed coroutines.
//
// The body of a generator function is itself the coroutine: the runtime
// calls it at the first resumption with the frame its arguments were bound
// into and the generator's NativeGeneratorState (runtime/vm.h); it returns
// the coroutine frame at its first suspension, and later resumptions go
// through that frame. Whatever lives across a yield (locals, temporaries,
// nlr buffers, loop indices) LLVM keeps in the coroutine frame, which the
// runtime allocates in the collected heap.
//
// nlr handlers are registered by address in a chain that must not outlive
// a suspension (the C stack under them is gone by the next resumption): a
// yield inside try regions leaves their handlers before suspending and
// registers the same buffers again, outermost first, when resumed.
#include <llvm/IR/Intrinsics.h>

#include "backends/llvm/lower.h"

namespace taipan::llvmbe {

using ir::Op;

void FunctionLowering::BeginCoroutine() {
  llvm::Constant* null = llvm::ConstantPointerNull::get(t_.ptr);
  llvm::Value* id = b_.CreateIntrinsic(llvm::Intrinsic::coro_id, {}, {b_.getInt32(0), null, null, null});
  llvm::Value* size = b_.CreateIntrinsic(llvm::Intrinsic::coro_size, {t_.word}, {});
  generator_state_ = body_->getArg(2);
  LinkFrame();
  llvm::Value* memory = CallHelper(Helper::alloc_coroutine, {size});
  coroutine_ = b_.CreateIntrinsic(llvm::Intrinsic::coro_begin, {}, {id, memory});

  llvm::IRBuilderBase::InsertPointGuard keep(b_);
  // Every suspension that leaves the body resumable returns the frame.
  suspended_ = NewBlock("suspended");
  b_.SetInsertPoint(suspended_);
  b_.CreateIntrinsic(llvm::Intrinsic::coro_end, {},
                     {coroutine_, b_.getFalse(), llvm::ConstantTokenNone::get(module_.context())});
  b_.CreateRet(coroutine_);
  // The runtime never destroys a coroutine (the collector frees its frame),
  // and never resumes one after its final suspension.
  never_ = NewBlock("never");
  b_.SetInsertPoint(never_);
  b_.CreateUnreachable();
  FindTryHandlers();
}

// The handler block of each active try slot at every block's start (try
// regions nest, so each block has one such stack), recorded for each yield.
void FunctionLowering::FindTryHandlers() {
  size_t nb = function_.blocks.size();
  if (nb == 0) return;
  std::vector<std::vector<ir::BlockId>> at_start(nb);
  std::vector<bool> seen(nb, false);
  std::vector<ir::BlockId> work = {0};
  seen[0] = true;
  auto flow = [&](ir::BlockId target, const std::vector<ir::BlockId>& stack) {
    if (target == ir::kNoId || seen[target]) return;
    seen[target] = true;
    at_start[target] = stack;
    work.push_back(target);
  };
  while (!work.empty()) {
    ir::BlockId b = work.back();
    work.pop_back();
    std::vector<ir::BlockId> stack = at_start[b];
    for (ir::InstId id : function_.blocks[b].insts) {
      const ir::Inst& inst = function_.insts[id];
      if (inst.op == Op::TryPop) stack.resize(std::min(stack.size(), static_cast<size_t>(inst.imm)));
      if (inst.op == Op::Yield || inst.op == Op::YieldFrom) yield_handlers_[id] = stack;
    }
    const ir::Inst& last = function_.insts[function_.blocks[b].insts.back()];
    if (last.op == Op::TryPush) {
      stack.resize(std::min(stack.size(), static_cast<size_t>(last.imm)));
      std::vector<ir::BlockId> inside = stack;
      inside.push_back(last.target[1]);
      flow(last.target[0], inside);
      flow(last.target[1], stack);
      continue;
    }
    for (ir::BlockId t : last.target) flow(t, stack);
  }
}

void FunctionLowering::Suspend(const ir::Inst& inst) {
  const std::vector<ir::BlockId>& handlers = yield_handlers_[static_cast<ir::InstId>(&inst - function_.insts.data())];
  if (handlers.size() < inst.sub) return Fail("a yield in try regions whose handlers are unknown");
  for (unsigned i = 0; i < inst.sub; ++i) b_.CreateCall(module_.abi().NlrPop(), {});
  llvm::Value* how = b_.CreateIntrinsic(llvm::Intrinsic::coro_suspend, {},
                                        {llvm::ConstantTokenNone::get(module_.context()), b_.getFalse()});
  llvm::BasicBlock* resumed = NewBlock("resumed");
  llvm::SwitchInst* outcome = b_.CreateSwitch(how, suspended_, 2);
  outcome->addCase(b_.getInt8(0), resumed);
  outcome->addCase(b_.getInt8(1), never_);
  b_.SetInsertPoint(resumed);
  for (unsigned slot = 0; slot < inst.sub; ++slot) {
    llvm::CallInst* pushed = b_.CreateCall(module_.abi().NlrPush(), {NlrBuf(slot)});
    pushed->addFnAttr(llvm::Attribute::ReturnsTwice);
    llvm::BasicBlock* inside = NewBlock("reentered");
    b_.CreateCondBr(b_.CreateICmpNE(pushed, b_.getInt32(0)), blocks_[handlers[slot]], inside);
    b_.SetInsertPoint(inside);
  }
}

Typed FunctionLowering::LowerYield(const ir::Inst& inst) {
  StoreWordField(generator_state_, abi_field::kNativeGeneratorState_result, BoxedOperand(inst, 0));
  Suspend(inst);
  return {CallHelper(Helper::resumed, {generator_state_}), ir::kObjectType};
}

// for (sent = None; the delegate yields a value; sent = what came in) yield it
Typed FunctionLowering::LowerYieldFrom(const ir::Inst& inst) {
  llvm::Value* iterator = BoxedOperand(inst, 0);
  StoreWordField(generator_state_, abi_field::kNativeGeneratorState_sent, NoneValue());
  llvm::BasicBlock* step = NewBlock("yield_from");
  llvm::BasicBlock* pass_on = NewBlock("yield_from.yield");
  llvm::BasicBlock* done = NewBlock("yield_from.done");
  b_.CreateBr(step);
  b_.SetInsertPoint(step);
  llvm::Value* yielded = CallHelper(Helper::yield_from, {iterator, generator_state_});
  b_.CreateCondBr(yielded, pass_on, done);
  b_.SetInsertPoint(pass_on);  // the helper left the value to yield in the state
  Suspend(inst);
  b_.CreateBr(step);
  b_.SetInsertPoint(done);
  return {LoadWordField(generator_state_, abi_field::kNativeGeneratorState_result), ir::kObjectType};
}

// The body's end: the value for StopIteration, then the final suspension,
// which every return shares (LLVM's coroutines allow only one).
void FunctionLowering::LowerGeneratorReturn(const ir::Inst& inst) {
  StoreWordField(generator_state_, abi_field::kNativeGeneratorState_result, BoxedOperand(inst, 0));
  StoreWordField(generator_state_, abi_field::kNativeGeneratorState_returned, Word(1));
  if (final_suspend_ == nullptr) {
    final_suspend_ = NewBlock("final_suspend");
    llvm::IRBuilderBase::InsertPointGuard keep(b_);
    b_.SetInsertPoint(final_suspend_);
    llvm::Value* how = b_.CreateIntrinsic(llvm::Intrinsic::coro_suspend, {},
                                          {llvm::ConstantTokenNone::get(module_.context()), b_.getTrue()});
    llvm::SwitchInst* outcome = b_.CreateSwitch(how, suspended_, 2);
    outcome->addCase(b_.getInt8(0), never_);
    outcome->addCase(b_.getInt8(1), never_);
  }
  b_.CreateBr(final_suspend_);
}

}  // namespace taipan::llvmbe
