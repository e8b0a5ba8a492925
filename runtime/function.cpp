// Builtin functions, closures and cells, bound methods, staticmethod,
// classmethod, property. (Initial core: calling builtin functions and bound
// methods; the functions-and-classes work fills in the rest.)
#include "runtime/function.h"

#include "runtime/runtime.h"

namespace taipan::rt {

Value CallBuiltin(const BuiltinFunction* fn, size_t n_args, size_t n_kw, const Value* args) {
  switch (fn->kind) {
    case BuiltinKind::kFixed0:
      CheckArgCount(n_args, n_kw, 0, 0, fn->name);
      return fn->fixed0();
    case BuiltinKind::kFixed1:
      CheckArgCount(n_args, n_kw, 1, 1, fn->name);
      return fn->fixed1(args[0]);
    case BuiltinKind::kFixed2:
      CheckArgCount(n_args, n_kw, 2, 2, fn->name);
      return fn->fixed2(args[0], args[1]);
    case BuiltinKind::kFixed3:
      CheckArgCount(n_args, n_kw, 3, 3, fn->name);
      return fn->fixed3(args[0], args[1], args[2]);
    case BuiltinKind::kVarArgs:
      CheckArgCount(n_args, n_kw, fn->min_args, fn->max_args, fn->name);
      return fn->var_args(n_args, args);
    case BuiltinKind::kKeywords:
      if (n_args < fn->min_args || n_args > fn->max_args) CheckArgCount(n_args, 0, fn->min_args, fn->max_args, fn->name);
      return fn->keywords(n_args, args, n_kw, args + n_args);
  }
  __builtin_unreachable();
}

Value NewBoundMethod(Value function, Value self) {
  auto* method = NewObject<BoundMethodObject>(&kBoundMethodType);
  method->function = function;
  method->self = self;
  return FromPointer(method);
}

namespace {

Value BuiltinFunctionCall(Value self, size_t n_args, size_t n_kw, const Value* args) {
  return CallBuiltin(ObjectPointer<BuiltinFunction>(self), n_args, n_kw, args);
}

Value BoundMethodCall(Value self, size_t n_args, size_t n_kw, const Value* args) {
  auto* method = ObjectPointer<BoundMethodObject>(self);
  size_t total = n_args + 2 * n_kw;
  Value local[8];
  Value* all = total + 1 <= 8 ? local : static_cast<Value*>(Allocate((total + 1) * sizeof(Value)));
  all[0] = method->self;
  for (size_t i = 0; i < total; ++i) all[i + 1] = args[i];
  return Call(method->function, n_args + 1, n_kw, all);
}

}  // namespace

const Type kBuiltinFunctionType = {
    .base = {&kTypeType},
    .flags = kTypeEqualIsIdentity,
    .name = Q_function,
    .call = BuiltinFunctionCall,
    .base_type = &kObjectType,
};
const Type kClosureType = {.base = {&kTypeType}, .name = Q_closure, .base_type = &kObjectType};
const Type kCellType = {.base = {&kTypeType}, .name = Q_cell, .base_type = &kObjectType};
const Type kBoundMethodType = {
    .base = {&kTypeType}, .name = Q_bound_method, .call = BoundMethodCall, .base_type = &kObjectType};
const Type kStaticMethodType = {.base = {&kTypeType}, .name = Q_staticmethod, .base_type = &kObjectType};
const Type kClassMethodType = {.base = {&kTypeType}, .name = Q_classmethod, .base_type = &kObjectType};
const Type kPropertyType = {.base = {&kTypeType}, .name = Q_property, .base_type = &kObjectType};

}  // namespace taipan::rt
