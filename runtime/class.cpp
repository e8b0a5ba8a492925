// Classes defined by programs: type(name, bases, dict), the C3 MRO,
// instances and their special methods, super().
//
// A special method (__add__, __len__, ...) is looked up in the classes of
// the MRO that come before its first builtin type (LookupInClasses): from
// there on the builtin's own slot applies, called on the native instance, as
// in CPython where the builtin's slot is found at that point of the MRO.
#include "runtime/class.h"

#include "runtime/attr_cache.h"
#include "runtime/dict.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/map.h"
#include "runtime/native_abi.h"
#include "runtime/runtime.h"
#include "runtime/state.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace taipan::rt {

bool IsClass(const Type* type) { return (type->flags & kTypeIsClass) != 0; }

const Type* NativeBaseOf(const Type* type) {
  if (!IsClass(type) || type->base_type == &kObjectType) return nullptr;
  return type->base_type;
}

namespace {

// Not a GC value. Never reset: staying true only disables a shortcut.
constinit bool g_property_made = false;

bool IsInstanceObject(Value v) { return IsObject(v) && IsClass(TypeOf(v)); }
InstanceObject* AsInstance(Value v) { return ObjectPointer<InstanceObject>(v); }

}  // namespace

// The first property changes how instance attributes are found (a data
// descriptor in the class then comes before the instance dict): every
// attribute cache filled before it assumed the dict came first.
void NotePropertyMade() {
  if (g_property_made) return;
  g_property_made = true;
  InvalidateAttrCaches();
}

// --- Attribute caches (attr_cache.h) -------------------------------------------------

namespace {

// The "may be shadowed" bits, indexed by qstr id modulo 256. Not GC values;
// never cleared.
constexpr size_t kShadowBits = 256;
constinit Word g_shadowed_names[kShadowBits / (8 * sizeof(Word))] = {};

Word ShadowMask(Qstr name) { return Word{1} << (name % (8 * sizeof(Word))); }
Word& ShadowWord(Qstr name) { return g_shadowed_names[(name % kShadowBits) / (8 * sizeof(Word))]; }

// The names any class has, or had, in its dict, and object's method names,
// by qstr id modulo 1024 (a superset: collisions only cost a lookup). An
// instance attribute whose name is not here cannot shadow anything of a
// class without a native base, so adding one needs no look at the MRO.
constexpr size_t kClassNameBits = 1024;
constinit Word g_class_attr_names[kClassNameBits / (8 * sizeof(Word))] = {};

Word& ClassNameWord(Qstr name) { return g_class_attr_names[(name % kClassNameBits) / (8 * sizeof(Word))]; }
void NoteClassAttrName(Qstr name) { ClassNameWord(name) |= ShadowMask(name); }
bool MayBeClassAttrName(Qstr name) { return (ClassNameWord(name) & ShadowMask(name)) != 0; }

void NoteClassAttrNames(Value dict) {
  size_t position = 0;
  while (MapEntry* entry = MapNext(DictMap(dict), &position))
    if (IsQstr(entry->key)) NoteClassAttrName(QstrValue(entry->key));
}

}  // namespace

namespace native_abi {
extern "C" {
constinit Word taipan_native_attr_epoch = 0;
}
}  // namespace native_abi

void InvalidateAttrCaches() { ++native_abi::taipan_native_attr_epoch; }

void ResetAttrCaches() {
  for (Word& bits : g_shadowed_names) bits = 0;
  for (Word& bits : g_class_attr_names) bits = 0;
  for (size_t i = 0; i < kObjectType.methods->count; ++i) NoteClassAttrName(kObjectType.methods->entries[i].name);
  InvalidateAttrCaches();
}

bool AttrNameMayBeShadowed(Qstr name) { return (ShadowWord(name) & ShadowMask(name)) != 0; }

void NoteAttrNameShadowed(Qstr name) {
  if (AttrNameMayBeShadowed(name)) return;
  ShadowWord(name) |= ShadowMask(name);
  InvalidateAttrCaches();
}

bool AttrCacheAllowed(const Type* type) {
  if (type->mro == kNull) return true;  // a builtin type: nothing a program can change
  TupleObject* mro = AsTuple(type->mro);
  for (size_t i = 0; i < mro->length; ++i)
    if (TypeValue(mro->items[i])->flags & kTypeNoAttrCache) return false;
  return true;
}

void MarkNoAttrCache(const Type* type) {
  if (!IsClass(type) || (type->flags & kTypeNoAttrCache)) return;
  const_cast<Type*>(type)->flags |= kTypeNoAttrCache;  // a heap Type: classes are mutable
  InvalidateAttrCaches();
}

void FillAttrCache(AttrCache* cache, const Type* type, Word index, Value value) {
  if (!cache) return;
  cache->type = type;
  cache->epoch = native_abi::taipan_native_attr_epoch;
  cache->index = index;
  cache->value = value;
}

void NoteClassAttrChange(const Type* cls, Qstr name) {
  if (!IsClass(cls)) return;
  NoteClassAttrName(name);
  // A new class attribute may be shadowed by instances that already have
  // the name in their dicts (invariant 4).
  if (DictLookup(cls->dict, FromQstr(name)) == kNull) NoteAttrNameShadowed(name);
  InvalidateAttrCaches();
}

void NoteClassDictExposed(const Type* cls) { MarkNoAttrCache(cls); }

Value NativeValue(Value v) {
  if (!IsInstanceObject(v)) return v;
  Value native = AsInstance(v)->native;
  return native == kNull ? v : native;
}

namespace {

// The dict of the instance's attributes outside its layout, created when
// `create`.
Value OwnDict(InstanceObject* inst, bool create) {
  // Made for a first attribute, which mostly has a few more to come: room
  // for four from the start saves growing the empty dict at once.
  if (inst->dict == kNull && create) inst->dict = NewDict(4);
  return inst->dict;
}

// The number of `name`'s slot in the layout of instances of `type`, or -1.
ptrdiff_t LayoutIndex(const Type* type, Qstr name) {
  if (type->layout == kNull) return -1;
  TupleObject* names = AsTuple(type->layout);
  for (size_t i = 0; i < names->length; ++i)
    if (names->items[i] == FromQstr(name)) return static_cast<ptrdiff_t>(i);
  return -1;
}

// Moves the attributes in the instance's slots into its dict, for good
// (every slot then holds kSentinel).
void SpillSlots(InstanceObject* inst) {
  Value layout = inst->base.type->layout;
  if (layout == kNull || AsTuple(layout)->length == 0 || InstanceSlots(inst)[0] == kSentinel) return;
  Value dict = OwnDict(inst, true);
  TupleObject* names = AsTuple(layout);
  for (size_t i = 0; i < names->length; ++i) {
    Value* slot = &InstanceSlots(inst)[i];
    if (*slot != kNull) DictStore(dict, names->items[i], *slot);
    *slot = kSentinel;
  }
}

bool HasOwnAttributes(const InstanceObject* inst) { return inst->dict != kNull || inst->base.type->layout != kNull; }

}  // namespace

