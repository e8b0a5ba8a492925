// Builtin functions, closures and cells, bound methods, staticmethod,
// classmethod, property.
#include "runtime/function.h"

#include "runtime/class.h"

#include "runtime/runtime.h"
#include "runtime/str.h"
#include "runtime/vm.h"

namespace taipan::rt {

// --- Builtin functions ------------------------------------------------------------

Value CallBuiltin(const BuiltinFunction* fn, size_t n_args, size_t n_kw, const Value* args) {
  // The counts are checked inline; CheckArgCount is only called to raise.
  auto check = [&](size_t min, size_t max) {
    if (n_kw != 0 || n_args < min || n_args > max) CheckArgCount(n_args, n_kw, min, max, fn->name);
  };
  switch (fn->kind) {
    case BuiltinKind::kFixed0:
      check(0, 0);
      return fn->fixed0();
    case BuiltinKind::kFixed1:
      check(1, 1);
      return fn->fixed1(args[0]);
    case BuiltinKind::kFixed2:
      check(2, 2);
      return fn->fixed2(args[0], args[1]);
    case BuiltinKind::kFixed3:
      check(3, 3);
      return fn->fixed3(args[0], args[1], args[2]);
    case BuiltinKind::kVarArgs:
      check(fn->min_args, fn->max_args);
      return fn->var_args(n_args, args);
    case BuiltinKind::kKeywords:
      if (n_args < fn->min_args || n_args > fn->max_args) CheckArgCount(n_args, 0, fn->min_args, fn->max_args, fn->name);
      // The keyword pairs follow the positional arguments in the same array
      // (class.cpp's native __init__ relies on that).
      return fn->keywords(n_args, args, n_kw, args + n_args);
  }
  __builtin_unreachable();
}

namespace {

// `prefix` values followed by a call's arguments (positional and keyword
// pairs), in one array: on the stack when small, else on the heap.
struct PrependedArgs {
  Value local[8];
  Value* all;
  PrependedArgs(size_t n_prefix, const Value* prefix, size_t n_args, size_t n_kw, const Value* args) {
    size_t total = n_prefix + n_args + 2 * n_kw;
    all = total <= 8 ? local : static_cast<Value*>(Allocate(total * sizeof(Value)));
    for (size_t i = 0; i < n_prefix; ++i) all[i] = prefix[i];
    for (size_t i = 0; i < n_args + 2 * n_kw; ++i) all[n_prefix + i] = args[i];
  }
};

Value BuiltinFunctionCall(Value self, size_t n_args, size_t n_kw, const Value* args) {
  return CallBuiltin(ObjectPointer<BuiltinFunction>(self), n_args, n_kw, args);
}

void BuiltinFunctionPrint(const Printer& out, Value self, PrintKind) {
  PrintCString(out, "<function ");
  PrintQstr(out, ObjectPointer<BuiltinFunction>(self)->name);
  PrintCString(out, ">");
}

Value BuiltinFunctionAttr(Value self, Qstr name, AttrOp op, Value) {
  if (op == AttrOp::kLoad && name == Q___name__) return FromQstr(ObjectPointer<BuiltinFunction>(self)->name);
  return kNull;
}

}  // namespace

Qstr FunctionName(Value fn) {
  if (!IsObject(fn)) return kNoQstr;
  const Type* type = TypeOf(fn);
  if (type == &kBuiltinFunctionType) return ObjectPointer<BuiltinFunction>(fn)->name;
  if (type == &kClosureType) return FunctionName(ObjectPointer<ClosureObject>(fn)->function);
  if (type == &kBoundMethodType) return FunctionName(ObjectPointer<BoundMethodObject>(fn)->function);
  if (type == &kStaticMethodType || type == &kClassMethodType)
    return FunctionName(ObjectPointer<MethodWrapper>(fn)->function);
  if (type->flags & kTypeIsFunction) {
    Value name = LoadAttrOrNull(fn, Q___name__);
    if (name != kNull && IsStr(name)) return StrToQstr(name);
  }
  return kNoQstr;
}

// --- Cells and closures -------------------------------------------------------------

Value NewCell(Value contents) {
  auto* cell = NewObject<CellObject>(&kCellType);
  cell->contents = contents;
  return FromPointer(cell);
}

Value CellGet(Value cell) {
  Value contents = ObjectPointer<CellObject>(cell)->contents;
  if (contents == kNull) RaiseMessage(&kNameErrorType, "local variable referenced before assignment");
  return contents;
}

void CellSet(Value cell, Value value) { ObjectPointer<CellObject>(cell)->contents = value; }

Value NewClosure(Value function, size_t n_cells, const Value* cells) {
  auto* closure = NewObject<ClosureObject>(&kClosureType, n_cells * sizeof(Value));
  closure->function = function;
  closure->n_cells = n_cells;
  for (size_t i = 0; i < n_cells; ++i) closure->cells[i] = cells[i];
  return FromPointer(closure);
}

namespace {

Value ClosureCall(Value self, size_t n_args, size_t n_kw, const Value* args) {
  auto* closure = ObjectPointer<ClosureObject>(self);
  PrependedArgs all(closure->n_cells, closure->cells, n_args, n_kw, args);
  return Call(closure->function, closure->n_cells + n_args, n_kw, all.all);
}

// A closure prints as the function it wraps.
void ClosurePrint(const Printer& out, Value self, PrintKind kind) {
  PrintValue(out, ObjectPointer<ClosureObject>(self)->function, kind);
}

Value ClosureAttr(Value self, Qstr name, AttrOp op, Value) {
  if (op != AttrOp::kLoad) return kNull;
  return LoadAttrOrNull(ObjectPointer<ClosureObject>(self)->function, name);
}

// --- Bound methods --------------------------------------------------------------------

Value BoundMethodCall(Value self, size_t n_args, size_t n_kw, const Value* args) {
  auto* method = ObjectPointer<BoundMethodObject>(self);
  return CallWithSelf(method->function, method->self, n_args, n_kw, args);
}

// MicroPython's non-detailed form: the type name only.
void BoundMethodPrint(const Printer& out, Value, PrintKind) { PrintCString(out, "<bound_method>"); }

Value BoundMethodUnaryOp(UnaryOp op, Value self) {
  if (op != UnaryOp::kHash) return kNull;
  auto* method = ObjectPointer<BoundMethodObject>(self);
  // Consistent with ==: self by identity, the function by its hash.
  Word mixed = (Bits(method->self) >> 2) ^ static_cast<Word>(Hash(method->function));
  return FromSmallInt(static_cast<SignedWord>(mixed >> 1));
}

Value BoundMethodBinaryOp(BinaryOp op, Value lhs, Value rhs) {
  if (op != BinaryOp::kEqual || !HasExactType(rhs, &kBoundMethodType)) return kNull;
  auto* a = ObjectPointer<BoundMethodObject>(lhs);
  auto* b = ObjectPointer<BoundMethodObject>(rhs);
  return FromBool(a->self == b->self && Equal(a->function, b->function));
}

Value BoundMethodAttr(Value self, Qstr name, AttrOp op, Value) {
  if (op != AttrOp::kLoad) return kNull;
  auto* method = ObjectPointer<BoundMethodObject>(self);
  if (name == Q___self__) return method->self;
  if (name == Q___func__) return method->function;
  return LoadAttrOrNull(method->function, name);  // __name__ and the like
}

// --- Methods of builtin types, unbound ----------------------------------------------

struct CheckedMethodObject {
  Object base;  // &kCheckedMethodType
  const Type* type;
  Value function;
};

Value CheckedMethodCall(Value self, size_t n_args, size_t n_kw, const Value* args) {
  auto* method = ObjectPointer<CheckedMethodObject>(self);
  if (n_args == 0 || !IsSubclass(TypeOf(args[0]), method->type)) {
    const char* parts[] = {"descriptor requires a '", TypeName(method->type), "' object but received a '",
                           n_args == 0 ? "nothing" : TypeNameOf(args[0]), "'"};
    RaiseJoined(&kTypeErrorType, parts, 5);
  }
  return Call(method->function, n_args, n_kw, args);
}

void CheckedMethodPrint(const Printer& out, Value self, PrintKind kind) {
  PrintValue(out, ObjectPointer<CheckedMethodObject>(self)->function, kind);
}

Value CheckedMethodAttr(Value self, Qstr name, AttrOp op, Value) {
  if (op != AttrOp::kLoad) return kNull;
  return LoadAttrOrNull(ObjectPointer<CheckedMethodObject>(self)->function, name);
}

// --- staticmethod, classmethod ------------------------------------------------------------

Value NewMethodWrapper(const Type* type, Value function) {
  auto* wrapper = NewObject<MethodWrapper>(type);
  wrapper->function = function;
  return FromPointer(wrapper);
}

Value MethodWrapperMakeNew(const Type* type, size_t n_args, size_t n_kw, const Value* args) {
  CheckArgCount(n_args, n_kw, 1, 1, type->name);
  return NewMethodWrapper(type, args[0]);
}

Value MethodWrapperAttr(Value self, Qstr name, AttrOp op, Value) {
  if (op == AttrOp::kLoad && name == Q___func__) return ObjectPointer<MethodWrapper>(self)->function;
  return kNull;
}

// A staticmethod is callable as its function (Python 3.10).
Value StaticMethodCall(Value self, size_t n_args, size_t n_kw, const Value* args) {
  return Call(ObjectPointer<MethodWrapper>(self)->function, n_args, n_kw, args);
}

// --- property ------------------------------------------------------------------------------

PropertyObject* AsProperty(Value v) { return ObjectPointer<PropertyObject>(v); }

constexpr ArgSpec kPropertyArgs[] = {
    {Q_fget, false, ConstValue(kNone)},
    {Q_fset, false, ConstValue(kNone)},
    {Q_fdel, false, ConstValue(kNone)},
    {Q_doc, false, ConstValue(kNone)},
};

Value PropertyMakeNew(const Type*, size_t n_args, size_t n_kw, const Value* args) {
  Value parsed[4];
  ParseArgs(n_args, args, n_kw, args + n_args, kPropertyArgs, 4, 4, parsed);
  return NewProperty(parsed[0], parsed[1], parsed[2], parsed[3]);
}

Value PropertyGetter(Value self, Value getter) {
  PropertyObject* p = AsProperty(self);
  return NewProperty(getter, p->setter, p->deleter, p->doc);
}

Value PropertySetter(Value self, Value setter) {
  PropertyObject* p = AsProperty(self);
  return NewProperty(p->getter, setter, p->deleter, p->doc);
}

Value PropertyDeleter(Value self, Value deleter) {
  PropertyObject* p = AsProperty(self);
  return NewProperty(p->getter, p->setter, deleter, p->doc);
}

constexpr BuiltinFunction kPropertyDeleterFn(Q_deleter, PropertyDeleter);
constexpr BuiltinFunction kPropertyGetterFn(Q_getter, PropertyGetter);
constexpr BuiltinFunction kPropertySetterFn(Q_setter, PropertySetter);
TAIPAN_CONST_MAP(kPropertyMethods, {Q_deleter, &kPropertyDeleterFn}, {Q_getter, &kPropertyGetterFn},
                 {Q_setter, &kPropertySetterFn});

Value PropertyAttr(Value self, Qstr name, AttrOp op, Value) {
  if (op != AttrOp::kLoad) return kNull;
  PropertyObject* p = AsProperty(self);
  if (name == Q_fget) return p->getter;
  if (name == Q_fset) return p->setter;
  if (name == Q_fdel) return p->deleter;
  if (name == Q___doc__) return p->doc;
  return kNull;
}

}  // namespace

namespace {

// Whether CallBuiltinWithSelf can make this call: a builtin function called
// the way it expects, as method calls such as d.get(k, 0) are. Any other
// call (keywords, a wrong count) takes the generic path, which reports the
// errors.
bool TakesSelfDirectly(const BuiltinFunction* fn, size_t n_args, size_t n_kw) {
  if (n_kw != 0) return false;
  switch (fn->kind) {
    case BuiltinKind::kFixed1: return n_args == 0;
    case BuiltinKind::kFixed2: return n_args == 1;
    case BuiltinKind::kFixed3: return n_args == 2;
    case BuiltinKind::kVarArgs: return n_args + 1 >= fn->min_args && n_args + 1 <= fn->max_args && n_args < 4;
    default: return false;
  }
}

// Calls fn(self, *args) without building the arguments array on the heap
// or copying them twice (TakesSelfDirectly said it can).
Value CallBuiltinWithSelf(const BuiltinFunction* fn, Value self, size_t n_args, const Value* args) {
  switch (fn->kind) {
    case BuiltinKind::kFixed1: return fn->fixed1(self);
    case BuiltinKind::kFixed2: return fn->fixed2(self, args[0]);
    case BuiltinKind::kFixed3: return fn->fixed3(self, args[0], args[1]);
    default: {
      Value all[4] = {self};
      for (size_t i = 0; i < n_args; ++i) all[i + 1] = args[i];
      return fn->var_args(n_args + 1, all);
    }
  }
}

}  // namespace

Value CallWithSelf(Value fn, Value self, size_t n_args, size_t n_kw, const Value* args) {
  Value result;
  if (n_kw == 0 && VmCallNativePlainly(fn, self, n_args, args, &result)) return result;
  if (IsObject(fn) && ObjectPointer<Object>(fn)->type == &kBuiltinFunctionType) {
    const auto* builtin = ObjectPointer<BuiltinFunction>(fn);
    if (TakesSelfDirectly(builtin, n_args, n_kw)) return CallBuiltinWithSelf(builtin, self, n_args, args);
  }
  PrependedArgs all(1, &self, n_args, n_kw, args);
  return Call(fn, n_args + 1, n_kw, all.all);
}

Value NewCheckedMethod(const Type* type, Value function) {
  auto* method = NewObject<CheckedMethodObject>(&kCheckedMethodType);
  method->type = type;
  method->function = function;
  return FromPointer(method);
}

Value NewBoundMethod(Value function, Value self) {
  auto* method = NewObject<BoundMethodObject>(&kBoundMethodType);
  method->function = function;
  method->self = self;
  return FromPointer(method);
}

Value NewStaticMethod(Value function) { return NewMethodWrapper(&kStaticMethodType, function); }
Value NewClassMethod(Value function) { return NewMethodWrapper(&kClassMethodType, function); }

Value NewProperty(Value getter, Value setter, Value deleter, Value doc) {
  NotePropertyMade();
  auto* p = NewObject<PropertyObject>(&kPropertyType);
  p->getter = getter;
  p->setter = setter;
  p->deleter = deleter;
  p->doc = doc;
  return FromPointer(p);
}

const Type kBuiltinFunctionType = {
    .base = {&kTypeType},
    .flags = kTypeEqualIsIdentity,
    .name = Q_function,
    .print = BuiltinFunctionPrint,
    .call = BuiltinFunctionCall,
    .attr = BuiltinFunctionAttr,
    .base_type = &kObjectType,
};
const Type kClosureType = {
    .base = {&kTypeType},
    .flags = kTypeEqualIsIdentity,
    .name = Q_closure,
    .print = ClosurePrint,
    .call = ClosureCall,
    .attr = ClosureAttr,
    .base_type = &kObjectType,
};
const Type kCellType = {.base = {&kTypeType}, .flags = kTypeEqualIsIdentity, .name = Q_cell, .base_type = &kObjectType};
const Type kBoundMethodType = {
    .base = {&kTypeType},
    .name = Q_bound_method,
    .print = BoundMethodPrint,
    .call = BoundMethodCall,
    .unary_op = BoundMethodUnaryOp,
    .binary_op = BoundMethodBinaryOp,
    .attr = BoundMethodAttr,
    .base_type = &kObjectType,
};
const Type kCheckedMethodType = {
    .base = {&kTypeType},
    .flags = kTypeIsFunction,
    .name = Q_function,
    .print = CheckedMethodPrint,
    .call = CheckedMethodCall,
    .attr = CheckedMethodAttr,
    .base_type = &kObjectType,
};
const Type kStaticMethodType = {
    .base = {&kTypeType},
    .flags = kTypeEqualIsIdentity,
    .name = Q_staticmethod,
    .make_new = MethodWrapperMakeNew,
    .call = StaticMethodCall,
    .attr = MethodWrapperAttr,
    .base_type = &kObjectType,
};
const Type kClassMethodType = {
    .base = {&kTypeType},
    .flags = kTypeEqualIsIdentity,
    .name = Q_classmethod,
    .make_new = MethodWrapperMakeNew,
    .attr = MethodWrapperAttr,
    .base_type = &kObjectType,
};
const Type kPropertyType = {
    .base = {&kTypeType},
    .flags = kTypeEqualIsIdentity,
    .name = Q_property,
    .make_new = PropertyMakeNew,
    .attr = PropertyAttr,
    .base_type = &kObjectType,
    .methods = &kPropertyMethods,
};

}  // namespace taipan::rt
