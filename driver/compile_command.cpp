// `taipan compile`: runs the frontend over each input and prints what was
// asked for (-fsyntax-only: only the diagnostics).
#include <iostream>

#include "driver/driver.h"
#include "frontend/frontend.h"

namespace taipan::driver {

namespace {

bool EmitNeedsLaterPhase(const std::string& emit) {
  return !emit.empty() && emit != "tokens" && emit != "ast" && emit != "scopes";
}

FrontendStage StageFor(const Options& options) {
  if (options.emit == "tokens") return FrontendStage::Tokens;
  if (options.emit == "ast") return FrontendStage::Ast;
  return FrontendStage::Scopes;
}

std::string Dump(const Options& options, const FrontendResult& result) {
  if (options.emit == "tokens") return DumpTokens(result.tokens, result.source);
  if (options.emit == "ast") return DumpAst(result.ast, result.source);
  if (options.emit == "scopes") return DumpScopes(result.scopes, result.ast, result.source);
  return {};
}

}  // namespace

int RunCompile(const Options& options) {
  if (EmitNeedsLaterPhase(options.emit)) {
    std::cerr << "taipan compile: --emit=" << options.emit
              << " is not available yet: the phase that produces it has not been built\n";
    return kExitNotAvailable;
  }
  if (options.emit.empty() && !options.syntax_only) {
    std::cerr << "taipan compile: compiling to object code is not available yet (the LLVM backend has not "
                 "been built); use -fsyntax-only or --emit=tokens|ast|scopes\n";
    return kExitNotAvailable;
  }
  bool color = StderrHasColors();
  int status = kExitOk;
  std::string output;
  // Each file is checked on its own: its first error stops that file only.
  for (const std::string& input : options.inputs) {
    if (options.verbose) std::cerr << "taipan: checking " << input << "\n";
    std::unique_ptr<InputFile> file = ReadInputFile(input);
    if (!file) {
      status = kExitError;
      continue;
    }
    FrontendResult result = RunFrontend(input, file->bytes(), StageFor(options));
    if (!result.ok()) {
      for (const Diagnostic& diag : result.diags.list()) std::cerr << RenderDiagnostic(result.source, diag, color);
      status = kExitError;
      continue;
    }
    output += Dump(options, result);
  }
  if (!options.emit.empty() && !WriteOutput(options.output, output)) return kExitError;
  return status;
}

}  // namespace taipan::driver
