// Classes, instances, special methods, super(), and the callables of
// function.cpp (cells, closures, bound methods, staticmethod, classmethod,
// property). Classes are built as type(name, bases, dict) would build them,
// with builtin functions as methods (they receive self as args[0]).
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <utility>

#include "runtime/attr_cache.h"
#include "runtime/class.h"
#include "runtime/dict.h"
#include "runtime/function.h"
#include "runtime/list.h"
#include "runtime/tuple.h"
#include "test/runtime/runtime_test.h"

namespace taipan::rt::testing {
namespace {

Qstr Name(const char* text) { return QstrIntern(text, __builtin_strlen(text)); }
Value Q(const char* text) { return FromQstr(Name(text)); }
Value I(SignedWord n) { return FromSmallInt(n); }
Value Fn(const BuiltinFunction& f) { return FromPointer(&f); }
Value T(const Type& type) { return FromType(&type); }

// No heap-owning C++ objects in helpers: a raised exception skips their
// destructors (nlr is a longjmp).
Value Tuple(std::initializer_list<Value> items) { return NewTuple(items.size(), items.begin()); }

// A class body's C++ functions are stored as methods that bind (what
// list.append evaluates to): a plain builtin function in a class acts as a
// staticmethod (f = abs).
Value AsMethod(Value value) {
  return HasExactType(value, &kBuiltinFunctionType) ? NewCheckedMethod(&kObjectType, value) : value;
}

Value Namespace(std::initializer_list<std::pair<const char*, Value>> entries) {
  Value dict = NewDict(0);
  for (auto& [name, value] : entries) DictStore(dict, Q(name), AsMethod(value));
  return dict;
}

Value Class(const char* name, std::initializer_list<Value> bases,
            std::initializer_list<std::pair<const char*, Value>> entries = {}) {
  return NewClass(Name(name), Tuple(bases), Namespace(entries));
}

std::string MroNames(Value cls) {
  std::string names;
  TupleObject* mro = AsTuple(LoadAttr(cls, Q___mro__));
  for (size_t i = 0; i < mro->length; ++i) {
    if (i) names += " ";
    names += TypeName(TypeValue(mro->items[i]));
  }
  return names;
}

Value Get(Value obj, const char* name) { return LoadAttr(obj, Name(name)); }
void Set(Value obj, const char* name, Value v) { StoreAttr(obj, Name(name), v); }
Value CallM(Value obj, const char* name, std::initializer_list<Value> args = {}) {
  return CallMethod(obj, Name(name), args.size(), args.begin());
}

// --- Methods used by the test classes ------------------------------------------------
// Attribute names are interned at run time (test files are not scanned for
// qstrs); the BuiltinFunction names only appear in messages.

Value InitStoreX(Value self, Value x) {
  Set(self, "x", x);
  return kNone;
}
constexpr BuiltinFunction kInitStoreX(Q___init__, InitStoreX);

Value GetX(Value self) { return Get(self, "x"); }
constexpr BuiltinFunction kGetX(Q___repr__, GetX);

Value AddX(Value self, Value other) {
  if (!IsSmallInt(other)) return NotImplementedValue();
  return I(SmallIntValue(Get(self, "x")) + SmallIntValue(other));
}
constexpr BuiltinFunction kAddX(Q___add__, AddX);

Value RAddX(Value self, Value other) { return I(SmallIntValue(other) * 100 + SmallIntValue(Get(self, "x"))); }
constexpr BuiltinFunction kRAddX(Q___radd__, RAddX);

Value IAddX(Value self, Value other) {
  Set(self, "x", I(SmallIntValue(Get(self, "x")) + SmallIntValue(other)));
  return self;
}
constexpr BuiltinFunction kIAddX(Q___iadd__, IAddX);

Value LessX(Value self, Value other) {
  Value theirs = IsSmallInt(other) ? other : Get(other, "x");
  return FromBool(SmallIntValue(Get(self, "x")) < SmallIntValue(theirs));
}
constexpr BuiltinFunction kLessX(Q___lt__, LessX);

Value EqualX(Value self, Value other) {
  Value theirs = LoadAttrOrNull(other, Name("x"));
  if (theirs == kNull) return NotImplementedValue();
  return FromBool(Equal(Get(self, "x"), theirs));
}
constexpr BuiltinFunction kEqualX(Q___eq__, EqualX);

Value HashX(Value self) { return Get(self, "x"); }
constexpr BuiltinFunction kHashX(Q___hash__, HashX);

Value NegX(Value self) { return I(-SmallIntValue(Get(self, "x"))); }
constexpr BuiltinFunction kNegX(Q___neg__, NegX);

Value LenX(Value self) { return Get(self, "x"); }
constexpr BuiltinFunction kLenX(Q___len__, LenX);

Value BoolReturnsInt(Value) { return I(1); }
constexpr BuiltinFunction kBoolReturnsInt(Q___bool__, BoolReturnsInt);

Value ContainsEven(Value, Value item) { return FromBool(SmallIntValue(item) % 2 == 0); }
constexpr BuiltinFunction kContainsEven(Q___contains__, ContainsEven);

Value Constant(Value) { return Q("constant"); }
constexpr BuiltinFunction kConstant(Q___str__, Constant);

Value Identity(Value x) { return x; }
constexpr BuiltinFunction kIdentity(Q___call__, Identity);

Value ReturnsInt(Value) { return I(3); }
constexpr BuiltinFunction kReturnsInt(Q___str__, ReturnsInt);

// --- MRO -----------------------------------------------------------------------------

using ClassMroTest = RuntimeTest;

TEST_F(ClassMroTest, SingleAndNoBases) {
  Value a = Class("A", {});
  Value b = Class("B", {a});
  EXPECT_EQ(MroNames(a), "A object");
  EXPECT_EQ(MroNames(b), "B A object");
  EXPECT_EQ(Repr(LoadAttr(b, Q___bases__)), "(<class 'A'>,)");
  EXPECT_EQ(Repr(b), "<class 'B'>");
  EXPECT_TRUE(IsSubclass(TypeValue(b), TypeValue(a)));
  EXPECT_FALSE(IsSubclass(TypeValue(a), TypeValue(b)));
}

TEST_F(ClassMroTest, Diamond) {
  Value a = Class("A", {});
  Value b = Class("B", {a});
  Value c = Class("C", {a});
  Value d = Class("D", {b, c});
  EXPECT_EQ(MroNames(d), "D B C A object");
}

// The example of Python's "The Python 2.3 Method Resolution Order".
TEST_F(ClassMroTest, CPythonExample) {
  Value o = Class("O", {});
  Value f = Class("F", {o});
  Value e = Class("E", {o});
  Value d = Class("D", {o});
  Value c = Class("C", {d, f});
  Value b = Class("B", {d, e});
  Value a = Class("A", {b, c});
  EXPECT_EQ(MroNames(a), "A B C D E F O object");
  Value k1 = Class("K1", {});
  Value k2 = Class("K2", {});
  Value k3 = Class("K3", {});
  Value dd = Class("DD", {k1, k2});
  Value ee = Class("EE", {k2, k3});
  EXPECT_EQ(MroNames(Class("ZZ", {dd, ee, k1})), "ZZ DD EE K1 K2 K3 object");
}

TEST_F(ClassMroTest, BuiltinBasesAreInTheMro) {
  EXPECT_EQ(MroNames(Class("E", {T(kValueErrorType)})), "E ValueError Exception BaseException object");
  EXPECT_EQ(MroNames(Class("L", {T(kListType)})), "L list object");
}

TEST_F(ClassMroTest, Conflict) {
  Value x = Class("X", {});
  Value y = Class("Y", {});
  Value a = Class("A", {x, y});
  Value b = Class("B", {y, x});
  EXPECT_EQ(Raised([&] { Class("Z", {a, b}); }),
            "TypeError: Cannot create a consistent method resolution order (MRO) for bases X, Y");
  EXPECT_EQ(Raised([&] { Class("W", {x, a}); }),
            "TypeError: Cannot create a consistent method resolution order (MRO) for bases X, A");
}

TEST_F(ClassMroTest, BadBases) {
  Value x = Class("X", {});
  EXPECT_EQ(Raised([&] { Class("B", {T(kBoolType)}); }), "TypeError: type 'bool' is not an acceptable base type");
  EXPECT_EQ(Raised([&] { Class("B", {I(1)}); }), "TypeError: bases must be types");
  EXPECT_EQ(Raised([&] { Class("B", {x, x}); }), "TypeError: duplicate base class X");
  EXPECT_EQ(Raised([&] { Class("B", {T(kListType), T(kDictType)}); }),
            "TypeError: multiple bases have instance lay-out conflict");
  Value l = Class("L", {T(kListType)});
  EXPECT_EQ(Raised([&] { Class("B", {l, T(kDictType)}); }),
            "TypeError: multiple bases have instance lay-out conflict");
  // Exceptions share one layout.
  EXPECT_EQ(Raised([&] { Class("B", {T(kKeyErrorType), T(kValueErrorType)}); }), "no exception");
}

TEST_F(ClassMroTest, TypeCallMakesAClass) {
  Value args[] = {Q("Made"), Tuple({}), Namespace({{"k", I(5)}})};
  Value cls = Call(T(kTypeType), 3, 0, args);
  EXPECT_EQ(Repr(cls), "<class 'Made'>");
  EXPECT_EQ(Get(Call0(cls), "k"), I(5));
  EXPECT_EQ(Call1(T(kTypeType), Call0(cls)), cls);
}

// --- Instances and attributes --------------------------------------------------------------

using ClassInstanceTest = RuntimeTest;

TEST_F(ClassInstanceTest, InitAndAttributes) {
  Value a = Class("A", {}, {{"__init__", Fn(kInitStoreX)}, {"k", I(7)}});
  Value obj = Call1(a, I(42));
  EXPECT_EQ(Get(obj, "x"), I(42));
  EXPECT_EQ(Get(obj, "k"), I(7));
  EXPECT_EQ(Get(obj, "__class__"), a);
  EXPECT_TRUE(IsInstance(obj, a));
  EXPECT_TRUE(IsInstance(obj, T(kObjectType)));
  EXPECT_EQ(Repr(Get(obj, "__dict__")), "{'x': 42}");
  Set(obj, "k", I(8));  // shadows the class attribute
  EXPECT_EQ(Get(obj, "k"), I(8));
  EXPECT_EQ(Get(a, "k"), I(7));
  DeleteAttr(obj, Name("k"));
  EXPECT_EQ(Get(obj, "k"), I(7));
  EXPECT_EQ(Raised([&] { Get(obj, "nope"); }), "AttributeError: 'A' object has no attribute 'nope'");
  EXPECT_EQ(Raised([&] { DeleteAttr(obj, Name("k")); }), "AttributeError: 'A' object has no attribute 'k'");
}

TEST_F(ClassInstanceTest, ConstructorArgumentChecks) {
  Value a = Class("A", {});
  EXPECT_EQ(Raised([&] { Call1(a, I(1)); }), "TypeError: A() takes no arguments");
  Value b = Class("B", {}, {{"__init__", Fn(kInitStoreX)}});
  EXPECT_EQ(Raised([&] { Call0(b); }), "TypeError: function missing 1 required positional arguments");
  Value e = Class("E", {}, {{"__init__", Fn(kLenX)}, {"x", I(1)}});
  EXPECT_EQ(Raised([&] { Call0(e); }), "TypeError: __init__() should return None, not 'int'");
}

Value MethodReturnsSelf(Value self) { return self; }
constexpr BuiltinFunction kMethodReturnsSelf(Q___init__, MethodReturnsSelf);

TEST_F(ClassInstanceTest, MethodsBindToTheInstance) {
  Value a = Class("A", {}, {{"me", Fn(kMethodReturnsSelf)}});
  Value obj = Call0(a);
  EXPECT_EQ(CallM(obj, "me"), obj);
  Value bound = Get(obj, "me");
  EXPECT_EQ(Call0(bound), obj);
  EXPECT_EQ(Repr(bound), "<bound_method>");
  EXPECT_EQ(Get(bound, "__self__"), obj);
  // Loaded from the class, a method is the plain function.
  Value function = Get(a, "me");
  EXPECT_EQ(Get(bound, "__func__"), function);
  EXPECT_TRUE(Equal(Get(a, "me"), function));
  // A function stored on the instance does not bind.
  Set(obj, "f", function);
  EXPECT_EQ(Call1(Get(obj, "f"), I(3)), I(3));
  // Nor does a builtin function stored in the class (f = abs).
  StoreAttr(a, Name("builtin"), Fn(kMethodReturnsSelf));
  EXPECT_EQ(Get(obj, "builtin"), Fn(kMethodReturnsSelf));
  EXPECT_EQ(CallM(obj, "builtin", {I(4)}), I(4));
}

TEST_F(ClassInstanceTest, BoundMethodEqualityAndHash) {
  Value a = Class("A", {}, {{"me", Fn(kMethodReturnsSelf)}, {"other", Fn(kGetX)}});
  Value obj = Call0(a);
  Value obj2 = Call0(a);
  EXPECT_NE(Get(obj, "me"), Get(obj, "me"));  // two objects...
  EXPECT_TRUE(Equal(Get(obj, "me"), Get(obj, "me")));  // ...that are equal
  EXPECT_EQ(Hash(Get(obj, "me")), Hash(Get(obj, "me")));
  EXPECT_FALSE(Equal(Get(obj, "me"), Get(obj2, "me")));
  EXPECT_FALSE(Equal(Get(obj, "me"), Get(obj, "other")));
  EXPECT_FALSE(Equal(Get(obj, "me"), Fn(kMethodReturnsSelf)));
}

TEST_F(ClassInstanceTest, DefaultAndCustomRepr) {
  Value a = Class("A", {});
  std::string text = Repr(Call0(a));
  EXPECT_EQ(text.rfind("<A object at 0x", 0), 0u) << text;
  Value obj = Call0(a);
  EXPECT_EQ(Str(obj), Repr(obj));
  Value b = Class("B", {}, {{"__init__", Fn(kInitStoreX)}, {"__repr__", Fn(kGetX)}});
  EXPECT_EQ(Repr(Call1(b, S("rep"))), "rep");
  EXPECT_EQ(Str(Call1(b, S("rep"))), "rep");  // str falls back to __repr__
  Value c = Class("C", {b}, {{"__str__", Fn(kConstant)}});
  EXPECT_EQ(Str(Call1(c, S("rep"))), "constant");
  EXPECT_EQ(Repr(Call1(c, S("rep"))), "rep");
  Value d = Class("D", {}, {{"__str__", Fn(kReturnsInt)}});
  EXPECT_EQ(Raised([&] { Str(Call0(d)); }), "TypeError: __str__ returned non-string (type int)");
}

Value GetAttrFallback(Value, Value name) {
  if (name == Q("dynamic")) return I(99);
  RaiseMessage(&kAttributeErrorType, "no such thing");
}
constexpr BuiltinFunction kGetAttrFallback(Q___getattr__, GetAttrFallback);

TEST_F(ClassInstanceTest, GetAttrIsTheLastResort) {
  Value a = Class("A", {}, {{"__getattr__", Fn(kGetAttrFallback)}, {"k", I(1)}});
  Value obj = Call0(a);
  EXPECT_EQ(Get(obj, "dynamic"), I(99));
  EXPECT_EQ(Get(obj, "k"), I(1));
  Set(obj, "dynamic", I(5));
  EXPECT_EQ(Get(obj, "dynamic"), I(5));
  EXPECT_EQ(Raised([&] { Get(obj, "other"); }), "AttributeError: no such thing");
}

// __setattr__ that stores name -> (value,) through object.__setattr__.
Value SetAttrWrapping(Value self, Value name, Value value) {
  Value args[] = {self, name, Tuple({value})};
  Value object_setattr[2];
  Value super_args[] = {FromType(TypeOf(self)), self};
  Value super = Call(T(kSuperType), 2, 0, super_args);
  LoadMethod(super, Q___setattr__, object_setattr);
  return Call(object_setattr[0], 2, 0, args + 1);
}
constexpr BuiltinFunction kSetAttrWrapping(Q___setattr__, SetAttrWrapping);

Value DelAttrRecords(Value self, Value name) {
  Value args[] = {self, Q("deleted"), name};
  return Call(FromPointer(&kObjectSetAttrFn), 3, 0, args);
}
constexpr BuiltinFunction kDelAttrRecords(Q___delattr__, DelAttrRecords);

TEST_F(ClassInstanceTest, SetAttrAndDelAttr) {
  Value a = Class("A", {}, {{"__setattr__", Fn(kSetAttrWrapping)}, {"__delattr__", Fn(kDelAttrRecords)}});
  Value obj = Call0(a);
  Set(obj, "v", I(3));
  EXPECT_EQ(Repr(Get(obj, "v")), "(3,)");
  DeleteAttr(obj, Name("v"));
  EXPECT_EQ(Get(obj, "deleted"), Q("v"));
  EXPECT_EQ(Repr(Get(obj, "v")), "(3,)");
  Value args[] = {obj, Q("v")};
  Call(FromPointer(&kObjectDelAttrFn), 2, 0, args);
  EXPECT_EQ(LoadAttrOrNull(obj, Name("v")), kNull);
  EXPECT_EQ(Raised([&] { Call(FromPointer(&kObjectDelAttrFn), 2, 0, args); }),
            "AttributeError: 'A' object has no attribute 'v'");
}

// --- Special methods ---------------------------------------------------------------------

using ClassSpecialTest = RuntimeTest;

TEST_F(ClassSpecialTest, ArithmeticReflectedAndInplace) {
  Value a = Class("A", {}, {{"__init__", Fn(kInitStoreX)}, {"__add__", Fn(kAddX)}, {"__radd__", Fn(kRAddX)}});
  Value obj = Call1(a, I(5));
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kAdd, obj, I(3)), I(8));
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kAdd, I(3), obj), I(305));
  // No __iadd__: x += 1 is x = x + 1.
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kInplaceAdd, obj, I(1)), I(6));
  // __add__ returns NotImplemented for a str, and str + A has no __radd__ for str.
  EXPECT_EQ(Raised([&] { ApplyBinaryOp(BinaryOp::kAdd, obj, S("s")); }),
            "TypeError: unsupported types for __add__: 'A', 'str'");
  EXPECT_EQ(Raised([&] { ApplyBinaryOp(BinaryOp::kSubtract, obj, I(1)); }),
            "TypeError: unsupported types for __sub__: 'A', 'int'");
  Value b = Class("B", {a}, {{"__iadd__", Fn(kIAddX)}});
  Value obj_b = Call1(b, I(10));
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kInplaceAdd, obj_b, I(2)), obj_b);
  EXPECT_EQ(Get(obj_b, "x"), I(12));
}

