// Lowering of the typed IR to LLVM IR (internal to the backend).
//
// ModuleLowering makes one LLVM module for one ir::Module: the module's
// context global, a body and an entry per native function, and the
// NativeModuleCode table. FunctionLowering lowers one function; its methods
// are spread over lower_function.cpp (frame, locals, blocks), coerce.cpp
// (moving values between representations), lower_inst.cpp (the instruction
// dispatch), lower_arith.cpp (operators with small-int and float fast
// paths), lower_object.cpp (containers, calls, names), lower_sequence.cpp
// (indexing, typed list items), lower_attr.cpp
// (attribute loads, stores and method calls through inline caches), lower_iter.cpp (for
// loops), lower_generator.cpp (generators as LLVM coroutines) and
// lower_entry.cpp (the NativeEntry wrapper).
//
// Untyped (Object) operands still get guarded fast paths where one kind is
// common: small ints and floats for operators, lists and tuples for
// indexing and iteration; the runtime handles everything else.
//
// Every IR value is held in the representation of its inferred type
// (types.def's rep column; Unknown counts as Object): a tagged word, the
// target's Float, or an i1. Lowering an instruction yields a value in the
// representation its operation naturally produces (a "Typed" value), which
// is then converted to the instruction's own type.
#ifndef TAIPAN_BACKENDS_LLVM_LOWER_H
#define TAIPAN_BACKENDS_LLVM_LOWER_H

#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <llvm/IR/DIBuilder.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/Module.h>

#include "backends/llvm/abi.h"
#include "backends/llvm/llvm_backend.h"
#include "backends/llvm/target.h"
#include "ir/ir.h"

namespace taipan::llvmbe {

using ir::BinOp;
using ir::NonInplace;
using ir::UnOp;

// A lowered value and the IR type whose representation it is in.
struct Typed {
  llvm::Value* value = nullptr;
  ir::TypeId type = ir::kObjectType;
  ir::InstId id = ir::kNoId;  // the IR instruction it is the value of, if any
};

class ModuleLowering {
 public:
  ModuleLowering(const ir::Program& program, uint32_t module_index, const TargetInfo& target,
                 const CodegenOptions& options, llvm::Module& module);
  ~ModuleLowering();

  // Lowers every native function and defines the module's table.
  bool Run(std::string* error);

  const ir::Program& program() const { return program_; }
  const ir::Module& ir_module() const { return program_.modules[module_index_]; }
  uint32_t module_index() const { return module_index_; }
  const TargetInfo& target() const { return target_; }
  bool IsSmallStraightBody(const ir::Function& function) const;
  llvm::Module& module() { return module_; }
  llvm::LLVMContext& context() { return module_.getContext(); }
  RuntimeAbi& abi() { return abi_; }
  const AbiTypes& types() const { return abi_.types(); }
  llvm::GlobalVariable* context_global() { return context_global_; }
  bool optimize_size() const { return options_.optimize_size; }
  int opt_level() const { return options_.opt_level; }
  // Whether bodies link frame records for tracebacks: not at -O3, which, as
  // MicroPython's optimisation level 3 drops line numbers, trades the
  // native frames' traceback entries for the cost of linking a record per
  // call (a third of a call as small as fib's).
  bool keeps_frame_records() const { return options_.opt_level < 3; }

  // Representation of an IR type (Unknown: Value) and its LLVM type.
  ir::Rep RepOf(ir::TypeId type) const;
  ir::TypeKind KindOf(ir::TypeId type) const;
  llvm::Type* LlvmType(ir::TypeId type) const;
  // The type a value of `type` is held in: Unknown (and Void) become Object.
  ir::TypeId Effective(ir::TypeId type) const;

