// The collections module: namedtuple, OrderedDict and deque, with
// MicroPython's feature set (plus a few CPython extras on namedtuple).
#include "runtime/class.h"
#include "runtime/dict.h"
#include "runtime/function.h"
#include "runtime/list.h"
#include "runtime/runtime.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace taipan::rt {

namespace {

// --- namedtuple ------------------------------------------------------------------
//
// namedtuple() makes a heap Type (not a class: no instance dict) whose
// instances are TupleObjects with that type in their header, so the tuple
// slots that only read the items apply to them unchanged.

struct NamedTupleType {
  Type type;
  size_t n_fields;
  Qstr fields[];
};

Value NamedTupleMakeNew(const Type* type, size_t n_args, size_t n_kw, const Value* args);

bool IsNamedTuple(Value v) { return IsObject(v) && TypeOf(v)->make_new == NamedTupleMakeNew; }
const NamedTupleType* FieldsOf(Value self) { return reinterpret_cast<const NamedTupleType*>(TypeOf(self)); }

// The index of field `name`, or -1.
SignedWord FieldIndex(const NamedTupleType* type, Qstr name) {
  for (size_t i = 0; i < type->n_fields; ++i)
    if (type->fields[i] == name) return static_cast<SignedWord>(i);
  return -1;
}

[[noreturn]] void RaiseKeywordError(const char* what, Qstr name) {
  size_t length;
  const char* parts[] = {what, QstrData(name, &length), "'"};
  RaiseJoined(&kTypeErrorType, parts, 3);
}

Value NamedTupleMakeNew(const Type* type, size_t n_args, size_t n_kw, const Value* args) {
  auto* nt = reinterpret_cast<const NamedTupleType*>(type);
  CheckArgCount(n_args + n_kw, 0, nt->n_fields, nt->n_fields, type->name);
  auto* tuple = NewObject<TupleObject>(type, nt->n_fields * sizeof(Value));
  tuple->length = nt->n_fields;
  for (size_t i = 0; i < n_args; ++i) tuple->items[i] = args[i];
  for (size_t k = 0; k < n_kw; ++k) {
    Qstr name = QstrValue(args[n_args + 2 * k]);
    SignedWord i = FieldIndex(nt, name);
    if (i < 0) RaiseKeywordError("unexpected keyword argument '", name);
    if (tuple->items[i] != kNull) RaiseKeywordError("function got multiple values for argument '", name);
    tuple->items[i] = args[n_args + 2 * k + 1];
  }
  return FromPointer(tuple);
}

void NamedTuplePrint(const Printer& out, Value self, PrintKind) {
  const NamedTupleType* type = FieldsOf(self);
  PrintQstr(out, type->type.name);
  PrintChar(out, '(');
  for (size_t i = 0; i < type->n_fields; ++i) {
    if (i) PrintCString(out, ", ");
    PrintQstr(out, type->fields[i]);
    PrintChar(out, '=');
    PrintValue(out, AsTuple(self)->items[i], PrintKind::kRepr);
  }
  PrintChar(out, ')');
}

// A plain tuple with the same items: the tuple functions that need an
// exact tuple (comparison, concatenation, count/index) work on it.
Value PlainTuple(Value v) {
  v = NativeValue(v);
  return IsNamedTuple(v) ? NewTuple(AsTuple(v)->length, AsTuple(v)->items) : v;
}

Value NamedTupleBinaryOp(BinaryOp op, Value lhs, Value rhs) {
  return kTupleType.binary_op(op, PlainTuple(lhs), PlainTuple(rhs));
}

Value NamedTupleAttr(Value self, Qstr name, AttrOp op, Value) {
  self = NativeValue(self);
  SignedWord i = FieldIndex(FieldsOf(self), name);
  if (op != AttrOp::kLoad) {
    if (i >= 0) RaiseMessage(&kAttributeErrorType, "can't set attribute");
    return kNull;
  }
  if (i >= 0) return AsTuple(self)->items[i];
  if (name == Q__fields) {
    const NamedTupleType* type = FieldsOf(self);
    Value names = NewTuple(type->n_fields, nullptr);
    for (size_t f = 0; f < type->n_fields; ++f) AsTuple(names)->items[f] = FromQstr(type->fields[f]);
    return names;
  }
  return kNull;
}

Value NamedTupleAsDict(Value self) {
  self = NativeValue(self);
  const NamedTupleType* type = FieldsOf(self);
  Value dict = NewDict(type->n_fields);
  for (size_t i = 0; i < type->n_fields; ++i) DictStore(dict, FromQstr(type->fields[i]), AsTuple(self)->items[i]);
  return dict;
}

Value NamedTupleReplace(size_t, const Value* args, size_t n_kw, const Value* kw) {
  Value self = NativeValue(args[0]);
  Value copy = NewTuple(AsTuple(self)->length, AsTuple(self)->items);
  AsTuple(copy)->base.type = TypeOf(self);
  for (size_t k = 0; k < n_kw; ++k) {
    SignedWord i = FieldIndex(FieldsOf(self), QstrValue(kw[2 * k]));
    if (i < 0) RaiseValueError("got unexpected field name");
    AsTuple(copy)->items[i] = kw[2 * k + 1];
  }
  return copy;
}

Value NamedTupleCount(Value self, Value x) { return CallMethod(PlainTuple(self), Q_count, 1, &x); }
Value NamedTupleIndex(size_t n_args, const Value* args) {
  return CallMethod(PlainTuple(args[0]), Q_index, n_args - 1, args + 1);
}

constexpr BuiltinFunction kAsDictFn(Q__asdict, NamedTupleAsDict);
constexpr BuiltinFunction kReplaceFn(Q__replace, 1, 1, NamedTupleReplace);
constexpr BuiltinFunction kNamedTupleCountFn(Q_count, NamedTupleCount);
constexpr BuiltinFunction kNamedTupleIndexFn(Q_index, 2, 4, NamedTupleIndex);
TAIPAN_CONST_MAP(kNamedTupleMethods, {Q__asdict, &kAsDictFn}, {Q__replace, &kReplaceFn},
                 {Q_count, &kNamedTupleCountFn}, {Q_index, &kNamedTupleIndexFn});

// Tuple slots reached through functions: kTupleType's members are not
// constants this file could put in a table.
Value NamedTupleUnaryOp(UnaryOp op, Value self) { return kTupleType.unary_op(op, self); }
Value NamedTupleSubscr(Value self, Value index, Value value) { return kTupleType.subscr(self, index, value); }
Value NamedTupleGetIter(Value self) { return kTupleType.get_iter(self); }

bool IsFieldSeparator(char c) { return c == ' ' || c == ',' || c == '\t' || c == '\n'; }

// The field names of namedtuple(): a str of names separated by spaces or
// commas, or a sequence of str.
Value FieldNames(Value fields) {
  if (!IsStr(fields)) return TupleFromIterable(fields);
  size_t length;
  const char* text = StrBytes(fields, &length);
  Value names = NewList(0, nullptr);
  for (size_t i = 0; i < length;) {
    if (IsFieldSeparator(text[i])) {
      ++i;
      continue;
    }
    size_t start = i;
    while (i < length && !IsFieldSeparator(text[i])) ++i;
    ListAppend(names, FromQstr(QstrIntern(text + start, i - start)));
  }
  return TupleFromIterable(names);
}

// What every namedtuple type shares; only the name differs.
constexpr Type kNamedTupleTemplate = {
    .base = {&kTypeType},
    .flags = kTypeBaseAllowed,
    .make_new = NamedTupleMakeNew,
    .print = NamedTuplePrint,
    .unary_op = NamedTupleUnaryOp,
    .binary_op = NamedTupleBinaryOp,
    .attr = NamedTupleAttr,
    .subscr = NamedTupleSubscr,
    .get_iter = NamedTupleGetIter,
    .base_type = &kTupleType,
    .methods = &kNamedTupleMethods,
    .dict = kNull,
    .mro = kNull,
    .bases = kNull,
};

Value NamedTupleFactory(Value name, Value fields) {
  Qstr type_name = StrToQstr(name);
  Value names = FieldNames(fields);
  size_t n = AsTuple(names)->length;
  auto* nt = static_cast<NamedTupleType*>(Allocate(sizeof(NamedTupleType) + n * sizeof(Qstr)));
  nt->n_fields = n;
  for (size_t i = 0; i < n; ++i) nt->fields[i] = StrToQstr(AsTuple(names)->items[i]);
  nt->type = kNamedTupleTemplate;
  nt->type.name = type_name;
  return FromType(&nt->type);
}

// --- OrderedDict -------------------------------------------------------------------
//
// Dicts keep insertion order already: an OrderedDict is a dict of another
// type, printed as OrderedDict({...}), whose == with another OrderedDict
// also compares the order.

Value OrderedDictMakeNew(const Type* type, size_t n_args, size_t n_kw, const Value* args) {
  return kDictType.make_new(type, n_args, n_kw, args);
}

void OrderedDictPrint(const Printer& out, Value self, PrintKind kind) {
  PrintCString(out, "OrderedDict(");
  kDictType.print(out, self, kind);
  PrintChar(out, ')');
}

bool IsOrderedDict(Value v);

Value OrderedDictBinaryOp(BinaryOp op, Value lhs, Value rhs) {
  if (op == BinaryOp::kEqual && IsOrderedDict(rhs)) {
    Map* a = DictMap(NativeValue(lhs));
    Map* b = DictMap(NativeValue(rhs));
    if (a->used != b->used) return kFalse;
    size_t pa = 0, pb = 0;
    while (MapEntry* x = MapNext(a, &pa)) {
      MapEntry* y = MapNext(b, &pb);
      if (!Equal(x->key, y->key) || !Equal(x->value, y->value)) return kFalse;
    }
    return kTrue;
  }
  return kDictType.binary_op(op, lhs, rhs);
}

Value OrderedDictUnaryOp(UnaryOp op, Value self) { return kDictType.unary_op(op, self); }
Value OrderedDictSubscr(Value self, Value index, Value value) { return kDictType.subscr(self, index, value); }
Value OrderedDictGetIter(Value self) { return kDictType.get_iter(self); }

// copy() keeps the type (dict.copy makes a dict).
Value OrderedDictCopy(Value self) { return OrderedDictMakeNew(TypeOf(NativeValue(self)), 1, 0, &self); }

constexpr BuiltinFunction kOrderedDictCopyFn(Q_copy, OrderedDictCopy);
TAIPAN_CONST_MAP(kOrderedDictMethods, {Q_copy, &kOrderedDictCopyFn});

}  // namespace

