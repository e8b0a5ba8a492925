// What MicroPython's compiler decides from the syntax tree alone, shared by
// the bytecode backend and the IR builder (which must agree with it: e.g.
// an `if 0:` body has no raw codes, a const() name is folded, an f-string
// is a str.format call). Portable like the rest of the bytecode backend.
#ifndef TAIPAN_BACKENDS_BYTECODE_AST_RULES_H
#define TAIPAN_BACKENDS_BYTECODE_AST_RULES_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backends/bytecode/bytecode.h"

namespace taipan::bytecode {

// An integer literal's text (decimal or 0x/0o/0b, `_` separators allowed)
// as decimal digits.
std::string IntLiteralToDecimal(std::string_view text);
// A decimal text (optionally negative) that fits 18 digits, as a number.
std::optional<int64_t> ParseDecimal(const std::string& text);

// Position of a Python operator within the runtime's Or..Power run.
unsigned BinaryOpIndex(BinaryOp op);

// The raw code's name: the def/class name, or <module>, <lambda>,
// <listcomp>, <setcomp>, <dictcomp>, <genexpr>.
std::string_view SimpleName(const Ast& ast, const Scope& scope);

// `NAME = const(VALUE)` or `NAME: T = const(VALUE)`: sets the Name node and
// VALUE's node.
bool MatchConstDefinition(const Ast& ast, NodeId stmt, NodeId* target, NodeId* value);

// An f-string as MicroPython compiles it: f'a{x!r:>{w}}' is
// 'a{!r:>{}}'.format(x, w). Without fields `args` is empty and `format`
// is the plain (unescaped) text.
void FStringAsFormat(const Ast& ast, NodeId joined, std::string* format, std::vector<NodeId>* args);

// Constant folding as MicroPython's compiler does it: integer arithmetic
// that fits 64 bits, literals, const() names, negated float literals,
// tuples of constants, and the truth of constant tests.
class ConstFolder {
 public:
  explicit ConstFolder(const Ast& ast) : fold_ast_(ast) {}

  // `use` is the source offset of the expression (a const() name means
  // what its latest definition before `use` says).
  std::optional<int64_t> FoldInt(NodeId id, uint32_t use) const;
  std::optional<Constant> FoldConst(NodeId id, uint32_t use) const;
  std::optional<bool> ConstTruth(NodeId id, uint32_t use) const;

 protected:
  ~ConstFolder() = default;
  // The value of const() name `name` at offset `use`, or null.
  virtual const Constant* ConstNamed(InternId name, uint32_t use) const = 0;

 private:
  const Ast& fold_ast_;
};

}  // namespace taipan::bytecode

#endif  // TAIPAN_BACKENDS_BYTECODE_AST_RULES_H
