// The IR's text form (taipan compile --emit=ir), stable for FileCheck:
//
//   function f (native) slots=2 params: x:int, y:float returns float
//   locals:
//     x:int param slot=0
//     $i0:int temp
//   bb0:
//     %3:int = binary add %1, %2
//     store x, %3
//     branch %5, bb1, bb2
//
// Bytecode functions print their reason and no body.
#include <charconv>
#include <string>

#include "ir/ir.h"

namespace taipan::ir {

namespace {

using bytecode::MpyObj;

constexpr std::string_view kBinaryNames[] = {
    "less", "more", "eq", "le", "ge", "ne", "in", "is", "exc_match",
    "ior", "ixor", "iand", "ilshift", "irshift", "iadd", "isub", "imul", "imatmul", "ifloordiv", "itruediv", "imod", "ipow",
    "or", "xor", "and", "lshift", "rshift", "add", "sub", "mul", "matmul", "floordiv", "truediv", "mod", "pow",
};
constexpr std::string_view kUnaryNames[] = {"pos", "neg", "invert", "not"};

std::string_view MathUnaryName(int64_t which) {
  switch (static_cast<MathUnary>(which)) {
#define MATH_UNARY(Id, name, implementation) \
  case MathUnary::Id:                         \
    return name;
#include "runtime/math_unary.def"
  }
  return "?";
}

std::string_view BuiltinCallName(int64_t which) {
  switch (static_cast<BuiltinCall>(which)) {
#define BUILTIN_CALL(Id, name, arguments, helper, result) \
  case BuiltinCall::Id:                                   \
    return name;
#include "ir/builtin_calls.def"
  }
  return "?";
}

std::string Quote(std::string_view text) {
  std::string out = "'";
  for (unsigned char c : text) {
    if (c == '\'' || c == '\\') {
      out += '\\';
      out += (char)c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c < 0x20 || c == 0x7f) {
      static const char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += (char)c;
    }
  }
  return out + "'";
}

std::string FloatText(double value) {
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  std::string text(buffer, result.ptr);
  if (text.find_first_of(".eEn") == std::string::npos) text += ".0";  // not inf/nan/exponent: make it look like a float
  return text;
}

std::string ConstantText(const bytecode::Constant& c) {
  switch (c.kind) {
    case MpyObj::None: return "None";
    case MpyObj::True: return "True";
    case MpyObj::False: return "False";
    case MpyObj::Ellipsis: return "Ellipsis";
    case MpyObj::Str: return Quote(c.text);
    case MpyObj::Bytes: return "b" + Quote(c.text);
    case MpyObj::Int:
    case MpyObj::Float: return c.text;
    case MpyObj::Complex: return c.text;
    case MpyObj::Tuple: {
      std::string out = "(";
      for (size_t i = 0; i < c.items.size(); ++i) {
        if (i) out += ", ";
        out += ConstantText(c.items[i]);
      }
      if (c.items.size() == 1) out += ",";
      return out + ")";
    }
    default: return "?";
  }
}

std::string_view LocalKindName(LocalKind kind) {
  switch (kind) {
    case LocalKind::Param: return "param";
    case LocalKind::Free: return "free";
    case LocalKind::Var: return "var";
    case LocalKind::Cell: return "cell";
    case LocalKind::Temp: return "temp";
  }
  return "?";
}

class Printer {
 public:
  Printer(const Module& module, const TypeTable& types) : module_(module), types_(types) {}

  std::string Run() {
    for (size_t i = 0; i < module_.functions.size(); ++i) {
      if (i) out_ += "\n";
      PrintFunction(module_.functions[i]);
    }
    return std::move(out_);
  }

 private:
  std::string Qstr(int64_t index) const {
    if (index >= 0 && (size_t)index < module_.qstrs.size()) return Quote(module_.qstrs[index]);
    return "q" + std::to_string(index);
  }
  // An attribute access's layout slot (Function::class_layout).
  static std::string Slot(const Inst& inst) { return inst.sub ? " slot=" + std::to_string(inst.sub - 1) : ""; }
  std::string QstrText(int64_t index) const {
    if (index >= 0 && (size_t)index < module_.qstrs.size()) return module_.qstrs[index];
    return "q" + std::to_string(index);
  }
  std::string Value(InstId id) const { return "%" + std::to_string(id); }
  std::string LocalName(int64_t index) const {
    if (index >= 0 && (size_t)index < f_->locals.size()) return f_->locals[index].name;
    return "<local " + std::to_string(index) + ">";
  }
  std::string BlockName(BlockId id) const { return "bb" + std::to_string(id); }
  std::string TypeName(TypeId id) const { return types_.Name(id); }

