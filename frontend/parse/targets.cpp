// Assignment, deletion and annotation targets: expressions parsed as
// expressions, then checked and given their store/del context, with
// CPython's "cannot assign to ..." descriptions.
#include "frontend/parse/parser.h"

namespace taipan {

// What CPython calls an expression in "cannot assign to X" messages.
std::string_view Parser::Describe(NodeId id) const {
  if (id == kNoNode) return "expression";
  const Node& node = N(id);
  switch (node.kind) {
    case NodeKind::Attribute: return "attribute";
    case NodeKind::Subscript: return "subscript";
    case NodeKind::Starred: return "starred";
    case NodeKind::Name: return "name";
    case NodeKind::List: return "list";
    case NodeKind::Tuple: return "tuple";
    case NodeKind::Lambda: return "lambda";
    case NodeKind::Call: return "function call";
    case NodeKind::BoolOp:
    case NodeKind::BinOp:
    case NodeKind::UnaryOp: return "expression";
    case NodeKind::GeneratorExp: return "generator expression";
    case NodeKind::Yield:
    case NodeKind::YieldFrom: return "yield expression";
    case NodeKind::Await: return "await expression";
    case NodeKind::ListComp: return "list comprehension";
    case NodeKind::SetComp: return "set comprehension";
    case NodeKind::DictComp: return "dict comprehension";
    case NodeKind::Dict: return "dict literal";
    case NodeKind::Set: return "set display";
    case NodeKind::JoinedStr:
    case NodeKind::FormattedValue: return "f-string expression";
    case NodeKind::Compare: return "comparison";
    case NodeKind::IfExp: return "conditional expression";
    case NodeKind::NamedExpr: return "named expression";
    case NodeKind::Constant:
      switch (static_cast<ConstantKind>(node.op)) {
        case ConstantKind::None: return "None";
        case ConstantKind::True: return "True";
        case ConstantKind::False: return "False";
        case ConstantKind::Ellipsis: return "ellipsis";
        default: return "literal";
      }
    default: return "expression";
  }
}

bool Parser::IsDebugName(NodeId id) const {
  const Node& node = N(id);
  return (node.kind == NodeKind::Name || node.kind == NodeKind::Attribute) &&
         ast_.names.Get(node.value) == "__debug__";
}

namespace {

void SetContext(Node& node, ExprContext context) { node.op = static_cast<uint8_t>(context); }

}  // namespace

// star_targets: a name, attribute, subscript, or a tuple/list of targets
// with at most one starred one. A lone starred target is an error.
bool Parser::SetStoreContext(NodeId id) {
  if (id == kNoNode) return !failed();
  Node& node = N(id);
  if (node.kind == NodeKind::Starred && !(node.flags & kFlagParenthesized)) {
    Error(DiagKind::LoneStarredTarget, node.begin);
    return false;
  }
  struct Walker {
    Parser& parser;
    bool Store(NodeId id) {
      Node& node = parser.N(id);
      switch (node.kind) {
        case NodeKind::Name:
        case NodeKind::Attribute:
          if (parser.IsDebugName(id)) {
            parser.Error(DiagKind::InvalidTarget, node.begin, {"__debug__"});
            return false;
          }
          SetContext(node, ExprContext::Store);
          return true;
        case NodeKind::Subscript:
          SetContext(node, ExprContext::Store);
          return true;
        case NodeKind::Starred:
          SetContext(node, ExprContext::Store);
          if (parser.N(node.a).kind == NodeKind::Starred) {
            parser.Error(DiagKind::InvalidTarget, parser.N(node.a).begin, {"starred"});
            return false;
          }
          return Store(node.a);
        case NodeKind::Tuple:
        case NodeKind::List: {
          SetContext(node, ExprContext::Store);
          bool seen_star = false;
          for (NodeId elt : parser.ast_.List(node.list)) {
            if (parser.N(elt).kind == NodeKind::Starred) {
              if (seen_star) {
                parser.Error(DiagKind::MultipleStarredTargets, parser.N(elt).begin);
                return false;
              }
              seen_star = true;
            }
            if (!Store(elt)) return false;
          }
          return true;
        }
        case NodeKind::Yield:
        case NodeKind::YieldFrom:
          parser.Error(DiagKind::AssignToYield, node.begin);
          return false;
        default:
          parser.Error(DiagKind::InvalidTarget, node.begin, {parser.Describe(id)});
          return false;
      }
    }
  };
  return Walker{*this}.Store(id);
}

bool Parser::SetDeleteContext(NodeId id) {
  Node& node = N(id);
  switch (node.kind) {
    case NodeKind::Name:
    case NodeKind::Attribute:
      if (IsDebugName(id)) {
        Error(DiagKind::InvalidDeleteTarget, node.begin, {"__debug__"});
        return false;
      }
      SetContext(node, ExprContext::Del);
      return true;
    case NodeKind::Subscript:
      SetContext(node, ExprContext::Del);
      return true;
    case NodeKind::Tuple:
    case NodeKind::List:
      SetContext(node, ExprContext::Del);
      for (NodeId elt : ast_.List(node.list)) {
        if (!SetDeleteContext(elt)) return false;
      }
      return true;
    default:
      Error(DiagKind::InvalidDeleteTarget, node.begin, {Describe(id)});
      return false;
  }
}

bool Parser::CheckAugAssignTarget(NodeId id) {
  Node& node = N(id);
  switch (node.kind) {
    case NodeKind::Name:
    case NodeKind::Attribute:
      if (IsDebugName(id)) {
        Error(DiagKind::InvalidTarget, node.begin, {"__debug__"});
        return false;
      }
      [[fallthrough]];
    case NodeKind::Subscript:
      SetContext(node, ExprContext::Store);
      return true;
    default:
      Error(DiagKind::InvalidAugAssignTarget, node.begin, {Describe(id)});
      return false;
  }
}

bool Parser::CheckAnnotatedTarget(NodeId id) {
  Node& node = N(id);
  switch (node.kind) {
    case NodeKind::Name:
    case NodeKind::Attribute:
      if (IsDebugName(id)) {
        Error(DiagKind::InvalidTarget, node.begin, {"__debug__"});
        return false;
      }
      [[fallthrough]];
    case NodeKind::Subscript:
      SetContext(node, ExprContext::Store);
      return true;
    case NodeKind::Tuple:
    case NodeKind::List:
      Error(DiagKind::InvalidAnnotatedTarget, node.begin, {Describe(id)});
      return false;
    default:
      Error(DiagKind::InvalidTarget, node.begin, {Describe(id)});
      return false;
  }
}

// A starred expression is only valid inside a tuple, list or set display
// (or as a call argument, parsed elsewhere).
bool Parser::CheckNotStarred(NodeId id) {
  if (id == kNoNode) return !failed();
  if (N(id).kind != NodeKind::Starred) return true;
  Error(DiagKind::StarredNotAllowed, N(id).begin);
  return false;
}

}  // namespace taipan
