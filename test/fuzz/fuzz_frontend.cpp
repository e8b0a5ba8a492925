// libFuzzer target over the whole portable front: decoding, lexing,
// parsing, scope resolution, the dumps and diagnostic rendering. Built with
// -fsanitize=fuzzer,address,undefined; test/fuzz/fuzz-frontend.test runs it
// for a bounded time from the seeds in test/fuzz/seeds.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "frontend/frontend.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  taipan::FrontendResult result = taipan::RunFrontend("fuzz.py", bytes);
  if (!result.ok()) {
    for (const taipan::Diagnostic& diag : result.diags.list()) {
      std::string text = taipan::RenderDiagnostic(result.source, diag, /*color=*/false);
      if (text.empty()) __builtin_trap();  // a diagnostic always has text
    }
    return 0;
  }
  std::string ast = taipan::DumpAst(result.ast, result.source);
  std::string scopes = taipan::DumpScopes(result.scopes, result.ast, result.source);
  if (ast.empty() || scopes.empty()) __builtin_trap();  // a valid module always dumps
  return 0;
}