  void PrintFunction(const ir::Function& f) {
    f_ = &f;
    out_ += "function " + f.name;
    if (!f.native) {
      out_ += " (bytecode: " + f.reason + ")\n";
      return;
    }
    out_ += f.is_generator                 ? " (native generator) slots="
            : f.collects                   ? " (native collector) slots="
            : f.generic_of != ir::kNoId    ? " (native generic clone) slots="
                                           : " (native) slots=";
    out_ += std::to_string(f.n_slots);
    if (f.n_try_slots) out_ += " try_slots=" + std::to_string(f.n_try_slots);
    out_ += " params:";
    bool first = true;
    for (uint32_t slot = 0; slot < f.n_slots; ++slot) {
      for (const Local& local : f.locals) {
        if (local.slot != slot || local.kind == LocalKind::Free) continue;
        out_ += first ? " " : ", ";
        out_ += local.name + ":" + TypeName(local.type);
        first = false;
      }
    }
    out_ += " returns " + TypeName(f.return_type) + "\n";
    if (!f.locals.empty()) {
      out_ += "locals:\n";
      for (const Local& local : f.locals) {
        out_ += "  " + local.name + ":" + TypeName(local.type) + " " + std::string(LocalKindName(local.kind));
        if (local.slot != kNoId) out_ += " slot=" + std::to_string(local.slot);
        if (local.is_volatile) out_ += " volatile";
        if (local.bound_in_cell) out_ += " bound-in-cell";
        out_ += "\n";
      }
    }
    for (BlockId b = 0; b < f.blocks.size(); ++b) {
      out_ += BlockName(b) + ":\n";
      for (InstId id : f.blocks[b].insts) PrintInst(id, f.insts[id]);
    }
  }

  std::string Operands(const ir::Inst& inst, size_t from) const {
    std::string out;
    for (size_t i = from; i < inst.ops.size(); ++i) {
      if (i > from) out += ", ";
      out += Value(inst.ops[i]);
    }
    return out;
  }

  // f(%a, %b, k=%c): positional operands from `from`, the last names.size() are keywords.
  std::string Arguments(const ir::Inst& inst, size_t from) const {
    std::string out = "(";
    size_t n_kw = inst.names.size();
    size_t n_pos = inst.ops.size() >= from + n_kw ? inst.ops.size() - from - n_kw : 0;
    for (size_t i = 0; i + from < inst.ops.size(); ++i) {
      if (i) out += ", ";
      if (i >= n_pos && i - n_pos < n_kw) out += QstrText(inst.names[i - n_pos]) + "=";
      out += Value(inst.ops[from + i]);
    }
    return out + ")";
  }

  void PrintInst(InstId id, const ir::Inst& inst) {
    out_ += "  ";
    if (!(OpFlags(inst.op) & kNoResult)) out_ += Value(id) + ":" + TypeName(inst.type) + " = ";
    out_ += std::string(OpName(inst.op));
    std::string rest = Details(inst);
    if (!rest.empty()) out_ += " " + rest;
    out_ += "\n";
  }

