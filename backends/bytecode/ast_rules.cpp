// Syntax-tree rules shared by the bytecode backend and the IR builder
// (ast_rules.h).
#include "backends/bytecode/ast_rules.h"

#include <climits>

namespace taipan::bytecode {

namespace {

std::string EscapeBraces(std::string_view text) {
  std::string out;
  for (char c : text) {
    out.push_back(c);
    if (c == '{' || c == '}') out.push_back(c);
  }
  return out;
}

void FStringParts(const Ast& ast, NodeId id, std::string* format, std::vector<NodeId>* args, bool in_spec) {
  for (NodeId v : ast.List(ast[id].list)) {
    const Node& part = ast[v];
    if (part.kind == NodeKind::Constant) {
      const std::string& text = ast.literals[part.value].text;
      *format += in_spec ? text : EscapeBraces(text);
      continue;
    }
    if (part.kind != NodeKind::FormattedValue) continue;
    if (part.flags & kFlagDebug) *format += EscapeBraces(ast.literals[part.extra].text);
    *format += '{';
    args->push_back(part.a);
    if (part.op == 'r' || part.op == 's') {
      *format += '!';
      *format += (char)part.op;
    } else if (part.op == 'a') {
      *format += "!r";  // MicroPython's str.format has no !a; repr is its ASCII-agnostic stand-in
    }
    if (part.b != kNoNode) {
      *format += ':';
      FStringParts(ast, part.b, format, args, true);
    }
    *format += '}';
  }
}

}  // namespace

std::string IntLiteralToDecimal(std::string_view text) {
  unsigned base = 10;
  if (text.size() > 2 && text[0] == '0') {
    char p = (char)(text[1] | 0x20);
    if (p == 'x') base = 16;
    if (p == 'o') base = 8;
    if (p == 'b') base = 2;
    if (base != 10) text.remove_prefix(2);
  }
  std::vector<uint8_t> digits{0};  // little-endian decimal digits
  for (char c : text) {
    if (c == '_') continue;
    unsigned d = c >= '0' && c <= '9' ? (unsigned)(c - '0') : (unsigned)((c | 0x20) - 'a' + 10);
    unsigned carry = d;
    for (uint8_t& digit : digits) {
      unsigned v = digit * base + carry;
      digit = (uint8_t)(v % 10);
      carry = v / 10;
    }
    while (carry) {
      digits.push_back((uint8_t)(carry % 10));
      carry /= 10;
    }
  }
  while (digits.size() > 1 && digits.back() == 0) digits.pop_back();
  std::string out;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) out.push_back((char)('0' + *it));
  return out;
}

std::optional<int64_t> ParseDecimal(const std::string& text) {
  if (text.size() > 18) return std::nullopt;
  int64_t v = 0;
  bool neg = !text.empty() && text[0] == '-';
  for (size_t i = neg ? 1 : 0; i < text.size(); ++i) v = v * 10 + (text[i] - '0');
  return neg ? -v : v;
}

unsigned BinaryOpIndex(BinaryOp op) {
  switch (op) {
    case BinaryOp::BitOr: return 0;
    case BinaryOp::BitXor: return 1;
    case BinaryOp::BitAnd: return 2;
    case BinaryOp::LShift: return 3;
    case BinaryOp::RShift: return 4;
    case BinaryOp::Add: return 5;
    case BinaryOp::Sub: return 6;
    case BinaryOp::Mult: return 7;
    case BinaryOp::MatMult: return 8;
    case BinaryOp::FloorDiv: return 9;
    case BinaryOp::Div: return 10;
    case BinaryOp::Mod: return 11;
    case BinaryOp::Pow: return 12;
  }
  return 5;
}