Value InstanceDict(Value instance, bool create) {
  if (!IsInstanceObject(instance)) return kNull;
  InstanceObject* inst = AsInstance(instance);
  SpillSlots(inst);
  return OwnDict(inst, create);
}

Value InstanceOwnDict(Value instance) { return OwnDict(AsInstance(instance), true); }

void SetClassLayout(Value cls, size_t n, const Value* names) {
  Type* type = const_cast<Type*>(TypeValue(cls));  // a heap Type: classes are mutable
  if (!IsClass(type) || NativeBaseOf(type) || n > kMaxLayoutSlots) return;  // only plain classes have slots
  type->layout = NewTuple(n, names);
}

namespace {

// --- Looking up attributes in the MRO -------------------------------------------------

// The MRO of any type, indexable: a class's tuple, a builtin's chain of
// base_type (which ends at object).
size_t MroLength(const Type* type) {
  if (type->mro != kNull) return AsTuple(type->mro)->length;
  size_t n = 0;
  for (const Type* t = type; t; t = t->base_type) ++n;
  return n;
}

const Type* MroItem(const Type* type, size_t i) {
  if (type->mro != kNull) return TypeValue(AsTuple(type->mro)->items[i]);
  const Type* t = type;
  while (i--) t = t->base_type;
  return t;
}

// The attribute `name` in the type's own table (a class's dict, a
// builtin's methods), or kNull.
Value OwnAttribute(const Type* t, Qstr name) {
  if (t->dict != kNull) return DictLookup(t->dict, FromQstr(name));
  return t->methods ? ConstMapLookup(t->methods, name) : kNull;
}

// The attribute `name` defined by a class before the first builtin type of
// the MRO (see the top of the file), or kNull.
Value LookupInClasses(const Type* type, Qstr name) {
  TupleObject* mro = AsTuple(type->mro);
  for (size_t i = 0; i < mro->length; ++i) {
    const Type* t = TypeValue(mro->items[i]);
    if (!IsClass(t)) break;
    Value found = DictLookup(t->dict, FromQstr(name));
    if (found != kNull) return found;
  }
  return kNull;
}

// `name` in the MRO from position `start` on; *owner is the type that has it.
Value LookupFrom(const Type* type, size_t start, Qstr name, const Type** owner) {
  size_t length = MroLength(type);
  for (size_t i = start; i < length; ++i) {
    const Type* t = MroItem(type, i);
    Value found = OwnAttribute(t, name);
    if (found != kNull) {
      *owner = t;
      return found;
    }
  }
  return kNull;
}

// A property, or an instance of a class with __set__ or __delete__.
bool IsDataDescriptor(Value attr) {
  if (!IsObject(attr)) return false;
  if (HasExactType(attr, &kPropertyType)) return true;
  return IsInstanceObject(attr) && (LookupInClasses(TypeOf(attr), Q___set__) != kNull ||
                                    LookupInClasses(TypeOf(attr), Q___delete__) != kNull);
}

// Calls a method found in a class on `self` (functions get self first;
// staticmethod, classmethod and other callables bind as attributes do).
Value CallMethodOn(Value method, Value self, size_t n_args, size_t n_kw, const Value* args) {
  if (IsFunctionObject(method)) return CallWithSelf(method, self, n_args, n_kw, args);
  return Call(BindAttribute(method, self, TypeOf(self)), n_args, n_kw, args);
}
Value CallMethodOn0(Value method, Value self) { return CallMethodOn(method, self, 0, 0, nullptr); }
Value CallMethodOn1(Value method, Value self, Value arg) { return CallMethodOn(method, self, 1, 0, &arg); }

// A user descriptor's __set__ or __delete__ on `self`: true when `attr` is
// one (false for a property).
bool DescriptorStore(Value attr, Value self, Value value) {
  if (!IsInstanceObject(attr)) return false;
  Qstr hook = value == kNull ? Q___delete__ : Q___set__;
  Value method = LookupInClasses(TypeOf(attr), hook);
  if (method == kNull) {
    const char* parts[] = {value == kNull ? "__delete__" : "__set__"};
    RaiseJoined(&kAttributeErrorType, parts, 1);
  }
  Value args[] = {self, value};
  CallMethodOn(method, attr, value == kNull ? 1 : 2, 0, args);
  return true;
}

// --- Creating instances ----------------------------------------------------------------

// Mutable containers get their contents from __init__ (list.__init__ and
// so on), the other builtins from __new__: when a class defines __init__,
// its list is made empty and filled by super().__init__(...).
bool NativeBuiltByInit(const Type* native) {
  return IsSubclass(native, &kListType) || IsSubclass(native, &kDictType) || IsSubclass(native, &kSetType) ||
         IsSubclass(native, &kByteArrayType);
}

// The __init__ a new instance of `cls` gets: the first in the MRO, where a
// builtin type built by __new__ (tuple, int, str...) has none of its own,
// so a class after it in the MRO provides it (class C(tuple, Base)); one
// built by __init__ (list...) or object ends the search.
Value LookupInit(const Type* cls) {
  TupleObject* mro = AsTuple(cls->mro);
  for (size_t i = 0; i < mro->length; ++i) {
    const Type* t = TypeValue(mro->items[i]);
    if (!IsClass(t)) {
      if (t == &kObjectType || NativeBuiltByInit(t)) break;
      continue;
    }
    Value found = DictLookup(t->dict, FromQstr(Q___init__));
    if (found != kNull) return found;
  }
  return kNull;
}

[[noreturn]] void RaiseCannotCreate(const Type* type) {
  const char* parts[] = {"cannot create '", TypeName(type), "' instances"};
  RaiseJoined(&kTypeErrorType, parts, 3);
}

Value MakeNative(const Type* native, const Type* cls, size_t n_args, size_t n_kw, const Value* args) {
  if (!native->make_new) RaiseCannotCreate(native);
  // BaseException.__new__ keeps the positional arguments as args.
  if (native->flags & kTypeIsException) return native->make_new(native, n_args, 0, args);
  if (NativeBuiltByInit(native) && LookupInClasses(cls, Q___init__) != kNull)
    return native->make_new(native, 0, 0, nullptr);
  return native->make_new(native, n_args, n_kw, args);
}

// object.__new__(cls, *args): the instance, with its native part made.
Value NewInstance(const Type* cls, size_t n_args, size_t n_kw, const Value* args) {
  size_t n_slots = cls->layout == kNull ? 0 : AsTuple(cls->layout)->length;
  auto* inst = NewObject<InstanceObject>(cls, n_slots * sizeof(Value));
  Value instance = FromPointer(inst);
  inst->dict = kNull;
  inst->native = kNull;
  for (size_t i = 0; i < n_slots; ++i) InstanceSlots(inst)[i] = kNull;
  if (const Type* native = NativeBaseOf(cls)) inst->native = MakeNative(native, cls, n_args, n_kw, args);
  return instance;
}

// cls(*args): __new__, then __init__ when __new__ gave an instance of cls.
Value InstanceMakeNew(const Type* cls, size_t n_args, size_t n_kw, const Value* args) {
  Value new_method = LookupInClasses(cls, Q___new__);
  Value instance;
  if (new_method != kNull) {
    if (HasExactType(new_method, &kStaticMethodType)) new_method = ObjectPointer<MethodWrapper>(new_method)->function;
    instance = CallWithSelf(new_method, FromType(cls), n_args, n_kw, args);
  } else {
    instance = NewInstance(cls, n_args, n_kw, args);
  }
  const Type* type = TypeOf(instance);
  if (!IsSubclass(type, cls)) return instance;
  Value init = IsClass(type) ? LookupInit(type) : kNull;
  if (init == kNull) {
    if ((n_args || n_kw) && new_method == kNull && !NativeBaseOf(cls)) {
      const char* parts[] = {TypeName(cls), "() takes no arguments"};
      RaiseJoined(&kTypeErrorType, parts, 2);
    }
    return instance;
  }
  Value result = CallMethodOn(init, instance, n_args, n_kw, args);
  if (result != kNone) {
    const char* parts[] = {"__init__() should return None, not '", TypeNameOf(result), "'"};
    RaiseJoined(&kTypeErrorType, parts, 3);
  }
  return instance;
}

// --- Attributes of instances --------------------------------------------------------------

// The instance dict's entry for `name`, or null; fills a dict slot cache
// with its position.
MapEntry* FindInInstanceDict(const InstanceObject* inst, Qstr name, AttrCache* cache) {
  Map* map = DictMap(inst->dict);
  MapEntry* entry = MapFind(map, FromQstr(name));
  if (entry) FillAttrCache(cache, inst->base.type, static_cast<Word>(entry - map->entries), kNull);
  return entry;
}

// The word holding the instance's own attribute `name` (its layout slot or
// its dict entry's value), or null when it has none; fills a layout or
// dict slot cache. A layout name that moved to the dict fills no cache:
// dict slot caches are for names outside the layout only, so that one
// never makes another instance of the class store such a name in its dict.
Value* FindOwnAttribute(InstanceObject* inst, Qstr name, AttrCache* cache) {
  const Type* type = inst->base.type;
  ptrdiff_t k = LayoutIndex(type, name);
  if (k >= 0) {
    Value* slot = &InstanceSlots(inst)[k];
    if (*slot == kNull) return nullptr;
    if (*slot != kSentinel) {
      FillAttrCache(cache, type, kAttrCacheSlotBit | static_cast<Word>(k), kNull);
      return slot;
    }
    cache = nullptr;
  }
  if (inst->dict == kNull) return nullptr;
  MapEntry* entry = FindInInstanceDict(inst, name, cache);
  return entry ? &entry->value : nullptr;
}

// Whether `attr`, found in `owner`, binds self when loaded from an
// instance. A builtin function in a user class (f = abs in a class body)
// does not: it acts as a staticmethod, as in MicroPython and CPython; only
// a builtin type's own methods bind.
bool BindsSelf(Value attr, const Type* owner) {
  return IsFunctionObject(attr) && !(IsClass(owner) && HasExactType(attr, &kBuiltinFunctionType));
}

// Whether BindAttribute gives the attribute itself (nothing to bind, no
// code to run): what a class constant cache may hold.
bool BindsToItself(Value attr) {
  if (!IsObject(attr)) return true;
  if (IsFunctionObject(attr)) return false;  // a new bound method each time
  if (IsInstanceObject(attr) && LookupInClasses(TypeOf(attr), Q___get__) != kNull) return false;  // a descriptor
  const Type* type = TypeOf(attr);
  return type != &kStaticMethodType && type != &kClassMethodType && type != &kPropertyType;
}

// kFill: `cache` (may still be null) is filled when the result is
// cacheable (see attr_cache.h); without, the fill code compiles away.
// `for_method`: the cache is a call site's, which has no class constant
// kind.
template <bool kFill>
Value InstanceLoadAttrImpl(Value self, Qstr name, AttrCache* cache, bool for_method) {
  if (!kFill) cache = nullptr;
  const Type* type = TypeOf(self);
  if (name == Q___class__) return FromType(type);
  if (name == Q___dict__) {
    MarkNoAttrCache(type);  // the program may now change the dict at will
    return InstanceDict(self, true);
  }
  if (cache && !AttrCacheAllowed(type)) cache = nullptr;
  InstanceObject* inst = AsInstance(self);
  // Without properties the instance's own attributes come first (the
  // commonest case: no walk of the MRO).
  bool dict_first = !g_property_made && HasOwnAttributes(inst);
  if (dict_first) {
    if (Value* found = FindOwnAttribute(inst, name, cache)) return *found;
  }
  const Type* owner = nullptr;
  Value attr = LookupFrom(type, 0, name, &owner);
  if (attr != kNull && IsDataDescriptor(attr)) return BindAttribute(attr, self, type);
  if (HasOwnAttributes(inst) && !dict_first) {
    if (Value* found = FindOwnAttribute(inst, name, cache)) return *found;
  }
  // A builtin base's methods and attributes apply to the native instance.
  if (attr != kNull && (IsClass(owner) || owner == &kObjectType || inst->native == kNull)) {
    bool itself = BindsToItself(attr) || (IsFunctionObject(attr) && !BindsSelf(attr, owner));
    if (cache && !for_method && itself && !AttrNameMayBeShadowed(name)) FillAttrCache(cache, type, 0, attr);
    return itself ? attr : BindAttribute(attr, self, type);
  }
  if (inst->native != kNull) {
    Value found = LoadAttrOrNull(inst->native, name);
    if (found != kNull) return found;
  }
  Value getattr = LookupInClasses(type, Q___getattr__);
  if (getattr != kNull) return CallMethodOn1(getattr, self, FromQstr(name));
  return kNull;
}

}  // namespace

