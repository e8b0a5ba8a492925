// The emitter's upper half: walks the resolved AST scope by scope and
// drives a CodeEmitter per raw code, following MicroPython's compiler
// conventions (py/compile.c) wherever its VM depends on them: local
// numbering, closures, exception levels, stack accounting.
#ifndef TAIPAN_BACKENDS_BYTECODE_COMPILER_H
#define TAIPAN_BACKENDS_BYTECODE_COMPILER_H

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "backends/bytecode/ast_rules.h"
#include "backends/bytecode/bytecode.h"
#include "backends/bytecode/emitter.h"

namespace taipan::bytecode {

// MicroPython's operator numbering (runtime/operator.def) where the
// compiler needs a particular one.
constexpr uint8_t kOpLess = 0;
constexpr uint8_t kOpMore = 1;
constexpr uint8_t kOpExceptionMatch = 8;
constexpr uint8_t kOpInplaceFirst = 9;   // InplaceOr; InplaceAdd is +5
constexpr uint8_t kOpBinaryFirst = 22;   // Or
constexpr uint8_t kOpUnaryNot = 3;
// Constant folding with the const() names defined so far (the compiler
// walks the module in source order, so "so far" is "before the use").
class CompilerConsts final : public ConstFolder {
 public:
  CompilerConsts(const Ast& ast, const std::unordered_map<InternId, Constant>& consts)
      : ConstFolder(ast), consts_(consts) {}

 private:
  const Constant* ConstNamed(InternId name, uint32_t) const override {
    auto it = consts_.find(name);
    return it == consts_.end() ? nullptr : &it->second;
  }
  const std::unordered_map<InternId, Constant>& consts_;
};

class Compiler {
 public:
  Compiler(const Ast& ast, const ScopeTable& scopes, const SourceBuffer& source, Diagnostics& diags, Module* module);

  RawCode CompileScope(uint32_t scope);
  std::map<uint32_t, ScopeLayout> TakeLayouts() { return std::move(layouts_); }

 private:
  struct Loop {
    Label break_label;
    Label continue_label;
    int except_level;
    bool is_for;
  };
  struct State {
    uint32_t scope;
    const ScopeLayout* layout;
    CodeEmitter em;
    std::vector<RawCode> children;
    int except_level = 0;
    std::vector<Loop> loops;
  };

  // ---- tables ----
  size_t Qstr(std::string_view text);
  size_t NameQstr(InternId id) { return Qstr(ast_.Name(id)); }
  size_t Obj(bytecode::Constant constant);
  void Error(uint32_t offset, std::string message);
  bool failed() const { return diags_.has_error(); }

  // ---- layouts (compile.cpp) ----
  const ScopeLayout& Layout(uint32_t scope);
  void BuildLayout(uint32_t scope, ScopeLayout* layout);
  std::vector<NodeId> ParamsOf(const Scope& scope) const;
  uint32_t ScopeOf(NodeId node) const;
  bool IsFree(uint32_t scope, const Symbol& sym);
  bool NeedsClassCell(uint32_t scope);
  bool MentionsClassCell(NodeId id) const;

  // ---- statements (compile.cpp) ----
  void Body(NodeList list);
  void Stmt(NodeId id);
  void FunctionDef(NodeId id);
  void ClassDef(NodeId id);
  void Assign(NodeId id);
  void AugAssign(NodeId id);
  void For(NodeId id);
  void AsyncFor(NodeId id);
  bool ForRange(NodeId id);
  std::optional<bool> ConstTruth(NodeId id) const { return folder_.ConstTruth(id, 0); }
  void While(NodeId id);
  void If(NodeId id);
  void With(NodeId id, size_t item);
  void AsyncWith(NodeId id, size_t item);
  void Try(NodeId id);
  void TryExcept(NodeId id);
  void BreakContinue(NodeId id, bool is_break);
  void Import(NodeId id);
  void ImportFrom(NodeId id);
  void ImportName(uint32_t dotted);
  void Raise(NodeId id);
  void Assert(NodeId id);
  bool TryConstDefinition(NodeId id);
  bool SwapAssign(NodeId target, NodeId value);

  // ---- expressions (compile_expr.cpp) ----
  void Expr(NodeId id);
  void ConstantExpr(NodeId id);
  void NameOp(InternId name, ExprContext ctx);
  VarRef Resolve(InternId name);
  VarRef ResolveText(std::string_view text);
  void NameOpRef(VarRef ref, size_t qstr, ExprContext ctx);
  void LoadFastRaw(uint32_t local);
  void BoolOpExpr(NodeId id);
  void CompareExpr(NodeId id);
  void CallExpr(NodeId id);
  void CallArgs(NodeId id, NodeList args, NodeList keywords, unsigned n_extra, bool is_method);
  bool IsSuperCall(NodeId id) const;
  bool SuperPrefix(NodeId call);
  void Collection(NodeId id);
  void DictExpr(NodeId id);
  void Comprehension(NodeId id);
  void ComprehensionBody(NodeId id);
  void CompFor(NodeId id, NodeList generators, size_t index);
  void JoinedStr(NodeId id);
  void Store(NodeId target);
  void Delete(NodeId target);
  void Unpack(NodeId target);
  void CondJump(NodeId id, bool jump_if, Label label);
  void MakeFunction(NodeId def, NodeId args, uint32_t scope);
  void YieldFrom();
  void AwaitMethod(std::string_view method);
  std::optional<int64_t> FoldInt(NodeId id) const { return folder_.FoldInt(id, 0); }
  std::optional<bytecode::Constant> FoldConst(NodeId id) const { return folder_.FoldConst(id, 0); }
  void LoadConstant(const bytecode::Constant& c);
  bool IsEmitterDecorator(NodeId id);
  void LoadInt(const std::string& decimal);
  void LoadStr(std::string_view text);
  void LineOf(NodeId id);

  CodeEmitter& em() { return cur_->em; }

  const Ast& ast_;
  const ScopeTable& scopes_;
  const SourceBuffer& source_;
  Diagnostics& diags_;
  Module* module_;
  std::unordered_map<std::string, size_t> qstr_index_;
  std::map<uint32_t, ScopeLayout> layouts_;
  std::unordered_map<uint32_t, bool> needs_class_cell_;
  std::unordered_map<InternId, bytecode::Constant> consts_;  // const() names (module and class level)
  CompilerConsts folder_{ast_, consts_};
  State* cur_ = nullptr;
};

}  // namespace taipan::bytecode

#endif  // TAIPAN_BACKENDS_BYTECODE_COMPILER_H