std::string_view SimpleName(const Ast& ast, const Scope& scope) {
  switch (scope.kind) {
    case ScopeKind::Module: return "<module>";
    case ScopeKind::Lambda: return "<lambda>";
    case ScopeKind::Comprehension:
      switch (ast[scope.node].kind) {
        case NodeKind::ListComp: return "<listcomp>";
        case NodeKind::SetComp: return "<setcomp>";
        case NodeKind::DictComp: return "<dictcomp>";
        default: return "<genexpr>";
      }
    default: return ast.Name(ast[scope.node].value);
  }
}

bool MatchConstDefinition(const Ast& ast, NodeId stmt, NodeId* target, NodeId* value) {
  const Node& n = ast[stmt];
  if (n.kind != NodeKind::Assign && n.kind != NodeKind::AnnAssign) return false;
  NodeId target_id = n.a, value_id = n.c;  // AnnAssign
  if (n.kind == NodeKind::Assign) {
    if (n.list.size != 1) return false;
    target_id = ast.List(n.list)[0];
    value_id = n.a;
  }
  if (value_id == kNoNode) return false;
  const Node& target_node = ast[target_id];
  const Node& call = ast[value_id];
  if (target_node.kind != NodeKind::Name || call.kind != NodeKind::Call || call.list.size != 1 || call.list2.size != 0)
    return false;
  const Node& func = ast[call.a];
  if (func.kind != NodeKind::Name || ast.Name(func.value) != "const") return false;
  *target = target_id;
  *value = ast.List(call.list)[0];
  return true;
}

void FStringAsFormat(const Ast& ast, NodeId joined, std::string* format, std::vector<NodeId>* args) {
  FStringParts(ast, joined, format, args, false);
  if (!args->empty()) return;
  format->clear();
  for (NodeId v : ast.List(ast[joined].list)) {
    if (ast[v].kind == NodeKind::Constant) *format += ast.literals[ast[v].value].text;
  }
}

std::optional<int64_t> ConstFolder::FoldInt(NodeId id, uint32_t use) const {
  const Node& n = fold_ast_[id];
  switch (n.kind) {
    case NodeKind::Constant: {
      if (static_cast<ConstantKind>(n.op) != ConstantKind::Int) return std::nullopt;
      return ParseDecimal(IntLiteralToDecimal(fold_ast_.literals[n.value].text));
    }
    case NodeKind::Name: {
      const Constant* c = ConstNamed(n.value, use);
      if (!c || c->kind != MpyObj::Int) return std::nullopt;
      return ParseDecimal(c->text);
    }
    case NodeKind::UnaryOp: {
      auto v = FoldInt(n.a, use);
      if (!v) return std::nullopt;
      switch (static_cast<UnaryOp>(n.op)) {
        case UnaryOp::USub:
          if (*v == INT64_MIN) return std::nullopt;
          return -*v;
        case UnaryOp::UAdd: return *v;
        case UnaryOp::Invert: return ~*v;
        default: return std::nullopt;
      }
    }
    case NodeKind::BinOp: {
      auto l = FoldInt(n.a, use);
      if (!l) return std::nullopt;
      auto r = FoldInt(n.b, use);
      if (!r) return std::nullopt;
      int64_t a = *l, b = *r, out = 0;
      switch (static_cast<BinaryOp>(n.op)) {
        case BinaryOp::Add:
          if (__builtin_add_overflow(a, b, &out)) return std::nullopt;
          return out;
        case BinaryOp::Sub:
          if (__builtin_sub_overflow(a, b, &out)) return std::nullopt;
          return out;
        case BinaryOp::Mult:
          if (__builtin_mul_overflow(a, b, &out)) return std::nullopt;
          return out;
        case BinaryOp::FloorDiv:
        case BinaryOp::Mod: {
          if (b == 0 || (a == INT64_MIN && b == -1)) return std::nullopt;
          int64_t q = a / b, m = a % b;
          if (m != 0 && ((m < 0) != (b < 0))) {
            q -= 1;
            m += b;
          }
          return static_cast<BinaryOp>(n.op) == BinaryOp::FloorDiv ? q : m;
        }
        case BinaryOp::LShift:
          if (b < 0 || b > 62 || (a != 0 && (a > (INT64_MAX >> b) || a < (INT64_MIN >> b)))) return std::nullopt;
          return a * (int64_t{1} << b);
        case BinaryOp::RShift:
          if (b < 0) return std::nullopt;
          return b > 63 ? (a < 0 ? -1 : 0) : (a >> b);
        case BinaryOp::BitAnd: return a & b;
        case BinaryOp::BitOr: return a | b;
        case BinaryOp::BitXor: return a ^ b;
        case BinaryOp::Pow: {
          if (b < 0) return std::nullopt;
          out = 1;
          for (int64_t i = 0; i < b; ++i) {
            if (__builtin_mul_overflow(out, a, &out)) return std::nullopt;
            if (out == 0 || out == 1) break;
          }
          if (out == 1 && a == -1 && (b & 1)) return -1;
          return out;
        }
        default: return std::nullopt;
      }
    }
    default:
      return std::nullopt;
  }
}

