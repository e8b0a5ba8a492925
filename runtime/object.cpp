// The root types: object, type, NoneType, NotImplemented, Ellipsis; memory
// allocation for objects; constant-table lookup.
#include "runtime/object.h"

#include "runtime/class.h"
#include "runtime/dict.h"
#include "runtime/function.h"
#include "runtime/gc.h"
#include "runtime/runtime.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace taipan::rt {

void* AllocateUninitialised(size_t bytes, bool no_scan) {
  void* p = gc_alloc(bytes, kGcUninitialised | (no_scan ? kGcNoScan : 0));
  if (!p) RaiseMemoryError();
  return p;
}

void* AllocateWithFinaliser(size_t bytes) {
  void* p = gc_alloc(bytes, kGcHasFinaliser);
  if (!p) RaiseMemoryError();
  return p;
}

void* Reallocate(void* p, size_t bytes) {
  void* q = gc_realloc(p, bytes);
  if (!q && bytes != 0) RaiseMemoryError();
  return q;
}

Value ConstMapLookup(const ConstMap* map, Qstr name) {
  size_t lo = 0, hi = map->count;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    Qstr at = map->entries[mid].name;
    if (at == name) return map->entries[mid].value.get();
    if (at < name) lo = mid + 1;
    else hi = mid;
  }
  return kNull;
}

namespace {

// object(): a plain instance.
Value ObjectMakeNew(const Type* type, size_t n_args, size_t n_kw, const Value*) {
  if (type == &kObjectType) {
    CheckArgCount(n_args, n_kw, 0, 0, Q_object);
    return FromPointer(NewObject<Object>(&kObjectType));
  }
  return kNull;  // classes construct through their own make_new
}

void PrintObjectAddress(const Printer& out, Value self) {
  PrintCString(out, "<");
  PrintCString(out, TypeNameOf(self));
  PrintCString(out, " object at 0x");
  char digits[2 * sizeof(Word) + 1];
  Word w = Bits(self);
  size_t n = 0;
  do {
    digits[sizeof(digits) - 1 - ++n] = "0123456789abcdef"[w & 15];
    w >>= 4;
  } while (w);
  PrintBytes(out, digits + sizeof(digits) - 1 - n, n);
  PrintCString(out, ">");
}

void ObjectPrint(const Printer& out, Value self, PrintKind) { PrintObjectAddress(out, self); }

// type(x) and type(name, bases, dict).
Value TypeMakeNew(const Type*, size_t n_args, size_t n_kw, const Value* args) {
  CheckArgCount(n_args, n_kw, 1, 3, Q_type);
  if (n_args == 1) return FromType(TypeOf(args[0]));
  if (n_args != 3) RaiseTypeError("type takes 1 or 3 arguments");
  return NewClass(StrToQstr(args[0]), args[1], args[2]);
}

void TypePrint(const Printer& out, Value self, PrintKind) {
  PrintCString(out, "<class '");
  PrintQstr(out, TypeValue(self)->name);
  PrintCString(out, "'>");
}

// Calling a type makes an instance.
Value TypeCall(Value self, size_t n_args, size_t n_kw, const Value* args) {
  const Type* type = TypeValue(self);
  if (!type->make_new) {
    const char* parts[] = {"cannot create '", TypeName(type), "' instances"};
    RaiseJoined(&kTypeErrorType, parts, 3);
  }
  return type->make_new(type, n_args, n_kw, args);
}

// A builtin type's __bases__ and __mro__, from its single-base chain
// (classes keep theirs as tuples).
Value BuiltinBases(const Type* type) {
  if (!type->base_type) return EmptyTuple();
  Value base = FromType(type->base_type);
  return NewTuple(1, &base);
}
Value BuiltinMro(const Type* type) {
  size_t n = 0;
  for (const Type* t = type; t; t = t->base_type) ++n;
  Value mro = NewTuple(n, nullptr);
  size_t i = 0;
  for (const Type* t = type; t; t = t->base_type) AsTuple(mro)->items[i++] = FromType(t);
  return mro;
}

// A builtin type's __dict__: a new dict of its own methods and constants
// (empty when it has none), as MicroPython gives its locals dict.
Value BuiltinDict(const Type* type) {
  size_t n = type->methods ? type->methods->count : 0;
  Value dict = NewDict(n);
  for (size_t i = 0; i < n; ++i) {
    const ConstMapEntry& entry = type->methods->entries[i];
    DictStore(dict, FromQstr(entry.name), entry.value.get());
  }
  return dict;
}

// Attributes of types themselves: __name__, __bases__, __mro__, __dict__;
// anything else is looked up in the type (unbound).
Value TypeAttr(Value self, Qstr name, AttrOp op, Value value) {
  const Type* type = TypeValue(self);
  if (op != AttrOp::kLoad) {
    if (!(type->flags & kTypeIsClass)) return kNull;
    Value dict = type->dict;
    if (op == AttrOp::kStore) {
      DictStore(dict, FromQstr(name), value);
      return kNone;
    }
    return DictRemove(dict, FromQstr(name)) == kNull ? kNull : kNone;
  }
  if (name == Q___name__ || name == Q___qualname__) return FromQstr(type->name);
  if (name == Q___bases__) return type->bases != kNull ? type->bases : BuiltinBases(type);
  if (name == Q___mro__) return type->mro != kNull ? type->mro : BuiltinMro(type);
  if (name == Q___dict__) return type->dict != kNull ? type->dict : BuiltinDict(type);
  Value found = LookupInType(type, name);
  if (found == kNull) return kNull;
  if (!(type->flags & kTypeIsClass) && HasExactType(found, &kBuiltinFunctionType)) return NewCheckedMethod(type, found);
  return BindAttribute(found, kNull, type);
}

Value IdentityBinaryOp(BinaryOp, Value, Value) { return kNull; }

Value NoneUnaryOp(UnaryOp op, Value) {
  if (op == UnaryOp::kBool) return kFalse;
  if (op == UnaryOp::kHash) return FromSmallInt(static_cast<SignedWord>(Bits(kNone)));
  return kNull;
}

void NonePrint(const Printer& out, Value, PrintKind) { PrintCString(out, "None"); }
void NotImplementedPrint(const Printer& out, Value, PrintKind) { PrintCString(out, "NotImplemented"); }
void EllipsisPrint(const Printer& out, Value, PrintKind) { PrintCString(out, "Ellipsis"); }

}  // namespace

