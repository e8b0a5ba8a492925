// bytes, and what bytes, bytearray and memoryview share: repr, comparisons,
// construction from a source object, the iterator, typed items, and the
// methods bytes and bytearray both have (they work on either and return
// results of self's type, as CPython's do).
#include "runtime/bytes.h"

#include "runtime/class.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/runtime.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace taipan::rt {

// --- Construction -------------------------------------------------------------

Value NewBytes(const uint8_t* data, size_t length) {
  uint8_t* copy = static_cast<uint8_t*>(Allocate(length + 1, true));
  if (data && length) __builtin_memcpy(copy, data, length);  // null data: zeros
  auto* bytes = NewObject<BytesObject>(&kBytesType);
  bytes->hash = QstrHash(reinterpret_cast<const char*>(copy), length);
  bytes->length = length;
  bytes->data = copy;
  return FromPointer(bytes);
}

Value NewByteArray(const uint8_t* data, size_t length) {
  uint8_t* copy = static_cast<uint8_t*>(Allocate(length ? length : 1, true));
  if (data && length) __builtin_memcpy(copy, data, length);  // null data: zeros
  auto* array = NewObject<ByteArrayObject>(&kByteArrayType);
  array->length = length;
  array->capacity = length ? length : 1;
  array->data = copy;
  return FromPointer(array);
}

Value NewBytesFromBuilder(const StringBuilder& builder) {
  return NewBytes(reinterpret_cast<const uint8_t*>(builder.data), builder.length);
}

bool IsBytes(Value v) { return IsObject(v) && IsSubclass(TypeOf(v), &kBytesType); }

uint8_t ByteValue(Value v) {
  SignedWord n = IntToWord(v);
  if (n < 0 || n > 255) RaiseValueError("bytes value out of range");
  return static_cast<uint8_t>(n);
}

bool GetBytesLikeBuffer(Value v, BufferInfo* info) {
  // A str may expose its UTF-8 as a buffer, but Python never treats text
  // as bytes implicitly.
  if (IsStr(v)) return false;
  return TryGetBuffer(v, info, false);
}

void AppendBytesOf(StringBuilder* out, Value source) {
  BufferInfo info;
  if (GetBytesLikeBuffer(source, &info)) {
    out->Append(static_cast<const char*>(info.data), info.length);
    return;
  }
  Value it = GetIter(source);
  for (Value item = IterNext(it); item != kStopIteration; item = IterNext(it)) out->Append(static_cast<char>(ByteValue(item)));
}

namespace {

constexpr ArgSpec kBytesArgSpecs[] = {
    {Q_source, false, ConstValue(kNull)},
    {Q_encoding, false, ConstValue(kNull)},
    {Q_errors, false, ConstValue(kNull)},
};

}  // namespace

void BytesArgumentsToBuilder(StringBuilder* out, size_t n_args, size_t n_kw, const Value* args) {
  Value parsed[3];
  ParseArgs(n_args, args, n_kw, args + n_args, kBytesArgSpecs, 3, 3, parsed);
  Value source = parsed[0];
  bool has_encoding = parsed[1] != kNull || parsed[2] != kNull;
  if (source == kNull) {
    if (has_encoding) RaiseTypeError("encoding without a string argument");
    return;
  }
  if (IsStr(source)) {
    // Text is stored as UTF-8 (see CheckEncodable).
    if (!has_encoding) RaiseTypeError("string argument without an encoding");
    size_t length;
    const char* data = StrBytes(source, &length);
    CheckEncodable(data, length, parsed[1]);
    out->Append(data, length);
    return;
  }
  if (has_encoding) RaiseTypeError("wrong number of arguments");
  if (IsInt(source)) {
    SignedWord count = IntToWord(source);
    if (count < 0) RaiseValueError("negative count");
    char* zeros = out->Reserve(static_cast<size_t>(count));
    __builtin_memset(zeros, 0, static_cast<size_t>(count));
    out->Commit(static_cast<size_t>(count));
    return;
  }
  AppendBytesOf(out, source);
}

// --- repr ---------------------------------------------------------------------------

void PrintBytesRepr(const Printer& out, const uint8_t* data, size_t length) {
  // CPython's choice: single quotes unless the bytes hold ' and no ".
  bool has_single = false, has_double = false;
  for (size_t i = 0; i < length; ++i) {
    has_single |= data[i] == '\'';
    has_double |= data[i] == '"';
  }
  char quote = has_single && !has_double ? '"' : '\'';
  PrintChar(out, 'b');
  PrintChar(out, quote);
  size_t run = 0;  // printable bytes not yet written, ending at i
  for (size_t i = 0; i < length; ++i) {
    uint8_t c = data[i];
    const char* escape = nullptr;
    char hex[4];
    if (c == '\\') escape = "\\\\";
    else if (c == static_cast<uint8_t>(quote)) escape = quote == '\'' ? "\\'" : "\\\"";
    else if (c == '\n') escape = "\\n";
    else if (c == '\r') escape = "\\r";
    else if (c == '\t') escape = "\\t";
    else if (c < 0x20 || c >= 0x7f) {
      hex[0] = '\\';
      hex[1] = 'x';
      hex[2] = "0123456789abcdef"[c >> 4];
      hex[3] = "0123456789abcdef"[c & 15];
    } else {
      ++run;
      continue;
    }
    if (run) PrintBytes(out, reinterpret_cast<const char*>(data + i - run), run);
    run = 0;
    if (escape) PrintCString(out, escape);
    else PrintBytes(out, hex, 4);
  }
  if (run) PrintBytes(out, reinterpret_cast<const char*>(data + length - run), run);
  PrintChar(out, quote);
}

// --- Comparison and containment -------------------------------------------------

