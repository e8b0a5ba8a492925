// tuple, and the helpers tuple and list share.
#include "runtime/tuple.h"

#include "runtime/class.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/runtime.h"
#include "runtime/slice.h"

namespace taipan::rt {

namespace {
const TupleObject kEmptyTupleObject = {{&kTupleType}, 0};
}  // namespace

Value EmptyTuple() { return FromPointer(&kEmptyTupleObject); }

Value NewTuple(size_t length, const Value* items) {
  if (length == 0) return EmptyTuple();
  auto* tuple = NewObject<TupleObject>(&kTupleType, length * sizeof(Value));
  tuple->length = length;
  for (size_t i = 0; i < length; ++i) tuple->items[i] = items ? items[i] : kNone;
  return FromPointer(tuple);
}

bool HasTupleLayout(Value v) {
  if (!IsObject(v)) return false;
  const Type* type = TypeOf(v);
  return type == &kTupleType || (!(type->flags & kTypeIsClass) && IsSubclass(type, &kTupleType));
}

void GetSequenceItems(Value seq, size_t* length, Value** items) {
  const Type* type = TypeOf(seq);
  if (type == &kListType) {  // (first: HasTupleLayout walks a list's bases)
    *length = AsList(seq)->length;
    *items = AsList(seq)->items;
    return;
  }
  if (HasTupleLayout(seq)) {
    *length = AsTuple(seq)->length;
    *items = AsTuple(seq)->items;
    return;
  }
  const char* parts[] = {"expected tuple/list, got '", TypeName(type), "'"};
  RaiseJoined(&kTypeErrorType, parts, 3);
}

Value TupleFromIterable(Value iterable) {
  if (HasExactType(iterable, &kTupleType)) return iterable;
  Value list = HasExactType(iterable, &kListType) ? iterable : ListFromIterable(iterable);
  return NewTuple(AsList(list)->length, AsList(list)->items);
}

// --- Shared by tuple and list -------------------------------------------------

Value SequenceCompare(BinaryOp op, Value lhs, Value rhs) {
  size_t i = 0;
  for (;; ++i) {
    size_t n1, n2;
    Value *a, *b;
    GetSequenceItems(lhs, &n1, &a);
    GetSequenceItems(rhs, &n2, &b);
    if (i >= n1 || i >= n2) {
      // One is a prefix of the other: the lengths decide.
      switch (op) {
        case BinaryOp::kEqual: return FromBool(n1 == n2);
        case BinaryOp::kNotEqual: return FromBool(n1 != n2);
        case BinaryOp::kLess: return FromBool(n1 < n2);
        case BinaryOp::kLessEqual: return FromBool(n1 <= n2);
        case BinaryOp::kMore: return FromBool(n1 > n2);
        case BinaryOp::kMoreEqual: return FromBool(n1 >= n2);
        default: return kNull;
      }
    }
    if (op == BinaryOp::kEqual || op == BinaryOp::kNotEqual) {
      // Different lengths can never be equal: skip comparing the items.
      if (n1 != n2) return FromBool(op == BinaryOp::kNotEqual);
    }
    Value x = a[i], y = b[i];
    if (!Equal(x, y)) {
      if (op == BinaryOp::kEqual) return kFalse;
      if (op == BinaryOp::kNotEqual) return kTrue;
      return ApplyBinaryOp(op, x, y);
    }
  }
}

size_t SequenceCount(Value seq, Value x) {
  size_t count = 0;
  for (size_t i = 0;; ++i) {
    size_t length;
    Value* items;
    GetSequenceItems(seq, &length, &items);
    if (i >= length) return count;
    if (Equal(items[i], x)) ++count;
  }
}

// A start/stop bound of index(): clamped to [0, length] after adding the
// length to a negative one, like a slice bound.
static size_t IndexBound(Value bound, size_t length) {
  SignedWord n = IndexValue(bound);
  SignedWord len = static_cast<SignedWord>(length);
  if (n < 0) {
    n += len;
    if (n < 0) n = 0;
  }
  return n > len ? length : static_cast<size_t>(n);
}

size_t SequenceIndex(size_t n_args, const Value* args) {
  Value seq = NativeValue(args[0]);
  size_t length;
  Value* items;
  GetSequenceItems(seq, &length, &items);
  size_t start = n_args > 2 ? IndexBound(args[2], length) : 0;
  size_t stop = n_args > 3 ? IndexBound(args[3], length) : length;
  for (size_t i = start; i < stop; ++i) {
    GetSequenceItems(seq, &length, &items);
    if (i >= length) break;
    if (Equal(items[i], args[1])) return i;
  }
  RaiseValueError("object not in sequence");
}

SignedWord RepeatCount(Value n, size_t length) {
  if (!IsInt(n)) {
    Value method[2];
    LoadMethodOrNull(n, Q___index__, method);
    if (method[0] == kNull) return -1;
  }
  // A count beyond a machine word raises OverflowError, as in MicroPython.
  SignedWord count = IndexValue(n);
  if (count <= 0 || length == 0) return 0;
  if (static_cast<size_t>(count) > (~size_t{0} / sizeof(Value)) / length) RaiseMemoryError();
  return count;
}

void RepeatBytes(void* out, const void* unit, size_t size, size_t count) {
  size_t total = size * count;
  if (total == 0) return;
  auto* bytes = static_cast<char*>(out);
  // One item repeated: stores only, no reads of what was written.
  if (size == 1) {
    __builtin_memset(bytes, *static_cast<const char*>(unit), total);
    return;
  }
  if (size == sizeof(Value)) {
    Value item = *static_cast<const Value*>(unit);
    for (size_t i = 0; i < count; ++i) static_cast<Value*>(out)[i] = item;
    return;
  }
  // One copy, then doubling what is already there: a few large copies
  // instead of `count` small ones ([a, b] * 100000). Each doubling reads
  // only the part already written, never the part it writes.
  __builtin_memcpy(bytes, unit, size);
  for (size_t done = size; done < total;) {
    size_t n = done < total - done ? done : total - done;
    __builtin_memcpy(bytes + done, bytes, n);
    done += n;
  }
}

// --- tuple ----------------------------------------------------------------------

namespace {

// tuple() / tuple(iterable)
Value TupleMakeNew(const Type*, size_t n_args, size_t n_kw, const Value* args) {
  CheckArgCount(n_args, n_kw, 0, 1, Q_tuple);
  if (n_args == 0) return EmptyTuple();
  return TupleFromIterable(args[0]);
}

void TuplePrint(const Printer& out, Value self, PrintKind) {
  TupleObject* tuple = AsTuple(self);
  PrintChar(out, '(');
  for (size_t i = 0; i < tuple->length; ++i) {
    if (i) PrintCString(out, ", ");
    PrintValue(out, tuple->items[i], PrintKind::kRepr);
  }
  if (tuple->length == 1) PrintChar(out, ',');
  PrintChar(out, ')');
}

// CPython's tuple hash (xxHash's mixing of the item hashes): equal tuples
// hash alike, and the order of the items matters.
Word TupleHash(TupleObject* tuple) {
  constexpr bool k64 = sizeof(Word) == 8;
  constexpr Word kPrime1 = k64 ? static_cast<Word>(11400714785074694791ull) : 2654435761u;
  constexpr Word kPrime2 = k64 ? static_cast<Word>(14029467366897019727ull) : 2246822519u;
  constexpr Word kPrime5 = k64 ? static_cast<Word>(2870177450012600261ull) : 374761393u;
  constexpr unsigned kRotate = k64 ? 31 : 13;
  Word acc = kPrime5;
  for (size_t i = 0; i < tuple->length; ++i) {
    Word lane = static_cast<Word>(Hash(tuple->items[i]));
    acc += lane * kPrime2;
    acc = (acc << kRotate) | (acc >> (sizeof(Word) * 8 - kRotate));
    acc *= kPrime1;
  }
  acc += tuple->length ^ (kPrime5 ^ 3527539u);
  return acc;
}

Value TupleUnaryOp(UnaryOp op, Value self) {
  self = NativeValue(self);
  TupleObject* tuple = AsTuple(self);
  switch (op) {
    case UnaryOp::kBool: return FromBool(tuple->length != 0);
    case UnaryOp::kLen: return FromSmallInt(static_cast<SignedWord>(tuple->length));
    // Folded into the small int range (a hash is never a big int).
    case UnaryOp::kHash: return FromSmallInt(static_cast<SignedWord>(TupleHash(tuple)) >> 1);
    default: return kNull;
  }
}

Value TupleRepeat(Value self, Value n) {
  TupleObject* tuple = AsTuple(self);
  SignedWord count = RepeatCount(n, tuple->length);
  if (count < 0) return kNull;
  if (count == 1) return self;
  Value result = NewTuple(tuple->length * static_cast<size_t>(count), nullptr);
  if (count) RepeatBytes(AsTuple(result)->items, AsTuple(self)->items, AsTuple(self)->length * sizeof(Value), count);
  return result;
}

Value TupleBinaryOp(BinaryOp op, Value lhs, Value rhs) {
  lhs = NativeValue(lhs);
  switch (op) {
    case BinaryOp::kContains: {
      TupleObject* tuple = AsTuple(lhs);
      for (size_t i = 0; i < tuple->length; ++i)
        if (Equal(tuple->items[i], rhs)) return kTrue;
      return kFalse;
    }
    case BinaryOp::kMultiply:
    case BinaryOp::kReverseMultiply:
    case BinaryOp::kInplaceMultiply: return TupleRepeat(lhs, rhs);
    default: break;
  }
  rhs = NativeValue(rhs);
  if (!HasTupleLayout(rhs)) return kNull;
  switch (op) {
    case BinaryOp::kAdd:
    case BinaryOp::kInplaceAdd: {
      size_t n1 = AsTuple(lhs)->length, n2 = AsTuple(rhs)->length;
      if (n2 == 0) return lhs;
      if (n1 == 0) return rhs;
      Value result = NewTuple(n1 + n2, nullptr);
      TupleObject* out = AsTuple(result);
      for (size_t i = 0; i < n1; ++i) out->items[i] = AsTuple(lhs)->items[i];
      for (size_t i = 0; i < n2; ++i) out->items[n1 + i] = AsTuple(rhs)->items[i];
      return result;
    }
    case BinaryOp::kEqual:
    case BinaryOp::kNotEqual:
    case BinaryOp::kLess:
    case BinaryOp::kLessEqual:
    case BinaryOp::kMore:
    case BinaryOp::kMoreEqual: return SequenceCompare(op, lhs, rhs);
    default: return kNull;
  }
}

Value TupleSubscr(Value self, Value index, Value value) {
  if (value != kSentinel) return kNull;  // immutable
  self = NativeValue(self);
  TupleObject* tuple = AsTuple(self);
  if (IsSlice(index)) {
    SignedWord start, stop, step;
    size_t count = SliceIndices(index, &tuple->length, &start, &stop, &step);
    if (step == 1 && count == tuple->length) return self;
    Value result = NewTuple(count, nullptr);
    tuple = AsTuple(self);
    for (size_t i = 0; i < count; ++i) AsTuple(result)->items[i] = tuple->items[start + static_cast<SignedWord>(i) * step];
    return result;
  }
  return tuple->items[NormalizeIndex(index, tuple->length, "tuple")];
}

Value TupleGetIter(Value self) { return NewSequenceIterator(NativeValue(self)); }

Value TupleCount(Value self, Value x) {
  return FromSmallInt(static_cast<SignedWord>(SequenceCount(NativeValue(self), x)));
}

Value TupleIndex(size_t n_args, const Value* args) {
  return FromSmallInt(static_cast<SignedWord>(SequenceIndex(n_args, args)));
}

constexpr BuiltinFunction kTupleCountFn(Q_count, TupleCount);
constexpr BuiltinFunction kTupleIndexFn(Q_index, 2, 4, TupleIndex);
TAIPAN_CONST_MAP(kTupleMethods, {Q_count, &kTupleCountFn}, {Q_index, &kTupleIndexFn});

}  // namespace

const Type kTupleType = {
    .base = {&kTypeType},
    .flags = kTypeBaseAllowed,
    .name = Q_tuple,
    .make_new = TupleMakeNew,
    .print = TuplePrint,
    .unary_op = TupleUnaryOp,
    .binary_op = TupleBinaryOp,
    .subscr = TupleSubscr,
    .get_iter = TupleGetIter,
    .base_type = &kObjectType,
    .methods = &kTupleMethods,
};

// The name natively compiled code compares type words with (native_abi.def);
// an alias can only be defined next to the object it names.
extern "C" [[gnu::alias("_ZN6taipan2rt10kTupleTypeE")]] const Type taipan_native_type_tuple;

}  // namespace taipan::rt
