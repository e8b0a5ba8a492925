// .mpy writer (stub).
#include "backends/mpy/mpy.h"

namespace taipan::mpy {

std::vector<uint8_t> WriteMpy(const bytecode::Module& module) { return {}; }

}  // namespace taipan::mpy
