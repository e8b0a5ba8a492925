// Xtensa: ESP8266 (call0 ABI) and ESP32 (windowed ABI). llc's object
// emission is broken for Xtensa ("fixup value must be 4-byte aligned"), so
// objects go through assembly and llvm-mc (shared/toolchain-facts.md).
#include "backends/llvm/target.h"

namespace taipan::llvmbe {

bool DescribeXtensaTarget(const std::string& march, TargetInfo* info) {
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
