// The array module: array(typecode[, initializer]), a growable sequence of
// machine numbers with the buffer protocol. As in MicroPython: items wrap
// to the item size when stored, + takes any buffer, == and ordering
// compare the bytes (ordering only for unsigned codes), and mixed codes
// that cannot be compared raise NotImplementedError.
#include "runtime/bytes.h"
#include "runtime/class.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/runtime.h"
#include "runtime/slice.h"
#include "runtime/tuple.h"
#include "stdlib/packing.h"

namespace taipan::rt {

namespace {

struct ArrayObject {
  Object base;  // &kArrayType
  char typecode;
  uint8_t itemsize;
  size_t length;    // in items
  size_t capacity;  // in items
  uint8_t* data;    // no-scan GC memory
};

extern const Type kArrayType;

ArrayObject* AsArray(Value v) { return ObjectPointer<ArrayObject>(NativeValue(v)); }

Value NewArray(char typecode, size_t length) {
  // 'O' (MicroPython's): the items are objects, kept in scanned memory.
  size_t itemsize = typecode == 'O' ? sizeof(Value) : typecode == 'c' ? 0 : TypecodeItemSize(typecode);
  if (itemsize == 0) RaiseValueError("bad typecode");
  auto* array = NewObject<ArrayObject>(&kArrayType);
  array->typecode = typecode;
  array->itemsize = static_cast<uint8_t>(itemsize);
  array->length = array->capacity = length;
  array->data = static_cast<uint8_t*>(Allocate(length * itemsize + 1, typecode != 'O'));
  return FromPointer(array);
}

// Makes room for `extra` more items (the length is unchanged).
void Reserve(ArrayObject* array, size_t extra) {
  if (array->length + extra <= array->capacity) return;
  size_t capacity = array->length + extra + array->length / 2 + 4;
  array->data = static_cast<uint8_t*>(Reallocate(array->data, capacity * array->itemsize));
  array->capacity = capacity;
}

uint8_t* ItemAt(ArrayObject* array, size_t i) { return array->data + i * array->itemsize; }

Value LoadItem(ArrayObject* array, size_t i) {
  return LoadPackedItem(array->typecode, array->itemsize, ItemAt(array, i), kHostBigEndian);
}

void StoreItem(ArrayObject* array, size_t i, Value item) {
  StorePackedItem(array->typecode, array->itemsize, ItemAt(array, i), item, kHostBigEndian);
}

Value ArrayAppend(Value self, Value item) {
  ArrayObject* array = AsArray(self);
  Reserve(array, 1);
  StoreItem(array, array->length, item);  // first: a bad item leaves the array as it was
  ++array->length;
  return kNone;
}

void AppendBytes(ArrayObject* array, const BufferInfo& source) {
  size_t count = source.length / array->itemsize;
  Reserve(array, count);
  __builtin_memmove(ItemAt(array, array->length), source.data, count * array->itemsize);
  array->length += count;
}

// extend(iterable): the raw bytes of another array, else item by item.
Value ArrayExtend(Value self, Value iterable) {
  ArrayObject* array = AsArray(self);
  if (HasExactType(NativeValue(iterable), &kArrayType) && AsArray(iterable)->itemsize == array->itemsize) {
    BufferInfo source;
    GetBuffer(iterable, &source, false);
    AppendBytes(array, source);
    return kNone;
  }
  Value it = GetIter(iterable);
  for (Value item; (item = IterNext(it)) != kStopIteration;) ArrayAppend(self, item);
  return kNone;
}

// array(typecode[, initializer]): bytes and bytearray give their raw bytes.
Value ArrayMakeNew(const Type*, size_t n_args, size_t n_kw, const Value* args) {
  CheckArgCount(n_args, n_kw, 1, 2, Q_array);
  size_t length;
  const char* code = StrBytes(args[0], &length);
  if (length != 1) RaiseValueError("bad typecode");
  Value self = NewArray(code[0], 0);
  if (n_args == 2) {
    const Type* type = TypeOf(args[1]);
    BufferInfo source;
    if ((type == &kBytesType || type == &kByteArrayType) && TryGetBuffer(args[1], &source, false))
      AppendBytes(AsArray(self), source);
    else
      ArrayExtend(self, args[1]);
  }
  return self;
}

void ArrayPrint(const Printer& out, Value self, PrintKind) {
  ArrayObject* array = AsArray(self);
  PrintCString(out, "array('");
  PrintChar(out, array->typecode);
  PrintChar(out, '\'');
  for (size_t i = 0; i < array->length; ++i) {
    PrintCString(out, i ? ", " : ", [");
    PrintValue(out, LoadItem(array, i), PrintKind::kRepr);
  }
  PrintCString(out, array->length ? "])" : ")");
}

Value ArrayUnaryOp(UnaryOp op, Value self) {
  size_t length = AsArray(self)->length;
  if (op == UnaryOp::kBool) return FromBool(length != 0);
  if (op == UnaryOp::kLen) return FromSmallInt(static_cast<SignedWord>(length));
  return kNull;
}

// The code of a buffer for comparisons: lower case, and whether either
// side's code was upper case (unsigned).
char ComparisonCode(char code, bool* is_unsigned) {
  if (code <= 'Z') {
    *is_unsigned = true;
    code = static_cast<char>(code + 32);
  }
  return code;
}

Value ArrayBinaryOp(BinaryOp op, Value lhs, Value rhs) {
  ArrayObject* array = AsArray(lhs);
  BufferInfo other;
  switch (op) {
    case BinaryOp::kAdd: {
      GetBuffer(rhs, &other, false);
      Value result = NewArray(array->typecode, 0);
      BufferInfo mine = {array->data, array->length * array->itemsize, array->typecode, true};
      AppendBytes(AsArray(result), mine);
      GetBuffer(rhs, &other, false);  // may have moved if rhs is lhs
      AppendBytes(AsArray(result), other);
      return result;
    }
    case BinaryOp::kInplaceAdd:
      if (TryGetBuffer(rhs, &other, false)) {
        AppendBytes(array, other);
        return lhs;
      }
      ArrayExtend(lhs, rhs);
      return lhs;
    case BinaryOp::kContains:
      for (size_t i = 0; i < array->length; ++i)
        if (Equal(LoadItem(array, i), rhs)) return kTrue;
      return kFalse;
    case BinaryOp::kEqual:
    case BinaryOp::kLess:
    case BinaryOp::kLessEqual:
    case BinaryOp::kMore:
    case BinaryOp::kMoreEqual: {
      // An array never equals another type's object, not even bytes.
      if (op == BinaryOp::kEqual && !HasExactType(NativeValue(rhs), &kArrayType)) return kFalse;
      if (!TryGetBuffer(rhs, &other, false) || IsStr(rhs)) return kNull;
      bool is_unsigned = false;
      char mine = ComparisonCode(array->typecode, &is_unsigned);
      char theirs = ComparisonCode(other.typecode, &is_unsigned);
      if (mine != theirs || mine == 'f' || mine == 'd' || (op != BinaryOp::kEqual && !is_unsigned))
        RaiseNotImplementedError("array comparison");
      return BytesLikeCompare(op, array->data, array->length * array->itemsize, rhs);
    }
    default: return kNull;
  }
}

// a[i], a[i] = x, a[i:j] (a copy) and a[i:j] = buffer (which may resize).
Value ArraySubscr(Value self, Value index, Value value) {
  if (value == kNull) return kNull;
  ArrayObject* array = AsArray(self);
  if (!IsSlice(index)) {
    size_t i = NormalizeIndex(index, array->length, "array");
    if (value == kSentinel) return LoadItem(array, i);
    StoreItem(array, i, value);
    return kNone;
  }
  SignedWord start, stop, step;
  size_t count = SliceIndices(index, &array->length, &start, &stop, &step);
  if (step != 1) RaiseNotImplementedError("only slices with step=1 (aka None) are supported");
  size_t size = array->itemsize;
  if (value == kSentinel) {
    Value result = NewArray(array->typecode, count);
    __builtin_memcpy(AsArray(result)->data, ItemAt(array, static_cast<size_t>(start)), count * size);
    return result;
  }
  BufferInfo source;
  if (!TryGetBuffer(value, &source, false) || IsStr(value))
    RaiseNotImplementedError("array/bytes required on right side");
  size_t new_count = source.length / size;
  // Copy the source first: it may be this array, whose storage can move.
  auto* copy = static_cast<uint8_t*>(Allocate(source.length + 1, true));
  __builtin_memcpy(copy, source.data, source.length);
  if (new_count > count) Reserve(array, new_count - count);
  uint8_t* at = ItemAt(array, static_cast<size_t>(start));
  __builtin_memmove(at + new_count * size, at + count * size, (array->length - static_cast<size_t>(start) - count) * size);
  __builtin_memcpy(at, copy, new_count * size);
  array->length = array->length - count + new_count;
  return kNone;
}

Value ArrayGetIter(Value self) { return NewSequenceIterator(self); }

bool ArrayGetBuffer(Value self, BufferInfo* info, bool) {
  ArrayObject* array = AsArray(self);
  info->data = array->data;
  info->length = array->length * array->itemsize;
  info->typecode = array->typecode;
  info->writable = true;
  return true;
}

constexpr BuiltinFunction kAppendFn(Q_append, ArrayAppend);
constexpr BuiltinFunction kExtendFn(Q_extend, ArrayExtend);
TAIPAN_CONST_MAP(kArrayMethods, {Q_append, &kAppendFn}, {Q_extend, &kExtendFn});

const Type kArrayType = {
    .base = {&kTypeType},
    .flags = kTypeBaseAllowed,
    .name = Q_array,
    .make_new = ArrayMakeNew,
    .print = ArrayPrint,
    .unary_op = ArrayUnaryOp,
    .binary_op = ArrayBinaryOp,
    .subscr = ArraySubscr,
    .get_iter = ArrayGetIter,
    .get_buffer = ArrayGetBuffer,
    .base_type = &kObjectType,
    .methods = &kArrayMethods,
};

}  // namespace

TAIPAN_CONST_MAP(kArrayModuleGlobals, {Q___name__, ConstValue(FromQstr(Q_array))}, {Q_array, &kArrayType});

}  // namespace taipan::rt
