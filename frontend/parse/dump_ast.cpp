// --emit=ast: one node per line, children indented under their slot names
// from node_kind.def, each line ending in the node's source range.
#include <cstdio>
#include <string>

#include "frontend/lex/unicode.h"
#include "frontend/parse/parse.h"

namespace taipan {

namespace {

enum class ValueMeaning { None, Name, OptName, Literal, Dotted };
enum class OpMeaning { None, Context, Binary, Unary, Bool, Constant, Param, Conversion };

struct KindLayout {
  ValueMeaning value;
  OpMeaning op;
  const char* slots[5];  // a, b, c, list, list2
};

constexpr KindLayout kLayouts[] = {
#define AST_NODE(Kind, value, op, a, b, c, list, list2) \
  {ValueMeaning::value, OpMeaning::op, {a, b, c, list, list2}},
#include "frontend/parse/node_kind.def"
};

// Printable, unambiguous text for a string or bytes literal.
std::string Quote(std::string_view text, bool bytes) {
  std::string out = bytes ? "b\"" : "\"";
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    char buf[16];
    if (c == '\\' || c == '"') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7F || (bytes && c >= 0x80)) {
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else if (c >= 0x80) {
      uint32_t cp;
      int length = DecodeUtf8(text, i, &cp);
      bool surrogate = length == 0 && c == 0xED && i + 2 < text.size() &&
                       (static_cast<unsigned char>(text[i + 1]) & 0xE0) == 0xA0 &&
                       (static_cast<unsigned char>(text[i + 2]) & 0xC0) == 0x80;
      if (surrogate) {
        // A lone surrogate from a "\ud800" escape, stored as WTF-8.
        std::snprintf(buf, sizeof buf, "\\u%04x",
                      ((c & 0x0F) << 12) | ((text[i + 1] & 0x3F) << 6) | (text[i + 2] & 0x3F));
        out += buf;
        i += 2;
      } else if (length == 0) {
        std::snprintf(buf, sizeof buf, "\\x%02x", c);  // never made by the lexer; shown, not trusted
        out += buf;
      } else {
        out.append(text.substr(i, length));
        i += length - 1;
      }
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '"';
  return out;
}

class AstDumper {
 public:
  AstDumper(const Ast& ast, const SourceBuffer& source) : ast_(ast), source_(source) {}

  std::string Run() {
    Dump(ast_.root, 0, "");
    return std::move(out_);
  }

 private:
  void Dump(NodeId id, int indent, std::string_view label) {
    out_.append(indent, ' ');
    if (!label.empty()) {
      out_ += label;
      out_ += ": ";
    }
    if (id == kNoNode) {
      out_ += "<none>\n";
      return;
    }
    const Node& node = ast_[id];
    Header(node);
    out_ += '\n';
    const KindLayout& layout = kLayouts[static_cast<int>(node.kind)];
    NodeId singles[] = {node.a, node.b, node.c};
    for (int slot = 0; slot < 3; ++slot) {
      if (*layout.slots[slot] && singles[slot] != kNoNode) Dump(singles[slot], indent + 2, layout.slots[slot]);
    }
    NodeList lists[] = {node.list, node.list2};
    for (int slot = 0; slot < 2; ++slot) {
      if (!*layout.slots[3 + slot] || lists[slot].size == 0) continue;
      out_.append(indent + 2, ' ');
      out_ += layout.slots[3 + slot];
      out_ += ":\n";
      for (NodeId child : ast_.List(lists[slot])) Dump(child, indent + 4, "");
    }
  }

  void Header(const Node& node) {
    const KindLayout& layout = kLayouts[static_cast<int>(node.kind)];
    out_ += NodeKindName(node.kind);
    Op(node, layout.op);
    Value(node, layout.value);
    Extras(node);
    Flags(node.flags);
    LineCol begin = source_.Locate(node.begin);
    LineCol end = source_.Locate(node.end);
    out_ += " <" + std::to_string(begin.line) + ':' + std::to_string(begin.column) + '-' +
            std::to_string(end.line) + ':' + std::to_string(end.column) + '>';
  }

  void Op(const Node& node, OpMeaning meaning) {
    constexpr std::string_view kContexts[] = {"load", "store", "del"};
    constexpr std::string_view kConstants[] = {"None", "True", "False", "Ellipsis", "int",
                                               "float", "imaginary", "str", "bytes"};
    constexpr std::string_view kParams[] = {"positional-only", "normal", "*args", "keyword-only", "**kwargs"};
    switch (meaning) {
      case OpMeaning::None: return;
      case OpMeaning::Context: out_ += ' '; out_ += kContexts[node.op]; return;
      case OpMeaning::Binary: out_ += ' '; out_ += BinaryOpText(static_cast<BinaryOp>(node.op)); return;
      case OpMeaning::Unary: out_ += ' '; out_ += UnaryOpText(static_cast<UnaryOp>(node.op)); return;
      case OpMeaning::Bool: out_ += node.op == 0 ? " and" : " or"; return;
      case OpMeaning::Constant: out_ += ' '; out_ += kConstants[node.op]; return;
      case OpMeaning::Param: out_ += ' '; out_ += kParams[node.op]; return;
      case OpMeaning::Conversion:
        if (node.op) {
          out_ += " !";
          out_ += static_cast<char>(node.op);
        }
        return;
    }
  }

  void Value(const Node& node, ValueMeaning meaning) {
    switch (meaning) {
      case ValueMeaning::None: return;
      case ValueMeaning::Name:
      case ValueMeaning::OptName:
      case ValueMeaning::Dotted:
        if (node.value == kNoName) return;
        out_ += " '";
        out_ += ast_.Name(node.value);
        out_ += '\'';
        return;
      case ValueMeaning::Literal: {
        if (node.value == kNoName) return;
        const Literal& literal = ast_.literals[node.value];
        out_ += ' ';
        if (literal.kind == LiteralKind::Str || literal.kind == LiteralKind::Bytes) {
          out_ += Quote(literal.text, literal.kind == LiteralKind::Bytes);
        } else {
          out_ += literal.text;
        }
        return;
      }
    }
  }

  void Extras(const Node& node) {
    if (node.kind == NodeKind::ImportFrom) {
      out_ += " level=" + std::to_string(node.extra);
    } else if (node.kind == NodeKind::Compare) {
      out_ += " ops=[";
      for (uint32_t i = 0; i < node.list.size; ++i) {
        if (i) out_ += ", ";
        out_ += CompareOpText(ast_.compare_ops[node.extra + i]);
      }
      out_ += ']';
    } else if (node.kind == NodeKind::FormattedValue && (node.flags & kFlagDebug)) {
      out_ += " debug=" + Quote(ast_.literals[node.extra].text, false);
    }
  }

  void Flags(uint8_t flags) {
    if (flags & kFlagAsync) out_ += " async";
    if (flags & kFlagStar) out_ += " star";
    if (flags & kFlagSimple) out_ += " simple";
    if (flags & kFlagParenthesized) out_ += " parenthesized";
    if (flags & kFlagUnicode) out_ += " u";
  }

  const Ast& ast_;
  const SourceBuffer& source_;
  std::string out_;
};

}  // namespace

std::string DumpAst(const Ast& ast, const SourceBuffer& source) { return AstDumper(ast, source).Run(); }

}  // namespace taipan
