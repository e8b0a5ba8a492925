// Stub: replaced by type inference.
#include "ir/ir.h"

namespace taipan::ir {
void InferTypes(Program&) {}
}  // namespace taipan::ir
