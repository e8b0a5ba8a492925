// set and frozenset: construction, the methods, the operators (| & - ^ and
// their in-place forms on set, subset comparisons), printing and hashing.
//
// Methods take any iterable where Python allows one; the operators need a
// set or frozenset on both sides (others decline with kNull, so a dict view
// on the right gets its reflected turn). Results of operators and of the
// non-mutating methods have the type of the left operand's native set.
#include "runtime/set.h"

#include "runtime/class.h"
#include "runtime/dict.h"
#include "runtime/function.h"

namespace taipan::rt {

static_assert(__builtin_offsetof(SetObject, map) == __builtin_offsetof(DictObject, map),
              "ForEachItem and the map iterators read sets and dicts alike");

namespace {

// The set or frozenset a (possibly subclass) value holds, or kNull.
Value NativeSet(Value v) {
  if (!IsObject(v)) return kNull;
  const Type* own = TypeOf(v);
  if (own == &kSetType || own == &kFrozenSetType) return v;  // the common case, first
  Value native = NativeValue(v);
  const Type* type = TypeOf(native);
  return type == &kSetType || type == &kFrozenSetType ? native : kNull;
}

Value SelfSet(Value self) {
  Value set = NativeSet(self);
  if (set == kNull) {
    const char* parts[] = {"descriptor requires a 'set' object but received a '", TypeNameOf(self), "'"};
    RaiseJoined(&kTypeErrorType, parts, 3);
  }
  return set;
}

// Self for the methods only set has: a frozenset is refused.
Value SelfMutableSet(Value self) {
  Value set = SelfSet(self);
  if (TypeOf(set) != &kSetType) RaiseTypeError("frozenset is immutable");
  return set;
}

Value NewEmpty(const Type* type, size_t capacity) {
  auto* set = NewObject<SetObject>(type);
  MapInit(&set->map, capacity);
  return FromPointer(set);
}

Value CopyOf(const Type* type, Value set) {
  Value copy = NewEmpty(type, 0);
  MapCopy(SetMap(copy), SetMap(set));
  return copy;
}

// A set or frozenset is looked up as is; a set used as an element (a set
// of frozensets) is looked up as the equal frozenset, as Python does.
Value AsElement(Value item) {
  if (IsObject(item) && TypeOf(NativeValue(item)) == &kSetType) return CopyOf(&kFrozenSetType, NativeValue(item));
  return item;
}

bool Has(Value set, Value item) { return MapFind(SetMap(set), item) != nullptr; }

void AddAll(Value set, Value iterable) {
  Map* map = SetMap(set);
  ForEachItem(iterable, [map](Value item) { MapStore(map, item, kTrue); });
}

// `other` as a set: itself when it is one, else a new set of its items.
Value AsSet(Value other) {
  Value set = NativeSet(other);
  if (set != kNull) return set;
  set = NewEmpty(&kSetType, 0);
  AddAll(set, other);
  return set;
}

size_t Size(Value set) { return SetMap(set)->used; }

bool IsSubset(Value a, Value b) {
  if (Size(a) > Size(b)) return false;
  size_t position = 0;
  while (MapEntry* entry = MapNext(SetMap(a), &position))
    if (!Has(b, entry->key)) return false;
  return true;
}

Value Intersection(const Type* type, Value set, Value other) {
  Value result = NewEmpty(type, 0);
  Value other_set = NativeSet(other);
  if (other_set != kNull && Size(other_set) > Size(set)) {
    // Iterate the smaller set, probe the larger.
    ForEachItem(set, [&](Value item) {
      if (Has(other_set, item)) MapStore(SetMap(result), item, kTrue);
    });
    return result;
  }
  ForEachItem(other, [&](Value item) {
    if (Has(set, item)) MapStore(SetMap(result), item, kTrue);
  });
  return result;
}

Value Difference(const Type* type, Value set, Value other) {
  Value other_set = NativeSet(other);
  if (other_set != kNull) {
    Value result = NewEmpty(type, 0);
    ForEachItem(set, [&](Value item) {
      if (!Has(other_set, item)) MapStore(SetMap(result), item, kTrue);
    });
    return result;
  }
  Value result = CopyOf(type, set);
  ForEachItem(other, [&](Value item) { MapRemove(SetMap(result), item); });
  return result;
}

// In place: set ^= items of other (each distinct item counted once).
void SymmetricDifferenceUpdate(Value set, Value other) {
  if (NativeSet(other) == set) {
    MapClear(SetMap(set));
    return;
  }
  Value other_set = AsSet(other);
  ForEachItem(other_set, [&](Value item) {
    if (MapRemove(SetMap(set), item) == kNull) MapStore(SetMap(set), item, kTrue);
  });
}

void IntersectionUpdate(Value set, Value other) {
  Value kept = Intersection(&kSetType, set, other);
  *SetMap(set) = *SetMap(kept);
}

void DifferenceUpdate(Value set, Value other) {
  if (NativeSet(other) == set) {
    MapClear(SetMap(set));
    return;
  }
  ForEachItem(other, [&](Value item) { MapRemove(SetMap(set), item); });
}

// --- Methods -------------------------------------------------------------------

Value SetAddMethod(Value self, Value item) {
  MapStore(SetMap(SelfMutableSet(self)), item, kTrue);
  return kNone;
}

Value SetClearMethod(Value self) {
  MapClear(SetMap(SelfMutableSet(self)));
  return kNone;
}

Value SetCopyMethod(Value self) {
  Value set = SelfSet(self);
  return CopyOf(TypeOf(set), set);
}

Value SetDiscardMethod(Value self, Value item) {
  MapRemove(SetMap(SelfMutableSet(self)), AsElement(item));
  return kNone;
}

Value SetRemoveMethod(Value self, Value item) {
  if (MapRemove(SetMap(SelfMutableSet(self)), AsElement(item)) == kNull) RaiseKeyError(item);
  return kNone;
}

Value SetPopMethod(Value self) {
  MapEntry entry;
  if (!MapPopFirst(SetMap(SelfMutableSet(self)), &entry)) RaiseMessage(&kKeyErrorType, "pop from an empty set");
  return entry.key;
}

Value SetUnionMethod(size_t n_args, const Value* args) {
  Value set = SelfSet(args[0]);
  Value result = CopyOf(TypeOf(set), set);
  for (size_t i = 1; i < n_args; ++i) AddAll(result, args[i]);
  return result;
}

Value SetUpdateMethod(size_t n_args, const Value* args) {
  Value set = SelfMutableSet(args[0]);
  for (size_t i = 1; i < n_args; ++i) AddAll(set, args[i]);
  return kNone;
}

Value SetIntersectionMethod(size_t n_args, const Value* args) {
  Value set = SelfSet(args[0]);
  Value result = CopyOf(TypeOf(set), set);
  for (size_t i = 1; i < n_args; ++i) result = Intersection(TypeOf(set), result, args[i]);
  return result;
}

Value SetIntersectionUpdateMethod(size_t n_args, const Value* args) {
  Value set = SelfMutableSet(args[0]);
  for (size_t i = 1; i < n_args; ++i) IntersectionUpdate(set, args[i]);
  return kNone;
}

Value SetDifferenceMethod(size_t n_args, const Value* args) {
  Value set = SelfSet(args[0]);
  Value result = CopyOf(TypeOf(set), set);
  for (size_t i = 1; i < n_args; ++i) result = Difference(TypeOf(set), result, args[i]);
  return result;
}

Value SetDifferenceUpdateMethod(size_t n_args, const Value* args) {
  Value set = SelfMutableSet(args[0]);
  for (size_t i = 1; i < n_args; ++i) DifferenceUpdate(set, args[i]);
  return kNone;
}

Value SetSymmetricDifferenceMethod(Value self, Value other) {
  Value set = SelfSet(self);
  Value result = CopyOf(TypeOf(set), set);
  SymmetricDifferenceUpdate(result, other);
  return result;
}

Value SetSymmetricDifferenceUpdateMethod(Value self, Value other) {
  SymmetricDifferenceUpdate(SelfMutableSet(self), other);
  return kNone;
}

Value SetIsDisjointMethod(Value self, Value other) {
  Value set = SelfSet(self);
  bool disjoint = true;
  ForEachItem(other, [&](Value item) { disjoint = disjoint && !Has(set, item); });
  return FromBool(disjoint);
}

Value SetIsSubsetMethod(Value self, Value other) { return FromBool(IsSubset(SelfSet(self), AsSet(other))); }

Value SetIsSupersetMethod(Value self, Value other) {
  Value set = SelfSet(self);
  bool all = true;
  ForEachItem(other, [&](Value item) { all = all && Has(set, item); });
  return FromBool(all);
}

Value SetContainsMethod(Value self, Value item) { return FromBool(Has(SelfSet(self), AsElement(item))); }

constexpr BuiltinFunction kSetAddFn(Q_add, SetAddMethod);
constexpr BuiltinFunction kSetClearFn(Q_clear, SetClearMethod);
constexpr BuiltinFunction kSetContainsFn(Q___contains__, SetContainsMethod);
constexpr BuiltinFunction kSetCopyFn(Q_copy, SetCopyMethod);
constexpr BuiltinFunction kSetDifferenceFn(Q_difference, 1, kAnyArgs, SetDifferenceMethod);
constexpr BuiltinFunction kSetDifferenceUpdateFn(Q_difference_update, 1, kAnyArgs, SetDifferenceUpdateMethod);
constexpr BuiltinFunction kSetDiscardFn(Q_discard, SetDiscardMethod);
constexpr BuiltinFunction kSetIntersectionFn(Q_intersection, 1, kAnyArgs, SetIntersectionMethod);
constexpr BuiltinFunction kSetIntersectionUpdateFn(Q_intersection_update, 1, kAnyArgs, SetIntersectionUpdateMethod);
constexpr BuiltinFunction kSetIsDisjointFn(Q_isdisjoint, SetIsDisjointMethod);
constexpr BuiltinFunction kSetIsSubsetFn(Q_issubset, SetIsSubsetMethod);
constexpr BuiltinFunction kSetIsSupersetFn(Q_issuperset, SetIsSupersetMethod);
constexpr BuiltinFunction kSetPopFn(Q_pop, SetPopMethod);
constexpr BuiltinFunction kSetRemoveFn(Q_remove, SetRemoveMethod);
constexpr BuiltinFunction kSetSymmetricDifferenceFn(Q_symmetric_difference, SetSymmetricDifferenceMethod);
constexpr BuiltinFunction kSetSymmetricDifferenceUpdateFn(Q_symmetric_difference_update,
                                                          SetSymmetricDifferenceUpdateMethod);
constexpr BuiltinFunction kSetUnionFn(Q_union, 1, kAnyArgs, SetUnionMethod);
constexpr BuiltinFunction kSetUpdateFn(Q_update, 1, kAnyArgs, SetUpdateMethod);

TAIPAN_CONST_MAP(kSetMethods, {Q___contains__, &kSetContainsFn}, {Q_add, &kSetAddFn}, {Q_clear, &kSetClearFn},
                 {Q_copy, &kSetCopyFn}, {Q_difference, &kSetDifferenceFn},
                 {Q_difference_update, &kSetDifferenceUpdateFn}, {Q_discard, &kSetDiscardFn},
                 {Q_intersection, &kSetIntersectionFn}, {Q_intersection_update, &kSetIntersectionUpdateFn},
                 {Q_isdisjoint, &kSetIsDisjointFn}, {Q_issubset, &kSetIsSubsetFn},
                 {Q_issuperset, &kSetIsSupersetFn}, {Q_pop, &kSetPopFn}, {Q_remove, &kSetRemoveFn},
                 {Q_symmetric_difference, &kSetSymmetricDifferenceFn},
                 {Q_symmetric_difference_update, &kSetSymmetricDifferenceUpdateFn}, {Q_union, &kSetUnionFn},
                 {Q_update, &kSetUpdateFn});

TAIPAN_CONST_MAP(kFrozenSetMethods, {Q___contains__, &kSetContainsFn}, {Q_copy, &kSetCopyFn},
                 {Q_difference, &kSetDifferenceFn}, {Q_intersection, &kSetIntersectionFn},
                 {Q_isdisjoint, &kSetIsDisjointFn}, {Q_issubset, &kSetIsSubsetFn},
                 {Q_issuperset, &kSetIsSupersetFn}, {Q_symmetric_difference, &kSetSymmetricDifferenceFn},
                 {Q_union, &kSetUnionFn});

// --- Slots -----------------------------------------------------------------------

// Room to make a set of `iterable`'s items in without growing it: the
// length of a tuple or list (duplicates only leave room unused), and for
// an iterable of unknown length (a generator, mostly) room for a few.
size_t InitialCapacityFor(Value iterable) {
  if (HasExactType(iterable, &kTupleType) || HasExactType(iterable, &kListType)) {
    size_t length;
    Value* items;
    GetSequenceItems(iterable, &length, &items);
    return length;
  }
  return 8;
}

Value SetMakeNew(const Type* type, size_t n_args, size_t n_kw, const Value* args) {
  CheckArgCount(n_args, n_kw, 0, 1, type->name);
  const Type* native = IsSubclass(type, &kFrozenSetType) ? &kFrozenSetType : &kSetType;
  // A frozenset of a frozenset is that frozenset: it cannot change.
  if (n_args == 1 && type == &kFrozenSetType && HasExactType(args[0], &kFrozenSetType)) return args[0];
  Value set = NewEmpty(native, n_args == 1 ? InitialCapacityFor(args[0]) : 0);
  if (n_args == 1) AddAll(set, args[0]);
  return set;
}

void SetPrint(const Printer& out, Value self, PrintKind) {
  Value set = SelfSet(self);
  bool frozen = TypeOf(set) == &kFrozenSetType;
  if (Size(set) == 0) {
    PrintCString(out, frozen ? "frozenset()" : "set()");
    return;
  }
  if (frozen) PrintCString(out, "frozenset(");
  PrintChar(out, '{');
  size_t position = 0;
  bool first = true;
  while (MapEntry* entry = MapNext(SetMap(set), &position)) {
    if (!first) PrintCString(out, ", ");
    first = false;
    PrintValue(out, entry->key, PrintKind::kRepr);
  }
  PrintChar(out, '}');
  if (frozen) PrintChar(out, ')');
}

// Independent of the order of the elements: a sum of their scrambled hashes.
SignedWord FrozenSetHash(Value set) {
  Word hash = static_cast<Word>(Size(set)) * 0x72E5A4DBu;
  size_t position = 0;
  while (MapEntry* entry = MapNext(SetMap(set), &position)) {
    Word h = static_cast<Word>(Hash(entry->key));
    hash += (h ^ (h << 16) ^ 89869747u) * 3644798167u;
  }
  return static_cast<SignedWord>(hash >> 2);  // fits a small int
}

Value SetUnaryOp(UnaryOp op, Value self) {
  Value set = SelfSet(self);
  switch (op) {
    case UnaryOp::kLen: return FromSmallInt(static_cast<SignedWord>(Size(set)));
    case UnaryOp::kBool: return FromBool(Size(set) != 0);
    case UnaryOp::kHash:
      // A set is unhashable: declining makes Hash() raise TypeError.
      return TypeOf(set) == &kFrozenSetType ? FromSmallInt(FrozenSetHash(set)) : kNull;
    default: return kNull;
  }
}

Value Comparison(BinaryOp op, Value a, Value b) {
  switch (op) {
    case BinaryOp::kEqual: return FromBool(Size(a) == Size(b) && IsSubset(a, b));
    case BinaryOp::kLessEqual: return FromBool(IsSubset(a, b));
    case BinaryOp::kLess: return FromBool(Size(a) < Size(b) && IsSubset(a, b));
    case BinaryOp::kMoreEqual: return FromBool(IsSubset(b, a));
    case BinaryOp::kMore: return FromBool(Size(a) > Size(b) && IsSubset(b, a));
    default: return kNull;
  }
}

Value SetBinaryOp(BinaryOp op, Value lhs, Value rhs) {
  Value set = SelfSet(lhs);
  if (op == BinaryOp::kContains) return FromBool(Has(set, AsElement(rhs)));
  Value other = NativeSet(rhs);
  if (other == kNull) return kNull;  // operators need sets on both sides
  const Type* type = TypeOf(set);
  bool in_place = type == &kSetType;
  switch (op) {
    case BinaryOp::kOr: {
      Value result = CopyOf(type, set);
      AddAll(result, other);
      return result;
    }
    case BinaryOp::kAnd: return Intersection(type, set, other);
    case BinaryOp::kSubtract: return Difference(type, set, other);
    case BinaryOp::kXor: {
      Value result = CopyOf(type, set);
      SymmetricDifferenceUpdate(result, other);
      return result;
    }
    // In place on a set; a frozenset declines and gets the plain operator.
    case BinaryOp::kInplaceOr:
      if (!in_place) return kNull;
      AddAll(set, other);
      return lhs;
    case BinaryOp::kInplaceAnd:
      if (!in_place) return kNull;
      IntersectionUpdate(set, other);
      return lhs;
    case BinaryOp::kInplaceSubtract:
      if (!in_place) return kNull;
      DifferenceUpdate(set, other);
      return lhs;
    case BinaryOp::kInplaceXor:
      if (!in_place) return kNull;
      SymmetricDifferenceUpdate(set, other);
      return lhs;
    default: return Comparison(op, set, other);
  }
}

Value SetGetIter(Value self) { return NewMapIterator(SelfSet(self), MapIteration::kSetItems); }

}  // namespace

Value NewSet(size_t n_items, const Value* items) {
  Value set = NewEmpty(&kSetType, n_items);
  for (size_t i = 0; i < n_items; ++i) MapStore(SetMap(set), items[i], kTrue);
  return set;
}

Value NewFrozenSet(size_t n_items, const Value* items) {
  Value set = NewEmpty(&kFrozenSetType, n_items);
  for (size_t i = 0; i < n_items; ++i) MapStore(SetMap(set), items[i], kTrue);
  return set;
}

Value SetFromIterable(const Type* type, Value iterable) {
  Value set = NewEmpty(type, 0);
  AddAll(set, iterable);
  return set;
}

void SetAdd(Value set, Value item) { MapStore(SetMap(NativeValue(set)), item, kTrue); }

bool SetContains(Value set, Value item) { return Has(NativeValue(set), AsElement(item)); }

bool IsSetLike(Value v) { return NativeSet(v) != kNull; }

const Type kSetType = {
    .base = {&kTypeType},
    .flags = kTypeBaseAllowed,
    .name = Q_set,
    .make_new = SetMakeNew,
    .print = SetPrint,
    .unary_op = SetUnaryOp,
    .binary_op = SetBinaryOp,
    .get_iter = SetGetIter,
    .base_type = &kObjectType,
    .methods = &kSetMethods,
};

const Type kFrozenSetType = {
    .base = {&kTypeType},
    .flags = kTypeBaseAllowed,
    .name = Q_frozenset,
    .make_new = SetMakeNew,
    .print = SetPrint,
    .unary_op = SetUnaryOp,
    .binary_op = SetBinaryOp,
    .get_iter = SetGetIter,
    .base_type = &kObjectType,
    .methods = &kFrozenSetMethods,
};

}  // namespace taipan::rt