  // The body function of any native function of the program (declared
  // external when it lives in another module).
  llvm::Function* BodyOf(ir::FuncRef ref);
  // A small directly recursive function of this module is compiled twice:
  // its body's calls to itself go to a copy that LLVM always inlines, whose
  // calls to itself go back to the body. The recursion then makes one real
  // call per two levels (each level keeps its own frame record, so
  // tracebacks and the stack check are unchanged).
  bool UnrollsRecursion(uint32_t index) const;
  llvm::Function* RecursionCopyOf(uint32_t index);
  // The word holding the class object of a known class (ir::Function::
  // known_class) once its class statement ran, null before: what guards of
  // class<C> and instance<C> parameters compare with. Defined by the
  // class's module, declared by others.
  llvm::GlobalVariable* ClassSlot(ir::FuncRef class_body);
  // Whether calling the body (declared by BodyOf) can change no list, nor
  // run Python code that could (ChangesNoLists).
  bool BodyChangesNoLists(const llvm::Function* body) const { return list_safe_bodies_.count(body) != 0; }
  // The type of body slot `slot` of `function` (its local's type, or Object).
  ir::TypeId SlotType(const ir::Function& function, uint32_t slot) const;

  // Debug info (null without -g).
  llvm::DIBuilder* di() { return di_.get(); }
  llvm::DISubprogram* NewSubprogram(llvm::Function* function, const ir::Function& ir_function);
  uint32_t LineOf(uint32_t offset) const;
  uint32_t ColumnOf(uint32_t offset) const;

  void SetFunctionAttributes(llvm::Function* function) const;
  // The NativeFunctionInfo constant of function `index` of this module (its
  // frame records point at it, runtime/vm.h).
  llvm::Constant* FunctionInfo(uint32_t index);

  // Type-based alias tags for list and tuple memory: a sequence's header
  // words (length, capacity, the items pointer) and its items never
  // overlap, so LLVM may keep header words in registers across item stores.
  llvm::MDNode* SequenceAliasTag(bool item);

 private:
  void CreateDebugInfo();
  std::string BodySymbol(ir::FuncRef ref) const;
  bool ChangesNoLists(const ir::Function& function) const;
  void DefineTable(const std::vector<llvm::Function*>& entries);

  llvm::MDNode* header_tag_ = nullptr;
  llvm::MDNode* item_tag_ = nullptr;
  const ir::Program& program_;
  uint32_t module_index_;
  const TargetInfo& target_;
  const CodegenOptions& options_;
  llvm::Module& module_;
  RuntimeAbi abi_;
  llvm::GlobalVariable* context_global_ = nullptr;
  // Functions of this module that other modules call directly: their
  // bodies are external symbols; every other body is internal.
  std::vector<bool> called_from_other_modules_;
  std::unordered_set<const llvm::Function*> list_safe_bodies_;
  std::unique_ptr<llvm::DIBuilder> di_;
  llvm::DIFile* di_file_ = nullptr;
  llvm::DICompileUnit* di_unit_ = nullptr;
};

class FunctionLowering {
 public:
  // `recursion_copy`: lowers the copy of UnrollsRecursion.
  FunctionLowering(ModuleLowering& module, uint32_t function_index, bool recursion_copy = false);

  // Defines the body; false with `error` set for IR it cannot lower.
  bool LowerBody(std::string* error);
  // Defines the NativeEntry wrapper around the body (after LowerBody).
  llvm::Function* LowerEntry();
  llvm::Value* OpenBoundCell(uint32_t slot, llvm::Value* bound);

 private:
  // ---- frame (lower_function.cpp) ----
  void CreateFrame();
  void CreateLocals();
  void ClassifyUses();
  void LowerBlock(ir::BlockId id);
  llvm::BasicBlock* NewBlock(const char* name);
  void SetLocation(uint32_t offset);
  // Values computed once per call, in the prologue (the entry block
  // dominates every use).
  llvm::Value* Context();
  llvm::Value* QstrTable();
  llvm::Value* ObjTable();
  llvm::Value* NlrBuf(uint32_t slot);
  size_t ArgumentWordsNeeded() const;
  // The frame record tracebacks read (runtime/vm.h NativeFrame): linked in
  // the prologue (a generator's by the runtime) or where a path first needs
  // it (FindUnlinkedBlocks), the line stored before every call, unlinked at
  // every return that linked it.
  void LinkFrame();
  void LinkRecord();
  void FindUnlinkedBlocks();
  bool NeedsFrame(const ir::Inst& inst) const;
  llvm::BasicBlock* LinkingEdgeTo(llvm::BasicBlock* target);
  void StoreLine();
  void UnlinkFrame();
  bool LinksAtCalls() const;
  llvm::Value* LinkForCall();
  void Fail(const std::string& message);

