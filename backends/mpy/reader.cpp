// .mpy reader (stub).
#include "backends/mpy/mpy.h"

namespace taipan::mpy {

bool ReadMpy(const std::vector<uint8_t>& bytes, bytecode::Module* module, std::string* error) {
  *error = "not implemented";
  return false;
}

}  // namespace taipan::mpy
