// The bytecode emitter (stub until the emitter lands).
#include "backends/bytecode/bytecode.h"

namespace taipan::bytecode {

Module Compile(const Ast& ast, const ScopeTable& scopes, const SourceBuffer& source, std::string_view source_name,
               Diagnostics& diags) {
  Module module;
  module.qstrs.push_back(std::string(source_name));
  return module;
}

}  // namespace taipan::bytecode
