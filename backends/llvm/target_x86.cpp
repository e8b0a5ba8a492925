// x86 hosts: x64 (the host executables of `taipan build/run`) and x86.
#include "backends/llvm/target.h"

namespace taipan::llvmbe {

bool DescribeX86Target(const std::string& march, TargetInfo* info) {
  if (march == "x64") {
    info->triple = "x86_64-unknown-linux-gnu";
    info->cpu = "x86-64";
    info->word_bits = 64;
    info->nlr_registers = 8;  // return address, rsp, rbp, rbx, r12-r15
  } else if (march == "x86") {
    info->triple = "i686-unknown-linux-gnu";
    info->cpu = "i686";
    info->word_bits = 32;
    info->nlr_registers = 6;  // return address, esp, ebp, ebx, esi, edi
  } else {
    return false;
  }
  info->march = march;
  info->float_is_double = true;
  info->hardware_sqrt = true;  // sqrtsd (x87 fsqrt on i686)
  return true;
}

}  // namespace taipan::llvmbe
