// Indexing lists and tuples inline, and the items of typed lists in their
// own representation: a list[float]'s items as Floats, a list[bool]'s as
// i1. An exact list stores its items one of three ways (runtime/list.h):
// boxed Values, raw floats or raw bools (one byte each), and every inline
// access checks which before it computes an address, so no access depends
// on inference for its safety. A load reads any of the three; a store
// writes a Float raw or boxed, a bool raw or boxed, and anything else into
// a boxed list only: the other cases go through the runtime, which boxes
// the list first.
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

llvm::Value* FunctionLowering::ListCapacityWord(llvm::Value* list) {
  return SequenceHeader(LoadWordField(list, abi_field::kListObject_capacity));
}

// The raw-floats bit is the capacity's sign bit, the raw-bools bit the one
// below it; a boxed list's capacity is below both.
llvm::Value* FunctionLowering::HoldsRawFloats(llvm::Value* list) {
  return b_.CreateICmpSLT(ListCapacityWord(list), Word(0), "raw_floats");
}

llvm::Value* FunctionLowering::HoldsRawBools(llvm::Value* list) {
  llvm::Value* bit = Word(int64_t{1} << (t_.word->getBitWidth() - 2));
  return b_.CreateICmpNE(b_.CreateAnd(ListCapacityWord(list), bit), Word(0), "raw_bools");
}

llvm::Value* FunctionLowering::HoldsBoxedItems(llvm::Value* list) {
  llvm::Value* bit = Word(int64_t{1} << (t_.word->getBitWidth() - 2));
  return b_.CreateICmpULT(ListCapacityWord(list), bit, "boxed_items");
}

// Item `index` (a small int, negative counts from the end) of an exact
// list or tuple: its items and its position as a small int, once in range;
// IndexError when out of range. The tagged position 2i+1 addresses a word
// item with one scaled add (at (2i+1 - 1) * (word / 2)) and a raw bool with
// one shift, and an index in range is already that: the tagged index 2i+1
// is below the tagged length 2n+1 exactly when i is in [0, n) (a negative i
// is a huge unsigned word). The other indices count from the end and are
// checked again.
// A constant index is untagged here at compile time instead: with the
// tagged form, nbody's constant-index accesses ran 25% slower.
FunctionLowering::ItemSlot FunctionLowering::SequenceItemSlot(llvm::Value* sequence, llvm::Value* index, bool is_list,
                                                              const char* message) {
  unsigned length_field = is_list ? abi_field::kListObject_length : abi_field::kTupleObject_length;
  llvm::Value* length = SequenceHeader(LoadWordField(sequence, length_field));
  llvm::Value* base = b_.CreateIntToPtr(sequence, t_.ptr);
  llvm::Value* items =
      is_list ? SequenceHeader(b_.CreateLoad(t_.ptr, b_.CreateConstInBoundsGEP1_32(t_.word, base, abi_field::kListObject_items)))
              : b_.CreateConstInBoundsGEP1_32(t_.word, base, abi_field::kTupleObject_items);
  if (auto* constant = llvm::dyn_cast<llvm::ConstantInt>(index)) {
    int64_t i = constant->getSExtValue() >> 1;
    if (i >= 0) {
      RaiseIf(b_.CreateICmpUGE(Word(i), length), Helper::raise_index_error, {b_.CreateGlobalString(message, "index_error")});
      return {items, Word(2 * i + 1)};
    }
  }
  llvm::BasicBlock* from_end = NewBlock("index.from_end");
  llvm::BasicBlock* in_range = NewBlock("index.in_range");
  llvm::BasicBlock* done = NewBlock("index.ok");
  BranchLikely(b_.CreateICmpULT(index, Tag(length)), in_range, from_end);
  b_.SetInsertPoint(in_range);
  b_.CreateBr(done);
  b_.SetInsertPoint(from_end);
  llvm::Value* wrapped = b_.CreateAdd(Untag(index), length);
  llvm::Value* text = b_.CreateGlobalString(message, "index_error");
  RaiseIf(b_.CreateICmpUGE(wrapped, length), Helper::raise_index_error, {text});
  llvm::Value* from_end_tagged = Tag(wrapped);
  llvm::BasicBlock* from_end_done = b_.GetInsertBlock();
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
  llvm::PHINode* position = b_.CreatePHI(t_.word, 2, "position");
  position->addIncoming(index, in_range);
  position->addIncoming(from_end_tagged, from_end_done);
  return {items, position};
}

