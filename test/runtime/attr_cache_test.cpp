// The per-site attribute caches of native code (runtime/attr_cache.h): what
// the *_cached lookups put into a cache, that a valid cache gives the same
// result as the uncached lookup, and every change that must invalidate
// caches (the invariants in attr_cache.h), checked on the cache words.
#include <gtest/gtest.h>

#include <initializer_list>
#include <utility>

#include "runtime/attr_cache.h"
#include "runtime/class.h"
#include "runtime/dict.h"
#include "runtime/function.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/native_abi.h"
#include "runtime/tuple.h"
#include "test/runtime/runtime_test.h"

namespace taipan::rt::testing {
namespace {

Qstr Name(const char* text) { return QstrIntern(text, __builtin_strlen(text)); }
Value I(SignedWord n) { return FromSmallInt(n); }

Value Class(const char* name, std::initializer_list<Value> bases,
            std::initializer_list<std::pair<const char*, Value>> entries = {}) {
  Value dict = NewDict(0);
  for (auto& [key, value] : entries) DictStore(dict, FromQstr(Name(key)), value);
  return NewClass(Name(name), NewTuple(bases.size(), bases.begin()), dict);
}

Value New(Value cls) { return Call(cls, 0, 0, nullptr); }

Value Method1(Value) { return I(1); }
constexpr BuiltinFunction kMethod1(Q___repr__, Method1);
Value Method2(Value) { return I(2); }
constexpr BuiltinFunction kMethod2(Q___repr__, Method2);
Value Fn(const BuiltinFunction& f) { return FromPointer(&f); }
// A C++ function that binds as a method in a class (a plain builtin
// function in a class does not: f = abs).
Value Method(const BuiltinFunction& f) { return NewCheckedMethod(&kObjectType, Fn(f)); }

Word Epoch() { return native_abi::taipan_native_attr_epoch; }

bool ValidFor(const AttrCache& cache, Value obj) { return cache.type == TypeOf(obj) && cache.epoch == Epoch(); }

class AttrCacheTest : public RuntimeTest {};

TEST_F(AttrCacheTest, InstanceAttributeFillsDictSlot) {
  Value a = New(Class("A", {}));
  StoreAttr(a, Name("first"), I(10));
  StoreAttr(a, Name("x"), I(20));
  AttrCache cache{};
  EXPECT_EQ(LoadAttrCached(a, Name("x"), &cache), I(20));
  EXPECT_TRUE(ValidFor(cache, a));
  EXPECT_EQ(cache.value, kNull);
  EXPECT_EQ(cache.index, 1u);
  // Another instance with the attribute elsewhere: a miss that refills.
  Value b = New(FromType(TypeOf(a)));
  StoreAttr(b, Name("x"), I(30));
  EXPECT_EQ(LoadAttrCached(b, Name("x"), &cache), I(30));
  EXPECT_EQ(cache.index, 0u);
  // A deleted attribute's entry no longer matches.
  DeleteAttr(b, Name("x"));
  EXPECT_EQ(Raised([&] { LoadAttrCached(b, Name("x"), &cache); }), "AttributeError: 'A' object has no attribute 'x'");
}

TEST_F(AttrCacheTest, ClassConstantUntilTheClassChanges) {
  Value cls = Class("A", {}, {{"k", I(5)}});
  Value a = New(cls);
  AttrCache cache{};
  EXPECT_EQ(LoadAttrCached(a, Name("k"), &cache), I(5));
  EXPECT_EQ(cache.value, I(5));
  EXPECT_TRUE(ValidFor(cache, a));
  StoreAttr(cls, Name("k"), I(6));
  EXPECT_FALSE(ValidFor(cache, a));
  EXPECT_EQ(LoadAttrCached(a, Name("k"), &cache), I(6));
  DeleteAttr(cls, Name("k"));
  EXPECT_FALSE(ValidFor(cache, a));
  EXPECT_NE(Raised([&] { LoadAttrCached(a, Name("k"), &cache); }), "no exception");
}

TEST_F(AttrCacheTest, BaseClassChangeInvalidates) {
  Value m1 = Method(kMethod1);
  Value m2 = Method(kMethod2);
  Value base = Class("Base", {}, {{"m", m1}});
  Value derived = Class("Derived", {base});
  Value d = New(derived);
  AttrCache cache{};
  Value dest[2];
  LoadMethodCached(d, Name("m"), dest, &cache);
  EXPECT_EQ(cache.value, m1);
  StoreAttr(base, Name("m"), m2);
  LoadMethodCached(d, Name("m"), dest, &cache);
  EXPECT_EQ(dest[0], m2);
  EXPECT_EQ(dest[1], d);
}

// Invariant 2: a class made after a cache was filled may sit at the
// address of the class the cache names; the cache must not be valid for it.
TEST_F(AttrCacheTest, NewClassAtAnOldAddressDoesNotHit) {
  Value m1 = Method(kMethod1);
  Value m2 = Method(kMethod2);
  Value old_instance = New(Class("Old", {}, {{"m", m1}}));
  AttrCache cache{};
  Value dest[2];
  LoadMethodCached(old_instance, Name("m"), dest, &cache);
  ASSERT_EQ(cache.value, m1);
  AttrCache stale = cache;
  Value fresh = New(Class("Fresh", {}, {{"m", m2}}));
  stale.type = TypeOf(fresh);  // as if Fresh had been allocated where Old was
  EXPECT_FALSE(ValidFor(stale, fresh));
  LoadMethodCached(fresh, Name("m"), dest, &stale);
  EXPECT_EQ(dest[0], m2);
}

TEST_F(AttrCacheTest, InstanceShadowingAMethod) {
  Value m1 = Method(kMethod1);
  Value cls = Class("A", {}, {{"shadowed", m1}});
  Value plain = New(cls);
  Value shadowing = New(cls);
  AttrCache cache{};
  Value dest[2];
  LoadMethodCached(plain, Name("shadowed"), dest, &cache);
  ASSERT_TRUE(ValidFor(cache, plain));
  StoreAttr(shadowing, Name("shadowed"), I(7));
  EXPECT_TRUE(AttrNameMayBeShadowed(Name("shadowed")));
  EXPECT_FALSE(ValidFor(cache, plain));
  LoadMethodCached(shadowing, Name("shadowed"), dest, &cache);
  EXPECT_EQ(dest[0], I(7));
  EXPECT_EQ(dest[1], kNull);
  // The name may be shadowed now: the method kind is not cached again.
  LoadMethodCached(plain, Name("shadowed"), dest, &cache);
  EXPECT_EQ(dest[0], m1);
  EXPECT_NE(cache.value, m1);
}

// A name an instance already has, added to its class afterwards: the
// class's method must not be cached for another instance and then hit
// for this one.
TEST_F(AttrCacheTest, ClassAttributeAddedUnderAnInstanceAttribute) {
  Value cls = Class("A", {});
  Value early = New(cls);
  StoreAttr(early, Name("late"), I(3));
  EXPECT_FALSE(AttrNameMayBeShadowed(Name("late")));
  StoreAttr(cls, Name("late"), Fn(kMethod1));
  EXPECT_TRUE(AttrNameMayBeShadowed(Name("late")));
  AttrCache cache{};
  Value dest[2];
  LoadMethodCached(New(cls), Name("late"), dest, &cache);
  EXPECT_EQ(cache.value, kNull);
  LoadMethodCached(early, Name("late"), dest, &cache);
  EXPECT_EQ(dest[0], I(3));
}

TEST_F(AttrCacheTest, ExposedDictsStopCaching) {
  Value cls = Class("A", {}, {{"m", Fn(kMethod1)}});
  Value a = New(cls);
  LoadAttr(a, Q___dict__);
  AttrCache cache{};
  Value dest[2];
  LoadMethodCached(a, Name("m"), dest, &cache);
  EXPECT_EQ(cache.type, nullptr);
  Value other = Class("B", {}, {{"k", I(1)}});
  LoadAttr(other, Q___dict__);
  Value derived = New(Class("C", {other}));
  EXPECT_EQ(LoadAttrCached(derived, Name("k"), &cache), I(1));
  EXPECT_EQ(cache.type, nullptr);
}

TEST_F(AttrCacheTest, StoresAndTheirPlainDictPath) {
  Value cls = Class("A", {});
  Value a = New(cls);
  AttrCache cache{};
  StoreAttrCached(a, Name("x"), I(1), &cache);
  EXPECT_TRUE(ValidFor(cache, a));
  EXPECT_EQ(cache.index, 0u);
  StoreAttrCached(a, Name("x"), I(2), &cache);
  EXPECT_EQ(LoadAttr(a, Name("x")), I(2));
  // A new instance: the key is added through the valid cache.
  Value b = New(cls);
  StoreAttr(b, Name("y"), I(0));
  StoreAttrCached(b, Name("x"), I(3), &cache);
  EXPECT_EQ(cache.index, 1u);
  EXPECT_EQ(LoadAttr(b, Name("x")), I(3));
}

TEST_F(AttrCacheTest, SetAttrHookIsNotCached) {
  Value cls = Class("A", {}, {{"__setattr__", FromPointer(&kObjectSetAttrFn)}});
  Value a = New(cls);
  AttrCache cache{};
  StoreAttrCached(a, Name("x"), I(1), &cache);
  EXPECT_EQ(cache.type, nullptr);
  EXPECT_EQ(LoadAttr(a, Name("x")), I(1));
}

TEST_F(AttrCacheTest, PropertyComesBeforeTheInstanceDict) {
  Value cls = Class("A", {});
  Value a = New(cls);
  StoreAttr(a, Name("p"), I(1));
  AttrCache cache{};
  EXPECT_EQ(LoadAttrCached(a, Name("p"), &cache), I(1));
  ASSERT_TRUE(ValidFor(cache, a));
  Value args[1] = {Fn(kMethod2)};
  Value property = Call(FromType(&kPropertyType), 1, 0, args);
  StoreAttr(cls, Name("p"), property);
  EXPECT_FALSE(ValidFor(cache, a));
  EXPECT_EQ(LoadAttrCached(a, Name("p"), &cache), I(2));
  EXPECT_FALSE(ValidFor(cache, a));  // a property's getter is never cached
}

TEST_F(AttrCacheTest, BuiltinMethodsAndModules) {
  Value list = NewList(0, nullptr);
  AttrCache cache{};
  Value dest[2];
  LoadMethodCached(list, Name("append"), dest, &cache);
  EXPECT_TRUE(ValidFor(cache, list));
  EXPECT_EQ(cache.value, dest[0]);
  EXPECT_EQ(dest[1], list);

  Value module = NewModule(Name("mod"));
  StoreAttr(module, Name("g"), I(4));
  AttrCache module_cache{};
  EXPECT_EQ(LoadAttrCached(module, Name("g"), &module_cache), I(4));
  EXPECT_EQ(module_cache.type, &kModuleType);
  EXPECT_EQ(module_cache.value, kNull);
  StoreAttrCached(module, Name("g"), I(5), &module_cache);
  EXPECT_EQ(LoadAttr(module, Name("g")), I(5));
  DeleteAttr(module, Name("g"));
  EXPECT_NE(Raised([&] { LoadAttrCached(module, Name("g"), &module_cache); }), "no exception");
}

}  // namespace
}  // namespace taipan::rt::testing
