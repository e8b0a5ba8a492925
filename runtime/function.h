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

// A function with its first argument fixed. Two bound methods are equal when
// they bind the same object (identity) to equal functions.
struct BoundMethodObject {
  Object base;  // &kBoundMethodType
  Value function;
  Value self;
};

// A data descriptor: loading the attribute from an instance calls getter,
// storing calls setter, deleting calls deleter. Immutable: .getter() and
// friends make a new property.
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

Value NewCell(Value contents);  // contents kNull: unbound
// The cell's contents; NameError when unbound.
Value CellGet(Value cell);
void CellSet(Value cell, Value value);  // value kNull: unbind (del)
Value NewClosure(Value function, size_t n_cells, const Value* cells);
Value NewBoundMethod(Value function, Value self);
// A builtin type's method loaded from the type itself (list.append): calling
// it checks that the first argument is an instance of the type, which the
// method's code takes for granted.
Value NewCheckedMethod(const Type* type, Value function);
Value NewStaticMethod(Value function);
Value NewClassMethod(Value function);
// property(getter, setter, deleter, doc); kNone for the absent ones.
Value NewProperty(Value getter, Value setter, Value deleter, Value doc);
// fn(self, *args, **kw) for a call's arguments (as Call takes them).
Value CallWithSelf(Value fn, Value self, size_t n_args, size_t n_kw, const Value* args);
// Calls a BuiltinFunction (checks the argument count).
Value CallBuiltin(const BuiltinFunction* fn, size_t n_args, size_t n_kw, const Value* args);
// The function's name (for messages and repr); kNoQstr if unknown.
Qstr FunctionName(Value fn);

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_FUNCTION_H
