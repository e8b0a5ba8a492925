// Modules and the import registry: module objects, builtin modules made
// from their constant tables, dotted and relative imports, sys.modules.
#include "runtime/module.h"

#include "runtime/dict.h"
#include "runtime/gc.h"
#include "runtime/list.h"
#include "runtime/native_abi.h"
#include "runtime/runtime.h"
#include "runtime/state.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace taipan::rt {

#define BUILTIN_MODULE(name, globals, init) extern const ConstMap globals;
#include "runtime/builtin_modules.def"

namespace {

const BuiltinModuleDef kBuiltinModules[] = {
#define BUILTIN_MODULE(name, globals, init) {Q_##name, &globals, init},
#include "runtime/builtin_modules.def"
};

// Not a GC value: a function pointer set by the embedder.
ModuleLoader g_loader = nullptr;

// The builtin modules made so far, by name (a dict; a GC root registered by
// RuntimeModulesInit). Each builtin module is one object for the whole run,
// as in MicroPython: importing it again after sys.modules forgot it
// (sys.modules.clear()) gives the same object, with whatever the program
// stored in it.
Value g_builtin_instances = kNull;

Qstr InternOrRaise(const char* data, size_t length) {
  Qstr q = QstrIntern(data, length);
  if (q == kNoQstr) RaiseMemoryError();
  return q;
}

Value ModuleFromTable(const BuiltinModuleDef& def) {
  Value module = NewModule(def.name);
  Value globals = ModuleGlobals(module);
  for (size_t i = 0; i < def.globals->count; ++i)
    DictStore(globals, FromQstr(def.globals->entries[i].name), def.globals->entries[i].value.get());
  if (def.init) def.init(module);
  return module;
}

Value BuiltinModuleInstance(const BuiltinModuleDef& def) {
  Value module = DictLookup(g_builtin_instances, FromQstr(def.name));
  if (module != kNull) return module;
  module = ModuleFromTable(def);
  DictStore(g_builtin_instances, FromQstr(def.name), module);
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

[[noreturn]] void RaiseNoModule(Qstr name) {
  size_t length;
  const char* parts[] = {"no module named '", QstrData(name, &length), "'"};
  RaiseJoined(&kImportErrorType, parts, 3);
}

// One level of a dotted import: the module called `full_name` (already
// imported, builtin, or found by the loader).
Value ImportOne(Qstr full_name) {
  Value existing = DictLookup(g_state.modules, FromQstr(full_name));
  if (existing != kNull) return existing;
  for (const BuiltinModuleDef& def : kBuiltinModules) {
    if (def.name != full_name) continue;
    Value module = BuiltinModuleInstance(def);
    DictStore(g_state.modules, FromQstr(full_name), module);
    return module;
  }
  if (g_loader) {
    Value module = g_loader(full_name);
    if (module != kNull) {
      DictStore(g_state.modules, FromQstr(full_name), module);
      return module;
    }
  }
  RaiseNoModule(full_name);
}

bool IsEmptyFromlist(Value fromlist) { return fromlist == kNull || fromlist == kNone || !IsTrue(fromlist); }

// The absolute name of a relative import: `level` leading dots before
// `name`, relative to the module whose globals are given. The package is
// __package__ when set, else __name__ itself for a package (it has
// __path__) or __name__ without its last component for a plain module;
// each further dot goes up one package.
Qstr ResolveRelative(const char* name, size_t name_length, int level, Value globals) {
  if (globals == kNull || !HasExactType(globals, &kDictType))
    RaiseMessage(&kImportErrorType, "can't perform relative import");
  Value package = DictLookup(globals, FromQstr(Q___package__));
  size_t strip = static_cast<size_t>(level) - 1;
  if (package == kNull || package == kNone || !IsStr(package) || !IsTrue(package)) {
    package = DictLookup(globals, FromQstr(Q___name__));
    if (package == kNull || !IsStr(package)) RaiseMessage(&kImportErrorType, "can't perform relative import");
    if (DictLookup(globals, FromQstr(Q___path__)) == kNull) ++strip;  // a module: its package is its parent
  }
  size_t length;
  const char* base = StrBytes(package, &length);
  for (; strip > 0; --strip) {
    while (length > 0 && base[length - 1] != '.') --length;
    if (length == 0) break;
    --length;  // the dot
  }
  if (length == 0) RaiseMessage(&kImportErrorType, "can't perform relative import");
  StringBuilder full;
  full.Append(base, length);
  if (name_length > 0) {
    full.Append('.');
    full.Append(name, name_length);
  }
  return InternOrRaise(full.data, full.length);
}

}  // namespace

void RuntimeModulesInit() {
  g_state.modules = NewDict(8);
  g_builtin_instances = NewDict(8);
  if (!gc_add_root(reinterpret_cast<void**>(&g_builtin_instances), 1)) RaiseMemoryError();
  Value path[2] = {FromQstr(kEmptyQstr), NewStrFromCString(".frozen")};
  g_state.sys_path = NewList(2, path);
  g_state.sys_argv = NewList(0, nullptr);
  g_state.sys_stdin = ConsoleStream(0);
  g_state.sys_stdout = ConsoleStream(1);
  g_state.sys_stderr = ConsoleStream(2);
  g_state.schedule_queue = NewList(0, nullptr);
  // Raised from an interrupt handler, where allocating is not allowed.
  g_state.keyboard_interrupt = NewException(&kKeyboardInterruptType, 0, nullptr);
  VfsInit();
  for (const BuiltinModuleDef& def : kBuiltinModules) {
    if (def.name != Q_builtins) continue;
    Value builtins = BuiltinModuleInstance(def);
    DictStore(g_state.modules, FromQstr(Q_builtins), builtins);
    g_state.builtins = ModuleGlobals(builtins);
    native_abi::taipan_native_builtins_map = reinterpret_cast<Word>(DictMap(g_state.builtins));
  }
  g_state.main_module = NewModule(Q___main__);
  DictStore(g_state.modules, FromQstr(Q___main__), g_state.main_module);
  g_state.globals = ModuleGlobals(g_state.main_module);
}

Value NewModule(Qstr name) {
  auto* module = NewObject<ModuleObject>(&kModuleType);
  module->globals = NewDict(4);
  DictStore(module->globals, FromQstr(Q___name__), FromQstr(name));
  return FromPointer(module);
}

void SetModuleLoader(ModuleLoader loader) { g_loader = loader; }

Value LoadedBuiltinModule(Qstr name) {
  return g_builtin_instances == kNull ? kNull : DictLookup(g_builtin_instances, FromQstr(name));
}

Value ImportName(Qstr name, Value fromlist, int level) { return ImportNameIn(name, fromlist, level, kNull); }

Value ImportNameIn(Qstr name, Value fromlist, int level, Value globals) {
  size_t length;
  const char* data = QstrData(name, &length);
  if (level > 0) {
    name = ResolveRelative(data, length, level, globals == kNull ? g_state.globals : globals);
    data = QstrData(name, &length);
  } else if (length == 0) {
    RaiseValueError("Empty module name");
  }
  // Import each prefix in turn: a, a.b, a.b.c; each submodule becomes an
  // attribute of its parent. (Qstr data never moves, so `data` stays valid.)
  Value top = kNull, outer = kNull;
  size_t start = 0;
  for (size_t i = 1; i <= length; ++i) {
    if (i < length && data[i] != '.') continue;
    Value module = ImportOne(InternOrRaise(data, i));
    if (outer != kNull && HasExactType(outer, &kModuleType))
      DictStore(ModuleGlobals(outer), FromQstr(InternOrRaise(data + start, i - start)), module);
    if (top == kNull) top = module;
    outer = module;
    start = i + 1;
  }
  return IsEmptyFromlist(fromlist) ? top : outer;
}

Value ImportFrom(Value module, Qstr name) {
  Value found = LoadAttrOrNull(module, name);
  if (found != kNull) return found;
  // A package's submodule that was not imported yet.
  if (HasExactType(module, &kModuleType)) {
    Value globals = ModuleGlobals(module);
    Value package = DictLookup(globals, FromQstr(Q___name__));
    if (DictLookup(globals, FromQstr(Q___path__)) != kNull && package != kNull && IsStr(package)) {
      size_t package_length, name_length;
      const char* package_data = StrBytes(package, &package_length);
      const char* name_data = QstrData(name, &name_length);
      StringBuilder full;
      full.Append(package_data, package_length);
      full.Append('.');
      full.Append(name_data, name_length);
      Qstr full_name = InternOrRaise(full.data, full.length);
      return ImportNameIn(full_name, kTrue, 0, kNull);
    }
  }
  size_t length;
  const char* parts[] = {"cannot import name ", QstrData(name, &length)};
  RaiseJoined(&kImportErrorType, parts, 2);
}

void ImportAll(Value module, Value dest_globals) {
  // sys.modules may hold any object: its __dict__ then stands for globals.
  bool is_module = IsObject(module) && TypeOf(module) == &kModuleType;
  Value globals = is_module ? ModuleGlobals(module) : LoadAttr(module, Q___dict__);
  Value all = is_module ? DictLookup(globals, FromQstr(Q___all__)) : LoadAttrOrNull(module, Q___all__);
  if (all != kNull) {
    Value it = GetIter(all);
    for (Value name = IterNext(it); name != kStopIteration; name = IterNext(it))
      DictStore(dest_globals, name, LoadAttr(module, StrToQstr(name)));
    return;
  }
  size_t position = 0;
  while (MapEntry* entry = MapNext(DictMap(globals), &position)) {
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
