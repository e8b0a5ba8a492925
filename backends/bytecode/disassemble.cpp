// The bytecode disassembler (stub).
#include "backends/bytecode/bytecode.h"

namespace taipan::bytecode {

std::string Disassemble(const Module& module) { return std::string(); }

}  // namespace taipan::bytecode