namespace {

// Finds needle in hay[start, end), first or last occurrence; -1 if none.
// start may exceed end (then nothing is found, as in Python).
SignedWord FindBytes(const uint8_t* hay, size_t start, size_t end, const uint8_t* needle, size_t n, bool last) {
  if (end < start || end - start < n) return -1;
  if (!last) {
    for (size_t i = start; i + n <= end; ++i)
      if (n == 0 || (hay[i] == needle[0] && __builtin_memcmp(hay + i, needle, n) == 0))
        return static_cast<SignedWord>(i);
    return -1;
  }
  for (size_t i = end - n;; --i) {
    if (n == 0 || (hay[i] == needle[0] && __builtin_memcmp(hay + i, needle, n) == 0))
      return static_cast<SignedWord>(i);
    if (i == start) return -1;
  }
}

[[noreturn]] void RaiseNeedsBytesLike(Value v) {
  const char* parts[] = {"a bytes-like object is required, not '", TypeNameOf(v), "'"};
  RaiseJoined(&kTypeErrorType, parts, 3);
}

}  // namespace

Value BytesLikeCompare(BinaryOp op, const uint8_t* data, size_t length, Value rhs) {
  BufferInfo info;
  if (!GetBytesLikeBuffer(rhs, &info)) return kNull;
  size_t common = length < info.length ? length : info.length;
  int order = common ? __builtin_memcmp(data, info.data, common) : 0;
  if (order == 0) order = length < info.length ? -1 : (length > info.length ? 1 : 0);
  switch (op) {
    case BinaryOp::kEqual: return FromBool(order == 0);
    case BinaryOp::kNotEqual: return FromBool(order != 0);
    case BinaryOp::kLess: return FromBool(order < 0);
    case BinaryOp::kLessEqual: return FromBool(order <= 0);
    case BinaryOp::kMore: return FromBool(order > 0);
    case BinaryOp::kMoreEqual: return FromBool(order >= 0);
    default: return kNull;
  }
}

bool BytesLikeContains(const uint8_t* data, size_t length, Value item) {
  if (IsInt(item)) {
    uint8_t byte = ByteValue(item);
    for (size_t i = 0; i < length; ++i)
      if (data[i] == byte) return true;
    return false;
  }
  BufferInfo info;
  if (!GetBytesLikeBuffer(item, &info)) RaiseNeedsBytesLike(item);
  return FindBytes(data, 0, length, static_cast<const uint8_t*>(info.data), info.length, false) >= 0;
}

// --- Iterator -------------------------------------------------------------------------

namespace {

struct BytesIteratorObject {
  Object base;
  Value sequence;  // a bytes, bytearray or memoryview
  size_t index;
};

Value IteratorSelf(Value self) { return self; }

Value BytesIteratorNext(Value self) {
  auto* it = ObjectPointer<BytesIteratorObject>(self);
  Value item;
  if (HasExactType(it->sequence, &kMemoryViewType)) {
    item = MemoryViewItemOrNull(it->sequence, it->index);
  } else {
    // Looked up each time: a bytearray may change size while iterated.
    BufferInfo info;
    GetBuffer(it->sequence, &info, false);
    item = it->index < info.length ? FromSmallInt(static_cast<const uint8_t*>(info.data)[it->index]) : kNull;
  }
  if (item != kNull) ++it->index;
  return item;
}

const Type kBytesIteratorType = {
    .base = {&kTypeType},
    .flags = kTypeIsIterator | kTypeIterNextRunsNoCode,
    .name = Q_iterator,
    .get_iter = IteratorSelf,
    .iter_next = BytesIteratorNext,
    .base_type = &kObjectType,
};

}  // namespace

Value NewBytesIterator(Value sequence) {
  auto* it = NewObject<BytesIteratorObject>(&kBytesIteratorType);
  it->sequence = NativeValue(sequence);
  it->index = 0;
  return FromPointer(it);
}

// --- Typed items (memoryview, and arrays later) -------------------------------------

size_t TypecodeItemSize(char typecode) {
  switch (typecode) {
    case 'B': case 'b': case 'c': return 1;
    case 'H': case 'h': return 2;
    case 'I': case 'i': case 'f': return 4;
    case 'L': case 'l': return sizeof(long);
    case 'Q': case 'q': case 'd': return 8;
    case 'P': return sizeof(void*);
    default: return 0;
  }
}

namespace {

template <typename T>
T ReadUnaligned(const uint8_t* p) {
  T value;
  __builtin_memcpy(&value, p, sizeof value);
  return value;
}

template <typename T>
void WriteUnaligned(uint8_t* p, T value) {
  __builtin_memcpy(p, &value, sizeof value);
}

Value NewIntFromUnsignedLongLong(unsigned long long n) {
  if (n <= static_cast<unsigned long long>(__LONG_LONG_MAX__)) return NewIntFromLongLong(static_cast<long long>(n));
  // Above the signed range: (n >> 1) * 2 + (n & 1) in Python ints.
  Value half = NewIntFromLongLong(static_cast<long long>(n >> 1));
  Value twice = ApplyBinaryOp(BinaryOp::kMultiply, half, FromSmallInt(2));
  return ApplyBinaryOp(BinaryOp::kAdd, twice, FromSmallInt(static_cast<SignedWord>(n & 1)));
}

// The low 64 bits of any int (two's complement, as Python's & would give),
// in 16-bit pieces so that it works with 32-bit machine words.
unsigned long long Low64Bits(Value v) {
  SignedWord small;
  if (IsSmallInt(v) || v == kTrue || v == kFalse || (IsInt(v) && IntFitsWord(v, &small)))
    return static_cast<unsigned long long>(static_cast<long long>(IntToWord(v)));
  if (!IsInt(v)) IntToWord(v);  // raises the usual TypeError
  unsigned long long bits = 0;
  for (int shift = 0; shift < 64; shift += 16) {
    Value shifted = ApplyBinaryOp(BinaryOp::kRshift, v, FromSmallInt(shift));
    Value piece = ApplyBinaryOp(BinaryOp::kAnd, shifted, FromSmallInt(0xFFFF));
    bits |= static_cast<unsigned long long>(IntToWord(piece)) << shift;
  }
  return bits;
}

}  // namespace

