// The frozen-module table of a host executable as an ELF object file,
// generated with LLVM (kept apart from the driver's logic so it can move to
// backends/link/ with the native backend).
#ifndef TAIPAN_DRIVER_FROZEN_OBJECT_H
#define TAIPAN_DRIVER_FROZEN_OBJECT_H

#include <cstdint>
#include <string>
#include <vector>

namespace taipan::driver {

struct FrozenModuleImage {
  std::string name;  // dotted module name; "__main__" for the program
  std::vector<uint8_t> mpy;
  bool is_package = false;
  std::string native_symbol;  // the module's NativeModuleCode table; empty: all bytecode
};

// Writes an object defining, as runtime/vm.h's FrozenModule expects,
//   extern "C" const taipan::rt::FrozenModule taipan_frozen_modules[];
//   extern "C" const size_t taipan_frozen_module_count;
// for the host (x86-64 Linux). On failure returns false with *error set.
bool WriteFrozenObject(const std::vector<FrozenModuleImage>& modules, const std::string& path, std::string* error);

}  // namespace taipan::driver

#endif  // TAIPAN_DRIVER_FROZEN_OBJECT_H
