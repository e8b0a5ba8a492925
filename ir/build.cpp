// Stub: replaced by the IR builder.
#include "ir/ir.h"

namespace taipan::ir {

Module BuildModule(const Ast&, const ScopeTable&, const SourceBuffer& source, std::string_view name,
                   bytecode::Module*, const bytecode::CompileInfo&, TypeTable&) {
  Module module;
  module.name = std::string(name);
  module.source = &source;
  return module;
}

}  // namespace taipan::ir
