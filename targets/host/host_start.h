// Starting the runtime in a host (Linux) process: shared by the main() of
// executables built with `taipan build` and by test/runtime/mpy_run.cpp.
#ifndef TAIPAN_TARGETS_HOST_HOST_START_H
#define TAIPAN_TARGETS_HOST_HOST_START_H

#include <stddef.h>

#include "runtime/vm.h"

namespace taipan::host {

// Gets a heap from the C library (64 MiB, or TAIPAN_HEAP_SIZE bytes, with an
// optional k/m/g suffix), starts the runtime on the console, sets sys.argv
// to argv[0..argc) and, when `path0` is not null, sys.path[0] to it (the
// script's directory, as MicroPython does), installs the frozen modules and
// runs the frozen "__main__". Returns the process's exit status, output
// written.
int RunProgram(int argc, char** argv, const char* path0, const rt::FrozenModule* modules, size_t count);

// The same start-up (heap, console, sys.argv, sys.path[0]) around any
// `body`, which returns the exit status (for tools: taipan-mpy-run
// --load-only).
int RunHosted(int argc, char** argv, const char* path0, int (*body)(void* data), void* data);

}  // namespace taipan::host

#endif  // TAIPAN_TARGETS_HOST_HOST_START_H