Value DescriptorGet(Value attr, Value self, const Type* type) {
  if (!IsInstanceObject(attr)) return kNull;
  Value get = LookupInClasses(TypeOf(attr), Q___get__);
  if (get == kNull) return kNull;
  Value args[] = {self == kNull ? kNone : self, FromType(type)};
  return CallMethodOn(get, attr, 2, 0, args);
}

Value NewPlainInstance(const Type* cls) { return NewInstance(cls, 0, 0, nullptr); }

Value* OwnAttributeFirst(Value obj, Qstr name) {
  // (InstanceLoadAttrImpl's dict_first path, and InstanceLoadMethodImpl's.)
  if (g_property_made || !IsInstanceObject(obj) || name == Q___class__ || name == Q___dict__) return nullptr;
  InstanceObject* inst = AsInstance(obj);
  return HasOwnAttributes(inst) ? FindOwnAttribute(inst, name, nullptr) : nullptr;
}

Value* OwnAttributeToStore(Value obj, Qstr name) {
  // (StoreWithHooks and GenericStoreAttr, for a name the instance has.)
  Value* own = OwnAttributeFirst(obj, name);
  if (own == nullptr || AsInstance(obj)->native != kNull) return nullptr;
  if (MapSawAttributeHookKey() && LookupInClasses(TypeOf(obj), Q___setattr__) != kNull) return nullptr;
  return own;
}