  // ---- small constructions (lower_function.cpp) ----
  llvm::ConstantInt* Word(int64_t n) const;
  llvm::Value* SmallInt(int64_t n) const;
  llvm::Value* IntConstant(int64_t n);
  llvm::Value* NoneValue() const;
  llvm::Value* TrueValue() const;
  llvm::Value* FalseValue() const;
  llvm::Value* QstrWord(int64_t index);   // the Qstr (helpers' name arguments)
  llvm::Value* QstrValue(int64_t index);  // the interned str as a Value
  llvm::Value* LoadWordField(llvm::Value* object, unsigned word_index, bool invariant = false);
  void StoreWordField(llvm::Value* object, unsigned word_index, llvm::Value* value);
  llvm::Value* CallHelper(Helper helper, llvm::ArrayRef<llvm::Value*> args);
  // Calls a noreturn helper and ends the block with `unreachable`.
  void CallNoReturn(Helper helper, llvm::ArrayRef<llvm::Value*> args);
  // The entry's stack-depth check (RuntimeError instead of overflow), made
  // by the bodies that call others directly (see CheckStack).
  bool MakesDirectCalls() const;
  void CheckStack();
  void LowerTailFrames();
  // Loops poll micropython.schedule's callbacks at their back edges
  // (returned as (latch, header) pairs).
  void PollPending();
  bool IsTailCallJump(ir::BlockId block) const;
  // Branches to a fresh cold block that raises, continuing where `cond` is false.
  void RaiseIf(llvm::Value* cond, Helper helper, llvm::ArrayRef<llvm::Value*> args);
  void BranchLikely(llvm::Value* cond, llvm::BasicBlock* likely, llvm::BasicBlock* unlikely);
  llvm::Value* StoreArgs(llvm::ArrayRef<llvm::Value*> values);
  llvm::Value* LoadLocalSlot(ir::LocalId local);
  void StoreLocalSlot(ir::LocalId local, llvm::Value* value);
  llvm::Value* LocalNameQstr(ir::LocalId local, const ir::Inst& inst);

  // ---- representations (coerce.cpp) ----
  ir::TypeKind Kind(ir::TypeId type) const { return module_.KindOf(type); }
  // The item type T of list[T]; Object for any other type.
  ir::TypeId ElementType(ir::TypeId list) const;
  llvm::Value* Coerce(llvm::Value* value, ir::TypeId from, ir::TypeId to);
  llvm::Value* Box(const Typed& typed) { return Coerce(typed.value, typed.type, ir::kObjectType); }
  llvm::Value* BoxOrReuse(const Typed& typed);
  llvm::Value* ToFloat(llvm::Value* value, ir::TypeId from);
  llvm::Value* ToBool(llvm::Value* value, ir::TypeId from);
  llvm::Value* BoolToValue(llvm::Value* flag);
  llvm::Value* BoolToSmallInt(llvm::Value* flag);
  llvm::Value* UnboxFloat(llvm::Value* value, Helper slow_helper = Helper::unbox_float);
  // A complex from an int, bool, float or complex (ComplexParts' rules).
  llvm::Value* ToComplex(llvm::Value* value, ir::TypeId from);
  llvm::Value* UnboxComplex(llvm::Value* value);
  llvm::Value* MakeComplex(llvm::Value* real, llvm::Value* imag);
  llvm::Value* RealPart(llvm::Value* complex) { return b_.CreateExtractValue(complex, 0, "real"); }
  llvm::Value* ImagPart(llvm::Value* complex) { return b_.CreateExtractValue(complex, 1, "imag"); }
  // Loads the Float at `offset` bytes into the object `value` points to.
  llvm::Value* LoadFloatAt(llvm::Value* value, unsigned offset);
  llvm::Value* IsSmallInt(llvm::Value* value);
  llvm::Value* IsQstr(llvm::Value* value);  // an interned str, an immediate
  llvm::Value* Untag(llvm::Value* small_int);
  llvm::Value* Tag(llvm::Value* integer);
  // Whether `value` is a heap object whose type word is `type_symbol`.
  // Emits blocks; leaves the builder in a block where the result is known.
  llvm::Value* HasExactType(llvm::Value* value, llvm::Value* type);
  // `value` as a Float when it is an exact float object or a small int
  // (with `exact_ints`, only one the Float holds exactly); branches to
  // `other` otherwise.
  llvm::Value* FloatOrBranch(llvm::Value* value, bool exact_ints, llvm::BasicBlock* other);
  // The type word of a heap object, null for immediates (emits blocks).
  llvm::Value* TypeWordOrNull(llvm::Value* value);
  llvm::Value* Truth(const Typed& value);

