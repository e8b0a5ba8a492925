// Objects and types.
//
// Every heap object starts with an Object header: one word pointing to its
// type. A type is a Type: a table of slots (function pointers) that the
// generic operations of runtime.h dispatch through, plus the type's
// attributes. Builtin types are `const` tables initialised at compile time,
// so they can live in flash; classes defined by programs are Type objects on
// the GC heap with the same layout (class.cpp).
//
// Slot conventions (every slot may be null: "not supported"):
//  - A slot that returns Value returns kNull to mean "this type does not
//    implement the operation for these operands"; the caller then tries
//    the reflected form or raises TypeError. It never returns kNull for a
//    result.
//  - `args` arrays follow the calling convention of Call: n_args positional
//    values, then n_kw (name, value) pairs where the name is a qstr value.
//  - Slots raise Python exceptions with the functions of exception.h
//    (non-local return); they never return an error code.
//
// Type attributes: a builtin type lists its methods and constants in a
// sorted constant table (`methods`, a ConstMap); a class keeps them in a
// dict (`dict`). Lookup walks the method resolution order: `mro` (a tuple of
// types, C3-linearised, the type itself first) when the type has one, else
// the chain of `base` pointers.
#ifndef TAIPAN_RUNTIME_OBJECT_H
#define TAIPAN_RUNTIME_OBJECT_H

#include <stddef.h>
#include <stdint.h>

#include "runtime/gc.h"
#include "runtime/qstr.h"
#include "runtime/value.h"