TEST_F(ClassSpecialTest, Comparisons) {
  Value a = Class("A", {}, {{"__init__", Fn(kInitStoreX)}, {"__lt__", Fn(kLessX)}});
  Value one = Call1(a, I(1));
  Value two = Call1(a, I(2));
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kLess, one, two), kTrue);
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kLess, two, one), kFalse);
  // 5 > a is tried as a < 5.
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kMore, I(5), one), kTrue);
  EXPECT_EQ(Raised([&] { ApplyBinaryOp(BinaryOp::kLessEqual, one, two); }),
            "TypeError: unsupported types for __le__: 'A', 'A'");
  // Without __eq__: identity.
  EXPECT_FALSE(Equal(one, Call1(a, I(1))));
  EXPECT_TRUE(Equal(one, one));
}

TEST_F(ClassSpecialTest, EqualityAndHashing) {
  Value plain = Call0(Class("P", {}));
  EXPECT_EQ(Hash(plain), Hash(plain));
  Value a = Class("A", {}, {{"__init__", Fn(kInitStoreX)}, {"__eq__", Fn(kEqualX)}});
  Value x1 = Call1(a, I(1));
  EXPECT_TRUE(Equal(x1, Call1(a, I(1))));
  EXPECT_FALSE(Equal(x1, Call1(a, I(2))));
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kNotEqual, x1, Call1(a, I(2))), kTrue);
  EXPECT_FALSE(Equal(x1, I(1)));  // NotImplemented both ways: identity
  EXPECT_EQ(Get(a, "__hash__"), kNone);
  EXPECT_EQ(Raised([&] { Hash(x1); }), "TypeError: unhashable type: 'A'");
  Value b = Class("B", {a});  // inherits __hash__ = None
  EXPECT_EQ(Raised([&] { Hash(Call1(b, I(1))); }), "TypeError: unhashable type: 'B'");
  Value c = Class("C", {}, {{"__init__", Fn(kInitStoreX)}, {"__eq__", Fn(kEqualX)}, {"__hash__", Fn(kHashX)}});
  EXPECT_EQ(Hash(Call1(c, I(77))), 77);
  Value d = Class("D", {}, {{"__init__", Fn(kInitStoreX)}, {"__hash__", Fn(kHashX)}});
  EXPECT_EQ(Raised([&] { Hash(Call1(d, S("h"))); }), "TypeError: __hash__ method should return an integer");
  // Usable as dict keys by value.
  Value dict = NewDict(0);
  DictStore(dict, Call1(c, I(3)), S("three"));
  EXPECT_EQ(Str(DictLookup(dict, Call1(c, I(3)))), "three");
}

