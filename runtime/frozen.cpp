// Frozen modules and .mpy imports: the module loader that finds a module by
// its dotted name in the executable's frozen table, then (on ports with
// files) as NAME/__init__.mpy or NAME.mpy in the directories of sys.path (a
// submodule: in its package's __path__) — a directory under a vfs mount
// point through the mounted object (stdlib/modvfs.cpp) — and the program's
// entry point, RunFrozenMain, which runs "__main__" and turns an uncaught
// exception into a traceback and an exit status as MicroPython's unix port
// does.
#include "runtime/dict.h"
#include "runtime/exception.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/port.h"
#include "runtime/print.h"
#include "runtime/qstr.h"
#include "runtime/runtime.h"
#include "runtime/state.h"
#include "runtime/str.h"
#include "runtime/vm.h"

// Ports without a file system: no file is ever found. The host port
// (port_host.cpp) defines the real ones, which take precedence.
extern "C" {
__attribute__((weak)) long taipan_port_file_size(const char*) { return -1; }
__attribute__((weak)) long taipan_port_read_file(const char*, uint8_t*, size_t) { return -1; }
}

namespace taipan::rt {

namespace {

const FrozenModule* g_frozen_modules = nullptr;
size_t g_frozen_count = 0;

bool SameName(const char* c_name, const char* data, size_t length) {
  size_t i = 0;
  for (; i < length; ++i)
    if (c_name[i] != data[i]) return false;  // also stops at c_name's NUL
  return c_name[i] == '\0';
}

const FrozenModule* FindFrozen(const char* name, size_t length) {
  for (size_t i = 0; i < g_frozen_count; ++i)
    if (SameName(g_frozen_modules[i].name, name, length)) return &g_frozen_modules[i];
  return nullptr;
}

// Loads the .mpy (and its native code, `native` non-null) into `module`
// (whose globals get __file__; `file` kNull: the source name the .mpy
// records) and runs its top-level code.
void ExecInModule(Value module, const uint8_t* data, size_t size, bool data_is_permanent, Value file,
                  const NativeModuleCode* native) {
  RawCode* top;
  ModuleContext* context = LoadMpy(data, size, data_is_permanent, module, &top, native);
  DictStore(ModuleGlobals(module), FromQstr(Q___file__), file != kNull ? file : FromQstr(context->qstr_table[0]));
  RunModuleCode(context, top);
}

// A new module `name`, in sys.modules while its body runs (for circular
// imports) and taken out again if the body raises. `path`: __path__ for a
// package, else kNull.
Value ExecNewModule(Qstr name, const uint8_t* data, size_t size, bool data_is_permanent, Value path, Value file,
                    const NativeModuleCode* native) {
  Value module = NewModule(name);
  if (path != kNull) DictStore(ModuleGlobals(module), FromQstr(Q___path__), path);
  DictStore(g_state.modules, FromQstr(name), module);
  NlrBuf buf;
  if (taipan_nlr_push(&buf) == 0) {
    ExecInModule(module, data, size, data_is_permanent, file, native);
    taipan_nlr_pop();
    return module;
  }
  DictRemove(g_state.modules, FromQstr(name));
  taipan_nlr_jump(buf.value);
}

// "<prefix>/<name with dots as slashes>"
Value PathOf(const char* prefix, size_t prefix_length, const char* name, size_t length) {
  StringBuilder path;
  path.Append(prefix, prefix_length);
  if (prefix_length > 0) path.Append('/');
  for (size_t i = 0; i < length; ++i) path.Append(name[i] == '.' ? '/' : name[i]);
  return path.ToStr();
}

// Reads the file `base` + `suffix` into a new GC buffer; false when there
// is no such file. *file_name: its path, for __file__.
bool ReadWholeFile(Value base, const char* suffix, Value* file_name, uint8_t** data, size_t* size) {
  StringBuilder path;
  size_t length;
  const char* text = StrBytes(base, &length);
  path.Append(text, length);
  path.AppendCString(suffix);
  path.Append('\0');
  long file_size = taipan_port_file_size(path.data);
  if (file_size < 0) return false;
  auto* buffer = static_cast<uint8_t*>(Allocate(file_size > 0 ? static_cast<size_t>(file_size) : 1, true));
  long n = taipan_port_read_file(path.data, buffer, static_cast<size_t>(file_size));
  if (n < 0) return false;
  *data = buffer;
  *size = static_cast<size_t>(n);
  *file_name = NewStr(path.data, path.length - 1);
  return true;
}

// NAME/__init__.mpy (a package) or NAME.mpy under `dir`, else kNull.
Value LoadFromDirectory(Qstr full_name, Value dir, const char* last, size_t last_length) {
  size_t dir_length;
  const char* dir_text = StrBytes(dir, &dir_length);
  // ".frozen" (and a frozen package's __path__) names the frozen table,
  // already searched.
  if (dir_length >= 7 && SameName(".frozen", dir_text, 7) && (dir_length == 7 || dir_text[7] == '/')) return kNull;
  // A directory under a vfs mount point belongs to the mounted object.
  Value mounted;
  if (ImportFromMount(full_name, dir, last, last_length, &mounted)) return mounted;
  Value base = PathOf(dir_text, dir_length, last, last_length);
  Value file;
  uint8_t* data;
  size_t size;
  if (ReadWholeFile(base, "/__init__.mpy", &file, &data, &size))
    return ExecNewModule(full_name, data, size, false, base, file, nullptr);
  if (ReadWholeFile(base, ".mpy", &file, &data, &size))
    return ExecNewModule(full_name, data, size, false, kNull, file, nullptr);
  return kNull;
}

Value LoadFromFiles(Qstr full_name, const char* name, size_t length) {
  size_t dot = length;
  while (dot > 0 && name[dot - 1] != '.') --dot;
  if (dot > 0) {
    // A submodule lives in its package's directory only.
    Value parent = DictLookup(g_state.modules, FromQstr(QstrIntern(name, dot - 1)));
    if (parent == kNull || !IsObject(parent) || TypeOf(parent) != &kModuleType) return kNull;
    Value path = DictLookup(ModuleGlobals(parent), FromQstr(Q___path__));
    if (path == kNull || !IsStr(path)) return kNull;
    return LoadFromDirectory(full_name, path, name + dot, length - dot);
  }
  Value sys_path = g_state.sys_path;
  for (size_t i = 0; IsObject(sys_path) && TypeOf(sys_path) == &kListType && i < AsList(sys_path)->length; ++i) {
    Value dir = AsList(sys_path)->items[i];
    if (!IsStr(dir)) continue;
    Value module = LoadFromDirectory(full_name, dir, name, length);
    if (module != kNull) return module;
  }
  return kNull;
}

Value FrozenOrFileLoader(Qstr full_name) {
  size_t length;
  const char* name = QstrData(full_name, &length);
  if (const FrozenModule* frozen = FindFrozen(name, length))
    return ExecMpyAsModule(full_name, frozen->mpy, frozen->size, true, frozen->is_package, frozen->native);
  return LoadFromFiles(full_name, name, length);
}

// The exit status for an uncaught exception, as MicroPython's unix port
// gives it when running a file: SystemExit's code (None: 0; an int: its
// low byte; anything else is printed to stderr, and 1); any other
// exception prints its traceback and gives 1 (130 for KeyboardInterrupt, as
// after SIGINT). The traceback goes to stderr, as CPython prints it (the
// unix MicroPython prints it on stdout; its test runner merges the two).
int ExitStatusOf(Value exc) {
  if (!ExceptionMatches(exc, FromType(&kSystemExitType))) {
    PrintException(g_stderr_printer, exc);
    return ExceptionMatches(exc, FromType(&kKeyboardInterruptType)) ? 130 : 1;
  }
  Value code = ExceptionValue(exc);
  if (code == kNone) return 0;
  if (code == kTrue || code == kFalse || !IsInt(code)) {  // bool is not an int here
    PrintValue(g_stderr_printer, code, PrintKind::kStr);
    PrintCString(g_stderr_printer, "\n");
    return 1;
  }
  return static_cast<int>(SmallIntValue(ApplyBinaryOp(BinaryOp::kAnd, code, FromSmallInt(255))));
}

// sys.atexit's function, once the program has ended with `status`; an
// exception it raises is reported and gives the status instead.
int RunAtexit(int status) {
  Value func = g_state.atexit;
  if (func == kNull) return status;
  g_state.atexit = kNull;
  NlrBuf buf;
  if (taipan_nlr_push(&buf) == 0) {
    Call0(func);
    taipan_nlr_pop();
    return status;
  }
  return ExitStatusOf(FromPointer(buf.value));
}

}  // namespace

Value ExecMpyAsModule(Qstr name, const uint8_t* data, size_t size, bool data_is_permanent, bool is_package,
                      const NativeModuleCode* native) {
  Value path = kNull;
  if (is_package) {
    size_t length;
    const char* text = QstrData(name, &length);
    path = PathOf(".frozen", 7, text, length);
  }
  return ExecNewModule(name, data, size, data_is_permanent, path, kNull, native);
}

void UseFrozenModules(const FrozenModule* modules, size_t count) {
  g_frozen_modules = modules;
  g_frozen_count = count;
  SetModuleLoader(FrozenOrFileLoader);
}

int RunFrozenMain() {
  const FrozenModule* main = FindFrozen("__main__", 8);
  if (main == nullptr) {
    PrintCString(g_stderr_printer, "no frozen __main__ module\n");
    return 1;
  }
  int status = 0;
  NlrBuf buf;
  if (taipan_nlr_push(&buf) == 0) {
    ExecInModule(g_state.main_module, main->mpy, main->size, true, kNull, main->native);
    RunScheduled();  // callbacks scheduled by the program's last statements
    taipan_nlr_pop();
  } else {
    status = ExitStatusOf(FromPointer(buf.value));
  }
  return RunAtexit(status);
}

}  // namespace taipan::rt