llvm::Value* FunctionLowering::TupleItemAddress(llvm::Value* tuple, llvm::Value* index) {
  return ItemAddress(SequenceItemSlot(tuple, index, false, "tuple index out of range"), t_.word_bytes);
}

llvm::Value* FunctionLowering::ItemAddress(const ItemSlot& slot, unsigned item_bytes) {
  llvm::Value* offset = item_bytes == 1 ? b_.CreateLShr(slot.position, Word(1))
                                        : b_.CreateMul(b_.CreateSub(slot.position, Word(1)), Word(item_bytes / 2));
  return b_.CreateInBoundsGEP(b_.getInt8Ty(), slot.items, offset);
}

ir::TypeId FunctionLowering::ItemRepType(ir::TypeId element) const {
  TypeKind kind = Kind(element);
  return kind == TypeKind::Float || kind == TypeKind::Bool ? element : ir::kObjectType;
}

namespace {
constexpr const char* kListIndexError = "list index out of range";
constexpr const char* kListStoreIndexError = "list assignment index out of range";
}  // namespace

// Branches to the block of the representation `list` has, testing first
// for the likely one: raw bools for a bool, raw floats for a float, boxed
// items otherwise.
void FunctionLowering::DispatchOnItems(llvm::Value* list, TypeKind likely, llvm::BasicBlock* raw_bools,
                                       llvm::BasicBlock* raw_floats, llvm::BasicBlock* boxed) {
  bool floats = RawFloatLists();  // else no list holds raw floats
  llvm::BasicBlock* other = NewBlock("items.other");
  if (likely == TypeKind::Bool) {
    BranchLikely(HoldsRawBools(list), raw_bools, floats ? other : boxed);
    if (floats) {
      b_.SetInsertPoint(other);
      BranchLikely(HoldsBoxedItems(list), boxed, raw_floats);
    }
  } else if (likely == TypeKind::Float && floats) {
    BranchLikely(HoldsRawFloats(list), raw_floats, other);
    b_.SetInsertPoint(other);
    BranchLikely(HoldsBoxedItems(list), boxed, raw_bools);
  } else {
    BranchLikely(HoldsBoxedItems(list), boxed, other);
    b_.SetInsertPoint(other);
    if (floats) b_.CreateCondBr(HoldsRawFloats(list), raw_floats, raw_bools);
    else b_.CreateBr(raw_bools);
  }
  if (llvm::pred_empty(other)) other->eraseFromParent();
}

Typed FunctionLowering::LoadListItem(llvm::Value* list, llvm::Value* index, ir::TypeId element) {
  ir::TypeId type = ItemRepType(element);
  llvm::BasicBlock* raw_bools = NewBlock("item.raw_bools");
  llvm::BasicBlock* raw_floats = NewBlock("item.raw_floats");
  llvm::BasicBlock* boxed = NewBlock("item.boxed");
  llvm::BasicBlock* done = NewBlock("item.done");
  ItemSlot slot = SequenceItemSlot(list, index, true, kListIndexError);
  DispatchOnItems(list, Kind(type), raw_bools, raw_floats, boxed);
  std::vector<std::pair<llvm::Value*, llvm::BasicBlock*>> items;
  auto load = [&](llvm::BasicBlock* block, llvm::Type* item_type, ir::TypeId loaded_type) {
    if (llvm::pred_empty(block)) {
      block->eraseFromParent();
      return;
    }
    b_.SetInsertPoint(block);
    unsigned bytes = item_type == b_.getInt8Ty() ? 1 : t_.word_bytes;
    llvm::Value* item = SequenceItem(b_.CreateLoad(item_type, ItemAddress(slot, bytes), "item"));
    if (bytes == 1) item = b_.CreateICmpNE(item, b_.getInt8(0));
    // A list[bool]'s boxed item is True or False: no truth test needed.
    if (loaded_type == ir::kObjectType && Kind(type) == TypeKind::Bool) item = b_.CreateICmpEQ(item, TrueValue());
    else item = Coerce(item, loaded_type, type);
    items.push_back({item, b_.GetInsertBlock()});
    b_.CreateBr(done);
  };
  load(raw_bools, b_.getInt8Ty(), ir::kBoolType);
  load(raw_floats, t_.fp, ir::kFloatType);
  load(boxed, t_.word, ir::kObjectType);
  b_.SetInsertPoint(done);
  llvm::PHINode* item = b_.CreatePHI(module_.LlvmType(type), items.size(), "item");
  for (auto& [value, block] : items) item->addIncoming(value, block);
  return {item, type};
}

