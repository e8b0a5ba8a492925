// Phase entry: bytecode modules <-> .mpy version 6.3 files.
//
// The writer produces what stock MicroPython (1.23 and later) imports; the
// reader accepts what mpy-cross writes (bytecode only: a native raw code is
// an error here). The runtime has its own loader (runtime/vm.h); this one is
// for the host tools: disassembling .mpy files and round-trip tests.
#ifndef TAIPAN_BACKENDS_MPY_MPY_H
#define TAIPAN_BACKENDS_MPY_MPY_H

#include <cstdint>
#include <string>
#include <vector>

#include "backends/bytecode/bytecode.h"

namespace taipan::mpy {

std::vector<uint8_t> WriteMpy(const bytecode::Module& module);

// Parses an .mpy; on failure returns false with a message in *error.
// Static qstrs (MicroPython's fixed table) are expanded to their text.
bool ReadMpy(const std::vector<uint8_t>& bytes, bytecode::Module* module, std::string* error);

}  // namespace taipan::mpy

#endif  // TAIPAN_BACKENDS_MPY_MPY_H
