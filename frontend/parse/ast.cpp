#include "frontend/parse/ast.h"

namespace taipan {

namespace {

constexpr std::string_view kNodeKindNames[] = {
#define AST_NODE(Kind, value, op, a, b, c, list, list2) #Kind,
#include "frontend/parse/node_kind.def"
};

}  // namespace

std::string_view NodeKindName(NodeKind kind) { return kNodeKindNames[static_cast<int>(kind)]; }

std::string_view BinaryOpText(BinaryOp op) {
  constexpr std::string_view kText[] = {"+", "-", "*", "@", "/", "%", "**", "<<", ">>", "|", "^", "&", "//"};
  return kText[static_cast<int>(op)];
}

std::string_view UnaryOpText(UnaryOp op) {
  constexpr std::string_view kText[] = {"~", "not", "+", "-"};
  return kText[static_cast<int>(op)];
}

std::string_view CompareOpText(CompareOp op) {
  constexpr std::string_view kText[] = {"==", "!=", "<", "<=", ">", ">=", "is", "is not", "in", "not in"};
  return kText[static_cast<int>(op)];
}

}  // namespace taipan
