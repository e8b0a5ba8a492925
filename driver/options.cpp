// Command-line parsing with Boost.Program_Options, compiler style:
// `-O2`, `-march=armv7m`, `-I DIR`, `-fsyntax-only` (single-dash long
// options are accepted through Boost's "long disguise").
#include <array>
#include <iostream>
#include <string_view>

#include <boost/program_options.hpp>

#include "driver/driver.h"

namespace po = boost::program_options;

namespace taipan::driver {

namespace {

struct CommandInfo {
  Command command;
  std::string_view spelling;
  std::string_view summary;
  bool available;
};

constexpr CommandInfo kCommands[] = {
#define COMMAND(Name, spelling, summary, available) {Command::Name, spelling, summary, available},
#include "driver/command.def"
};

// The -march names of mpy-cross, which Taipan shares.
constexpr std::array<std::string_view, 9> kArchitectures = {
    "x86", "x64", "armv6m", "armv7m", "armv7em", "armv7emsp", "armv7emdp", "xtensa", "xtensawin"};
constexpr std::array<std::string_view, 9> kEmitKinds = {"tokens", "ast",  "scopes", "bytecode", "ir",
                                                        "llvm",   "asm",  "obj",
                                                        "mpy-roundtrip"};  // hidden: a test of the .mpy tools
constexpr std::array<std::string_view, 2> kMpyEmitKinds = {"bytecode", "native"};

void PrintUsage(std::ostream& out) {
  out << "usage: taipan <command> [options] [inputs]\n\ncommands:\n";
  for (const CommandInfo& info : kCommands) {
    out << "  " << info.spelling << std::string(10 - info.spelling.size(), ' ') << info.summary << "\n";
  }
  out << "\n'taipan <command> --help' shows a command's options; 'taipan --version' the version.\n";
}

po::options_description CommonOptions() {
  po::options_description options("options");
  options.add_options()
      ("help,h", "show this help")
      ("output,o", po::value<std::string>()->value_name("FILE"), "write the output to FILE")
      ("opt,O", po::value<std::string>()->value_name("LEVEL"), "optimisation level: 0, 1, 2, 3 or s (-O2); -O3 leaves native frames out of tracebacks")
      ("march", po::value<std::string>()->value_name("ARCH"),
       "target architecture: x86, x64, armv6m, armv7m, armv7em, armv7emsp, armv7emdp, xtensa, xtensawin")
      ("path,I", po::value<std::vector<std::string>>()->value_name("DIR")->composing(),
       "add DIR to the module search path (repeatable)")
      ("verbose,v", "print what the driver does");
  return options;
}

void AddCodegenOptions(po::options_description& options) {
  options.add_options()
      ("remarks", "say for every function whether it was compiled natively or to bytecode, and why")
      ("debug,g", "debug information: map native code to Python lines (for gdb)");
}

po::options_description CommandOptions(Command command) {
  if (command == Command::Boards) {
    po::options_description options("options");
    options.add_options()("help,h", "show this help");
    return options;
  }
  po::options_description options = CommonOptions();
  if (command == Command::Compile) {
    options.add_options()
        ("emit", po::value<std::string>()->value_name("KIND"),
         "print a phase's output: tokens, ast, scopes, bytecode (a listing; the input may also be an "
         ".mpy file), ir (the typed IR after inference), llvm (LLVM IR), asm, obj (-march selects the target)")
        ("fsyntax-only", "only lex, parse and resolve scopes; report the first error of each file");
    AddCodegenOptions(options);
  }
  if (command == Command::Mpy) {
    options.add_options()
        ("emit", po::value<std::string>()->value_name("KIND"),
         "what the .mpy holds: bytecode (the default for now), native (not available yet: it needs the "
         "native backend)");
  }
  if (command == Command::Build || command == Command::Run) {
    options.add_options()
        ("vm", "compile every function to bytecode for the VM (default: native code, bytecode only for "
               "what the native backend cannot compile)");
    AddCodegenOptions(options);
  }
  return options;
}

template <size_t N>
bool OneOf(const std::array<std::string_view, N>& names, const std::string& value) {
  for (std::string_view name : names) {
    if (name == value) return true;
  }
  return false;
}

bool Fail(std::string_view command, const std::string& message, int* status) {
  std::cerr << "taipan " << command << ": error: " << message << "\n";
  *status = kExitError;
  return false;
}

bool Validate(const CommandInfo& info, const po::variables_map& vm, Options& options, int* status) {
  if (vm.count("opt")) {
    options.opt_level = vm["opt"].as<std::string>();
    if (options.opt_level.size() != 1 || std::string_view("0123s").find(options.opt_level[0]) == std::string_view::npos) {
      return Fail(info.spelling, "invalid optimisation level '-O" + options.opt_level + "' (expected -O0, -O1, -O2, -O3 or -Os)", status);
    }
  }
  if (vm.count("march")) {
    options.march = vm["march"].as<std::string>();
    if (!OneOf(kArchitectures, options.march)) {
      return Fail(info.spelling, "unknown architecture '-march=" + options.march + "'", status);
    }
  }
  if (vm.count("emit")) {
    options.emit = vm["emit"].as<std::string>();
    bool known = info.command == Command::Mpy ? OneOf(kMpyEmitKinds, options.emit)
                                              : OneOf(kEmitKinds, options.emit);
    if (!known) {
      return Fail(info.spelling, "unknown --emit kind '" + options.emit + "'", status);
    }
  }
  if (vm.count("output")) options.output = vm["output"].as<std::string>();
  if (vm.count("path")) options.path = vm["path"].as<std::vector<std::string>>();
  options.verbose = vm.count("verbose") > 0;
  options.syntax_only = vm.count("fsyntax-only") > 0;
  options.vm = vm.count("vm") > 0;
  options.remarks = vm.count("remarks") > 0;
  options.debug_info = vm.count("debug") > 0;
  if (options.command != Command::Boards && options.inputs.empty()) {
    return Fail(info.spelling, "no input files", status);
  }
  return true;
}

// `taipan --print-runtime-lib -march=NAME`: the runtime library a program
// for NAME links against (x64 is the host).
std::optional<Options> PrintRuntimeLibrary(int argc, char** argv, int* status) {
  constexpr std::array<std::string_view, 6> kRuntimeArchitectures = {"x64",     "armv6m", "armv7m",
                                                                     "armv7emsp", "xtensa", "xtensawin"};
  std::string march = "x64";
  for (int i = 2; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg.rfind("-march=", 0) == 0 || arg.rfind("--march=", 0) == 0) {
      march = std::string(arg.substr(arg.find('=') + 1));
    } else {
      Fail("--print-runtime-lib", "unexpected argument '" + std::string(arg) + "'", status);
      return std::nullopt;
    }
  }
  if (!OneOf(kRuntimeArchitectures, march)) {
    Fail("--print-runtime-lib", "no runtime library for '-march=" + march + "' (expected x64, armv6m, armv7m, "
         "armv7emsp, xtensa or xtensawin)", status);
    return std::nullopt;
  }
  std::string path = RuntimeLibraryPath(argv[0], march);
  if (path.empty()) {
    Fail("--print-runtime-lib", "the runtime library for '" + march + "' has not been built", status);
    return std::nullopt;
  }
  std::cout << path << "\n";
  return std::nullopt;
}

// Options whose value may be the next argument (`-I lib`): when looking
// for `taipan run`'s script, that argument is not the script.
bool TakesSeparateValue(std::string_view arg) {
  for (std::string_view option : {"-I", "--path", "-path", "-o", "--output", "-output", "-O", "--opt", "--march",
                                  "-march", "--emit", "-emit"}) {
    if (arg == option) return true;
  }
  return false;
}

const CommandInfo* FindCommand(std::string_view name) {
  for (const CommandInfo& info : kCommands) {
    if (info.spelling == name) return &info;
  }
  return nullptr;
}

}  // namespace

