// Modules and the import registry.
//
// A module is a ModuleObject with its globals in a dict. Builtin modules
// (sys, gc, time, micropython, ...) are listed once in builtin_modules.def,
// each with a constant table of its initial globals; importing one creates
// its module object from the table (and runs its init hook) the first time.
// Frozen modules (bytecode compiled into the program) are registered by
// the embedder. Imported modules are kept in sys.modules.
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
inline Value ModuleGlobals(Value module) { return ObjectPointer<ModuleObject>(module)->globals; }
// import name (dotted), as __import__(name, globals, None, fromlist, level)
// does: the top package, or the module itself when fromlist is non-empty.
Value ImportName(Qstr name, Value fromlist, int level);
// from module import name
Value ImportFrom(Value module, Qstr name);
// from module import *
void ImportAll(Value module, Value dest_globals);

// A finder for modules that are not builtin (frozen bytecode, files): given
// a full dotted name, returns a new module already executed, or kNull.
using ModuleLoader = Value (*)(Qstr full_name);
void SetModuleLoader(ModuleLoader loader);

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_MODULE_H
