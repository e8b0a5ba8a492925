// Xtensa: ESP8266 (call0 ABI) and ESP32 (windowed ABI). llc's object
// emission is broken for Xtensa ("fixup value must be 4-byte aligned"), so
// objects go through assembly and llvm-mc (shared/toolchain-facts.md).
#include <llvm/CodeGen/MachineFrameInfo.h>
#include <llvm/CodeGen/MachineFunctionPass.h>
#include <llvm/CodeGen/Passes.h>
#include <llvm/CodeGen/TargetPassConfig.h>
#include <llvm/Target/RegisterTargetPassConfigCallback.h>

#include "backends/llvm/target.h"

namespace taipan::llvmbe {

namespace {

// LLVM 22's Xtensa backend gives the register scavenger its emergency spill
// slot only in frames of 2 KiB or more, but l32i and s32i reach 1020 bytes:
// in a frame between the two, a stack access past 1020 bytes needs a
// scratch register, and where none is free LLVM aborts ("Cannot scavenge
// register without an emergency spill slot"; big functions at -O0 do it).
// This pass runs between register allocation and frame finalisation and
// pads such frames to 2 KiB, so that LLVM reserves the slot. The margin
// below 1020 covers what frame finalisation adds (callee-saved registers,
// outgoing arguments, alignment).
class XtensaFramePadding : public llvm::MachineFunctionPass {
 public:
  static char ID;
  XtensaFramePadding() : llvm::MachineFunctionPass(ID) {}
  llvm::StringRef getPassName() const override { return "Taipan Xtensa frame padding"; }

  bool runOnMachineFunction(llvm::MachineFunction& function) override {
    constexpr uint64_t kReach = 1020 - 256;  // l32i's reach, less the margin
    constexpr uint64_t kSlotFrame = 2048;    // LLVM reserves the slot from here on
    llvm::MachineFrameInfo& frame = function.getFrameInfo();
    uint64_t size = frame.estimateStackSize(function);
    if (size <= kReach || size >= kSlotFrame) return false;
    frame.CreateStackObject(kSlotFrame - size, llvm::Align(4), /*isSpillSlot=*/false);
    return true;
  }
};
char XtensaFramePadding::ID = 0;

void AddXtensaFramePadding(llvm::TargetMachine& machine, llvm::PassManagerBase&, llvm::TargetPassConfig* config) {
  if (machine.getTargetTriple().getArch() != llvm::Triple::xtensa) return;
  // The last pass every optimisation level adds before frame finalisation.
  config->insertPass(&llvm::FixupStatepointCallerSavedID, new XtensaFramePadding());
}

}  // namespace

bool DescribeXtensaTarget(const std::string& march, TargetInfo* info) {
  static llvm::RegisterTargetPassConfigCallback frame_padding(AddXtensaFramePadding);
  if (march == "xtensa") {
    info->cpu = "esp8266";
    info->nlr_registers = 6;  // a0, a1, a12-a15
  } else if (march == "xtensawin") {
    info->cpu = "esp32";
    // QEMU's cores (and the runtime library) have no muluh.
    info->features = "-mul32high";
    info->nlr_registers = 13;  // a0-a11 of the caller, push's own a0
  } else {
    return false;
  }
  info->march = march;
  info->triple = "xtensa";
  info->word_bits = 32;
  info->float_is_double = false;
  info->object_through_assembler = true;
  info->assembler_cpu = info->cpu;
  return true;
}

}  // namespace taipan::llvmbe
