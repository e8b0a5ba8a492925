// Classes defined by programs, and their instances.
//
// A class is a heap Type (flags kTypeIsClass) whose slots are the generic
// instance_* functions of class.cpp: they look the special methods
// (__add__, __getitem__, ...) up in the class's MRO and call them. Its
// attributes are in `dict`, its C3 linearisation in `mro` (itself first,
// `object` last) and its direct bases in `bases`.
//
// An instance is an InstanceObject. When the class derives from a builtin
// type other than object (list, dict, Exception, ...), `native` holds an
// instance of that builtin type, which the builtin's methods operate on:
// NativeValue() is what a builtin method receives as self.
//
// The attribute lookups of instances also fill the per-site caches of
// natively compiled code; attr_cache.h says what a cache may hold and why
// it stays right (every change to a class invalidates them all).
#ifndef TAIPAN_RUNTIME_CLASS_H
#define TAIPAN_RUNTIME_CLASS_H

#include "runtime/object.h"

namespace taipan::rt {

struct AttrCache;  // attr_cache.h

struct InstanceObject {
  Object base;  // the class (its `type` is a heap Type with kTypeIsClass)
  Value dict;   // the instance's __dict__ (a dict), kNull until first needed
  Value native; // the builtin base's instance, or kNull
  // Then one slot per name of the class's layout (below).
};

// Layouts. Natively compiled code gives a class whose instances it knows
// the attributes of a layout (SetClassLayout, right after the class
// statement, before any instance exists): a tuple of names. Its instances
// then keep those attributes in slots after the fixed fields, in layout
// order, instead of in the dict, and compiled code reaches them at fixed
// offsets. A slot is part of the instance's own attributes for every
// lookup, store and delete: kNull marks the attribute absent, kSentinel
// that it moved to the dict, which happens to all slots at once when the
// program takes the instance's __dict__ (or dir() lists it), so that the
// dict is the whole truth from then on.
inline Value* InstanceSlots(InstanceObject* inst) { return reinterpret_cast<Value*>(inst + 1); }
// `names`: qstr Values; at most kMaxLayoutSlots.
void SetClassLayout(Value cls, size_t n, const Value* names);
constexpr size_t kMaxLayoutSlots = 255;

// A class's Type fields beyond the slots: `dict` (keys are qstr values),
// `bases` (tuple), `mro` (tuple of types: the class first, every builtin
// ancestor included, `object` last) and `base_type`, which for a class is its
// native base (the most derived builtin ancestor other than object, whose
// instance InstanceObject::native holds) or &kObjectType when there is none.

// type(name, bases, dict): a new class. Raises TypeError for an
// inconsistent MRO or a base that cannot be subclassed.
Value NewClass(Qstr name, Value bases, Value dict);
bool IsClass(const Type* type);
// LoadMethod for an instance of a class: a class's function with self in
// dest[1] (no bound method), else the attribute with dest[1] = kNull.
void InstanceLoadMethod(Value self, Qstr name, Value dest[2]);
// The same, filling a call site's attribute cache (attr_cache.h) when the
// result is cacheable.
void InstanceLoadMethodCached(Value self, Qstr name, Value dest[2], AttrCache* cache);
// The attribute of an instance of a class (kNull when absent), filling a
// load site's cache when the result is cacheable.
Value InstanceLoadAttrCached(Value self, Qstr name, AttrCache* cache);
// StoreAttr on an instance of a class, filling a store site's cache when
// the store was a plain dict store. Returns kNone (kNull: not stored).
Value InstanceStoreAttrCached(Value self, Qstr name, Value value, AttrCache* cache);
// The word holding `obj`'s own attribute `name` when obj is an instance of
// a class and a load of the attribute gives that word's value before
// anything else (no property exists, the name is no __class__ or
// __dict__); null otherwise, also when it has no such attribute. For
// getattr/setattr with a name computed at run time (no site cache).
Value* OwnAttributeFirst(Value obj, Qstr name);
// The same word, when a store of the attribute would just overwrite it:
// besides, no class of obj's defines __setattr__ and it has no native base.
Value* OwnAttributeToStore(Value obj, Qstr name);
// Whether looking an attribute of `obj` up runs no Python code (an
// instance of a class without __getattr__ or native base, while no
// property exists), so that a miss raises nothing.
bool AttrLookupRunsNoCode(Value obj);
// A new instance of a class without a native base, before its __init__
// (what object.__new__ makes; native code calls __init__ itself).
Value NewPlainInstance(const Type* cls);
// The builtin type (other than object) a class derives from, or null.
const Type* NativeBaseOf(const Type* type);
// For a class instance with a native base: that native instance; for
// anything else: v itself.
Value NativeValue(Value v);
// The instance's attribute dict, created when `create` (kNull otherwise).
// Its layout's slots move into it first (the dict is then all of them).
Value InstanceDict(Value instance, bool create);
// The dict of the instance's attributes outside its layout, created if
// needed; the slots stay.
Value InstanceOwnDict(Value instance);

// NewProperty notes that a property object exists, and NewClass that a
// class defining __get__, __set__ or __delete__ does (its instances are
// descriptors). Until either happens no class attribute can take
// precedence over an instance's own dict: attribute access then looks
// there first, and stores skip looking for a setter (MicroPython's order,
// which is CPython's in that case).
void NotePropertyMade();
// attr.__get__(self or None, type) when attr is an instance of a class
// with __get__ (a descriptor found as a class attribute), else kNull.
Value DescriptorGet(Value attr, Value self, const Type* type);

// object's own methods, for object.cpp's method table (object.__init__,
// object.__new__ (a staticmethod), object.__setattr__, object.__delattr__):
// super() falls back to them when it reaches a builtin type.
extern const BuiltinFunction kObjectInitFn;
extern const ConstMethodWrapper kObjectNewMethod;
extern const BuiltinFunction kObjectSetAttrFn;
extern const BuiltinFunction kObjectDelAttrFn;

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_CLASS_H
