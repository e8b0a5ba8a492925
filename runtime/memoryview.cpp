// memoryview: a window on another object's buffer, without copying. Items
// are read and written with the struct-module typecode of the owner's
// buffer ('B' for bytes and bytearray) or of a cast. Slicing (step 1, as in
// MicroPython) makes another view of the same owner.
#include "runtime/bytes.h"

#include "runtime/class.h"
#include "runtime/list.h"
#include "runtime/runtime.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace taipan::rt {

namespace {

MemoryViewObject* AsMemoryView(Value v) {
  if (HasExactType(v, &kMemoryViewType)) return ObjectPointer<MemoryViewObject>(v);
  v = NativeValue(v);
  if (!HasExactType(v, &kMemoryViewType)) {
    const char* parts[] = {"descriptor requires a 'memoryview' object but received a '", TypeNameOf(v), "'"};
    RaiseJoined(&kTypeErrorType, parts, 3);
  }
  return ObjectPointer<MemoryViewObject>(v);
}

// What a view sees now: the owner's storage may have moved or shrunk since
// the view was made (see the invariants in bytes.h).
struct Window {
  uint8_t* data;
  size_t length;    // items visible
  size_t itemsize;
};

Window Resolve(const MemoryViewObject* view) {
  BufferInfo info;
  GetBuffer(view->owner, &info, false);
  size_t itemsize = TypecodeItemSize(view->typecode);
  size_t available = info.length > view->offset ? (info.length - view->offset) / itemsize : 0;
  size_t offset = info.length > view->offset ? view->offset : 0;
  return {static_cast<uint8_t*>(info.data) + offset, view->length < available ? view->length : available, itemsize};
}

Value NewView(Value owner, size_t offset, size_t length, char typecode, bool writable) {
  auto* view = NewObject<MemoryViewObject>(&kMemoryViewType);
  view->owner = owner;
  view->offset = offset;
  view->length = length;
  view->typecode = typecode;
  view->writable = writable;
  return FromPointer(view);
}

Value MemoryViewMakeNew(const Type*, size_t n_args, size_t n_kw, const Value* args) {
  CheckArgCount(n_args, n_kw, 1, 1, Q_memoryview);
  Value source = NativeValue(args[0]);
  if (HasExactType(source, &kMemoryViewType)) {
    MemoryViewObject* inner = AsMemoryView(source);
    return NewView(inner->owner, inner->offset, Resolve(inner).length, inner->typecode, inner->writable);
  }
  BufferInfo info;
  GetBuffer(source, &info, false);
  size_t itemsize = TypecodeItemSize(info.typecode);
  if (itemsize == 0) RaiseNotImplementedError("unsupported memoryview format");
  return NewView(source, 0, info.length / itemsize, info.typecode, info.writable);
}

void MemoryViewPrint(const Printer& out, Value self, PrintKind) {
  PrintCString(out, "<memory at 0x");
  char digits[2 * sizeof(Word)];
  Word w = Bits(self);
  size_t n = 0;
  do {
    digits[sizeof(digits) - 1 - n++] = "0123456789abcdef"[w & 15];
    w >>= 4;
  } while (w);
  PrintBytes(out, digits + sizeof(digits) - n, n);
  PrintChar(out, '>');
}

[[noreturn]] void RaiseReadOnly() { RaiseTypeError("cannot modify read-only memory"); }

void StoreSlice(MemoryViewObject* view, Value slice, Value value) {
  SliceBounds bounds = SliceBoundsOf(slice);  // __index__ may resize the owner: resolve after
  Window window = Resolve(view);
  SignedWord start, stop, step;
  size_t count = SliceSelect(bounds, window.length, &start, &stop, &step);
  if (step != 1) RaiseNotImplementedError("only slices with step=1 (aka None) are supported");
  BufferInfo source;
  if (!GetBytesLikeBuffer(value, &source)) {
    const char* parts[] = {"a bytes-like object is required, not '", TypeNameOf(value), "'"};
    RaiseJoined(&kTypeErrorType, parts, 3);
  }
  if (source.length != count * window.itemsize || TypecodeItemSize(source.typecode) != window.itemsize)
    RaiseValueError("lhs and rhs should be compatible");
  // The source may be this very buffer: memmove.
  __builtin_memmove(window.data + static_cast<size_t>(start) * window.itemsize, source.data, source.length);
}

// view[i] and view[i] = v for a byte view of a bytearray with small ints
// (an image buffer's pixels): no buffer protocol, no typecode dispatch.
// Null when anything else (the general path decides, and raises).
Value ByteItemFastPath(const MemoryViewObject* view, Value index, Value value) {
  if (view->typecode != 'B' || !IsSmallInt(index) || !HasExactType(view->owner, &kByteArrayType)) return kNull;
  const ByteArrayObject* owner = ObjectPointer<ByteArrayObject>(view->owner);
  size_t available = owner->length > view->offset ? owner->length - view->offset : 0;
  size_t length = view->length < available ? view->length : available;
  SignedWord i = SmallIntValue(index);
  if (i < 0) i += static_cast<SignedWord>(length);
  if (i < 0 || static_cast<size_t>(i) >= length) return kNull;
  uint8_t* item = owner->data + view->offset + i;
  if (value == kSentinel) return FromSmallInt(*item);
  if (!IsSmallInt(value) || static_cast<Word>(SmallIntValue(value)) > 255 || !view->writable) return kNull;
  *item = static_cast<uint8_t>(SmallIntValue(value));
  return kNone;
}

Value MemoryViewSubscr(Value self, Value index, Value value) {
  MemoryViewObject* view = AsMemoryView(self);
  if (value == kNull) return kNull;  // a view cannot delete from its owner
  if (Value done = ByteItemFastPath(view, index, value); done != kNull) return done;
  if (value != kSentinel && !view->writable) RaiseReadOnly();
  if (IsSlice(index)) {
    if (value != kSentinel) {
      StoreSlice(view, index, value);
      return kNone;
    }
    SignedWord start, stop, step;
    SliceBounds bounds = SliceBoundsOf(index);
    size_t count = SliceSelect(bounds, Resolve(view).length, &start, &stop, &step);
    if (step != 1) RaiseNotImplementedError("only slices with step=1 (aka None) are supported");
    size_t offset = view->offset + static_cast<size_t>(start) * TypecodeItemSize(view->typecode);
    return NewView(view->owner, offset, count, view->typecode, view->writable);
  }
  size_t i = NormalizeIndex(index, Resolve(view).length, "memoryview");
  // The index's __index__ may have shrunk the owner: look at it again.
  Window window = Resolve(view);
  if (i >= window.length) RaiseIndexError("memoryview index out of range");
  if (value == kSentinel) return LoadTypedItem(view->typecode, window.data + i * window.itemsize);
  StoreTypedItem(view->typecode, window.data + i * window.itemsize, value);
  return kNone;
}

Value MemoryViewUnaryOp(UnaryOp op, Value self) {
  MemoryViewObject* view = AsMemoryView(self);
  switch (op) {
    case UnaryOp::kLen: return FromSmallInt(static_cast<SignedWord>(Resolve(view).length));
    case UnaryOp::kHash: {
      // As CPython: a read-only view hashes like the bytes it shows.
      if (view->writable) RaiseValueError("cannot hash writable memoryview");
      Window window = Resolve(view);
      return FromSmallInt(QstrHash(reinterpret_cast<const char*>(window.data), window.length * window.itemsize));
    }
    default: return kNull;
  }
}

// == with any bytes-like: the same items (compared as values when the
// formats differ). Ordering is not defined for views, as in CPython.
Value MemoryViewBinaryOp(BinaryOp op, Value lhs, Value rhs) {
  if (op != BinaryOp::kEqual) return kNull;
  MemoryViewObject* view = AsMemoryView(lhs);
  BufferInfo other;
  if (!GetBytesLikeBuffer(rhs, &other)) return kNull;
  size_t other_itemsize = TypecodeItemSize(other.typecode);
  if (other_itemsize == 0) return kFalse;
  Window window = Resolve(view);
  if (other.typecode == view->typecode)
    return FromBool(other.length == window.length * window.itemsize &&
                    __builtin_memcmp(window.data, other.data, other.length) == 0);
  size_t count = other.length / other_itemsize;
  if (count != window.length) return kFalse;
  for (size_t i = 0; i < count; ++i) {
    Value mine = MemoryViewItemOrNull(lhs, i);
    GetBytesLikeBuffer(rhs, &other);
    Value theirs = LoadTypedItem(other.typecode, static_cast<const uint8_t*>(other.data) + i * other_itemsize);
    if (mine == kNull || !Equal(mine, theirs)) return kFalse;
  }
  return kTrue;
}

Value MemoryViewGetIter(Value self) { return NewBytesIterator(self); }

bool MemoryViewGetBuffer(Value self, BufferInfo* info, bool for_write) {
  MemoryViewObject* view = AsMemoryView(self);
  if (for_write && !view->writable) return false;
  Window window = Resolve(view);
  info->data = window.data;
  info->length = window.length * window.itemsize;
  info->typecode = view->typecode;
  info->writable = view->writable;
  return true;
}

// itemsize, nbytes, readonly, format, obj, ndim, shape, strides.
Value MemoryViewAttr(Value self, Qstr name, AttrOp op, Value) {
  if (op != AttrOp::kLoad) return kNull;
  MemoryViewObject* view = AsMemoryView(self);
  size_t itemsize = TypecodeItemSize(view->typecode);
  if (name == Q_itemsize) return FromSmallInt(static_cast<SignedWord>(itemsize));
  if (name == Q_nbytes) return FromSmallInt(static_cast<SignedWord>(Resolve(view).length * itemsize));
  if (name == Q_readonly) return FromBool(!view->writable);
  if (name == Q_format) return NewStr(&view->typecode, 1);
  if (name == Q_obj) return view->owner;
  if (name == Q_ndim) return FromSmallInt(1);
  if (name == Q_shape || name == Q_strides) {
    Value n = FromSmallInt(static_cast<SignedWord>(name == Q_shape ? Resolve(view).length : itemsize));
    return NewTuple(1, &n);
  }
  return kNull;
}

// --- Methods ---------------------------------------------------------------------------------

Value MemoryViewToBytes(Value self) {
  Window window = Resolve(AsMemoryView(self));
  return NewBytes(window.data, window.length * window.itemsize);
}

Value MemoryViewToList(Value self) {
  MemoryViewObject* view = AsMemoryView(self);
  Value list = NewList(0, nullptr);
  for (size_t i = 0;; ++i) {
    Value item = MemoryViewItemOrNull(FromPointer(view), i);
    if (item == kNull) return list;
    ListAppend(list, item);
  }
}

Value MemoryViewHex(size_t n_args, const Value* args) {
  char sep = HexSeparator(n_args > 1 ? args[1] : kNone);
  Window window = Resolve(AsMemoryView(args[0]));
  return BytesToHex(window.data, window.length * window.itemsize, sep);
}

bool IsByteFormat(char typecode) { return typecode == 'B' || typecode == 'b' || typecode == 'c'; }

// cast(format): the same bytes seen as other items; one of the two formats
// must be a byte format, as in CPython.
Value MemoryViewCast(Value self, Value format) {
  MemoryViewObject* view = AsMemoryView(self);
  size_t length;
  const char* text = StrBytes(format, &length);
  if (length == 2 && text[0] == '@') ++text, --length;
  size_t itemsize = length == 1 ? TypecodeItemSize(text[0]) : 0;
  if (itemsize == 0)
    RaiseValueError("memoryview: destination format must be a native single character format prefixed with an optional '@'");
  if (!IsByteFormat(text[0]) && !IsByteFormat(view->typecode))
    RaiseTypeError("memoryview: cannot cast between two non-byte formats");
  Window window = Resolve(view);
  size_t nbytes = window.length * window.itemsize;
  if (nbytes % itemsize != 0) RaiseTypeError("memoryview: length is not a multiple of itemsize");
  return NewView(view->owner, view->offset, nbytes / itemsize, text[0], view->writable);
}

Value MemoryViewRelease(Value) { return kNone; }

constexpr BuiltinFunction kCastFn(Q_cast, MemoryViewCast);
constexpr BuiltinFunction kHexFn(Q_hex, 1, 2, MemoryViewHex);
constexpr BuiltinFunction kReleaseFn(Q_release, MemoryViewRelease);
constexpr BuiltinFunction kToBytesFn(Q_tobytes, MemoryViewToBytes);
constexpr BuiltinFunction kToListFn(Q_tolist, MemoryViewToList);

TAIPAN_CONST_MAP(kMemoryViewMethods,
                 {Q_cast, &kCastFn},
                 {Q_hex, &kHexFn},
                 {Q_release, &kReleaseFn},
                 {Q_tobytes, &kToBytesFn},
                 {Q_tolist, &kToListFn});

}  // namespace

Value MemoryViewItemOrNull(Value view_value, size_t index) {
  MemoryViewObject* view = AsMemoryView(view_value);
  Window window = Resolve(view);
  if (index >= window.length) return kNull;
  return LoadTypedItem(view->typecode, window.data + index * window.itemsize);
}

const Type kMemoryViewType = {
    .base = {&kTypeType},
    .name = Q_memoryview,
    .make_new = MemoryViewMakeNew,
    .print = MemoryViewPrint,
    .unary_op = MemoryViewUnaryOp,
    .binary_op = MemoryViewBinaryOp,
    .attr = MemoryViewAttr,
    .subscr = MemoryViewSubscr,
    .get_iter = MemoryViewGetIter,
    .get_buffer = MemoryViewGetBuffer,
    .base_type = &kObjectType,
    .methods = &kMemoryViewMethods,
};

}  // namespace taipan::rt
