// Modules and the import registry.
//
// A module is a ModuleObject with its globals in a dict. Builtin modules
// (builtins, sys, gc, time, micropython, ...) are listed once in
// builtin_modules.def, each with a constant table of its initial globals;
// importing one creates its module object from the table (and runs its init
// hook) the first time; that object stays the module for the whole run
// (sys.modules.clear() does not make a new one). Other modules (frozen
// bytecode, files, vfs mounts) come from the loader the embedder registers
// with SetModuleLoader. Every imported module is kept in sys.modules
// (g_state.modules), keyed by its full dotted name.
//
// Packages: a module is a package when its globals hold __path__ (the
// loader sets it). `import a.b.c` imports a, a.b and a.b.c in turn and
// stores each submodule as an attribute of its parent.
#ifndef TAIPAN_RUNTIME_MODULE_H
#define TAIPAN_RUNTIME_MODULE_H

#include "runtime/object.h"

namespace taipan::rt {

struct ModuleObject {
  Object base;  // &kModuleType
  Value globals;  // a dict; holds __name__
};

struct BuiltinModuleDef {
  Qstr name;
  const ConstMap* globals;
  void (*init)(Value module);  // may be null
};

Value NewModule(Qstr name);
// The builtin module `name` if the program imported it (even if sys.modules
// has forgotten it since), else kNull.
Value LoadedBuiltinModule(Qstr name);
inline Value ModuleGlobals(Value module) { return ObjectPointer<ModuleObject>(module)->globals; }

// import name (dotted), as __import__(name, globals, None, fromlist, level)
// does: the top package when fromlist is empty (kNull, None or an empty
// sequence), else the named module itself. level > 0 is a relative import,
// resolved against __name__ (and __path__, __package__) of the running
// module's globals (g_state.globals). Raises ImportError "no module named
// 'x'".
Value ImportName(Qstr name, Value fromlist, int level);
// The same with the globals to resolve a relative import against given
// (kNull: g_state.globals).
Value ImportNameIn(Qstr name, Value fromlist, int level, Value globals);
// from module import name: the attribute, or the submodule module.name of
// a package; ImportError "cannot import name x".
Value ImportFrom(Value module, Qstr name);
// from module import *: its public names (or those in __all__).
void ImportAll(Value module, Value dest_globals);

// A finder for modules that are not builtin (frozen bytecode, files): given
// a full dotted name, returns a new module already executed, or kNull. For
// circular imports to work, the loader stores the module in sys.modules
// (DictStore(g_state.modules, name, module)) before running its body; if the
// body raises, it removes it again. ImportName stores what it returns there
// too.
using ModuleLoader = Value (*)(Qstr full_name);
void SetModuleLoader(ModuleLoader loader);

// errno's init hook (stdlib/moderrno.cpp): builds errno.errorcode.
void ErrnoModuleInit(Value module);
// random's init hook (stdlib/modrandom.cpp): seeds the generator from the
// platform the first time the module is imported.
void RandomModuleInit(Value module);

// --- sys (stdlib/modsys.cpp) --------------------------------------------------

// sys.argv from the program's arguments (strs, taken as UTF-8).
void SysSetArgv(int argc, char** argv);
// The sys module's init hook (fills argv, path, modules, streams, ...).
void SysModuleInit(Value module);
// sys.stdout / sys.stdin / sys.stderr as the program currently has them
// (the attribute of the sys module once imported, else the console stream).
Value SysStdout();
Value SysStdin();
Value SysStderr();
// The console streams created at start-up write through g_stdout_printer
// and g_stderr_printer: if `stream` is one of them, *out is its printer
// (print() then writes without making intermediate strings).
bool ConsolePrinter(Value stream, Printer* out);
// Points g_stdout_printer / g_stderr_printer at the port's console
// (taipan_port_write on fds 1 and 2): what an embedder normally wants.
void UsePortConsole();
// The console stream objects themselves (for RuntimeModulesInit).
Value ConsoleStream(int fd);

// --- vfs (stdlib/modvfs.cpp) ----------------------------------------------------

// Empties the mount table and registers it as a GC root (RuntimeInit: a
// fresh heap).
void VfsInit();
// The import of `full_name` (whose last component is `last`) from the
// directory `dir` (a sys.path entry or a package's __path__, a str) when
// `dir` lies under a vfs mount point: *module is the module, loaded and run
// through the mounted object, or kNull when the object has no such module,
// and the result is true. False when `dir` is under no mount point (the
// port's own files apply).
bool ImportFromMount(Qstr full_name, Value dir, const char* last, size_t last_length, Value* module);
// open(path, mode) of a path under a mount point: what the mounted object's
// open() gives; kNull when the path is under none.
Value VfsOpen(Value path, Value mode);

// --- micropython (stdlib/modmicropython.cpp) ----------------------------------

// Runs the functions micropython.schedule() queued, oldest first; the VM
// (between bytecodes) and native loops (at back edges) call it when
// native_abi's taipan_native_pending is set. Callbacks scheduled by a
// running callback wait until it returns (the scheduler is locked meanwhile,
// as in MicroPython). An exception from a callback is printed to stdout
// with its traceback, as MicroPython does, and the next callback runs.
void RunScheduled();

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_MODULE_H