TEST_F(ClassSpecialTest, UnaryTruthAndLength) {
  Value a = Class("A", {}, {{"__init__", Fn(kInitStoreX)}, {"__neg__", Fn(kNegX)}, {"__len__", Fn(kLenX)}});
  EXPECT_EQ(ApplyUnaryOp(UnaryOp::kNegative, Call1(a, I(4))), I(-4));
  EXPECT_EQ(Length(Call1(a, I(4))), 4u);
  EXPECT_FALSE(IsTrue(Call1(a, I(0))));  // from __len__
  EXPECT_TRUE(IsTrue(Call1(a, I(2))));
  EXPECT_EQ(Raised([&] { Length(Call1(a, I(-1))); }), "ValueError: __len__() should return >= 0");
  EXPECT_EQ(Raised([&] { ApplyUnaryOp(UnaryOp::kInvert, Call1(a, I(1))); }),
            "TypeError: unsupported type for __invert__: 'A'");
  Value plain = Call0(Class("P", {}));
  EXPECT_TRUE(IsTrue(plain));
  EXPECT_EQ(Raised([&] { Length(plain); }), "TypeError: object of type 'P' has no len()");
  Value b = Class("B", {}, {{"__bool__", Fn(kBoolReturnsInt)}});
  EXPECT_EQ(Raised([&] { IsTrue(Call0(b)); }), "TypeError: __bool__ should return bool, returned int");
}

