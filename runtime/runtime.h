// The runtime's entry header: the generic operations on values that the VM
// and natively compiled code perform (through the ABI header), and that
// builtin types use on each other. Each dispatches on the operand's type
// (object.h) and raises a Python exception (exception.h) when the operation
// is not supported.
#ifndef TAIPAN_RUNTIME_RUNTIME_H
#define TAIPAN_RUNTIME_RUNTIME_H

#include <stddef.h>

#include "runtime/exception.h"
#include "runtime/object.h"
#include "runtime/print.h"

namespace taipan::rt {

// --- Set-up -------------------------------------------------------------------

// Starts the runtime on a heap of [heap, heap + bytes): the GC, the module
// registry, sys. `stack_top` is the address above the outermost frame that
// holds Python values (the collector scans from its own frame up to it).
void RuntimeInit(void* heap, size_t bytes, void* stack_top);

// --- Truth, identity, hashing, equality -----------------------------------

bool IsTrue(Value v);
// hash(v) as a machine word; raises TypeError for unhashable values.
SignedWord Hash(Value v);
// v1 == v2 with Python semantics (may call __eq__).
bool Equal(Value v1, Value v2);
// isinstance / issubclass; `cls` may also be a tuple of types.
bool IsInstance(Value v, Value cls);
bool IsSubclass(const Type* type, const Type* base);
bool IsSubclassValue(Value type, Value cls);

// --- Operators --------------------------------------------------------------

Value ApplyUnaryOp(UnaryOp op, Value v);
Value ApplyBinaryOp(BinaryOp op, Value lhs, Value rhs);
// len(v) as a machine word; TypeError if v has no length.
size_t Length(Value v);
// len(v), or kNull if v has no length.
Value LengthOrNull(Value v);

// --- Calls --------------------------------------------------------------------
//
// The one calling convention: `args` holds n_args positional values, then
// n_kw (name, value) pairs where each name is a qstr value.

Value Call(Value fn, size_t n_args, size_t n_kw, const Value* args);
Value Call0(Value fn);
Value Call1(Value fn, Value a);
Value Call2(Value fn, Value a, Value b);
// Calls obj.name(args...) without making a bound method.
Value CallMethod(Value obj, Qstr name, size_t n_args, const Value* args);
// f(*args, **kwargs): positional from any iterable, keywords from a dict.
Value CallWithStarArgs(Value fn, Value args_iterable, Value kwargs_dict);
bool IsCallable(Value v);

// Checks an argument count for a function without keywords.
void CheckArgCount(size_t n_args, size_t n_kw, size_t min, size_t max, Qstr function);

// Keyword/positional argument parsing for builtins with keywords. `specs`
// name each parameter; the first `n_positional` may also be given by
// position. Missing optional ones get their default.
struct ArgSpec {
  Qstr name;
  bool required;
  ConstValue default_value;
};
void ParseArgs(size_t n_args, const Value* args, size_t n_kw, const Value* kw, const ArgSpec* specs,
               size_t n_specs, size_t n_positional, Value* out);

// --- Attributes -------------------------------------------------------------

// obj.name; raises AttributeError.
Value LoadAttr(Value obj, Qstr name);
// obj.name, or kNull if there is no such attribute.
Value LoadAttrOrNull(Value obj, Qstr name);
void StoreAttr(Value obj, Qstr name, Value value);
void DeleteAttr(Value obj, Qstr name);
// For obj.name(...): dest[0] = the function and dest[1] = obj when the
// attribute is a method (no bound method is made), else dest[0] = the
// attribute and dest[1] = kNull. Raises AttributeError.
void LoadMethod(Value obj, Qstr name, Value dest[2]);
// Same, but leaves dest[0] = kNull when there is no such attribute.
void LoadMethodOrNull(Value obj, Qstr name, Value dest[2]);
// obj.name() when obj has the attribute (a conversion hook such as
// __index__ or __float__), else kNull.
Value CallMethodIfAny(Value obj, Qstr name);

// The attribute `name` found on `type` or its bases (its MRO), before any
// binding; kNull if none.
Value LookupInType(const Type* type, Qstr name);
// Binds a class attribute found by LookupInType to `self` (an instance of
// `type`, or kNull when loaded from the class): functions become bound
// methods, staticmethod/classmethod unwrap, properties call their getter.
Value BindAttribute(Value attr, Value self, const Type* type);

// --- Subscripts ---------------------------------------------------------------

Value LoadSubscr(Value obj, Value index);
void StoreSubscr(Value obj, Value index, Value value);
void DeleteSubscr(Value obj, Value index);

// --- Iteration --------------------------------------------------------------

// iter(obj): the type's get_iter, or a sequence iterator over __getitem__.
Value GetIter(Value obj);
// next(it), returning kStopIteration (kNull) when exhausted (a class whose
// __next__ raises StopIteration ends the same way: its slot converts it).
Value IterNext(Value it);
// next(it), raising StopIteration when exhausted.
Value IterNextOrRaise(Value it);

// --- Conversions --------------------------------------------------------------

// str(v) and repr(v) as str values.
Value StrOf(Value v);
Value ReprOf(Value v);
// The integer value of an int or bool (TypeError otherwise; OverflowError
// when it does not fit a machine word).
SignedWord IntToWord(Value v);
// An index: an int, bool or an object with __index__.
SignedWord IndexValue(Value v);
// The data and byte length of a str (heap str or qstr); TypeError otherwise.
const char* StrBytes(Value v, size_t* length);
bool IsStr(Value v);
// The bytes of a str/bytes/bytearray/memoryview, or raises TypeError.
void GetBuffer(Value v, BufferInfo* info, bool for_write);
bool TryGetBuffer(Value v, BufferInfo* info, bool for_write);
// The type's name as printed in messages.
const char* TypeName(const Type* type);
const char* TypeNameOf(Value v);

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_RUNTIME_H
