// Optimisation and code generation (emit.h).
#include "backends/llvm/emit.h"

#include <cstdlib>
#include <mutex>

#include <llvm/IR/LegacyPassManager.h>
#include <llvm/MC/TargetRegistry.h>
#include <llvm/Support/CommandLine.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Transforms/Scalar/SimpleLoopUnswitch.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/Program.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/TargetParser/Triple.h>

#ifndef TAIPAN_LLVM_TOOLS_DIR_DEFAULT
#define TAIPAN_LLVM_TOOLS_DIR_DEFAULT "/usr/lib/llvm-22/bin"
#endif

namespace taipan::llvmbe {

namespace {

void InitializeTargets() {
  static std::once_flag once;
  std::call_once(once, [] {
    llvm::InitializeAllTargetInfos();
    llvm::InitializeAllTargets();
    llvm::InitializeAllTargetMCs();
    llvm::InitializeAllAsmPrinters();
    // Intel's Skylake-derived cores run a loop slowly whose jumps cross
    // or end on a 32-byte boundary (the JCC erratum's microcode fix): the
    // x86 assembler pads so that none does, as clang's
    // -mbranches-within-32B-boundaries. (A backend option: it only changes
    // x86 objects; fib ran 38% slower or faster with the same code at two
    // function addresses.)
    const char* kAlignBranches = "x86-branches-within-32B-boundaries";
    auto& options = llvm::cl::getRegisteredOptions();
    if (auto found = options.find(kAlignBranches); found != options.end())
      found->second->addOccurrence(0, kAlignBranches, "true");
  });
}

llvm::CodeGenOptLevel CodegenLevel(const CodegenOptions& options) {
  switch (options.opt_level) {
    case 0:
      return options.optimize_size ? llvm::CodeGenOptLevel::Default : llvm::CodeGenOptLevel::None;
    case 1:
      return llvm::CodeGenOptLevel::Less;
    case 3:
      return llvm::CodeGenOptLevel::Aggressive;
    default:
      return llvm::CodeGenOptLevel::Default;
  }
}

llvm::OptimizationLevel PipelineLevel(const CodegenOptions& options) {
  if (options.optimize_size) return llvm::OptimizationLevel::Os;
  switch (options.opt_level) {
    case 0:
      return llvm::OptimizationLevel::O0;
    case 1:
      return llvm::OptimizationLevel::O1;
    case 3:
      return llvm::OptimizationLevel::O3;
    default:
      return llvm::OptimizationLevel::O2;
  }
}

bool Generate(llvm::Module& module, llvm::TargetMachine& machine, llvm::CodeGenFileType type, std::string* out,
              std::string* error) {
  llvm::SmallVector<char, 0> buffer;
  llvm::raw_svector_ostream stream(buffer);
  llvm::legacy::PassManager passes;
  if (machine.addPassesToEmitFile(passes, stream, nullptr, type)) {
    *error = "LLVM cannot emit this file type for " + machine.getTargetTriple().str();
    return false;
  }
  passes.run(module);
  out->assign(buffer.begin(), buffer.end());
  return true;
}

// llvm-mc rejects the Xtensa CFI register names LLVM prints with -g; the
// line tables do not need them.
std::string DropCfiDirectives(const std::string& assembly) {
  std::string kept;
  size_t start = 0;
  while (start < assembly.size()) {
    size_t end = assembly.find('\n', start);
    if (end == std::string::npos) end = assembly.size();
    std::string_view line(assembly.data() + start, end - start);
    size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line.substr(first, 5) != ".cfi_") {
      kept.append(line);
      kept.push_back('\n');
    }
    start = end + 1;
  }
  return kept;
}

std::string LlvmMcPath() {
  const char* configured = std::getenv("TAIPAN_LLVM_TOOLS_DIR");
  std::string directory = configured && *configured ? configured : TAIPAN_LLVM_TOOLS_DIR_DEFAULT;
  llvm::SmallString<256> path(directory);
  llvm::sys::path::append(path, "llvm-mc");
  if (llvm::sys::fs::can_execute(path)) return std::string(path);
  if (auto found = llvm::sys::findProgramByName("llvm-mc-22")) return *found;
  return std::string(path);
}

// Assembles `assembly` with llvm-mc into an object for `cpu`.
bool AssembleWithLlvmMc(const std::string& assembly, const TargetInfo& target, std::string* out, std::string* error) {
  llvm::SmallString<128> source, object;
  int fd = -1;
  if (llvm::sys::fs::createTemporaryFile("taipan-native", "s", fd, source)) {
    *error = "cannot create a temporary file for llvm-mc";
    return false;
  }
  {
    llvm::raw_fd_ostream stream(fd, /*shouldClose=*/true);
    stream << assembly;
  }
  llvm::sys::fs::createTemporaryFile("taipan-native", "o", object);
  std::string mc = LlvmMcPath();
  std::string triple_arg = "-triple=" + target.triple;
  std::string cpu_arg = "-mcpu=" + target.assembler_cpu;
  std::string source_path(source), object_path(object);
  llvm::StringRef args[] = {mc, triple_arg, cpu_arg, "-filetype=obj", source_path, "-o", object_path};
  std::string message;
  int status = llvm::sys::ExecuteAndWait(mc, args, std::nullopt, {}, 0, 0, &message);
  bool ok = status == 0;
  if (ok) {
    auto buffer = llvm::MemoryBuffer::getFile(object_path);
    ok = static_cast<bool>(buffer);
    if (ok) out->assign((*buffer)->getBufferStart(), (*buffer)->getBufferEnd());
  }
  if (!ok)
    *error = "llvm-mc (" + mc + ") failed on the generated Xtensa assembly" + (message.empty() ? "" : ": " + message);
  llvm::sys::fs::remove(source_path);
  llvm::sys::fs::remove(object_path);
  return ok;
}

}  // namespace

