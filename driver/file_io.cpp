// File and terminal access for the driver, through LLVM's support library.
#include <cstdio>

#include "driver/driver.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

namespace taipan::driver {

namespace {

class MemoryBufferFile : public InputFile {
 public:
  explicit MemoryBufferFile(std::unique_ptr<llvm::MemoryBuffer> buffer) : buffer_(std::move(buffer)) {}
  std::string_view bytes() const override { return {buffer_->getBufferStart(), buffer_->getBufferSize()}; }

 private:
  std::unique_ptr<llvm::MemoryBuffer> buffer_;
};

}  // namespace

std::unique_ptr<InputFile> ReadInputFile(const std::string& path) {
  if (llvm::sys::fs::is_directory(path)) {
    llvm::errs() << "taipan: error: cannot read '" << path << "': is a directory\n";
    return nullptr;
  }
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false, /*RequiresNullTerminator=*/false);
  if (!buffer) {
    llvm::errs() << "taipan: error: cannot read '" << path << "': " << buffer.getError().message() << "\n";
    return nullptr;
  }
  return std::make_unique<MemoryBufferFile>(std::move(*buffer));
}

bool StderrHasColors() { return llvm::sys::Process::StandardErrHasColors(); }

std::string RuntimeLibraryPath(const char* argv0, const std::string& march) {
  static int anchor;  // any address in this executable
  std::string executable = llvm::sys::fs::getMainExecutable(argv0, &anchor);
  llvm::SmallString<256> path(llvm::sys::path::parent_path(executable));
  llvm::sys::path::append(path, "runtime", march, "libtaipan-rt.a");
  return llvm::sys::fs::exists(path) ? std::string(path.str()) : std::string();
}

bool WriteOutput(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    llvm::outs() << text;
    llvm::outs().flush();
    return true;
  }
  std::error_code error;
  llvm::raw_fd_ostream out(path, error);
  if (error) {
    llvm::errs() << "taipan: error: cannot write '" << path << "': " << error.message() << "\n";
    return false;
  }
  out << text;
  return true;
}

std::string JoinPath(std::string_view dir, std::string_view name) {
  llvm::SmallString<256> path(dir);
  llvm::sys::path::append(path, name);
  return std::string(path.str());
}

}  // namespace taipan::driver
