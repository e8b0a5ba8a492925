// The abstract syntax tree: nodes in one array, referenced by 32-bit ids.
#ifndef TAIPAN_FRONTEND_PARSE_AST_H
#define TAIPAN_FRONTEND_PARSE_AST_H

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "frontend/lex/tokens.h"
#include "frontend/support/interner.h"

namespace taipan {

enum class NodeKind : uint8_t {
#define AST_NODE(Kind, value, op, a, b, c, list, list2) Kind,
#include "frontend/parse/node_kind.def"
};

std::string_view NodeKindName(NodeKind kind);

using NodeId = uint32_t;
constexpr NodeId kNoNode = UINT32_MAX;
constexpr uint32_t kNoName = UINT32_MAX;  // `value` of an absent OptName/Dotted
constexpr uint32_t kNoExtra = UINT32_MAX;

// A run of child ids in Ast::lists.
struct NodeList {
  uint32_t begin = 0;
  uint32_t size = 0;
};

enum class ExprContext : uint8_t { Load, Store, Del };

enum class BinaryOp : uint8_t { Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv };
enum class UnaryOp : uint8_t { Invert, Not, UAdd, USub };
enum class BoolOp : uint8_t { And, Or };
enum class CompareOp : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };
enum class ConstantKind : uint8_t { None, True, False, Ellipsis, Int, Float, Imaginary, Str, Bytes };
enum class ParamKind : uint8_t { PositionalOnly, Normal, VarPositional, KeywordOnly, VarKeyword };

std::string_view BinaryOpText(BinaryOp op);
std::string_view UnaryOpText(UnaryOp op);
std::string_view CompareOpText(CompareOp op);

// Node flags.
constexpr uint8_t kFlagAsync = 1;          // FunctionDef, For, With, Comprehension
constexpr uint8_t kFlagStar = 2;           // Try with except*, ExceptHandler of except*
constexpr uint8_t kFlagSimple = 4;         // AnnAssign whose target is a bare name
constexpr uint8_t kFlagParenthesized = 8;  // an expression written in parentheses
constexpr uint8_t kFlagDebug = 16;         // FormattedValue with '=' (f'{x=}')
constexpr uint8_t kFlagUnicode = 32;       // Constant from a u'' string

struct Node {
  NodeKind kind;
  uint8_t op = 0;
  uint8_t flags = 0;
  uint16_t depth = 1;  // height of the subtree; the parser bounds it
  uint32_t begin = 0;  // source byte range
  uint32_t end = 0;
  NodeId a = kNoNode, b = kNoNode, c = kNoNode;
  NodeList list, list2;
  uint32_t value = kNoName;
  // ImportFrom: the level (leading dots); Compare: where its operators start
  // in Ast::compare_ops; FormattedValue with kFlagDebug: the literal holding
  // the expression's text and '='.
  uint32_t extra = kNoExtra;
};

struct Ast {
  std::vector<Node> nodes;
  std::vector<NodeId> lists;
  std::vector<CompareOp> compare_ops;
  std::vector<Literal> literals;  // from the lexer, plus concatenated strings
  Interner names;
  NodeId root = kNoNode;

  const Node& operator[](NodeId id) const { return nodes[id]; }
  Node& operator[](NodeId id) { return nodes[id]; }
  std::span<const NodeId> List(NodeList list) const {
    return std::span<const NodeId>(lists.data() + list.begin, list.size);
  }
  std::string_view Name(uint32_t id) const { return names.Get(id); }
};

}  // namespace taipan

#endif  // TAIPAN_FRONTEND_PARSE_AST_H
