// Stub: replaced by the lowering.
#include "backends/llvm/llvm_backend.h"

namespace taipan::llvmbe {
std::string NativeTableSymbol(uint32_t module_index) { return "taipan_native_module_" + std::to_string(module_index); }
bool IsSupportedTarget(const std::string&) { return false; }
bool EmitModule(const ir::Program&, uint32_t, const CodegenOptions&, EmitKind, std::string*, std::string* error) {
  *error = "the LLVM backend is not written yet";
  return false;
}
}  // namespace taipan::llvmbe