  // ---- instructions (lower_inst.cpp) ----
  Typed Operand(const ir::Inst& inst, size_t index) const;
  llvm::Value* BoxedOperand(const ir::Inst& inst, size_t index);
  // An operand as a Float, converted once per IR block (call only where the
  // code runs unconditionally, so that the result dominates later uses).
  llvm::Value* OperandAsFloat(const Typed& operand);
  llvm::Value* MathArgument(const Typed& operand);
  void LowerInst(ir::InstId id);
  Typed LowerValueInst(const ir::Inst& inst);
  void LowerStatement(const ir::Inst& inst);
  void LowerTerminator(const ir::Inst& inst);
  llvm::BasicBlock* TargetBlock(const ir::Inst& inst, int i);
  Typed LowerLoadLocal(const ir::Inst& inst);
  void LowerDeleteLocal(const ir::Inst& inst);
  Typed LowerLoadCell(const ir::Inst& inst);
  void LowerDeleteCell(const ir::Inst& inst);
  void LowerReturn(const ir::Inst& inst);
  void LowerForIter(const ir::Inst& inst);

  // ---- for loops (lower_iter.cpp) ----
  // A temporary that only ever holds iter(x) and only feeds for.iter can
  // iterate a list or tuple in place, as the VM does: the local holds the
  // sequence itself and a hidden index counts (-1: a real iterator).
  void FindSequenceLoops();
  Typed LowerGetIter(const ir::Inst& inst);
  void LowerSequenceForIter(const ir::Inst& inst, ir::LocalId iterator);
  void LowerRangeForIter(const ir::Inst& inst, ir::LocalId iterator);
  struct InPlaceStep {
    llvm::AllocaInst* slot;  // the index
    bool is_volatile;
    llvm::Value* held;   // the sequence or range, or the iterator
    llvm::Value* index;  // -1: an iterator
    llvm::BasicBlock* generic;  // the iterator's path
    llvm::BasicBlock* got;      // where both paths' items meet
    llvm::Value* next;          // the iterator's item (null in a speculative copy)
  };
  InPlaceStep BeginInPlaceStep(const ir::Inst& inst, ir::LocalId iterator, const char* in_place_name);
  void FinishInPlaceStep(const ir::Inst& inst, const InPlaceStep& step, const Typed& item);
  llvm::Value* InPlaceOrIterator(llvm::Value* in_place, llvm::Value* iterable, llvm::AllocaInst* index,
                                 bool is_volatile);
  llvm::Value* NextFromIterator(const ir::Inst& inst, llvm::Value* iterator, llvm::BasicBlock* got);
  void StoreForItem(const ir::Inst& inst, const Typed& item);
  void LowerTryPush(const ir::Inst& inst);

