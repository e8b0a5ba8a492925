// Modules and the import registry. (Initial core: module objects and
// builtin-module lookup; the modules work fills in packages and loaders.)
#include "runtime/module.h"

#include "runtime/dict.h"
#include "runtime/runtime.h"
#include "runtime/state.h"

namespace taipan::rt {

#define BUILTIN_MODULE(name, globals, init) extern const ConstMap globals;
#include "runtime/builtin_modules.def"

namespace {

const BuiltinModuleDef kBuiltinModules[] = {
#define BUILTIN_MODULE(name, globals, init) {Q_##name, &globals, init},
#include "runtime/builtin_modules.def"
};

ModuleLoader g_loader = nullptr;

Value ModuleFromTable(const BuiltinModuleDef& def) {
  Value module = NewModule(def.name);
  Value globals = ModuleGlobals(module);
  for (size_t i = 0; i < def.globals->count; ++i)
    DictStore(globals, FromQstr(def.globals->entries[i].name), def.globals->entries[i].value.get());
  if (def.init) def.init(module);
  return module;
}

Value ModuleAttr(Value self, Qstr name, AttrOp op, Value value) {
  Value globals = ModuleGlobals(self);
  switch (op) {
    case AttrOp::kLoad:
      if (name == Q___dict__) return globals;
      return DictLookup(globals, FromQstr(name));
    case AttrOp::kStore:
      DictStore(globals, FromQstr(name), value);
      return kNone;
    case AttrOp::kDelete:
      return DictRemove(globals, FromQstr(name)) == kNull ? kNull : kNone;
  }
  return kNull;
}

void ModulePrint(const Printer& out, Value self, PrintKind) {
  PrintCString(out, "<module '");
  PrintValue(out, DictLookup(ModuleGlobals(self), FromQstr(Q___name__)), PrintKind::kStr);
  PrintCString(out, "'>");
}

}  // namespace

void RuntimeModulesInit() {
  g_state.modules = NewDict(8);
  for (const BuiltinModuleDef& def : kBuiltinModules) {
    if (def.name == Q_builtins) g_state.builtins = ModuleGlobals(ModuleFromTable(def));
  }
}

Value NewModule(Qstr name) {
  auto* module = NewObject<ModuleObject>(&kModuleType);
  module->globals = NewDict(4);
  DictStore(module->globals, FromQstr(Q___name__), FromQstr(name));
  return FromPointer(module);
}

void SetModuleLoader(ModuleLoader loader) { g_loader = loader; }

Value ImportName(Qstr name, Value, int) {
  Value existing = DictLookup(g_state.modules, FromQstr(name));
  if (existing != kNull) return existing;
  for (const BuiltinModuleDef& def : kBuiltinModules) {
    if (def.name != name) continue;
    Value module = ModuleFromTable(def);
    DictStore(g_state.modules, FromQstr(name), module);
    return module;
  }
  if (g_loader) {
    Value module = g_loader(name);
    if (module != kNull) return module;
  }
  size_t length;
  const char* parts[] = {"no module named '", QstrData(name, &length), "'"};
  RaiseJoined(&kImportErrorType, parts, 3);
}

Value ImportFrom(Value module, Qstr name) { return LoadAttr(module, name); }

void ImportAll(Value module, Value dest_globals) {
  size_t position = 0;
  while (MapEntry* entry = MapNext(DictMap(ModuleGlobals(module)), &position)) {
    size_t length;
    const char* data = StrBytes(entry->key, &length);
    if (length > 0 && data[0] == '_') continue;
    DictStore(dest_globals, entry->key, entry->value);
  }
}

const Type kModuleType = {
    .base = {&kTypeType},
    .flags = kTypeEqualIsIdentity,
    .name = Q_module,
    .print = ModulePrint,
    .attr = ModuleAttr,
    .base_type = &kObjectType,
};

}  // namespace taipan::rt
