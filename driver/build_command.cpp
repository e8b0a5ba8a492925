// `taipan mpy`, `taipan build` and `taipan run`. `build` and `run` freeze
// the program's .mpy images into a host executable that links the runtime
// and the VM (runtime/x64/libtaipan-main.a + libtaipan-rt.a next to the
// taipan binary) and, unless --vm, one native object per module whose
// functions replace their bytecode at load time (native.h).
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "backends/mpy/mpy.h"
#include "driver/driver.h"
#include "driver/frozen_object.h"
#include "driver/native.h"
#include "driver/program.h"
#include "driver/run_cache.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/SHA256.h"

#ifndef TAIPAN_LLVM_TOOLS_DIR
#define TAIPAN_LLVM_TOOLS_DIR "/usr/lib/llvm-22/bin"
#endif

namespace taipan::driver {

namespace {

bool Error(std::string_view command, const std::string& message) {
  std::cerr << "taipan " << command << ": error: " << message << "\n";
  return false;
}

// --- taipan mpy --------------------------------------------------------------

std::string DefaultMpyPath(const std::string& input) {
  llvm::SmallString<256> path(input);
  llvm::sys::path::replace_extension(path, ".mpy");
  return std::string(path.str());
}

bool WriteBytes(const std::string& path, const std::vector<uint8_t>& bytes) {
  return WriteOutput(path, std::string(bytes.begin(), bytes.end()));
}

// --- the host libraries ------------------------------------------------------

struct HostLibraries {
  std::string main;     // libtaipan-main.a: main() and the frozen loader
  std::string runtime;  // libtaipan-rt.a
  std::string compiler;  // libtaipan-compiler.a: eval/exec/compile (frontend + bytecode + mpy)
};

bool FindHostLibraries(const std::string& argv0, std::string_view command, HostLibraries* libraries) {
  static int anchor;  // any address in this executable
  std::string executable = llvm::sys::fs::getMainExecutable(argv0.c_str(), &anchor);
  std::string dir = JoinPath(JoinPath(llvm::sys::path::parent_path(executable), "runtime"), "x64");
  libraries->main = JoinPath(dir, "libtaipan-main.a");
  libraries->runtime = JoinPath(dir, "libtaipan-rt.a");
  libraries->compiler = JoinPath(dir, "libtaipan-compiler.a");
  for (const std::string& path : {libraries->main, libraries->runtime, libraries->compiler}) {
    if (!llvm::sys::fs::exists(path)) {
      return Error(command, "the host runtime library '" + path +
                                "' is missing (build the taipan_runtime, taipan_host_main and taipan_host_compiler targets)");
    }
  }
  return true;
}

std::string FindLinker() {
  std::string clang = JoinPath(TAIPAN_LLVM_TOOLS_DIR, "clang");
  if (llvm::sys::fs::can_execute(clang)) return clang;
  for (const char* name : {"clang-22", "clang"}) {
    if (auto found = llvm::sys::findProgramByName(name)) return *found;
  }
  return {};
}

// Links the frozen table with the host runtime through clang's driver (it
// knows the host's crt files and libc) using lld.
bool Link(const std::vector<std::string>& objects, const HostLibraries& libraries, const std::string& output,
          bool verbose, std::string_view command) {
  std::string clang = FindLinker();
  if (clang.empty()) return Error(command, "cannot find clang (" TAIPAN_LLVM_TOOLS_DIR "/clang) to link with");
  std::vector<llvm::StringRef> args = {clang, "-fuse-ld=lld", "-no-pie", "-o", output};
  for (const std::string& object : objects) args.push_back(object);
  for (llvm::StringRef library : {llvm::StringRef(libraries.main), llvm::StringRef(libraries.compiler),
                                  llvm::StringRef(libraries.runtime), llvm::StringRef("-lstdc++"),
                                  llvm::StringRef("-lm")}) {
    args.push_back(library);
  }
  if (verbose) {
    std::cerr << "taipan: linking:";
    for (llvm::StringRef arg : args) std::cerr << " " << arg.str();
    std::cerr << "\n";
  }
  std::string message;
  int status = llvm::sys::ExecuteAndWait(clang, args, std::nullopt, {}, 0, 0, &message);
  if (status != 0) {
    return Error(command, "linking '" + output + "' failed" + (message.empty() ? "" : ": " + message));
  }
  return true;
}

std::vector<FrozenModuleImage> FrozenImages(const std::vector<ProgramModule>& modules) {
  std::vector<FrozenModuleImage> images;
  for (const ProgramModule& module : modules) images.push_back({module.name, module.mpy, module.is_package, {}});
  return images;
}

// Native code: one object per module with native functions, written next
// to `output`; their table symbols go into the frozen images.
bool EmitNativeObjects(const Options& options, std::vector<ProgramModule>& modules, const std::string& output,
                       std::vector<FrozenModuleImage>* images, std::vector<std::string>* objects,
                       std::string_view command) {
  ir::Program program = BuildProgramIr(modules, options);
  if (options.remarks) PrintRemarks(program);
  *images = FrozenImages(modules);
  llvmbe::CodegenOptions codegen = CodegenOptionsFrom(options);
  for (uint32_t i = 0; i < program.modules.size(); ++i) {
    std::string object = output + ".native" + std::to_string(i) + ".o";
    std::string error;
    if (!EmitNativeObject(program, i, codegen, object, &(*images)[i].native_symbol, &error)) {
      return Error(command, modules[i].path + ": " + error);
    }
    if (!(*images)[i].native_symbol.empty()) objects->push_back(object);
  }
  return true;
}

// Writes the frozen table (and the native objects) next to `output` and
// links the executable there.
bool BuildExecutable(const Options& options, std::vector<ProgramModule>& modules, const std::string& output,
                     std::string_view command) {
  HostLibraries libraries;
  if (!FindHostLibraries(options.argv0, command, &libraries)) return false;
  std::vector<FrozenModuleImage> images;
  std::vector<std::string> objects = {output + ".frozen.o"};
  bool ok = true;
  if (options.vm) {
    images = FrozenImages(modules);
  } else {
    ok = EmitNativeObjects(options, modules, output, &images, &objects, command);
  }
  std::string error;
  if (ok && !WriteFrozenObject(images, objects[0], &error)) ok = Error(command, error);
  if (ok) ok = Link(objects, libraries, output, options.verbose, command);
  for (const std::string& object : objects) llvm::sys::fs::remove(object);
  return ok;
}

bool CheckHostOnly(const Options& options, std::string_view command) {
  if (!options.march.empty() && options.march != "x64") {
    std::cerr << "taipan " << command << ": building for '-march=" << options.march
              << "' is not available yet: board support has not been built\n";
    return false;
  }
  if (options.inputs.size() != 1) return Error(command, "expected one script (the program's main module)");
  return true;
}

// --- the run cache -----------------------------------------------------------

void HashField(llvm::SHA256& hash, llvm::StringRef text) {
  std::string size = std::to_string(text.size()) + ":";
  hash.update(size);
  hash.update(text);
}

// Binaries are identified by path, size and modification time: hashing
// their contents on every run would cost more than it saves.
void HashFileStamp(llvm::SHA256& hash, const std::string& path) {
  llvm::sys::fs::file_status status;
  HashField(hash, path);
  if (!llvm::sys::fs::status(path, status)) {
    HashField(hash, std::to_string(status.getSize()) + "@" +
                        std::to_string(status.getLastModificationTime().time_since_epoch().count()));
  }
}

std::string CacheKey(const Options& options, const std::vector<ProgramModule>& modules,
                     const HostLibraries& libraries) {
  llvm::SHA256 hash;
  HashField(hash, "taipan-run-2");
  HashField(hash, options.vm ? "vm" : "native");
  HashField(hash, options.opt_level);
  HashField(hash, options.debug_info ? "g" : "");
  static int anchor;
  HashFileStamp(hash, llvm::sys::fs::getMainExecutable(options.argv0.c_str(), &anchor));
  HashFileStamp(hash, libraries.main);
  HashFileStamp(hash, libraries.runtime);
  HashFileStamp(hash, libraries.compiler);
  for (const ProgramModule& module : modules) {
    HashField(hash, module.name);
    HashField(hash, module.path);
    HashField(hash, module.is_package ? "package" : "module");
    HashField(hash, module.source);
  }
  auto digest = hash.final();
  return llvm::toHex(llvm::ArrayRef<uint8_t>(digest.data(), digest.size()), /*LowerCase=*/true).substr(0, kRunCacheKeyLength);
}

}  // namespace

int RunMpy(const Options& options) {
  // -march names the native code's architecture: without --emit=bytecode
  // it asks for native code.
  if (options.emit == "native" || (options.emit.empty() && !options.march.empty())) {
    std::cerr << "taipan mpy: native code (--emit=native, -march) is not available yet: the native backend has "
                 "not been built (use --emit=bytecode)\n";
    return kExitNotAvailable;
  }
  if (!options.output.empty() && options.inputs.size() > 1) {
    Error("mpy", "-o needs a single input file");
    return kExitError;
  }
  int status = kExitOk;
  for (const std::string& input : options.inputs) {
    std::unique_ptr<InputFile> file = ReadInputFile(input);
    if (!file) {
      status = kExitError;
      continue;
    }
    bytecode::Module module;
    if (!CompileToBytecode(input, file->bytes(), &module).ok()) {
      status = kExitError;
      continue;
    }
    std::string output = options.output.empty() ? DefaultMpyPath(input) : options.output;
    if (options.verbose) std::cerr << "taipan: writing " << output << "\n";
    if (!WriteBytes(output, mpy::WriteMpy(module))) status = kExitError;
  }
  return status;
}

int RunBuild(const Options& options) {
  if (!CheckHostOnly(options, "build")) return options.inputs.size() == 1 ? kExitNotAvailable : kExitError;
  const std::string& script = options.inputs[0];
  std::vector<ProgramModule> modules;
  if (!CollectProgram(script, options.path, options.verbose, &modules)) return kExitError;
  std::string output = options.output;
  if (output.empty()) output = std::string(llvm::sys::path::stem(script));
  return BuildExecutable(options, modules, output, "build") ? kExitOk : kExitError;
}

int RunRun(const Options& options) {
  if (!CheckHostOnly(options, "run")) return options.inputs.size() == 1 ? kExitNotAvailable : kExitError;
  const std::string& script = options.inputs[0];
  std::vector<ProgramModule> modules;
  if (!CollectProgram(script, options.path, options.verbose, &modules)) return kExitError;
  HostLibraries libraries;
  if (!FindHostLibraries(options.argv0, "run", &libraries)) return kExitError;
  std::string root = RunCacheRoot();
  if (root.empty()) {
    Error("run", "no cache directory: set TAIPAN_CACHE_DIR or HOME");
    return kExitError;
  }
  std::string dir = JoinPath(root, CacheKey(options, modules, libraries));
  std::string executable = JoinPath(dir, std::string(llvm::sys::path::stem(script)));
  if (llvm::sys::fs::can_execute(executable)) {
    if (options.verbose) std::cerr << "taipan: using cached " << executable << "\n";
    MarkRunCacheEntryUsed(dir);
    if (options.remarks && !options.vm) PrintRemarks(BuildProgramIr(modules, options));
  } else {
    if (std::error_code ec = llvm::sys::fs::create_directories(dir)) {
      Error("run", "cannot create the cache directory '" + dir + "': " + ec.message());
      return kExitError;
    }
    // Built under a unique name and renamed: a concurrent run never sees a
    // half-written executable.
    std::string temporary = executable + ".tmp" + std::to_string(::getpid());
    if (!BuildExecutable(options, modules, temporary, "run")) return kExitError;
    if (std::error_code ec = llvm::sys::fs::rename(temporary, executable)) {
      Error("run", "cannot rename '" + temporary + "': " + ec.message());
      return kExitError;
    }
    EvictRunCache(root, dir, RunCacheLimit(), options.verbose);
  }
  // sys.argv is [script, args...] as in CPython: argv[0] is the script.
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(script.c_str()));
  for (const std::string& arg : options.program_args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  std::cout.flush();
  ::execv(executable.c_str(), argv.data());
  Error("run", "cannot execute '" + executable + "'");
  return kExitError;
}

}  // namespace taipan::driver