TEST_F(ClassSpecialTest, Contains) {
  Value a = Class("A", {}, {{"__contains__", Fn(kContainsEven)}});
  Value obj = Call0(a);
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kIn, I(4), obj), kTrue);
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kIn, I(3), obj), kFalse);
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kNotIn, I(3), obj), kTrue);
}

Value GetItemSquare(Value self, Value index) {
  SignedWord i = SmallIntValue(index);
  if (i >= 4) RaiseIndexError("out of range");
  return I(i * i);
}
constexpr BuiltinFunction kGetItemSquare(Q___getitem__, GetItemSquare);

Value SetItemRecord(Value self, Value index, Value value) {
  Set(self, "stored", Tuple({index, value}));
  return kNone;
}
constexpr BuiltinFunction kSetItemRecord(Q___setitem__, SetItemRecord);

Value DelItemRecord(Value self, Value index) {
  Set(self, "deleted", index);
  return kNone;
}
constexpr BuiltinFunction kDelItemRecord(Q___delitem__, DelItemRecord);

TEST_F(ClassSpecialTest, SubscriptsAndSequenceIteration) {
  Value a = Class("A", {}, {{"__getitem__", Fn(kGetItemSquare)}, {"__setitem__", Fn(kSetItemRecord)},
                             {"__delitem__", Fn(kDelItemRecord)}});
  Value obj = Call0(a);
  EXPECT_EQ(LoadSubscr(obj, I(3)), I(9));
  StoreSubscr(obj, I(1), S("v"));
  EXPECT_EQ(Repr(Get(obj, "stored")), "(1, 'v')");
  DeleteSubscr(obj, I(2));
  EXPECT_EQ(Get(obj, "deleted"), I(2));
  EXPECT_EQ(Repr(ListFromIterable(obj)), "[0, 1, 4, 9]");
  Value plain = Call0(Class("P", {}));
  EXPECT_EQ(Raised([&] { LoadSubscr(plain, I(0)); }), "TypeError: 'P' object isn't subscriptable");
  EXPECT_EQ(Raised([&] { GetIter(plain); }), "TypeError: 'P' object isn't iterable");
}