namespace taipan::rt {

struct Type;
struct Printer;

struct Object {
  const Type* type;
};

enum class UnaryOp : uint8_t {
#define UNARY_OP(Name, method) k##Name,
#include "runtime/operator.def"
};
enum class BinaryOp : uint8_t {
#define BINARY_OP(Name, method) k##Name,
#include "runtime/operator.def"
};
constexpr unsigned kUnaryOpCount = 0
#define UNARY_OP(Name, method) +1
#include "runtime/operator.def"
    ;
constexpr unsigned kBinaryOpCount = 0
#define BINARY_OP(Name, method) +1
#include "runtime/operator.def"
    ;

// The reflected operator of an arithmetic one (Add -> ReverseAdd), or the
// operator itself when it has none.
constexpr BinaryOp ReflectedOp(BinaryOp op) {
  if (op >= BinaryOp::kOr && op <= BinaryOp::kPower)
    return static_cast<BinaryOp>(static_cast<unsigned>(op) - static_cast<unsigned>(BinaryOp::kOr) +
                                 static_cast<unsigned>(BinaryOp::kReverseOr));
  return op;
}
// The plain operator of an in-place one (InplaceAdd -> Add), or op itself.
constexpr BinaryOp NonInplaceOp(BinaryOp op) {
  if (op >= BinaryOp::kInplaceOr && op <= BinaryOp::kInplacePower)
    return static_cast<BinaryOp>(static_cast<unsigned>(op) - static_cast<unsigned>(BinaryOp::kInplaceOr) +
                                 static_cast<unsigned>(BinaryOp::kOr));
  return op;
}

// How a value is printed: str() or repr().
enum class PrintKind : uint8_t { kStr, kRepr };

// What an attribute slot is asked to do.
enum class AttrOp : uint8_t { kLoad, kStore, kDelete };

// A view of an object's bytes (bytes, bytearray, memoryview, array).
struct BufferInfo {
  void* data;
  size_t length;      // in bytes
  char typecode;      // struct-module code of an item: 'B' for bytes
  bool writable;
};

// Slot signatures. See the conventions above.
using MakeNewFn = Value (*)(const Type* type, size_t n_args, size_t n_kw, const Value* args);
using PrintFn = void (*)(const Printer& out, Value self, PrintKind kind);
using CallFn = Value (*)(Value self, size_t n_args, size_t n_kw, const Value* args);
using UnaryOpFn = Value (*)(UnaryOp op, Value self);
using BinaryOpFn = Value (*)(BinaryOp op, Value lhs, Value rhs);
// kLoad: returns the attribute, or kNull if this slot does not have it (the
// caller then looks in the type). kStore/kDelete: returns kNone when done,
// kNull when the attribute cannot be stored/deleted here.
using AttrFn = Value (*)(Value self, Qstr name, AttrOp op, Value value);
// value == kSentinel: load self[index]; value == kNull: delete; else store.
// Returns the loaded value (kNone after a store or delete), kNull if the
// type does not support the operation.
using SubscrFn = Value (*)(Value self, Value index, Value value);
using GetIterFn = Value (*)(Value self);
// The next item, or kStopIteration (== kNull) when exhausted; the end is
// never signalled by raising StopIteration (class.cpp converts a __next__
// that raises it), so loops need no exception handler.
using IterNextFn = Value (*)(Value self);
// Fills `info` and returns true if the object exposes a buffer (with
// write access when `for_write`).
using GetBufferFn = bool (*)(Value self, BufferInfo* info, bool for_write);

// A value in a constant table. Tables in flash cannot hold a Value made from
// a pointer (converting an address to an integer is not a constant
// expression), so an entry keeps either an object pointer or an immediate
// value in the same word.
struct ConstValue {
  union {
    const void* object;
    Word bits;
  };
  // Any object: a type, a BuiltinFunction, ... (each starts with an Object).
  template <typename T>
  constexpr ConstValue(const T* o) : object(o) {}
  constexpr ConstValue(Value v) : bits(static_cast<Word>(v)) {}
  Value get() const {
    Word w;
    __builtin_memcpy(&w, this, sizeof w);
    return Value{w};
  }
};

struct ConstMapEntry {
  Qstr name;
  ConstValue value;
};

// A constant name -> value table, sorted by qstr id for binary search. The
// static qstr table is in ASCII order of the strings, so a table written in
// ASCII order of its names is sorted; define tables with TAIPAN_CONST_MAP,
// which checks that at compile time.
struct ConstMap {
  const ConstMapEntry* entries;
  size_t count;
};

// The value for `name`, or kNull.
Value ConstMapLookup(const ConstMap* map, Qstr name);

constexpr bool ConstEntriesSorted(const ConstMapEntry* entries, size_t count) {
  for (size_t i = 1; i < count; ++i)
    if (entries[i - 1].name >= entries[i].name) return false;
  return true;
}

#define TAIPAN_CONST_MAP(ident, ...)                                                         \
  extern const ::taipan::rt::ConstMap ident;                                                \
  constexpr ::taipan::rt::ConstMapEntry ident##_entries[] = {__VA_ARGS__};                  \
  static_assert(::taipan::rt::ConstEntriesSorted(ident##_entries,                           \
                                                 sizeof(ident##_entries) / sizeof(ident##_entries[0])), \
                "the entries of " #ident " must be in ASCII order of their names");          \
  constexpr ::taipan::rt::ConstMap ident = {ident##_entries, sizeof(ident##_entries) / sizeof(ident##_entries[0])}

// Type flags.
constexpr uint16_t kTypeIsClass = 1u << 0;          // defined by a program (heap Type)
constexpr uint16_t kTypeBaseAllowed = 1u << 1;      // may be subclassed
constexpr uint16_t kTypeEqualIsIdentity = 1u << 2;  // == is `is`: skip the binary_op slot
constexpr uint16_t kTypeIsIterator = 1u << 3;       // get_iter returns self
constexpr uint16_t kTypeIsException = 1u << 4;      // instances are ExceptionObjects
constexpr uint16_t kTypeIsFunction = 1u << 5;       // instances bind as methods
// This class's dict, or the dict of one of its instances, was handed to the
// program, which may change it behind the attribute caches' back: no cache
// is filled for a type with such a class in its MRO (attr_cache.h).
constexpr uint16_t kTypeNoAttrCache = 1u << 6;
// An iterator whose iter_next runs no Python code: it ends by returning
// kStopIteration and never raises StopIteration (no handler needed).
constexpr uint16_t kTypeIterNextRunsNoCode = 1u << 7;

struct Type {
  Object base;  // &kTypeType (or a metaclass)
  uint16_t flags;
  Qstr name;
  MakeNewFn make_new;
  PrintFn print;
  CallFn call;
  UnaryOpFn unary_op;
  BinaryOpFn binary_op;
  AttrFn attr;
  SubscrFn subscr;
  GetIterFn get_iter;
  IterNextFn iter_next;
  GetBufferFn get_buffer;
  const void* protocol;   // extra per-kind table (streams); null if none
  const Type* base_type;  // single base (builtins); kObjectType's is null
  const ConstMap* methods;  // builtin types' attributes; may be null
  Value dict;  // a class's attributes (a dict), kNull for builtins
  Value mro;   // a class's C3 linearisation (tuple), kNull for builtins
  Value bases; // a class's bases (tuple), kNull for builtins
  Value layout; // a class's instance slots (tuple of names), kNull for none (class.h)
};

#define BUILTIN_TYPE(Ident, name) extern const Type k##Ident##Type;
#include "runtime/builtin_types.def"
#define EXCEPTION_ROOT(Name) extern const Type k##Name##Type;
#define EXCEPTION_TYPE(Name, Base) extern const Type k##Name##Type;
#include "runtime/exception_types.def"

// The singleton objects that are not immediates.
extern const Object kNotImplementedObject;
extern const Object kEllipsisObject;
inline Value NotImplementedValue() { return FromPointer(&kNotImplementedObject); }
inline Value EllipsisValue() { return FromPointer(&kEllipsisObject); }

// The type of any value.
inline const Type* TypeOf(Value v) {
  if (IsSmallInt(v)) return &kIntType;
  if (IsQstr(v)) return &kStrType;
  if (IsImmediate(v)) return (v == kTrue || v == kFalse) ? &kBoolType : &kNoneTypeType;
  return ObjectPointer<Object>(v)->type;
}

inline Value FromType(const Type* t) { return FromPointer(t); }
inline bool IsType(Value v) { return IsObject(v) && ObjectPointer<Object>(v)->type == &kTypeType; }
inline const Type* TypeValue(Value v) { return ObjectPointer<const Type>(v); }

// True if `v` is an object whose type is exactly `t`.
inline bool HasExactType(Value v, const Type* t) { return TypeOf(v) == t; }

// --- Builtin functions ------------------------------------------------------
//
// A function implemented in C++. The common fixed arities get their own
// signatures so that a call passes values in registers; others take the
// argument array, and kKeywords ones also the keyword pairs.
enum class BuiltinKind : uint8_t { kFixed0, kFixed1, kFixed2, kFixed3, kVarArgs, kKeywords };

using Builtin0 = Value (*)();
using Builtin1 = Value (*)(Value);
using Builtin2 = Value (*)(Value, Value);
using Builtin3 = Value (*)(Value, Value, Value);
using BuiltinVar = Value (*)(size_t n_args, const Value* args);
using BuiltinKw = Value (*)(size_t n_args, const Value* args, size_t n_kw, const Value* kw);

struct BuiltinFunction {
  Object base;  // &kBuiltinFunctionType
  BuiltinKind kind;
  uint16_t min_args;  // kVarArgs/kKeywords: positional bounds, checked before the call
  uint16_t max_args;
  Qstr name;
  union {
    Builtin0 fixed0;
    Builtin1 fixed1;
    Builtin2 fixed2;
    Builtin3 fixed3;
    BuiltinVar var_args;
    BuiltinKw keywords;
  };
  constexpr BuiltinFunction(Qstr n, Builtin0 f)
      : base{&kBuiltinFunctionType}, kind(BuiltinKind::kFixed0), min_args(0), max_args(0), name(n), fixed0(f) {}
  constexpr BuiltinFunction(Qstr n, Builtin1 f)
      : base{&kBuiltinFunctionType}, kind(BuiltinKind::kFixed1), min_args(1), max_args(1), name(n), fixed1(f) {}
  constexpr BuiltinFunction(Qstr n, Builtin2 f)
      : base{&kBuiltinFunctionType}, kind(BuiltinKind::kFixed2), min_args(2), max_args(2), name(n), fixed2(f) {}
  constexpr BuiltinFunction(Qstr n, Builtin3 f)
      : base{&kBuiltinFunctionType}, kind(BuiltinKind::kFixed3), min_args(3), max_args(3), name(n), fixed3(f) {}
  constexpr BuiltinFunction(Qstr n, uint16_t min, uint16_t max, BuiltinVar f)
      : base{&kBuiltinFunctionType}, kind(BuiltinKind::kVarArgs), min_args(min), max_args(max), name(n),
        var_args(f) {}
  constexpr BuiltinFunction(Qstr n, uint16_t min, uint16_t max, BuiltinKw f)
      : base{&kBuiltinFunctionType}, kind(BuiltinKind::kKeywords), min_args(min), max_args(max), name(n),
        keywords(f) {}
};

constexpr uint16_t kAnyArgs = 0xFFFF;  // max_args: no upper bound

// A builtin method wrapped as a static or class method in a type's table.
struct MethodWrapper {
  Object base;  // &kStaticMethodType or &kClassMethodType
  Value function;
};
struct ConstMethodWrapper {
  Object base;
  const Object* function;
};

// --- Allocation ---------------------------------------------------------------

[[noreturn]] void RaiseMemoryError();  // (exception.h)

// Allocates `bytes` of zeroed GC memory; raises MemoryError when the heap
// is exhausted even after a collection. `no_scan`: holds no pointers.
// (Inline: boxing a float is mostly this.)
inline void* Allocate(size_t bytes, bool no_scan = false) {
  void* p = gc_alloc(bytes, no_scan ? kGcNoScan : 0);
  if (p == nullptr) [[unlikely]] RaiseMemoryError();
  return p;
}
// The most items a collection makes room for on a hint (MapReserve,
// ListReserveMore): a comprehension over a sized iterable reserves what it
// will hold, but an exception may end it early.
inline constexpr size_t kMaxReservedItems = size_t{1} << 16;

// Allocate, maybe without zeroing: the caller writes every word before
// anything else allocates (list * n fills its new items); memory without
// pointers (`no_scan`), which the collector never reads, needs only the
// parts the caller reads later written.
void* AllocateUninitialised(size_t bytes, bool no_scan = false);
// Allocate with a finaliser (the type's __del__ or a file to close).
void* AllocateWithFinaliser(size_t bytes);
// Grows or shrinks an allocation (contents kept); raises MemoryError.
void* Reallocate(void* p, size_t bytes);

// A new object of type T (which starts with an Object header), with
// `extra` bytes after it (for trailing arrays).
template <typename T>
T* NewObject(const Type* type, size_t extra = 0) {
  T* obj = static_cast<T*>(Allocate(sizeof(T) + extra));
  reinterpret_cast<Object*>(obj)->type = type;
  return obj;
}

// NewObject for an object that fits one GC block (a float, a complex), with
// the collector's allocation path inline: the commonest allocations.
template <typename T>
T* NewBlockObject(const Type* type) {
  static_assert(sizeof(T) <= kGcBlockBytes, "one block");
  T* obj = static_cast<T*>(gc_alloc_block(sizeof(T)));
  if (obj == nullptr) [[unlikely]] RaiseMemoryError();
  reinterpret_cast<Object*>(obj)->type = type;
  return obj;
}

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_OBJECT_H
