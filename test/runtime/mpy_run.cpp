// taipan-mpy-run FILE.mpy [ARGS...]: runs a bytecode .mpy as __main__ in the
// runtime's VM, as `micropython FILE.mpy ARGS...` would: sys.argv is
// [FILE.mpy, ARGS...], sys.path[0] the file's directory, and the exit status
// and traceback on an uncaught exception are MicroPython's. Imports find
// .mpy files on sys.path. For lit tests and the MicroPython test suite.
//
// taipan-mpy-run --load-only FILE.mpy...: loads and verifies each file
// without running it; prints "FILE: error" for each refused one and exits
// with 1 if any was.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <string>

#include "runtime/exception.h"
#include "runtime/module.h"
#include "runtime/print.h"
#include "runtime/str.h"
#include "targets/host/host_start.h"

namespace {

bool ReadFile(const char* path, std::string* out) {
  FILE* f = fopen(path, "rb");
  if (f == nullptr) return false;
  char buffer[1 << 16];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, f)) > 0) out->append(buffer, n);
  bool ok = !ferror(f);
  fclose(f);
  return ok;
}

struct FileList {
  int count;
  char** paths;
};

// Loads one file; false (after printing why) if it is refused.
bool LoadOnly(const char* path) {
  using namespace taipan::rt;
  std::string mpy;
  if (!ReadFile(path, &mpy)) {
    fprintf(stderr, "%s: can't open file\n", path);
    return false;
  }
  NlrBuf buf;
  if (taipan_nlr_push(&buf) == 0) {
    RawCode* top;
    LoadMpy(reinterpret_cast<const uint8_t*>(mpy.data()), mpy.size(), false, NewModule(Q___main__), &top);
    taipan_nlr_pop();
    return true;
  }
  fprintf(stderr, "%s: %s: ", path, TypeNameOf(FromPointer(buf.value)));
  fflush(stderr);
  PrintValue(g_stderr_printer, FromPointer(buf.value), PrintKind::kStr);
  fputs("\n", stderr);
  return false;
}

int LoadAll(void* data) {
  auto* files = static_cast<FileList*>(data);
  int refused = 0;
  for (int i = 0; i < files->count; ++i) refused += LoadOnly(files->paths[i]) ? 0 : 1;
  printf("%d loaded, %d refused\n", files->count - refused, refused);
  return refused > 0 ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && strcmp(argv[1], "--load-only") == 0) {
    FileList files = {argc - 2, argv + 2};
    return taipan::host::RunHosted(argc, argv, nullptr, LoadAll, &files);
  }
  if (argc < 2) {
    fputs("usage: taipan-mpy-run FILE.mpy [ARGS...]\n", stderr);
    return 2;
  }
  static std::string mpy;  // outlives the program: loaded in place
  if (!ReadFile(argv[1], &mpy)) {
    fprintf(stderr, "taipan-mpy-run: can't open file '%s'\n", argv[1]);
    return 2;
  }
  const char* slash = strrchr(argv[1], '/');
  std::string dir = slash == nullptr ? std::string() : std::string(argv[1], slash - argv[1]);
  if (slash == argv[1]) dir = "/";
  taipan::rt::FrozenModule main_module = {"__main__", reinterpret_cast<const uint8_t*>(mpy.data()), mpy.size(), false, nullptr};
  return taipan::host::RunProgram(argc - 1, argv + 1, dir.c_str(), &main_module, 1);
}
