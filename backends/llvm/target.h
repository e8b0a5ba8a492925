// What the lowering and the emitter need to know about a target: one small
// description per architecture family (target_x86.cpp, target_arm.cpp,
// target_xtensa.cpp), selected by the mpy-cross -march name.
#ifndef TAIPAN_BACKENDS_LLVM_TARGET_H
#define TAIPAN_BACKENDS_LLVM_TARGET_H

#include <string>

namespace taipan::llvmbe {

struct TargetInfo {
  std::string march;     // x64, armv7m, xtensawin, ...
  std::string triple;
  std::string cpu;
  std::string features;  // LLVM subtarget features, "+a,-b"
  unsigned word_bits = 32;
  // runtime/float.h's Float: double only where the runtime library is built
  // with TAIPAN_FLOAT_IS_DOUBLE (x86 hosts); every MCU library uses float.
  bool float_is_double = false;
  bool hard_float_abi = false;  // floats passed in FPU registers (ARM eabihf)
  bool soft_float = false;      // no FPU at all: "use-soft-float"
  bool hardware_sqrt = false;   // llvm.sqrt of a Float is an instruction, not a libm call
  // NlrBuf::regs words on this target (runtime/nlr.h's register table).
  unsigned nlr_registers = 0;
  // Xtensa: llc's direct object emission is broken, so objects are made by
  // printing assembly and running llvm-mc on it with this CPU.
  bool object_through_assembler = false;
  std::string assembler_cpu;
};

bool DescribeX86Target(const std::string& march, TargetInfo* info);
bool DescribeArmTarget(const std::string& march, TargetInfo* info);
bool DescribeXtensaTarget(const std::string& march, TargetInfo* info);

// Any family: false when no family knows `march`.
bool DescribeTarget(const std::string& march, TargetInfo* info);

}  // namespace taipan::llvmbe

#endif  // TAIPAN_BACKENDS_LLVM_TARGET_H
