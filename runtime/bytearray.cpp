// bytearray: what bytes does (the shared methods and operators of
// bytes.cpp, with bytearray results) plus mutation: item and slice
// assignment and deletion, append/extend/insert/pop/remove/clear/reverse,
// += and *=, and a writable buffer.
#include "runtime/bytes.h"

#include "runtime/class.h"
#include "runtime/int.h"
#include "runtime/runtime.h"
#include "runtime/slice.h"

namespace taipan::rt {

namespace {

ByteArrayObject* AsByteArray(Value v) {
  v = NativeValue(v);
  if (!HasExactType(v, &kByteArrayType)) {
    const char* parts[] = {"descriptor requires a 'bytearray' object but received a '", TypeNameOf(v), "'"};
    RaiseJoined(&kTypeErrorType, parts, 3);
  }
  return ObjectPointer<ByteArrayObject>(v);
}

// Makes room for `length` bytes (growing geometrically) and sets the
// length; new bytes are not initialised.
void Resize(ByteArrayObject* array, size_t length) {
  if (length > array->capacity) {
    size_t capacity = array->capacity * 2;
    if (capacity < length) capacity = length;
    array->data = static_cast<uint8_t*>(Reallocate(array->data, capacity));
    array->capacity = capacity;
  }
  array->length = length;
}

// Replaces [start, stop) with `n` bytes from `source`, which must not point
// into the array's own storage (callers copy first).
void ReplaceRange(ByteArrayObject* array, size_t start, size_t stop, const uint8_t* source, size_t n) {
  size_t old_length = array->length;
  size_t tail = old_length - stop;
  size_t new_length = old_length - (stop - start) + n;
  if (new_length > old_length) Resize(array, new_length);
  __builtin_memmove(array->data + start + n, array->data + stop, tail);
  if (n) __builtin_memcpy(array->data + start, source, n);
  array->length = new_length;
}

void Append(ByteArrayObject* array, uint8_t byte) {
  Resize(array, array->length + 1);
  array->data[array->length - 1] = byte;
}

// --- Subscripts ------------------------------------------------------------------------

Value LoadSlice(ByteArrayObject* array, Value slice) {
  SignedWord start, stop, step;
  size_t count = SliceIndices(slice, &array->length, &start, &stop, &step);
  if (step == 1) return NewByteArray(array->data + start, count);
  Value result = NewByteArray(nullptr, count);
  uint8_t* out = ObjectPointer<ByteArrayObject>(result)->data;
  for (size_t i = 0; i < count; ++i) out[i] = array->data[start + static_cast<SignedWord>(i) * step];
  return result;
}

void AppendCount(StringBuilder* text, size_t n) {
  char digits[24];
  text->AppendCString(DecimalText(static_cast<SignedWord>(n), digits));
}

void StoreSlice(Value self, Value slice, Value value) {
  // The new contents are copied out first: `value` may be self, or an
  // iterable whose iteration changes self.
  StringBuilder source;
  if (IsInt(value)) RaiseTypeError("can assign only bytes, buffers, or iterables of ints in range(0, 256)");
  AppendBytesOf(&source, value);
  ByteArrayObject* array = AsByteArray(self);
  SignedWord start, stop, step;
  size_t count = SliceIndices(slice, &array->length, &start, &stop, &step);
  const uint8_t* bytes = reinterpret_cast<const uint8_t*>(source.data);
  if (step == 1) {
    ReplaceRange(array, static_cast<size_t>(start), static_cast<size_t>(start) + count, bytes, source.length);
    return;
  }
  if (source.length != count) {
    StringBuilder message;
    message.AppendCString("attempt to assign bytes of size ");
    AppendCount(&message, source.length);
    message.AppendCString(" to extended slice of size ");
    AppendCount(&message, count);
    RaiseWithArg(&kValueErrorType, message.ToStr());
  }
  for (size_t i = 0; i < count; ++i) array->data[start + static_cast<SignedWord>(i) * step] = bytes[i];
}

void DeleteSlice(ByteArrayObject* array, Value slice) {
  SignedWord start, stop, step;
  size_t count = SliceIndices(slice, &array->length, &start, &stop, &step);
  if (count == 0) return;
  if (step < 0) {  // the same bytes, walked upwards
    start += static_cast<SignedWord>(count - 1) * step;
    step = -step;
  }
  if (step == 1) {
    ReplaceRange(array, static_cast<size_t>(start), static_cast<size_t>(start) + count, nullptr, 0);
    return;
  }
  // Keep every byte not on the slice's positions, in order.
  size_t write = static_cast<size_t>(start);
  size_t last = static_cast<size_t>(start) + (count - 1) * static_cast<size_t>(step);
  for (size_t read = static_cast<size_t>(start); read < array->length; ++read) {
    bool removed = read <= last && (read - static_cast<size_t>(start)) % static_cast<size_t>(step) == 0;
    if (!removed) array->data[write++] = array->data[read];
  }
  array->length = write;
}

Value ByteArraySubscr(Value self, Value index, Value value) {
  ByteArrayObject* array = AsByteArray(self);
  if (IsSlice(index)) {
    if (value == kSentinel) return LoadSlice(array, index);
    if (value == kNull) DeleteSlice(array, index);
    else StoreSlice(self, index, value);
    return kNone;
  }
  size_t i = NormalizeIndex(index, array->length, "bytearray");
  if (value == kSentinel) return FromSmallInt(array->data[i]);
  if (value == kNull) {
    ReplaceRange(array, i, i + 1, nullptr, 0);
  } else {
    uint8_t byte = ByteValue(value);
    array->data[i] = byte;
  }
  return kNone;
}

// --- Methods ---------------------------------------------------------------------------------

Value ByteArrayAppend(Value self, Value item) {
  uint8_t byte = ByteValue(item);
  Append(AsByteArray(self), byte);
  return kNone;
}

void Extend(Value self, Value source) {
  if (IsStr(source)) RaiseTypeError("expected iterable of integers; got: 'str'");
  StringBuilder bytes;
  AppendBytesOf(&bytes, source);
  ByteArrayObject* array = AsByteArray(self);
  ReplaceRange(array, array->length, array->length, reinterpret_cast<const uint8_t*>(bytes.data), bytes.length);
}

Value ByteArrayExtend(Value self, Value source) {
  Extend(self, source);
  return kNone;
}

Value ByteArrayInsert(Value self, Value index_value, Value item) {
  ByteArrayObject* array = AsByteArray(self);
  SignedWord index = IndexValue(index_value);
  SignedWord length = static_cast<SignedWord>(array->length);
  if (index < 0) index = index + length < 0 ? 0 : index + length;
  if (index > length) index = length;
  uint8_t byte = ByteValue(item);
  ReplaceRange(array, static_cast<size_t>(index), static_cast<size_t>(index), &byte, 1);
  return kNone;
}

Value ByteArrayPop(size_t n_args, const Value* args) {
  ByteArrayObject* array = AsByteArray(args[0]);
  if (array->length == 0) RaiseIndexError("pop from empty bytearray");
  size_t i = array->length - 1;
  if (n_args > 1) {
    SignedWord index = IndexValue(args[1]);
    if (index < 0) index += static_cast<SignedWord>(array->length);
    if (index < 0 || index >= static_cast<SignedWord>(array->length)) RaiseIndexError("pop index out of range");
    i = static_cast<size_t>(index);
  }
  uint8_t byte = array->data[i];
  ReplaceRange(array, i, i + 1, nullptr, 0);
  return FromSmallInt(byte);
}

Value ByteArrayRemove(Value self, Value item) {
  ByteArrayObject* array = AsByteArray(self);
  uint8_t byte = ByteValue(item);
  for (size_t i = 0; i < array->length; ++i) {
    if (array->data[i] == byte) {
      ReplaceRange(array, i, i + 1, nullptr, 0);
      return kNone;
    }
  }
  RaiseValueError("value not found in bytearray");
}

Value ByteArrayClear(Value self) {
  AsByteArray(self)->length = 0;
  return kNone;
}

Value ByteArrayCopy(Value self) {
  ByteArrayObject* array = AsByteArray(self);
  return NewByteArray(array->data, array->length);
}

Value ByteArrayReverse(Value self) {
  ByteArrayObject* array = AsByteArray(self);
  for (size_t i = 0, j = array->length; i + 1 < j; ++i, --j) {
    uint8_t t = array->data[i];
    array->data[i] = array->data[j - 1];
    array->data[j - 1] = t;
  }
  return kNone;
}

constexpr BuiltinFunction kAppendFn(Q_append, ByteArrayAppend);
constexpr BuiltinFunction kClearFn(Q_clear, ByteArrayClear);
constexpr BuiltinFunction kCopyFn(Q_copy, ByteArrayCopy);
constexpr BuiltinFunction kExtendFn(Q_extend, ByteArrayExtend);
constexpr BuiltinFunction kInsertFn(Q_insert, ByteArrayInsert);
constexpr BuiltinFunction kPopFn(Q_pop, 1, 2, ByteArrayPop);
constexpr BuiltinFunction kRemoveFn(Q_remove, ByteArrayRemove);
constexpr BuiltinFunction kReverseFn(Q_reverse, ByteArrayReverse);

TAIPAN_CONST_MAP(kByteArrayMethods,
                 {Q_append, &kAppendFn},
                 {Q_center, &kBytesCenterFn},
                 {Q_clear, &kClearFn},
                 {Q_copy, &kCopyFn},
                 {Q_count, &kBytesCountFn},
                 {Q_decode, &kBytesDecodeFn},
                 {Q_endswith, &kBytesEndsWithFn},
                 {Q_extend, &kExtendFn},
                 {Q_find, &kBytesFindFn},
                 {Q_fromhex, &kBytesFromHexMethod},
                 {Q_hex, &kBytesHexFn},
                 {Q_index, &kBytesIndexFn},
                 {Q_insert, &kInsertFn},
                 {Q_isalnum, &kBytesIsAlnumFn},
                 {Q_isalpha, &kBytesIsAlphaFn},
                 {Q_isdigit, &kBytesIsDigitFn},
                 {Q_islower, &kBytesIsLowerFn},
                 {Q_isspace, &kBytesIsSpaceFn},
                 {Q_isupper, &kBytesIsUpperFn},
                 {Q_join, &kBytesJoinFn},
                 {Q_ljust, &kBytesLJustFn},
                 {Q_lower, &kBytesLowerFn},
                 {Q_lstrip, &kBytesLStripFn},
                 {Q_partition, &kBytesPartitionFn},
                 {Q_pop, &kPopFn},
                 {Q_remove, &kRemoveFn},
                 {Q_replace, &kBytesReplaceFn},
                 {Q_reverse, &kReverseFn},
                 {Q_rfind, &kBytesRFindFn},
                 {Q_rindex, &kBytesRIndexFn},
                 {Q_rjust, &kBytesRJustFn},
                 {Q_rpartition, &kBytesRPartitionFn},
                 {Q_rsplit, &kBytesRSplitFn},
                 {Q_rstrip, &kBytesRStripFn},
                 {Q_split, &kBytesSplitFn},
                 {Q_splitlines, &kBytesSplitLinesFn},
                 {Q_startswith, &kBytesStartsWithFn},
                 {Q_strip, &kBytesStripFn},
                 {Q_upper, &kBytesUpperFn});

// --- Slots -----------------------------------------------------------------------------------------

Value ByteArrayMakeNew(const Type*, size_t n_args, size_t n_kw, const Value* args) {
  StringBuilder out;
  BytesArgumentsToBuilder(&out, n_args, n_kw, args);
  return NewByteArray(reinterpret_cast<const uint8_t*>(out.data), out.length);
}

void ByteArrayPrint(const Printer& out, Value self, PrintKind) {
  ByteArrayObject* array = AsByteArray(self);
  PrintCString(out, "bytearray(");
  PrintBytesRepr(out, array->data, array->length);
  PrintChar(out, ')');
}

Value ByteArrayUnaryOp(UnaryOp op, Value self) {
  ByteArrayObject* array = AsByteArray(self);
  switch (op) {
    case UnaryOp::kBool: return FromBool(array->length != 0);
    case UnaryOp::kLen: return FromSmallInt(static_cast<SignedWord>(array->length));
    default: return kNull;  // no kHash: bytearrays are unhashable
  }
}

Value ByteArrayBinaryOp(BinaryOp op, Value lhs, Value rhs) {
  lhs = NativeValue(lhs);
  if (op == BinaryOp::kInplaceAdd) {
    BufferInfo info;
    if (!GetBytesLikeBuffer(rhs, &info)) return kNull;
    Extend(lhs, rhs);
    return lhs;
  }
  if (op == BinaryOp::kInplaceMultiply) {
    if (!IsInt(rhs)) return kNull;
    Value repeated = BytesLikeBinaryOp(BinaryOp::kMultiply, lhs, rhs, true);
    ByteArrayObject* array = AsByteArray(lhs);
    ByteArrayObject* result = AsByteArray(repeated);
    ReplaceRange(array, 0, array->length, result->data, result->length);
    return lhs;
  }
  return BytesLikeBinaryOp(op, lhs, rhs, true);
}

Value ByteArrayGetIter(Value self) { return NewBytesIterator(self); }

bool ByteArrayGetBuffer(Value self, BufferInfo* info, bool) {
  ByteArrayObject* array = AsByteArray(self);
  info->data = array->data;
  info->length = array->length;
  info->typecode = 'B';
  info->writable = true;
  return true;
}

}  // namespace

const Type kByteArrayType = {
    .base = {&kTypeType},
    .flags = kTypeBaseAllowed,
    .name = Q_bytearray,
    .make_new = ByteArrayMakeNew,
    .print = ByteArrayPrint,
    .unary_op = ByteArrayUnaryOp,
    .binary_op = ByteArrayBinaryOp,
    .subscr = ByteArraySubscr,
    .get_iter = ByteArrayGetIter,
    .get_buffer = ByteArrayGetBuffer,
    .base_type = &kObjectType,
    .methods = &kByteArrayMethods,
};

// The name natively compiled code compares type words with (native_abi.def);
// an alias can only be defined next to the object it names.
extern "C" [[gnu::alias("_ZN6taipan2rt14kByteArrayTypeE")]] const Type taipan_native_type_bytearray;

}  // namespace taipan::rt
