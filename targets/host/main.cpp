// The entry point of host executables (native code or --vm): runs
// the frozen __main__ of the table the driver links in (driver/
// frozen_object.h writes it). sys.argv is the process's own argv, so
// sys.argv[0] is the executable's path, as for a frozen CPython program
// (`taipan run` passes the script's path there). sys.path[0] is the
// absolute directory of that path, as CPython and MicroPython make it the
// script's directory.
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "targets/host/host_start.h"

extern "C" const taipan::rt::FrozenModule taipan_frozen_modules[];
extern "C" const size_t taipan_frozen_module_count;

namespace taipan::host { void InstallSourceCompiler(); }  // host_compiler.cpp: eval/exec/compile

int main(int argc, char** argv) {
  taipan::host::InstallSourceCompiler();
  // realpath resolves the path; dirname cuts the file name off in place.
  static char resolved[PATH_MAX];
  const char* path0 = argc > 0 && realpath(argv[0], resolved) != nullptr ? dirname(resolved) : nullptr;
  return taipan::host::RunProgram(argc, argv, path0, taipan_frozen_modules, taipan_frozen_module_count);
}