// An iterator class counting x down to 1.
Value IterSelf(Value self) { return self; }
constexpr BuiltinFunction kIterSelf(Q___iter__, IterSelf);
Value NextCountdown(Value self) {
  SignedWord x = SmallIntValue(Get(self, "x"));
  if (x == 0) RaiseStopIteration(kNull);
  Set(self, "x", I(x - 1));
  return I(x);
}
constexpr BuiltinFunction kNextCountdown(Q___next__, NextCountdown);

TEST_F(ClassSpecialTest, IteratorProtocol) {
  Value a = Class("Countdown", {}, {{"__init__", Fn(kInitStoreX)}, {"__iter__", Fn(kIterSelf)},
                                     {"__next__", Fn(kNextCountdown)}});
  EXPECT_EQ(Repr(ListFromIterable(Call1(a, I(3)))), "[3, 2, 1]");
  Value it = GetIter(Call1(a, I(1)));
  EXPECT_EQ(IterNext(it), I(1));
  EXPECT_EQ(IterNext(it), kStopIteration);
  EXPECT_EQ(Raised([&] { IterNext(Call0(Class("P", {}))); }), "TypeError: 'P' object isn't an iterator");
}

TEST_F(ClassSpecialTest, Call) {
  Value a = Class("A", {}, {{"__call__", Fn(kIdentity)}});
  Value obj = Call0(a);
  EXPECT_TRUE(IsCallable(obj));
  EXPECT_EQ(Call0(obj), obj);  // __call__(self) -> self
  Value plain = Call0(Class("P", {}));
  EXPECT_FALSE(IsCallable(plain));
  EXPECT_EQ(Raised([&] { Call0(plain); }), "TypeError: 'P' object isn't callable");
  // Inherited.
  EXPECT_TRUE(IsCallable(Call0(Class("B", {a}))));
}

// --- property, staticmethod, classmethod ------------------------------------------------------

using FunctionDescriptorTest = RuntimeTest;

Value GetHidden(Value self) { return Get(self, "_hidden"); }
constexpr BuiltinFunction kGetHidden(Q_getter, GetHidden);
Value SetHidden(Value self, Value v) {
  Set(self, "_hidden", ApplyBinaryOp(BinaryOp::kMultiply, v, I(2)));
  return kNone;
}
constexpr BuiltinFunction kSetHidden(Q_setter, SetHidden);
Value DelHidden(Value self) {
  DeleteAttr(self, Name("_hidden"));
  return kNone;
}
constexpr BuiltinFunction kDelHidden(Q_deleter, DelHidden);

TEST_F(FunctionDescriptorTest, Property) {
  Value read_only = Call1(T(kPropertyType), Fn(kGetHidden));
  Value args[] = {Fn(kGetHidden), Fn(kSetHidden)};
  Value read_write = Call(T(kPropertyType), 2, 0, args);
  Value with_deleter = Call1(Get(read_write, "deleter"), Fn(kDelHidden));
  Value a = Class("A", {}, {{"ro", read_only}, {"rw", read_write}, {"rwd", with_deleter}});
  Value obj = Call0(a);
  Set(obj, "rw", I(5));
  EXPECT_EQ(Get(obj, "rw"), I(10));
  EXPECT_EQ(Get(obj, "ro"), I(10));
  EXPECT_EQ(Raised([&] { Set(obj, "ro", I(1)); }), "AttributeError: can't set attribute");
  EXPECT_EQ(Raised([&] { DeleteAttr(obj, Name("rw")); }), "AttributeError: can't delete attribute");
  DeleteAttr(obj, Name("rwd"));
  EXPECT_EQ(LoadAttrOrNull(obj, Name("_hidden")), kNull);
  // A property is a data descriptor: it wins over the instance dict.
  DictStore(InstanceDict(obj, true), Q("ro"), I(0));
  EXPECT_EQ(Raised([&] { Get(obj, "ro"); }), "AttributeError: 'A' object has no attribute '_hidden'");
  // From the class: the property itself.
  EXPECT_EQ(Get(a, "ro"), read_only);
  EXPECT_EQ(Get(read_write, "fget"), Fn(kGetHidden));
  EXPECT_EQ(Get(read_write, "fset"), Fn(kSetHidden));
  EXPECT_EQ(Get(read_write, "fdel"), kNone);
  EXPECT_EQ(Get(with_deleter, "fdel"), Fn(kDelHidden));
  EXPECT_EQ(Get(Call1(Get(read_only, "setter"), Fn(kSetHidden)), "fset"), Fn(kSetHidden));
  EXPECT_EQ(Get(Call1(Get(read_only, "getter"), Fn(kDelHidden)), "fget"), Fn(kDelHidden));
  Value kw[] = {Q("fset"), Fn(kSetHidden), Q("doc"), S("text")};
  Value by_keyword = Call(T(kPropertyType), 0, 2, kw);
  EXPECT_EQ(Get(by_keyword, "fget"), kNone);
  EXPECT_EQ(Get(by_keyword, "fset"), Fn(kSetHidden));
  Value b = Class("B", {}, {{"wo", by_keyword}});
  EXPECT_EQ(Raised([&] { Get(Call0(b), "wo"); }), "AttributeError: unreadable attribute");
}

Value Pair(Value a, Value b) { return Tuple({a, b}); }
constexpr BuiltinFunction kPair(Q___call__, Pair);

TEST_F(FunctionDescriptorTest, StaticAndClassMethods) {
  Value sm = Call1(T(kStaticMethodType), Fn(kPair));
  Value cm = Call1(T(kClassMethodType), Fn(kPair));
  Value a = Class("A", {}, {{"s", sm}, {"c", cm}});
  Value b = Class("B", {a});
  Value obj = Call0(b);
  EXPECT_EQ(Repr(CallM(obj, "s", {I(1), I(2)})), "(1, 2)");
  EXPECT_EQ(Repr(CallM(b, "s", {I(1), I(2)})), "(1, 2)");
  EXPECT_EQ(Repr(CallM(obj, "c", {I(1)})), "(<class 'B'>, 1)");
  EXPECT_EQ(Repr(CallM(b, "c", {I(1)})), "(<class 'B'>, 1)");
  EXPECT_EQ(Repr(Call1(Get(a, "c"), I(1))), "(<class 'A'>, 1)");
  EXPECT_EQ(Get(sm, "__func__"), Fn(kPair));
  EXPECT_EQ(Raised([&] { Call0(T(kStaticMethodType)); }),
            "TypeError: function missing 1 required positional arguments");
}

// --- Callables ---------------------------------------------------------------------------------