bool AttrLookupRunsNoCode(Value obj) {
  if (!IsInstanceObject(obj) || g_property_made || AsInstance(obj)->native != kNull) return false;
  return !MapSawAttributeHookKey() || LookupInClasses(TypeOf(obj), Q___getattr__) == kNull;
}

namespace {

// LoadMethod on an instance: a function found in the classes comes back with
// self (dest[1]) instead of as a new bound method, so obj.m() allocates
// nothing. Anything else is what attribute loading gives.
template <bool kFill>
void InstanceLoadMethodImpl(Value self, Qstr name, Value dest[2], AttrCache* cache) {
  if (!kFill) cache = nullptr;
  InstanceObject* inst = AsInstance(self);
  const Type* type = TypeOf(self);
  bool special = name == Q___class__ || name == Q___dict__;
  if (cache && (special || !AttrCacheAllowed(type))) cache = nullptr;
  // Without properties an instance's own attribute wins (as in
  // InstanceLoadAttr), and once it is known to be absent the class's
  // function needs no second look at the dict.
  bool dict_checked = !g_property_made && !special;
  if (dict_checked && HasOwnAttributes(inst)) {
    if (Value* found = FindOwnAttribute(inst, name, cache)) {
      dest[0] = *found;
      dest[1] = kNull;
      return;
    }
  }
  const Type* owner = nullptr;
  Value attr = LookupFrom(type, 0, name, &owner);
  bool class_function = attr != kNull && BindsSelf(attr, owner) &&
                        (IsClass(owner) || owner == &kObjectType || inst->native == kNull);
  if (class_function &&
      (dict_checked || !HasOwnAttributes(inst) || !FindOwnAttribute(inst, name, nullptr))) {
    if (cache && !AttrNameMayBeShadowed(name)) FillAttrCache(cache, type, 0, attr);
    dest[0] = attr;
    dest[1] = self;
    return;
  }
  dest[0] = InstanceLoadAttrImpl<kFill>(self, name, cache, /*for_method=*/true);
  dest[1] = kNull;
}

}  // namespace

void InstanceLoadMethod(Value self, Qstr name, Value dest[2]) { InstanceLoadMethodImpl<false>(self, name, dest, nullptr); }

void InstanceLoadMethodCached(Value self, Qstr name, Value dest[2], AttrCache* cache) {
  InstanceLoadMethodImpl<true>(self, name, dest, cache);
}

Value InstanceLoadAttrCached(Value self, Qstr name, AttrCache* cache) {
  return InstanceLoadAttrImpl<true>(self, name, cache, false);
}

namespace {

// object.__setattr__: a property's setter, the native instance's own
// attributes (an exception's __cause__), else the instance dict.
// kFill: `cache` (may still be null) is a store site's, filled with the
// entry's position when the store was a plain dict store (the caller found
// no __setattr__).
template <bool kFill = false>
Value GenericStoreAttr(Value self, Qstr name, Value value, AttrCache* cache = nullptr) {
  if (!kFill) cache = nullptr;
  const Type* type = TypeOf(self);
  Value attr = g_property_made ? LookupInType(type, name) : kNull;
  if (attr != kNull && IsDataDescriptor(attr)) {
    if (DescriptorStore(attr, self, value)) return kNone;
    Value setter = ObjectPointer<PropertyObject>(attr)->setter;
    if (setter == kNone) RaiseMessage(&kAttributeErrorType, "can't set attribute");
    Call2(setter, self, value);
    return kNone;
  }
  InstanceObject* inst = AsInstance(self);
  Value native = inst->native;
  if (native != kNull) {
    const Type* native_type = TypeOf(native);
    if (native_type->attr && native_type->attr(native, name, AttrOp::kStore, value) != kNull) return kNone;
  }
  // A new attribute that the class also has shadows it (attr_cache.h, invariant 4).
  auto note_added = [&] {
    if (!AttrNameMayBeShadowed(name) && (MayBeClassAttrName(name) || native != kNull) &&
        (g_property_made ? attr != kNull : LookupInType(type, name) != kNull))
      NoteAttrNameShadowed(name);
  };
  if (cache && (native != kNull || !AttrCacheAllowed(type))) cache = nullptr;
  ptrdiff_t k = LayoutIndex(type, name);
  if (k >= 0 && InstanceSlots(inst)[k] != kSentinel) {
    Value* slot = &InstanceSlots(inst)[k];
    bool added = *slot == kNull;
    *slot = value;
    if (added) note_added();
    FillAttrCache(cache, type, kAttrCacheSlotBit | static_cast<Word>(k), kNull);
    return kNone;
  }
  Map* map = DictMap(OwnDict(inst, true));
  bool added;
  MapEntry* entry = MapFindOrAdd(map, FromQstr(name), &added);
  entry->value = value;
  if (added) note_added();
  if (k < 0) FillAttrCache(cache, type, static_cast<Word>(entry - map->entries), kNull);  // (FindOwnAttribute)
  return kNone;
}

// object.__delattr__; kNull when there is no such attribute.
Value GenericDeleteAttr(Value self, Qstr name) {
  Value attr = g_property_made ? LookupInType(TypeOf(self), name) : kNull;
  if (attr != kNull && IsDataDescriptor(attr)) {
    if (DescriptorStore(attr, self, kNull)) return kNone;
    Value deleter = ObjectPointer<PropertyObject>(attr)->deleter;
    if (deleter == kNone) RaiseMessage(&kAttributeErrorType, "can't delete attribute");
    Call1(deleter, self);
    return kNone;
  }
  InstanceObject* inst = AsInstance(self);
  ptrdiff_t k = LayoutIndex(inst->base.type, name);
  if (k >= 0 && InstanceSlots(inst)[k] != kSentinel) {
    Value* slot = &InstanceSlots(inst)[k];
    if (*slot == kNull) return kNull;
    *slot = kNull;
    return kNone;
  }
  if (inst->dict != kNull && DictRemove(inst->dict, FromQstr(name)) != kNull) return kNone;
  return kNull;
}

// StoreAttr on an instance: __setattr__ when a class defines it, else the
// generic store.
template <bool kFill>
Value StoreWithHooks(Value self, Qstr name, Value value, AttrCache* cache) {
  Value setattr = MapSawAttributeHookKey() ? LookupInClasses(TypeOf(self), Q___setattr__) : kNull;
  if (setattr == kNull) return GenericStoreAttr<kFill>(self, name, value, cache);
  Value args[2] = {FromQstr(name), value};
  CallMethodOn(setattr, self, 2, 0, args);
  return kNone;
}

Value InstanceAttr(Value self, Qstr name, AttrOp op, Value value) {
  const Type* type = TypeOf(self);
  switch (op) {
    case AttrOp::kLoad:
      return InstanceLoadAttrImpl<false>(self, name, nullptr, false);
    case AttrOp::kStore:
      return StoreWithHooks<false>(self, name, value, nullptr);
    case AttrOp::kDelete: {
      Value delattr = MapSawAttributeHookKey() ? LookupInClasses(type, Q___delattr__) : kNull;
      if (delattr == kNull) return GenericDeleteAttr(self, name);
      CallMethodOn1(delattr, self, FromQstr(name));
      return kNone;
    }
  }
  return kNull;
}

}  // namespace