std::optional<Constant> ConstFolder::FoldConst(NodeId id, uint32_t use) const {
  const Node& n = fold_ast_[id];
  using C = Constant;
  if (auto v = FoldInt(id, use)) return C{MpyObj::Int, std::to_string(*v), {}};
  switch (n.kind) {
    case NodeKind::Constant: {
      switch (static_cast<ConstantKind>(n.op)) {
        case ConstantKind::None: return C{MpyObj::None, "", {}};
        case ConstantKind::True: return C{MpyObj::True, "", {}};
        case ConstantKind::False: return C{MpyObj::False, "", {}};
        case ConstantKind::Ellipsis: return C{MpyObj::Ellipsis, "", {}};
        case ConstantKind::Int: return C{MpyObj::Int, IntLiteralToDecimal(fold_ast_.literals[n.value].text), {}};
        case ConstantKind::Float: return C{MpyObj::Float, fold_ast_.literals[n.value].text, {}};
        case ConstantKind::Imaginary: return C{MpyObj::Complex, fold_ast_.literals[n.value].text + "j", {}};
        case ConstantKind::Str: return C{MpyObj::Str, fold_ast_.literals[n.value].text, {}};
        case ConstantKind::Bytes: return C{MpyObj::Bytes, fold_ast_.literals[n.value].text, {}};
      }
      return std::nullopt;
    }
    case NodeKind::Name: {
      const C* c = ConstNamed(n.value, use);
      if (!c) return std::nullopt;
      return *c;
    }
    case NodeKind::UnaryOp: {
      auto op = static_cast<UnaryOp>(n.op);
      const Node& operand = fold_ast_[n.a];
      if ((op != UnaryOp::USub && op != UnaryOp::UAdd) || operand.kind != NodeKind::Constant ||
          static_cast<ConstantKind>(operand.op) != ConstantKind::Float) {
        return std::nullopt;
      }
      const std::string& text = fold_ast_.literals[operand.value].text;
      return C{MpyObj::Float, op == UnaryOp::USub ? "-" + text : text, {}};
    }
    case NodeKind::Tuple: {
      if (static_cast<ExprContext>(n.op) != ExprContext::Load) return std::nullopt;
      C tuple{MpyObj::Tuple, "", {}};
      for (NodeId e : fold_ast_.List(n.list)) {
        auto item = FoldConst(e, use);
        if (!item) return std::nullopt;
        tuple.items.push_back(std::move(*item));
      }
      return tuple;
    }
    default:
      return std::nullopt;
  }
}

std::optional<bool> ConstFolder::ConstTruth(NodeId id, uint32_t use) const {
  const Node& n = fold_ast_[id];
  if (n.kind == NodeKind::Constant) {
    switch (static_cast<ConstantKind>(n.op)) {
      case ConstantKind::True: return true;
      case ConstantKind::False:
      case ConstantKind::None: return false;
      default: break;
    }
  }
  if (auto v = FoldInt(id, use)) return *v != 0;
  return std::nullopt;
}

}  // namespace taipan::bytecode
