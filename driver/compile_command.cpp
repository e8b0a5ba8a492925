// `taipan compile`: runs the frontend over each input and prints what was
// asked for (-fsyntax-only: only the diagnostics).
#include <iostream>

#include "backends/mpy/mpy.h"
#include "driver/driver.h"
#include "driver/native.h"
#include "driver/program.h"
#include "frontend/frontend.h"

namespace taipan::driver {

namespace {

bool EmitsBytecode(const std::string& emit) { return emit == "bytecode" || emit == "mpy-roundtrip"; }

bool EmitsNative(const std::string& emit) { return emit == "ir" || emit == "llvm" || emit == "asm" || emit == "obj"; }

bool IsMpyFile(const std::string& path) {
  return path.size() > 4 && path.compare(path.size() - 4, 4, ".mpy") == 0;
}

// --emit=bytecode (a listing) and the hidden --emit=mpy-roundtrip, which
// checks that ReadMpy(WriteMpy(m)) == m and that writing it again gives the
// same bytes, printing "mpy round trip: ok" or what differs.
bool EmitBytecode(const Options& options, const std::string& input, std::string_view bytes, std::string* output) {
  bytecode::Module module;
  if (IsMpyFile(input)) {
    std::string error;
    if (!mpy::ReadMpy(std::vector<uint8_t>(bytes.begin(), bytes.end()), &module, &error)) {
      std::cerr << "taipan compile: error: " << input << ": " << error << "\n";
      return false;
    }
  } else {
    if (!CompileToBytecode(input, bytes, &module).ok()) return false;
  }
  if (options.emit == "bytecode") {
    *output += bytecode::Disassemble(module);
    return true;
  }
  std::vector<uint8_t> written = mpy::WriteMpy(module);
  bytecode::Module reread;
  std::string error;
  if (!mpy::ReadMpy(written, &reread, &error)) {
    *output += input + ": mpy round trip: cannot read back: " + error + "\n";
  } else if (!(reread == module)) {
    *output += input + ": mpy round trip: the module read back differs\n";
  } else if (mpy::WriteMpy(reread) != written) {
    *output += input + ": mpy round trip: writing again gives different bytes\n";
  } else {
    *output += input + ": mpy round trip: ok (" + std::to_string(written.size()) + " bytes)\n";
    return true;
  }
  return false;
}

// --emit=ir|llvm|asm|obj: the file as a program's main module on its own
// (its imports are not compiled; calls into them stay dynamic).
bool EmitNative(const Options& options, const std::string& input, std::string_view bytes, std::string* output) {
  std::vector<ProgramModule> modules(1);
  ProgramModule& module = modules[0];
  module.name = "__main__";
  module.path = input;
  module.front = std::make_unique<FrontendResult>(CompileToBytecode(input, bytes, &module.code, &module.info));
  if (!module.front->ok()) return false;
  ir::Program program = BuildProgramIr(modules, options);
  if (options.remarks) PrintRemarks(program);
  if (options.emit == "ir") {
    *output += ir::Print(program.modules[0], program.types);
    return true;
  }
  llvmbe::CodegenOptions codegen = CodegenOptionsFrom(options);
  if (!llvmbe::IsSupportedTarget(codegen.march)) {
    std::cerr << "taipan compile: error: the native backend does not support '-march=" << codegen.march << "'\n";
    return false;
  }
  llvmbe::EmitKind kind = options.emit == "llvm" ? llvmbe::EmitKind::LlvmIr
                          : options.emit == "asm" ? llvmbe::EmitKind::Assembly
                                                  : llvmbe::EmitKind::Object;
  std::string text, error;
  if (!llvmbe::EmitModule(program, 0, codegen, kind, &text, &error)) {
    std::cerr << "taipan compile: error: " << input << ": " << error << "\n";
    return false;
  }
  *output += text;
  return true;
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
  if (options.emit.empty() && !options.syntax_only) {
    std::cerr << "taipan compile: say what to produce: -fsyntax-only or "
                 "--emit=tokens|ast|scopes|bytecode|ir|llvm|asm|obj\n";
    return kExitError;
  }
  if (options.emit == "obj" && options.output.empty()) {
    std::cerr << "taipan compile: error: --emit=obj needs -o FILE\n";
    return kExitError;
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
    if (EmitsBytecode(options.emit)) {
      if (!EmitBytecode(options, input, file->bytes(), &output)) status = kExitError;
      continue;
    }
    if (EmitsNative(options.emit)) {
      if (!EmitNative(options, input, file->bytes(), &output)) status = kExitError;
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
