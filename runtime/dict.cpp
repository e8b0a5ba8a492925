// dict, its views, and the iterators over dicts and sets.
//
// Methods and slots accept class instances deriving from dict: NativeValue()
// gives the DictObject they hold, and d[key] on such an instance calls the
// class's __missing__ for an absent key.
#include "runtime/dict.h"

#include "runtime/class.h"
#include "runtime/function.h"
#include "runtime/runtime.h"
#include "runtime/set.h"
#include "runtime/tuple.h"

namespace taipan::rt {

namespace {

// The dict a value holds (itself, or a class instance's native dict), or
// kNull when it holds none.
Value NativeDict(Value v) {
  if (!IsObject(v)) return kNull;
  if (ObjectPointer<Object>(v)->type == &kDictType) return v;  // the common case, first
  Value native = NativeValue(v);
  const Type* type = TypeOf(native);
  return IsSubclass(type, &kDictType) && !(type->flags & kTypeIsClass) ? native : kNull;
}

// SelfDict for anything but a plain dict (out of line: the plain dict is
// the path every method and subscript takes).
[[gnu::noinline]] Value SelfDictOfOther(Value self) {
  Value dict = NativeDict(self);
  if (dict == kNull) {
    const char* parts[] = {"descriptor requires a 'dict' object but received a '", TypeNameOf(self), "'"};
    RaiseJoined(&kTypeErrorType, parts, 3);
  }
  return dict;
}

Value SelfDict(Value self) {
  if (IsObject(self) && ObjectPointer<Object>(self)->type == &kDictType) return self;
  return SelfDictOfOther(self);
}

Value NewDictOfType(const Type* type, size_t capacity) {
  auto* dict = NewObject<DictObject>(type);
  MapInit(&dict->map, capacity);
  return FromPointer(dict);
}

Value CopyOf(Value dict) {
  Value copy = NewDict(0);
  MapCopy(DictMap(copy), DictMap(dict));
  return copy;
}

// --- Printing, with a guard against printing a container inside itself --------
//
// The containers being printed form a list through the C stack; an
// exception while printing unlinks the entry on its way out.
struct ReprGuard {
  Value object;
  ReprGuard* outer;
};
ReprGuard* g_repr_guards = nullptr;

template <typename F>
void PrintGuarded(const Printer& out, Value object, const char* if_recursive, F print) {
  for (ReprGuard* guard = g_repr_guards; guard; guard = guard->outer) {
    if (guard->object == object) {
      PrintCString(out, if_recursive);
      return;
    }
  }
  ReprGuard guard{object, g_repr_guards};
  g_repr_guards = &guard;
  NlrBuf buf;
  if (taipan_nlr_push(&buf) == 0) {
    print();
    taipan_nlr_pop();
    g_repr_guards = guard.outer;
    return;
  }
  g_repr_guards = guard.outer;
  taipan_nlr_jump(buf.value);
}

void DictPrint(const Printer& out, Value self, PrintKind) {
  Value dict = SelfDict(self);
  PrintGuarded(out, dict, "{...}", [&] {
    PrintChar(out, '{');
    size_t position = 0;
    bool first = true;
    while (MapEntry* entry = MapNext(DictMap(dict), &position)) {
      if (!first) PrintCString(out, ", ");
      first = false;
      Value value = entry->value;  // printing the key may run code that changes the dict
      PrintValue(out, entry->key, PrintKind::kRepr);
      PrintCString(out, ": ");
      PrintValue(out, value, PrintKind::kRepr);
    }
    PrintChar(out, '}');
  });
}

// --- Updating ---------------------------------------------------------------------

[[noreturn]] void RaiseWrongPairLength() { RaiseValueError("dict update sequence has wrong length"); }

// dict[pair[0]] = pair[1], for an element of dict(iterable) / update().
void StorePair(Value dict, Value pair) {
  Value key, value;
  const Type* type = TypeOf(pair);
  if (type == &kTupleType || type == &kListType) {
    size_t length;
    Value* items;
    GetSequenceItems(pair, &length, &items);
    if (length != 2) RaiseWrongPairLength();
    key = items[0];
    value = items[1];
  } else {
    Value it = GetIter(pair);
    key = IterNext(it);
    value = key == kStopIteration ? kStopIteration : IterNext(it);
    if (value == kStopIteration || IterNext(it) != kStopIteration) RaiseWrongPairLength();
  }
  DictStore(dict, key, value);
}

void StoreKeywords(Value dict, size_t n_kw, const Value* kw) {
  for (size_t k = 0; k < n_kw; ++k) DictStore(dict, kw[2 * k], kw[2 * k + 1]);
}

// --- dict slots -----------------------------------------------------------------------

Value DictMakeNew(const Type* type, size_t n_args, size_t n_kw, const Value* args) {
  if (n_args > 1) CheckArgCount(n_args, 0, 0, 1, Q_dict);
  // A class deriving from dict keeps a plain dict as its native part.
  Value dict = NewDictOfType((type->flags & kTypeIsClass) ? &kDictType : type, n_kw);
  if (n_args == 1) DictUpdate(dict, args[0]);
  StoreKeywords(dict, n_kw, args + n_args);
  return dict;
}

Value DictUnaryOp(UnaryOp op, Value self) {
  Map* map = DictMap(SelfDict(self));
  switch (op) {
    case UnaryOp::kLen: return FromSmallInt(static_cast<SignedWord>(map->used));
    case UnaryOp::kBool: return FromBool(map->used != 0);
    default: return kNull;  // kHash declined: Hash() raises "unhashable type: 'dict'"
  }
}

bool DictsEqual(Value a, Value b) {
  if (DictMap(a)->used != DictMap(b)->used) return false;
  size_t position = 0;
  while (MapEntry* entry = MapNext(DictMap(a), &position)) {
    Value value = entry->value;
    Value other = MapLookup(DictMap(b), entry->key);
    if (other == kNull || !(other == value || Equal(value, other))) return false;
  }
  return true;
}

Value DictBinaryOp(BinaryOp op, Value lhs, Value rhs) {
  Value dict = SelfDict(lhs);
  switch (op) {
    case BinaryOp::kContains: return FromBool(MapFind(DictMap(dict), rhs) != nullptr);
    case BinaryOp::kEqual: {
      Value other = NativeDict(rhs);
      return other == kNull ? kNull : FromBool(DictsEqual(dict, other));
    }
    case BinaryOp::kOr: {
      if (NativeDict(rhs) == kNull) return kNull;
      Value result = CopyOf(dict);
      DictUpdate(result, rhs);
      return result;
    }
    case BinaryOp::kInplaceOr:
      DictUpdate(dict, rhs);
      return lhs;
    default: return kNull;
  }
}

// The value of an absent key: the class's __missing__(key) for a class
// instance that defines one; otherwise KeyError.
Value Missing(Value self, Value key) {
  if (IsObject(self) && (TypeOf(self)->flags & kTypeIsClass)) {
    Value missing = LookupInType(TypeOf(self), Q___missing__);
    if (missing != kNull) return Call1(BindAttribute(missing, self, TypeOf(self)), key);
  }
  RaiseKeyError(key);
}

Value DictSubscr(Value self, Value index, Value value) {
  Map* map = DictMap(SelfDict(self));
  if (value == kSentinel) {
    MapEntry* entry = MapFind(map, index);
    return entry ? entry->value : Missing(self, index);
  }
  if (value == kNull) {
    if (MapRemove(map, index) == kNull) RaiseKeyError(index);
    return kNone;
  }
  MapStore(map, index, value);
  return kNone;
}

Value DictGetIter(Value self) { return NewMapIterator(SelfDict(self), MapIteration::kKeys); }

// --- dict methods -------------------------------------------------------------------

Value NewView(const Type* type, Value self) {
  auto* view = NewObject<DictViewObject>(type);
  view->dict = SelfDict(self);
  return FromPointer(view);
}

Value DictKeysMethod(Value self) { return NewView(&kDictKeysType, self); }
Value DictValuesMethod(Value self) { return NewView(&kDictValuesType, self); }
Value DictItemsMethod(Value self) { return NewView(&kDictItemsType, self); }

Value DictClearMethod(Value self) {
  MapClear(DictMap(SelfDict(self)));
  return kNone;
}

Value DictCopyMethod(Value self) { return CopyOf(SelfDict(self)); }

Value DictGetMethod(size_t n_args, const Value* args) {
  MapEntry* entry = MapFind(DictMap(SelfDict(args[0])), args[1]);
  if (entry) return entry->value;
  return n_args == 3 ? args[2] : kNone;
}

Value DictPopMethod(size_t n_args, const Value* args) {
  Value value = MapRemove(DictMap(SelfDict(args[0])), args[1]);
  if (value != kNull) return value;
  if (n_args == 3) return args[2];
  RaiseKeyError(args[1]);
}

Value DictPopItemMethod(Value self) {
  MapEntry entry;
  if (!MapPopLast(DictMap(SelfDict(self)), &entry)) RaiseMessage(&kKeyErrorType, "popitem(): dictionary is empty");
  Value pair[2] = {entry.key, entry.value};
  return NewTuple(2, pair);
}

Value DictSetDefaultMethod(size_t n_args, const Value* args) {
  bool added;
  MapEntry* entry = MapFindOrAdd(DictMap(SelfDict(args[0])), args[1], &added);
  if (added) entry->value = n_args == 3 ? args[2] : kNone;
  return entry->value;
}

Value DictUpdateMethod(size_t n_args, const Value* args, size_t n_kw, const Value* kw) {
  Value dict = SelfDict(args[0]);
  if (n_args == 2) DictUpdate(dict, args[1]);
  StoreKeywords(dict, n_kw, kw);
  return kNone;
}

// dict.fromkeys(iterable, value=None), a classmethod: args[0] is the class.
Value DictFromKeysMethod(size_t n_args, const Value* args) {
  Value cls = args[0];
  Value value = n_args == 3 ? args[2] : kNone;
  if (cls == FromType(&kDictType)) {
    Value dict = NewDict(0);
    ForEachItem(args[1], [&](Value key) { DictStore(dict, key, value); });
    return dict;
  }
  Value dict = Call0(cls);
  ForEachItem(args[1], [&](Value key) { StoreSubscr(dict, key, value); });
  return dict;
}

Value DictContainsMethod(Value self, Value key) { return DictBinaryOp(BinaryOp::kContains, self, key); }
Value DictGetItemMethod(Value self, Value key) { return DictSubscr(self, key, kSentinel); }
Value DictSetItemMethod(Value self, Value key, Value value) { return DictSubscr(self, key, value); }
Value DictDelItemMethod(Value self, Value key) { return DictSubscr(self, key, kNull); }
Value DictLenMethod(Value self) { return DictUnaryOp(UnaryOp::kLen, self); }

constexpr BuiltinFunction kDictContainsFn(Q___contains__, DictContainsMethod);
constexpr BuiltinFunction kDictDelItemFn(Q___delitem__, DictDelItemMethod);
constexpr BuiltinFunction kDictGetItemFn(Q___getitem__, DictGetItemMethod);
constexpr BuiltinFunction kDictLenFn(Q___len__, DictLenMethod);
constexpr BuiltinFunction kDictSetItemFn(Q___setitem__, DictSetItemMethod);
constexpr BuiltinFunction kDictClearFn(Q_clear, DictClearMethod);
constexpr BuiltinFunction kDictCopyFn(Q_copy, DictCopyMethod);
constexpr BuiltinFunction kDictFromKeysFn(Q_fromkeys, 2, 3, DictFromKeysMethod);
constexpr ConstMethodWrapper kDictFromKeysClassMethod = {{&kClassMethodType}, &kDictFromKeysFn.base};
constexpr BuiltinFunction kDictGetFn(Q_get, 2, 3, DictGetMethod);
constexpr BuiltinFunction kDictItemsFn(Q_items, DictItemsMethod);
constexpr BuiltinFunction kDictKeysFn(Q_keys, DictKeysMethod);
constexpr BuiltinFunction kDictPopFn(Q_pop, 2, 3, DictPopMethod);
constexpr BuiltinFunction kDictPopItemFn(Q_popitem, DictPopItemMethod);
constexpr BuiltinFunction kDictSetDefaultFn(Q_setdefault, 2, 3, DictSetDefaultMethod);
constexpr BuiltinFunction kDictUpdateFn(Q_update, 1, 2, DictUpdateMethod);
constexpr BuiltinFunction kDictValuesFn(Q_values, DictValuesMethod);

TAIPAN_CONST_MAP(kDictMethods, {Q___contains__, &kDictContainsFn}, {Q___delitem__, &kDictDelItemFn},
                 {Q___getitem__, &kDictGetItemFn}, {Q___len__, &kDictLenFn}, {Q___setitem__, &kDictSetItemFn},
                 {Q_clear, &kDictClearFn}, {Q_copy, &kDictCopyFn}, {Q_fromkeys, &kDictFromKeysClassMethod},
                 {Q_get, &kDictGetFn}, {Q_items, &kDictItemsFn}, {Q_keys, &kDictKeysFn}, {Q_pop, &kDictPopFn},
                 {Q_popitem, &kDictPopItemFn}, {Q_setdefault, &kDictSetDefaultFn}, {Q_update, &kDictUpdateFn},
                 {Q_values, &kDictValuesFn});

// --- Views ------------------------------------------------------------------------------

DictViewObject* AsView(Value v) { return ObjectPointer<DictViewObject>(v); }

MapIteration ViewIteration(const Type* type) {
  if (type == &kDictKeysType) return MapIteration::kKeys;
  if (type == &kDictValuesType) return MapIteration::kValues;
  return MapIteration::kItems;
}

void ViewPrint(const Printer& out, Value self, PrintKind) {
  PrintGuarded(out, self, "...", [&] {
    PrintCString(out, TypeNameOf(self));
    PrintCString(out, "([");
    MapIteration what = ViewIteration(TypeOf(self));
    size_t position = 0;
    bool first = true;
    while (MapEntry* entry = MapNext(DictMap(AsView(self)->dict), &position)) {
      if (!first) PrintCString(out, ", ");
      first = false;
      Value key = entry->key, value = entry->value;
      if (what == MapIteration::kItems) PrintChar(out, '(');
      if (what != MapIteration::kValues) PrintValue(out, key, PrintKind::kRepr);
      if (what == MapIteration::kItems) PrintCString(out, ", ");
      if (what != MapIteration::kKeys) PrintValue(out, value, PrintKind::kRepr);
      if (what == MapIteration::kItems) PrintChar(out, ')');
    }
    PrintCString(out, "])");
  });
}

Value ViewUnaryOp(UnaryOp op, Value self) {
  Map* map = DictMap(AsView(self)->dict);
  switch (op) {
    case UnaryOp::kLen: return FromSmallInt(static_cast<SignedWord>(map->used));
    case UnaryOp::kBool: return FromBool(map->used != 0);
    case UnaryOp::kHash:
      // values() views compare by identity and hash so; keys() and items()
      // views are set-like and unhashable.
      if (TypeOf(self) == &kDictValuesType) return FromSmallInt(static_cast<SignedWord>(Bits(self) >> 3));
      return kNull;
    default: return kNull;
  }
}

bool ViewContains(Value self, Value item) {
  Map* map = DictMap(AsView(self)->dict);
  switch (ViewIteration(TypeOf(self))) {
    case MapIteration::kKeys: return MapFind(map, item) != nullptr;
    case MapIteration::kItems: {
      if (!HasExactType(item, &kTupleType) || AsTuple(item)->length != 2) return false;
      Value expected = AsTuple(item)->items[1];
      Value value = MapLookup(map, AsTuple(item)->items[0]);
      return value != kNull && (value == expected || Equal(value, expected));
    }
    default: {
      size_t position = 0;
      while (MapEntry* entry = MapNext(map, &position)) {
        Value value = entry->value;
        if (value == item || Equal(value, item)) return true;
      }
      return false;
    }
  }
}

bool IsSetLikeView(Value v) {
  return IsObject(v) && (TypeOf(v) == &kDictKeysType || TypeOf(v) == &kDictItemsType);
}

// keys() and items() views take part in set operations as the set of
// their items; the result is a set.
Value ViewBinaryOp(BinaryOp op, Value lhs, Value rhs) {
  if (op == BinaryOp::kContains) return FromBool(ViewContains(lhs, rhs));
  if (TypeOf(lhs) == &kDictValuesType) return kNull;
  auto self = [lhs] { return SetFromIterable(&kSetType, lhs); };
  switch (op) {
    case BinaryOp::kOr:
    case BinaryOp::kAnd:
    case BinaryOp::kSubtract:
    case BinaryOp::kXor:
      return kSetType.binary_op(op, self(), IsSetLike(rhs) ? rhs : SetFromIterable(&kSetType, rhs));
    case BinaryOp::kReverseOr:
    case BinaryOp::kReverseAnd:
    case BinaryOp::kReverseSubtract:
    case BinaryOp::kReverseXor: {
      auto plain = static_cast<BinaryOp>(static_cast<unsigned>(op) - static_cast<unsigned>(BinaryOp::kReverseOr) +
                                         static_cast<unsigned>(BinaryOp::kOr));
      return kSetType.binary_op(plain, SetFromIterable(&kSetType, rhs), self());
    }
    case BinaryOp::kEqual:
    case BinaryOp::kLess:
    case BinaryOp::kLessEqual:
    case BinaryOp::kMore:
    case BinaryOp::kMoreEqual:
      if (IsSetLike(rhs)) return kSetType.binary_op(op, self(), rhs);
      if (IsSetLikeView(rhs)) return kSetType.binary_op(op, self(), SetFromIterable(&kSetType, rhs));
      return kNull;
    default: return kNull;
  }
}

Value ViewGetIter(Value self) { return NewMapIterator(AsView(self)->dict, ViewIteration(TypeOf(self))); }

// --- Iterators ------------------------------------------------------------------------

struct MapIteratorObject {
  Object base;  // one of the iterator types below
  Value owner;  // the DictObject or SetObject; kNull once exhausted
  const MapEntry* entries;  // owner's entries when the iteration started
  size_t position;
  size_t used;       // owner's size when the iteration started
  size_t remaining;  // entries still to come, if nothing changes
};

Value IteratorSelf(Value self) { return self; }
Value MapIteratorNext(Value self);

constexpr Type MapIteratorType(Qstr name) {
  return {.base = {&kTypeType},
          .flags = kTypeIsIterator,
          .name = name,
          .get_iter = IteratorSelf,
          .iter_next = MapIteratorNext,
          .base_type = &kObjectType};
}

// Indexed by MapIteration.
constexpr Type kMapIteratorTypes[] = {MapIteratorType(Q_dict_keyiterator), MapIteratorType(Q_dict_valueiterator),
                                      MapIteratorType(Q_dict_itemiterator), MapIteratorType(Q_set_iterator)};

[[noreturn]] void RaiseChanged(MapIteration what, bool size) {
  if (what == MapIteration::kSetItems) RaiseMessage(&kRuntimeErrorType, "Set changed size during iteration");
  RaiseMessage(&kRuntimeErrorType,
               size ? "dictionary changed size during iteration" : "dictionary keys changed during iteration");
}

Value MapIteratorNext(Value self) {
  auto* it = ObjectPointer<MapIteratorObject>(self);
  if (it->owner == kNull) return kStopIteration;
  auto what = static_cast<MapIteration>(TypeOf(self) - kMapIteratorTypes);
  Map* map = SetMap(it->owner);  // dicts and sets keep their Map at the same place
  if (map->used != it->used) RaiseChanged(what, true);
  if (map->entries != it->entries) RaiseChanged(what, false);  // rebuilt: positions moved
  MapEntry* entry = MapNext(map, &it->position);
  if (!entry) {
    it->owner = kNull;
    it->entries = nullptr;
    return kStopIteration;
  }
  if (it->remaining == 0) RaiseChanged(what, false);  // keys deleted and others added
  --it->remaining;
  switch (what) {
    case MapIteration::kValues: return entry->value;
    case MapIteration::kItems: {
      Value pair[2] = {entry->key, entry->value};
      return NewTuple(2, pair);
    }
    default: return entry->key;
  }
}

}  // namespace

// --- Public functions --------------------------------------------------------------------

Value NewDict(size_t capacity) { return NewDictOfType(&kDictType, capacity); }

bool IsDict(Value v) { return NativeDict(v) != kNull; }

void DictStore(Value dict, Value key, Value value) { MapStore(DictMap(dict), key, value); }
Value DictLookup(Value dict, Value key) {
  MapEntry* entry = MapFind(DictMap(dict), key);  // (MapLookup is in another file: one call fewer)
  return entry ? entry->value : kNull;
}
Value DictRemove(Value dict, Value key) { return MapRemove(DictMap(dict), key); }

void DictUpdate(Value dict, Value other) {
  Value source = NativeDict(other);
  if (source != kNull && source == other) {
    // A dict (not a class instance, which may override keys()): copy directly.
    if (source == dict) return;
    size_t position = 0;
    while (MapEntry* entry = MapNext(DictMap(source), &position)) DictStore(dict, entry->key, entry->value);
    return;
  }
  Value keys[2];
  LoadMethodOrNull(other, Q_keys, keys);
  if (keys[0] != kNull) {
    Value key_list = keys[1] == kNull ? Call0(keys[0]) : Call1(keys[0], keys[1]);
    ForEachItem(key_list, [&](Value key) { DictStore(dict, key, LoadSubscr(other, key)); });
    return;
  }
  ForEachItem(other, [&](Value pair) { StorePair(dict, pair); });
}

Value NewMapIterator(Value owner, MapIteration what) {
  auto* it = NewObject<MapIteratorObject>(&kMapIteratorTypes[static_cast<unsigned>(what)]);
  Map* map = SetMap(owner);
  it->owner = owner;
  it->entries = map->entries;
  it->used = map->used;
  it->remaining = map->used;
  return FromPointer(it);
}

const Type kDictType = {
    .base = {&kTypeType},
    .flags = kTypeBaseAllowed,
    .name = Q_dict,
    .make_new = DictMakeNew,
    .print = DictPrint,
    .unary_op = DictUnaryOp,
    .binary_op = DictBinaryOp,
    .subscr = DictSubscr,
    .get_iter = DictGetIter,
    .base_type = &kObjectType,
    .methods = &kDictMethods,
};

// The name natively compiled code compares type words with (native_abi.def);
// an alias can only be defined next to the object it names.
extern "C" [[gnu::alias("_ZN6taipan2rt9kDictTypeE")]] const Type taipan_native_type_dict;

#define TAIPAN_DICT_VIEW_TYPE(Ident, qstr)                                                            \
  const Type Ident = {.base = {&kTypeType},                                                            \
                      .name = qstr,                                                                    \
                      .print = ViewPrint,                                                              \
                      .unary_op = ViewUnaryOp,                                                         \
                      .binary_op = ViewBinaryOp,                                                       \
                      .get_iter = ViewGetIter,                                                         \
                      .base_type = &kObjectType};
TAIPAN_DICT_VIEW_TYPE(kDictKeysType, Q_dict_keys)
TAIPAN_DICT_VIEW_TYPE(kDictValuesType, Q_dict_values)
TAIPAN_DICT_VIEW_TYPE(kDictItemsType, Q_dict_items)
#undef TAIPAN_DICT_VIEW_TYPE

}  // namespace taipan::rt
