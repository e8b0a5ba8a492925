// Attribute loads, stores, method calls and global loads through per-site
// inline caches (runtime/attr_cache.h): each site gets a zeroed AttrCache
// (GlobalCache) in the module's data; the code checks it inline and calls
// the runtime's *_cached helper only on a miss, which does the full lookup
// and refills the cache. The hit paths are what native_abi.def describes
// next to the cache layouts.
// Under -Os a site is just the helper call (the helper checks the cache
// itself), to keep code small.
// Attributes of instances of known classes that inference gave a layout
// slot (the inst's `sub`) are read and written at the slot's fixed offset,
// with the helpers only for an absent attribute or a slot that moved to
// the dict (runtime/class.h).
#include "backends/llvm/lower.h"

namespace taipan::llvmbe {

namespace {

static_assert(abi_field::kInstanceObject_dict == abi_field::kModuleObject_globals,
              "the dict slot path reads instances' and modules' dicts from one word");

// The name's qstr as the Value a dict stores for it (runtime/value.h's tag).
llvm::Value* KeyOf(llvm::IRBuilder<>& b, llvm::Value* qstr) {
  return b.CreateOr(b.CreateShl(qstr, 3), llvm::ConstantInt::get(qstr->getType(), 2), "key");
}

}  // namespace

llvm::GlobalVariable* FunctionLowering::NewCache(unsigned words, const char* name) {
  auto* type = llvm::ArrayType::get(t_.word, words);
  auto* cache = new llvm::GlobalVariable(module_.module(), type, /*isConstant=*/false,
                                         llvm::GlobalValue::InternalLinkage, llvm::ConstantAggregateZero::get(type), name);
  cache->setAlignment(llvm::Align(t_.word_bytes));
  return cache;
}

// Branches to `hit` when `object` is a heap object whose type word is the
// cache's type and the cache's epoch is the runtime's, else to `miss`.
void FunctionLowering::AttrCacheGuard(llvm::Value* object, llvm::Value* cache, llvm::BasicBlock* hit,
                                      llvm::BasicBlock* miss) {
  llvm::BasicBlock* check = NewBlock("attr.type");
  llvm::Value* is_object =
      b_.CreateAnd(b_.CreateICmpEQ(b_.CreateAnd(object, Word(3)), Word(0)), b_.CreateICmpUGT(object, Word(4)));
  BranchLikely(is_object, check, miss);
  b_.SetInsertPoint(check);
  llvm::Value* type_word = LoadWordField(object, 0);
  llvm::Value* cached_type = LoadWordField(cache, abi_field::kAttrCache_type);
  llvm::Value* epoch = b_.CreateLoad(t_.word, module_.abi().WordSymbol("attr_epoch"), "attr_epoch");
  llvm::Value* cached_epoch = LoadWordField(cache, abi_field::kAttrCache_epoch);
  llvm::Value* valid = b_.CreateAnd(b_.CreateICmpEQ(type_word, cached_type), b_.CreateICmpEQ(epoch, cached_epoch));
  BranchLikely(valid, hit, miss);
}

// The address of entry `index` (the cache's) of the object's attribute
// dict when that entry is live with `key` (the name's qstr Value);
// branches to `miss` otherwise.
llvm::Value* FunctionLowering::CachedDictEntry(llvm::Value* object, llvm::Value* index, llvm::Value* key,
                                               llvm::BasicBlock* miss) {
  llvm::Value* dict = LoadWordField(object, abi_field::kInstanceObject_dict);
  llvm::BasicBlock* has_dict = NewBlock("attr.dict");
  BranchLikely(b_.CreateICmpNE(dict, Word(0)), has_dict, miss);
  b_.SetInsertPoint(has_dict);
  llvm::Value* map = b_.CreateConstInBoundsGEP1_32(t_.word, b_.CreateIntToPtr(dict, t_.ptr), abi_field::kDictObject_map, "map");
  return CachedMapEntry(map, index, key, miss);
}

// The address of entry `index` of `map` (a Map*) when index < filled and
// that entry's key is `key`; branches to `miss` otherwise.
llvm::Value* FunctionLowering::CachedMapEntry(llvm::Value* map, llvm::Value* index, llvm::Value* key,
                                              llvm::BasicBlock* miss) {
  llvm::Value* filled = LoadWordField(map, abi_field::kMap_filled);
  llvm::BasicBlock* in_range = NewBlock("map.index");
  BranchLikely(b_.CreateICmpULT(index, filled), in_range, miss);
  b_.SetInsertPoint(in_range);
  llvm::Value* entries = b_.CreateLoad(t_.ptr, b_.CreateConstInBoundsGEP1_32(t_.word, map, abi_field::kMap_entries),
                                       "entries");
  llvm::Value* entry = b_.CreateInBoundsGEP(t_.word, entries, b_.CreateMul(index, Word(abi_size::kMapEntry)), "entry");
  llvm::Value* entry_key = LoadWordField(entry, abi_field::kMapEntry_key);
  llvm::BasicBlock* found = NewBlock("map.entry");
  BranchLikely(b_.CreateICmpEQ(entry_key, key), found, miss);
  b_.SetInsertPoint(found);
  return entry;
}

// In a block where the cache is valid for `object` and holds no constant:
// the address of the word it names, the instance's layout slot (layout
// slot kind) or the value of the dict entry (dict slot kind, when that is
// live with `key`; otherwise a branch to `miss`).
llvm::Value* FunctionLowering::CachedOwnWord(llvm::Value* object, llvm::Value* cache, llvm::Value* key,
                                             llvm::BasicBlock* miss) {
  llvm::Value* index = LoadWordField(cache, abi_field::kAttrCache_index);
  llvm::BasicBlock* in_slot = NewBlock("attr.slot");
  llvm::BasicBlock* in_dict = NewBlock("attr.dict_slot");
  llvm::BasicBlock* done = NewBlock("attr.word");
  b_.CreateCondBr(b_.CreateICmpSLT(index, Word(0)), in_slot, in_dict);  // kAttrCacheSlotBit
  b_.SetInsertPoint(in_slot);
  unsigned bits = t_.word->getIntegerBitWidth();
  llvm::Value* slot = InstanceSlotAddress(
      object, b_.CreateAnd(index, llvm::ConstantInt::get(t_.word, llvm::APInt::getSignedMaxValue(bits))));
  b_.CreateBr(done);
  b_.SetInsertPoint(in_dict);
  llvm::Value* entry = CachedDictEntry(object, index, key, miss);
  llvm::Value* value = b_.CreateConstInBoundsGEP1_32(t_.word, entry, abi_field::kMapEntry_value, "entry.value");
  llvm::BasicBlock* dict_end = b_.GetInsertBlock();
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
  llvm::PHINode* word = b_.CreatePHI(t_.ptr, 2, "attr.word");
  word->addIncoming(slot, in_slot);
  word->addIncoming(value, dict_end);
  return word;
}

llvm::Value* FunctionLowering::InstanceSlotAddress(llvm::Value* object, llvm::Value* slot) {
  return b_.CreateInBoundsGEP(t_.word, b_.CreateIntToPtr(object, t_.ptr), b_.CreateAdd(slot, Word(abi_size::kInstanceObject)),
                              "slot");
}

// A slot's word holds an attribute: it is neither 0 (absent) nor 4 (moved
// to the dict). (A live dict entry's value is never either.)
llvm::Value* FunctionLowering::HoldsAttribute(llvm::Value* word) {
  return b_.CreateICmpNE(b_.CreateAnd(word, Word(~int64_t{4})), Word(0));
}

// A known class's statement just made `cls`: its instances' layout.
void FunctionLowering::SetClassLayout(llvm::Value* cls, const ir::Function& class_body) {
  if (class_body.class_layout.empty()) return;
  std::vector<llvm::Value*> names;
  for (int64_t name : class_body.class_layout) names.push_back(QstrValue(name));
  CallHelper(Helper::set_class_layout, {cls, Word(names.size()), StoreArgs(names)});
}

// `obj.name` at the layout slot inference gave it: obj is an instance of
// the class, so the slot is there; the helper only when it holds nothing.
Typed FunctionLowering::LowerSlotLoad(const ir::Inst& inst) {
  llvm::Value* object = BoxedOperand(inst, 0);
  llvm::Value* word = b_.CreateLoad(t_.word, InstanceSlotAddress(object, Word(inst.sub - 1)), "field");
  llvm::BasicBlock* held = b_.GetInsertBlock();
  llvm::BasicBlock* slow = NewBlock("field.slow");
  llvm::BasicBlock* done = NewBlock("field.done");
  BranchLikely(HoldsAttribute(word), done, slow);
  b_.SetInsertPoint(slow);
  llvm::Value* looked_up =
      CallHelper(Helper::load_attr_cached, {object, QstrWord(inst.imm), NewCache(abi_size::kAttrCache, "attr_cache")});
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
  llvm::PHINode* result = b_.CreatePHI(t_.word, 2, "field");
  result->addIncoming(word, held);
  result->addIncoming(looked_up, slow);
  return {result, ir::kObjectType};
}

void FunctionLowering::LowerSlotStore(const ir::Inst& inst) {
  llvm::Value* object = BoxedOperand(inst, 0);
  llvm::Value* value = BoxedOperand(inst, 1);
  llvm::Value* slot = InstanceSlotAddress(object, Word(inst.sub - 1));
  llvm::BasicBlock* fast = NewBlock("field.store");
  llvm::BasicBlock* slow = NewBlock("field.store_slow");
  llvm::BasicBlock* done = NewBlock("field.stored");
  BranchLikely(b_.CreateICmpNE(b_.CreateLoad(t_.word, slot, "old"), Word(4)), fast, slow);
  b_.SetInsertPoint(fast);
  b_.CreateStore(value, slot);
  b_.CreateBr(done);
  b_.SetInsertPoint(slow);
  CallHelper(Helper::store_attr_cached, {object, QstrWord(inst.imm), value, NewCache(abi_size::kAttrCache, "attr_cache")});
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
}

// Whether inference gave the access a layout slot (and its receiver is an
// instance of a known class, whose slots are surely there).
static bool UsesSlot(const ir::Inst& inst, ir::TypeKind receiver) {
  return inst.sub != 0 && receiver == ir::TypeKind::Instance;
}

Typed FunctionLowering::LowerLoadAttr(const ir::Inst& inst) {
  if (UsesSlot(inst, Kind(Operand(inst, 0).type))) return LowerSlotLoad(inst);
  if (Kind(inst.type) == ir::TypeKind::Float && Kind(Operand(inst, 0).type) == ir::TypeKind::Complex) {
    // .real or .imag (inference types no other attribute of a complex)
    llvm::Value* z = Operand(inst, 0).value;
    bool real = module_.ir_module().qstrs[inst.imm] == "real";
    return {real ? RealPart(z) : ImagPart(z), ir::kFloatType};
  }
  llvm::Value* object = BoxedOperand(inst, 0);
  llvm::Value* name = QstrWord(inst.imm);
  llvm::GlobalVariable* cache = NewCache(abi_size::kAttrCache, "attr_cache");
  if (module_.optimize_size())
    return {CallHelper(Helper::load_attr_cached, {object, name, cache}), ir::kObjectType};
  llvm::Value* key = KeyOf(b_, name);
  llvm::BasicBlock* hit = NewBlock("load.hit");
  llvm::BasicBlock* slot = NewBlock("load.dict");
  llvm::BasicBlock* miss = NewBlock("load.miss");
  llvm::BasicBlock* done = NewBlock("load.done");
  AttrCacheGuard(object, cache, hit, miss);

  // A class constant, or the layout or dict slot.
  b_.SetInsertPoint(hit);
  llvm::Value* constant = LoadWordField(cache, abi_field::kAttrCache_value);
  b_.CreateCondBr(b_.CreateICmpNE(constant, Word(0)), done, slot);
  b_.SetInsertPoint(slot);
  llvm::Value* item = b_.CreateLoad(t_.word, CachedOwnWord(object, cache, key, miss), "item");
  llvm::BasicBlock* item_block = b_.GetInsertBlock();
  BranchLikely(HoldsAttribute(item), done, miss);

  b_.SetInsertPoint(miss);
  llvm::Value* looked_up = CallHelper(Helper::load_attr_cached, {object, name, cache});
  b_.CreateBr(done);

  b_.SetInsertPoint(done);
  llvm::PHINode* result = b_.CreatePHI(t_.word, 3, "attr");
  result->addIncoming(constant, hit);
  result->addIncoming(item, item_block);
  result->addIncoming(looked_up, miss);
  return {result, ir::kObjectType};
}

void FunctionLowering::LowerStoreAttr(const ir::Inst& inst) {
  if (UsesSlot(inst, Kind(Operand(inst, 0).type))) return LowerSlotStore(inst);
  llvm::Value* object = BoxedOperand(inst, 0);
  llvm::Value* value = BoxedOperand(inst, 1);
  llvm::Value* name = QstrWord(inst.imm);
  llvm::GlobalVariable* cache = NewCache(abi_size::kAttrCache, "attr_cache");
  if (module_.optimize_size()) {
    CallHelper(Helper::store_attr_cached, {object, name, value, cache});
    return;
  }
  llvm::Value* key = KeyOf(b_, name);
  llvm::BasicBlock* hit = NewBlock("store.hit");
  llvm::BasicBlock* miss = NewBlock("store.miss");
  llvm::BasicBlock* done = NewBlock("store.done");
  AttrCacheGuard(object, cache, hit, miss);

  // Store caches only hold the dict or layout slot kind.
  b_.SetInsertPoint(hit);
  llvm::Value* word = CachedOwnWord(object, cache, key, miss);
  llvm::BasicBlock* store = NewBlock("store.word");
  BranchLikely(b_.CreateICmpNE(b_.CreateLoad(t_.word, word, "old"), Word(4)), store, miss);
  b_.SetInsertPoint(store);
  b_.CreateStore(value, word);
  b_.CreateBr(done);

  b_.SetInsertPoint(miss);
  CallHelper(Helper::store_attr_cached, {object, name, value, cache});
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
}

// obj.name(args): on a hit, the cached method with obj as self, or the
// function in the object's dict slot without self; both through one call.
Typed FunctionLowering::LowerCachedCallMethod(llvm::Value* object, int64_t name_index, size_t n_pos, size_t n_kw,
                                              llvm::Value* args) {
  llvm::Value* name = QstrWord(name_index);
  llvm::GlobalVariable* cache = NewCache(abi_size::kAttrCache, "attr_cache");
  if (module_.optimize_size())
    return {CallHelper(Helper::call_method_cached, {object, name, Word(n_pos), Word(n_kw), args, cache}),
            ir::kObjectType};
  llvm::Value* key = KeyOf(b_, name);
  llvm::BasicBlock* hit = NewBlock("method.hit");
  llvm::BasicBlock* slot = NewBlock("method.dict");
  llvm::BasicBlock* call = NewBlock("method.call");
  llvm::BasicBlock* miss = NewBlock("method.miss");
  llvm::BasicBlock* done = NewBlock("method.done");
  AttrCacheGuard(object, cache, hit, miss);

  b_.SetInsertPoint(hit);
  llvm::Value* method = LoadWordField(cache, abi_field::kAttrCache_value);
  b_.CreateCondBr(b_.CreateICmpNE(method, Word(0)), call, slot);
  b_.SetInsertPoint(slot);
  llvm::Value* function = b_.CreateLoad(t_.word, CachedOwnWord(object, cache, key, miss), "function");
  llvm::BasicBlock* slot_block = b_.GetInsertBlock();
  BranchLikely(HoldsAttribute(function), call, miss);

  b_.SetInsertPoint(call);
  llvm::PHINode* callee = b_.CreatePHI(t_.word, 2, "callee");
  callee->addIncoming(method, hit);
  callee->addIncoming(function, slot_block);
  llvm::PHINode* self = b_.CreatePHI(t_.word, 2, "self");
  self->addIncoming(object, hit);
  self->addIncoming(Word(0), slot_block);
  llvm::Value* called = CallHelper(Helper::call_resolved, {callee, self, Word(n_pos), Word(n_kw), args});
  b_.CreateBr(done);

  b_.SetInsertPoint(miss);
  llvm::Value* looked_up =
      CallHelper(Helper::call_method_cached, {object, name, Word(n_pos), Word(n_kw), args, cache});
  b_.CreateBr(done);

  b_.SetInsertPoint(done);
  llvm::PHINode* result = b_.CreatePHI(t_.word, 2, "result");
  result->addIncoming(called, call);
  result->addIncoming(looked_up, miss);
  return {result, ir::kObjectType};
}

// The map of the module's globals dict.
llvm::Value* FunctionLowering::GlobalsMap() {
  // A module's globals dict never changes once its code runs.
  llvm::Value* module = LoadWordField(Context(), abi_field::kModuleContext_module, /*invariant=*/true);
  llvm::Value* globals_dict = LoadWordField(module, abi_field::kModuleObject_globals, /*invariant=*/true);
  return b_.CreateConstInBoundsGEP1_32(t_.word, b_.CreateIntToPtr(globals_dict, t_.ptr), abi_field::kDictObject_map,
                                       "globals");
}

// A global: from the entry the cache names in the module's globals, or in
// the builtins when the globals' key filter says they lack the name.
Typed FunctionLowering::LowerLoadGlobal(const ir::Inst& inst) {
  llvm::Value* name = QstrWord(inst.imm);
  llvm::GlobalVariable* cache = NewCache(abi_size::kGlobalCache, "global_cache");
  if (module_.optimize_size())
    return {CallHelper(Helper::load_global_cached, {Context(), name, cache}), ir::kObjectType};
  llvm::BasicBlock* builtin = NewBlock("global.builtin");
  llvm::BasicBlock* lookup = NewBlock("global.lookup");
  llvm::BasicBlock* miss = NewBlock("global.miss");
  llvm::BasicBlock* done = NewBlock("global.done");
  llvm::Value* globals = GlobalsMap();
  llvm::Value* bits = LoadWordField(cache, abi_field::kGlobalCache_bits);
  llvm::BasicBlock* entry_block = b_.GetInsertBlock();
  BranchLikely(b_.CreateICmpEQ(bits, Word(0)), lookup, builtin);

  b_.SetInsertPoint(builtin);
  llvm::Value* filter = LoadWordField(globals, abi_field::kMap_key_filter);
  llvm::Value* builtins =
      b_.CreateIntToPtr(b_.CreateLoad(t_.word, module_.abi().WordSymbol("builtins_map")), t_.ptr, "builtins");
  BranchLikely(b_.CreateICmpNE(b_.CreateAnd(filter, bits), bits), lookup, miss);

  b_.SetInsertPoint(lookup);
  llvm::PHINode* map = b_.CreatePHI(t_.ptr, 2, "map");
  map->addIncoming(globals, entry_block);
  map->addIncoming(builtins, builtin);
  llvm::Value* entry = CachedMapEntry(map, LoadWordField(cache, abi_field::kGlobalCache_index), KeyOf(b_, name), miss);
  llvm::Value* value = LoadWordField(entry, abi_field::kMapEntry_value);
  llvm::BasicBlock* value_block = b_.GetInsertBlock();
  BranchLikely(b_.CreateICmpNE(value, Word(0)), done, miss);

  b_.SetInsertPoint(miss);
  llvm::Value* looked_up = CallHelper(Helper::load_global_cached, {Context(), name, cache});
  b_.CreateBr(done);

  b_.SetInsertPoint(done);
  llvm::PHINode* result = b_.CreatePHI(t_.word, 2, "global");
  result->addIncoming(value, value_block);
  result->addIncoming(looked_up, miss);
  return {result, ir::kObjectType};
}

// A global store: into the entry the cache names in the module's globals.
void FunctionLowering::LowerStoreGlobal(const ir::Inst& inst) {
  llvm::Value* name = QstrWord(inst.imm);
  llvm::Value* value = BoxedOperand(inst, 0);
  llvm::GlobalVariable* cache = NewCache(abi_size::kGlobalCache, "global_cache");
  if (module_.optimize_size()) {
    CallHelper(Helper::store_global_cached, {Context(), name, value, cache});
    return;
  }
  llvm::BasicBlock* miss = NewBlock("global.store.miss");
  llvm::BasicBlock* done = NewBlock("global.store.done");
  llvm::Value* entry =
      CachedMapEntry(GlobalsMap(), LoadWordField(cache, abi_field::kGlobalCache_index), KeyOf(b_, name), miss);
  b_.CreateStore(value, b_.CreateConstInBoundsGEP1_32(t_.word, entry, abi_field::kMapEntry_value));
  b_.CreateBr(done);
  b_.SetInsertPoint(miss);
  CallHelper(Helper::store_global_cached, {Context(), name, value, cache});
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
}

// An optional instance used for an attribute None does not have: None
// raises what the runtime's own load or store of it raises there (an
// AttributeError); anything else is the instance itself.
Typed FunctionLowering::LowerNarrow(const ir::Inst& inst) {
  llvm::Value* value = BoxedOperand(inst, 0);
  llvm::Value* is_none = b_.CreateICmpEQ(value, NoneValue());
  if (inst.sub != 0) {
    RaiseIf(is_none, Helper::store_attr, {value, QstrWord(inst.imm), NoneValue()});
  } else {
    RaiseIf(is_none, Helper::load_attr, {value, QstrWord(inst.imm)});
  }
  return {value, inst.type};
}

}  // namespace taipan::llvmbe
