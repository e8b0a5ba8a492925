// The frame of a lowered function: prologue, locals, try buffers, blocks,
// and the small constructions every instruction uses.
#include <llvm/IR/MDBuilder.h>

#include "backends/llvm/lower.h"

namespace taipan::llvmbe {

FunctionLowering::FunctionLowering(ModuleLowering& module, uint32_t function_index, bool recursion_copy)
    : module_(module),
      function_(module.ir_module().functions[function_index]),
      function_index_(function_index),
      recursion_copy_(recursion_copy),
      t_(module.types()),
      b_(module.context()) {}

bool FunctionLowering::LowerBody(std::string* error) {
  body_ = recursion_copy_ ? module_.RecursionCopyOf(function_index_)
                         : module_.BodyOf({module_.module_index(), function_index_});
  current_ = body_;
  if (module_.di()) subprogram_ = module_.NewSubprogram(body_, function_);
  CreateFrame();
  for (ir::BlockId id = 0; id < function_.blocks.size() && error_.empty(); ++id) LowerBlock(id);
  lowering_unlinked_ = true;
  for (ir::BlockId id = 0; id < unlinked_blocks_.size() && error_.empty(); ++id)
    if (unlinked_blocks_[id]) LowerBlock(id);
  lowering_unlinked_ = false;
  for (SpeculativeLoop& loop : loops_) ReadListHeadersOnEntry(loop);
  if (!error_.empty()) {
    *error = function_.qualified + ": " + error_;
    return false;
  }
  return true;
}

void FunctionLowering::Fail(const std::string& message) {
  if (error_.empty()) error_ = message;
}

llvm::BasicBlock* FunctionLowering::NewBlock(const char* name) {
  llvm::BasicBlock* block = llvm::BasicBlock::Create(module_.context(), name, current_);
  if (speculating_ && InSpeculativeLoop()) loops_[loop_of_[current_block_]].speculative_code.push_back(block);
  return block;
}

void FunctionLowering::SetLocation(uint32_t offset) {
  line_ = module_.LineOf(offset);
  if (!subprogram_) return;
  b_.SetCurrentDebugLocation(llvm::DILocation::get(module_.context(), line_, module_.ColumnOf(offset), subprogram_));
}

// Words of the one argument array the function's calls and builds share:
// each fills it right before its helper call, after all its operands exist.
size_t FunctionLowering::ArgumentWordsNeeded() const {
  size_t words = 0;
  for (const ir::Inst& inst : function_.insts) {
    size_t need = 0;
    switch (inst.op) {
      case ir::Op::Call:
      case ir::Op::CallMethod:
        need = inst.ops.size() - 1 + inst.names.size();  // positional, then (name, value) pairs
        if (Kind(inst.type) == ir::TypeKind::Class) {  // a known class's statement: its layout's names
          ir::FuncRef body = module_.program().types.Get(inst.type).ref;
          need = std::max(need, module_.program().modules[body.module].functions[body.function].class_layout.size());
        }
        break;
      case ir::Op::BuildTuple:
      case ir::Op::BuildList:
      case ir::Op::BuildSet:
      case ir::Op::BuildDict:
        need = inst.ops.size();
        break;
      case ir::Op::MakeFunction:
        need = inst.ops.size() >= 2 ? inst.ops.size() - 2 : 0;
        break;
      default:
        break;
    }
    words = std::max(words, need);
  }
  return words;
}

// Whether `block` jumps back for a self tail call (ir/tail_recursion.cpp):
// that edge stands for a call, which polls nothing, and the frames it
// counts bound the loop it makes (LowerTailFrames).
bool FunctionLowering::IsTailCallJump(ir::BlockId block) const {
  for (ir::InstId id : function_.blocks[block].insts)
    if (function_.insts[id].op == ir::Op::TailFrames) return true;
  return false;
}

void FunctionLowering::CreateFrame() {
  prologue_ = NewBlock("prologue");
  for (size_t i = 0; i < function_.blocks.size(); ++i) blocks_.push_back(NewBlock("bb"));
  values_.assign(function_.insts.size(), nullptr);
  ClassifyUses();
  if (module_.opt_level() >= 1)
    unshared_lists_ = ir::FindUnsharedLists(function_, module_.program().types, module_.ir_module().qstrs);
  FindSequenceLoops();
  ir::Loops loops = ir::FindLoops(function_);
  ends_loop_iteration_.assign(function_.blocks.size(), false);
  for (auto [latch, header] : loops.back_edges) ends_loop_iteration_[latch] = !IsTailCallJump(latch);
  FindSpeculativeLoops(loops);
  b_.SetInsertPoint(prologue_);
  SetLocation(function_.offset);

  arg_buffer_words_ = ArgumentWordsNeeded();
  if (arg_buffer_words_ > 0)
    arg_buffer_ = b_.CreateAlloca(llvm::ArrayType::get(t_.word, arg_buffer_words_), nullptr, "args");
  llvm::Type* nlr_buf_type = llvm::ArrayType::get(t_.word, module_.abi().NlrBufWords());
  for (uint32_t i = 0; i < function_.n_try_slots; ++i) nlr_bufs_.push_back(b_.CreateAlloca(nlr_buf_type, nullptr, "nlr"));
  context_ = b_.CreateLoad(t_.ptr, module_.context_global(), "ctx");
  llvm::cast<llvm::LoadInst>(context_)->setMetadata(llvm::LLVMContext::MD_invariant_load,
                                                    llvm::MDNode::get(module_.context(), {}));
  if (function_.is_generator) {
    BeginCoroutine();
  } else {
    LinkFrame();
  }
  if (MakesDirectCalls() && !links_lazily_) CheckStack();
  CreateLocals();
  if (!function_.blocks.empty()) {
    b_.CreateBr(links_lazily_ ? unlinked_blocks_[0] : blocks_[0]);
  } else {
    UnlinkFrame();
    b_.CreateRet(llvm::Constant::getNullValue(body_->getReturnType()));
  }
}

// A small body that calls no Python function, which its callers inline
// into their loops, calls the runtime on slow paths only: its record is
// linked around each of those calls instead, so that its fast paths store
// nothing. (Helpers that only allocate or read go without: a MemoryError
// there leaves this frame out of the traceback.)
bool FunctionLowering::LinksAtCalls() const {
  if (function_.is_generator || !module_.IsSmallStraightBody(function_)) return false;
  for (const ir::Inst& inst : function_.insts) {
    switch (inst.op) {
      case ir::Op::Call:
      case ir::Op::CallMethod:
      case ir::Op::CallDirect:
      case ir::Op::CallBuiltin:
      case ir::Op::CallEx:
        return false;
      default:
        break;
    }
  }
  return true;
}

void FunctionLowering::LinkFrame() {
  if (!module_.keeps_frame_records()) return;
  llvm::Constant* info = module_.FunctionInfo(function_index_);
  if (function_.is_generator) {
    frame_record_ = b_.CreateConstInBoundsGEP1_32(t_.word, generator_state_, abi_field::kNativeGeneratorState_frame,
                                                  "frame");
    StoreWordField(frame_record_, abi_field::kNativeFrame_function, info);
    return;
  }
  llvm::IRBuilder<> allocas(prologue_, prologue_->begin());
  bool tail_frame = function_.tail_call_offset != ir::kNoId;
  unsigned words = tail_frame ? abi_size::kNativeTailFrame : abi_size::kNativeFrame;
  frame_record_ = allocas.CreateAlloca(llvm::ArrayType::get(t_.word, words), nullptr, "frame");
  if (tail_frame) StoreWordField(frame_record_, abi_field::kNativeTailFrame_repeats, Word(0));
  link_at_calls_ = LinksAtCalls();
  if (link_at_calls_) return;
  FindUnlinkedBlocks();
  if (links_lazily_) return;
  LinkRecord();
  linked_in_prologue_ = true;
}

void FunctionLowering::LinkRecord() {
  llvm::GlobalVariable* chain = module_.abi().WordSymbol("frames");
  StoreWordField(frame_record_, abi_field::kNativeFrame_prev, b_.CreateLoad(t_.ptr, chain, "outer_frame"));
  StoreWordField(frame_record_, abi_field::kNativeFrame_function, module_.FunctionInfo(function_index_));
  b_.CreateStore(frame_record_, chain);
}

// Lazy linking: a body some of whose paths from the entry to a return pass
// only instructions that call nothing that may raise or run Python code
// (a recursion's base case: compares, int arithmetic, returns) links its
// record, and checks the stack, on the edges from those blocks (the
// unlinked ones) to the others; the unlinked blocks are lowered twice,
// unlinked for those paths and linked for the others, so that nothing
// is tested at run time. (Int + - * may still raise MemoryError in an
// unlinked block, without this frame in the traceback, as the helpers that
// only allocate do.) Not with speculative loops, whose generic copies are
// entered from the middle of blocks, nor at -O0 and -Os.
void FunctionLowering::FindUnlinkedBlocks() {
  if (module_.opt_level() == 0 || module_.optimize_size() || !loops_.empty() || function_.blocks.empty()) return;
  std::vector<bool> needs_frame(function_.blocks.size(), false);
  for (ir::BlockId b = 0; b < function_.blocks.size(); ++b) {
    // A loop's latch polls for callbacks, which may raise (KeyboardInterrupt).
    needs_frame[b] = ends_loop_iteration_[b] || function_.blocks[b].insts.empty() || WorthSpeculating(b);
    for (ir::InstId id : function_.blocks[b].insts) needs_frame[b] = needs_frame[b] || NeedsFrame(function_.insts[id]);
  }
  if (needs_frame[0]) return;
  // The blocks reachable from the entry through blocks that need no record.
  unlinked_.assign(function_.blocks.size(), false);
  std::vector<ir::BlockId> work{0};
  unlinked_[0] = true;
  bool reaches_return = false;
  while (!work.empty()) {
    ir::BlockId b = work.back();
    work.pop_back();
    const ir::Inst& last = function_.insts[function_.blocks[b].insts.back()];
    reaches_return |= last.op == ir::Op::Return;
    for (ir::BlockId next : last.target) {
      if (next >= function_.blocks.size() || unlinked_[next] || needs_frame[next]) continue;
      unlinked_[next] = true;
      work.push_back(next);
    }
  }
  links_lazily_ = reaches_return;
  if (!links_lazily_) return;
  for (ir::BlockId b = 0; b < function_.blocks.size(); ++b)
    unlinked_blocks_.push_back(unlinked_[b] ? NewBlock("bb.unlinked") : nullptr);
}

// Whether lowering `inst` may call something that raises (other than
// MemoryError) or runs Python code, or calls a function directly.
bool FunctionLowering::NeedsFrame(const ir::Inst& inst) const {
  auto kind = [&](size_t i) { return Kind(function_.insts[inst.ops[i]].type); };
  auto number = [&](size_t i) {
    ir::TypeKind k = kind(i);
    return k == ir::TypeKind::Int || k == ir::TypeKind::Bool || k == ir::TypeKind::Float;
  };
  switch (inst.op) {
    case ir::Op::ConstInt:
    case ir::Op::ConstFloat:
    case ir::Op::ConstBool:
    case ir::Op::ConstNone:
    case ir::Op::ConstQstr:
    case ir::Op::ConstObj:
    case ir::Op::Len:  // (a builtin container's length field)
    case ir::Op::StoreLocal:
    case ir::Op::Jump:
    case ir::Op::Branch:
    case ir::Op::Return:
    case ir::Op::Not:
    case ir::Op::Is:
      return false;
    case ir::Op::LoadLocal:
      return inst.sub != 0;
    case ir::Op::Truth:  // what Truth() tests inline
      switch (kind(0)) {
        case ir::TypeKind::Bool:
        case ir::TypeKind::Int:
        case ir::TypeKind::Float:
        case ir::TypeKind::Complex:
        case ir::TypeKind::NoneType:
        case ir::TypeKind::List:
        case ir::TypeKind::Tuple: return false;
        default: return true;
      }
    case ir::Op::Binary: {
      auto op = ir::NonInplace(static_cast<ir::BinOp>(inst.sub));
      if (ir::IsComparison(op)) return !(number(0) && number(1));
      bool ints = kind(0) == ir::TypeKind::Int && kind(1) == ir::TypeKind::Int;
      bool floats = kind(0) == ir::TypeKind::Float && kind(1) == ir::TypeKind::Float;
      bool additive = op == ir::BinOp::Add || op == ir::BinOp::Subtract || op == ir::BinOp::Multiply;
      return !(additive && (ints || floats));
    }
    default:
      return true;
  }
}

// The way from an unlinked block to one that needs the record.
llvm::BasicBlock* FunctionLowering::LinkingEdgeTo(llvm::BasicBlock* target) {
  llvm::BasicBlock* edge = NewBlock("frame.link");
  llvm::IRBuilderBase::InsertPointGuard keep(b_);
  b_.SetInsertPoint(edge);
  LinkRecord();
  if (MakesDirectCalls()) CheckStack();
  b_.CreateBr(target);
  return edge;
}

// A frame's line is only read while it is in a call (or raising), so it is
// stored right before each call: the fast paths that call nothing store
// nothing.
void FunctionLowering::StoreLine() {
  if (frame_record_) StoreWordField(frame_record_, abi_field::kNativeFrame_line, Word(line_));
}

// Links the record in front of the current chain (returned) for one call.
llvm::Value* FunctionLowering::LinkForCall() {
  llvm::GlobalVariable* chain = module_.abi().WordSymbol("frames");
  llvm::Value* outer = b_.CreateLoad(t_.ptr, chain, "outer_frame");
  StoreWordField(frame_record_, abi_field::kNativeFrame_prev, outer);
  StoreWordField(frame_record_, abi_field::kNativeFrame_function, module_.FunctionInfo(function_index_));
  StoreLine();
  b_.CreateStore(frame_record_, chain);
  return outer;
}

// Reads the outer record back from the frame record rather than keeping
// it in a register across the body: a callee-saved register (a push and a
// pop per call) costs more than this load (fib: 104 -> 89 ms).
void FunctionLowering::UnlinkFrame() {
  if (!(linked_in_prologue_ || (links_lazily_ && !lowering_unlinked_))) return;
  llvm::Value* outer = LoadWordField(frame_record_, abi_field::kNativeFrame_prev);
  b_.CreateStore(outer, module_.abi().WordSymbol("frames"));
}

void FunctionLowering::ClassifyUses() {
  const size_t n = function_.insts.size();
  std::vector<int> uses(n, 0), truth_uses(n, 0), slice_index_uses(n, 0), bounded_abs_uses(n, 0);
  for (const ir::Block& block : function_.blocks) {
    for (ir::InstId id : block.insts) {
      const ir::Inst& inst = function_.insts[id];
      for (ir::InstId operand : inst.ops) {
        if (operand >= n) continue;
        ++uses[operand];
        if (inst.op == ir::Op::Truth) ++truth_uses[operand];
      }
      bool list_subscript = (inst.op == ir::Op::Subscr || inst.op == ir::Op::StoreSubscr) && inst.ops.size() >= 2 &&
                            inst.ops[0] < n && Kind(function_.insts[inst.ops[0]].type) == ir::TypeKind::List;
      if (list_subscript && inst.ops[1] < n) ++slice_index_uses[inst.ops[1]];
      bool constant_comparison = inst.op == ir::Op::Binary && ir::IsComparison(static_cast<BinOp>(inst.sub)) &&
                                 inst.ops.size() == 2 && inst.ops[0] < n && inst.ops[1] < n;
      for (size_t side = 0; constant_comparison && side < 2; ++side)
        if (AbsBound(function_.insts[inst.ops[1 - side]])) ++bounded_abs_uses[inst.ops[side]];
    }
  }
  only_truth_used_.assign(n, false);
  unpacked_slice_.assign(n, false);
  deferred_abs_.assign(n, false);
  for (size_t i = 0; i < n; ++i) {
    const ir::Inst& inst = function_.insts[i];
    deferred_abs_[i] = inst.op == ir::Op::Abs && Kind(function_.insts[inst.ops[0]].type) == ir::TypeKind::Complex &&
                       uses[i] > 0 && uses[i] == bounded_abs_uses[i];
    only_truth_used_[i] = uses[i] > 0 && uses[i] == truth_uses[i];
    unpacked_slice_[i] = function_.insts[i].op == ir::Op::BuildSlice && uses[i] > 0 && uses[i] == slice_index_uses[i];
  }
}

void FunctionLowering::CreateLocals() {
  llvm::IRBuilder<> allocas(prologue_, prologue_->begin());
  for (ir::LocalId id = 0; id < function_.locals.size(); ++id) {
    const ir::Local& local = function_.locals[id];
    ir::TypeId type = local.is_cell ? ir::kObjectType : module_.Effective(local.type);
    locals_.push_back(allocas.CreateAlloca(module_.LlvmType(type), nullptr, local.name));
  }
  iterator_index_.assign(function_.locals.size(), nullptr);
  for (ir::LocalId id = 0; id < function_.locals.size(); ++id) {
    if (!sequence_iterator_[id]) continue;
    iterator_index_[id] = allocas.CreateAlloca(t_.word, nullptr, function_.locals[id].name + ".index");
    b_.CreateStore(Word(-1), iterator_index_[id], function_.locals[id].is_volatile);
  }
  for (ir::LocalId id = 0; id < function_.locals.size(); ++id) {
    const ir::Local& local = function_.locals[id];
    llvm::Value* initial = nullptr;
    if (local.slot != ir::kNoId && local.slot < function_.n_slots && function_.is_generator) {
      // A generator reads its bound arguments from the frame (all Values:
      // generators have no typed entry).
      llvm::Value* local0 = body_->getArg(1);
      initial = OpenBoundCell(
          local.slot, b_.CreateLoad(t_.word, b_.CreateInBoundsGEP(t_.word, local0, Word(-static_cast<int64_t>(local.slot)))));
      if (locals_[id]->getAllocatedType() != t_.word) Fail("a generator parameter typed other than object");
    } else if (local.slot != ir::kNoId && local.slot < function_.n_slots) {
      // Parameters, free variables' cells and cell parameters arrive in their slot.
      initial = body_->getArg(1 + local.slot);
    } else if (local.kind == ir::LocalKind::Cell || local.is_cell) {
      initial = CallHelper(Helper::new_cell, {Word(0)});
    } else {
      // Null marks an unbound Value local; others start as zero.
      initial = llvm::Constant::getNullValue(locals_[id]->getAllocatedType());
    }
    StoreLocalSlot(id, initial);
  }
}

void FunctionLowering::LowerBlock(ir::BlockId id) {
  const ir::Block& block = function_.blocks[id];
  current_block_ = id;
  llvm::BasicBlock* start = lowering_unlinked_ ? unlinked_blocks_[id] : blocks_[id];
  b_.SetInsertPoint(start);
  boxed_.clear();
  as_float_.clear();
  if (block.insts.empty()) {
    b_.CreateUnreachable();  // an empty block is never reached (the verifier forbids reaching it)
    return;
  }
  if (loop_of_[id] != kNoLoop) {
    LowerLoopBlock(id);
  } else if (WorthSpeculating(id)) {
    LowerSpeculatively(id, NewBlock("generic"), start);
  } else {
    for (ir::InstId inst : block.insts) {
      LowerInst(inst);
      if (!error_.empty()) return;
    }
  }
  if (!error_.empty()) return;
  if (!b_.GetInsertBlock()->getTerminator())
    Fail("block " + std::to_string(id) + " does not end in a terminator");
}

// ---- values computed once per call ----

llvm::Value* FunctionLowering::Context() { return context_; }

namespace {
llvm::Value* LoadInvariant(llvm::IRBuilder<>& b, llvm::Type* type, llvm::Value* address, const char* name) {
  llvm::LoadInst* load = b.CreateLoad(type, address, name);
  load->setMetadata(llvm::LLVMContext::MD_invariant_load, llvm::MDNode::get(b.getContext(), {}));
  return load;
}
}  // namespace

llvm::Value* FunctionLowering::QstrTable() {
  if (!qstr_table_) {
    llvm::IRBuilder<> b(prologue_->getTerminator());
    llvm::Value* field = b.CreateConstInBoundsGEP1_32(t_.word, context_, abi_field::kModuleContext_qstr_table);
    qstr_table_ = LoadInvariant(b, t_.ptr, field, "qstrs");
  }
  return qstr_table_;
}

llvm::Value* FunctionLowering::ObjTable() {
  if (!obj_table_) {
    llvm::IRBuilder<> b(prologue_->getTerminator());
    llvm::Value* field = b.CreateConstInBoundsGEP1_32(t_.word, context_, abi_field::kModuleContext_obj_table);
    obj_table_ = LoadInvariant(b, t_.ptr, field, "objs");
  }
  return obj_table_;
}

llvm::Value* FunctionLowering::NlrBuf(uint32_t slot) {
  if (slot >= nlr_bufs_.size()) {
    Fail("try slot " + std::to_string(slot) + " out of range");
    return llvm::ConstantPointerNull::get(t_.ptr);
  }
  return nlr_bufs_[slot];
}

// ---- constants ----

llvm::ConstantInt* FunctionLowering::Word(int64_t n) const {
  return llvm::ConstantInt::get(t_.word, static_cast<uint64_t>(n), true);
}
llvm::Value* FunctionLowering::SmallInt(int64_t n) const {
  return Word(static_cast<int64_t>(static_cast<uint64_t>(n) << 1 | 1));
}
// runtime/value.h: immediates are (n << 3) | 6; None 0, False 1, True 3.
llvm::Value* FunctionLowering::NoneValue() const { return Word((0 << 3) | 6); }
llvm::Value* FunctionLowering::FalseValue() const { return Word((1 << 3) | 6); }
llvm::Value* FunctionLowering::TrueValue() const { return Word((3 << 3) | 6); }

llvm::Value* FunctionLowering::QstrWord(int64_t index) {
  llvm::Value* address = b_.CreateInBoundsGEP(t_.word, QstrTable(), Word(index));
  return LoadInvariant(b_, t_.word, address, "qstr");
}

llvm::Value* FunctionLowering::QstrValue(int64_t index) {
  return b_.CreateOr(b_.CreateShl(QstrWord(index), 3), Word(2));
}

// ---- memory ----

llvm::Value* FunctionLowering::LoadWordField(llvm::Value* object, unsigned word_index, bool invariant) {
  llvm::Value* base = object->getType()->isPointerTy() ? object : b_.CreateIntToPtr(object, t_.ptr);
  llvm::Value* address = b_.CreateConstInBoundsGEP1_32(t_.word, base, word_index);
  return invariant ? LoadInvariant(b_, t_.word, address, "field") : b_.CreateLoad(t_.word, address, "field");
}

void FunctionLowering::StoreWordField(llvm::Value* object, unsigned word_index, llvm::Value* value) {
  llvm::Value* base = object->getType()->isPointerTy() ? object : b_.CreateIntToPtr(object, t_.ptr);
  b_.CreateStore(value, b_.CreateConstInBoundsGEP1_32(t_.word, base, word_index));
}

llvm::Value* FunctionLowering::LoadLocalSlot(ir::LocalId local) {
  llvm::AllocaInst* slot = locals_[local];
  return b_.CreateLoad(slot->getAllocatedType(), slot, function_.locals[local].is_volatile,
                       function_.locals[local].name);
}

void FunctionLowering::StoreLocalSlot(ir::LocalId local, llvm::Value* value) {
  b_.CreateStore(value, locals_[local], function_.locals[local].is_volatile);
}

llvm::Value* FunctionLowering::StoreArgs(llvm::ArrayRef<llvm::Value*> values) {
  if (!arg_buffer_) return llvm::ConstantPointerNull::get(t_.ptr);
  for (size_t i = 0; i < values.size(); ++i)
    b_.CreateStore(values[i], b_.CreateConstInBoundsGEP1_32(t_.word, arg_buffer_, static_cast<unsigned>(i)));
  return arg_buffer_;
}

// The variable's name for UnboundLocalError/NameError: its index in the
// module's qstr table when the name is there (names[0] if the builder gave
// one); otherwise 0, and the runtime's message goes without the name.
llvm::Value* FunctionLowering::LocalNameQstr(ir::LocalId local, const ir::Inst& inst) {
  if (!inst.names.empty()) return QstrWord(inst.names[0]);
  const std::vector<std::string>& qstrs = module_.ir_module().qstrs;
  for (size_t i = 1; i < qstrs.size(); ++i)  // 0 is the source name
    if (qstrs[i] == function_.locals[local].name) return QstrWord(static_cast<int64_t>(i));
  return Word(0);
}

// ---- calls and control ----

llvm::Value* FunctionLowering::CallHelper(Helper helper, llvm::ArrayRef<llvm::Value*> args) {
  llvm::Function* callee = module_.abi().Get(helper);
  // Helpers that only allocate or read (box_float, unbox_float) keep LLVM's
  // knowledge of memory across them, and a store to the frame record (whose
  // address is known to the runtime) would cost that: their MemoryError
  // shows the line of the function's last call instead.
  if (module_.abi().OnlyAllocatesOrReads(helper)) return b_.CreateCall(callee, args);
  if (!link_at_calls_) {
    StoreLine();
    return b_.CreateCall(callee, args);
  }
  llvm::Value* outer = LinkForCall();
  llvm::Value* result = b_.CreateCall(callee, args);
  b_.CreateStore(outer, module_.abi().WordSymbol("frames"));
  return result;
}

void FunctionLowering::CallNoReturn(Helper helper, llvm::ArrayRef<llvm::Value*> args) {
  if (link_at_calls_) LinkForCall();
  else StoreLine();
  llvm::CallInst* call = b_.CreateCall(module_.abi().Get(helper), args);
  call->setDoesNotReturn();
  b_.CreateUnreachable();
}

void FunctionLowering::RaiseIf(llvm::Value* cond, Helper helper, llvm::ArrayRef<llvm::Value*> args) {
  llvm::BasicBlock* raise = NewBlock("raise");
  llvm::BasicBlock* next = NewBlock("ok");
  BranchLikely(cond, raise, next);
  // BranchLikely's first target is the likely one: swap the weights.
  llvm::BranchInst* branch = llvm::cast<llvm::BranchInst>(b_.GetInsertBlock()->getTerminator());
  branch->setMetadata(llvm::LLVMContext::MD_prof, llvm::MDBuilder(module_.context()).createUnlikelyBranchWeights());
  b_.SetInsertPoint(raise);
  CallNoReturn(helper, args);
  b_.SetInsertPoint(next);
}

// Deep recursion must raise RuntimeError, never overflow the C stack. Every
// call through the runtime (BytecodeFunctionCall, generator resumption)
// checks the stack itself, so only calls straight from one body to another
// bypass that: a body checks when it makes such calls, and so every cycle
// of calls has a check (leaves, such as small bodies inlined into loops,
// have none).
bool FunctionLowering::MakesDirectCalls() const {
  for (const ir::Inst& inst : function_.insts)
    if (inst.op == ir::Op::CallDirect) return true;
  return false;
}

// An iterative depth-first search from every block in order: an edge to a
// block still on the search path closes a loop.
// MicroPython runs scheduled callbacks between bytecodes; native code does
// at every loop iteration, so `while not flag: pass` sees a callback set
// the flag. The flag is read volatile: an interrupt handler may set it.
void FunctionLowering::PollPending() {
  llvm::LoadInst* pending = b_.CreateLoad(t_.word, module_.abi().WordSymbol("pending"), "pending");
  pending->setVolatile(true);
  llvm::BasicBlock* run = NewBlock("pending.run");
  llvm::BasicBlock* next = NewBlock("pending.none");
  b_.CreateCondBr(b_.CreateICmpNE(pending, Word(0)), run, next,
                  llvm::MDBuilder(module_.context()).createUnlikelyBranchWeights());
  b_.SetInsertPoint(run);
  if (speculating_ && InSpeculativeLoop()) {
    LeaveBeforeTerminator();  // the generic copy runs the callbacks
  } else {
    CallHelper(Helper::run_pending, {});
    b_.CreateBr(next);
  }
  b_.SetInsertPoint(next);
}

// The runtime is asked only when the stack pointer is below its limit: a
// compare and a branch per call.
void FunctionLowering::CheckStack() {
  llvm::Value* sp = b_.CreatePtrToInt(b_.CreateStackSave(), t_.word, "sp");
  llvm::Value* limit = b_.CreateLoad(t_.word, module_.abi().WordSymbol("stack_limit"), "stack_limit");
  llvm::BasicBlock* deep = NewBlock("stack.deep");
  llvm::BasicBlock* next = NewBlock("stack.ok");
  next->moveAfter(b_.GetInsertBlock());  // the entry reads on in the next block
  b_.CreateCondBr(b_.CreateICmpULT(sp, limit), deep, next,
                  llvm::MDBuilder(module_.context()).createUnlikelyBranchWeights());
  b_.SetInsertPoint(deep);
  CallHelper(Helper::check_stack, {});
  b_.CreateBr(next);
  b_.SetInsertPoint(next);
}

// One more frame that a self tail call jumped back instead of making
// (ir/tail_recursion.cpp): the count goes into the record for tracebacks,
// and every kCheckEvery frames the runtime checks the stack as if they had
// been made, so unbounded recursion ends in the stack check's error as it
// would with calls.
void FunctionLowering::LowerTailFrames() {
  constexpr unsigned kCheckEvery = 64;
  if (!tail_frames_) {
    llvm::IRBuilder<> prologue(prologue_, prologue_->begin());
    tail_frames_ = prologue.CreateAlloca(t_.word, nullptr, "tail_frames");
    prologue.CreateStore(Word(0), tail_frames_);
  }
  llvm::Value* frames = b_.CreateNUWAdd(b_.CreateLoad(t_.word, tail_frames_), Word(1), "frames");
  b_.CreateStore(frames, tail_frames_);
  if (frame_record_) StoreWordField(frame_record_, abi_field::kNativeTailFrame_repeats, frames);
  llvm::BasicBlock* check = NewBlock("tail.check");
  llvm::BasicBlock* next = NewBlock("tail.next");
  llvm::Value* due = b_.CreateICmpEQ(b_.CreateAnd(frames, Word(kCheckEvery - 1)), Word(0));
  b_.CreateCondBr(due, check, next, llvm::MDBuilder(module_.context()).createUnlikelyBranchWeights());
  b_.SetInsertPoint(check);
  CallHelper(Helper::check_tail_frames, {frames});
  b_.CreateBr(next);
  b_.SetInsertPoint(next);
}

void FunctionLowering::BranchLikely(llvm::Value* cond, llvm::BasicBlock* likely, llvm::BasicBlock* unlikely) {
  b_.CreateCondBr(cond, likely, unlikely, llvm::MDBuilder(module_.context()).createLikelyBranchWeights());
}

}  // namespace taipan::llvmbe