Value LoadTypedItem(char typecode, const uint8_t* p) {
  switch (typecode) {
    case 'B': return FromSmallInt(*p);
    case 'b': return FromSmallInt(static_cast<int8_t>(*p));
    case 'c': return NewBytes(p, 1);
    case 'H': return FromSmallInt(ReadUnaligned<uint16_t>(p));
    case 'h': return FromSmallInt(ReadUnaligned<int16_t>(p));
    case 'I': return NewIntFromUnsignedLongLong(ReadUnaligned<uint32_t>(p));
    case 'i': return NewIntFromLongLong(ReadUnaligned<int32_t>(p));
    case 'L': return NewIntFromUnsignedLongLong(ReadUnaligned<unsigned long>(p));
    case 'l': return NewIntFromLongLong(ReadUnaligned<long>(p));
    case 'P': return NewIntFromUnsigned(ReadUnaligned<Word>(p));
    case 'Q': return NewIntFromUnsignedLongLong(ReadUnaligned<unsigned long long>(p));
    case 'q': return NewIntFromLongLong(ReadUnaligned<long long>(p));
    case 'f': return NewFloat(static_cast<Float>(ReadUnaligned<float>(p)));
    case 'd': return NewFloat(static_cast<Float>(ReadUnaligned<double>(p)));
    default: RaiseNotImplementedError("unsupported memoryview format");
  }
}

void StoreTypedItem(char typecode, uint8_t* p, Value item) {
  // Like MicroPython, wider integer items keep the low bits of the value.
  switch (typecode) {
    case 'B': *p = ByteValue(item); return;
    case 'b': {
      SignedWord n = IntToWord(item);
      if (n < -128 || n > 127) RaiseValueError("bytes value out of range");
      *p = static_cast<uint8_t>(n);
      return;
    }
    case 'c': {
      BufferInfo info;
      if (!GetBytesLikeBuffer(item, &info) || info.length != 1)
        RaiseValueError("memoryview: invalid value for format 'c'");
      *p = *static_cast<const uint8_t*>(info.data);
      return;
    }
    case 'f': WriteUnaligned<float>(p, static_cast<float>(FloatValue(item))); return;
    case 'd': WriteUnaligned<double>(p, static_cast<double>(FloatValue(item))); return;
    default: break;
  }
  size_t size = TypecodeItemSize(typecode);
  if (size == 0) RaiseNotImplementedError("unsupported memoryview format");
  unsigned long long bits = size == 8 ? Low64Bits(item) : static_cast<unsigned long long>(static_cast<long long>(IntToWord(item)));
  switch (size) {
    case 2: WriteUnaligned<uint16_t>(p, static_cast<uint16_t>(bits)); return;
    case 4: WriteUnaligned<uint32_t>(p, static_cast<uint32_t>(bits)); return;
    default: WriteUnaligned<unsigned long long>(p, bits); return;
  }
}

// --- hex ----------------------------------------------------------------------------------

Value BytesToHex(const uint8_t* data, size_t length, char sep) {
  StringBuilder text;
  for (size_t i = 0; i < length; ++i) {
    if (sep && i) text.Append(sep);
    text.Append("0123456789abcdef"[data[i] >> 4]);
    text.Append("0123456789abcdef"[data[i] & 15]);
  }
  return text.ToStr();
}

char HexSeparator(Value sep) {
  if (sep == kNull || sep == kNone) return 0;
  const uint8_t* data;
  size_t length;
  BufferInfo info;
  if (IsStr(sep)) {
    data = reinterpret_cast<const uint8_t*>(StrBytes(sep, &length));
  } else if (GetBytesLikeBuffer(sep, &info)) {
    data = static_cast<const uint8_t*>(info.data);
    length = info.length;
  } else {
    RaiseTypeError("sep must be str or bytes.");
  }
  if (length != 1 || data[0] >= 0x80) RaiseValueError("sep must be ASCII.");
  return static_cast<char>(data[0]);
}

// --- The methods bytes and bytearray share ----------------------------------------

