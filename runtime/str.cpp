// str: construction, UTF-8 helpers, operators, indexing and slicing by code
// point, iteration, and the methods MicroPython provides (plus a few of
// CPython's). Formatting (str.format, %, format()) is in str_format.cpp.
//
// Case mapping and character classes (lower, upper, isalpha, isspace, ...)
// are ASCII only, as in MicroPython: other code points are never changed and
// are neither letters, digits nor spaces.
#include "runtime/str.h"

#include "runtime/bytes.h"
#include "runtime/class.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/runtime.h"
#include "runtime/slice.h"
#include "runtime/tuple.h"

namespace taipan::rt {

// --- Construction -------------------------------------------------------------

Value NewStr(const char* data, size_t length) {
  // One-byte strs are interned, as MicroPython's (iterating over a str,
  // indexing it and chr make them all the time): at most 128 of them.
  if (length == 1 && static_cast<unsigned char>(data[0]) < 0x80) {
    Qstr q = QstrAsciiChar(static_cast<unsigned char>(data[0]));
    if (q != kNoQstr) return FromQstr(q);
  }
  Qstr q = length == 1 ? QstrIntern(data, length) : QstrFind(data, length);
  if (q != kNoQstr) return FromQstr(q);
  StrObject* str = NewStrWithRoom(length);
  __builtin_memcpy(const_cast<char*>(str->data), data, length);
  return FromPointer(str);
}

StrObject* NewStrWithRoom(size_t length) {
  // One allocation the collector need not scan: the object's only pointers
  // are to its type (a constant) and to its own text.
  auto* str = static_cast<StrObject*>(Allocate(sizeof(StrObject) + length + 1, true));
  str->base.type = &kStrType;
  str->hash = 0;  // most strs are never hashed: StrHash computes it on demand
  str->length = length;
  char* text = reinterpret_cast<char*>(str + 1);
  text[length] = 0;
  str->data = text;
  return str;
}

Value NewStrFromCString(const char* text) { return NewStr(text, __builtin_strlen(text)); }

Value NewStrTakingBuffer(char* data, size_t length) {
  data[length] = 0;
  auto* str = NewObject<StrObject>(&kStrType);
  str->hash = 0;  // most strs are never hashed: StrHash computes it on demand
  str->length = length;
  str->data = data;
  return FromPointer(str);
}

Value NewStrTakingBuilder(StringBuilder* text) {
  if (text->length == 0) return FromQstr(kEmptyQstr);
  Qstr q = QstrFind(text->data, text->length);
  if (q != kNoQstr) return FromQstr(q);
  // Gives back the builder's slack (a shrink stays in place).
  char* data = static_cast<char*>(Reallocate(text->data, text->length + 1));
  size_t length = text->length;
  *text = StringBuilder();
  return NewStrTakingBuffer(data, length);
}

bool PlainStrsEqual(Value a, Value b) {
  if (IsQstr(a) && IsQstr(b)) return a == b;  // one qstr per text
  if (!IsQstr(a) && !IsQstr(b)) {
    // Two heap strs whose hashes are known and differ cannot be equal.
    size_t ha = ObjectPointer<StrObject>(a)->hash, hb = ObjectPointer<StrObject>(b)->hash;
    if (ha != 0 && hb != 0 && ha != hb) return false;
  }
  StrText ta = StrTextOf(a), tb = StrTextOf(b);
  return ta.length == tb.length && __builtin_memcmp(ta.data, tb.data, ta.length) == 0;
}

Qstr StrToQstr(Value str) {
  if (IsQstr(str)) return QstrValue(str);
  size_t length;
  const char* data = StrBytes(str, &length);
  Qstr q = QstrIntern(data, length);
  if (q == kNoQstr) RaiseMemoryError();
  return q;
}

// --- UTF-8 ----------------------------------------------------------------------

namespace {
constexpr bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
}  // namespace

namespace {

// Text is scanned a machine word at a time where it can be.
constexpr size_t kChunk = sizeof(Word);
constexpr Word kHighBits = ~Word{0} / 0xFF * 0x80;  // 0x8080...80

Word LoadChunk(const char* p) {
  Word word;
  __builtin_memcpy(&word, p, sizeof word);
  return word;
}

// The number of bytes at the start of [data, data + length) below 0x80.
size_t AsciiPrefix(const char* data, size_t length) {
  size_t i = 0;
  // Four words at a time while all are ASCII (one test for the four).
  while (i + 4 * kChunk <= length && ((LoadChunk(data + i) | LoadChunk(data + i + kChunk) |
                                       LoadChunk(data + i + 2 * kChunk) | LoadChunk(data + i + 3 * kChunk)) &
                                      kHighBits) == 0)
    i += 4 * kChunk;
  while (i + kChunk <= length && (LoadChunk(data + i) & kHighBits) == 0) i += kChunk;
  while (i < length && static_cast<unsigned char>(data[i]) < 0x80) ++i;
  return i;
}

}  // namespace

size_t Utf8CharCount(const char* data, size_t length) {
  // Counts the bytes that start a code point; a continuation byte is
  // 10xxxxxx, i.e. bit 7 set and bit 6 clear.
  size_t continuations = 0, i = AsciiPrefix(data, length);
  for (; i + kChunk <= length; i += kChunk) {
    Word word = LoadChunk(data + i);
    if ((word & kHighBits) == 0) continue;  // ASCII (most text): nothing to count
    continuations += static_cast<size_t>(__builtin_popcountg(word & ~(word << 1) & kHighBits));
  }
  for (; i < length; ++i) continuations += IsContinuation(data[i]);
  return length - continuations;
}

namespace {

// The length of the well-formed UTF-8 sequence that starts at p (< end),
// or 0 when none does (a stray or overlong form, a surrogate, past
// U+10FFFF, or cut short).
size_t Utf8SequenceLength(const unsigned char* p, const unsigned char* end) {
  unsigned char c = *p;
  if (c < 0x80) return 1;
  size_t extra;
  uint32_t code, min;
  if (c >= 0xC2 && c <= 0xDF) extra = 1, code = c & 0x1F, min = 0x80;
  else if (c >= 0xE0 && c <= 0xEF) extra = 2, code = c & 0x0F, min = 0x800;
  else if (c >= 0xF0 && c <= 0xF4) extra = 3, code = c & 0x07, min = 0x10000;
  else return 0;
  if (static_cast<size_t>(end - p) <= extra) return 0;
  for (size_t i = 1; i <= extra; ++i) {
    if ((p[i] & 0xC0) != 0x80) return 0;
    code = (code << 6) | (p[i] & 0x3F);
  }
  if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
  return extra + 1;
}

// How many bytes from p (< end), where no well-formed sequence starts, one
// replacement character stands for: a sequence's first byte with the
// continuation bytes after it (as many as it wants at most), else one.
size_t Utf8BadLength(const unsigned char* p, const unsigned char* end) {
  unsigned char c = *p;
  size_t wanted = c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : 0;
  size_t n = 1;
  while (n <= wanted && p + n < end && (p[n] & 0xC0) == 0x80) ++n;
  return n;
}

bool AsciiOnly(const unsigned char* p, size_t length) {
  for (size_t i = 0; i < length; ++i)
    if (p[i] >= 0x80) return false;
  return true;
}

bool NamesText(Value v, const char* name) {
  size_t length;
  const char* text = IsStr(v) ? StrBytes(v, &length) : nullptr;
  return text != nullptr && length == __builtin_strlen(name) && __builtin_memcmp(text, name, length) == 0;
}

}  // namespace

bool Utf8IsValid(const char* data, size_t length) {
  const auto* p = reinterpret_cast<const unsigned char*>(data);
  const auto* end = p + length;
  while (p < end) {
    if (*p < 0x80) {
      ++p;
      continue;
    }
    size_t n = Utf8SequenceLength(p, end);
    if (n == 0) return false;
    p += n;
  }
  return true;
}

void CheckEncodable(const char* data, size_t length, Value encoding) {
  if (encoding != kNull && NamesText(encoding, "ascii") && !AsciiOnly(reinterpret_cast<const unsigned char*>(data), length))
    Raise(FromType(&kUnicodeErrorType));
}

Value DecodeText(const char* data, size_t length, Value encoding, Value errors) {
  const auto* p = reinterpret_cast<const unsigned char*>(data);
  const auto* end = p + length;
  bool ascii = encoding != kNull && NamesText(encoding, "ascii");
  if (ascii ? AsciiOnly(p, length) : Utf8IsValid(data, length)) return NewStr(data, length);
  bool ignore = errors != kNull && NamesText(errors, "ignore");
  bool replace = errors != kNull && NamesText(errors, "replace");
  if (!ignore && !replace) Raise(FromType(&kUnicodeErrorType));
  StringBuilder out;
  while (p < end) {
    size_t good = ascii ? (*p < 0x80 ? 1 : 0) : Utf8SequenceLength(p, end);
    if (good != 0) {
      out.Append(reinterpret_cast<const char*>(p), good);
      p += good;
      continue;
    }
    if (replace) out.Append("\xEF\xBF\xBD", 3);  // U+FFFD
    p += ascii ? 1 : Utf8BadLength(p, end);
  }
  return NewStrTakingBuilder(&out);
}

size_t Utf8Encode(uint32_t c, char out[4]) {
  if (c < 0x80) {
    out[0] = static_cast<char>(c);
    return 1;
  }
  if (c < 0x800) {
    out[0] = static_cast<char>(0xC0 | (c >> 6));
    out[1] = static_cast<char>(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (c >> 12));
    out[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (c & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (c >> 18));
  out[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (c & 0x3F));
  return 4;
}

uint32_t Utf8Decode(const char** p, const char* end) {
  auto c = static_cast<unsigned char>(*(*p)++);
  if (c < 0x80) return c;
  uint32_t code = c >= 0xF0 ? (c & 0x07) : c >= 0xE0 ? (c & 0x0F) : (c & 0x1F);
  while (*p < end && IsContinuation(**p)) code = (code << 6) | (static_cast<unsigned char>(*(*p)++) & 0x3F);
  return code;
}

size_t Utf8Offset(const char* data, size_t length, size_t chars) {
  // ASCII text first: there bytes are code points.
  size_t ascii = AsciiPrefix(data, chars < length ? chars : length);
  size_t i = ascii;
  chars -= ascii;
  while (chars > 0 && i < length) {
    ++i;
    while (i < length && IsContinuation(data[i])) ++i;
    --chars;
  }
  return i;
}

// --- repr -------------------------------------------------------------------------

namespace {

void PrintHexEscape(const Printer& out, char kind, uint32_t c, int digits) {
  char text[10] = {'\\', kind};
  for (int i = 0; i < digits; ++i) text[2 + i] = "0123456789abcdef"[(c >> (4 * (digits - 1 - i))) & 15];
  PrintBytes(out, text, 2 + static_cast<size_t>(digits));
}

// Code points CPython's repr escapes although they are not ASCII: the C1
// controls and a few invisible ones (the whole Unicode database is not here;
// other non-ASCII code points print as they are).
bool IsInvisibleNonAscii(uint32_t c) {
  return (c >= 0x80 && c <= 0xA0) || c == 0xAD || (c >= 0x200B && c <= 0x200F) || c == 0x2028 || c == 0x2029 ||
         c == 0xFEFF;
}

}  // namespace

void PrintStrRepr(const Printer& out, const char* data, size_t length) {
  // Single quotes unless the text has ' and no ", as Python chooses.
  bool has_single = false, has_double = false;
  for (size_t i = 0; i < length; ++i) {
    has_single |= data[i] == '\'';
    has_double |= data[i] == '"';
  }
  char quote = has_single && !has_double ? '"' : '\'';
  PrintChar(out, quote);
  const char* end = data + length;
  const char* run = data;  // start of the bytes not yet printed
  for (const char* p = data; p < end;) {
    const char* at = p;
    uint32_t c = Utf8Decode(&p, end);
    bool plain = c >= 0x20 && c != 0x7F && c != '\\' && c != static_cast<unsigned char>(quote) && !IsInvisibleNonAscii(c);
    if (plain) continue;
    PrintBytes(out, run, static_cast<size_t>(at - run));
    run = p;
    switch (c) {
      case '\\': PrintCString(out, "\\\\"); break;
      case '\n': PrintCString(out, "\\n"); break;
      case '\r': PrintCString(out, "\\r"); break;
      case '\t': PrintCString(out, "\\t"); break;
      default:
        if (c == static_cast<unsigned char>(quote)) {
          PrintChar(out, '\\');
          PrintChar(out, quote);
        } else if (c < 0x100) {
          PrintHexEscape(out, 'x', c, 2);
        } else {
          PrintHexEscape(out, 'u', c, 4);
        }
    }
  }
  PrintBytes(out, run, static_cast<size_t>(end - run));
  PrintChar(out, quote);
}

Value AsciiOf(Value v) {
  Value repr = ReprOf(v);
  size_t length;
  const char* data = StrBytes(repr, &length);
  const char* end = data + length;
  StringBuilder text;
  Printer out = text.AsPrinter();
  for (const char* p = data; p < end;) {
    const char* at = p;
    uint32_t c = Utf8Decode(&p, end);
    if (c < 0x80) PrintBytes(out, at, 1);
    else if (c < 0x100) PrintHexEscape(out, 'x', c, 2);
    else if (c < 0x10000) PrintHexEscape(out, 'u', c, 4);
    else PrintHexEscape(out, 'U', c, 8);
  }
  return NewStrTakingBuilder(&text);
}

namespace {

// --- Helpers ------------------------------------------------------------------------

using Text = StrText;
Text TextOf(Value v) { return StrTextOf(v); }

// A result str made from a GC buffer of at least length + 1 bytes: the qstr
// when the text is interned, else a str that takes over the buffer.
Value StrFromBuffer(char* data, size_t length) {
  Qstr q = QstrFind(data, length);
  if (q != kNoQstr) return FromQstr(q);
  return NewStrTakingBuffer(data, length);
}

Value StrFromBuilder(StringBuilder& text) { return NewStrTakingBuilder(&text); }

char* NewBuffer(size_t length) { return static_cast<char*>(Allocate(length + 1, true)); }

// The str itself (for results equal to it): the native str of a subclass
// instance, since methods of str return plain strs.
Value PlainStr(Value self) { return NativeValue(self); }

constexpr bool IsAsciiSpace(uint32_t c) { return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F); }
constexpr bool IsAsciiDigit(uint32_t c) { return c >= '0' && c <= '9'; }
constexpr bool IsAsciiUpper(uint32_t c) { return c >= 'A' && c <= 'Z'; }
constexpr bool IsAsciiLower(uint32_t c) { return c >= 'a' && c <= 'z'; }
constexpr bool IsAsciiAlpha(uint32_t c) { return IsAsciiUpper(c) || IsAsciiLower(c); }
constexpr char ToUpper(char c) { return IsAsciiLower(static_cast<unsigned char>(c)) ? static_cast<char>(c - 32) : c; }
constexpr char ToLower(char c) { return IsAsciiUpper(static_cast<unsigned char>(c)) ? static_cast<char>(c + 32) : c; }

// The byte offset of the first occurrence of `needle` in `hay`, or -1; with
// `reverse`, of the last one.
SignedWord FindBytes(Text hay, Text needle, bool reverse) {
  if (needle.length > hay.length) return -1;
  size_t last = hay.length - needle.length;
  if (needle.length == 0) return reverse ? static_cast<SignedWord>(hay.length) : 0;
  // Compare the first byte before the rest: most positions fail there.
  char first = needle.data[0];
  auto matches_at = [&](size_t i) {
    return hay.data[i] == first && __builtin_memcmp(hay.data + i + 1, needle.data + 1, needle.length - 1) == 0;
  };
  if (!reverse) {
    for (size_t i = 0; i <= last; ++i)
      if (matches_at(i)) return static_cast<SignedWord>(i);
    return -1;
  }
  for (size_t i = last + 1; i-- > 0;)
    if (matches_at(i)) return static_cast<SignedWord>(i);
  return -1;
}

// The optional (start, end) arguments of find, count, startswith, ...:
// code point indexes with slice semantics (None = omitted), turned into the
// selected bytes. Returns false when start lies past the end of the text,
// where Python finds nothing, not even "".
bool SelectRange(Text text, size_t n_args, const Value* args, size_t first, Text* out) {
  size_t chars = Utf8CharCount(text.data, text.length);
  auto resolve = [chars](Value v, SignedWord fallback) {
    if (v == kNone) return fallback;
    SignedWord i = IndexValue(v);
    if (i < 0) {
      i += static_cast<SignedWord>(chars);
      if (i < 0) i = 0;
    }
    return i;
  };
  SignedWord start = n_args > first ? resolve(args[first], 0) : 0;
  SignedWord end = n_args > first + 1 ? resolve(args[first + 1], static_cast<SignedWord>(chars))
                                      : static_cast<SignedWord>(chars);
  if (start > static_cast<SignedWord>(chars)) return false;
  if (end > static_cast<SignedWord>(chars)) end = static_cast<SignedWord>(chars);
  if (end < start) end = start - 1;  // nothing, not even "", matches
  size_t begin_byte = Utf8Offset(text.data, text.length, static_cast<size_t>(start));
  if (end < start) {
    out->data = text.data + begin_byte;
    out->length = 0;
    return false;
  }
  size_t end_byte = begin_byte + Utf8Offset(text.data + begin_byte, text.length - begin_byte,
                                            static_cast<size_t>(end - start));
  out->data = text.data + begin_byte;
  out->length = end_byte - begin_byte;
  return true;
}

SignedWord CharIndex(Text text, const char* at) {
  return static_cast<SignedWord>(Utf8CharCount(text.data, static_cast<size_t>(at - text.data)));
}

Value MakeTuple3(Value a, Value b, Value c) {
  Value items[3] = {a, b, c};
  return NewTuple(3, items);
}

[[noreturn]] void RaiseEmptySeparator() { RaiseValueError("empty separator"); }

// --- Construction ---------------------------------------------------------------------

// str(), str(object), str(bytes, encoding[, errors]).
Value StrMakeNew(const Type*, size_t n_args, size_t n_kw, const Value* args) {
  if (n_args == 1 && n_kw == 0) return StrOf(args[0]);  // the common case
  static constexpr ArgSpec kSpecs[] = {
      {Q_object, false, kNull}, {Q_encoding, false, kNull}, {Q_errors, false, kNull}};
  Value parsed[3];
  ParseArgs(n_args, args, n_kw, args + n_args, kSpecs, 3, 3, parsed);
  Value object = parsed[0], encoding = parsed[1], errors = parsed[2];
  if (encoding == kNull && errors == kNull) return object == kNull ? FromQstr(kEmptyQstr) : StrOf(object);
  // Decoding (DecodeText: UTF-8 or ASCII; strict, ignore or replace).
  if (encoding != kNull) TextOf(encoding);
  if (object == kNull) return FromQstr(kEmptyQstr);
  if (IsStr(object)) RaiseTypeError("decoding str is not supported");
  BufferInfo buffer;
  Value native = NativeValue(object);
  if (!TryGetBuffer(object, &buffer, false)) {
    if (!HasExactType(native, &kBytesType)) GetBuffer(object, &buffer, false);  // raises TypeError
    BytesObject* bytes = ObjectPointer<BytesObject>(native);
    buffer.data = const_cast<uint8_t*>(bytes->data);
    buffer.length = bytes->length;
  }
  return DecodeText(static_cast<const char*>(buffer.data), buffer.length, encoding, errors);
}

// --- print, unary and binary operators --------------------------------------------------

// QstrHash of a str's text, kept in a StrObject once computed.
size_t HashOfText(Value self) {
  Value native = NativeValue(self);
  if (IsQstr(native)) return QstrHashOf(QstrValue(native));
  return StrObjectHash(ObjectPointer<StrObject>(native));
}

void StrPrint(const Printer& out, Value self, PrintKind kind) {
  Text t = TextOf(self);
  if (kind == PrintKind::kStr) PrintBytes(out, t.data, t.length);
  else PrintStrRepr(out, t.data, t.length);
}

Value StrUnaryOp(UnaryOp op, Value self) {
  Text t = TextOf(self);
  switch (op) {
    case UnaryOp::kHash: return FromSmallInt(static_cast<SignedWord>(HashOfText(self)));
    case UnaryOp::kLen: return FromSmallInt(static_cast<SignedWord>(Utf8CharCount(t.data, t.length)));
    case UnaryOp::kBool: return FromBool(t.length != 0);
    default: return kNull;
  }
}

// <0, 0, >0 as a is before, equal to or after b (byte order = code point order).
int Compare(Text a, Text b) {
  size_t common = a.length < b.length ? a.length : b.length;
  int c = __builtin_memcmp(a.data, b.data, common);
  if (c != 0) return c;
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

Value Concatenate(Text a, Text b) {
  StrObject* str = NewStrWithRoom(a.length + b.length);
  char* data = const_cast<char*>(str->data);
  __builtin_memcpy(data, a.data, a.length);
  __builtin_memcpy(data + a.length, b.data, b.length);
  Qstr q = QstrFind(data, str->length);  // the interned str, as every str operation gives
  return q != kNoQstr ? FromQstr(q) : FromPointer(str);
}

Value Repeat(Value self, Value count) {
  SignedWord n = IntToWord(count);
  Text t = TextOf(self);
  if (n <= 0 || t.length == 0) return FromQstr(kEmptyQstr);
  if (n == 1) return PlainStr(self);
  size_t total;
  if (__builtin_mul_overflow(t.length, static_cast<size_t>(n), &total) || total >= (~size_t{0} >> 1))
    RaiseOverflowError("repeated string is too long");
  char* data = NewBuffer(total);
  for (size_t i = 0; i < static_cast<size_t>(n); ++i) __builtin_memcpy(data + i * t.length, t.data, t.length);
  return StrFromBuffer(data, total);
}

// A class instance that may implement the reflected operator itself.
bool MayReflect(Value rhs, Qstr method) {
  const Type* type = TypeOf(rhs);
  return IsClass(type) && LookupInType(type, method) != kNull;
}

Value StrBinaryOp(BinaryOp op, Value lhs, Value rhs) {
  switch (op) {
    case BinaryOp::kEqual:
      // Declined for other types: their __eq__ may answer, else identity
      // makes it False.
      if (IsQstr(lhs) && IsQstr(rhs)) return FromBool(lhs == rhs);  // one qstr per text
      if (!IsStr(rhs)) return kNull;
      return FromBool(Compare(TextOf(lhs), TextOf(rhs)) == 0);
    case BinaryOp::kLess:
    case BinaryOp::kLessEqual:
    case BinaryOp::kMore:
    case BinaryOp::kMoreEqual: {
      if (!IsStr(rhs)) return kNull;
      int c = Compare(TextOf(lhs), TextOf(rhs));
      if (op == BinaryOp::kLess) return FromBool(c < 0);
      if (op == BinaryOp::kLessEqual) return FromBool(c <= 0);
      if (op == BinaryOp::kMore) return FromBool(c > 0);
      return FromBool(c >= 0);
    }
    case BinaryOp::kAdd:
      if (!IsStr(rhs) && MayReflect(rhs, Q___radd__)) return kNull;
      return Concatenate(TextOf(lhs), TextOf(rhs));
    case BinaryOp::kMultiply:
    case BinaryOp::kReverseMultiply:
      if (!IsInt(rhs)) return kNull;
      return Repeat(lhs, rhs);
    case BinaryOp::kContains: return FromBool(FindBytes(TextOf(lhs), TextOf(rhs), false) >= 0);
    case BinaryOp::kModulo: return StrPercentFormat(lhs, rhs);
    default: return kNull;
  }
}

// --- Indexing and slicing ------------------------------------------------------------

// s[start:stop] with 0 <= start (or omitted) and 0 <= stop, no step, when
// the text is ASCII up to where the slice ends: the bytes themselves,
// without counting the code points of the whole text. kNull otherwise.
Value SliceOfAsciiPrefix(Text t, const SliceObject* slice) {
  if (slice->step != kNone || !IsSmallInt(slice->stop)) return kNull;
  if (slice->start != kNone && !IsSmallInt(slice->start)) return kNull;
  SignedWord start = slice->start == kNone ? 0 : SmallIntValue(slice->start);
  SignedWord stop = SmallIntValue(slice->stop);
  if (start < 0 || stop < 0) return kNull;
  size_t end = static_cast<size_t>(stop) < t.length ? static_cast<size_t>(stop) : t.length;
  if (AsciiPrefix(t.data, end) != end) return kNull;  // code points before `end` are not bytes
  size_t begin = static_cast<size_t>(start) < end ? static_cast<size_t>(start) : end;
  return NewStr(t.data + begin, end - begin);
}

Value SliceOfText(Text t, Value slice) {
  Value ascii = SliceOfAsciiPrefix(t, ObjectPointer<SliceObject>(slice));
  if (ascii != kNull) return ascii;
  size_t chars = Utf8CharCount(t.data, t.length);
  SignedWord start, stop, step;
  size_t count = SliceIndices(slice, &chars, &start, &stop, &step);
  if (count == 0) return FromQstr(kEmptyQstr);
  if (step == 1 && chars == t.length) return NewStr(t.data + start, count);  // ASCII: code points are bytes
  if (step == 1) {
    size_t begin = Utf8Offset(t.data, t.length, static_cast<size_t>(start));
    size_t end = begin + Utf8Offset(t.data + begin, t.length - begin, count);
    return NewStr(t.data + begin, end - begin);
  }
  if (chars == t.length) {  // ASCII: code points are bytes
    char* data = NewBuffer(count);
    for (size_t i = 0; i < count; ++i) data[i] = t.data[start + static_cast<SignedWord>(i) * step];
    return StrFromBuffer(data, count);
  }
  // Byte offsets of every code point (and of the end), then pick.
  auto* offsets = static_cast<size_t*>(Allocate((chars + 1) * sizeof(size_t), true));
  for (size_t i = 0, at = 0; i <= chars; ++i) {
    offsets[i] = at;
    if (at < t.length) at += Utf8Offset(t.data + at, t.length - at, 1);
  }
  StringBuilder text;
  for (size_t i = 0; i < count; ++i) {
    size_t c = static_cast<size_t>(start + static_cast<SignedWord>(i) * step);
    text.Append(t.data + offsets[c], offsets[c + 1] - offsets[c]);
  }
  return StrFromBuilder(text);
}

Value StrSubscr(Value self, Value index, Value value) {
  if (value != kSentinel) return kNull;  // strs are immutable
  Text t = TextOf(self);
  if (IsSlice(index)) return SliceOfText(t, index);
  if (!IsInt(index) && !IsClass(TypeOf(index))) {
    const char* parts[] = {"string indices must be integers, not ", TypeNameOf(index)};
    RaiseJoined(&kTypeErrorType, parts, 2);
  }
  if (IsSmallInt(index)) {
    // s[i] for i >= 0 within an ASCII prefix: byte i, whatever follows.
    SignedWord i = SmallIntValue(index);
    if (i >= 0 && static_cast<size_t>(i) < t.length && AsciiPrefix(t.data, static_cast<size_t>(i) + 1) > static_cast<size_t>(i))
      return NewStr(t.data + i, 1);
  }
  size_t chars = Utf8CharCount(t.data, t.length);
  size_t i = NormalizeIndex(index, chars, "string");
  size_t begin = chars == t.length ? i : Utf8Offset(t.data, t.length, i);
  size_t end = begin + Utf8Offset(t.data + begin, t.length - begin, 1);
  return NewStr(t.data + begin, end - begin);
}

// --- Iteration: one-character strs -------------------------------------------------------

struct StrIteratorObject {
  Object base;  // &kStrIteratorType
  Value str;    // keeps `data` alive (the collector never moves memory)
  const char* data;  // str's text, `length` bytes
  size_t length;
  size_t offset;  // in bytes
};

Value StrIterNext(Value self) {
  auto* it = ObjectPointer<StrIteratorObject>(self);
  size_t begin = it->offset;
  if (begin >= it->length) return kStopIteration;
  const char* at = it->data + begin;
  if (static_cast<unsigned char>(*at) < 0x80) {
    it->offset = begin + 1;
    return NewStr(at, 1);
  }
  it->offset += Utf8Offset(at, it->length - begin, 1);
  return NewStr(at, it->offset - begin);
}

Value IteratorSelf(Value self) { return self; }

const Type kStrIteratorType = {
    .base = {&kTypeType},
    .flags = kTypeIsIterator | kTypeIterNextRunsNoCode,
    .name = Q_iterator,
    .get_iter = IteratorSelf,
    .iter_next = StrIterNext,
    .base_type = &kObjectType,
};

Value StrGetIter(Value self) {
  Text t = TextOf(self);
  auto* it = NewObject<StrIteratorObject>(&kStrIteratorType);
  it->str = self;
  it->data = t.data;
  it->length = t.length;
  it->offset = 0;
  return FromPointer(it);
}

// --- Searching -------------------------------------------------------------------------

// find, rfind, index, rindex: (sub[, start[, end]]).
Value Find(size_t n_args, const Value* args, bool reverse, bool raise) {
  Text text = TextOf(args[0]);
  Text needle = TextOf(args[1]);
  Text range;
  SignedWord found = -1;
  if (SelectRange(text, n_args, args, 2, &range)) {
    SignedWord at = FindBytes(range, needle, reverse);
    if (at >= 0) found = CharIndex(text, range.data + at);
  }
  if (found < 0 && raise) RaiseValueError("substring not found");
  return FromSmallInt(found);
}

Value StrFind(size_t n, const Value* args) { return Find(n, args, false, false); }
Value StrRfind(size_t n, const Value* args) { return Find(n, args, true, false); }
Value StrIndex(size_t n, const Value* args) { return Find(n, args, false, true); }
Value StrRindex(size_t n, const Value* args) { return Find(n, args, true, true); }

Value StrCount(size_t n_args, const Value* args) {
  Text text = TextOf(args[0]);
  Text needle = TextOf(args[1]);
  Text range;
  if (!SelectRange(text, n_args, args, 2, &range)) return FromSmallInt(0);
  if (needle.length == 0) return FromSmallInt(static_cast<SignedWord>(Utf8CharCount(range.data, range.length) + 1));
  SignedWord count = 0;
  for (;;) {
    SignedWord at = FindBytes(range, needle, false);
    if (at < 0) break;
    ++count;
    size_t skip = static_cast<size_t>(at) + needle.length;
    range.data += skip;
    range.length -= skip;
  }
  return FromSmallInt(count);
}

// startswith / endswith: (prefix or tuple of prefixes[, start[, end]]).
Value MatchAffix(size_t n_args, const Value* args, bool at_end) {
  Text text = TextOf(args[0]);
  Text range;
  if (!SelectRange(text, n_args, args, 2, &range)) return kFalse;
  auto matches = [&](Value affix_value) {
    Text affix = TextOf(affix_value);
    if (affix.length > range.length) return false;
    const char* at = at_end ? range.end() - affix.length : range.data;
    return __builtin_memcmp(at, affix.data, affix.length) == 0;
  };
  if (HasExactType(args[1], &kTupleType)) {
    TupleObject* affixes = AsTuple(args[1]);
    for (size_t i = 0; i < affixes->length; ++i)
      if (matches(affixes->items[i])) return kTrue;
    return kFalse;
  }
  return FromBool(matches(args[1]));
}

Value StrStartswith(size_t n, const Value* args) { return MatchAffix(n, args, false); }
Value StrEndswith(size_t n, const Value* args) { return MatchAffix(n, args, true); }

// --- Stripping -------------------------------------------------------------------------

bool InCharSet(uint32_t c, const Text* chars) {
  if (!chars) return IsAsciiSpace(c);
  for (const char* p = chars->data; p < chars->end();)
    if (Utf8Decode(&p, chars->end()) == c) return true;
  return false;
}

// Strips from the left (`left`), the right (`right`) or both; chars None
// or omitted means whitespace.
Value Strip(size_t n_args, const Value* args, bool left, bool right) {
  Text text = TextOf(args[0]);
  Text chars_text;
  const Text* chars = nullptr;
  if (n_args > 1 && args[1] != kNone) {
    chars_text = TextOf(args[1]);
    chars = &chars_text;
  }
  const char* begin = text.data;
  const char* end = text.end();
  if (left) {
    while (begin < end) {
      const char* next = begin;
      if (!InCharSet(Utf8Decode(&next, end), chars)) break;
      begin = next;
    }
  }
  if (right) {
    while (end > begin) {
      const char* at = end - 1;
      while (at > begin && IsContinuation(*at)) --at;
      const char* p = at;
      if (!InCharSet(Utf8Decode(&p, end), chars)) break;
      end = at;
    }
  }
  if (begin == text.data && end == text.end()) return PlainStr(args[0]);
  return NewStr(begin, static_cast<size_t>(end - begin));
}

Value StrStrip(size_t n, const Value* args) { return Strip(n, args, true, true); }
Value StrLstrip(size_t n, const Value* args) { return Strip(n, args, true, false); }
Value StrRstrip(size_t n, const Value* args) { return Strip(n, args, false, true); }

// --- Splitting and joining -----------------------------------------------------------------

Value NewStrOf(const char* begin, const char* end) { return NewStr(begin, static_cast<size_t>(end - begin)); }

bool IsSpaceByte(char c) { return IsAsciiSpace(static_cast<unsigned char>(c)); }

// split / rsplit on runs of whitespace (sep None): at most `maxsplit` splits
// (negative: no limit); leading and trailing whitespace never make empty
// items, except that the unsplit rest keeps its whitespace on the far side
// ("  a b  ".split(None, 0) is ['a b  ']).
Value SplitWhitespace(Value list, Text t, SignedWord maxsplit, bool reverse) {
  const char* begin = t.data;
  const char* end = t.end();
  if (!reverse) {
    while (begin < end) {
      while (begin < end && IsSpaceByte(*begin)) ++begin;
      if (begin == end) break;
      if (maxsplit == 0) {
        ListAppend(list, NewStrOf(begin, end));
        break;
      }
      const char* word_end = begin;
      while (word_end < end && !IsSpaceByte(*word_end)) ++word_end;
      ListAppend(list, NewStrOf(begin, word_end));
      begin = word_end;
      if (maxsplit > 0) --maxsplit;
    }
    return list;
  }
  while (end > begin) {
    while (end > begin && IsSpaceByte(end[-1])) --end;
    if (end == begin) break;
    if (maxsplit == 0) {
      ListAppend(list, NewStrOf(begin, end));
      break;
    }
    const char* word_begin = end;
    while (word_begin > begin && !IsSpaceByte(word_begin[-1])) --word_begin;
    ListAppend(list, NewStrOf(word_begin, end));
    end = word_begin;
    if (maxsplit > 0) --maxsplit;
  }
  return list;
}

void ReverseList(Value list) {
  ListObject* l = AsList(list);
  for (size_t i = 0, j = l->length; i + 1 < j; ++i, --j) {
    Value tmp = l->items[i];
    l->items[i] = l->items[j - 1];
    l->items[j - 1] = tmp;
  }
}

// split / rsplit(sep=None, maxsplit=-1).
Value Split(size_t n_args, const Value* args, size_t n_kw, const Value* kw, bool reverse) {
  static constexpr ArgSpec kSpecs[] = {{Q_sep, false, kNone}, {Q_maxsplit, false, FromSmallInt(-1)}};
  Value parsed[2];
  ParseArgs(n_args - 1, args + 1, n_kw, kw, kSpecs, 2, 2, parsed);
  Text t = TextOf(args[0]);
  SignedWord maxsplit = IntToWord(parsed[1]);
  Value list = NewList(0, nullptr);
  if (parsed[0] == kNone) {
    SplitWhitespace(list, t, maxsplit, reverse);
  } else {
    Text sep = TextOf(parsed[0]);
    if (sep.length == 0) RaiseEmptySeparator();
    Text rest = t;
    while (maxsplit != 0) {
      SignedWord at = FindBytes(rest, sep, reverse);
      if (at < 0) break;
      const char* found = rest.data + at;
      if (!reverse) {
        ListAppend(list, NewStrOf(rest.data, found));
        rest.length -= static_cast<size_t>(at) + sep.length;
        rest.data = found + sep.length;
      } else {
        ListAppend(list, NewStrOf(found + sep.length, rest.end()));
        rest.length = static_cast<size_t>(at);
      }
      if (maxsplit > 0) --maxsplit;
    }
    ListAppend(list, NewStrOf(rest.data, rest.end()));
  }
  if (reverse) ReverseList(list);
  return list;
}

Value StrSplit(size_t n, const Value* args, size_t n_kw, const Value* kw) { return Split(n, args, n_kw, kw, false); }
Value StrRsplit(size_t n, const Value* args, size_t n_kw, const Value* kw) { return Split(n, args, n_kw, kw, true); }

// The length of the line break at p (0 if none): \n, \r, \r\n, and the
// other breaks CPython's splitlines knows (\v \f \x1c \x1d \x1e, U+0085,
// U+2028, U+2029).
size_t LineBreakLength(const char* p, const char* end) {
  auto c = static_cast<unsigned char>(*p);
  if (c == '\r') return p + 1 < end && p[1] == '\n' ? 2 : 1;
  if (c == '\n' || c == '\v' || c == '\f' || (c >= 0x1C && c <= 0x1E)) return 1;
  if (c == 0xC2 && p + 1 < end && static_cast<unsigned char>(p[1]) == 0x85) return 2;
  if (c == 0xE2 && p + 2 < end && static_cast<unsigned char>(p[1]) == 0x80 &&
      (static_cast<unsigned char>(p[2]) == 0xA8 || static_cast<unsigned char>(p[2]) == 0xA9))
    return 3;
  return 0;
}

Value StrSplitlines(size_t n_args, const Value* args, size_t n_kw, const Value* kw) {
  static constexpr ArgSpec kSpecs[] = {{Q_keepends, false, kFalse}};
  Value keepends;
  ParseArgs(n_args - 1, args + 1, n_kw, kw, kSpecs, 1, 1, &keepends);
  bool keep = IsTrue(keepends);
  Text t = TextOf(args[0]);
  Value list = NewList(0, nullptr);
  const char* line = t.data;
  for (const char* p = t.data; p < t.end();) {
    size_t n = LineBreakLength(p, t.end());
    if (n == 0) {
      ++p;
      continue;
    }
    ListAppend(list, NewStrOf(line, keep ? p + n : p));
    p += n;
    line = p;
  }
  if (line < t.end()) ListAppend(list, NewStrOf(line, t.end()));
  return list;
}

Value StrJoin(Value self, Value iterable) {
  Value sequence = iterable;
  if (!HasExactType(iterable, &kListType) && !HasExactType(iterable, &kTupleType))
    sequence = ListFromIterable(iterable);
  size_t count;
  Value* items;
  GetSequenceItems(sequence, &count, &items);
  Text sep = TextOf(self);
  size_t total = 0;
  for (size_t i = 0; i < count; ++i) {
    if (!IsStr(items[i])) RaiseTypeError("join expects a list of str/bytes objects consistent with self object");
    total += TextOf(items[i]).length;
  }
  if (count > 1) total += sep.length * (count - 1);
  char* data = NewBuffer(total);
  size_t at = 0;
  for (size_t i = 0; i < count; ++i) {
    if (i) {
      __builtin_memcpy(data + at, sep.data, sep.length);
      at += sep.length;
    }
    Text item = TextOf(items[i]);
    __builtin_memcpy(data + at, item.data, item.length);
    at += item.length;
  }
  return StrFromBuffer(data, total);
}

// partition / rpartition(sep): a 3-tuple.
Value Partition(Value self, Value sep_value, bool reverse) {
  Text t = TextOf(self);
  Text sep = TextOf(sep_value);
  if (sep.length == 0) RaiseEmptySeparator();
  Value empty = FromQstr(kEmptyQstr);
  SignedWord at = FindBytes(t, sep, reverse);
  if (at < 0) return reverse ? MakeTuple3(empty, empty, PlainStr(self)) : MakeTuple3(PlainStr(self), empty, empty);
  Value before = NewStrOf(t.data, t.data + at);
  Value after = NewStrOf(t.data + at + sep.length, t.end());
  return MakeTuple3(before, NewStr(sep.data, sep.length), after);
}

Value StrPartition(Value self, Value sep) { return Partition(self, sep, false); }
Value StrRpartition(Value self, Value sep) { return Partition(self, sep, true); }

// replace(old, new[, count]).
Value StrReplace(size_t n_args, const Value* args) {
  Text t = TextOf(args[0]);
  Text old_text = TextOf(args[1]);
  Text new_text = TextOf(args[2]);
  SignedWord limit = n_args > 3 ? IntToWord(args[3]) : -1;
  StringBuilder out;
  Text rest = t;
  size_t done = 0;
  if (old_text.length == 0) {
    // Inserts `new` before every code point and at the end.
    const char* p = t.data;
    while (limit < 0 || static_cast<SignedWord>(done) < limit) {
      out.Append(new_text.data, new_text.length);
      ++done;
      if (p == t.end()) break;
      const char* next = p + Utf8Offset(p, static_cast<size_t>(t.end() - p), 1);
      out.Append(p, static_cast<size_t>(next - p));
      p = next;
    }
    out.Append(p, static_cast<size_t>(t.end() - p));
  } else {
    while (limit < 0 || static_cast<SignedWord>(done) < limit) {
      SignedWord at = FindBytes(rest, old_text, false);
      if (at < 0) break;
      out.Append(rest.data, static_cast<size_t>(at));
      out.Append(new_text.data, new_text.length);
      rest.data += static_cast<size_t>(at) + old_text.length;
      rest.length -= static_cast<size_t>(at) + old_text.length;
      ++done;
    }
    out.Append(rest.data, rest.length);
  }
  if (done == 0) return PlainStr(args[0]);
  return StrFromBuilder(out);
}

Value StrRemoveprefix(Value self, Value prefix_value) {
  Text t = TextOf(self);
  Text prefix = TextOf(prefix_value);
  if (prefix.length == 0 || prefix.length > t.length || __builtin_memcmp(t.data, prefix.data, prefix.length) != 0)
    return PlainStr(self);
  return NewStrOf(t.data + prefix.length, t.end());
}

Value StrRemovesuffix(Value self, Value suffix_value) {
  Text t = TextOf(self);
  Text suffix = TextOf(suffix_value);
  if (suffix.length == 0 || suffix.length > t.length ||
      __builtin_memcmp(t.end() - suffix.length, suffix.data, suffix.length) != 0)
    return PlainStr(self);
  return NewStrOf(t.data, t.end() - suffix.length);
}

// --- Padding -------------------------------------------------------------------------------

// center / ljust / rjust(width[, fillchar]): `how` says where the padding
// goes (center splits it as CPython does).
enum class Justify { kLeft, kRight, kCenter };

Value Justified(size_t n_args, const Value* args, Justify how) {
  Text t = TextOf(args[0]);
  SignedWord width = IntToWord(args[1]);
  Text fill = {" ", 1};
  if (n_args > 2) {
    fill = TextOf(args[2]);
    if (Utf8CharCount(fill.data, fill.length) != 1)
      RaiseTypeError("The fill character must be exactly one character long");
  }
  size_t chars = Utf8CharCount(t.data, t.length);
  if (width <= static_cast<SignedWord>(chars)) return PlainStr(args[0]);
  size_t padding = static_cast<size_t>(width) - chars;
  size_t left = how == Justify::kRight ? padding
              : how == Justify::kLeft ? 0
                                      : padding / 2 + (padding & static_cast<size_t>(width) & 1);  // CPython's
  StringBuilder out;
  for (size_t i = 0; i < left; ++i) out.Append(fill.data, fill.length);
  out.Append(t.data, t.length);
  for (size_t i = left; i < padding; ++i) out.Append(fill.data, fill.length);
  return StrFromBuilder(out);
}

Value StrCenter(size_t n, const Value* args) { return Justified(n, args, Justify::kCenter); }
Value StrLjust(size_t n, const Value* args) { return Justified(n, args, Justify::kLeft); }
Value StrRjust(size_t n, const Value* args) { return Justified(n, args, Justify::kRight); }

Value StrZfill(Value self, Value width_value) {
  Text t = TextOf(self);
  SignedWord width = IntToWord(width_value);
  size_t chars = Utf8CharCount(t.data, t.length);
  if (width <= static_cast<SignedWord>(chars)) return PlainStr(self);
  size_t padding = static_cast<size_t>(width) - chars;
  char* data = NewBuffer(t.length + padding);
  size_t sign = t.length > 0 && (t.data[0] == '+' || t.data[0] == '-') ? 1 : 0;
  __builtin_memcpy(data, t.data, sign);
  __builtin_memset(data + sign, '0', padding);
  __builtin_memcpy(data + sign + padding, t.data + sign, t.length - sign);
  return StrFromBuffer(data, t.length + padding);
}

// --- Case and character classes (ASCII only, see the top of the file) ------------------

enum class CaseMap { kLower, kUpper, kSwap, kCapitalize, kTitle };

Value MapCase(Value self, CaseMap how) {
  Text t = TextOf(self);
  char* data = NewBuffer(t.length);
  bool after_cased = false;  // title: the previous character was a letter
  for (size_t i = 0; i < t.length; ++i) {
    char c = t.data[i];
    switch (how) {
      case CaseMap::kLower: c = ToLower(c); break;
      case CaseMap::kUpper: c = ToUpper(c); break;
      case CaseMap::kSwap: c = IsAsciiUpper(static_cast<unsigned char>(c)) ? ToLower(c) : ToUpper(c); break;
      case CaseMap::kCapitalize: c = i == 0 ? ToUpper(c) : ToLower(c); break;
      case CaseMap::kTitle: {
        bool cased = IsAsciiAlpha(static_cast<unsigned char>(c));
        c = after_cased ? ToLower(c) : ToUpper(c);
        after_cased = cased;
        break;
      }
    }
    data[i] = c;
  }
  return StrFromBuffer(data, t.length);
}

Value StrLower(Value self) { return MapCase(self, CaseMap::kLower); }
Value StrUpper(Value self) { return MapCase(self, CaseMap::kUpper); }
Value StrSwapcase(Value self) { return MapCase(self, CaseMap::kSwap); }
Value StrCapitalize(Value self) { return MapCase(self, CaseMap::kCapitalize); }
Value StrTitle(Value self) { return MapCase(self, CaseMap::kTitle); }

// True if the text is not empty and every code point satisfies `test`.
template <bool (*test)(uint32_t)>
Value AllChars(Value self) {
  Text t = TextOf(self);
  if (t.length == 0) return kFalse;
  for (const char* p = t.data; p < t.end();)
    if (!test(Utf8Decode(&p, t.end()))) return kFalse;
  return kTrue;
}

constexpr bool IsAlnumChar(uint32_t c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }
constexpr bool IsAlphaChar(uint32_t c) { return IsAsciiAlpha(c); }
constexpr bool IsDigitChar(uint32_t c) { return IsAsciiDigit(c); }
constexpr bool IsSpaceChar(uint32_t c) { return IsAsciiSpace(c); }

Value StrIsalnum(Value self) { return AllChars<IsAlnumChar>(self); }
Value StrIsalpha(Value self) { return AllChars<IsAlphaChar>(self); }
Value StrIsdigit(Value self) { return AllChars<IsDigitChar>(self); }
Value StrIsspace(Value self) { return AllChars<IsSpaceChar>(self); }

// islower / isupper: at least one letter, and none of the other case.
Value HasOnlyCase(Value self, bool upper) {
  Text t = TextOf(self);
  bool cased = false;
  for (size_t i = 0; i < t.length; ++i) {
    auto c = static_cast<unsigned char>(t.data[i]);
    if (upper ? IsAsciiLower(c) : IsAsciiUpper(c)) return kFalse;
    cased |= upper ? IsAsciiUpper(c) : IsAsciiLower(c);
  }
  return FromBool(cased);
}

Value StrIslower(Value self) { return HasOnlyCase(self, false); }
Value StrIsupper(Value self) { return HasOnlyCase(self, true); }

// encode(encoding='utf-8', errors='strict'): the UTF-8 bytes (see
// CheckEncodable).
Value StrEncode(size_t n_args, const Value* args) {
  if (n_args > 1) TextOf(args[1]);
  Text t = TextOf(args[0]);
  CheckEncodable(t.data, t.length, n_args > 1 ? args[1] : kNull);
  return NewBytes(reinterpret_cast<const uint8_t*>(t.data), t.length);
}

// --- The method table ---------------------------------------------------------------------

constexpr BuiltinFunction kCapitalizeFn(Q_capitalize, StrCapitalize);
constexpr BuiltinFunction kCenterFn(Q_center, 2, 3, StrCenter);
constexpr BuiltinFunction kCountFn(Q_count, 2, 4, StrCount);
constexpr BuiltinFunction kEncodeFn(Q_encode, 1, 3, StrEncode);
constexpr BuiltinFunction kEndswithFn(Q_endswith, 2, 4, StrEndswith);
constexpr BuiltinFunction kFindFn(Q_find, 2, 4, StrFind);
constexpr BuiltinFunction kFormatFn(Q_format, 1, kAnyArgs, StrFormatMethod);
constexpr BuiltinFunction kIndexFn(Q_index, 2, 4, StrIndex);
constexpr BuiltinFunction kIsalnumFn(Q_isalnum, StrIsalnum);
constexpr BuiltinFunction kIsalphaFn(Q_isalpha, StrIsalpha);
constexpr BuiltinFunction kIsdigitFn(Q_isdigit, StrIsdigit);
constexpr BuiltinFunction kIslowerFn(Q_islower, StrIslower);
constexpr BuiltinFunction kIsspaceFn(Q_isspace, StrIsspace);
constexpr BuiltinFunction kIsupperFn(Q_isupper, StrIsupper);
constexpr BuiltinFunction kJoinFn(Q_join, StrJoin);
constexpr BuiltinFunction kLjustFn(Q_ljust, 2, 3, StrLjust);
constexpr BuiltinFunction kLowerFn(Q_lower, StrLower);
constexpr BuiltinFunction kLstripFn(Q_lstrip, 1, 2, StrLstrip);
constexpr BuiltinFunction kPartitionFn(Q_partition, StrPartition);
constexpr BuiltinFunction kRemoveprefixFn(Q_removeprefix, StrRemoveprefix);
constexpr BuiltinFunction kRemovesuffixFn(Q_removesuffix, StrRemovesuffix);
constexpr BuiltinFunction kReplaceFn(Q_replace, 3, 4, StrReplace);
constexpr BuiltinFunction kRfindFn(Q_rfind, 2, 4, StrRfind);
constexpr BuiltinFunction kRindexFn(Q_rindex, 2, 4, StrRindex);
constexpr BuiltinFunction kRjustFn(Q_rjust, 2, 3, StrRjust);
constexpr BuiltinFunction kRpartitionFn(Q_rpartition, StrRpartition);
constexpr BuiltinFunction kRsplitFn(Q_rsplit, 1, 3, StrRsplit);
constexpr BuiltinFunction kRstripFn(Q_rstrip, 1, 2, StrRstrip);
constexpr BuiltinFunction kSplitFn(Q_split, 1, 3, StrSplit);
constexpr BuiltinFunction kSplitlinesFn(Q_splitlines, 1, 2, StrSplitlines);
constexpr BuiltinFunction kStartswithFn(Q_startswith, 2, 4, StrStartswith);
constexpr BuiltinFunction kStripFn(Q_strip, 1, 2, StrStrip);
constexpr BuiltinFunction kSwapcaseFn(Q_swapcase, StrSwapcase);
constexpr BuiltinFunction kTitleFn(Q_title, StrTitle);
constexpr BuiltinFunction kUpperFn(Q_upper, StrUpper);
constexpr BuiltinFunction kZfillFn(Q_zfill, StrZfill);

TAIPAN_CONST_MAP(kStrMethods,
                 {Q_capitalize, &kCapitalizeFn},
                 {Q_center, &kCenterFn},
                 {Q_count, &kCountFn},
                 {Q_encode, &kEncodeFn},
                 {Q_endswith, &kEndswithFn},
                 {Q_find, &kFindFn},
                 {Q_format, &kFormatFn},
                 {Q_index, &kIndexFn},
                 {Q_isalnum, &kIsalnumFn},
                 {Q_isalpha, &kIsalphaFn},
                 {Q_isdigit, &kIsdigitFn},
                 {Q_islower, &kIslowerFn},
                 {Q_isspace, &kIsspaceFn},
                 {Q_isupper, &kIsupperFn},
                 {Q_join, &kJoinFn},
                 {Q_ljust, &kLjustFn},
                 {Q_lower, &kLowerFn},
                 {Q_lstrip, &kLstripFn},
                 {Q_partition, &kPartitionFn},
                 {Q_removeprefix, &kRemoveprefixFn},
                 {Q_removesuffix, &kRemovesuffixFn},
                 {Q_replace, &kReplaceFn},
                 {Q_rfind, &kRfindFn},
                 {Q_rindex, &kRindexFn},
                 {Q_rjust, &kRjustFn},
                 {Q_rpartition, &kRpartitionFn},
                 {Q_rsplit, &kRsplitFn},
                 {Q_rstrip, &kRstripFn},
                 {Q_split, &kSplitFn},
                 {Q_splitlines, &kSplitlinesFn},
                 {Q_startswith, &kStartswithFn},
                 {Q_strip, &kStripFn},
                 {Q_swapcase, &kSwapcaseFn},
                 {Q_title, &kTitleFn},
                 {Q_upper, &kUpperFn},
                 {Q_zfill, &kZfillFn});

}  // namespace

int PlainStrsCompare(Value a, Value b) {
  if (a == b) return 0;
  return Compare(StrTextOf(a), StrTextOf(b));
}

const Type kStrType = {
    .base = {&kTypeType},
    .flags = kTypeBaseAllowed,
    .name = Q_str,
    .make_new = StrMakeNew,
    .print = StrPrint,
    .unary_op = StrUnaryOp,
    .binary_op = StrBinaryOp,
    .subscr = StrSubscr,
    .get_iter = StrGetIter,
    .base_type = &kObjectType,
    .methods = &kStrMethods,
};

// The name natively compiled code compares type words with (native_abi.def);
// an alias can only be defined next to the object it names.
extern "C" [[gnu::alias("_ZN6taipan2rt8kStrTypeE")]] const Type taipan_native_type_str;

}  // namespace taipan::rt
