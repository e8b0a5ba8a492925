// The IR builder's internals (build.cpp, build_stmt.cpp, build_expr.cpp,
// build_const.cpp): one FunctionBuilder per raw code of the bytecode
// module, sharing a ModuleContext (tables, const() names).
//
// The builder mirrors the bytecode compiler (backends/bytecode) wherever
// the two must agree: frame layouts, which raw codes exist (constant `if`
// tests skip their dead side in both), closure cell order, evaluation
// order. Whatever it cannot build yet marks the function bytecode with a
// reason; it never fails a valid program.
#ifndef TAIPAN_IR_BUILDER_H
#define TAIPAN_IR_BUILDER_H

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "backends/bytecode/ast_rules.h"
#include "ir/ir.h"

namespace taipan::ir::build {

// The runtime's operator numbering (runtime/operator.def), which the IR's
// Binary/Unary `sub` uses.
enum class RtBinary : uint8_t {
#define BINARY_OP(Name, method) Name,
#include "runtime/operator.def"
};
enum class RtUnary : uint8_t {
#define UNARY_OP(Name, method) Name,
#include "runtime/operator.def"
};

// Small ints that fit every target (31-bit tagged words minus the tag).
using bytecode::MpyObj;

constexpr int64_t kSmallIntMin = -(int64_t{1} << 30);
constexpr int64_t kSmallIntMax = (int64_t{1} << 30) - 1;

// Beyond this many instructions a function stays bytecode.
constexpr size_t kMaxFunctionInsts = 200000;

// A builtin that a generator expression passed as its only argument is
// consumed by at once (see ModuleContext::consumed_generators).
enum class Reducer : uint8_t { List, Tuple, Set, Sorted, Min, Max, Sum, Any, All };

// A module-level (or class-level) `NAME = const(value)`: later code sees
// NAME as the constant, as the bytecode compiler folds it.
struct ConstDef {
  bytecode::Constant value;
  uint32_t offset;  // the definition's source offset: visible after it
};

// What the functions of one module share.
struct ModuleContext final : bytecode::ConstFolder {
  const Ast& ast;
  const ScopeTable& scopes;
  const SourceBuffer& source;
  bytecode::Module* bc;
  const bytecode::CompileInfo& info;
  TypeTable& types;
  std::string module_name;
  std::unordered_map<std::string, uint32_t> qstr_index;
  std::unordered_map<InternId, std::vector<ConstDef>> consts;
  // Builtins the module may rebind (a module-level binding, `global`, or
  // `import *`), among those the builder treats specially: `range` (no
  // counting loops) and the reducers.
  std::unordered_set<std::string> rebound_builtins;
  // Generator expressions that are the only argument of a call of a
  // reducer builtin (`sum(x * x for x in xs)`): the call runs them to the
  // end (or to a decisive item) before anything else, so native code builds
  // them inline, as it builds comprehensions.
  std::unordered_map<NodeId, Reducer> consumed_generators;

  ModuleContext(const Ast& ast, const ScopeTable& scopes, const SourceBuffer& source, bytecode::Module* bc,
                const bytecode::CompileInfo& info, TypeTable& types);
  uint32_t Qstr(std::string_view text);
  uint32_t Obj(const bytecode::Constant& constant);
  // The const() value `name` has at source offset `use`, if any.
  const bytecode::Constant* ConstNamed(InternId name, uint32_t use) const override;

 private:
  void CollectConsts(NodeList body);
  void CollectConst(NodeId stmt);
  void FindReboundBuiltins();
  void FindConsumedGenerators();

 public:
  bool Rebound(std::string_view builtin) const { return rebound_builtins.count(std::string(builtin)) != 0; }
};

class FunctionBuilder {
 public:
  FunctionBuilder(ModuleContext& m, const bytecode::RawCode& raw);
  Function Build();