namespace {

// self of a shared method: a bytes or a bytearray, seen as bytes.
struct ByteView {
  const uint8_t* data;
  size_t length;
  bool is_array;  // results are bytearrays
};

ByteView SelfView(Value self) {
  Value v = NativeValue(self);
  if (HasExactType(v, &kByteArrayType)) {
    auto* array = ObjectPointer<ByteArrayObject>(v);
    return {array->data, array->length, true};
  }
  if (!HasExactType(v, &kBytesType)) {
    const char* parts[] = {"descriptor requires a 'bytes' object but received a '", TypeNameOf(self), "'"};
    RaiseJoined(&kTypeErrorType, parts, 3);
  }
  auto* bytes = ObjectPointer<BytesObject>(v);
  return {bytes->data, bytes->length, false};
}

Value NewLike(bool is_array, const uint8_t* data, size_t length) {
  return is_array ? NewByteArray(data, length) : NewBytes(data, length);
}

Value NewLikeFromBuilder(bool is_array, const StringBuilder& builder) {
  return NewLike(is_array, reinterpret_cast<const uint8_t*>(builder.data), builder.length);
}

// A bytes-like argument.
ByteView ArgView(Value v) {
  BufferInfo info;
  if (!GetBytesLikeBuffer(v, &info)) RaiseNeedsBytesLike(v);
  return {static_cast<const uint8_t*>(info.data), info.length, false};
}

// A bytes-like argument or an int standing for one byte (find, count, ...).
ByteView NeedleView(Value v, uint8_t* scratch) {
  if (IsInt(v)) {
    *scratch = ByteValue(v);
    return {scratch, 1, false};
  }
  return ArgView(v);
}

// start/end arguments as Python adjusts them: negative counts from the
// end, end is clamped to the length, start only from below (a start past
// the end finds nothing).
size_t AdjustBound(Value v, size_t length, size_t fallback) {
  if (v == kNull || v == kNone) return fallback;
  SignedWord n = IndexValue(v);
  if (n < 0) {
    n += static_cast<SignedWord>(length);
    if (n < 0) n = 0;
  }
  return static_cast<size_t>(n);
}

void RangeArgs(size_t n_args, const Value* args, size_t first, size_t length, size_t* start, size_t* end) {
  *start = AdjustBound(n_args > first ? args[first] : kNull, length, 0);
  *end = AdjustBound(n_args > first + 1 ? args[first + 1] : kNull, length, length);
  if (*end > length) *end = length;
}

bool IsSpaceByte(uint8_t c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool IsLowerByte(uint8_t c) { return c >= 'a' && c <= 'z'; }
bool IsUpperByte(uint8_t c) { return c >= 'A' && c <= 'Z'; }
bool IsDigitByte(uint8_t c) { return c >= '0' && c <= '9'; }
bool IsAlphaByte(uint8_t c) { return IsLowerByte(c) || IsUpperByte(c); }

// find / rfind / index / rindex: (sub[, start[, end]]).
SignedWord FindImpl(size_t n_args, const Value* args, bool last) {
  ByteView self = SelfView(args[0]);
  uint8_t scratch;
  ByteView needle = NeedleView(args[1], &scratch);
  size_t start, end;
  RangeArgs(n_args, args, 2, self.length, &start, &end);
  return FindBytes(self.data, start, end, needle.data, needle.length, last);
}

Value BytesFind(size_t n_args, const Value* args) { return FromSmallInt(FindImpl(n_args, args, false)); }
Value BytesRFind(size_t n_args, const Value* args) { return FromSmallInt(FindImpl(n_args, args, true)); }

Value IndexResult(SignedWord at) {
  if (at < 0) RaiseValueError("substring not found");
  return FromSmallInt(at);
}
Value BytesIndex(size_t n_args, const Value* args) { return IndexResult(FindImpl(n_args, args, false)); }
Value BytesRIndex(size_t n_args, const Value* args) { return IndexResult(FindImpl(n_args, args, true)); }

Value BytesCount(size_t n_args, const Value* args) {
  ByteView self = SelfView(args[0]);
  uint8_t scratch;
  ByteView needle = NeedleView(args[1], &scratch);
  size_t start, end;
  RangeArgs(n_args, args, 2, self.length, &start, &end);
  if (end < start) return FromSmallInt(0);
  if (needle.length == 0) return FromSmallInt(static_cast<SignedWord>(end - start + 1));
  SignedWord count = 0;
  for (SignedWord at; (at = FindBytes(self.data, start, end, needle.data, needle.length, false)) >= 0;) {
    ++count;
    start = static_cast<size_t>(at) + needle.length;
  }
  return FromSmallInt(count);
}

// startswith / endswith: (prefix or tuple of prefixes[, start[, end]]).
bool AffixMatches(ByteView self, size_t start, size_t end, Value affix, bool at_end) {
  ByteView a = ArgView(affix);
  if (end < start || end - start < a.length) return false;
  const uint8_t* at = self.data + (at_end ? end - a.length : start);
  return a.length == 0 || __builtin_memcmp(at, a.data, a.length) == 0;
}

Value AffixImpl(size_t n_args, const Value* args, bool at_end) {
  ByteView self = SelfView(args[0]);
  size_t start, end;
  RangeArgs(n_args, args, 2, self.length, &start, &end);
  if (HasExactType(args[1], &kTupleType)) {
    TupleObject* options = AsTuple(args[1]);
    for (size_t i = 0; i < options->length; ++i)
      if (AffixMatches(SelfView(args[0]), start, end, options->items[i], at_end)) return kTrue;
    return kFalse;
  }
  return FromBool(AffixMatches(self, start, end, args[1], at_end));
}

Value BytesStartsWith(size_t n_args, const Value* args) { return AffixImpl(n_args, args, false); }
Value BytesEndsWith(size_t n_args, const Value* args) { return AffixImpl(n_args, args, true); }

// isalpha and friends: true when not empty and every byte qualifies.
template <bool (*Qualifies)(uint8_t)>
Value AllBytesAre(Value self_value) {
  ByteView self = SelfView(self_value);
  if (self.length == 0) return kFalse;
  for (size_t i = 0; i < self.length; ++i)
    if (!Qualifies(self.data[i])) return kFalse;
  return kTrue;
}

bool IsAlnumByte(uint8_t c) { return IsAlphaByte(c) || IsDigitByte(c); }

Value BytesIsAlpha(Value self) { return AllBytesAre<IsAlphaByte>(self); }
Value BytesIsAlnum(Value self) { return AllBytesAre<IsAlnumByte>(self); }
Value BytesIsDigit(Value self) { return AllBytesAre<IsDigitByte>(self); }
Value BytesIsSpace(Value self) { return AllBytesAre<IsSpaceByte>(self); }

// islower / isupper: some cased byte, none of the other case.
Value CaseTest(Value self_value, bool (*wanted)(uint8_t), bool (*unwanted)(uint8_t)) {
  ByteView self = SelfView(self_value);
  bool any = false;
  for (size_t i = 0; i < self.length; ++i) {
    if (unwanted(self.data[i])) return kFalse;
    any |= wanted(self.data[i]);
  }
  return FromBool(any);
}

Value BytesIsLower(Value self) { return CaseTest(self, IsLowerByte, IsUpperByte); }
Value BytesIsUpper(Value self) { return CaseTest(self, IsUpperByte, IsLowerByte); }

Value ChangeCase(Value self_value, bool to_upper) {
  ByteView self = SelfView(self_value);
  Value result = NewLike(self.is_array, self.data, self.length);
  Value native = result;
  uint8_t* out = self.is_array ? ObjectPointer<ByteArrayObject>(native)->data
                               : const_cast<uint8_t*>(ObjectPointer<BytesObject>(native)->data);
  for (size_t i = 0; i < self.length; ++i) {
    if (to_upper && IsLowerByte(out[i])) out[i] = static_cast<uint8_t>(out[i] - 32);
    if (!to_upper && IsUpperByte(out[i])) out[i] = static_cast<uint8_t>(out[i] + 32);
  }
  if (!self.is_array) {
    auto* bytes = ObjectPointer<BytesObject>(native);
    bytes->hash = QstrHash(reinterpret_cast<const char*>(bytes->data), bytes->length);
  }
  return result;
}

Value BytesLower(Value self) { return ChangeCase(self, false); }
Value BytesUpper(Value self) { return ChangeCase(self, true); }

// strip / lstrip / rstrip: ([chars]); whitespace when chars is None.
Value StripImpl(size_t n_args, const Value* args, bool left, bool right) {
  ByteView self = SelfView(args[0]);
  ByteView chars = {nullptr, 0, false};
  bool whitespace = n_args < 2 || args[1] == kNone;
  if (!whitespace) chars = ArgView(args[1]);
  auto strip = [&](uint8_t c) {
    if (whitespace) return IsSpaceByte(c);
    for (size_t i = 0; i < chars.length; ++i)
      if (chars.data[i] == c) return true;
    return false;
  };
  size_t start = 0, end = self.length;
  if (left)
    while (start < end && strip(self.data[start])) ++start;
  if (right)
    while (end > start && strip(self.data[end - 1])) --end;
  if (!self.is_array && start == 0 && end == self.length) return NativeValue(args[0]);
  return NewLike(self.is_array, self.data + start, end - start);
}

Value BytesStrip(size_t n_args, const Value* args) { return StripImpl(n_args, args, true, true); }
Value BytesLStrip(size_t n_args, const Value* args) { return StripImpl(n_args, args, true, false); }
Value BytesRStrip(size_t n_args, const Value* args) { return StripImpl(n_args, args, false, true); }

// center / ljust / rjust: (width[, fillbyte]).
Value JustifyImpl(size_t n_args, const Value* args, int where, const char* name) {
  ByteView self = SelfView(args[0]);
  SignedWord width = IndexValue(args[1]);
  uint8_t fill = ' ';
  if (n_args > 2) {
    BufferInfo info;
    if (!GetBytesLikeBuffer(args[2], &info) || info.length != 1) {
      const char* parts[] = {name, "() argument 2 must be a byte string of length 1"};
      RaiseJoined(&kTypeErrorType, parts, 2);
    }
    fill = *static_cast<const uint8_t*>(info.data);
  }
  if (width <= static_cast<SignedWord>(self.length)) {
    if (!self.is_array) return NativeValue(args[0]);
    return NewLike(true, self.data, self.length);
  }
  size_t margin = static_cast<size_t>(width) - self.length;
  // CPython's rounding for center: the odd byte goes left when width is odd.
  size_t left = where < 0 ? 0 : where > 0 ? margin : margin / 2 + (margin & static_cast<size_t>(width) & 1);
  StringBuilder out;
  char* p = out.Reserve(static_cast<size_t>(width));
  __builtin_memset(p, fill, left);
  if (self.length) __builtin_memcpy(p + left, SelfView(args[0]).data, self.length);
  __builtin_memset(p + left + self.length, fill, margin - left);
  out.Commit(static_cast<size_t>(width));
  return NewLikeFromBuilder(self.is_array, out);
}

Value BytesCenter(size_t n_args, const Value* args) { return JustifyImpl(n_args, args, 0, "center"); }
Value BytesLJust(size_t n_args, const Value* args) { return JustifyImpl(n_args, args, -1, "ljust"); }
Value BytesRJust(size_t n_args, const Value* args) { return JustifyImpl(n_args, args, 1, "rjust"); }

// partition / rpartition: (sep) -> (before, sep, after).
Value PartitionImpl(Value self_value, Value sep_value, bool last) {
  ByteView self = SelfView(self_value);
  ByteView sep = ArgView(sep_value);
  if (sep.length == 0) RaiseValueError("empty separator");
  SignedWord at = FindBytes(self.data, 0, self.length, sep.data, sep.length, last);
  Value parts[3];
  if (at < 0) {
    Value whole = self.is_array ? NewLike(true, self.data, self.length) : NativeValue(self_value);
    parts[last ? 2 : 0] = whole;
    parts[1] = NewLike(self.is_array, nullptr, 0);
    parts[last ? 0 : 2] = NewLike(self.is_array, nullptr, 0);
    return NewTuple(3, parts);
  }
  size_t split = static_cast<size_t>(at);
  parts[0] = NewLike(self.is_array, SelfView(self_value).data, split);
  parts[1] = NewLike(self.is_array, ArgView(sep_value).data, sep.length);
  self = SelfView(self_value);
  parts[2] = NewLike(self.is_array, self.data + split + sep.length, self.length - split - sep.length);
  return NewTuple(3, parts);
}

Value BytesPartition(Value self, Value sep) { return PartitionImpl(self, sep, false); }
Value BytesRPartition(Value self, Value sep) { return PartitionImpl(self, sep, true); }

// replace(old, new[, count]).
Value BytesReplace(size_t n_args, const Value* args) {
  ByteView self = SelfView(args[0]);
  ByteView old_bytes = ArgView(args[1]);
  ByteView new_bytes = ArgView(args[2]);
  SignedWord count = n_args > 3 ? IndexValue(args[3]) : -1;
  StringBuilder out;
  // The builder allocates, which never moves the operands' storage: the
  // views stay valid (no Python code runs here).
  const char* with = reinterpret_cast<const char*>(new_bytes.data);
  if (old_bytes.length == 0) {
    // Python inserts `new` before every byte and at the end.
    for (size_t i = 0; i <= self.length; ++i) {
      if (count != 0) {
        out.Append(with, new_bytes.length);
        if (count > 0) --count;
      }
      if (i < self.length) out.Append(static_cast<char>(self.data[i]));
    }
    return NewLikeFromBuilder(self.is_array, out);
  }
  size_t start = 0;
  for (; count != 0; count > 0 ? --count : 0) {
    SignedWord at = FindBytes(self.data, start, self.length, old_bytes.data, old_bytes.length, false);
    if (at < 0) break;
    out.Append(reinterpret_cast<const char*>(self.data + start), static_cast<size_t>(at) - start);
    out.Append(with, new_bytes.length);
    start = static_cast<size_t>(at) + old_bytes.length;
  }
  out.Append(reinterpret_cast<const char*>(self.data + start), self.length - start);
  return NewLikeFromBuilder(self.is_array, out);
}

// split / rsplit: (sep=None, maxsplit=-1).
constexpr ArgSpec kSplitArgSpecs[] = {
    {Q_sep, false, ConstValue(kNone)},
    {Q_maxsplit, false, ConstValue(FromSmallInt(-1))},
};

void ReverseList(Value list) {
  ListObject* items = AsList(list);
  for (size_t i = 0, j = items->length; i + 1 < j; ++i, --j) {
    Value t = items->items[i];
    items->items[i] = items->items[j - 1];
    items->items[j - 1] = t;
  }
}

Value SplitImpl(size_t n_args, const Value* args, size_t n_kw, const Value* kw, bool from_right) {
  Value self_value = args[0];
  Value parsed[2];
  ParseArgs(n_args - 1, args + 1, n_kw, kw, kSplitArgSpecs, 2, 2, parsed);
  SignedWord maxsplit = IndexValue(parsed[1]);
  ByteView self = SelfView(self_value);
  Value list = NewList(0, nullptr);
  bool is_array = self.is_array;
  auto add = [&](size_t from, size_t to) {
    ByteView now = SelfView(self_value);
    ListAppend(list, NewLike(is_array, now.data + from, to - from));
  };
  size_t length = self.length;
  if (parsed[0] == kNone) {
    // Runs of whitespace separate; leading/trailing whitespace makes no
    // empty items.
    if (!from_right) {
      size_t i = 0;
      for (; maxsplit != 0; --maxsplit) {
        while (i < length && IsSpaceByte(SelfView(self_value).data[i])) ++i;
        if (i == length) break;
        size_t j = i;
        while (j < length && !IsSpaceByte(SelfView(self_value).data[j])) ++j;
        add(i, j);
        i = j;
      }
      while (i < length && IsSpaceByte(SelfView(self_value).data[i])) ++i;
      if (i < length) add(i, length);
    } else {
      size_t i = length;
      for (; maxsplit != 0; --maxsplit) {
        while (i > 0 && IsSpaceByte(SelfView(self_value).data[i - 1])) --i;
        if (i == 0) break;
        size_t j = i;
        while (j > 0 && !IsSpaceByte(SelfView(self_value).data[j - 1])) --j;
        add(j, i);
        i = j;
      }
      while (i > 0 && IsSpaceByte(SelfView(self_value).data[i - 1])) --i;
      if (i > 0) add(0, i);
      ReverseList(list);
    }
    return list;
  }
  Value sep_value = parsed[0];
  size_t sep_length = ArgView(sep_value).length;
  if (sep_length == 0) RaiseValueError("empty separator");
  if (!from_right) {
    size_t i = 0;
    for (; maxsplit != 0; --maxsplit) {
      SignedWord at = FindBytes(SelfView(self_value).data, i, length, ArgView(sep_value).data, sep_length, false);
      if (at < 0) break;
      add(i, static_cast<size_t>(at));
      i = static_cast<size_t>(at) + sep_length;
    }
    add(i, length);
  } else {
    size_t end = length;
    for (; maxsplit != 0; --maxsplit) {
      SignedWord at = FindBytes(SelfView(self_value).data, 0, end, ArgView(sep_value).data, sep_length, true);
      if (at < 0) break;
      add(static_cast<size_t>(at) + sep_length, end);
      end = static_cast<size_t>(at);
    }
    add(0, end);
    ReverseList(list);
  }
  return list;
}

Value BytesSplit(size_t n_args, const Value* args, size_t n_kw, const Value* kw) {
  return SplitImpl(n_args, args, n_kw, kw, false);
}
Value BytesRSplit(size_t n_args, const Value* args, size_t n_kw, const Value* kw) {
  return SplitImpl(n_args, args, n_kw, kw, true);
}

// splitlines([keepends]): lines end at \n, \r or \r\n.
Value BytesSplitLines(size_t n_args, const Value* args) {
  bool keepends = n_args > 1 && IsTrue(args[1]);
  ByteView self = SelfView(args[0]);
  Value list = NewList(0, nullptr);
  size_t i = 0;
  while (i < self.length) {
    size_t j = i;
    while (j < self.length && self.data[j] != '\n' && self.data[j] != '\r') ++j;
    size_t end = j;
    if (j < self.length) {
      j += (self.data[j] == '\r' && j + 1 < self.length && self.data[j + 1] == '\n') ? 2 : 1;
      if (keepends) end = j;
    }
    ListAppend(list, NewLike(self.is_array, self.data + i, end - i));
    self = SelfView(args[0]);
    i = j;
  }
  return list;
}

// join(iterable of bytes-likes).
Value BytesJoin(Value self_value, Value iterable) {
  SelfView(self_value);
  // Collect first: iterating may run Python code that changes a bytearray self.
  Value items = ListFromIterable(iterable);
  StringBuilder out;
  ListObject* list = AsList(items);
  for (size_t i = 0; i < list->length; ++i) {
    BufferInfo info;
    if (!GetBytesLikeBuffer(list->items[i], &info))
      RaiseTypeError("join expects a list of str/bytes objects consistent with self object");
    if (i) {
      ByteView sep = SelfView(self_value);
      out.Append(reinterpret_cast<const char*>(sep.data), sep.length);
      GetBytesLikeBuffer(list->items[i], &info);
    }
    out.Append(static_cast<const char*>(info.data), info.length);
  }
  return NewLikeFromBuilder(SelfView(self_value).is_array, out);
}

constexpr ArgSpec kDecodeArgSpecs[] = {
    {Q_encoding, false, ConstValue(kNull)},
    {Q_errors, false, ConstValue(kNull)},
};

// decode(encoding='utf-8', errors='strict'): see DecodeText.
Value BytesDecode(size_t n_args, const Value* args, size_t n_kw, const Value* kw) {
  Value parsed[2];
  ParseArgs(n_args - 1, args + 1, n_kw, kw, kDecodeArgSpecs, 2, 2, parsed);
  ByteView self = SelfView(args[0]);
  return DecodeText(reinterpret_cast<const char*>(self.data), self.length, parsed[0], parsed[1]);
}

constexpr ArgSpec kHexArgSpecs[] = {{Q_sep, false, ConstValue(kNone)}};

Value BytesHex(size_t n_args, const Value* args, size_t n_kw, const Value* kw) {
  Value parsed[1];
  ParseArgs(n_args - 1, args + 1, n_kw, kw, kHexArgSpecs, 1, 1, parsed);
  char sep = HexSeparator(parsed[0]);
  ByteView self = SelfView(args[0]);
  return BytesToHex(self.data, self.length, sep);
}

int HexDigit(uint8_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// bytes.fromhex(string) / bytearray.fromhex(string): pairs of hex digits,
// whitespace allowed between pairs.
Value BytesFromHex(Value cls, Value text) {
  size_t length;
  const uint8_t* s = reinterpret_cast<const uint8_t*>(StrBytes(text, &length));
  StringBuilder out;
  for (size_t i = 0; i < length;) {
    if (IsSpaceByte(s[i])) {
      ++i;
      continue;
    }
    int high = HexDigit(s[i]);
    int low = i + 1 < length ? HexDigit(s[i + 1]) : -1;
    if (high < 0 || low < 0) RaiseValueError("non-hex digit found");
    out.Append(static_cast<char>(high * 16 + low));
    i += 2;
  }
  bool is_array = IsType(cls) && IsSubclass(TypeValue(cls), &kByteArrayType);
  return NewLikeFromBuilder(is_array, out);
}

}  // namespace

constexpr BuiltinFunction kBytesCenterFn(Q_center, 2, 3, BytesCenter);
constexpr BuiltinFunction kBytesCountFn(Q_count, 2, 4, BytesCount);
constexpr BuiltinFunction kBytesDecodeFn(Q_decode, 1, 3, BytesDecode);
constexpr BuiltinFunction kBytesEndsWithFn(Q_endswith, 2, 4, BytesEndsWith);
constexpr BuiltinFunction kBytesFindFn(Q_find, 2, 4, BytesFind);
constexpr BuiltinFunction kBytesFromHexFn(Q_fromhex, BytesFromHex);
constexpr ConstMethodWrapper kBytesFromHexMethod = {{&kClassMethodType}, &kBytesFromHexFn.base};
constexpr BuiltinFunction kBytesHexFn(Q_hex, 1, 2, BytesHex);
constexpr BuiltinFunction kBytesIndexFn(Q_index, 2, 4, BytesIndex);
constexpr BuiltinFunction kBytesIsAlnumFn(Q_isalnum, BytesIsAlnum);
constexpr BuiltinFunction kBytesIsAlphaFn(Q_isalpha, BytesIsAlpha);
constexpr BuiltinFunction kBytesIsDigitFn(Q_isdigit, BytesIsDigit);
constexpr BuiltinFunction kBytesIsLowerFn(Q_islower, BytesIsLower);
constexpr BuiltinFunction kBytesIsSpaceFn(Q_isspace, BytesIsSpace);
constexpr BuiltinFunction kBytesIsUpperFn(Q_isupper, BytesIsUpper);
constexpr BuiltinFunction kBytesJoinFn(Q_join, BytesJoin);
constexpr BuiltinFunction kBytesLJustFn(Q_ljust, 2, 3, BytesLJust);
constexpr BuiltinFunction kBytesLowerFn(Q_lower, BytesLower);
constexpr BuiltinFunction kBytesLStripFn(Q_lstrip, 1, 2, BytesLStrip);
constexpr BuiltinFunction kBytesPartitionFn(Q_partition, BytesPartition);
constexpr BuiltinFunction kBytesReplaceFn(Q_replace, 3, 4, BytesReplace);
constexpr BuiltinFunction kBytesRFindFn(Q_rfind, 2, 4, BytesRFind);
constexpr BuiltinFunction kBytesRIndexFn(Q_rindex, 2, 4, BytesRIndex);
constexpr BuiltinFunction kBytesRJustFn(Q_rjust, 2, 3, BytesRJust);
constexpr BuiltinFunction kBytesRPartitionFn(Q_rpartition, BytesRPartition);
constexpr BuiltinFunction kBytesRSplitFn(Q_rsplit, 1, 3, BytesRSplit);
constexpr BuiltinFunction kBytesRStripFn(Q_rstrip, 1, 2, BytesRStrip);
constexpr BuiltinFunction kBytesSplitFn(Q_split, 1, 3, BytesSplit);
constexpr BuiltinFunction kBytesSplitLinesFn(Q_splitlines, 1, 2, BytesSplitLines);
constexpr BuiltinFunction kBytesStartsWithFn(Q_startswith, 2, 4, BytesStartsWith);
constexpr BuiltinFunction kBytesStripFn(Q_strip, 1, 2, BytesStrip);
constexpr BuiltinFunction kBytesUpperFn(Q_upper, BytesUpper);

// --- The bytes type ---------------------------------------------------------------------

namespace {

BytesObject* AsBytesObject(Value v) { return ObjectPointer<BytesObject>(NativeValue(v)); }

Value BytesMakeNew(const Type*, size_t n_args, size_t n_kw, const Value* args) {
  // bytes(b) of an exact bytes is b itself, as in CPython.
  if (n_args == 1 && n_kw == 0 && HasExactType(args[0], &kBytesType)) return args[0];
  StringBuilder out;
  BytesArgumentsToBuilder(&out, n_args, n_kw, args);
  return NewBytesFromBuilder(out);
}

void BytesPrint(const Printer& out, Value self, PrintKind) {
  // str(b) is repr(b), as in CPython without -b.
  BytesObject* bytes = AsBytesObject(self);
  PrintBytesRepr(out, bytes->data, bytes->length);
}

Value BytesUnaryOp(UnaryOp op, Value self) {
  BytesObject* bytes = AsBytesObject(self);
  switch (op) {
    case UnaryOp::kBool: return FromBool(bytes->length != 0);
    case UnaryOp::kLen: return FromSmallInt(static_cast<SignedWord>(bytes->length));
    case UnaryOp::kHash: return FromSmallInt(static_cast<SignedWord>(bytes->hash));
    default: return kNull;
  }
}

// b * n for the repeat count n (an int); kNull when n is not an int.
Value Repeat(const uint8_t* data, size_t length, Value count_value, bool is_array) {
  if (!IsInt(count_value)) return kNull;
  SignedWord count = IntToWord(count_value);
  if (count <= 0 || length == 0) return NewLike(is_array, nullptr, 0);
  if (static_cast<size_t>(count) > (~size_t{0} >> 1) / length) RaiseOverflowError("repeated bytes are too long");
  StringBuilder out;
  size_t total = length * static_cast<size_t>(count);
  char* p = out.Reserve(total);
  for (SignedWord i = 0; i < count; ++i) __builtin_memcpy(p + static_cast<size_t>(i) * length, data, length);
  out.Commit(total);
  return NewLikeFromBuilder(is_array, out);
}

// Whether `v` can equal a bytes object: bytes, bytearray and memoryview
// compare by content; nothing else with a buffer (an array.array) ever
// equals bytes, as in CPython and MicroPython.
bool ComparesWithBytes(Value v) {
  v = NativeValue(v);
  return HasExactType(v, &kBytesType) || HasExactType(v, &kByteArrayType) || HasExactType(v, &kMemoryViewType);
}

}  // namespace

Value BytesLikeBinaryOp(BinaryOp op, Value lhs, Value rhs, bool is_array) {
  BufferInfo self;
  GetBuffer(lhs, &self, false);
  const uint8_t* data = static_cast<const uint8_t*>(self.data);
  switch (op) {
    case BinaryOp::kContains: return FromBool(BytesLikeContains(data, self.length, rhs));
    case BinaryOp::kAdd: {
      BufferInfo other;
      if (!GetBytesLikeBuffer(rhs, &other)) return kNull;
      StringBuilder out;
      out.Append(static_cast<const char*>(self.data), self.length);
      GetBytesLikeBuffer(rhs, &other);
      out.Append(static_cast<const char*>(other.data), other.length);
      return NewLikeFromBuilder(is_array, out);
    }
    case BinaryOp::kMultiply:
    case BinaryOp::kReverseMultiply: return Repeat(data, self.length, rhs, is_array);
    case BinaryOp::kModulo: {
      // A bytearray's format is copied: a __bytes__ or __index__ it calls
      // may resize it.
      Value format = is_array ? NewBytes(data, self.length) : lhs;
      BufferInfo text;
      GetBuffer(format, &text, false);
      StringBuilder out;
      BytesPercentFormat(static_cast<const char*>(text.data), text.length, rhs, &out);
      return NewLikeFromBuilder(is_array, out);
    }
    case BinaryOp::kEqual:
    case BinaryOp::kNotEqual:
      if (!is_array && !ComparesWithBytes(rhs)) return FromBool(op == BinaryOp::kNotEqual);
      return BytesLikeCompare(op, data, self.length, rhs);
    default: return BytesLikeCompare(op, data, self.length, rhs);
  }
}

namespace {

Value BytesBinaryOp(BinaryOp op, Value lhs, Value rhs) {
  return BytesLikeBinaryOp(op, NativeValue(lhs), rhs, false);
}

// self[i] is an int, self[a:b:c] a new bytes.
Value BytesSubscr(Value self, Value index, Value value) {
  if (value != kSentinel) return kNull;  // immutable
  BytesObject* bytes = AsBytesObject(self);
  if (IsSlice(index)) {
    SignedWord start, stop, step;
    size_t count = SliceIndices(index, &bytes->length, &start, &stop, &step);
    if (step == 1) return NewBytes(bytes->data + start, count);
    StringBuilder out;
    char* p = out.Reserve(count);
    for (size_t i = 0; i < count; ++i) p[i] = static_cast<char>(bytes->data[start + static_cast<SignedWord>(i) * step]);
    out.Commit(count);
    return NewBytesFromBuilder(out);
  }
  size_t i = NormalizeIndex(index, bytes->length, "bytes");
  return FromSmallInt(bytes->data[i]);
}

Value BytesGetIter(Value self) { return NewBytesIterator(self); }

bool BytesGetBuffer(Value self, BufferInfo* info, bool for_write) {
  if (for_write) return false;
  BytesObject* bytes = AsBytesObject(self);
  info->data = const_cast<uint8_t*>(bytes->data);
  info->length = bytes->length;
  info->typecode = 'B';
  info->writable = false;
  return true;
}

TAIPAN_CONST_MAP(kBytesMethods,
                 {Q_center, &kBytesCenterFn},
                 {Q_count, &kBytesCountFn},
                 {Q_decode, &kBytesDecodeFn},
                 {Q_endswith, &kBytesEndsWithFn},
                 {Q_find, &kBytesFindFn},
                 {Q_fromhex, &kBytesFromHexMethod},
                 {Q_hex, &kBytesHexFn},
                 {Q_index, &kBytesIndexFn},
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
                 {Q_replace, &kBytesReplaceFn},
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

}  // namespace

const Type kBytesType = {
    .base = {&kTypeType},
    .flags = kTypeBaseAllowed,
    .name = Q_bytes,
    .make_new = BytesMakeNew,
    .print = BytesPrint,
    .unary_op = BytesUnaryOp,
    .binary_op = BytesBinaryOp,
    .subscr = BytesSubscr,
    .get_iter = BytesGetIter,
    .get_buffer = BytesGetBuffer,
    .base_type = &kObjectType,
    .methods = &kBytesMethods,
};

// The name natively compiled code compares type words with (native_abi.def);
// an alias can only be defined next to the object it names.
extern "C" [[gnu::alias("_ZN6taipan2rt10kBytesTypeE")]] const Type taipan_native_type_bytes;

}  // namespace taipan::rt