const Type kOrderedDictType = {
    .base = {&kTypeType},
    .flags = kTypeBaseAllowed,
    .name = Q_OrderedDict,
    .make_new = OrderedDictMakeNew,
    .print = OrderedDictPrint,
    .unary_op = OrderedDictUnaryOp,
    .binary_op = OrderedDictBinaryOp,
    .subscr = OrderedDictSubscr,
    .get_iter = OrderedDictGetIter,
    .base_type = &kDictType,
    .methods = &kOrderedDictMethods,
};

namespace {

bool IsOrderedDict(Value v) { return TypeOf(NativeValue(v)) == &kOrderedDictType; }

// --- deque -------------------------------------------------------------------------
//
// A fixed-capacity ring buffer, as in MicroPython: maxlen is required, and
// appending to a full deque drops the item at the other end (or raises
// IndexError when the third argument, `flags`, has bit 0 set).

struct DequeObject {
  Object base;  // &kDequeType
  Value* items;
  size_t capacity;  // maxlen + 1: one slot stays free to tell full from empty
  size_t head;      // the first item
  size_t tail;      // one past the last item
  bool check_overflow;
};

extern const Type kDequeType;

DequeObject* AsDeque(Value v) { return ObjectPointer<DequeObject>(NativeValue(v)); }

size_t Wrap(const DequeObject* d, size_t i) { return i >= d->capacity ? i - d->capacity : i; }
size_t Before(const DequeObject* d, size_t i) { return (i == 0 ? d->capacity : i) - 1; }
size_t DequeLength(const DequeObject* d) { return Wrap(d, d->tail + d->capacity - d->head); }

[[noreturn]] void RaiseFull() { RaiseIndexError("full"); }

Value DequeAppend(Value self, Value item) {
  DequeObject* d = AsDeque(self);
  size_t next = Wrap(d, d->tail + 1);
  if (next == d->head) {
    if (d->check_overflow) RaiseFull();
    d->head = Wrap(d, d->head + 1);
  }
  d->items[d->tail] = item;
  d->tail = next;
  return kNone;
}

Value DequeAppendLeft(Value self, Value item) {
  DequeObject* d = AsDeque(self);
  size_t previous = Before(d, d->head);
  if (previous == d->tail) {
    if (d->check_overflow) RaiseFull();
    d->tail = Before(d, d->tail);
  }
  d->head = previous;
  d->items[previous] = item;
  return kNone;
}

Value DequeExtend(Value self, Value iterable) {
  Value it = GetIter(iterable);
  for (Value item; (item = IterNext(it)) != kStopIteration;) DequeAppend(self, item);
  return kNone;
}

DequeObject* NonEmpty(Value self) {
  DequeObject* d = AsDeque(self);
  if (d->head == d->tail) RaiseIndexError("empty");
  return d;
}

// Takes the item at `slot` out (the GC must not keep it alive).
Value TakeItem(DequeObject* d, size_t slot) {
  Value item = d->items[slot];
  d->items[slot] = kNull;
  return item;
}

Value DequePopLeft(Value self) {
  DequeObject* d = NonEmpty(self);
  size_t slot = d->head;
  d->head = Wrap(d, slot + 1);
  return TakeItem(d, slot);
}

Value DequePop(Value self) {
  DequeObject* d = NonEmpty(self);
  d->tail = Before(d, d->tail);
  return TakeItem(d, d->tail);
}

Value DequeMakeNew(const Type*, size_t n_args, size_t n_kw, const Value* args) {
  CheckArgCount(n_args, n_kw, 2, 3, Q_deque);
  SignedWord maxlen = IntToWord(args[1]);
  if (maxlen < 0) RaiseValueError("maxlen must be non-negative");
  auto* d = NewObject<DequeObject>(&kDequeType);
  d->capacity = static_cast<size_t>(maxlen) + 1;
  d->items = static_cast<Value*>(Allocate(d->capacity * sizeof(Value)));
  d->check_overflow = n_args > 2 && (IntToWord(args[2]) & 1);
  Value self = FromPointer(d);
  DequeExtend(self, args[0]);
  return self;
}

Value DequeUnaryOp(UnaryOp op, Value self) {
  size_t length = DequeLength(AsDeque(self));
  if (op == UnaryOp::kBool) return FromBool(length != 0);
  if (op == UnaryOp::kLen) return FromSmallInt(static_cast<SignedWord>(length));
  return kNull;
}

// d[i] and d[i] = x; no slices and no deletion, as in MicroPython.
Value DequeSubscr(Value self, Value index, Value value) {
  if (value == kNull) return kNull;
  DequeObject* d = AsDeque(self);
  if (IsSlice(index)) RaiseTypeError("deque indices must be integers, not slice");
  size_t slot = Wrap(d, d->head + NormalizeIndex(index, DequeLength(d), "deque"));
  if (value == kSentinel) return d->items[slot];
  d->items[slot] = value;
  return kNone;
}

Value DequeGetIter(Value self) { return NewSequenceIterator(self); }

constexpr BuiltinFunction kDequeAppendFn(Q_append, DequeAppend);
constexpr BuiltinFunction kDequeAppendLeftFn(Q_appendleft, DequeAppendLeft);
constexpr BuiltinFunction kDequeExtendFn(Q_extend, DequeExtend);
constexpr BuiltinFunction kDequePopFn(Q_pop, DequePop);
constexpr BuiltinFunction kDequePopLeftFn(Q_popleft, DequePopLeft);
TAIPAN_CONST_MAP(kDequeMethods, {Q_append, &kDequeAppendFn}, {Q_appendleft, &kDequeAppendLeftFn},
                 {Q_extend, &kDequeExtendFn}, {Q_pop, &kDequePopFn}, {Q_popleft, &kDequePopLeftFn});

const Type kDequeType = {
    .base = {&kTypeType},
    .name = Q_deque,
    .make_new = DequeMakeNew,
    .unary_op = DequeUnaryOp,
    .subscr = DequeSubscr,
    .get_iter = DequeGetIter,
    .base_type = &kObjectType,
    .methods = &kDequeMethods,
};

constexpr BuiltinFunction kNamedTupleFn(Q_namedtuple, NamedTupleFactory);

}  // namespace

TAIPAN_CONST_MAP(kCollectionsModuleGlobals, {Q_OrderedDict, &kOrderedDictType},
                 {Q___name__, ConstValue(FromQstr(Q_collections))}, {Q_deque, &kDequeType},
                 {Q_namedtuple, &kNamedTupleFn});

}  // namespace taipan::rt