Value InstanceStoreAttrCached(Value self, Qstr name, Value value, AttrCache* cache) {
  return StoreWithHooks<true>(self, name, value, cache);
}

namespace {

// --- Printing ---------------------------------------------------------------------------

bool IsNativeException(Value native) { return native != kNull && (TypeOf(native)->flags & kTypeIsException); }

void PrintMethodResult(const Printer& out, Value method, Value self, const char* method_name) {
  Value text = CallMethodOn0(method, self);
  if (!IsStr(text)) {
    const char* parts[] = {method_name, " returned non-string (type ", TypeNameOf(text), ")"};
    RaiseJoined(&kTypeErrorType, parts, 4);
  }
  PrintValue(out, text, PrintKind::kStr);
}

void InstancePrint(const Printer& out, Value self, PrintKind kind) {
  const Type* type = TypeOf(self);
  Value native = AsInstance(self)->native;
  if (kind == PrintKind::kStr) {
    Value str = LookupInClasses(type, Q___str__);
    if (str != kNull) return PrintMethodResult(out, str, self, "__str__");
    // BaseException.__str__ comes before object.__str__ (which is repr).
    if (IsNativeException(native)) return PrintValue(out, native, PrintKind::kStr);
  }
  Value repr = LookupInClasses(type, Q___repr__);
  if (repr != kNull) return PrintMethodResult(out, repr, self, "__repr__");
  if (IsNativeException(native)) {
    // The exception's repr with the class's name: MyError('message',)
    PrintQstr(out, type->name);
    PrintValue(out, ExceptionOf(native)->args, PrintKind::kRepr);
    return;
  }
  if (native != kNull) return PrintValue(out, native, kind);
  kObjectType.print(out, self, kind);
}

// --- Operators -----------------------------------------------------------------------------

constexpr Qstr Q_ = kNoQstr;  // the method name of operators that have none
constexpr Qstr kUnaryMethodNames[] = {
#define UNARY_OP(Name, method) Q_##method,
#include "runtime/operator.def"
};
constexpr Qstr kBinaryMethodNames[] = {
#define BINARY_OP(Name, method) Q_##method,
#include "runtime/operator.def"
};

Value IdentityHash(Value self) { return FromSmallInt(static_cast<SignedWord>(Bits(self) >> 2)); }

// hash(): __hash__ (None: unhashable), else the native instance's hash,
// else identity.
Value InstanceHash(Value self, Value method, Value native) {
  if (method == kNone) return kNull;  // Hash() raises "unhashable type"
  if (method != kNull) {
    Value result = CallMethodOn0(method, self);
    if (!IsSmallInt(result) && !IsInt(result)) RaiseTypeError("__hash__ method should return an integer");
    return result;
  }
  if (native != kNull) {
    const Type* native_type = TypeOf(native);
    Value hash = native_type->unary_op ? native_type->unary_op(UnaryOp::kHash, native) : kNull;
    if (hash != kNull) return hash;
    bool unhashable = native_type->binary_op && !(native_type->flags & kTypeEqualIsIdentity);
    if (unhashable) return kNull;
  }
  return IdentityHash(self);
}

Value InstanceUnaryOp(UnaryOp op, Value self) {
  const Type* type = TypeOf(self);
  Value native = AsInstance(self)->native;
  Value method = LookupInClasses(type, kUnaryMethodNames[static_cast<unsigned>(op)]);
  switch (op) {
    case UnaryOp::kHash:
      return InstanceHash(self, method, native);
    case UnaryOp::kBool:
    case UnaryOp::kNot:
      if (method != kNull) {
        Value result = CallMethodOn0(method, self);
        if (result != kTrue && result != kFalse) {
          const char* parts[] = {"__bool__ should return bool, returned ", TypeNameOf(result)};
          RaiseJoined(&kTypeErrorType, parts, 2);
        }
        return op == UnaryOp::kNot ? FromBool(result == kFalse) : result;
      }
      if (LookupInClasses(type, Q___len__) != kNull) return kNull;  // truth from __len__
      break;
    case UnaryOp::kLen:
      if (method != kNull) {
        SignedWord length = IndexValue(CallMethodOn0(method, self));
        if (length < 0) RaiseValueError("__len__() should return >= 0");
        return FromSmallInt(length);
      }
      break;
    default:
      if (method != kNull) return CallMethodOn0(method, self);
      break;
  }
  if (native == kNull) return kNull;
  const Type* native_type = TypeOf(native);
  return native_type->unary_op ? native_type->unary_op(op, native) : kNull;
}

bool IsInplace(BinaryOp op) { return op >= BinaryOp::kInplaceOr && op <= BinaryOp::kInplacePower; }

// self is the left operand, or the right one for a reflected operator (and
// the container for Contains), as ApplyBinaryOp calls slots.
Value InstanceBinaryOp(BinaryOp op, Value self, Value other) {
  if (op == BinaryOp::kIn) return kNull;  // never reaches types (Contains does)
  Qstr name = kBinaryMethodNames[static_cast<unsigned>(op)];
  if (name == kNoQstr) return kNull;
  Value method = LookupInClasses(TypeOf(self), name);
  if (method != kNull) {
    Value result = CallMethodOn1(method, self, other);
    return result == NotImplementedValue() ? kNull : result;
  }
  Value native = AsInstance(self)->native;
  if (native == kNull) return kNull;
  const Type* native_type = TypeOf(native);
  if (!native_type->binary_op) return kNull;
  Value result = native_type->binary_op(op, native, NativeValue(other));
  // An in-place operator that updated the native instance: x += y keeps x.
  if (IsInplace(op) && result == native) return self;
  return result;
}

// --- Subscripts, iteration, calls, buffers -----------------------------------------------

Value InstanceSubscr(Value self, Value index, Value value) {
  Qstr name = value == kSentinel ? Q___getitem__ : value == kNull ? Q___delitem__ : Q___setitem__;
  Value method = LookupInClasses(TypeOf(self), name);
  if (method != kNull) {
    if (value == kSentinel) return CallMethodOn1(method, self, index);
    if (value == kNull) {
      CallMethodOn1(method, self, index);
      return kNone;
    }
    Value args[2] = {index, value};
    CallMethodOn(method, self, 2, 0, args);
    return kNone;
  }
  Value native = AsInstance(self)->native;
  if (native == kNull || !TypeOf(native)->subscr) return kNull;
  // dict subclasses get the instance itself: dict looks __missing__ up on it.
  return TypeOf(native)->subscr(IsSubclass(TypeOf(native), &kDictType) ? self : native, index, value);
}

Value InstanceGetIter(Value self) {
  Value method = LookupInClasses(TypeOf(self), Q___iter__);
  if (method != kNull) return CallMethodOn0(method, self);
  Value native = AsInstance(self)->native;
  if (native == kNull || !TypeOf(native)->get_iter) return kNull;  // GetIter tries __getitem__
  Value it = TypeOf(native)->get_iter(native);
  return it == native ? self : it;
}

// __next__ signals the end by raising StopIteration; the slot convention is
// to return kStopIteration, so the raise is caught here (only here: builtin
// iterators never raise it, and the generic IterNext stays handler-free).
// The exception is kept for next() (g_state.stop_iteration).
Value InstanceIterNext(Value self) {
  Value method = LookupInClasses(TypeOf(self), Q___next__);
  if (method != kNull) {
    NlrBuf buf;
    if (taipan_nlr_push(&buf) == 0) {
      Value next = CallMethodOn0(method, self);
      taipan_nlr_pop();
      return next;
    }
    Value exc = FromPointer(buf.value);
    if (!IsInstance(exc, FromType(&kStopIterationType))) Raise(exc);
    g_state.stop_iteration = exc;
    return kStopIteration;
  }
  Value native = AsInstance(self)->native;
  if (native == kNull || !TypeOf(native)->iter_next) {
    const char* parts[] = {"'", TypeNameOf(self), "' object isn't an iterator"};
    RaiseJoined(&kTypeErrorType, parts, 3);
  }
  return TypeOf(native)->iter_next(native);
}

Value InstanceCall(Value self, size_t n_args, size_t n_kw, const Value* args) {
  Value method = LookupInClasses(TypeOf(self), Q___call__);
  if (method != kNull) return CallMethodOn(method, self, n_args, n_kw, args);
  Value native = AsInstance(self)->native;
  if (native == kNull || !TypeOf(native)->call) {
    const char* parts[] = {"'", TypeNameOf(self), "' object isn't callable"};
    RaiseJoined(&kTypeErrorType, parts, 3);
  }
  return TypeOf(native)->call(native, n_args, n_kw, args);
}

bool InstanceGetBuffer(Value self, BufferInfo* info, bool for_write) {
  Value native = AsInstance(self)->native;
  return native != kNull && TypeOf(native)->get_buffer && TypeOf(native)->get_buffer(native, info, for_write);
}

// --- Making classes --------------------------------------------------------------------------

[[noreturn]] void RaiseTypeNamed(const char* before, const Type* type, const char* after) {
  const char* parts[] = {before, TypeName(type), after};
  RaiseJoined(&kTypeErrorType, parts, 3);
}

void CheckBases(size_t n_bases, const Value* bases) {
  for (size_t i = 0; i < n_bases; ++i) {
    if (!IsType(bases[i])) RaiseTypeError("bases must be types");
    const Type* base = TypeValue(bases[i]);
    if (!(base->flags & kTypeBaseAllowed)) RaiseTypeNamed("type '", base, "' is not an acceptable base type");
    for (size_t j = 0; j < i; ++j)
      if (bases[j] == bases[i]) RaiseTypeNamed("duplicate base class ", base, "");
  }
}

// The builtin type whose instance the class's instances hold: the most
// derived of the bases' native bases. Exceptions share one layout, so two
// unrelated exception bases do not conflict (the first one is used).
const Type* CommonNativeBase(size_t n_bases, const Value* bases) {
  const Type* native = nullptr;
  for (size_t i = 0; i < n_bases; ++i) {
    const Type* base = TypeValue(bases[i]);
    const Type* candidate = IsClass(base) ? NativeBaseOf(base) : base == &kObjectType ? nullptr : base;
    if (!candidate || (native && IsSubclass(native, candidate))) continue;
    if (!native || IsSubclass(candidate, native)) {
      native = candidate;
      continue;
    }
    if ((native->flags & kTypeIsException) && (candidate->flags & kTypeIsException)) continue;
    RaiseTypeError("multiple bases have instance lay-out conflict");
  }
  return native;
}

// One sequence of the C3 merge: a base's linearisation, or the bases.
struct MergeSequence {
  const Value* items;
  size_t length;
  size_t head;
};

void Linearisation(const Type* type, MergeSequence* out) {
  out->head = 0;
  if (type->mro != kNull) {
    out->items = AsTuple(type->mro)->items;
    out->length = AsTuple(type->mro)->length;
    return;
  }
  size_t length = MroLength(type);
  bool add_object = MroItem(type, length - 1) != &kObjectType;
  Value* items = static_cast<Value*>(Allocate((length + add_object) * sizeof(Value)));
  for (size_t i = 0; i < length; ++i) items[i] = FromType(MroItem(type, i));
  if (add_object) items[length] = FromType(&kObjectType);
  out->items = items;
  out->length = length + add_object;
}

bool InSomeTail(Value candidate, const MergeSequence* sequences, size_t n) {
  for (size_t s = 0; s < n; ++s)
    for (size_t k = sequences[s].head + 1; k < sequences[s].length; ++k)
      if (sequences[s].items[k] == candidate) return true;
  return false;
}

[[noreturn]] void RaiseMroConflict(const MergeSequence* sequences, size_t n) {
  StringBuilder text;
  text.AppendCString("Cannot create a consistent method resolution order (MRO) for bases");
  for (size_t s = 0; s < n; ++s) {
    if (sequences[s].head >= sequences[s].length) continue;
    Value head = sequences[s].items[sequences[s].head];
    bool seen = false;
    for (size_t t = 0; t < s; ++t)
      seen |= sequences[t].head < sequences[t].length && sequences[t].items[sequences[t].head] == head;
    if (seen) continue;
    text.AppendCString(text.data[text.length - 1] == 's' ? " " : ", ");
    text.AppendCString(TypeName(TypeValue(head)));
  }
  Value message = text.ToStr();
  Raise(NewException(&kTypeErrorType, 1, &message));
}

// C3: the class, then the merge of its bases' linearisations and the list
// of bases: repeatedly the first head that is in no sequence's tail.
Value ComputeMro(Value cls, size_t n_bases, const Value* bases) {
  size_t n = n_bases + 1;
  auto* sequences = static_cast<MergeSequence*>(Allocate(n * sizeof(MergeSequence)));
  for (size_t i = 0; i < n_bases; ++i) Linearisation(TypeValue(bases[i]), &sequences[i]);
  sequences[n_bases] = {bases, n_bases, 0};
  Value result = NewList(1, &cls);
  for (;;) {
    Value candidate = kNull;
    bool any_left = false;
    for (size_t s = 0; s < n && candidate == kNull; ++s) {
      if (sequences[s].head >= sequences[s].length) continue;
      any_left = true;
      Value head = sequences[s].items[sequences[s].head];
      if (!InSomeTail(head, sequences, n)) candidate = head;
    }
    if (!any_left) break;
    if (candidate == kNull) RaiseMroConflict(sequences, n);
    ListAppend(result, candidate);
    for (size_t s = 0; s < n; ++s)
      if (sequences[s].head < sequences[s].length && sequences[s].items[sequences[s].head] == candidate)
        ++sequences[s].head;
  }
  return NewTuple(AsList(result)->length, AsList(result)->items);
}

// A copy of the namespace with qstr keys (so lookups by qstr find them),
// adjusted as type() does: __new__ is a staticmethod, and a class that
// defines __eq__ without __hash__ is unhashable (__hash__ = None).
Value ClassDictFrom(Value namespace_dict) {
  if (!IsObject(namespace_dict) || !IsSubclass(TypeOf(namespace_dict), &kDictType))
    RaiseTypeError("type() argument 3 must be dict");
  Value source = NativeValue(namespace_dict);
  Value dict = NewDict(DictMap(source)->used);
  size_t position = 0;
  while (MapEntry* entry = MapNext(DictMap(source), &position)) {
    if (!IsStr(entry->key)) RaiseTypeError("attribute name must be string");
    DictStore(dict, IsQstr(entry->key) ? entry->key : FromQstr(StrToQstr(entry->key)), entry->value);
  }
  Value new_method = DictLookup(dict, FromQstr(Q___new__));
  if (new_method != kNull && IsFunctionObject(new_method))
    DictStore(dict, FromQstr(Q___new__), NewStaticMethod(new_method));
  if (DictLookup(dict, FromQstr(Q___eq__)) != kNull && DictLookup(dict, FromQstr(Q___hash__)) == kNull)
    DictStore(dict, FromQstr(Q___hash__), kNone);
  return dict;
}

bool DefinesAny(const Type* type, const Qstr* names, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (LookupInClasses(type, names[i]) != kNull) return true;
  return false;
}

// The slots every class has, and those only classes that support the
// operation get (callable(), iter() and next() look at the slot itself).
// They are chosen when the class is made: a __call__ added to the class
// later does not make its instances callable.
void SetSlots(Type* type) {
  type->make_new = InstanceMakeNew;
  type->print = InstancePrint;
  type->unary_op = InstanceUnaryOp;
  type->binary_op = InstanceBinaryOp;
  type->attr = InstanceAttr;
  const Type* native = NativeBaseOf(type);
  constexpr Qstr kCall[] = {Q___call__};
  constexpr Qstr kSubscr[] = {Q___getitem__, Q___setitem__, Q___delitem__};
  constexpr Qstr kIter[] = {Q___iter__};
  constexpr Qstr kNext[] = {Q___next__};
  if (DefinesAny(type, kCall, 1) || (native && native->call)) type->call = InstanceCall;
  if (DefinesAny(type, kSubscr, 3) || (native && native->subscr)) type->subscr = InstanceSubscr;
  if (DefinesAny(type, kIter, 1) || (native && native->get_iter)) type->get_iter = InstanceGetIter;
  if (DefinesAny(type, kNext, 1) || (native && native->iter_next)) type->iter_next = InstanceIterNext;
  if (native && native->get_buffer) type->get_buffer = InstanceGetBuffer;
  if (native) type->protocol = native->protocol;
}

// type() calls __set_name__(cls, name) on the class attributes that have it
// (descriptors defined by programs; builtin values never do).
void CallSetName(Value cls) {
  // The hooks may set or delete the class's attributes, so the entries
  // that have one are taken first: each hook runs, on the object the class
  // body made, whatever an earlier one did (as in CPython).
  Map* map = DictMap(TypeValue(cls)->dict);
  Value hooked = NewList(0, nullptr);  // name, object, name, object...
  size_t position = 0;
  while (MapEntry* entry = MapNext(map, &position)) {
    if (!IsInstanceObject(entry->value) || LookupInClasses(TypeOf(entry->value), Q___set_name__) == kNull) continue;
    ListAppend(hooked, entry->key);
    ListAppend(hooked, entry->value);
  }
  for (size_t i = 0; i + 1 < AsList(hooked)->length; i += 2) {
    Value name = AsList(hooked)->items[i];
    Value object = AsList(hooked)->items[i + 1];
    Value args[2] = {cls, name};
    CallMethodOn(LookupInClasses(TypeOf(object), Q___set_name__), object, 2, 0, args);
  }
}

}  // namespace

