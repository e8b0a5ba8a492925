// CodeEmitter: instruction recording and assembly (see emitter.h).
#include "backends/bytecode/emitter.h"

namespace taipan::bytecode {

namespace {

bool IsJump(uint8_t op) {
  Operand kind = InfoOf(op).operand;
  return kind == Operand::Jump || kind == Operand::Fwd;
}

bool FitsOneByte(intptr_t offset, bool is_signed) {
  return is_signed ? (offset >= -64 && offset <= 63) : (offset >= 0 && offset <= 127);
}

bool FitsTwoBytes(intptr_t offset, bool is_signed) {
  return is_signed ? (offset >= -kJumpMaxSigned - 1 && offset <= kJumpMaxSigned)
                   : (offset >= 0 && offset <= (intptr_t)kJumpMaxForward);
}

// Bytes of an instruction's operand other than a jump offset.
size_t OperandSize(const Instr& in) {
  uint8_t buf[16];
  switch (InfoOf(in.op).operand) {
    case Operand::Qstr:
    case Operand::Uint:
    case Operand::Obj:
    case Operand::Child:
      return EncodeUint(buf, (size_t)in.arg);
    case Operand::Sint:
      return EncodeSint(buf, in.arg);
    default:
      return 0;
  }
}

// Appends line-number entries advancing `bc` bytes and `lines` lines. The
// bytes go first: an entry's line increment applies from its end offset on,
// so lines may only be added once all the bytes have been skipped (as
// MicroPython's emitter writes them).
void AppendLineSteps(std::vector<uint8_t>* out, size_t bc, size_t lines) {
  while (bc > 0 || lines > 0) {
    if (lines <= 6 || bc > kLineStepTwoByteMaxBc) {
      size_t b = bc < kLineStepOneByteMaxBc ? bc : kLineStepOneByteMaxBc;
      size_t l = b < bc ? 0 : (lines < kLineStepOneByteMaxLine ? lines : kLineStepOneByteMaxLine);
      out->push_back((uint8_t)(b | l << 5));
      bc -= b;
      lines -= l;
    } else {
      size_t b = bc;
      size_t l = lines < kLineStepTwoByteMaxLine ? lines : kLineStepTwoByteMaxLine;
      out->push_back((uint8_t)(0x80 | b | ((l >> 4) & 0x70)));
      out->push_back((uint8_t)(l & 0xff));
      bc -= b;
      lines -= l;
    }
  }
}

}  // namespace

void CodeEmitter::Push(Instr instr) {
  if (suppress_ && !instr.is_label) return;
  instr.line = line_;
  instrs_.push_back(instr);
}

void CodeEmitter::Adjust(int delta) {
  depth_ += delta;
  if (depth_ > max_depth_) max_depth_ = depth_;
}

void CodeEmitter::Place(Label label) {
  suppress_ = false;
  Instr in;
  in.is_label = true;
  in.arg = label;
  Push(in);
}

void CodeEmitter::Op(uint8_t op) { OpAdjust(op, 0, StackEffect(op, 0, 0)); }

void CodeEmitter::OpArg(uint8_t op, size_t arg) { OpAdjust(op, (intptr_t)arg, StackEffect(op, arg, 0)); }

void CodeEmitter::SmallInt(intptr_t value) {
  if (value >= -16 && value < 48) {
    Op((uint8_t)(kOp_LOAD_CONST_SMALL_INT_MULTI + 16 + value));
  } else {
    OpAdjust(kOp_LOAD_CONST_SMALL_INT, value, 1);
  }
}

void CodeEmitter::OpAdjust(uint8_t op, intptr_t arg, int stack_delta) {
  Adjust(stack_delta);
  Instr in;
  in.op = op;
  in.arg = arg;
  Push(in);
  if (op == kOp_RETURN_VALUE || op == kOp_RAISE_LAST || op == kOp_RAISE_OBJ || op == kOp_RAISE_FROM) {
    suppress_ = true;
  }
}

void CodeEmitter::Jump(uint8_t op, Label label, int stack_delta) {
  Adjust(stack_delta);
  Instr in;
  in.op = op;
  in.arg = label;
  Push(in);
  if (op == kOp_JUMP || op == kOp_POP_EXCEPT_JUMP) suppress_ = true;
}

void CodeEmitter::UnwindJump(Label label, uint8_t unwind_byte) {
  Instr in;
  in.op = kOp_UNWIND_JUMP;
  in.arg = label;
  in.has_extra = true;
  in.extra = unwind_byte;
  Push(in);
  suppress_ = true;
}

void CodeEmitter::RawPopTop() {
  Instr in;
  in.op = kOp_POP_TOP;
  Push(in);
}

void CodeEmitter::MakeClosure(uint8_t op, size_t child, uint8_t n_cells, int stack_delta) {
  Adjust(stack_delta);
  Instr in;
  in.op = op;
  in.arg = (intptr_t)child;
  in.has_extra = true;
  in.extra = n_cells;
  Push(in);
}

bool CodeEmitter::Assemble(PreludeInfo info, std::vector<uint8_t>* out) const {
  // Jump offsets start at one byte and only ever grow, so this settles.
  std::vector<uint8_t> wide(instrs_.size(), 0);
  std::vector<size_t> label_pos(next_label_, 0);
  std::vector<size_t> start(instrs_.size(), 0);
  bool too_far = false;
  for (bool changed = true; changed;) {
    changed = false;
    size_t pos = 0;
    for (size_t i = 0; i < instrs_.size(); ++i) {
      const Instr& in = instrs_[i];
      start[i] = pos;
      if (in.is_label) {
        label_pos[(size_t)in.arg] = pos;
        continue;
      }
      pos += 1 + OperandSize(in) + (IsJump(in.op) ? 1 + wide[i] : 0) + (in.has_extra ? 1 : 0);
    }
    too_far = false;
    for (size_t i = 0; i < instrs_.size(); ++i) {
      const Instr& in = instrs_[i];
      if (in.is_label || !IsJump(in.op)) continue;
      bool is_signed = InfoOf(in.op).operand == Operand::Jump;
      // Offsets count from just after the offset bytes (before UNWIND_JUMP's extra byte).
      intptr_t offset = (intptr_t)label_pos[(size_t)in.arg] - (intptr_t)(start[i] + 2 + wide[i]);
      if (!wide[i] && !FitsOneByte(offset, is_signed)) {
        wide[i] = 1;
        changed = true;
      } else if (wide[i] && !FitsTwoBytes(offset, is_signed)) {
        too_far = true;
      }
    }
  }
  if (too_far) return false;

  std::vector<uint8_t> code;
  std::vector<uint8_t> lines;
  size_t last_offset = 0;
  size_t last_line = 1;
  uint8_t buf[32];
  for (size_t i = 0; i < instrs_.size(); ++i) {
    const Instr& in = instrs_[i];
    if (in.is_label) continue;
    if (in.line > last_line) {
      AppendLineSteps(&lines, code.size() - last_offset, in.line - last_line);
      last_offset = code.size();
      last_line = in.line;
    }
    code.push_back(in.op);
    size_t n = 0;
    switch (InfoOf(in.op).operand) {
      case Operand::Qstr:
      case Operand::Uint:
      case Operand::Obj:
      case Operand::Child:
        n = EncodeUint(buf, (size_t)in.arg);
        break;
      case Operand::Sint:
        n = EncodeSint(buf, in.arg);
        break;
      case Operand::Jump:
      case Operand::Fwd: {
        bool is_signed = InfoOf(in.op).operand == Operand::Jump;
        intptr_t offset = (intptr_t)label_pos[(size_t)in.arg] - (intptr_t)(start[i] + 2 + wide[i]);
        n = EncodeJump(buf, offset, is_signed, wide[i] != 0);
        break;
      }
      default:
        break;
    }
    code.insert(code.end(), buf, buf + n);
    if (in.has_extra) code.push_back(in.extra);
  }

  Signature sig = info.signature;
  size_t n_state = info.num_locals + (size_t)max_depth_;
  sig.n_state = n_state == 0 ? 1 : n_state;
  sig.n_exc_stack = (size_t)max_exc_depth_;

  std::vector<uint8_t> info_bytes;
  size_t n = EncodeUint(buf, info.simple_name);
  info_bytes.insert(info_bytes.end(), buf, buf + n);
  for (size_t q : info.arg_names) {
    n = EncodeUint(buf, q);
    info_bytes.insert(info_bytes.end(), buf, buf + n);
  }
  info_bytes.insert(info_bytes.end(), lines.begin(), lines.end());

  out->clear();
  n = EncodeSignature(buf, sig);
  out->insert(out->end(), buf, buf + n);
  n = EncodePreludeSize(buf, info_bytes.size(), info.cells.size());
  out->insert(out->end(), buf, buf + n);
  out->insert(out->end(), info_bytes.begin(), info_bytes.end());
  out->insert(out->end(), info.cells.begin(), info.cells.end());
  out->insert(out->end(), code.begin(), code.end());
  return true;
}

}  // namespace taipan::bytecode
