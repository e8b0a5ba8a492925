// The struct module: calcsize, pack, pack_into, unpack, unpack_from, with
// MicroPython's rules: byte order prefixes @ = < > !, native sizes and
// alignment only under '@', unpack accepting a longer buffer, and pack
// leaving fields without a value zeroed.
#include "runtime/bytes.h"
#include "runtime/runtime.h"
#include "runtime/tuple.h"
#include "stdlib/packing.h"

namespace taipan::rt {

// --- The items themselves (shared with the array module) --------------------------

namespace {

// IEEE half precision ('e') from and to the bits of a single, rounding to
// nearest even; too large a value becomes infinity (as in MicroPython).
uint32_t SingleFromHalf(uint32_t half) {
  uint32_t sign = (half & 0x8000u) << 16;
  int32_t exponent = (half >> 10) & 0x1f;
  uint32_t mantissa = half & 0x3ff;
  if (exponent == 0x1f) return sign | 0x7f800000u | (mantissa << 13);
  if (exponent == 0) {
    if (mantissa == 0) return sign;
    // Subnormal: shift the leading 1 up to the implicit bit.
    exponent = 1;
    while (!(mantissa & 0x400)) mantissa <<= 1, --exponent;
    mantissa &= 0x3ff;
  }
  return sign | (static_cast<uint32_t>(exponent + 112) << 23) | (mantissa << 13);
}

uint32_t HalfFromSingle(uint32_t single) {
  uint32_t sign = (single >> 16) & 0x8000u;
  uint32_t magnitude = single & 0x7fffffffu;
  if (magnitude > 0x7f800000u) return sign | 0x7e00;  // NaN
  if (magnitude >= 0x47800000u) return sign | 0x7c00;  // >= 65536 (or inf): infinity
  uint32_t half, dropped, shift;
  if (magnitude >= 0x38800000u) {  // a normal half: rebias the exponent
    shift = 13;
    half = (magnitude - 0x38000000u) >> shift;
    dropped = magnitude;
  } else {  // a subnormal half: units of 2^-24
    shift = 126 - (magnitude >> 23);
    if (shift > 24) return sign;
    dropped = (magnitude & 0x7fffff) | 0x800000;
    half = dropped >> shift;
  }
  dropped &= (1u << shift) - 1;
  uint32_t midpoint = 1u << (shift - 1);
  // Rounding up may carry into the exponent: still the right encoding.
  if (dropped > midpoint || (dropped == midpoint && (half & 1))) ++half;
  return sign | half;
}

}  // namespace

Value LoadPackedItem(char code, size_t size, const uint8_t* p, bool big_endian) {
  unsigned long long bits = 0;
  for (size_t i = 0; i < size; ++i)
    bits |= static_cast<unsigned long long>(p[big_endian ? size - 1 - i : i]) << (8 * i);
  uint8_t native[8];
  if (code == 'e') bits = SingleFromHalf(static_cast<uint32_t>(bits)), code = 'f';
  switch (code) {
    case '?': return FromBool(bits != 0);
    case 'O': return Value{static_cast<Word>(bits)};
    case 'f': {
      uint32_t single = static_cast<uint32_t>(bits);
      __builtin_memcpy(native, &single, 4);
      return LoadTypedItem('f', native);
    }
    case 'd': __builtin_memcpy(native, &bits, 8); return LoadTypedItem('d', native);
    default: break;
  }
  bool is_signed = code >= 'a';  // b h i l q; their unsigned forms are upper case
  if (is_signed && size < 8 && ((bits >> (8 * size - 1)) & 1)) bits |= ~0ull << (8 * size);
  __builtin_memcpy(native, &bits, 8);
  return LoadTypedItem(is_signed ? 'q' : 'Q', native);
}

void StorePackedItem(char code, size_t size, uint8_t* p, Value item, bool big_endian) {
  unsigned long long bits;
  uint8_t native[8];
  if (code == '?') {
    bits = IsTrue(item);
  } else if (code == 'O') {
    bits = Bits(item);
  } else if (code == 'f' || code == 'e') {
    StoreTypedItem('f', native, item);
    uint32_t single;
    __builtin_memcpy(&single, native, 4);
    bits = code == 'e' ? HalfFromSingle(single) : single;
  } else {
    // As a 64-bit item: the low bits of any int, whatever its size.
    StoreTypedItem(code == 'd' ? 'd' : 'q', native, item);
    __builtin_memcpy(&bits, native, 8);
  }
  for (size_t i = 0; i < size; ++i) p[big_endian ? size - 1 - i : i] = static_cast<uint8_t>(bits >> (8 * i));
}

namespace {

// One field of a format: `count` items of `code`, each `size` bytes
// ('s' and 'x': `count` bytes in all).
struct Field {
  size_t count;
  size_t size;
  size_t align;
  char code;
  bool big_endian;
};

struct FormatReader {
  const char* p;
  const char* end;
  char order;  // '@' (native sizes and alignment), '<' or '>'
};

FormatReader OpenFormat(Value format) {
  size_t length;
  const char* text = StrBytes(format, &length);
  FormatReader reader = {text, text + length, '@'};
  if (length == 0) return reader;
  switch (*text) {
    case '<':
    case '>': reader.order = *text; break;
    case '!': reader.order = '>'; break;
    case '=': reader.order = kHostBigEndian ? '>' : '<'; break;
    case '@': break;
    default: return reader;
  }
  ++reader.p;
  return reader;
}

[[noreturn]] void RaiseBadTypecode() { RaiseValueError("bad typecode"); }

size_t ItemSize(char order, char code, size_t* align) {
  size_t size;
  switch (code) {
    case 'b': case 'B': case '?': case 's': case 'x': size = 1; break;
    case 'h': case 'H': case 'e': size = 2; break;
    case 'i': case 'I': case 'f': size = 4; break;
    case 'l': case 'L': size = order == '@' ? sizeof(long) : 4; break;
    case 'q': case 'Q': case 'd': size = 8; break;
    case 'P': case 'O': size = sizeof(void*); break;
    default: RaiseBadTypecode();
  }
  *align = 1;
  if (order == '@') *align = code == 'd' ? alignof(double) : size == 8 ? alignof(long long) : size;
  return size;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool NextField(FormatReader* reader, Field* field) {
  while (reader->p < reader->end && *reader->p == ' ') ++reader->p;
  if (reader->p == reader->end) return false;
  size_t count = 1;
  if (IsDigit(*reader->p)) {
    count = 0;
    while (reader->p < reader->end && IsDigit(*reader->p)) count = count * 10 + static_cast<size_t>(*reader->p++ - '0');
    if (reader->p == reader->end) RaiseBadTypecode();
  }
  field->code = *reader->p++;
  field->count = count;
  field->size = ItemSize(reader->order, field->code, &field->align);
  field->big_endian = reader->order == '>' || (reader->order == '@' && kHostBigEndian);
  return true;
}

// Calls visit(field, offset) for every field of the format at its offset
// (aligned under '@'); returns the total size.
template <typename F>
size_t WalkFormat(Value format, F visit) {
  FormatReader reader = OpenFormat(format);
  size_t offset = 0;
  Field field;
  while (NextField(&reader, &field)) {
    offset = (offset + field.align - 1) & ~(field.align - 1);
    visit(field, offset);
    offset += field.count * field.size;
  }
  return offset;
}

size_t FormatSize(Value format) {
  return WalkFormat(format, [](const Field&, size_t) {});
}

Value StructCalcSize(Value format) { return FromSmallInt(static_cast<SignedWord>(FormatSize(format))); }

// Writes `values` into `out` (format-size bytes, zeroed where no value).
void PackInto(Value format, uint8_t* out, size_t n_values, const Value* values) {
  size_t next = 0;
  WalkFormat(format, [&](const Field& field, size_t offset) {
    uint8_t* p = out + offset;
    if (field.code == 'x') {
      __builtin_memset(p, 0, field.count);
    } else if (field.code == 's') {
      if (next >= n_values) return;
      BufferInfo source;
      GetBuffer(values[next++], &source, false);
      size_t n = source.length < field.count ? source.length : field.count;
      __builtin_memcpy(p, source.data, n);
      __builtin_memset(p + n, 0, field.count - n);
    } else {
      for (size_t i = 0; i < field.count && next < n_values; ++i)
        StorePackedItem(field.code, field.size, p + i * field.size, values[next++], field.big_endian);
    }
  });
}

Value StructPack(size_t n_args, const Value* args) {
  size_t size = FormatSize(args[0]);
  auto* scratch = static_cast<uint8_t*>(Allocate(size, true));
  PackInto(args[0], scratch, n_args - 1, args + 1);
  return NewBytes(scratch, size);
}

// The start of a `size`-byte window at `offset` (negative: from the end)
// into a buffer of `length` bytes.
size_t WindowStart(Value offset, size_t length, size_t size) {
  SignedWord start = IntToWord(offset);
  if (start < 0) start += static_cast<SignedWord>(length);
  if (start < 0 || static_cast<size_t>(start) + size > length) RaiseValueError("buffer too small");
  return static_cast<size_t>(start);
}

Value StructPackInto(size_t n_args, const Value* args) {
  BufferInfo info;
  GetBuffer(args[1], &info, true);
  size_t start = WindowStart(args[2], info.length, FormatSize(args[0]));
  PackInto(args[0], static_cast<uint8_t*>(info.data) + start, n_args - 3, args + 3);
  return kNone;
}

Value StructUnpackFrom(size_t n_args, const Value* args) {
  size_t n_items = 0;
  size_t size = WalkFormat(args[0], [&](const Field& field, size_t) {
    n_items += field.code == 's' ? 1 : field.code == 'x' ? 0 : field.count;
  });
  BufferInfo info;
  GetBuffer(args[1], &info, false);
  const uint8_t* data = static_cast<const uint8_t*>(info.data);
  data += WindowStart(n_args > 2 ? args[2] : FromSmallInt(0), info.length, size);
  Value result = NewTuple(n_items, nullptr);
  Value* items = AsTuple(result)->items;
  WalkFormat(args[0], [&](const Field& field, size_t offset) {
    const uint8_t* p = data + offset;
    if (field.code == 's') {
      *items++ = NewBytes(p, field.count);
    } else if (field.code != 'x') {
      for (size_t i = 0; i < field.count; ++i)
        *items++ = LoadPackedItem(field.code, field.size, p + i * field.size, field.big_endian);
    }
  });
  return result;
}

constexpr BuiltinFunction kCalcSizeFn(Q_calcsize, StructCalcSize);
constexpr BuiltinFunction kPackFn(Q_pack, 1, kAnyArgs, StructPack);
constexpr BuiltinFunction kPackIntoFn(Q_pack_into, 3, kAnyArgs, StructPackInto);
constexpr BuiltinFunction kUnpackFn(Q_unpack, 2, 3, StructUnpackFrom);
constexpr BuiltinFunction kUnpackFromFn(Q_unpack_from, 2, 3, StructUnpackFrom);

}  // namespace

TAIPAN_CONST_MAP(kStructModuleGlobals, {Q___name__, ConstValue(FromQstr(Q_struct))}, {Q_calcsize, &kCalcSizeFn},
                 {Q_pack, &kPackFn}, {Q_pack_into, &kPackIntoFn}, {Q_unpack, &kUnpackFn},
                 {Q_unpack_from, &kUnpackFromFn});

}  // namespace taipan::rt