  // ---- operators (lower_arith.cpp) ----
  Typed LowerBinary(const ir::Inst& inst);
  Typed LowerUnary(const ir::Inst& inst);
  Typed GenericBinary(BinOp op, const Typed& lhs, const Typed& rhs);
  Typed StrComparison(BinOp op, llvm::Value* lhs, llvm::Value* rhs);
  // `dynamic`: an operand's type is unknown (Object): the small-int fast
  // path is a guess, and the result stays a Value whatever the operator.
  Typed IntBinary(BinOp op, BinOp original, llvm::Value* lhs, llvm::Value* rhs, bool dynamic = false,
                  bool truth_only = false);
  Typed FloatBinary(BinOp op, BinOp original, const Typed& lhs, const Typed& rhs);
  Typed FloatCompareWithInt(BinOp op, const Typed& lhs, const Typed& rhs);
  // A complex with a complex or a number.
  Typed ComplexBinary(BinOp op, BinOp original, const Typed& lhs, const Typed& rhs);
  Typed LowerAbs(const ir::Inst& inst);
  // The constant a comparison compares with, when abs(complex) compared
  // with it can be decided from the squared parts (see AbsComparison).
  std::optional<double> AbsBound(const ir::Inst& constant) const;
  std::optional<Typed> AbsComparison(const ir::Inst& inst, BinOp op);
  Typed LowerMakeComplex(const ir::Inst& inst);
  // A float and an untyped operand: inline when the latter is a float or a
  // small int at run time, the runtime's operator otherwise.
  Typed FloatWithDynamic(BinOp op, BinOp original, const Typed& lhs, const Typed& rhs, bool truth_only);
  // The floats-at-run-time path of an operator on untyped operands: the
  // result boxed (or the comparison's bool); null when `op` has none.
  llvm::Value* FloatArith(BinOp op, llvm::Value* x, llvm::Value* y);  // + - * / (ZeroDivisionError)
  llvm::Value* DynamicFloatPath(BinOp op, llvm::Value* a, llvm::Value* b, bool truth_only, llvm::BasicBlock* other);
  Typed IntUnary(UnOp op, llvm::Value* value, bool dynamic = false);
  llvm::Value* Sqrt(llvm::Value* x);

  // ---- objects (lower_object.cpp) ----
  Typed LowerCall(const ir::Inst& inst);
  Typed LowerCallMethod(const ir::Inst& inst);
  Typed LowerCallDirect(const ir::Inst& inst);
  Typed LowerCallBuiltin(const ir::Inst& inst);
  void LowerStoreGlobal(const ir::Inst& inst);
  llvm::Value* GlobalsMap();
  Typed LowerBuild(const ir::Inst& inst, Helper helper);
  Typed LowerMakeFunction(const ir::Inst& inst);

  // ---- indexing and typed list items (lower_sequence.cpp) ----
  Typed LowerSubscr(const ir::Inst& inst);
  void LowerStoreSubscr(const ir::Inst& inst);
  Typed LowerBuildList(const ir::Inst& inst);
  void LowerListAppend(llvm::Value* list, const Typed& value);
  struct ItemSlot {
    llvm::Value* items;        // the items array (ptr)
    llvm::Value* position;  // the item's position (in range) as a small int
  };
  ItemSlot SequenceItemSlot(llvm::Value* sequence, llvm::Value* index, bool is_list, const char* message);
  // The address of the slot's item in an array of `item_bytes`-wide items.
  llvm::Value* ItemAddress(const ItemSlot& slot, unsigned item_bytes);
  llvm::Value* TupleItemAddress(llvm::Value* tuple, llvm::Value* index);
  // The length field of an exact list, tuple, bytes or bytearray.
  static unsigned LengthField(ir::TypeKind kind);
  // bytes[i] / bytearray[i] (= v) for an int, bool or untyped index.
  Typed LowerByteSubscr(const Typed& sequence, const Typed& index);
  void LowerByteStore(const Typed& array, const Typed& index, const Typed& value);
  llvm::Value* ByteAddress(llvm::Value* sequence, ir::TypeKind kind, llvm::Value* index);
  // Tags a load or store of a sequence's header word or item (SequenceAliasTag).
  llvm::Value* SequenceHeader(llvm::Value* access);
  llvm::Value* SequenceItem(llvm::Value* access);
  // Whether this target's lists can hold raw floats (a Float is one word).
  bool RawFloatLists() const;
  // i1s on an exact list's items (runtime/list.h): raw floats, raw bools,
  // boxed Values (neither).
  llvm::Value* ListCapacityWord(llvm::Value* list);
  llvm::Value* HoldsRawFloats(llvm::Value* list);
  llvm::Value* HoldsRawBools(llvm::Value* list);
  llvm::Value* HoldsBoxedItems(llvm::Value* list);
  void DispatchOnItems(llvm::Value* list, ir::TypeKind likely, llvm::BasicBlock* raw_bools, llvm::BasicBlock* raw_floats,
                       llvm::BasicBlock* boxed);
  // The type a list item with element type `element` is loaded as: the
  // element itself for float and bool, Object otherwise.
  ir::TypeId ItemRepType(ir::TypeId element) const;
  // Item `index` (a small int) of the exact list `list`, in any
  // representation, as ItemRepType(element); IndexError when out of range.
  Typed LoadListItem(llvm::Value* list, llvm::Value* index, ir::TypeId element);
  void StoreListItem(llvm::Value* list, llvm::Value* index, const Typed& value, ir::TypeId element,
                     llvm::BasicBlock* done, llvm::BasicBlock* slow);