// Stores `value` into item `index` (a small int) of the exact list `list`
// (whose items inference typed `element`) in the list's representation,
// then goes to `done`; goes to `slow` when that representation cannot hold
// the value (the runtime boxes the list).
void FunctionLowering::StoreListItem(llvm::Value* list, llvm::Value* index, const Typed& value, ir::TypeId element,
                                     llvm::BasicBlock* done, llvm::BasicBlock* slow) {
  TypeKind kind = Kind(value.type);
  bool is_bool = kind == TypeKind::Bool;
  bool is_float = kind == TypeKind::Float && RawFloatLists();
  llvm::BasicBlock* raw_bools = is_bool ? NewBlock("store.raw_bools") : slow;
  llvm::BasicBlock* raw_floats = is_float ? NewBlock("store.raw_floats") : slow;
  llvm::BasicBlock* boxed = NewBlock("store.boxed");
  ItemSlot slot = SequenceItemSlot(list, index, true, kListStoreIndexError);
  // A list of the value's own type is likely raw; any other, boxed.
  bool likely_raw = (is_bool || is_float) && Kind(element) == kind;
  DispatchOnItems(list, likely_raw ? kind : TypeKind::Object, raw_bools, raw_floats, boxed);
  auto store = [&](llvm::BasicBlock* block, unsigned bytes, auto&& item) {
    b_.SetInsertPoint(block);
    SequenceItem(b_.CreateStore(item(), ItemAddress(slot, bytes)));
    b_.CreateBr(done);
  };
  if (is_bool) store(raw_bools, 1, [&] { return b_.CreateZExt(value.value, b_.getInt8Ty()); });
  if (is_float) store(raw_floats, t_.word_bytes, [&] { return value.value; });
  store(boxed, t_.word_bytes, [&] { return Box(value); });
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
    Typed item = is_list ? LoadListItem(sequence.value, i, element)
                         : Typed{SequenceItem(b_.CreateLoad(t_.word, TupleItemAddress(sequence.value, i), "item")),
                                 ir::kObjectType};
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
  ir::TypeId element = kind == TypeKind::List ? ElementType(sequence.type) : ir::kObjectType;
  StoreListItem(sequence.value, i, value, element, done, slow);
  b_.SetInsertPoint(slow);
  CallHelper(Helper::store_subscr, {sequence.value, Box(index), Box(value)});
  // A speculative loop goes on generically after the call (which may have
  // changed any list), so that its own iterations call nothing.
  if (!InSpeculativeLoop() || !LeaveSpeculation(nullptr, ir::kVoidType)) b_.CreateBr(done);
  b_.SetInsertPoint(done);
}

// build.list: a list[float] of Float items is made raw floats, a
// list[bool] of bools raw bools, and filled inline.
Typed FunctionLowering::LowerBuildList(const ir::Inst& inst) {
  TypeKind element = Kind(ElementType(inst.type));
  bool raw = !inst.ops.empty() && (element == TypeKind::Bool || (element == TypeKind::Float && RawFloatLists()));
  for (size_t i = 0; raw && i < inst.ops.size(); ++i) raw = Kind(Operand(inst, i).type) == element;
  if (!raw) return LowerBuild(inst, Helper::build_list);
  bool bools = element == TypeKind::Bool;
  llvm::Value* count = Word(static_cast<int64_t>(inst.ops.size()));
  llvm::Value* list = CallHelper(bools ? Helper::list_new_bools : Helper::list_new_floats, {count});
  llvm::Value* items = b_.CreateIntToPtr(SequenceHeader(LoadWordField(list, abi_field::kListObject_items)), t_.ptr);
  for (size_t i = 0; i < inst.ops.size(); ++i) {
    llvm::Value* item = Operand(inst, i).value;
    if (bools) item = b_.CreateZExt(item, b_.getInt8Ty());
    llvm::Value* address = b_.CreateConstInBoundsGEP1_32(item->getType(), items, static_cast<unsigned>(i));
    SequenceItem(b_.CreateStore(item, address));
  }
  return {list, ir::kObjectType};
}

// list.append(v) (the builder's, and lst.append(v) on an exact list): a
// Float or bool stays raw when the list is.
void FunctionLowering::LowerListAppend(llvm::Value* list, const Typed& value) {
  TypeKind kind = Kind(value.type);
  if (RawFloatLists() && kind == TypeKind::Float) {
    CallHelper(Helper::list_append_float, {list, value.value});
  } else if (kind == TypeKind::Bool) {
    CallHelper(Helper::list_append_bool, {list, value.value});
  } else {
    CallHelper(Helper::list_append, {list, Box(value)});
  }
}

}  // namespace taipan::llvmbe