Value NewClass(Qstr name, Value bases, Value namespace_dict) {
  size_t n_bases;
  Value* base_items;
  GetSequenceItems(bases, &n_bases, &base_items);
  Value object_base = FromType(&kObjectType);
  if (n_bases == 0) {
    bases = NewTuple(1, &object_base);
  } else if (!HasExactType(bases, &kTupleType)) {
    bases = NewTuple(n_bases, base_items);
  }
  GetSequenceItems(bases, &n_bases, &base_items);
  CheckBases(n_bases, base_items);
  const Type* native = CommonNativeBase(n_bases, base_items);
  Value dict = ClassDictFrom(namespace_dict);

  auto* type = NewObject<Type>(&kTypeType);
  // The Type may be at the address of a class collected earlier, for which
  // attribute caches may still be filled (attr_cache.h, invariant 2).
  InvalidateAttrCaches();
  Value cls = FromType(type);
  type->flags = kTypeIsClass | kTypeBaseAllowed;
  type->name = name;
  type->base_type = native ? native : &kObjectType;
  type->dict = dict;
  type->bases = bases;
  type->mro = ComputeMro(cls, n_bases, base_items);
  NoteClassAttrNames(dict);
  SetSlots(type);
  // Its instances are descriptors: lookups must find them first.
  if (LookupInClasses(type, Q___get__) != kNull || LookupInClasses(type, Q___set__) != kNull ||
      LookupInClasses(type, Q___delete__) != kNull)
    NotePropertyMade();
  CallSetName(cls);
  return cls;
}