  // ---- attribute and global caches (lower_attr.cpp) ----
  // A zeroed runtime/attr_cache.h cache (AttrCache, GlobalCache) of this
  // module, for one site.
  llvm::GlobalVariable* NewCache(unsigned words, const char* name);
  void AttrCacheGuard(llvm::Value* object, llvm::Value* cache, llvm::BasicBlock* hit, llvm::BasicBlock* miss);
  llvm::Value* CachedDictEntry(llvm::Value* object, llvm::Value* index, llvm::Value* key, llvm::BasicBlock* miss);
  llvm::Value* CachedOwnWord(llvm::Value* object, llvm::Value* cache, llvm::Value* key, llvm::BasicBlock* miss);
  llvm::Value* InstanceSlotAddress(llvm::Value* object, llvm::Value* slot);
  llvm::Value* HoldsAttribute(llvm::Value* word);
  Typed LowerSlotLoad(const ir::Inst& inst);
  void LowerSlotStore(const ir::Inst& inst);
  void SetClassLayout(llvm::Value* cls, const ir::Function& class_body);
  llvm::Value* CachedMapEntry(llvm::Value* map, llvm::Value* index, llvm::Value* key, llvm::BasicBlock* miss);
  Typed LowerLoadAttr(const ir::Inst& inst);
  Typed LowerNarrow(const ir::Inst& inst);
  Typed LowerGuardedCall(const ir::Inst& inst, const ir::Function& callee);
  static bool IsCellParameter(const ir::Function& callee, uint32_t slot);
  llvm::Value* CellArgument(const ir::Inst& inst, uint32_t slot);
  Typed LowerLoadGlobal(const ir::Inst& inst);
  void LowerStoreAttr(const ir::Inst& inst);
  // The call of a CallMethod whose arguments are in `args` (after obj).
  Typed LowerCachedCallMethod(llvm::Value* object, int64_t name_index, size_t n_pos, size_t n_kw, llvm::Value* args);

  // ---- generators (lower_generator.cpp) ----
  // The coroutine's start, in the prologue (is_generator functions).
  void BeginCoroutine();
  void FindTryHandlers();
  // Suspends at a yield; the builder continues in the resumed path.
  void Suspend(const ir::Inst& yield);
  Typed LowerYield(const ir::Inst& inst);
  Typed LowerYieldFrom(const ir::Inst& inst);
  void LowerGeneratorReturn(const ir::Inst& inst);

  // ---- speculative blocks (lower_speculate.cpp) ----
  // One block's lowering state: its instructions, per position the last
  // position using its value, the value's slot, and where the generic copy
  // resumes after it (null: no int slow path there).
  struct Speculation {
    std::vector<ir::InstId> insts;
    std::vector<size_t> last_use;
    std::vector<llvm::AllocaInst*> slots;
    std::vector<llvm::BasicBlock*> resume;
    // PlanRangeChecks: the int loads the speculative copy checks for a small
    // magnitude, and the int operations that then cannot overflow.
    std::unordered_set<ir::InstId> range_checked;
    std::unordered_set<ir::InstId> cannot_overflow;
  };
  bool IsIntOperation(const ir::Inst& inst) const;
  void FindUsesInOtherBlocks();
  bool WorthSpeculating(ir::BlockId id);
  // Lowers block `id` twice: the generic copy from `generic_start`, cut at
  // its resume points, then the speculative copy from `speculative_start`.
  void LowerSpeculatively(ir::BlockId id, llvm::BasicBlock* generic_start, llvm::BasicBlock* speculative_start);
  void LowerGenericCopy(llvm::BasicBlock* start);
  void StoreLiveValues(size_t position, llvm::Value* current);
  // On a slow path of the speculative copy: stores the live values (with
  // `slow_result`, the instruction's value, if it has one) and branches to
  // the generic copy right after the instruction. False (nothing emitted)
  // outside a speculative copy, where the caller goes on itself. In either
  // copy it marks the generic copy's resume point after the instruction.
  bool LeaveSpeculation(llvm::Value* slow_result, ir::TypeId result_type);
  void PlanRangeChecks(Speculation& s) const;
  bool IsRangeCheckedLoad(ir::InstId id) const;
  void CheckLoadedIntRange(llvm::Value* value, ir::TypeId type);

