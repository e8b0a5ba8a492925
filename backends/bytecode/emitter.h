// The emitter's lower half: one raw code's instruction list, its labels,
// value-stack and line bookkeeping, and the assembly into MicroPython's
// byte format (prelude + opcodes) with jump offsets sized until stable.
// The compiler (compiler.h) drives it instruction by instruction, the way
// MicroPython's compiler drives emitbc.c, so stack sizes match its rules.
#ifndef TAIPAN_BACKENDS_BYTECODE_EMITTER_H
#define TAIPAN_BACKENDS_BYTECODE_EMITTER_H

#include <cstddef>
#include <cstdint>
#include <vector>

#include "runtime/bytecode.h"

namespace taipan::bytecode {

using Label = uint32_t;

struct Instr {
  uint8_t op = 0;
  bool is_label = false;   // a label definition, not an instruction
  bool has_extra = false;  // the extra byte of UNWIND_JUMP / MAKE_CLOSURE*
  uint8_t extra = 0;
  intptr_t arg = 0;        // operand (or the label for jumps / definitions)
  uint32_t line = 0;       // source line the instruction belongs to
};

// What the prelude needs besides the opcodes.
struct PreludeInfo {
  Signature signature;           // n_state and n_exc_stack are filled in by Assemble
  size_t simple_name = 0;        // qstr index
  std::vector<size_t> arg_names;  // qstr indices, positional then keyword-only
  std::vector<uint8_t> cells;     // local numbers turned into cells
  size_t num_locals = 0;
};

class CodeEmitter {
 public:
  Label NewLabel() { return next_label_++; }
  void Place(Label label);

  void SetLine(uint32_t line) {
    if (line > line_) line_ = line;
  }
  uint32_t line() const { return line_; }

  // An instruction with its standard stack effect (bytecode.def).
  void Op(uint8_t op);
  void OpArg(uint8_t op, size_t arg);
  void SmallInt(intptr_t value);
  // An instruction with an explicit stack effect (emitbc.c's special cases).
  void OpAdjust(uint8_t op, intptr_t arg, int stack_delta);
  void Jump(uint8_t op, Label label, int stack_delta);
  void UnwindJump(Label label, uint8_t unwind_byte);
  void MakeClosure(uint8_t op, size_t child, uint8_t n_cells, int stack_delta);
  // A raw POP_TOP that does not change the tracked depth (breaking out of
  // a for loop pops its iterator behind the compiler's back).
  void RawPopTop();

  void Adjust(int delta);
  int depth() const { return depth_; }
  void EnterExcept() {
    if (++exc_depth_ > max_exc_depth_) max_exc_depth_ = exc_depth_;
  }
  void LeaveExcept() { --exc_depth_; }

  // Assembles prelude + opcodes. Returns false if a jump does not fit in
  // MicroPython's two-byte offsets.
  bool Assemble(PreludeInfo info, std::vector<uint8_t>* out) const;

 private:
  void Push(Instr instr);

  std::vector<Instr> instrs_;
  Label next_label_ = 0;
  uint32_t line_ = 1;
  int depth_ = 0;
  int max_depth_ = 0;
  int exc_depth_ = 0;
  int max_exc_depth_ = 0;
  // After an unconditional transfer nothing is emitted until the next
  // label, as MicroPython does (the stack bookkeeping still runs).
  bool suppress_ = false;
};

}  // namespace taipan::bytecode

#endif  // TAIPAN_BACKENDS_BYTECODE_EMITTER_H