std::unique_ptr<llvm::TargetMachine> CreateTargetMachine(const TargetInfo& target, const CodegenOptions& options,
                                                         std::string* error) {
  InitializeTargets();
  llvm::Triple triple(llvm::Triple::normalize(target.triple));
  std::string lookup_error;
  const llvm::Target* llvm_target = llvm::TargetRegistry::lookupTarget(triple, lookup_error);
  if (!llvm_target) {
    *error = "LLVM has no target for '" + target.march + "': " + lookup_error;
    return nullptr;
  }
  llvm::TargetOptions target_options;
  target_options.FunctionSections = true;  // --gc-sections on the boards
  target_options.DataSections = true;
  if (target.hard_float_abi) target_options.FloatABIType = llvm::FloatABI::Hard;
  if (target.soft_float) target_options.FloatABIType = llvm::FloatABI::Soft;
  // Every output links at fixed addresses (host executables without PIE,
  // firmware images), so a constant address is an immediate operand.
  std::unique_ptr<llvm::TargetMachine> machine(llvm_target->createTargetMachine(
      triple, target.cpu, target.features, target_options, llvm::Reloc::Static, std::nullopt, CodegenLevel(options)));
  if (!machine) *error = "LLVM cannot create a target machine for '" + target.march + "'";
  return machine;
}

void Optimize(llvm::Module& module, llvm::TargetMachine& machine, const CodegenOptions& options) {
  llvm::LoopAnalysisManager loops;
  llvm::FunctionAnalysisManager functions;
  llvm::CGSCCAnalysisManager sccs;
  llvm::ModuleAnalysisManager modules;
  llvm::PassBuilder builder(&machine);
  builder.registerModuleAnalyses(modules);
  builder.registerCGSCCAnalyses(sccs);
  builder.registerFunctionAnalyses(functions);
  builder.registerLoopAnalyses(loops);
  builder.crossRegisterProxies(loops, functions, sccs, modules);
  llvm::OptimizationLevel level = PipelineLevel(options);
  // Non-trivial unswitching (LLVM's O3 only) at O2 too: generated loops
  // test loop-invariant facts the IR cannot state, such as how a list
  // stores its items (lower_sequence.cpp), on every iteration otherwise.
  if (level == llvm::OptimizationLevel::O2) {
    builder.registerLateLoopOptimizationsEPCallback([](llvm::LoopPassManager& loop_passes, llvm::OptimizationLevel) {
      loop_passes.addPass(llvm::SimpleLoopUnswitchPass(/*NonTrivial=*/true));
    });
  }
  llvm::ModulePassManager pipeline = level == llvm::OptimizationLevel::O0
                                         ? builder.buildO0DefaultPipeline(level)
                                         : builder.buildPerModuleDefaultPipeline(level);
  pipeline.run(module, modules);
}

bool Emit(llvm::Module& module, llvm::TargetMachine& machine, const TargetInfo& target, const CodegenOptions& options,
          EmitKind kind, std::string* out, std::string* error) {
  if (kind == EmitKind::LlvmIr) {
    llvm::raw_string_ostream stream(*out);
    module.print(stream, nullptr);
    return true;
  }
  bool via_assembly = kind == EmitKind::Assembly || target.object_through_assembler;
  if (!via_assembly) return Generate(module, machine, llvm::CodeGenFileType::ObjectFile, out, error);
  std::string assembly;
  if (!Generate(module, machine, llvm::CodeGenFileType::AssemblyFile, &assembly, error)) return false;
  if (target.object_through_assembler && options.debug_info) assembly = DropCfiDirectives(assembly);
  if (kind == EmitKind::Assembly) {
    *out = std::move(assembly);
    return true;
  }
  return AssembleWithLlvmMc(assembly, target, out, error);
}

}  // namespace taipan::llvmbe