  std::string Details(const ir::Inst& inst) const {
    switch (inst.op) {
      case Op::ConstInt: return std::to_string(inst.imm);
      case Op::ConstFloat: return FloatText(inst.fimm);
      case Op::ConstBool: return inst.imm ? "true" : "false";
      case Op::ConstNone: return "";
      case Op::ConstQstr: return Qstr(inst.imm);
      case Op::ConstObj:
        if (inst.imm >= 0 && (size_t)inst.imm < module_.constants.size())
          return "#" + std::to_string(inst.imm) + " " + ConstantText(module_.constants[inst.imm]);
        return "#" + std::to_string(inst.imm);
      case Op::LoadLocal: return LocalName(inst.imm) + (inst.sub ? " maybe-unbound" : "");
      case Op::StoreLocal:
      case Op::StoreCell: return LocalName(inst.imm) + ", " + Operands(inst, 0);
      case Op::DeleteLocal:
      case Op::LoadCell:
      case Op::DeleteCell:
      case Op::CellRef: return LocalName(inst.imm);
      case Op::LoadGlobal:
      case Op::DeleteGlobal: return Qstr(inst.imm);
      case Op::StoreGlobal: return Qstr(inst.imm) + ", " + Operands(inst, 0);
      case Op::LoadAttr: return Operands(inst, 0) + ", " + Qstr(inst.imm) + Slot(inst);
      case Op::Narrow: return Operands(inst, 0) + ", " + Qstr(inst.imm) + (inst.sub ? " store" : "");
      case Op::DeleteAttr: return Operands(inst, 0) + ", " + Qstr(inst.imm);
      case Op::StoreAttr:
        return Value(inst.ops[0]) + ", " + Qstr(inst.imm) + ", " + Operands(inst, 1) + Slot(inst);
      case Op::Call: return Value(inst.ops[0]) + Arguments(inst, 1);
      case Op::CallMethod: return Value(inst.ops[0]) + "." + QstrText(inst.imm) + Arguments(inst, 1);
      case Op::MathCall: return std::string(MathUnaryName(inst.imm)) + " " + Operands(inst, 0);
      case Op::CallBuiltin:
        return std::string(BuiltinCallName(inst.imm)) + Arguments(inst, 0) + (inst.sub ? " checked" : "");
      case Op::CallDirect:
        return "f" + std::to_string(inst.callee.module) + ":" + std::to_string(inst.callee.function) +
               Arguments(inst, 0) + (inst.sub ? " guarded" : "");
      case Op::Binary:
        return std::string(inst.sub < std::size(kBinaryNames) ? kBinaryNames[inst.sub] : "?") + " " + Operands(inst, 0) +
               (inst.imm == kRangeCounterStep ? " counter" : "");
      case Op::Unary:
        return std::string(inst.sub < std::size(kUnaryNames) ? kUnaryNames[inst.sub] : "?") + " " + Operands(inst, 0);
      case Op::Unpack:
      case Op::TupleItem: return Operands(inst, 0) + ", " + std::to_string(inst.imm);
      case Op::UnpackEx:
        return Operands(inst, 0) + ", " + std::to_string(inst.imm) + ", " + std::to_string(inst.sub);
      case Op::MakeFunction: return "child=" + std::to_string(inst.imm) + " " + Operands(inst, 0);
      case Op::ImportName: return Qstr(inst.imm) + ", " + Operands(inst, 0);
      case Op::ImportFrom: return Operands(inst, 0) + ", " + Qstr(inst.imm);
      case Op::TryPop:
      case Op::Caught: return std::to_string(inst.imm);
      case Op::Yield:
      case Op::YieldFrom: return Operands(inst, 0) + (inst.sub ? " in_try=" + std::to_string(inst.sub) : "");
      case Op::Reraise:
        return Operands(inst, 0) + (inst.sub == 1   ? " leaving-generator"
                                    : inst.sub == 2 ? " leaving-inlined-generator"
                                                    : "");
      case Op::Jump: return BlockName(inst.target[0]);
      case Op::Branch: return Operands(inst, 0) + ", " + BlockName(inst.target[0]) + ", " + BlockName(inst.target[1]);
      case Op::ForIter:
        return Operands(inst, 0) + " -> " + LocalName(inst.imm) + ", " + BlockName(inst.target[0]) + ", " +
               BlockName(inst.target[1]);
      case Op::TryPush:
        return std::to_string(inst.imm) + ", " + BlockName(inst.target[0]) + ", " + BlockName(inst.target[1]);
      default: return Operands(inst, 0);
    }
  }

  const Module& module_;
  const TypeTable& types_;
  const ir::Function* f_ = nullptr;
  std::string out_;
};

}  // namespace

std::string Print(const Module& module, const TypeTable& types) { return Printer(module, types).Run(); }

}  // namespace taipan::ir
