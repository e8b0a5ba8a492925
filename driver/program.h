// A program for `taipan build`/`run`: the main script and every module it
// imports that exists as source, each compiled to .mpy bytes.
#ifndef TAIPAN_DRIVER_PROGRAM_H
#define TAIPAN_DRIVER_PROGRAM_H

#include <memory>
#include <string>
#include <vector>

#include "backends/bytecode/bytecode.h"
#include "frontend/frontend.h"

namespace taipan::driver {

struct ProgramModule {
  std::string name;  // dotted; "__main__" for the script
  std::string path;  // the source file
  bool is_package = false;
  std::string source;  // the file's bytes
  std::unique_ptr<FrontendResult> front;  // its AST and scopes (the native backend builds IR from them)
  bytecode::Module code;  // its bytecode; the native backend adds qstrs and constants
  bytecode::CompileInfo info;
  std::vector<uint8_t> mpy;  // WriteMpy(code), once the code is final
};

// Runs the front and the bytecode emitter over one file; renders any
// diagnostics to stderr. Returns the front's output (its AST); check ok().
FrontendResult CompileToBytecode(const std::string& path, std::string_view bytes, bytecode::Module* module,
                                 bytecode::CompileInfo* info = nullptr);

// Collects and compiles the program rooted at `script`. Imports are looked
// up in the script's directory, then in `search_path`; names not found are
// left to the runtime (builtin modules). Returns false after printing
// diagnostics.
bool CollectProgram(const std::string& script, const std::vector<std::string>& search_path, bool verbose,
                    std::vector<ProgramModule>* modules);

}  // namespace taipan::driver

#endif  // TAIPAN_DRIVER_PROGRAM_H
