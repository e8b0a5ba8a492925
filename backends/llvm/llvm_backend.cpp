// The LLVM backend's entry (llvm_backend.h): describe the target, lower the
// module, optimise, emit.
#include "backends/llvm/llvm_backend.h"

#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>

#include "backends/llvm/emit.h"
#include "backends/llvm/lower.h"
#include "backends/llvm/target.h"

namespace taipan::llvmbe {

std::string NativeTableSymbol(uint32_t module_index) { return "taipan_native_module_" + std::to_string(module_index); }

bool DescribeTarget(const std::string& march, TargetInfo* info) {
  return DescribeX86Target(march, info) || DescribeArmTarget(march, info) || DescribeXtensaTarget(march, info);
}

bool IsSupportedTarget(const std::string& march) {
  TargetInfo info;
  return DescribeTarget(march, &info);
}

bool EmitModule(const ir::Program& program, uint32_t module_index, const CodegenOptions& options, EmitKind kind,
                std::string* out, std::string* error) {
  out->clear();
  TargetInfo target;
  if (!DescribeTarget(options.march, &target)) {
    *error = "the native backend does not support '-march=" + options.march + "'";
    return false;
  }
  if (module_index >= program.modules.size()) {
    *error = "no module " + std::to_string(module_index) + " in the program";
    return false;
  }
  std::unique_ptr<llvm::TargetMachine> machine = CreateTargetMachine(target, options, error);
  if (!machine) return false;
  llvm::LLVMContext context;
  const ir::Module& ir_module = program.modules[module_index];
  llvm::Module module(ir_module.name, context);
  module.setTargetTriple(machine->getTargetTriple());
  module.setDataLayout(machine->createDataLayout());
  if (ir_module.source) module.setSourceFileName(ir_module.source->filename());
  {
    ModuleLowering lowering(program, module_index, target, options, module);
    if (!lowering.Run(error)) return false;
  }
  Optimize(module, *machine, options);
  return Emit(module, *machine, target, options, kind, out, error);
}

}  // namespace taipan::llvmbe
