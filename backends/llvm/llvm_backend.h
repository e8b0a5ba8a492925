// Phase entry: typed IR -> LLVM IR -> object code or assembly.
//
// Lowers the native functions of one module of an ir::Program (those with
// Function::native set) into an LLVM module that calls the runtime only
// through runtime/native_abi.def, and emits it for a target. The module
// defines one table, `taipan_native_module_<index>` (runtime/vm.h's
// NativeModuleCode), that the driver's frozen-module table points to: the
// native entry of raw code i, or null where raw code i stays bytecode.
//
// Targets are one small file each (target_*.cpp): triple, CPU, features,
// the float type, the nlr buffer size, and how objects are made (Xtensa goes
// through assembly and llvm-mc, see ../shared/toolchain-facts.md).
#ifndef TAIPAN_BACKENDS_LLVM_LLVM_BACKEND_H
#define TAIPAN_BACKENDS_LLVM_LLVM_BACKEND_H

#include <cstdint>
#include <string>
#include <vector>

#include "ir/ir.h"

namespace taipan::llvmbe {

struct CodegenOptions {
  std::string march = "x64";  // mpy-cross names: x64, armv6m, armv7m, armv7em, armv7emsp, armv7emdp, xtensa, xtensawin
  int opt_level = 2;          // 0..3
  bool optimize_size = false; // -Os
  bool debug_info = false;    // -g: DWARF line tables mapping native code to Python lines
};

enum class EmitKind { LlvmIr, Assembly, Object };

// The symbol of module `module_index`'s NativeModuleCode table.
std::string NativeTableSymbol(uint32_t module_index);

// Whether `march` names a target this backend supports.
bool IsSupportedTarget(const std::string& march);

// Lowers module `module_index` of `program` and emits it. Returns false
// with `error` set when LLVM fails (a bug: every IR the verifier accepts
// must lower). `out` receives the bytes (text for LlvmIr/Assembly).
bool EmitModule(const ir::Program& program, uint32_t module_index, const CodegenOptions& options, EmitKind kind,
                std::string* out, std::string* error);

}  // namespace taipan::llvmbe

#endif  // TAIPAN_BACKENDS_LLVM_LLVM_BACKEND_H
