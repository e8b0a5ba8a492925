// Per-site inline caches for attribute loads, stores and method calls in
// natively compiled code.
//
// Every LoadAttr, StoreAttr and CallMethod site of generated code owns one
// AttrCache (four machine words, zero-initialised, in the generated
// module's data). Generated code checks it inline and calls the runtime
// only on a miss (native_abi.def's load_attr_cached, store_attr_cached,
// call_method_cached); those helpers do the full lookup with exactly the
// uncached semantics and refill the cache when the result is cacheable.
// The layout is part of the runtime ABI (TAIPAN_ABI_FIELD entries in
// native_abi.def, static_asserted by native_abi.h).
//
// ---------------------------------------------------------------------------
// What a cache says
// ---------------------------------------------------------------------------
//
// A cache is *valid* for an object when the object is a heap object whose
// type word equals `type` and `epoch` equals the global attribute epoch
// (taipan_native_attr_epoch). An empty cache (type null) is valid for
// nothing. A valid cache means one of:
//
//  - value == kNull and index with kAttrCacheSlotBit set: the *layout
//    slot* kind. The attribute is what the instance's layout slot number
//    `index` without the bit holds (class.h), when that is a value (not
//    kNull, not kSentinel); otherwise a miss. A store writes the slot when
//    it does not hold kSentinel (a slot holding kNull gains the attribute).
//    For a method call the attribute is called without self.
//  - value == kNull otherwise: the *dict slot* kind. The attribute is
//    whatever the object's attribute dict (word 1: InstanceObject::dict
//    for instances of classes, ModuleObject::globals for modules) holds
//    for the name, *when* that dict's entry at `index` is live and has
//    the name (as a qstr) for its key; otherwise the cache says nothing (a
//    miss). For a method call the attribute is called without self. Never
//    for a layout's name (class.cpp, FindOwnAttribute).
//  - value != kNull at a load site: the *class constant* kind. The
//    attribute is `value`, a class attribute that binds to itself (not a
//    function, property, staticmethod or classmethod) and that no instance
//    dict shadows.
//  - value != kNull at a call site: the *method* kind. The call is
//    value(obj, *args): `value` is a function found in the type's MRO that
//    no instance dict shadows (for builtin types: a method of the type
//    without an attr slot, which no instance can shadow).
//
// Store sites only ever hold the dict or layout slot kind: storing into
// the live entry at `index` (or the slot) is the whole store. A valid
// dict slot store cache whose entry does not match still says that a plain
// dict store of the name is the store (no __setattr__, property or native
// part, and adding the name shadows nothing that is not recorded
// already), so the miss helper stores without those checks.
//
// ---------------------------------------------------------------------------
// Why a valid cache stays right (the invariants)
// ---------------------------------------------------------------------------
//
// A cache is filled from a lookup that ran no Python code between finding
// the attribute and the fill, with the epoch read at the fill. Everything
// the lookup depended on either cannot change or bumps the epoch when it
// changes, which invalidates every cache at once:
//
//  1. Class dicts change only through StoreAttr/DeleteAttr on the class
//     (runtime.cpp), which bump the epoch first. Builtin types' tables are
//     constant. A class whose __dict__ was taken (type.__dict__ is the real
//     dict, which a program may then change at any time) is flagged
//     kTypeNoAttrCache, and no cache is ever filled for a type with such a
//     class in its MRO.
//  2. A type pointer can be reused: a class may be collected and a new
//     class allocated at its address. NewClass bumps the epoch as soon as
//     the new Type exists, so no cache filled for the old class is valid
//     for the new one. (A collected class has no instances left, so a
//     stale cache could not match before that.) The cache therefore needs
//     no GC root: its `type` and `value` are dereferenced only while valid,
//     and while valid an object of `type` is alive, keeping the class, its
//     dict and `value` alive.
//  3. Until the first property exists no data descriptor does, and the
//     instance dict is searched first; caches filled then do not look for
//     one. A property changes a lookup only from a class dict, which
//     (1) and (2) cover; NotePropertyMade bumps the epoch as well, once.
//  4. Shadowing. Each qstr has a "may be shadowed" bit (a 256-bit set
//     indexed by the qstr id, so unrelated names may share one: that only
//     costs caching). Invariant: when an instance of class T has name N in
//     its dict and N is also found in T's MRO, N's bit is set, or T or a
//     class of its MRO is flagged kTypeNoAttrCache. It holds because an
//     instance dict gains a key only through GenericStoreAttr, which sets
//     the bit when the key is new and the MRO has the name; through the
//     instance's __dict__, which flags its class; or N is added to a class
//     later, which sets the bit (StoreAttr on a class, new key). Setting a
//     bit bumps the epoch. Class constant and method caches are filled only
//     for names whose bit is clear, so while valid no instance shadows them.
//     So that adding an instance attribute stays cheap, GenericStoreAttr
//     looks at the MRO only for names in a second set (1024 bits): every
//     name a class dict ever had (NewClass, StoreAttr on a class) and
//     object's methods; classes with a native base are always looked at.
//  5. Instance dicts are checked at every hit (the live key at `index`), so
//     deleted attributes, rebuilt or grown dicts and other instances' dicts
//     need no invalidation: a position that moved is a miss and refills.
//     A live entry's value is never kNull outside a map operation.
//  6. The epoch is a machine word that only grows; it would have to wrap
//     around (2^32 class changes on a 32-bit target) between a fill and a
//     use for a stale cache to look valid.
//
// Cost: every class creation, class attribute store or delete, first
// property, new shadowed name and flagged class bumps the epoch and so
// makes every site miss once. Programs that mutate classes in a hot loop
// (a class-level counter) therefore run on the miss path there; the miss
// path is the ordinary lookup plus a few checks.
#ifndef TAIPAN_RUNTIME_ATTR_CACHE_H
#define TAIPAN_RUNTIME_ATTR_CACHE_H

