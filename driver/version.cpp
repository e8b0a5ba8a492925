// `taipan --version`: the version, and the LLVM Taipan is linked against
// with the code generators Taipan's targets need.
#include <string_view>

#include "driver/driver.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"

namespace taipan::driver {

void PrintVersion() {
  llvm::InitializeAllTargetInfos();
  llvm::outs() << "taipan " << TAIPAN_VERSION << "\n";
  llvm::outs() << "LLVM " << LLVM_VERSION_STRING << ", code generators for Taipan's targets:";
  for (std::string_view wanted : {"x86-64", "thumb", "xtensa"}) {
    bool found = false;
    for (const llvm::Target& target : llvm::TargetRegistry::targets()) {
      if (wanted == target.getName()) found = true;
    }
    llvm::outs() << " " << wanted << (found ? "" : " (missing)");
  }
  llvm::outs() << "\n";
}

}  // namespace taipan::driver
