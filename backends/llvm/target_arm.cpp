// ARM Cortex-M (Thumb): the flags match runtime/CMakeLists.txt's libraries
// so that generated code and the runtime agree on the float ABI.
#include "backends/llvm/target.h"

namespace taipan::llvmbe {

namespace {

constexpr unsigned kThumbNlrRegisters = 10;     // r4-r11, sp, lr
constexpr unsigned kThumbFpuNlrRegisters = 26;  // and s16-s31 with an FPU

void SoftFloat(TargetInfo* info) {
  info->soft_float = true;
  info->features += info->features.empty() ? "+soft-float" : ",+soft-float";
  info->nlr_registers = kThumbNlrRegisters;
}

void HardFloat(TargetInfo* info, const char* fpu_feature) {
  info->triple = "thumbv7em-none-eabihf";
  info->hard_float_abi = true;
  info->features = fpu_feature;
  info->nlr_registers = kThumbFpuNlrRegisters;
  info->hardware_sqrt = true;  // vsqrt.f32
}

}  // namespace

bool DescribeArmTarget(const std::string& march, TargetInfo* info) {
  if (march == "armv6m") {
    info->triple = "thumbv6m-none-eabi";
    info->cpu = "cortex-m0plus";
    info->features = "+strict-align";  // M0 faults on unaligned words
    SoftFloat(info);
  } else if (march == "armv7m") {
    info->triple = "thumbv7m-none-eabi";
    info->cpu = "cortex-m3";
    SoftFloat(info);
  } else if (march == "armv7em" || march == "armv7emsp") {
    info->cpu = "cortex-m4";
    HardFloat(info, "+vfp4d16sp");  // fpv4-sp-d16
  } else if (march == "armv7emdp") {
    info->cpu = "cortex-m7";
    HardFloat(info, "+fp-armv8d16");  // fpv5-d16 (Float stays single: runtime/float.h)
  } else {
    return false;
  }
  info->march = march;
  info->word_bits = 32;
  info->float_is_double = false;
  return true;
}

}  // namespace taipan::llvmbe