#include "runtime/object.h"

namespace taipan::rt {

// AttrCache::index of the layout slot kind: the slot number with this bit.
constexpr Word kAttrCacheSlotBit = Word{1} << (sizeof(Word) * 8 - 1);

struct AttrCache {
  const Type* type;  // null: empty
  Word epoch;        // taipan_native_attr_epoch when filled
  Word index;        // dict slot kind: the position in the dict's entries
  Value value;       // kNull: dict slot kind; else the class constant or method
};

// obj.name (AttributeError as LoadAttr), using and refilling `cache`.
Value LoadAttrCached(Value obj, Qstr name, AttrCache* cache);
// obj.name = value, as StoreAttr.
void StoreAttrCached(Value obj, Qstr name, Value value, AttrCache* cache);
// LoadMethod (AttributeError when absent).
void LoadMethodCached(Value obj, Qstr name, Value dest[2], AttrCache* cache);

// ---------------------------------------------------------------------------
// Global caches
// ---------------------------------------------------------------------------
//
// Every LoadGlobal and StoreGlobal site of generated code owns one
// GlobalCache (two words, zeroed). It names an entry by position, so
// nothing in it can dangle and it needs no epoch; the generated code checks
// the entry on every use (a store's cache only ever has bits == 0, and its
// hit writes the entry's value):
//
//  - bits == 0: the name is the module's global at position `index` of its
//    globals dict, when that entry is live with the name's qstr for its key
//    and a value. (An empty cache guesses position 0 this way.)
//  - bits != 0: the name is no global and is the builtin at position
//    `index` of the builtins dict (taipan_native_builtins_map), when the
//    globals dict's key_filter lacks some of `bits` (map.h: then the globals
//    certainly have no such key) and that entry is live with the name.
//
// Anything else is a miss: load_global_cached looks the name up as the VM
// does (globals, then builtins, NameError) and refills the cache.
struct GlobalCache {
  Word index;
  Word bits;  // 0, or the name's MapQstrFilterBits when it is a builtin
};

// A global load through `cache` (the miss path of the generated code).
Value LoadGlobalCached(Value globals, Qstr name, GlobalCache* cache);
// A global store through `cache` (the same).
void StoreGlobalCached(Value globals, Qstr name, Value value, GlobalCache* cache);

// Invalidates every cache (bumps the epoch).
void InvalidateAttrCaches();
// A new runtime (RuntimeInit): no instance exists, so no name is shadowed;
// caches filled against the old heap are invalidated.
void ResetAttrCaches();
// A class attribute `name` of `cls` is about to be stored or deleted.
void NoteClassAttrChange(const Type* cls, Qstr name);
// The program got hold of the class's own dict (cls.__dict__).
void NoteClassDictExposed(const Type* cls);

// For class.cpp's instance lookups: see the invariants above.
bool AttrNameMayBeShadowed(Qstr name);
void NoteAttrNameShadowed(Qstr name);
bool AttrCacheAllowed(const Type* type);  // no kTypeNoAttrCache class in the MRO
void MarkNoAttrCache(const Type* type);
void FillAttrCache(AttrCache* cache, const Type* type, Word index, Value value);

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_ATTR_CACHE_H
