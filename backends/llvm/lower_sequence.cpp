// Indexing lists and tuples inline, and the items of typed lists in their
// own representation: a list[float]'s items as Floats (read straight from a
// list of raw floats, runtime/list.h, or unboxed from a boxed one), a
// list[bool]'s as i1. Every inline list access checks the raw-floats bit,
// so no access depends on inference for its safety: a raw list reaching
// untyped code has its floats boxed on the way out, and a store of anything
// but a Float into a raw list goes through the runtime (which boxes the
// list first). The one exception is a list[bool], which inference saw only
// bools stored into, so it never holds raw floats: its loads compare with
// True and its stores write True/False (immediates, so a wrong type could
// give a wrong value but never a dangling pointer).
#include "backends/llvm/lower.h"

namespace taipan::llvmbe {

using ir::TypeKind;

ir::TypeId FunctionLowering::ElementType(ir::TypeId list) const {
  const ir::Type& type = module_.program().types.Get(module_.Effective(list));
  return type.kind == TypeKind::List && !type.params.empty() ? type.params[0] : ir::kObjectType;
}

llvm::Value* FunctionLowering::SequenceHeader(llvm::Value* access) {
  llvm::cast<llvm::Instruction>(access)->setMetadata(llvm::LLVMContext::MD_tbaa, module_.SequenceAliasTag(false));
  return access;
}

llvm::Value* FunctionLowering::SequenceItem(llvm::Value* access) {
  llvm::cast<llvm::Instruction>(access)->setMetadata(llvm::LLVMContext::MD_tbaa, module_.SequenceAliasTag(true));
  return access;
}

bool FunctionLowering::RawFloatLists() const { return t_.fp->getPrimitiveSizeInBits() == t_.word->getBitWidth(); }

llvm::Value* FunctionLowering::HoldsRawFloats(llvm::Value* list) {
  return b_.CreateICmpSLT(SequenceHeader(LoadWordField(list, abi_field::kListObject_capacity)), Word(0), "raw_floats");
}

// The address of item `index` (a small int, negative counts from the end)
// of an exact list or tuple; IndexError when out of range.
llvm::Value* FunctionLowering::SequenceItemAddress(llvm::Value* sequence, llvm::Value* index, bool is_list,
                                                   const char* message) {
  unsigned length_field = is_list ? abi_field::kListObject_length : abi_field::kTupleObject_length;
  llvm::Value* length = SequenceHeader(LoadWordField(sequence, length_field));
  llvm::Value* base = b_.CreateIntToPtr(sequence, t_.ptr);
  llvm::Value* items =
      is_list ? SequenceHeader(b_.CreateLoad(t_.ptr, b_.CreateConstInBoundsGEP1_32(t_.word, base, abi_field::kListObject_items)))
              : b_.CreateConstInBoundsGEP1_32(t_.word, base, abi_field::kTupleObject_items);
  // The tagged index 2i+1 is below the tagged length 2n+1 exactly when i is
  // in [0, n) (a negative i is a huge unsigned word), and then addresses
  // item i at (2i+1 - 1) * (word / 2) bytes, without untagging. The other
  // indices count from the end and are checked again.
  // A constant index is untagged here at compile time instead: with the
  // tagged form, nbody's constant-index accesses ran 25% slower.
  bool constant = llvm::isa<llvm::ConstantInt>(index);
  llvm::BasicBlock* from_end = NewBlock("index.from_end");
  llvm::BasicBlock* in_range = NewBlock("index.in_range");
  llvm::BasicBlock* done = NewBlock("index.ok");
  if (constant) BranchLikely(b_.CreateICmpULT(Untag(index), length), in_range, from_end);
  else BranchLikely(b_.CreateICmpULT(index, Tag(length)), in_range, from_end);
  b_.SetInsertPoint(in_range);
  llvm::Value* direct =
      constant ? b_.CreateInBoundsGEP(t_.word, items, Untag(index))
               : b_.CreateInBoundsGEP(b_.getInt8Ty(), items,
                                      b_.CreateMul(b_.CreateSub(index, Word(1)), Word(t_.word_bytes / 2)));
  b_.CreateBr(done);
  b_.SetInsertPoint(from_end);
  llvm::Value* wrapped = b_.CreateAdd(Untag(index), length);
  llvm::Value* text = b_.CreateGlobalString(message, "index_error");
  RaiseIf(b_.CreateICmpUGE(wrapped, length), Helper::raise_index_error, {text});
  llvm::Value* from_end_address = b_.CreateInBoundsGEP(t_.word, items, wrapped);
  llvm::BasicBlock* from_end_done = b_.GetInsertBlock();
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
  llvm::PHINode* address = b_.CreatePHI(t_.ptr, 2, "item.address");
  address->addIncoming(direct, in_range);
  address->addIncoming(from_end_address, from_end_done);
  return address;
}

ir::TypeId FunctionLowering::ItemRepType(ir::TypeId element) const {
  TypeKind kind = Kind(element);
  return kind == TypeKind::Float || kind == TypeKind::Bool ? element : ir::kObjectType;
}

Typed FunctionLowering::LoadListItem(llvm::Value* list, llvm::Value* address, ir::TypeId element) {
  ir::TypeId type = ItemRepType(element);
  if (Kind(type) == TypeKind::Bool) {
    // Inference saw only bools stored: True or False, never raw.
    return {b_.CreateICmpEQ(SequenceItem(b_.CreateLoad(t_.word, address, "item")), TrueValue()), type};
  }
  bool is_float = Kind(type) == TypeKind::Float;
  if (!RawFloatLists()) {
    llvm::Value* item = SequenceItem(b_.CreateLoad(t_.word, address, "item"));
    return {is_float ? UnboxFloat(item) : item, type};
  }
  llvm::BasicBlock* raw = NewBlock("item.raw");
  llvm::BasicBlock* boxed = NewBlock("item.boxed");
  llvm::BasicBlock* done = NewBlock("item.done");
  llvm::Value* holds_raw = HoldsRawFloats(list);
  if (is_float) BranchLikely(holds_raw, raw, boxed);
  else BranchLikely(b_.CreateNot(holds_raw), boxed, raw);
  b_.SetInsertPoint(raw);
  llvm::Value* raw_item = SequenceItem(b_.CreateLoad(t_.fp, address, "raw_item"));
  if (!is_float) raw_item = CallHelper(Helper::box_float, {raw_item});
  llvm::BasicBlock* raw_end = b_.GetInsertBlock();
  b_.CreateBr(done);
  b_.SetInsertPoint(boxed);
  llvm::Value* boxed_item = SequenceItem(b_.CreateLoad(t_.word, address, "item"));
  if (is_float) boxed_item = UnboxFloat(boxed_item);
  llvm::BasicBlock* boxed_end = b_.GetInsertBlock();
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
  llvm::PHINode* item = b_.CreatePHI(module_.LlvmType(type), 2, "item");
  item->addIncoming(raw_item, raw_end);
  item->addIncoming(boxed_item, boxed_end);
  return {item, type};
}

void FunctionLowering::StoreFloatItem(llvm::Value* list, llvm::Value* address, llvm::Value* value) {
  llvm::BasicBlock* raw = NewBlock("store.raw");
  llvm::BasicBlock* boxed = NewBlock("store.boxed");
  llvm::BasicBlock* done = NewBlock("store.stored");
  BranchLikely(HoldsRawFloats(list), raw, boxed);
  b_.SetInsertPoint(raw);
  SequenceItem(b_.CreateStore(value, address));
  b_.CreateBr(done);
  b_.SetInsertPoint(boxed);
  llvm::Value* box = CallHelper(Helper::box_float, {value});
  SequenceItem(b_.CreateStore(box, address));
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
}

namespace {
bool IsIndex(TypeKind kind) { return kind == TypeKind::Int || kind == TypeKind::Bool || kind == TypeKind::Object; }
bool IsBytesLike(TypeKind kind) { return kind == TypeKind::Bytes || kind == TypeKind::ByteArray; }
}  // namespace

unsigned FunctionLowering::LengthField(TypeKind kind) {
  switch (kind) {
    case TypeKind::List: return abi_field::kListObject_length;
    case TypeKind::Tuple: return abi_field::kTupleObject_length;
    case TypeKind::Bytes: return abi_field::kBytesObject_length;
    default: return abi_field::kByteArrayObject_length;
  }
}

// The address of byte `index` (a small int, negative counts from the end)
// of an exact bytes or bytearray; IndexError when out of range. Bytes are
// never a sequence's header, so their accesses carry the item tag.
llvm::Value* FunctionLowering::ByteAddress(llvm::Value* sequence, TypeKind kind, llvm::Value* index) {
  llvm::Value* length = SequenceHeader(LoadWordField(sequence, LengthField(kind)));
  unsigned data_field = kind == TypeKind::Bytes ? abi_field::kBytesObject_data : abi_field::kByteArrayObject_data;
  llvm::Value* data = b_.CreateIntToPtr(SequenceHeader(LoadWordField(sequence, data_field)), t_.ptr);
  llvm::Value* i = Untag(index);
  llvm::Value* wrapped = b_.CreateSelect(b_.CreateICmpSLT(i, Word(0)), b_.CreateAdd(i, length), i);
  const char* message = kind == TypeKind::Bytes ? "bytes index out of range" : "bytearray index out of range";
  llvm::Value* text = b_.CreateGlobalString(message, "index_error");
  RaiseIf(b_.CreateICmpUGE(wrapped, length), Helper::raise_index_error, {text});
  return b_.CreateInBoundsGEP(b_.getInt8Ty(), data, wrapped);
}

// The byte as a small int; any other index goes through the runtime (a big
// int raises IndexError; an untyped index may also be a slice).
Typed FunctionLowering::LowerByteSubscr(const Typed& sequence, const Typed& index) {
  llvm::Value* i = Kind(index.type) == TypeKind::Bool ? BoolToSmallInt(index.value) : index.value;
  llvm::BasicBlock* small = NewBlock("byte.small");
  llvm::BasicBlock* slow = NewBlock("byte.slow");
  llvm::BasicBlock* done = NewBlock("byte.done");
  BranchLikely(IsSmallInt(i), small, slow);
  b_.SetInsertPoint(small);
  llvm::Value* byte = SequenceItem(b_.CreateLoad(b_.getInt8Ty(), ByteAddress(sequence.value, Kind(sequence.type), i)));
  llvm::Value* item = Tag(b_.CreateZExt(byte, t_.word));
  llvm::BasicBlock* small_end = b_.GetInsertBlock();
  b_.CreateBr(done);
  b_.SetInsertPoint(slow);
  llvm::Value* generic = CallHelper(Helper::subscr, {sequence.value, Box(index)});
  llvm::BasicBlock* slow_end = b_.GetInsertBlock();
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
  llvm::PHINode* phi = b_.CreatePHI(t_.word, 2, "byte");
  phi->addIncoming(item, small_end);
  phi->addIncoming(generic, slow_end);
  TypeKind index_kind = Kind(index.type);
  return {phi, index_kind == TypeKind::Int || index_kind == TypeKind::Bool ? ir::kIntType : ir::kObjectType};
}

// A small int in [0, 256) stored inline; anything else (a bool, a big int,
// a value out of range or of another type) through the runtime, which
// converts it or raises.
void FunctionLowering::LowerByteStore(const Typed& array, const Typed& index, const Typed& value) {
  llvm::Value* i = Kind(index.type) == TypeKind::Bool ? BoolToSmallInt(index.value) : index.value;
  llvm::Value* boxed = Box(value);
  llvm::BasicBlock* fast = NewBlock("byte.store");
  llvm::BasicBlock* slow = NewBlock("byte.store_slow");
  llvm::BasicBlock* done = NewBlock("byte.stored");
  llvm::Value* is_byte = b_.CreateAnd(IsSmallInt(boxed), b_.CreateICmpULT(boxed, Tag(Word(256))));
  BranchLikely(b_.CreateAnd(IsSmallInt(i), is_byte), fast, slow);
  b_.SetInsertPoint(fast);
  llvm::Value* address = ByteAddress(array.value, TypeKind::ByteArray, i);
  SequenceItem(b_.CreateStore(b_.CreateTrunc(Untag(boxed), b_.getInt8Ty()), address));
  b_.CreateBr(done);
  b_.SetInsertPoint(slow);
  CallHelper(Helper::store_subscr, {array.value, Box(index), boxed});
  // As for a list (LowerStoreSubscr): the value's __index__ may have run.
  if (!InSpeculativeLoop() || !LeaveSpeculation(nullptr, ir::kVoidType)) b_.CreateBr(done);
  b_.SetInsertPoint(done);
}

// seq[i]: inline for a list or tuple and a small int, known from the types
// or (when inference does not know them) checked at run time; a dict's
// straight to its lookup; anything else through the runtime.
Typed FunctionLowering::LowerSubscr(const ir::Inst& inst) {
  Typed sequence = Operand(inst, 0);
  Typed index = Operand(inst, 1);
  TypeKind kind = Kind(sequence.type);
  TypeKind index_kind = Kind(index.type);
  bool known = kind == TypeKind::List || kind == TypeKind::Tuple;
  if (kind == TypeKind::Dict) return {CallHelper(Helper::dict_subscr, {sequence.value, Box(index)}), ir::kObjectType};
  if (IsBytesLike(kind) && IsIndex(index_kind)) return LowerByteSubscr(sequence, index);
  if (kind == TypeKind::List && unpacked_slice_[inst.ops[1]]) {
    const ir::Inst& slice = function_.insts[inst.ops[1]];
    return {CallHelper(Helper::list_load_slice, {sequence.value, BoxedOperand(slice, 0), BoxedOperand(slice, 1),
                                                  BoxedOperand(slice, 2)}),
            ir::kObjectType};
  }
  if ((!known && kind != TypeKind::Object) || !IsIndex(index_kind))
    return {CallHelper(Helper::subscr, {Box(sequence), Box(index)}), ir::kObjectType};
  ir::TypeId element = kind == TypeKind::List ? ElementType(sequence.type) : ir::kObjectType;
  ir::TypeId result_type = ItemRepType(element);
  llvm::Value* i = index_kind == TypeKind::Bool ? BoolToSmallInt(index.value) : index.value;
  llvm::BasicBlock* slow = NewBlock("index.slow");
  llvm::BasicBlock* done = NewBlock("index.done");
  std::vector<std::pair<llvm::Value*, llvm::BasicBlock*>> items;
  auto inline_item = [&](bool is_list) {
    llvm::Value* address = SequenceItemAddress(sequence.value, i, is_list,
                                               is_list ? "list index out of range" : "tuple index out of range");
    Typed item = is_list ? LoadListItem(sequence.value, address, element)
                         : Typed{SequenceItem(b_.CreateLoad(t_.word, address, "item")), ir::kObjectType};
    items.push_back({item.value, b_.GetInsertBlock()});
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
  generic = Coerce(generic, ir::kObjectType, result_type);
  // A speculative loop goes on generically after the call (see StoreSubscr).
  if (!InSpeculativeLoop() || !LeaveSpeculation(generic, result_type)) {
    items.push_back({generic, b_.GetInsertBlock()});
    b_.CreateBr(done);
  }
  b_.SetInsertPoint(done);
  llvm::PHINode* phi = b_.CreatePHI(module_.LlvmType(result_type), items.size(), "subscr");
  for (auto& [item, block] : items) phi->addIncoming(item, block);
  return {phi, result_type};
}

// seq[i] = v: inline for a list and a small int, a dict's straight to its
// store. A Float is stored raw or boxed as the list is; any other value
// into a raw list goes through the runtime.
void FunctionLowering::LowerStoreSubscr(const ir::Inst& inst) {
  Typed sequence = Operand(inst, 0);
  Typed index = Operand(inst, 1);
  Typed value = Operand(inst, 2);
  TypeKind kind = Kind(sequence.type);
  TypeKind index_kind = Kind(index.type);
  if (kind == TypeKind::Dict) {
    CallHelper(Helper::dict_store, {sequence.value, Box(index), Box(value)});
    return;
  }
  if (kind == TypeKind::ByteArray && IsIndex(index_kind)) {
    LowerByteStore(sequence, index, value);
    return;
  }
  if (kind == TypeKind::List && unpacked_slice_[inst.ops[1]]) {
    const ir::Inst& slice = function_.insts[inst.ops[1]];
    CallHelper(Helper::list_store_slice, {sequence.value, BoxedOperand(slice, 0), BoxedOperand(slice, 1),
                                          BoxedOperand(slice, 2), Box(value)});
    return;
  }
  if ((kind != TypeKind::List && kind != TypeKind::Object) || !IsIndex(index_kind)) {
    CallHelper(Helper::store_subscr, {Box(sequence), Box(index), Box(value)});
    return;
  }
  bool raw_lists = RawFloatLists();
  bool float_value = raw_lists && Kind(value.type) == TypeKind::Float;
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
  llvm::Value* address = SequenceItemAddress(sequence.value, i, true, "list assignment index out of range");
  if (float_value) {
    StoreFloatItem(sequence.value, address, value.value);
  } else {
    llvm::BasicBlock* store = NewBlock("store.value");
    // A bool into a list[bool], never raw (see LoadListItem).
    bool bool_into_bools = kind == TypeKind::List && Kind(ElementType(sequence.type)) == TypeKind::Bool &&
                           Kind(value.type) == TypeKind::Bool;
    if (raw_lists && !bool_into_bools) BranchLikely(b_.CreateNot(HoldsRawFloats(sequence.value)), store, slow);
    else b_.CreateBr(store);
    b_.SetInsertPoint(store);
    llvm::Value* boxed = Box(value);
    SequenceItem(b_.CreateStore(boxed, address));
  }
  b_.CreateBr(done);
  b_.SetInsertPoint(slow);
  CallHelper(Helper::store_subscr, {sequence.value, Box(index), Box(value)});
  // A speculative loop goes on generically after the call (which may have
  // changed any list), so that its own iterations call nothing.
  if (!InSpeculativeLoop() || !LeaveSpeculation(nullptr, ir::kVoidType)) b_.CreateBr(done);
  b_.SetInsertPoint(done);
}

// build.list: a list[float] of Float items is made raw and filled inline.
Typed FunctionLowering::LowerBuildList(const ir::Inst& inst) {
  bool all_floats = RawFloatLists() && !inst.ops.empty() && Kind(ElementType(inst.type)) == TypeKind::Float;
  for (size_t i = 0; all_floats && i < inst.ops.size(); ++i) all_floats = Kind(Operand(inst, i).type) == TypeKind::Float;
  if (!all_floats) return LowerBuild(inst, Helper::build_list);
  llvm::Value* list = CallHelper(Helper::list_new_floats, {Word(static_cast<int64_t>(inst.ops.size()))});
  llvm::Value* items = b_.CreateIntToPtr(SequenceHeader(LoadWordField(list, abi_field::kListObject_items)), t_.ptr);
  for (size_t i = 0; i < inst.ops.size(); ++i) {
    llvm::Value* address = b_.CreateConstInBoundsGEP1_32(t_.word, items, static_cast<unsigned>(i));
    SequenceItem(b_.CreateStore(Operand(inst, i).value, address));
  }
  return {list, ir::kObjectType};
}

// list.append(v) (the builder's, and lst.append(v) on an exact list): a
// Float is appended raw when the list is raw.
void FunctionLowering::LowerListAppend(llvm::Value* list, const Typed& value) {
  if (RawFloatLists() && Kind(value.type) == TypeKind::Float) {
    CallHelper(Helper::list_append_float, {list, value.value});
  } else {
    CallHelper(Helper::list_append, {list, Box(value)});
  }
}

}  // namespace taipan::llvmbe