std::optional<Options> ParseCommandLine(int argc, char** argv, int* status) {
  *status = kExitOk;
  std::string_view first = argc > 1 ? argv[1] : "";
  if (first.empty() || first == "--help" || first == "-h" || first == "help") {
    PrintUsage(first.empty() ? std::cerr : std::cout);
    *status = first.empty() ? kExitError : kExitOk;
    return std::nullopt;
  }
  if (first == "--version") {
    PrintVersion();
    return std::nullopt;
  }
  if (first == "--print-runtime-lib") return PrintRuntimeLibrary(argc, argv, status);
  const CommandInfo* info = FindCommand(first);
  if (!info) {
    std::cerr << "taipan: error: unknown command '" << first << "' (see 'taipan --help')\n";
    *status = kExitError;
    return std::nullopt;
  }
  Options options;
  options.command = info->command;
  options.argv0 = argv[0];
  po::options_description visible = CommandOptions(info->command);
  po::options_description all = visible;
  all.add_options()("input", po::value<std::vector<std::string>>()->value_name("FILE"), "input files");
  po::positional_options_description positional;
  positional.add("input", -1);
  int style = (po::command_line_style::default_style | po::command_line_style::allow_long_disguise) &
              ~po::command_line_style::allow_guessing;
  // `taipan run app.py a b`: everything after the script is the program's.
  // The parser sees argv[2 .. tool_argc] (argv[1], the command, stands in
  // for the program name it skips).
  int tool_argc = argc - 1;
  int script_index = 0;
  if (info->command == Command::Run) {
    for (int i = 2; i < argc; ++i) {
      if (TakesSeparateValue(argv[i])) {
        ++i;
        continue;
      }
      if (argv[i][0] != '-' || std::string_view(argv[i]) == "-") {
        tool_argc = i - 1;
        script_index = i;
        options.program_args.assign(argv + i + 1, argv + argc);
        break;
      }
    }
  }
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(tool_argc, argv + 1)
                  .options(all)
                  .positional(positional)
                  .style(style)
                  .run(),
              vm);
    po::notify(vm);
  } catch (const po::error& error) {
    Fail(info->spelling, error.what(), status);
    return std::nullopt;
  }
  if (vm.count("help")) {
    std::cout << "usage: taipan " << info->spelling << " [options] "
              << (info->command == Command::Boards ? "" : info->command == Command::Run ? "FILE [ARGS...]" : "FILE...")
              << "\n" << info->summary << "\n\n" << visible;
    if (info->command == Command::Run) {
      std::cout << "\nEverything after FILE is the program's (sys.argv is [FILE, ARGS...]); the exit status is the "
                   "program's.\nExecutables are cached in $TAIPAN_CACHE_DIR, else $XDG_CACHE_HOME/taipan, else "
                   "~/.cache/taipan;\nthe least recently run ones are removed when they pass $TAIPAN_CACHE_LIMIT (default 512M).\n";
    }
    return std::nullopt;
  }
  if (vm.count("input")) options.inputs = vm["input"].as<std::vector<std::string>>();
  if (script_index != 0) options.inputs.push_back(argv[script_index]);
  if (!Validate(*info, vm, options, status)) return std::nullopt;
  if (!info->available) {
    std::cerr << "taipan " << info->spelling << ": not available yet: the backend it needs (IR, LLVM codegen, "
                 "runtime and board support) has not been built\n";
    *status = kExitNotAvailable;
    return std::nullopt;
  }
  return options;
}

}  // namespace taipan::driver