  // ---- speculative loops (lower_speculate.cpp) ----
  // An innermost loop lowered twice: its speculative copy holds every int
  // local as a small int (checked on entry and at each store), so LLVM
  // drops their tag checks; when it calls nothing that could change a
  // list, its lists' header words are read once, on entry. Anything else
  // (an overflow, a big int stored, a runtime store or read, a pending
  // callback, an iterator that is not a list) leaves for the generic copy,
  // whose back edges try the speculative copy again.
  struct SpeculativeLoop {
    ir::BlockId header = ir::kNoId;
    std::vector<ir::LocalId> entry_checks;  // int locals live at the header
    llvm::BasicBlock* entry = nullptr;       // checks them, then picks a copy
    llvm::BasicBlock* speculative_entry = nullptr;  // on to the speculative copy
    // List locals live at the header and never stored in the loop (the
    // speculative copy uses their values read on entry), and every LLVM
    // block of the speculative copy.
    std::vector<ir::LocalId> lists;
    std::unordered_map<ir::LocalId, llvm::Value*> list_on_entry;
    std::vector<llvm::BasicBlock*> speculative_code;
  };
  static constexpr uint32_t kNoLoop = ir::kNoId;
  void FindSpeculativeLoops(const ir::Loops& cfg);
  bool MaySpeculateLoop(const ir::NaturalLoop& loop);
  std::vector<ir::LocalId> LocalsLiveAtHeader(const std::vector<ir::BlockId>& blocks, ir::BlockId header) const;
  bool InSpeculativeLoop() const { return loop_of_.size() > current_block_ && loop_of_[current_block_] != kNoLoop; }
  bool IsCheckedIntLocal(ir::LocalId local) const;
  void LowerLoopEntry(SpeculativeLoop& loop);
  // When no call of the speculative copy that could change a list comes
  // before one of its reads of a list's header words, those are read once,
  // on entry.
  bool NoListChangeBeforeHeaderRead(const SpeculativeLoop& loop) const;
  bool MayChangeLists(const llvm::BasicBlock& block) const;
  std::pair<llvm::Value*, int64_t> EntryListHeaderRead(const SpeculativeLoop& loop,
                                                       const llvm::Instruction& inst) const;
  void ReadListHeadersOnEntry(SpeculativeLoop& loop);
  void LowerLoopBlock(ir::BlockId id);
  // In a speculative loop: after a store of an int local, leaves for the
  // generic copy unless the value is a small int.
  void CheckStoredInt(ir::LocalId local, llvm::Value* stored);
  // Leaves for the generic copy right before the block's terminator.
  void LeaveBeforeTerminator();

  // ---- entry (lower_entry.cpp) ----
  void GuardParameter(llvm::Value* value, ir::TypeId type, llvm::BasicBlock* fail);
  llvm::Value* LoadClassSlot(ir::TypeId type);
  std::string EntrySymbol() const;
  llvm::Value* UnboxParameter(llvm::Value* value, ir::TypeId type);