// --- object's methods for classes ------------------------------------------------------------

namespace {

// object.__init__(self, *args, **kw), which for a class with a native base
// is also the native type's __init__.
Value ObjectInit(size_t n_args, const Value* args, size_t n_kw, const Value* kw) {
  Value self = args[0];
  const Type* native = IsInstanceObject(self) ? NativeBaseOf(TypeOf(self)) : nullptr;
  if (!native) {
    if (n_args > 1 || n_kw) RaiseTypeError("object.__init__() takes exactly one argument (the instance to initialize)");
    return kNone;
  }
  if (native->flags & kTypeIsException) {
    ExceptionOf(self)->args = n_args == 1 ? EmptyTuple() : NewTuple(n_args - 1, args + 1);
  } else if (NativeBuiltByInit(native)) {
    // The keyword pairs follow the positional arguments (CallBuiltin).
    (void)kw;
    AsInstance(self)->native = native->make_new(native, n_args - 1, n_kw, args + 1);
  }
  return kNone;
}

// object.__new__(cls, *args, **kw)
Value ObjectNew(size_t n_args, const Value* args, size_t n_kw, const Value*) {
  if (!IsType(args[0])) RaiseTypeError("object.__new__(X): X is not a type object");
  const Type* cls = TypeValue(args[0]);
  if (IsClass(cls)) return NewInstance(cls, n_args - 1, n_kw, args + 1);
  // A builtin type makes its own instances (its __new__), as in CPython.
  if (cls != &kObjectType) {
    const char* parts[] = {"object.__new__(", TypeName(cls), ") is not safe, use ", TypeName(cls), ".__new__()"};
    RaiseJoined(&kTypeErrorType, parts, 5);
  }
  return cls->make_new(cls, n_args - 1, n_kw, args + 1);
}

void CheckInstance(Value self) {
  if (!IsInstanceObject(self)) RaiseTypeError("can't apply this __setattr__ to object");
}

Value ObjectSetAttr(Value self, Value name, Value value) {
  CheckInstance(self);
  return GenericStoreAttr(self, StrToQstr(name), value);
}

Value ObjectDelAttr(Value self, Value name) {
  CheckInstance(self);
  if (GenericDeleteAttr(self, StrToQstr(name)) == kNull) RaiseAttributeError(self, StrToQstr(name));
  return kNone;
}

// object.__repr__: the native instance's repr, or <A object at 0x...>.
Value ObjectRepr(Value self) {
  StringBuilder text;
  Value native = IsInstanceObject(self) ? AsInstance(self)->native : kNull;
  if (native != kNull) PrintValue(text.AsPrinter(), native, PrintKind::kRepr);
  else kObjectType.print(text.AsPrinter(), self, PrintKind::kRepr);
  return text.ToStr();
}

// object.__str__ is repr(self) (which finds the class's __repr__).
Value ObjectStr(Value self) { return ReprOf(self); }

constexpr BuiltinFunction kObjectReprFn(Q___repr__, ObjectRepr);
constexpr BuiltinFunction kObjectStrFn(Q___str__, ObjectStr);

// What super() finds for these names when it reaches a builtin type that
// does not list them: object's (and native bases') own implementations.
Value ObjectMethod(Qstr name) {
  if (name == Q___init__) return FromPointer(&kObjectInitFn);
  if (name == Q___new__) return FromPointer(&kObjectNewMethod);
  if (name == Q___setattr__) return FromPointer(&kObjectSetAttrFn);
  if (name == Q___delattr__) return FromPointer(&kObjectDelAttrFn);
  if (name == Q___repr__) return FromPointer(&kObjectReprFn);
  if (name == Q___str__) return FromPointer(&kObjectStrFn);
  return kNull;
}

}  // namespace