 private:
  // How a name is reached from this scope.
  enum class NameKind : uint8_t { Global, Local, Cell };
  struct NameRef {
    NameKind kind = NameKind::Global;
    LocalId local = kNoId;
    uint32_t qstr = 0;
  };
  // Names an inlined comprehension binds, and the temps that hold them.
  using ComprehensionNames = std::vector<std::pair<InternId, LocalId>>;
  struct Loop {
    BlockId break_block;
    BlockId continue_block;
    size_t region_depth;  // regions active outside the loop
  };
  // A region a return/break/continue must leave in order: pop its try
  // slot (when it has one), then run its cleanup.
  enum class RegionKind : uint8_t { Except, Finally, With, AsyncWith, Handler };
  struct Region {
    RegionKind kind;
    int slot = -1;                // the try slot protecting it (Except, Finally, With, AsyncWith)
    NodeId finally_body = kNoNode;  // Finally: the Block to run on the way out
    LocalId exit_fn = kNoId;      // With: the bound __exit__; AsyncWith: the manager
    LocalId exception = kNoId;    // Handler: the exception being handled (bare raise)
    InternId name = kNoName;      // Handler: `except E as name`: deleted on the way out
  };

  // ---- setup and decisions (build.cpp) ----
  void SetUpLocals();
  void SetUpParameterHints();
  void SetUpConstantDefaults();
  void DecideNative();
  void SummarizeClassBody();
  bool BindsByWalrus(NodeId id) const;
  void CollectLoads(NodeId id, std::vector<std::string>* names) const;
  bool IsStaticMethodDecorator(NodeId decorator, const ClassSummary& summary) const;
  void BuildBody();
  void Unsupported(uint32_t offset, std::string reason);
  void Finish();
  void DropUnreachableBlocks();
  void MergeStraightLines();
  void MarkMaybeUnbound();
  void MarkVolatile();
  bool IsEmitterDecorator(NodeId id, std::string_view* what) const;

  // ---- emission (build.cpp) ----
  BlockId NewBlock();
  void SetBlock(BlockId block);
  bool Terminated() const;
  InstId Emit(Op op, std::vector<InstId> ops = {}, int64_t imm = 0, uint8_t sub = 0);
  InstId Here(InstId value);
  LocalId NewTemp(std::string_view what);
  void Jump(BlockId target);
  void Branch(InstId cond, BlockId if_true, BlockId if_false);
  InstId ConstInt(int64_t value);
  InstId ConstNone() { return Emit(Op::ConstNone); }
  InstId ConstBool(bool value) { return Emit(Op::ConstBool, {}, value ? 1 : 0); }
  InstId ConstStr(std::string_view text);
  InstId ConstQstr(std::string_view text);
  InstId Constant(const bytecode::Constant& c);
  static double FloatLiteral(std::string_view literal);
  InstId LoadTemp(LocalId local) { return Emit(Op::LoadLocal, {}, local); }
  void StoreTemp(LocalId local, InstId value) { Emit(Op::StoreLocal, {value}, local); }
  bool IsBool(InstId value) const;
  InstId ToBool(InstId value);

  // ---- names ----
  NameRef Resolve(InternId name);
  NameRef ResolveText(std::string_view text);
  InstId LoadName(InternId name);
  InstId LoadRef(const NameRef& ref);
  void StoreRef(const NameRef& ref, InstId value);
  void DeleteRef(const NameRef& ref);
  uint32_t NameQstr(InternId name) { return m_.Qstr(ast_.Name(name)); }

  // ---- statements (build_stmt.cpp) ----
  void Body(NodeList list);
  void Stmt(NodeId id);
  void FunctionDef(NodeId id);
  void ClassDef(NodeId id);
  void Assign(NodeId id);
  bool SwapAssign(NodeId target, NodeId value);
  bool ConstDefinition(NodeId id);
  void AugAssign(NodeId id);
  void For(NodeId id);
  bool ForRange(NodeId id);
  struct RangeLoop {
    LocalId counter = kNoId;
    int64_t step = 1;
    BlockId header = kNoId, cont = kNoId, exhausted = kNoId;
  };
  std::optional<RangeLoop> BeginRangeLoop(NodeId target, NodeId iterable, const ComprehensionNames* bind = nullptr,
                                         LocalId reserve_in = kNoId);
  void EndRangeLoop(const RangeLoop& loop);
  void While(NodeId id);
  void If(NodeId id);
  void With(NodeId id, size_t item, bool async);
  InstId CallExit(const Region& region, InstId type = kNoId, InstId exc = kNoId);
  void AsyncFor(NodeId id);
  void ForBody(NodeId id, LocalId item, BlockId top, BlockId orelse, BlockId brk);
  void Try(NodeId id);
  void TryExcept(NodeId id);
  void Handler(NodeId handler, LocalId exception, BlockId end);
  void Return(NodeId value);
  void ReturnValue(InstId value);
  void BreakContinue(NodeId id, bool is_break);
  void LeaveRegions(size_t depth);
  void RunCleanup(size_t index);
  void Import(NodeId id);
  void ImportFrom(NodeId id);
  void Raise(NodeId id);
  void Assert(NodeId id);
  int PushTryRegion(Region region);
  void PopRegion() { regions_.pop_back(); }