// object.__init__ and friends, for classes that call them explicitly
// (class.cpp defines the functions).
TAIPAN_CONST_MAP(kObjectMethods, {Q___delattr__, &kObjectDelAttrFn}, {Q___init__, &kObjectInitFn},
                 {Q___new__, &kObjectNewMethod}, {Q___setattr__, &kObjectSetAttrFn});

const Type kObjectType = {
    .base = {&kTypeType},
    .flags = kTypeBaseAllowed,
    .name = Q_object,
    .make_new = ObjectMakeNew,
    .print = ObjectPrint,
    .methods = &kObjectMethods,
};

const Type kTypeType = {
    .base = {&kTypeType},
    .flags = kTypeEqualIsIdentity,
    .name = Q_type,
    .make_new = TypeMakeNew,
    .print = TypePrint,
    .call = TypeCall,
    .attr = TypeAttr,
    .base_type = &kObjectType,
};

const Type kNoneTypeType = {
    .base = {&kTypeType},
    .flags = kTypeEqualIsIdentity,
    .name = Q_NoneType,
    .print = NonePrint,
    .unary_op = NoneUnaryOp,
    .binary_op = IdentityBinaryOp,
    .base_type = &kObjectType,
};

const Type kNotImplementedTypeType = {
    .base = {&kTypeType},
    .flags = kTypeEqualIsIdentity,
    .name = Q_NotImplementedType,
    .print = NotImplementedPrint,
    .base_type = &kObjectType,
};

const Type kEllipsisType = {
    .base = {&kTypeType},
    .flags = kTypeEqualIsIdentity,
    .name = Q_ellipsis,
    .print = EllipsisPrint,
    .base_type = &kObjectType,
};

const Object kNotImplementedObject = {&kNotImplementedTypeType};
const Object kEllipsisObject = {&kEllipsisType};

}  // namespace taipan::rt