constexpr BuiltinFunction kObjectInitFn(Q___init__, 1, kAnyArgs, ObjectInit);
constexpr BuiltinFunction kObjectNewFn(Q___new__, 1, kAnyArgs, ObjectNew);
constexpr ConstMethodWrapper kObjectNewMethod = {{&kStaticMethodType}, &kObjectNewFn.base};
constexpr BuiltinFunction kObjectSetAttrFn(Q___setattr__, ObjectSetAttr);
constexpr BuiltinFunction kObjectDelAttrFn(Q___delattr__, ObjectDelAttr);

// --- super ---------------------------------------------------------------------------------------

namespace {

struct SuperObject {
  Object base;  // &kSuperType
  Value type;   // the class to start after
  Value obj;    // the instance (or class, for classmethods) to bind to
};

// super(type, obj); the compiler passes __class__ and self for super().
Value SuperMakeNew(const Type*, size_t n_args, size_t n_kw, const Value* args) {
  if (n_args == 0 && n_kw == 0) RaiseMessage(&kRuntimeErrorType, "super(): no arguments");
  CheckArgCount(n_args, n_kw, 2, 2, Q_super);
  if (!IsType(args[0])) RaiseTypeError("super() argument 1 must be a type");
  const Type* type = TypeValue(args[0]);
  Value obj = args[1];
  bool ok = IsSubclass(TypeOf(obj), type) || (IsType(obj) && IsSubclass(TypeValue(obj), type));
  if (!ok) RaiseTypeError("super(type, obj): obj must be an instance or subtype of type");
  auto* super = NewObject<SuperObject>(&kSuperType);
  super->type = args[0];
  super->obj = obj;
  return FromPointer(super);
}

// The attribute after `type` in the MRO of obj's type, bound to obj.
Value SuperAttr(Value self, Qstr name, AttrOp op, Value) {
  if (op != AttrOp::kLoad) return kNull;
  auto* super = ObjectPointer<SuperObject>(self);
  const Type* start = TypeValue(super->type);
  Value obj = super->obj;
  bool obj_is_class = IsType(obj) && IsSubclass(TypeValue(obj), start);
  const Type* obj_type = obj_is_class ? TypeValue(obj) : TypeOf(obj);
  Value bind_to = obj_is_class ? kNull : obj;
  size_t length = MroLength(obj_type);
  size_t i = 0;
  while (i < length && MroItem(obj_type, i) != start) ++i;
  bool reached_builtin = false;
  for (++i; i < length; ++i) {
    const Type* t = MroItem(obj_type, i);
    Value found = OwnAttribute(t, name);
    if (found != kNull) {
      // A builtin base's method works on the native instance.
      bool native_method = !IsClass(t) && t != &kObjectType && bind_to != kNull;
      if (IsFunctionObject(found) && !BindsSelf(found, t)) return found;
      return BindAttribute(found, native_method ? NativeValue(obj) : bind_to, obj_type);
    }
    if (!IsClass(t) && !reached_builtin) {
      reached_builtin = true;
      Value fallback = ObjectMethod(name);
      if (fallback != kNull) return BindAttribute(fallback, bind_to, obj_type);
    }
  }
  return kNull;
}

void SuperPrint(const Printer& out, Value self, PrintKind) {
  auto* super = ObjectPointer<SuperObject>(self);
  PrintCString(out, "<super: ");
  PrintValue(out, super->type, PrintKind::kRepr);
  PrintCString(out, ", ");
  PrintValue(out, super->obj, PrintKind::kRepr);
  PrintCString(out, ">");
}

}  // namespace

const Type kSuperType = {
    .base = {&kTypeType},
    .flags = kTypeEqualIsIdentity,
    .name = Q_super,
    .make_new = SuperMakeNew,
    .print = SuperPrint,
    .attr = SuperAttr,
    .base_type = &kObjectType,
};

}  // namespace taipan::rt
