// The entry point of host executables built with `taipan build --vm`: runs
// the frozen __main__ of the table the driver links in (driver/
// frozen_object.h writes it). sys.argv is the process's own argv, so
// sys.argv[0] is the executable's path, as for a frozen CPython program.
#include "targets/host/host_start.h"

extern "C" const taipan::rt::FrozenModule taipan_frozen_modules[];
extern "C" const size_t taipan_frozen_module_count;

namespace taipan::host { void InstallSourceCompiler(); }  // host_compiler.cpp: eval/exec/compile

int main(int argc, char** argv) {
  taipan::host::InstallSourceCompiler();
  return taipan::host::RunProgram(argc, argv, nullptr, taipan_frozen_modules, taipan_frozen_module_count);
}