using FunctionTest = RuntimeTest;

Value CellPlus(Value cell, Value x) { return ApplyBinaryOp(BinaryOp::kAdd, CellGet(cell), x); }
constexpr BuiltinFunction kCellPlus(Q___add__, CellPlus);
Value CellsJoin(size_t n, const Value* args) { return NewTuple(n, args); }
constexpr BuiltinFunction kCellsJoin(Q___call__, 0, kAnyArgs, CellsJoin);

TEST_F(FunctionTest, CellsAndClosures) {
  Value cell = NewCell(I(10));
  Value closure = NewClosure(Fn(kCellPlus), 1, &cell);
  EXPECT_EQ(Call1(closure, I(5)), I(15));
  CellSet(cell, I(20));
  EXPECT_EQ(Call1(closure, I(5)), I(25));
  CellSet(cell, kNull);
  EXPECT_EQ(Raised([&] { Call1(closure, I(5)); }), "NameError: local variable referenced before assignment");
  Value unbound = NewCell(kNull);
  EXPECT_EQ(Raised([&] { CellGet(unbound); }), "NameError: local variable referenced before assignment");
  // Cells come first, then the arguments; many arguments go through the heap.
  Value cells[] = {NewCell(I(1)), NewCell(I(2))};
  Value many = NewClosure(Fn(kCellsJoin), 2, cells);
  Value args[] = {I(3), I(4), I(5), I(6), I(7), I(8), I(9)};
  TupleObject* all = AsTuple(Call(many, 7, 0, args));
  ASSERT_EQ(all->length, 9u);
  EXPECT_EQ(all->items[0], cells[0]);
  EXPECT_EQ(all->items[1], cells[1]);
  EXPECT_EQ(all->items[8], I(9));
  EXPECT_EQ(Repr(closure), "<function __add__>");
  EXPECT_EQ(FunctionName(closure), Q___add__);
  // A closure in a class binds like a function.
  Value a = Class("A", {}, {{"m", many}});
  Value obj = Call0(a);
  TupleObject* bound = AsTuple(CallM(obj, "m", {I(3)}));
  ASSERT_EQ(bound->length, 4u);
  EXPECT_EQ(bound->items[2], obj);
  EXPECT_EQ(bound->items[3], I(3));
}

TEST_F(FunctionTest, BuiltinFunctionReprAndName) {
  EXPECT_EQ(Repr(Fn(kPair)), "<function __call__>");
  EXPECT_EQ(Get(Fn(kPair), "__name__"), FromQstr(Q___call__));
  EXPECT_EQ(FunctionName(NewBoundMethod(Fn(kPair), I(1))), Q___call__);
  EXPECT_EQ(FunctionName(I(1)), kNoQstr);
  EXPECT_EQ(Repr(Call1(NewBoundMethod(Fn(kPair), I(1)), I(2))), "(1, 2)");
}

// --- super ---------------------------------------------------------------------------------------

using SuperTest = RuntimeTest;

// Each __init__ appends its class's tag to self.log and calls the next one
// in the MRO, the way cooperative classes do.
Value g_classes[4];  // also held by the test's locals (the GC does not scan this)

Value InitChain(size_t level, Value self) {
  Value log = LoadAttrOrNull(self, Name("log"));
  if (log == kNull) {
    log = NewList(0, nullptr);
    Set(self, "log", log);
  }
  ListAppend(log, FromQstr(TypeValue(g_classes[level])->name));
  Value args[] = {g_classes[level], self};
  Value super = Call(T(kSuperType), 2, 0, args);
  return CallMethod(super, Q___init__, 0, nullptr);
}
Value InitA(Value self) { return InitChain(0, self); }
Value InitB(Value self) { return InitChain(1, self); }
Value InitC(Value self) { return InitChain(2, self); }
Value InitD(Value self) { return InitChain(3, self); }
constexpr BuiltinFunction kInitA(Q___init__, InitA);
constexpr BuiltinFunction kInitB(Q___init__, InitB);
constexpr BuiltinFunction kInitC(Q___init__, InitC);
constexpr BuiltinFunction kInitD(Q___init__, InitD);

TEST_F(SuperTest, CooperativeDiamond) {
  Value a = Class("A", {}, {{"__init__", Fn(kInitA)}});
  Value b = Class("B", {a}, {{"__init__", Fn(kInitB)}});
  Value c = Class("C", {a}, {{"__init__", Fn(kInitC)}});
  Value d = Class("D", {b, c}, {{"__init__", Fn(kInitD)}});
  g_classes[0] = a;
  g_classes[1] = b;
  g_classes[2] = c;
  g_classes[3] = d;
  EXPECT_EQ(Repr(Get(Call0(d), "log")), "['D', 'B', 'C', 'A']");
  EXPECT_EQ(Repr(Get(Call0(b), "log")), "['B', 'A']");
  Value args[] = {b, Call0(d)};
  std::string text = Repr(Call(T(kSuperType), 2, 0, args));
  EXPECT_EQ(text.rfind("<super: <class 'B'>, <D object at 0x", 0), 0u) << text;
}

Value Describe(Value self) { return Q("base"); }
constexpr BuiltinFunction kDescribe(Q___repr__, Describe);

TEST_F(SuperTest, MethodsAndClassMethods) {
  Value cm = Call1(T(kClassMethodType), Fn(kPair));
  Value a = Class("A", {}, {{"describe", Fn(kDescribe)}, {"make", cm}});
  Value b = Class("B", {a}, {{"describe", Fn(kConstant)}});
  Value obj = Call0(b);
  EXPECT_EQ(CallM(obj, "describe"), Q("constant"));
  Value args[] = {b, obj};
  Value super = Call(T(kSuperType), 2, 0, args);
  EXPECT_EQ(CallM(super, "describe"), Q("base"));
  EXPECT_EQ(Repr(CallM(super, "make", {I(1)})), "(<class 'B'>, 1)");
  // super(B, B): for classmethods.
  Value class_args[] = {b, b};
  Value class_super = Call(T(kSuperType), 2, 0, class_args);
  EXPECT_EQ(Repr(CallM(class_super, "make", {I(2)})), "(<class 'B'>, 2)");
  EXPECT_EQ(Get(class_super, "describe"), Get(a, "describe"));
  EXPECT_EQ(Raised([&] { Get(super, "missing"); }), "AttributeError: 'super' object has no attribute 'missing'");
  Value bad[] = {b, I(1)};
  EXPECT_EQ(Raised([&] { Call(T(kSuperType), 2, 0, bad); }),
            "TypeError: super(type, obj): obj must be an instance or subtype of type");
  // object.__repr__ through super.
  std::string text = Str(CallM(super, "__repr__"));
  EXPECT_EQ(text.rfind("<B object at 0x", 0), 0u) << text;
  Value object_init_args[] = {a, obj};
  Value top = Call(T(kSuperType), 2, 0, object_init_args);
  EXPECT_EQ(Raised([&] { CallM(top, "__init__", {I(1)}); }),
            "TypeError: object.__init__() takes exactly one argument (the instance to initialize)");
}

