// `taipan`: the driver. Parses the command line and hands each command to
// the phases; it holds no compiler logic of its own.
#include "driver/driver.h"

int main(int argc, char** argv) {
  using namespace taipan::driver;
  int status = kExitOk;
  std::optional<Options> options = ParseCommandLine(argc, argv, &status);
  if (!options) return status;
  switch (options->command) {
    case Command::Compile: return RunCompile(*options);
    case Command::Mpy: return RunMpy(*options);
    case Command::Build: return RunBuild(*options);
    case Command::Run: return RunRun(*options);
    default: return kExitNotAvailable;  // ParseCommandLine reports these
  }
}
