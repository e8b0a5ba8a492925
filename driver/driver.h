// Shared declarations of the `taipan` driver.
#ifndef TAIPAN_DRIVER_DRIVER_H
#define TAIPAN_DRIVER_DRIVER_H

#include <memory>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

namespace taipan::driver {

enum class Command {
#define COMMAND(Name, spelling, summary, available) Name,
#include "driver/command.def"
};

// Exit statuses.
constexpr int kExitOk = 0;
constexpr int kExitError = 1;           // bad input, bad options, compile errors
constexpr int kExitNotAvailable = 2;    // the backend for this does not exist yet

// Options common to the compiling commands, after validation.
struct Options {
  Command command;
  std::vector<std::string> inputs;
  std::string output;           // -o; empty: stdout or a default
  std::string opt_level = "2";  // -O0..-O3, -Os
  std::string march;            // -march=, empty: the host
  std::vector<std::string> path;  // -I DIR, module search path
  bool verbose = false;
  std::string emit;             // compile --emit=
  bool syntax_only = false;     // compile -fsyntax-only
  std::vector<std::string> program_args;  // run: arguments after the script
  bool vm = false;              // build/run --vm: bytecode + VM instead of native code
  bool remarks = false;         // --remarks: native or bytecode, per function
  bool debug_info = false;      // -g
  std::string argv0;            // how taipan was invoked (to find its runtime libraries)
};

// Parses argv; prints help or an error itself. Returns nothing when the
// process should exit with *status.
std::optional<Options> ParseCommandLine(int argc, char** argv, int* status);

int RunCompile(const Options& options);
int RunMpy(const Options& options);
int RunBuild(const Options& options);
int RunRun(const Options& options);
void PrintVersion();

// A whole input file, read (or mapped) once.
class InputFile {
 public:
  virtual ~InputFile() = default;
  virtual std::string_view bytes() const = 0;
};

// Reads a whole file; on failure prints "taipan: error: cannot read ..." and
// returns nothing.
std::unique_ptr<InputFile> ReadInputFile(const std::string& path);
bool StderrHasColors();
// The runtime library for an architecture, next to the `taipan` binary
// (build/runtime/<arch>/libtaipan-rt.a); empty if it does not exist.
std::string RuntimeLibraryPath(const char* argv0, const std::string& march);
bool WriteOutput(const std::string& path, const std::string& text);
// dir/name with the host's separator.
std::string JoinPath(std::string_view dir, std::string_view name);

}  // namespace taipan::driver

#endif  // TAIPAN_DRIVER_DRIVER_H