// __new__(cls, x): object.__new__(cls) through super, then records x.
Value NewRecording(Value cls, Value x) {
  Value args[] = {g_classes[0], cls};
  Value super = Call(T(kSuperType), 2, 0, args);
  Value obj = CallMethod(super, Q___new__, 1, &cls);
  Set(obj, "from_new", x);
  return obj;
}
constexpr BuiltinFunction kNewRecording(Q___new__, NewRecording);
Value NewReturnsInt(Value, Value x) { return x; }
constexpr BuiltinFunction kNewReturnsInt(Q___new__, NewReturnsInt);

TEST_F(SuperTest, DunderNew) {
  Value a = Class("A", {}, {{"__new__", Fn(kNewRecording)}, {"__init__", Fn(kInitStoreX)}});
  g_classes[0] = a;
  EXPECT_TRUE(HasExactType(Get(a, "__dict__"), &kDictType));
  Value obj = Call1(a, I(4));
  EXPECT_EQ(Get(obj, "from_new"), I(4));
  EXPECT_EQ(Get(obj, "x"), I(4));
  // __new__ returning something else skips __init__.
  Value b = Class("B", {}, {{"__new__", Fn(kNewReturnsInt)}, {"__init__", Fn(kInitStoreX)}});
  EXPECT_EQ(Call1(b, I(9)), I(9));
}

// --- Builtin bases -------------------------------------------------------------------------------

using ClassNativeBaseTest = RuntimeTest;

TEST_F(ClassNativeBaseTest, ExceptionSubclass) {
  Value my_error = Class("MyError", {T(kValueErrorType)});
  Value exc = Catch([&] { Raise(Call1(my_error, S("boom"))); });
  ASSERT_NE(exc, kNull);
  EXPECT_TRUE(ExceptionMatches(exc, my_error));
  EXPECT_TRUE(ExceptionMatches(exc, T(kValueErrorType)));
  EXPECT_TRUE(ExceptionMatches(exc, T(kExceptionType)));
  EXPECT_FALSE(ExceptionMatches(exc, T(kKeyErrorType)));
  EXPECT_EQ(Str(exc), "boom");
  EXPECT_EQ(Repr(exc), "MyError('boom',)");
  EXPECT_EQ(Repr(Get(exc, "args")), "('boom',)");
  EXPECT_EQ(Raised([&] { Raise(my_error); }), "MyError: ");
  Set(exc, "code", I(3));
  EXPECT_EQ(Get(exc, "code"), I(3));
  EXPECT_EQ(Raised([&] { Raise(Call1(my_error, S("x"))); }), "MyError: x");
}

Value InitErrorWithCode(Value self, Value message, Value code) {
  Set(self, "code", code);
  Value args[] = {FromType(TypeOf(self)), self};
  Value super = Call(T(kSuperType), 2, 0, args);
  return CallMethod(super, Q___init__, 1, &message);
}
constexpr BuiltinFunction kInitErrorWithCode(Q___init__, InitErrorWithCode);

TEST_F(ClassNativeBaseTest, ExceptionSubclassWithInit) {
  Value my_error = Class("CodeError", {T(kExceptionType)}, {{"__init__", Fn(kInitErrorWithCode)}});
  Value args[] = {S("bad"), I(7)};
  Value exc = Call(my_error, 2, 0, args);
  EXPECT_EQ(Get(exc, "code"), I(7));
  EXPECT_EQ(Repr(Get(exc, "args")), "('bad',)");
  EXPECT_EQ(Str(exc), "bad");
}

TEST_F(ClassNativeBaseTest, ExceptionCauseGoesToTheException) {
  Value my_error = Class("MyError", {T(kExceptionType)});
  Value exc = Call0(my_error);
  Value cause = Call1(T(kValueErrorType), S("why"));
  Set(exc, "__cause__", cause);
  EXPECT_EQ(ExceptionOf(exc)->cause, cause);
  EXPECT_EQ(Get(exc, "__cause__"), cause);
  EXPECT_EQ(InstanceDict(exc, false), kNull);
}

TEST_F(ClassNativeBaseTest, ImmutableBases) {
  Value i = Class("I", {T(kIntType)});
  Value n = Call1(i, S("42"));
  EXPECT_EQ(Repr(n), "42");
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kAdd, n, I(1)), I(43));
  EXPECT_EQ(ApplyBinaryOp(BinaryOp::kAdd, I(1), n), I(43));
  EXPECT_EQ(Hash(n), 42);
  EXPECT_TRUE(Equal(n, I(42)));
  Value s = Class("S", {T(kStrType)});
  Value text = Call1(s, S("abc"));
  EXPECT_EQ(Str(text), "abc");
  EXPECT_EQ(Repr(text), "'abc'");
  EXPECT_EQ(Repr(CallM(text, "upper")), "'ABC'");
  EXPECT_EQ(Length(text), 3u);
  Value t = Class("T", {T(kTupleType)});
  EXPECT_EQ(Repr(Call1(t, NewList(2, nullptr))), "(None, None)");
}

Value SetNameRecord(Value self, Value owner, Value name) {
  Set(self, "owner", owner);
  Set(self, "name", name);
  return kNone;
}
constexpr BuiltinFunction kSetNameRecord(Q___set_name__, SetNameRecord);

TEST_F(ClassInstanceTest, SetName) {
  Value descriptor_class = Class("Descriptor", {}, {{"__set_name__", Fn(kSetNameRecord)}});
  Value descriptor = Call0(descriptor_class);
  Value owner = Class("Owner", {}, {{"field", descriptor}});
  EXPECT_EQ(Get(descriptor, "owner"), owner);
  EXPECT_EQ(Get(descriptor, "name"), Q("field"));
}