  ModuleLowering& module_;
  const ir::Function& function_;
  uint32_t function_index_;
  bool recursion_copy_;
  const AbiTypes& t_;
  llvm::IRBuilder<> b_;
  llvm::Function* body_ = nullptr;
  llvm::Function* current_ = nullptr;  // the function being emitted (body or entry)
  llvm::DISubprogram* subprogram_ = nullptr;
  llvm::BasicBlock* prologue_ = nullptr;
  llvm::Value* context_ = nullptr;
  llvm::Value* qstr_table_ = nullptr;
  llvm::Value* obj_table_ = nullptr;
  // The frame record (null while the entry wrapper is lowered), whether the
  // prologue linked it, and the line of the instruction being lowered.
  llvm::Value* frame_record_ = nullptr;
  bool linked_in_prologue_ = false;
  llvm::Value* tail_frames_ = nullptr;  // a word: the calls tail.frames counted
  // Lazy linking (FindUnlinkedBlocks): whether; the IR blocks reached
  // with the record unlinked, and their unlinked copies (null for others);
  // whether LowerBlock is lowering those copies.
  bool links_lazily_ = false;
  std::vector<bool> unlinked_;
  std::vector<llvm::BasicBlock*> unlinked_blocks_;
  bool lowering_unlinked_ = false;
  bool link_at_calls_ = false;  // LinksAtCalls: linked around each call, not in the prologue
  // The int operation being lowered cannot overflow: a range counter's step
  // in a speculative loop (ir::kRangeCounterStep), or an operation on
  // range-checked operands (PlanRangeChecks). It gets no overflow check.
  bool cannot_overflow_ = false;
  uint32_t line_ = 0;
  llvm::AllocaInst* arg_buffer_ = nullptr;
  size_t arg_buffer_words_ = 0;
  std::vector<llvm::AllocaInst*> locals_;
  std::vector<llvm::AllocaInst*> nlr_bufs_;
  std::vector<llvm::BasicBlock*> blocks_;
  std::vector<llvm::Value*> values_;
  // Values whose every use is `truth`: a comparison of untyped operands may
  // then yield bool(result) directly (no True/False object in between).
  std::vector<bool> only_truth_used_;
  // Per instruction: a build.slice only ever used as the index of an exact
  // list's subscript or subscript store, which pass its bounds to the list
  // slice helpers instead: no slice object is made.
  std::vector<bool> unpacked_slice_;
  // Per instruction: abs() of a complex only ever compared with a constant
  // (AbsBound): the comparisons compare its squared parts, and abs itself
  // is computed only when that cannot decide (AbsComparison).
  std::vector<bool> deferred_abs_;
  // Lists freed at every return (ir::FindUnsharedLists).
  std::vector<ir::LocalId> unshared_lists_;
  // FindSequenceLoops' results: per local, whether it is such an iterator
  // temporary (and then its index slot); per GetIter, the local it feeds.
  std::vector<bool> sequence_iterator_;
  std::vector<bool> range_iterator_;  // of those, the ones a range-typed iter() sets
  std::vector<llvm::AllocaInst*> iterator_index_;
  std::unordered_map<ir::InstId, ir::LocalId> getiter_local_;
  // Conversions of this IR block's values, made once: boxed Values (one
  // allocation per boxed float) and Floats (one unbox per int).
  std::unordered_map<ir::InstId, llvm::Value*> boxed_;
  std::unordered_map<ir::InstId, llvm::Value*> as_float_;
  // Generators: the coroutine handle, the NativeGeneratorState argument,
  // the block every non-final suspension leaves through, an unreachable
  // block (destroy paths), and the try handlers active at each yield.
  llvm::Value* coroutine_ = nullptr;
  llvm::Value* generator_state_ = nullptr;
  llvm::BasicBlock* suspended_ = nullptr;
  llvm::BasicBlock* never_ = nullptr;
  llvm::BasicBlock* final_suspend_ = nullptr;  // made by the first return (LLVM allows one final suspension)
  std::unordered_map<ir::InstId, std::vector<ir::BlockId>> yield_handlers_;
  // Speculative blocks: the block being lowered twice, whether this is its
  // speculative copy and at which position; per instruction, whether
  // another block uses its value (computed on first use).
  Speculation* speculation_ = nullptr;
  bool speculating_ = false;
  size_t speculative_position_ = 0;
  std::vector<bool> used_in_other_blocks_;
  // Whether the generic copy needs a resume point after the instruction
  // just lowered (a slow path that the speculative copy leaves from).
  bool resume_point_needed_ = false;
  // Speculative loops; per IR block, its loop (kNoLoop: none) and its
  // speculative copy (blocks_ holds the generic one).
  std::vector<SpeculativeLoop> loops_;
  std::vector<uint32_t> loop_of_;
  std::vector<llvm::BasicBlock*> speculative_blocks_;
  // Per block: whether its terminator goes back to a loop header (a block
  // on the depth-first path to it); the block being lowered.
  std::vector<bool> ends_loop_iteration_;
  ir::BlockId current_block_ = 0;
  std::string error_;
};

}  // namespace taipan::llvmbe

#endif  // TAIPAN_BACKENDS_LLVM_LOWER_H