  // ---- expressions (build_expr.cpp) ----
  InstId Expr(NodeId id);
  InstId YieldValue(InstId value);
  InstId Await(InstId awaitable);
  uint8_t ActiveTrySlots() const;
  InstId ConstantExpr(NodeId id);
  InstId BoolOpExpr(NodeId id);
  InstId CompareExpr(NodeId id);
  InstId CompareOne(CompareOp op, InstId lhs, InstId rhs);
  InstId IfExpExpr(NodeId id);
  void Cond(NodeId id, BlockId if_true, BlockId if_false);
  InstId CallExpr(NodeId id);
  InstId CallWith(InstId fn, InstId method_obj, uint32_t method, NodeList args, NodeList keywords,
                  std::vector<InstId> leading);
  void MergeKeywords(InstId kwargs, InstId mapping);
  void RejectRepeatedKeyword(InstId kwargs, InstId key);
  bool IsSuperCall(NodeId id) const;
  InstId SuperCall(NodeId call);
  InstId Collection(NodeId id);
  InstId DictExpr(NodeId id);
  InstId Comprehension(NodeId id);
  // Where the items of a comprehension's innermost loop go.
  struct CompSink {
    enum Kind : uint8_t { kAppend, kAdd, kStore, kYield, kSum, kAny, kAll } kind;
    LocalId result = kNoId;       // the container, sum or any/all verdict
    BlockId decided = kNoId;      // any/all: where a decisive item jumps
  };
  bool InlinesComprehension(uint32_t scope) const;
  bool CapturedByNestedFunction(InternId name) const;
  void InlineComprehension(NodeId id, uint32_t scope, const CompSink& sink);
  InstId InlineCollection(NodeId id, uint32_t scope, NodeKind kind);
  InstId InlineReduction(NodeId generator, Reducer reducer);
  void RunConsumedGenerator(NodeId generator, const CompSink& sink);
  static CompSink::Kind CollectionSink(NodeKind kind);
  InstId InitialResult(CompSink::Kind kind);
  void ComprehensionBody();
  void CompFor(NodeId comp, std::span<const NodeId> gens, size_t index, const CompSink& sink, InstId iterable,
               const ComprehensionNames* bind);
  void CompBody(NodeId comp, std::span<const NodeId> gens, size_t index, const CompSink& sink, BlockId skip);
  InstId JoinedStr(NodeId id);
  InstId MakeFunction(NodeId def, NodeId args, uint32_t scope);
  void Store(NodeId target, InstId value);
  void Unpack(NodeId target, InstId value);
  void Delete(NodeId target);
  InstId SliceExpr(NodeId id);

  ModuleContext& m_;
  const Ast& ast_;
  const bytecode::RawCode& raw_;
  const Scope& scope_;
  const bytecode::ScopeLayout& layout_;
  Function f_;
  BlockId cur_ = kNoId;
  uint32_t offset_ = 0;                                // source offset of what is being built
  std::unordered_map<uint32_t, LocalId> by_number_;    // layout local number -> local
  std::unordered_map<InstId, LocalId> spills_;         // values carried across blocks
  std::vector<Loop> loops_;
  std::vector<Region> regions_;
  // The names an inlined comprehension binds (its iteration variables), as
  // temps of this function; the innermost comprehension's last.
  ComprehensionNames comprehension_names_;
  bool failed_ = false;
  unsigned temp_count_ = 0;
};

}  // namespace taipan::ir::build

#endif  // TAIPAN_IR_BUILDER_H
