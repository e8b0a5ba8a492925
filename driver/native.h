// The native half of `taipan build`/`run`/`compile`: typed IR for every
// module of a program, whole-program inference, remarks, and one object
// per module from the LLVM backend.
#ifndef TAIPAN_DRIVER_NATIVE_H
#define TAIPAN_DRIVER_NATIVE_H

#include <string>
#include <vector>

#include "backends/llvm/llvm_backend.h"
#include "driver/driver.h"
#include "driver/program.h"
#include "ir/ir.h"

namespace taipan::driver {

// Builds the IR of every module (their bytecode tables grow with what the
// native code needs, so each module's .mpy is written again afterwards)
// and runs inference over the whole program; loops are peeled where that
// settles a local's type (ir::PeelLoops) except at -O0 and -Os.
ir::Program BuildProgramIr(std::vector<ProgramModule>& modules, const Options& options);

// `--remarks`: one line per def/lambda on stderr, whether it was compiled
// natively or to bytecode and why.
void PrintRemarks(const ir::Program& program);

// The code generator's settings from the command line (-O, -g, -march).
llvmbe::CodegenOptions CodegenOptionsFrom(const Options& options);

// Emits module i's object into `path` when it has any native function;
// `symbol` receives its native table symbol (empty: all bytecode).
bool EmitNativeObject(const ir::Program& program, uint32_t module_index, const llvmbe::CodegenOptions& codegen,
                      const std::string& path, std::string* symbol, std::string* error);

}  // namespace taipan::driver

#endif  // TAIPAN_DRIVER_NATIVE_H