// What native code's new.instance makes before calling __init__ itself: an
// instance of exactly the class, no attributes yet, __init__ not run.
Value InitRecord(Value self) {
  Set(self, "ran", kTrue);
  return kNone;
}
constexpr BuiltinFunction kInitRecord(Q___init__, InitRecord);

TEST_F(ClassInstanceTest, PlainInstanceSkipsInit) {
  Value cls = Class("Plain", {}, {{"__init__", Fn(kInitRecord)}});
  Value instance = NewPlainInstance(TypeValue(cls));
  EXPECT_EQ(TypeOf(instance), TypeValue(cls));
  EXPECT_EQ(InstanceDict(instance, false), kNull);
  EXPECT_EQ(LoadAttrOrNull(instance, Name("ran")), kNull);
  EXPECT_EQ(Get(Call0(cls), "ran"), kTrue);
}

// A layout's names live in slots, the rest in the dict; every lookup sees
// both, through the attribute caches too, and the instance's __dict__
// takes the slots over for good.
TEST_F(ClassInstanceTest, LayoutSlots) {
  Value cls = Class("Laid", {}, {{"k", I(1)}});
  Value names[] = {Q("x"), Q("y")};
  SetClassLayout(cls, 2, names);
  Value obj = Call0(cls);
  InstanceObject* inst = ObjectPointer<InstanceObject>(obj);
  EXPECT_EQ(InstanceSlots(inst)[0], kNull);
  Set(obj, "x", I(3));
  Set(obj, "z", I(4));
  EXPECT_EQ(InstanceSlots(inst)[0], I(3));
  EXPECT_EQ(DictLookup(inst->dict, Q("z")), I(4));
  EXPECT_EQ(DictLookup(inst->dict, Q("x")), kNull);
  EXPECT_EQ(Get(obj, "x"), I(3));
  EXPECT_EQ(Get(obj, "k"), I(1));
  EXPECT_EQ(Raised([&] { Get(obj, "y"); }), "AttributeError: 'Laid' object has no attribute 'y'");
  AttrCache load = {}, store = {};
  EXPECT_EQ(LoadAttrCached(obj, Name("x"), &load), I(3));
  EXPECT_EQ(load.index, kAttrCacheSlotBit | 0);
  StoreAttrCached(obj, Name("y"), I(5), &store);
  EXPECT_EQ(store.index, kAttrCacheSlotBit | 1);
  StoreAttrCached(obj, Name("y"), I(6), &store);
  EXPECT_EQ(InstanceSlots(inst)[1], I(6));
  DeleteAttr(obj, Name("x"));
  EXPECT_EQ(InstanceSlots(inst)[0], kNull);
  EXPECT_EQ(Raised([&] { LoadAttrCached(obj, Name("x"), &load); }), "AttributeError: 'Laid' object has no attribute 'x'");
  Value dict = Get(obj, "__dict__");
  EXPECT_EQ(DictLookup(dict, Q("y")), I(6));
  EXPECT_EQ(InstanceSlots(inst)[1], kSentinel);
  StoreAttrCached(obj, Name("y"), I(7), &store);  // the slot moved: the dict
  EXPECT_EQ(DictLookup(dict, Q("y")), I(7));
  EXPECT_EQ(Get(obj, "y"), I(7));
  Set(obj, "x", I(8));
  EXPECT_EQ(DictLookup(dict, Q("x")), I(8));
  EXPECT_EQ(InstanceSlots(inst)[0], kSentinel);
  Value other = Call0(cls);  // its slots are its own
  Set(other, "y", I(9));
  EXPECT_EQ(InstanceSlots(ObjectPointer<InstanceObject>(other))[1], I(9));
  EXPECT_EQ(Get(obj, "y"), I(7));
}

TEST_F(ClassNativeBaseTest, ListSubclass) {
  Value l = Class("L", {T(kListType)}, {{"k", I(1)}});
  Value obj = Call0(l);
  CallM(obj, "append", {I(1)});
  CallM(obj, "append", {I(2)});
  EXPECT_EQ(Length(obj), 2u);
  EXPECT_EQ(Repr(obj), "[1, 2]");
  EXPECT_EQ(LoadSubscr(obj, I(1)), I(2));
  EXPECT_EQ(Repr(ListFromIterable(obj)), "[1, 2]");
  EXPECT_TRUE(IsInstance(obj, T(kListType)));
  EXPECT_EQ(Raised([&] { Hash(obj); }), "TypeError: unhashable type: 'L'");
  Value made = Call1(l, Tuple({I(5), I(6)}));
  EXPECT_EQ(Repr(made), "[5, 6]");
  EXPECT_TRUE(Equal(made, NewList(2, AsTuple(Tuple({I(5), I(6)}))->items)));
  // x += [...] keeps x.
  Value grown = ApplyBinaryOp(BinaryOp::kInplaceAdd, made, NewList(1, nullptr));
  EXPECT_EQ(grown, made);
  EXPECT_EQ(Repr(made), "[5, 6, None]");
  EXPECT_EQ(Get(made, "k"), I(1));
  Set(made, "extra", I(2));
  EXPECT_EQ(Get(made, "extra"), I(2));
}

Value InitListTwice(Value self, Value item) {
  Value args[] = {FromType(TypeOf(self)), self};
  Value super = Call(T(kSuperType), 2, 0, args);
  Value items = Tuple({item, item});
  return CallMethod(super, Q___init__, 1, &items);
}
constexpr BuiltinFunction kInitListTwice(Q___init__, InitListTwice);

TEST_F(ClassNativeBaseTest, ListSubclassWithInit) {
  Value l = Class("Twice", {T(kListType)}, {{"__init__", Fn(kInitListTwice)}});
  EXPECT_EQ(Repr(Call1(l, S("a"))), "['a', 'a']");
}

TEST_F(ClassNativeBaseTest, DictSubclass) {
  Value d = Class("D", {T(kDictType)});
  Value obj = Call0(d);
  StoreSubscr(obj, S("a"), I(1));
  EXPECT_EQ(LoadSubscr(obj, S("a")), I(1));
  EXPECT_EQ(Length(obj), 1u);
  EXPECT_EQ(Repr(CallM(obj, "get", {S("a")})), "1");
  EXPECT_EQ(Repr(obj), "{'a': 1}");
}

}  // namespace
}  // namespace taipan::rt::testing
