// The bytecode disassembler: a readable, stable listing of a module for
// `taipan compile --emit=bytecode` and FileCheck tests.
//
// Layout (offsets are relative to the first opcode, as in line info):
//   module 'foo.py': 3 qstrs, 1 object
//     object 0: 'text'
//   code '<module>' [0]
//     signature: n_state=2 n_exc_stack=0 flags=0x0 n_pos_args=0 n_kwonly_args=0 n_def_pos_args=0
//     args: 'a' 'b'
//     cells: 0 1
//     lines: 0:1 6:2
//     0000 LOAD_CONST_SMALL_INT_MULTI 1
//     0001 STORE_NAME 'x'
//     0003 MAKE_FUNCTION child 0 'f'
//     0005 POP_JUMP_IF_FALSE -> 0012
//   code 'f' [0.0]
// Children follow their parent depth first; [0.2.1] is the path of indices.
// Malformed code (a bad prelude, an unknown opcode, a truncated operand) is
// shown as such and ends that function's listing; it never crashes.
#include <cstdio>

#include "backends/bytecode/bytecode.h"

namespace taipan::bytecode {

namespace {

constexpr const char* kUnaryOps[] = {
#define UNARY_OP(Name, method) #Name,
#include "runtime/operator.def"
};
constexpr const char* kBinaryOps[] = {
#define BINARY_OP(Name, method) #Name,
#include "runtime/operator.def"
};

std::string Hex(size_t value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%zx", value);
  return buf;
}

std::string Offset4(size_t value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04zu", value);
  return buf;
}

// Python-like repr of str/bytes contents: printable ASCII as is, the rest
// escaped (bytes above 0x7f of a str stay raw: they are UTF-8).
std::string Quote(const std::string& text, bool is_bytes) {
  std::string out = is_bytes ? "b'" : "'";
  for (unsigned char c : text) {
    if (c == '\'' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7f || (is_bytes && c >= 0x80)) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "'";
}

std::string Repr(const Constant& constant) {
  switch (constant.kind) {
    case MpyObj::None: return "None";
    case MpyObj::False: return "False";
    case MpyObj::True: return "True";
    case MpyObj::Ellipsis: return "Ellipsis";
    case MpyObj::Str: return Quote(constant.text, false);
    case MpyObj::Bytes: return Quote(constant.text, true);
    case MpyObj::Int:
    case MpyObj::Float:
    case MpyObj::Complex: return constant.text;
    case MpyObj::Tuple: {
      std::string out = "(";
      for (size_t i = 0; i < constant.items.size(); ++i) {
        if (i) out += ", ";
        out += Repr(constant.items[i]);
      }
      return out + (constant.items.size() == 1 ? ",)" : ")");
    }
    case MpyObj::FunTable: return "<fun table>";
  }
  return "<object tag " + std::to_string(static_cast<int>(constant.kind)) + ">";
}

std::string QstrText(const Module& module, size_t index) {
  if (index >= module.qstrs.size()) return "<bad qstr " + std::to_string(index) + ">";
  return Quote(module.qstrs[index], false);
}

// The parsed prelude of one raw code.
struct Prelude {
  Signature sig;
  size_t simple_name = 0;
  std::vector<size_t> arg_names;
  const uint8_t* line_info = nullptr;
  const uint8_t* line_info_end = nullptr;
  std::vector<uint8_t> cells;
  const uint8_t* opcodes = nullptr;
};

// Parses the prelude at `code`; on malformed data returns false with what
// went wrong in *error.
bool ParsePrelude(const std::vector<uint8_t>& code, Prelude* prelude, std::string* error) {
  const uint8_t* ip = code.data();
  const uint8_t* end = ip + code.size();
  size_t n_info = 0, n_cells = 0;
  if (!DecodeSignature(&ip, end, &prelude->sig)) return *error = "truncated signature", false;
  if (!DecodePreludeSize(&ip, end, &n_info, &n_cells)) return *error = "truncated prelude size", false;
  if (n_info > static_cast<size_t>(end - ip) || n_cells > static_cast<size_t>(end - ip - n_info)) {
    return *error = "prelude runs past the end of the code", false;
  }
  const uint8_t* info_end = ip + n_info;
  if (!DecodeUint(&ip, info_end, &prelude->simple_name)) return *error = "missing simple name", false;
  size_t n_args = prelude->sig.n_pos_args + prelude->sig.n_kwonly_args;
  for (size_t i = 0; i < n_args; ++i) {
    size_t name = 0;
    if (!DecodeUint(&ip, info_end, &name)) return *error = "truncated argument names", false;
    prelude->arg_names.push_back(name);
  }
  prelude->line_info = ip;
  prelude->line_info_end = info_end;
  prelude->cells.assign(info_end, info_end + n_cells);
  prelude->opcodes = info_end + n_cells;
  return true;
}

std::string ChildName(const Module& module, const RawCode& child) {
  Prelude prelude;
  std::string error;
  if (!ParsePrelude(child.code, &prelude, &error)) return "<bad prelude>";
  return QstrText(module, prelude.simple_name);
}

class Disassembler {
 public:
  explicit Disassembler(const Module& module) : module_(module) {}

  std::string Run() {
    out_ += "module " + (module_.qstrs.empty() ? std::string("<no name>") : QstrText(module_, 0)) + ": " +
            std::to_string(module_.qstrs.size()) + " qstrs, " + std::to_string(module_.constants.size()) +
            " objects\n";
    for (size_t i = 0; i < module_.constants.size(); ++i) {
      out_ += "  object " + std::to_string(i) + ": " + Repr(module_.constants[i]) + "\n";
    }
    Code(module_.top, "0");
    return std::move(out_);
  }

 private:
  const Module& module_;
  std::string out_;

  void Code(const RawCode& code, const std::string& path) {
    Prelude prelude;
    std::string error;
    if (!ParsePrelude(code.code, &prelude, &error)) {
      out_ += "code <bad prelude: " + error + "> [" + path + "]\n";
    } else {
      out_ += "code " + QstrText(module_, prelude.simple_name) + " [" + path + "]\n";
      Header(prelude);
      Instructions(code, prelude.opcodes);
    }
    for (size_t i = 0; i < code.children.size(); ++i) Code(code.children[i], path + "." + std::to_string(i));
  }

  void Header(const Prelude& prelude) {
    const Signature& sig = prelude.sig;
    out_ += "  signature: n_state=" + std::to_string(sig.n_state) + " n_exc_stack=" + std::to_string(sig.n_exc_stack) +
            " flags=" + Hex(sig.scope_flags) + " n_pos_args=" + std::to_string(sig.n_pos_args) +
            " n_kwonly_args=" + std::to_string(sig.n_kwonly_args) +
            " n_def_pos_args=" + std::to_string(sig.n_def_pos_args) + "\n";
    out_ += "  args:";
    for (size_t name : prelude.arg_names) out_ += " " + QstrText(module_, name);
    out_ += "\n  cells:";
    for (uint8_t cell : prelude.cells) out_ += " " + std::to_string(cell);
    out_ += "\n  lines:";
    // Each step moves the (bytecode offset, line) position; the line the
    // function starts on is 1 plus the first steps' line increments.
    size_t bc = 0, line = 1;
    const uint8_t* ip = prelude.line_info;
    LineStep step;
    while (ip < prelude.line_info_end) {
      if (!DecodeLineStep(&ip, prelude.line_info_end, &step)) {
        out_ += " <truncated>";
        break;
      }
      bc += step.bc_increment;
      line += step.line_increment;
      out_ += " " + std::to_string(bc) + ":" + std::to_string(line);
    }
    out_ += "\n";
  }

  void Instructions(const RawCode& code, const uint8_t* start) {
    const uint8_t* end = code.code.data() + code.code.size();
    const uint8_t* ip = start;
    while (ip < end) {
      size_t offset = static_cast<size_t>(ip - start);
      uint8_t op = *ip++;
      const OpcodeInfo& info = InfoOf(op);
      out_ += "  " + Offset4(offset) + " ";
      if (!info.name) {
        out_ += "<unknown opcode " + Hex(op) + ">\n";
        return;
      }
      out_ += info.name;
      std::string operand;
      if (info.is_range) {
        operand = RangeOperand(info, op);
      } else if (!Operand(code, info, start, end, &ip, &operand)) {
        out_ += " <truncated operand>\n";
        return;
      }
      if (!operand.empty()) out_ += " " + operand;
      out_ += "\n";
    }
  }

  static std::string RangeOperand(const OpcodeInfo& info, uint8_t op) {
    size_t arg = op - info.range_base;
    switch (info.range_base) {
      case kOp_LOAD_CONST_SMALL_INT_MULTI: return std::to_string(static_cast<int>(arg) - 16);
      case kOp_UNARY_OP_MULTI:
        return arg < std::size(kUnaryOps) ? kUnaryOps[arg] : "<unary " + std::to_string(arg) + ">";
      case kOp_BINARY_OP_MULTI:
        return arg < std::size(kBinaryOps) ? kBinaryOps[arg] : "<binary " + std::to_string(arg) + ">";
      default: return std::to_string(arg);  // local number
    }
  }

  bool Operand(const RawCode& code, const OpcodeInfo& info, const uint8_t* start, const uint8_t* end,
               const uint8_t** ip, std::string* text) {
    size_t arg = 0;
    switch (info.operand) {
      case Operand::None: return true;
      case Operand::Qstr:
        if (!DecodeUint(ip, end, &arg)) return false;
        *text = QstrText(module_, arg);
        break;
      case Operand::Uint:
        if (!DecodeUint(ip, end, &arg)) return false;
        *text = std::to_string(arg);
        break;
      case Operand::Sint: {
        intptr_t value = 0;
        if (!DecodeSint(ip, end, &value)) return false;
        *text = std::to_string(value);
        break;
      }
      case Operand::Obj:
        if (!DecodeUint(ip, end, &arg)) return false;
        *text = arg < module_.constants.size() ? Repr(module_.constants[arg])
                                               : "<bad object " + std::to_string(arg) + ">";
        break;
      case Operand::Child:
        if (!DecodeUint(ip, end, &arg)) return false;
        *text = "child " + std::to_string(arg) + " " +
                (arg < code.children.size() ? ChildName(module_, code.children[arg]) : std::string("<missing>"));
        break;
      case Operand::Jump:
      case Operand::Fwd: {
        intptr_t delta = 0;
        if (!DecodeJump(ip, end, info.operand == Operand::Jump, &delta)) return false;
        intptr_t target = (*ip - start) + delta;  // from the offset's end, before any extra byte
        *text = "-> " + (target < 0 ? std::to_string(target) : Offset4(static_cast<size_t>(target)));
        break;
      }
    }
    if (info.extra_byte) {
      if (*ip >= end) return false;
      uint8_t extra = *(*ip)++;
      *text += " extra=" + Hex(extra);
    }
    return true;
  }
};

}  // namespace

std::string Disassemble(const Module& module) { return Disassembler(module).Run(); }

}  // namespace taipan::bytecode
