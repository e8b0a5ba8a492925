// Callables other than builtin functions (object.h) and classes: cells and
// closures, bound methods, staticmethod, classmethod, property.
#ifndef TAIPAN_RUNTIME_FUNCTION_H
#define TAIPAN_RUNTIME_FUNCTION_H

#include <stddef.h>

#include "runtime/object.h"

namespace taipan::rt {

// A variable shared between a function and the functions nested in it.
struct CellObject {
  Object base;  // &kCellType
  Value contents;  // kNull while unbound
};

// A function together with the cells of its free variables: calling it
// calls `function` with the cells first, then the arguments.
struct ClosureObject {
  Object base;  // &kClosureType
  Value function;
  size_t n_cells;
  Value cells[];
};

struct BoundMethodObject {
  Object base;  // &kBoundMethodType
  Value function;
  Value self;
};

struct PropertyObject {
  Object base;  // &kPropertyType
  Value getter;  // kNone when absent
  Value setter;
  Value deleter;
  Value doc;
};

// A function that becomes a bound method when loaded from an instance's
// class: builtin functions, closures, and types with kTypeIsFunction
// (bytecode and native functions).
inline bool IsFunctionObject(Value v) {
  if (!IsObject(v)) return false;
  const Type* type = TypeOf(v);
  return type == &kBuiltinFunctionType || type == &kClosureType || (type->flags & kTypeIsFunction);
}

Value NewCell(Value contents);
Value NewClosure(Value function, size_t n_cells, const Value* cells);
Value NewBoundMethod(Value function, Value self);
Value NewStaticMethod(Value function);
Value NewClassMethod(Value function);
// Calls a BuiltinFunction (checks the argument count).
Value CallBuiltin(const BuiltinFunction* fn, size_t n_args, size_t n_kw, const Value* args);
// The function's name (for messages and repr); kNoQstr if unknown.
Qstr FunctionName(Value fn);

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_FUNCTION_H
