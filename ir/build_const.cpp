// The IR builder's module context: the qstr and object tables it extends,
// const() names, and the constant folding the bytecode compiler does (the
// two must agree on which code is dead: `if 0:` bodies have no raw codes).
#include <climits>

#include "ir/builder.h"

namespace taipan::ir::build {

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

ModuleContext::ModuleContext(const Ast& ast, const ScopeTable& scopes, const SourceBuffer& source,
                             bytecode::Module* bc, const bytecode::CompileInfo& info, TypeTable& types)
    : ast(ast), scopes(scopes), source(source), bc(bc), info(info), types(types) {
  for (size_t i = 0; i < bc->qstrs.size(); ++i) qstr_index.emplace(bc->qstrs[i], (uint32_t)i);
  if (ast.root != kNoNode) CollectConsts(ast[ast.root].list);
  FindRangeRebinding();
}

uint32_t ModuleContext::Qstr(std::string_view text) {
  auto it = qstr_index.find(std::string(text));
  if (it != qstr_index.end()) return it->second;
  uint32_t index = (uint32_t)bc->qstrs.size();
  bc->qstrs.emplace_back(text);
  qstr_index.emplace(std::string(text), index);
  return index;
}

uint32_t ModuleContext::Obj(const bytecode::Constant& constant) {
  auto& table = bc->constants;
  for (size_t i = 0; i < table.size(); ++i) {
    if (table[i] == constant) return (uint32_t)i;
  }
  table.push_back(constant);
  return (uint32_t)(table.size() - 1);
}

const bytecode::Constant* ModuleContext::ConstAt(InternId name, uint32_t use) const {
  auto it = consts.find(name);
  if (it == consts.end()) return nullptr;
  const bytecode::Constant* found = nullptr;
  for (const ConstDef& def : it->second) {
    if (def.offset < use) found = &def.value;
  }
  return found;
}

// ---------------------------------------------------------------- const()

// Walks the statements in source order as the bytecode compiler does,
// registering `NAME = const(...)` at module and class level.
void ModuleContext::CollectConsts(NodeList body) {
  for (NodeId id : ast.List(body)) CollectConst(id);
}

void ModuleContext::CollectConst(NodeId id) {
  const Node& n = ast[id];
  switch (n.kind) {
    case NodeKind::Assign:
    case NodeKind::AnnAssign: {
      NodeId target_id = n.a, value_id = n.c;
      if (n.kind == NodeKind::Assign) {
        if (n.list.size != 1) return;
        target_id = ast.List(n.list)[0];
        value_id = n.a;
      }
      if (value_id == kNoNode) return;
      const Node& target = ast[target_id];
      const Node& value = ast[value_id];
      if (target.kind != NodeKind::Name || value.kind != NodeKind::Call || value.list.size != 1 ||
          value.list2.size != 0)
        return;
      const Node& func = ast[value.a];
      if (func.kind != NodeKind::Name || ast.Name(func.value) != "const") return;
      auto folded = FoldConst(ast.List(value.list)[0], n.begin);
      if (folded) consts[target.value].push_back(ConstDef{*folded, n.begin});
      return;
    }
    case NodeKind::If: {
      std::optional<bool> constant = ConstTruth(n.a, n.begin);
      if (constant) return CollectConsts(*constant ? n.list : n.list2);
      CollectConsts(n.list);
      return CollectConsts(n.list2);
    }
    case NodeKind::While: {
      std::optional<bool> constant = ConstTruth(n.a, n.begin);
      if (constant != false) CollectConsts(n.list);
      return CollectConsts(n.list2);
    }
    case NodeKind::For:
      CollectConsts(n.list);
      return CollectConsts(n.list2);
    case NodeKind::With: return CollectConsts(n.list2);
    case NodeKind::Try:
      CollectConsts(n.list);
      for (NodeId h : ast.List(n.list2)) CollectConsts(ast[h].list);
      if (n.a != kNoNode) CollectConst(n.a);
      if (n.b != kNoNode) CollectConst(n.b);
      return;
    case NodeKind::Block: return CollectConsts(n.list);
    case NodeKind::ClassDef: return CollectConsts(n.list);
    case NodeKind::FunctionDef: {
      // Function bodies define no consts, but may hold classes that do.
      for (NodeId s : ast.List(n.list)) {
        if (ast[s].kind == NodeKind::ClassDef) CollectConst(s);
      }
      return;
    }
    default: return;
  }
}

// `range` is the builtin unless the module (or a `global range`) binds it
// or a star import might.
void ModuleContext::FindRangeRebinding() {
  if (scopes.scopes.empty()) return;
  if (scopes.scopes[0].flags & kScopeImportStar) range_rebound = true;
  for (size_t i = 0; i < scopes.scopes.size(); ++i) {
    for (const Symbol& sym : scopes.scopes[i].symbols) {
      if (ast.Name(sym.name) != "range") continue;
      bool binds = (sym.flags & (kSymAssigned | kSymImported | kSymParam)) != 0;
      if (binds && (i == 0 || sym.scope == SymbolScope::GlobalExplicit)) range_rebound = true;
    }
  }
}

// ---------------------------------------------------------------- folding

std::optional<int64_t> ModuleContext::FoldInt(NodeId id, uint32_t use) const {
  const Node& n = ast[id];
  switch (n.kind) {
    case NodeKind::Constant: {
      if (static_cast<ConstantKind>(n.op) != ConstantKind::Int) return std::nullopt;
      return ParseDecimal(IntLiteralToDecimal(ast.literals[n.value].text));
    }
    case NodeKind::Name: {
      const bytecode::Constant* c = ConstAt(n.value, use);
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

std::optional<bytecode::Constant> ModuleContext::FoldConst(NodeId id, uint32_t use) const {
  const Node& n = ast[id];
  using C = bytecode::Constant;
  if (auto v = FoldInt(id, use)) return C{MpyObj::Int, std::to_string(*v), {}};
  switch (n.kind) {
    case NodeKind::Constant: {
      switch (static_cast<ConstantKind>(n.op)) {
        case ConstantKind::None: return C{MpyObj::None, "", {}};
        case ConstantKind::True: return C{MpyObj::True, "", {}};
        case ConstantKind::False: return C{MpyObj::False, "", {}};
        case ConstantKind::Ellipsis: return C{MpyObj::Ellipsis, "", {}};
        case ConstantKind::Int: return C{MpyObj::Int, IntLiteralToDecimal(ast.literals[n.value].text), {}};
        case ConstantKind::Float: return C{MpyObj::Float, ast.literals[n.value].text, {}};
        case ConstantKind::Imaginary: return C{MpyObj::Complex, ast.literals[n.value].text + "j", {}};
        case ConstantKind::Str: return C{MpyObj::Str, ast.literals[n.value].text, {}};
        case ConstantKind::Bytes: return C{MpyObj::Bytes, ast.literals[n.value].text, {}};
      }
      return std::nullopt;
    }
    case NodeKind::Name: {
      const C* c = ConstAt(n.value, use);
      if (!c) return std::nullopt;
      return *c;
    }
    case NodeKind::UnaryOp: {
      auto op = static_cast<UnaryOp>(n.op);
      const Node& operand = ast[n.a];
      if ((op != UnaryOp::USub && op != UnaryOp::UAdd) || operand.kind != NodeKind::Constant ||
          static_cast<ConstantKind>(operand.op) != ConstantKind::Float) {
        return std::nullopt;
      }
      const std::string& text = ast.literals[operand.value].text;
      return C{MpyObj::Float, op == UnaryOp::USub ? "-" + text : text, {}};
    }
    case NodeKind::Tuple: {
      if (static_cast<ExprContext>(n.op) != ExprContext::Load) return std::nullopt;
      C tuple{MpyObj::Tuple, "", {}};
      for (NodeId e : ast.List(n.list)) {
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

std::optional<bool> ModuleContext::ConstTruth(NodeId id, uint32_t use) const {
  const Node& n = ast[id];
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

}  // namespace taipan::ir::build
