// From a lowered LLVM module to text or an object: the optimisation
// pipeline (new pass manager) and code generation, with Xtensa objects made
// by llvm-mc from the assembly.
#ifndef TAIPAN_BACKENDS_LLVM_EMIT_H
#define TAIPAN_BACKENDS_LLVM_EMIT_H

#include <memory>
#include <string>

#include <llvm/IR/Module.h>
#include <llvm/Target/TargetMachine.h>

#include "backends/llvm/llvm_backend.h"
#include "backends/llvm/target.h"

namespace taipan::llvmbe {

std::unique_ptr<llvm::TargetMachine> CreateTargetMachine(const TargetInfo& target, const CodegenOptions& options,
                                                         std::string* error);
void Optimize(llvm::Module& module, llvm::TargetMachine& machine, const CodegenOptions& options);
bool Emit(llvm::Module& module, llvm::TargetMachine& machine, const TargetInfo& target, const CodegenOptions& options,
          EmitKind kind, std::string* out, std::string* error);

}  // namespace taipan::llvmbe

#endif  // TAIPAN_BACKENDS_LLVM_EMIT_H
