// The generic operations: dispatch through the type slots, the fallbacks
// Python defines when a slot declines (reflected operators, identity
// equality, sequence iteration), and the TypeErrors when nothing applies.
#include "runtime/runtime.h"

#include "runtime/attr_cache.h"
#include "runtime/class.h"
#include "runtime/dict.h"
#include "runtime/exception.h"
#include "runtime/function.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/map.h"
#include "runtime/module.h"
#include "runtime/native_abi.h"
#include "runtime/state.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/vm.h"

namespace taipan::rt {

RuntimeState g_state;

void RuntimeModulesInit();  // module.cpp: sys.modules, builtins, sys

void RuntimeInit(void* heap, size_t bytes, void* stack_top) {
  gc_init(heap, static_cast<char*>(heap) + bytes);
  gc_set_stack_top(stack_top);
  QstrResetPools();
  Value* fields = reinterpret_cast<Value*>(&g_state);
  for (size_t i = 0; i < sizeof(g_state) / sizeof(Value); ++i) fields[i] = kNull;
  gc_add_root(reinterpret_cast<void**>(&g_state), sizeof(g_state) / sizeof(void*));
  // The preallocated MemoryError lives outside the heap but may be given a
  // __cause__ or __context__ that does not.
  gc_add_root(reinterpret_cast<void**>(&g_memory_error), sizeof(g_memory_error) / sizeof(void*));
  ResetAttrCaches();
  taipan_native_frames = 0;
  taipan_nlr_left_frames = native_abi::AddLeftNativeFrames;
  RuntimeModulesInit();
}

// --- Names for messages ---------------------------------------------------------

const char* TypeName(const Type* type) {
  size_t length;
  return QstrData(type->name, &length);
}

const char* TypeNameOf(Value v) { return TypeName(TypeOf(v)); }

// --- Truth, hashing, equality -------------------------------------------------

bool IsTrue(Value v) {
  if (v == kFalse || v == kNone) return false;
  if (v == kTrue) return true;
  if (IsSmallInt(v)) return SmallIntValue(v) != 0;
  const Type* type = TypeOf(v);
  if (type->unary_op) {
    Value result = type->unary_op(UnaryOp::kBool, v);
    if (result != kNull) return result == kTrue;
  }
  Value length = LengthOrNull(v);
  if (length != kNull) return length != FromSmallInt(0);
  return true;
}

SignedWord Hash(Value v) {
  if (IsSmallInt(v)) return SmallIntValue(v);
  if (IsQstr(v)) return QstrHashOf(QstrValue(v));
  if (IsPlainHeapStr(v)) return static_cast<SignedWord>(StrObjectHash(ObjectPointer<StrObject>(v)));
  if (v == kFalse) return 0;
  if (v == kTrue) return 1;
  const Type* type = TypeOf(v);
  if (type->unary_op) {
    // Folded into the small-int range, so hash() always gives a small int.
    Value result = type->unary_op(UnaryOp::kHash, v);
    // A __hash__ may give a big int: its own hash stands for it, as in CPython.
    if (result != kNull && !IsSmallInt(result) && result != kTrue && result != kFalse) return Hash(result);
    if (result != kNull) return SmallIntValue(FromSmallInt(IntToWord(result)));
  }
  // Objects that define equality but not hashing are unhashable; the rest
  // hash by identity.
  if (type->binary_op && !(type->flags & kTypeEqualIsIdentity)) {
    const char* parts[] = {"unhashable type: '", TypeName(type), "'"};
    RaiseJoined(&kTypeErrorType, parts, 3);
  }
  return static_cast<SignedWord>(Bits(v) >> 2);
}

bool Equal(Value v1, Value v2) {
  if (v1 == v2) return true;  // NaN aside (floats are heap objects: v1 is v1)
  if (IsSmallInt(v1) && IsSmallInt(v2)) return false;
  if (IsQstr(v1) && IsQstr(v2)) return false;
  // Strs (dict keys, mostly) without the operator machinery.
  if ((IsQstr(v1) || IsPlainHeapStr(v1)) && (IsQstr(v2) || IsPlainHeapStr(v2))) return PlainStrsEqual(v1, v2);
  Value result = ApplyBinaryOp(BinaryOp::kEqual, v1, v2);
  return result == kTrue;
}

bool IsSubclass(const Type* type, const Type* base) {
  if (type == base || base == &kObjectType) return true;
  if (type->mro != kNull) {
    TupleObject* mro = AsTuple(type->mro);
    for (size_t i = 0; i < mro->length; ++i)
      if (TypeValue(mro->items[i]) == base) return true;
    return false;
  }
  for (const Type* t = type->base_type; t; t = t->base_type)
    if (t == base) return true;
  return false;
}

bool IsSubclassValue(Value type, Value cls) {
  if (!IsType(type)) RaiseTypeError("issubclass() arg 1 must be a class");
  if (IsType(cls)) return IsSubclass(TypeValue(type), TypeValue(cls));
  if (!HasExactType(cls, &kTupleType)) RaiseTypeError("issubclass() arg 2 must be a class or a tuple of classes");
  TupleObject* classes = AsTuple(cls);
  for (size_t i = 0; i < classes->length; ++i)
    if (IsSubclassValue(type, classes->items[i])) return true;
  return false;
}

bool IsInstance(Value v, Value cls) { return IsSubclassValue(FromType(TypeOf(v)), cls); }

// --- Operators ------------------------------------------------------------------

namespace {

Value TryBinary(const Type* type, BinaryOp op, Value lhs, Value rhs) {
  return type->binary_op ? type->binary_op(op, lhs, rhs) : kNull;
}

// Comparisons: a declined < is tried as the reflected > with the operands
// swapped, and so on.
BinaryOp SwappedComparison(BinaryOp op) {
  switch (op) {
    case BinaryOp::kLess: return BinaryOp::kMore;
    case BinaryOp::kMore: return BinaryOp::kLess;
    case BinaryOp::kLessEqual: return BinaryOp::kMoreEqual;
    case BinaryOp::kMoreEqual: return BinaryOp::kLessEqual;
    default: return op;
  }
}

Value Contains(Value container, Value item) {
  if (HasExactType(container, &kListType)) return FromBool(ListContains(container, item));
  Value result = TryBinary(TypeOf(container), BinaryOp::kContains, container, item);
  if (result != kNull) return FromBool(IsTrue(result));
  // Fall back to iterating, as Python does for any iterable.
  Value it = GetIter(container);
  for (Value x = IterNext(it); x != kStopIteration; x = IterNext(it))
    if (Equal(x, item)) return kTrue;
  return kFalse;
}

Value EqualityFallback(BinaryOp op, Value lhs, Value rhs) {
  bool same = lhs == rhs;
  return FromBool(op == BinaryOp::kEqual ? same : !same);
}

}  // namespace

Value ApplyUnaryOp(UnaryOp op, Value v) {
  if (op == UnaryOp::kNot) return FromBool(!IsTrue(v));
  if (op == UnaryOp::kBool) return FromBool(IsTrue(v));
  if (op == UnaryOp::kHash) return FromSmallInt(Hash(v));
  if (op == UnaryOp::kLen) return FromSmallInt(static_cast<SignedWord>(Length(v)));
  const Type* type = TypeOf(v);
  if (type->unary_op) {
    Value result = type->unary_op(op, v);
    if (result != kNull) return result;
  }
  RaiseUnsupportedUnary(op, v);
}

namespace {

// `except X:` with an X that is neither an exception class nor a tuple of
// them is a TypeError, as in CPython (not a silent mismatch).
void CheckExceptionMatchable(Value match) {
  if (HasExactType(match, &kTupleType)) {
    TupleObject* options = AsTuple(match);
    for (size_t i = 0; i < options->length; ++i) CheckExceptionMatchable(options->items[i]);
    return;
  }
  if (!IsType(match) || !IsExceptionType(TypeValue(match)))
    RaiseTypeError("catching classes that do not inherit from BaseException is not allowed");
}

}  // namespace

namespace {

// Ordering comparisons and arithmetic: the left operand's type answers
// first. (The others: ==, != and the operators no type implements alone.)
constexpr bool AsksLeftTypeFirst(BinaryOp op) {
  return op != BinaryOp::kEqual && op != BinaryOp::kNotEqual &&
         (op < BinaryOp::kIn || op > BinaryOp::kExceptionMatch) && op < BinaryOp::kNotIn;
}

// is, in, exception matching, == and !=.
[[gnu::noinline]] Value OtherBinaryOp(BinaryOp op, Value lhs, Value rhs) {
  switch (op) {
    case BinaryOp::kIs: return FromBool(lhs == rhs);
    case BinaryOp::kIsNot: return FromBool(lhs != rhs);
    case BinaryOp::kIn: return Contains(rhs, lhs);
    case BinaryOp::kNotIn: return FromBool(Contains(rhs, lhs) == kFalse);
    case BinaryOp::kExceptionMatch:
      CheckExceptionMatchable(rhs);
      return FromBool(ExceptionMatches(lhs, rhs));
    default: break;
  }
  const Type* lhs_type = TypeOf(lhs);
  const Type* rhs_type = TypeOf(rhs);
  // No identity shortcut here: a NaN is not equal to itself. (Equal(),
  // which containers use, does compare identity first, as CPython does.)
  if ((lhs_type->flags & kTypeEqualIsIdentity) && (rhs_type->flags & kTypeEqualIsIdentity))
    return EqualityFallback(op, lhs, rhs);
  if (op == BinaryOp::kNotEqual) {
    // A class's own __ne__ comes before `not __eq__`: the left operand's,
    // or the right one's when the left is no class (MicroPython's order).
    Value result = (lhs_type->flags & kTypeIsClass)   ? TryBinary(lhs_type, op, lhs, rhs)
                   : (rhs_type->flags & kTypeIsClass) ? TryBinary(rhs_type, op, rhs, lhs)
                                                      : kNull;
    if (result != kNull && result != NotImplementedValue()) return result;
  }
  Value result = TryBinary(lhs_type, BinaryOp::kEqual, lhs, rhs);
  if (result == kNull || result == NotImplementedValue()) result = TryBinary(rhs_type, BinaryOp::kEqual, rhs, lhs);
  if (result == kNull || result == NotImplementedValue()) return EqualityFallback(op, lhs, rhs);
  if (op == BinaryOp::kEqual) return result;  // __eq__'s own result, as Python gives it
  return FromBool(!IsTrue(result));
}

// An ordering or arithmetic operator the left operand's type declined.
[[gnu::noinline]] Value AfterLeftDeclined(BinaryOp op, Value lhs, Value rhs) {
  if (op == BinaryOp::kDivMod) {
    // divmod has no reflected form: (a // b, a % b) lets the right operand's
    // type handle mixed operands (divmod(7, 2.5)).
    Value pair[2] = {ApplyBinaryOp(BinaryOp::kFloorDivide, lhs, rhs), ApplyBinaryOp(BinaryOp::kModulo, lhs, rhs)};
    return NewTuple(2, pair);
  }
  if (op >= BinaryOp::kInplaceOr && op <= BinaryOp::kInplacePower) return ApplyBinaryOp(NonInplaceOp(op), lhs, rhs);
  BinaryOp reflected = op <= BinaryOp::kMoreEqual ? SwappedComparison(op) : ReflectedOp(op);
  if (reflected != op || op <= BinaryOp::kMoreEqual) {
    Value result = TryBinary(TypeOf(rhs), reflected, rhs, lhs);
    if (result != kNull && result != NotImplementedValue()) return result;
  }
  RaiseUnsupportedBinary(op, lhs, rhs);
}

}  // namespace

// Kept small: most calls are arithmetic the left operand's type does, and
// every one of them would pay the frame of the rarer paths.
Value ApplyBinaryOp(BinaryOp op, Value lhs, Value rhs) {
  if (!AsksLeftTypeFirst(op)) return OtherBinaryOp(op, lhs, rhs);
  Value result = TryBinary(TypeOf(lhs), op, lhs, rhs);
  if (result != kNull && result != NotImplementedValue()) return result;
  return AfterLeftDeclined(op, lhs, rhs);
}

Value LengthOrNull(Value v) {
  if (IsQstr(v)) {
    size_t length;
    const char* data = QstrData(QstrValue(v), &length);
    return FromSmallInt(static_cast<SignedWord>(Utf8CharCount(data, length)));
  }
  const Type* type = TypeOf(v);
  if (!type->unary_op) return kNull;
  return type->unary_op(UnaryOp::kLen, v);
}

size_t Length(Value v) {
  Value length = LengthOrNull(v);
  if (length == kNull) {
    const char* parts[] = {"object of type '", TypeNameOf(v), "' has no len()"};
    RaiseJoined(&kTypeErrorType, parts, 3);
  }
  return static_cast<size_t>(IntToWord(length));
}

// --- Calls ------------------------------------------------------------------------

Value Call(Value fn, size_t n_args, size_t n_kw, const Value* args) {
  const Type* type = TypeOf(fn);
  // Builtins (len, chr, a method looked up on its type) directly.
  if (type == &kBuiltinFunctionType) return CallBuiltin(ObjectPointer<BuiltinFunction>(fn), n_args, n_kw, args);
  if (!type->call) {
    const char* parts[] = {"'", TypeName(type), "' object isn't callable"};
    RaiseJoined(&kTypeErrorType, parts, 3);
  }
  return type->call(fn, n_args, n_kw, args);
}

Value Call0(Value fn) { return Call(fn, 0, 0, nullptr); }
Value Call1(Value fn, Value a) { return Call(fn, 1, 0, &a); }
Value Call2(Value fn, Value a, Value b) {
  Value args[2] = {a, b};
  return Call(fn, 2, 0, args);
}

bool IsCallable(Value v) { return TypeOf(v)->call != nullptr; }

Value CallMethod(Value obj, Qstr name, size_t n_args, const Value* args) {
  Value method[2];
  LoadMethod(obj, name, method);
  if (method[1] == kNull) return Call(method[0], n_args, 0, args);
  // Prepend self. Small calls use a stack array; larger ones the heap.
  Value local[8];
  Value* all = n_args + 1 <= 8 ? local : static_cast<Value*>(Allocate((n_args + 1) * sizeof(Value)));
  all[0] = method[1];
  for (size_t i = 0; i < n_args; ++i) all[i + 1] = args[i];
  return Call(method[0], n_args + 1, 0, all);
}

Value CallWithStarArgs(Value fn, Value args_iterable, Value kwargs_dict) {
  Value list = args_iterable == kNull ? NewList(0, nullptr) : ListFromIterable(args_iterable);
  size_t n_args = AsList(list)->length;
  if (kwargs_dict != kNull) kwargs_dict = NativeValue(kwargs_dict);  // a dict subclass's dict
  size_t n_kw = kwargs_dict == kNull ? 0 : DictMap(kwargs_dict)->used;
  Value* all = static_cast<Value*>(Allocate((n_args + 2 * n_kw + 1) * sizeof(Value)));
  for (size_t i = 0; i < n_args; ++i) all[i] = AsList(list)->items[i];
  if (n_kw) {
    size_t position = 0, k = n_args;
    while (MapEntry* entry = MapNext(DictMap(kwargs_dict), &position)) {
      if (!IsStr(entry->key)) RaiseTypeError("keywords must be strings");
      all[k++] = FromQstr(StrToQstr(entry->key));
      all[k++] = entry->value;
    }
  }
  return Call(fn, n_args, n_kw, all);
}

void CheckArgCount(size_t n_args, size_t n_kw, size_t min, size_t max, Qstr function) {
  if (n_kw != 0) {
    size_t length;
    const char* parts[] = {QstrData(function, &length), "() takes no keyword arguments"};
    RaiseJoined(&kTypeErrorType, parts, 2);
  }
  if (n_args >= min && n_args <= max) return;
  // MicroPython's wording: "function takes 2 positional arguments but 3 were given".
  char expected[24], given[24];
  if (n_args < min) {
    const char* parts[] = {"function missing ", DecimalText(static_cast<SignedWord>(min - n_args), expected),
                           " required positional arguments"};
    RaiseJoined(&kTypeErrorType, parts, 3);
  }
  const char* parts[] = {"function takes ", DecimalText(static_cast<SignedWord>(max), expected),
                         " positional arguments but ", DecimalText(static_cast<SignedWord>(n_args), given),
                         " were given"};
  RaiseJoined(&kTypeErrorType, parts, 5);
}

void ParseArgs(size_t n_args, const Value* args, size_t n_kw, const Value* kw, const ArgSpec* specs,
               size_t n_specs, size_t n_positional, Value* out) {
  if (n_args > n_positional) RaiseTypeError("function got too many positional arguments");
  for (size_t i = 0; i < n_specs; ++i) out[i] = kNull;
  for (size_t i = 0; i < n_args; ++i) out[i] = args[i];
  for (size_t k = 0; k < n_kw; ++k) {
    Qstr name = QstrValue(kw[2 * k]);
    size_t i = 0;
    while (i < n_specs && specs[i].name != name) ++i;
    if (i == n_specs) {
      size_t length;
      const char* parts[] = {"unexpected keyword argument '", QstrData(name, &length), "'"};
      RaiseJoined(&kTypeErrorType, parts, 3);
    }
    if (out[i] != kNull) {
      size_t length;
      const char* parts[] = {"argument '", QstrData(name, &length), "' given twice"};
      RaiseJoined(&kTypeErrorType, parts, 3);
    }
    out[i] = kw[2 * k + 1];
  }
  for (size_t i = 0; i < n_specs; ++i) {
    if (out[i] != kNull) continue;
    if (specs[i].required) {
      size_t length;
      const char* parts[] = {"'", QstrData(specs[i].name, &length), "' argument required"};
      RaiseJoined(&kTypeErrorType, parts, 3);
    }
    out[i] = specs[i].default_value.get();
  }
}

// --- Attributes -------------------------------------------------------------------

Value LookupInType(const Type* type, Qstr name) {
  if (type->mro != kNull) {
    TupleObject* mro = AsTuple(type->mro);
    for (size_t i = 0; i < mro->length; ++i) {
      const Type* t = TypeValue(mro->items[i]);
      Value found = t->dict != kNull ? DictLookup(t->dict, FromQstr(name))
                                     : (t->methods ? ConstMapLookup(t->methods, name) : kNull);
      if (found != kNull) return found;
    }
    return kNull;
  }
  for (const Type* t = type; t; t = t->base_type) {
    if (t->methods) {
      Value found = ConstMapLookup(t->methods, name);
      if (found != kNull) return found;
    }
  }
  return kNull;
}

Value BindAttribute(Value attr, Value self, const Type* type) {
  if (!IsObject(attr)) return attr;
  const Type* attr_type = TypeOf(attr);
  if (attr_type == &kStaticMethodType) return ObjectPointer<MethodWrapper>(attr)->function;
  if (attr_type == &kClassMethodType) return NewBoundMethod(ObjectPointer<MethodWrapper>(attr)->function, FromType(type));
  if (attr_type->flags & kTypeIsClass) {
    Value got = DescriptorGet(attr, self, type);
    if (got != kNull) return got;
  }
  if (self == kNull) return attr;
  if (attr_type == &kPropertyType) {
    Value getter = ObjectPointer<PropertyObject>(attr)->getter;
    if (getter == kNone) RaiseMessage(&kAttributeErrorType, "unreadable attribute");
    return Call1(getter, self);
  }
  if (IsFunctionObject(attr)) return NewBoundMethod(attr, self);
  return attr;
}

namespace {
Value IterNextMethod(Value self) { return IterNextOrRaise(self); }
constexpr BuiltinFunction kIterNextMethod(Q___next__, IterNextMethod);
}  // namespace

void LoadMethodOrNull(Value obj, Qstr name, Value dest[2]) {
  dest[0] = kNull;
  dest[1] = kNull;
  const Type* type = TypeOf(obj);
  if (type->flags & kTypeIsClass) return InstanceLoadMethod(obj, name, dest);
  // A class's __dict__ is its real dict: the program may change it at will.
  if (name == Q___dict__ && type == &kTypeType) NoteClassDictExposed(TypeValue(obj));
  // The type's attr slot comes first (instance state, module globals,
  // computed attributes); a class's slot also does the class lookup itself.
  if (type->attr) {
    Value found = type->attr(obj, name, AttrOp::kLoad, kNull);
    if (found != kNull) {
      dest[0] = found;
      return;
    }
    if (type->flags & kTypeIsClass) return;
  }
  Value found = LookupInType(type, name);
  if (found == kNull) {
    if (name == Q___class__) dest[0] = FromType(type);  // every object has one
    if (name == Q___next__ && type->iter_next) {  // iterators written in C++
      dest[0] = FromPointer(&kIterNextMethod);
      dest[1] = obj;
    }
    return;
  }
  if (IsFunctionObject(found)) {
    dest[0] = found;  // a method: no bound method is made
    dest[1] = obj;
    return;
  }
  dest[0] = BindAttribute(found, obj, type);
}

Value CallMethodIfAny(Value obj, Qstr name) {
  Value method[2];
  LoadMethodOrNull(obj, name, method);
  if (method[0] == kNull) return kNull;
  return method[1] == kNull ? Call0(method[0]) : Call1(method[0], method[1]);
}

void LoadMethod(Value obj, Qstr name, Value dest[2]) {
  LoadMethodOrNull(obj, name, dest);
  if (dest[0] == kNull) RaiseAttributeError(obj, name);
}

Value LoadAttrOrNull(Value obj, Qstr name) {
  Value dest[2];
  LoadMethodOrNull(obj, name, dest);
  if (dest[0] == kNull || dest[1] == kNull) return dest[0];
  return NewBoundMethod(dest[0], dest[1]);
}

Value LoadAttr(Value obj, Qstr name) {
  Value found = LoadAttrOrNull(obj, name);
  if (found == kNull) RaiseAttributeError(obj, name);
  return found;
}

void StoreAttr(Value obj, Qstr name, Value value) {
  const Type* type = TypeOf(obj);
  if (type == &kTypeType) NoteClassAttrChange(TypeValue(obj), name);
  if (type->attr && type->attr(obj, name, AttrOp::kStore, value) != kNull) return;
  RaiseAttributeError(obj, name);
}

void DeleteAttr(Value obj, Qstr name) {
  const Type* type = TypeOf(obj);
  if (type == &kTypeType) NoteClassAttrChange(TypeValue(obj), name);
  if (type->attr && type->attr(obj, name, AttrOp::kDelete, kNull) != kNull) return;
  RaiseAttributeError(obj, name);
}

// --- Attribute caches (attr_cache.h) ----------------------------------------------

namespace {

bool CacheValidFor(Value obj, const AttrCache* cache) {
  return IsObject(obj) && TypeOf(obj) == cache->type && cache->epoch == native_abi::taipan_native_attr_epoch;
}

// The object's attribute dict (word 1 of an instance or a module), kNull
// when an instance has none yet.
Value AttributeDictOf(Value obj) { return ObjectPointer<InstanceObject>(obj)->dict; }

// The live entry for `name` at the cached position of a valid dict slot
// cache, or null.
MapEntry* CachedEntry(Value obj, Qstr name, const AttrCache* cache) {
  Value dict = AttributeDictOf(obj);
  if (dict == kNull) return nullptr;
  Map* map = DictMap(dict);
  if (cache->index >= map->filled || map->entries[cache->index].key != FromQstr(name)) return nullptr;
  return &map->entries[cache->index];
}

// The layout slot a valid layout slot cache names, or null for another kind.
Value* CachedSlot(Value obj, const AttrCache* cache) {
  if (!(cache->index & kAttrCacheSlotBit)) return nullptr;
  return &InstanceSlots(ObjectPointer<InstanceObject>(obj))[cache->index & ~kAttrCacheSlotBit];
}

bool HoldsAttribute(Value slot) { return slot != kNull && slot != kSentinel; }

// What a valid dict or layout slot cache finds for `name`, or null.
Value* CachedOwnValue(Value obj, Qstr name, const AttrCache* cache) {
  if (Value* slot = CachedSlot(obj, cache)) return HoldsAttribute(*slot) ? slot : nullptr;
  MapEntry* entry = CachedEntry(obj, name, cache);
  return entry ? &entry->value : nullptr;
}

// A module's global `name` (not __dict__, which is the dict itself), with
// its position cached; null when absent.
MapEntry* FindModuleGlobal(Value module, Qstr name, AttrCache* cache) {
  if (name == Q___dict__) return nullptr;
  Map* map = DictMap(ModuleGlobals(module));
  MapEntry* entry = MapFind(map, FromQstr(name));
  if (entry) FillAttrCache(cache, &kModuleType, static_cast<Word>(entry - map->entries), kNull);
  return entry;
}

}  // namespace

static_assert(offsetof(InstanceObject, dict) == offsetof(ModuleObject, globals),
              "an attribute cache reads instance and module dicts from the same word");

Value LoadAttrCached(Value obj, Qstr name, AttrCache* cache) {
  // The hit path again (the generated code's, for sites compiled without it).
  if (CacheValidFor(obj, cache)) {
    if (cache->value != kNull) return cache->value;
    if (Value* found = CachedOwnValue(obj, name, cache)) return *found;
  }
  const Type* type = TypeOf(obj);
  Value found = kNull;
  if (type->flags & kTypeIsClass) {
    found = InstanceLoadAttrCached(obj, name, cache);
  } else if (type == &kModuleType) {
    if (MapEntry* entry = FindModuleGlobal(obj, name, cache)) return entry->value;
    found = LoadAttrOrNull(obj, name);
  } else {
    found = LoadAttrOrNull(obj, name);
  }
  if (found == kNull) RaiseAttributeError(obj, name);
  return found;
}

// The store when the cache says nothing: the full store, which refills it.
static void StoreAttrCachedMiss(Value obj, Qstr name, Value value, AttrCache* cache);

void StoreAttrCached(Value obj, Qstr name, Value value, AttrCache* cache) {
  if (CacheValidFor(obj, cache)) {
    Value* slot = CachedSlot(obj, cache);
    if (slot && *slot != kSentinel) {
      *slot = value;
      return;
    }
    if (MapEntry* entry = slot ? nullptr : CachedEntry(obj, name, cache)) {
      entry->value = value;
      return;
    }
    // Still a plain dict store (attr_cache.h): add the key without the
    // checks, and cache where it went. (Not for a layout name that moved
    // to the dict: see FindOwnAttribute.)
    if (slot) return StoreAttrCachedMiss(obj, name, value, cache);
    Value dict = cache->type == &kModuleType ? ModuleGlobals(obj) : InstanceOwnDict(obj);
    Map* map = DictMap(dict);
    bool added;
    MapEntry* entry = MapFindOrAdd(map, FromQstr(name), &added);
    entry->value = value;
    cache->index = static_cast<Word>(entry - map->entries);
    return;
  }
  StoreAttrCachedMiss(obj, name, value, cache);
}

static void StoreAttrCachedMiss(Value obj, Qstr name, Value value, AttrCache* cache) {
  const Type* type = TypeOf(obj);
  if (type->flags & kTypeIsClass) {
    if (InstanceStoreAttrCached(obj, name, value, cache) == kNull) RaiseAttributeError(obj, name);
    return;
  }
  if (type == &kModuleType) {
    Map* map = DictMap(ModuleGlobals(obj));
    bool added;
    MapEntry* entry = MapFindOrAdd(map, FromQstr(name), &added);
    entry->value = value;
    FillAttrCache(cache, &kModuleType, static_cast<Word>(entry - map->entries), kNull);
    return;
  }
  StoreAttr(obj, name, value);
}

void LoadMethodCached(Value obj, Qstr name, Value dest[2], AttrCache* cache) {
  if (CacheValidFor(obj, cache)) {
    if (cache->value != kNull) {
      dest[0] = cache->value;
      dest[1] = obj;
      return;
    }
    if (Value* found = CachedOwnValue(obj, name, cache)) {
      dest[0] = *found;
      dest[1] = kNull;
      return;
    }
  }
  const Type* type = TypeOf(obj);
  if (type->flags & kTypeIsClass) {
    InstanceLoadMethodCached(obj, name, dest, cache);
  } else if (type == &kModuleType) {
    if (MapEntry* entry = FindModuleGlobal(obj, name, cache)) {
      dest[0] = entry->value;
      dest[1] = kNull;
      return;
    }
    LoadMethodOrNull(obj, name, dest);
  } else {
    LoadMethodOrNull(obj, name, dest);
    // A builtin type's method (its table is constant; nothing of the
    // instance comes before it when the type has no attr slot).
    if (IsObject(obj) && !type->attr && dest[1] == obj && dest[0] != kNull && IsFunctionObject(dest[0]))
      FillAttrCache(cache, type, 0, dest[0]);
  }
  if (dest[0] == kNull) RaiseAttributeError(obj, name);
}

// --- Subscripts ---------------------------------------------------------------------

namespace {
Value Subscript(Value obj, Value index, Value value, const char* what) {
  const Type* type = TypeOf(obj);
  if (type->subscr) {
    Value result = type->subscr(obj, index, value);
    if (result != kNull) return result;
  }
  const char* parts[] = {"'", TypeName(type), what};
  RaiseJoined(&kTypeErrorType, parts, 3);
}
}  // namespace

Value LoadSubscr(Value obj, Value index) { return Subscript(obj, index, kSentinel, "' object isn't subscriptable"); }

void StoreSubscr(Value obj, Value index, Value value) {
  Subscript(obj, index, value, "' object doesn't support item assignment");
}

void DeleteSubscr(Value obj, Value index) { Subscript(obj, index, kNull, "' object doesn't support item deletion"); }

// --- Iteration ----------------------------------------------------------------------

Value GetIter(Value obj) {
  const Type* type = TypeOf(obj);
  if (type->get_iter) {
    Value it = type->get_iter(obj);
    if (it != kNull) return it;
  }
  if (type->subscr) return NewSequenceIterator(obj);
  const char* parts[] = {"'", TypeName(type), "' object isn't iterable"};
  RaiseJoined(&kTypeErrorType, parts, 3);
}

Value IterNext(Value it) {
  const Type* type = TypeOf(it);
  if (!type->iter_next) {
    const char* parts[] = {"'", TypeName(type), "' object isn't an iterator"};
    RaiseJoined(&kTypeErrorType, parts, 3);
  }
  // No handler here: this is every loop's hot path. Builtin iterators
  // return kStopIteration; a class's __next__ raising StopIteration is
  // turned into that by the class's own slot (class.cpp).
  return type->iter_next(it);
}

Value IterNextOrRaise(Value it) {
  if (IsObject(it) && TypeOf(it) == &kGeneratorType) return GeneratorNextOrRaise(it);
  // A class's __next__ raises its own StopIteration, value included.
  if (TypeOf(it)->flags & kTypeIsClass) return CallMethod(it, Q___next__, 0, nullptr);
  g_state.stop_iteration = kNull;
  Value next = IterNext(it);
  if (next != kStopIteration) return next;
  // A wrapped class iterator's own StopIteration (next(map(f, it))).
  Value stop = g_state.stop_iteration;
  g_state.stop_iteration = kNull;
  if (stop != kNull) Raise(stop);
  RaiseStopIteration(kNull);
}

// --- Conversions ----------------------------------------------------------------------

Value StrOf(Value v) {
  if (IsStr(v) && HasExactType(v, &kStrType)) return v;
  StringBuilder text;
  PrintValue(text.AsPrinter(), v, PrintKind::kStr);
  return text.ToStr();
}

Value ReprOf(Value v) {
  StringBuilder text;
  PrintValue(text.AsPrinter(), v, PrintKind::kRepr);
  return text.ToStr();
}

SignedWord IntToWord(Value v) {
  if (IsSmallInt(v)) return SmallIntValue(v);
  if (v == kFalse) return 0;
  if (v == kTrue) return 1;
  SignedWord n;
  if (IsInt(v)) {
    if (IntFitsWord(v, &n)) return n;
    RaiseOverflowError("overflow converting long int to machine word");
  }
  const char* parts[] = {"can't convert ", TypeNameOf(v), " to int"};
  RaiseJoined(&kTypeErrorType, parts, 3);
}

SignedWord IndexValue(Value v) {
  if (IsSmallInt(v) || v == kFalse || v == kTrue || IsInt(v)) return IntToWord(v);
  Value result = CallMethodIfAny(v, Q___index__);
  if (result != kNull) return IntToWord(result);
  const char* parts[] = {"'", TypeNameOf(v), "' object cannot be interpreted as an integer"};
  RaiseJoined(&kTypeErrorType, parts, 3);
}

bool IsStr(Value v) { return IsQstr(v) || IsSubclass(TypeOf(v), &kStrType); }

const char* StrBytes(Value v, size_t* length) {
  if (IsQstr(v)) return QstrData(QstrValue(v), length);
  if (IsPlainHeapStr(v)) {
    StrObject* str = ObjectPointer<StrObject>(v);
    *length = str->length;
    return str->data;
  }
  v = NativeValue(v);
  if (IsQstr(v)) return QstrData(QstrValue(v), length);  // a str subclass's native part
  if (!HasExactType(v, &kStrType)) {
    const char* parts[] = {"can't convert '", TypeNameOf(v), "' object to str implicitly"};
    RaiseJoined(&kTypeErrorType, parts, 3);
  }
  StrObject* str = ObjectPointer<StrObject>(v);
  *length = str->length;
  return str->data;
}

bool TryGetBuffer(Value v, BufferInfo* info, bool for_write) {
  v = NativeValue(v);
  const Type* type = TypeOf(v);
  return type->get_buffer && type->get_buffer(v, info, for_write);
}

void GetBuffer(Value v, BufferInfo* info, bool for_write) {
  if (TryGetBuffer(v, info, for_write)) return;
  const char* parts[] = {"object with buffer protocol required (got '", TypeNameOf(v), "')"};
  RaiseJoined(&kTypeErrorType, parts, 3);
}

}  // namespace taipan::rt
