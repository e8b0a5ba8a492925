// str: immutable text, stored as UTF-8.
//
// A str value is either a qstr (interned, an immediate) or a StrObject on
// the heap; every operation accepts both. NewStr returns the qstr when the
// text is already interned (and interns one-byte texts), so equal short
// strings are usually one value. The hash of a str is QstrHash of its bytes
// whichever form it has, so the two forms of the same text are equal keys in
// a dict; a StrObject computes it when first asked and keeps it.
// Invariants: `data` is valid UTF-8 (checked where text comes from bytes);
// indexes, lengths, slices and widths seen by Python code count code points,
// while the C++ functions below take byte offsets unless they say otherwise.
// Comparisons order by bytes, which for UTF-8 is the code point order.
#ifndef TAIPAN_RUNTIME_STR_H
#define TAIPAN_RUNTIME_STR_H

#include <stddef.h>
#include <stdint.h>

#include "runtime/object.h"
#include "runtime/print.h"
#include "runtime/runtime.h"

namespace taipan::rt {

struct StrObject {
  Object base;       // &kStrType (or a subclass's native base)
  size_t hash;       // QstrHash of the bytes, or 0 until first needed
  size_t length;     // in bytes
  const char* data;  // `length` bytes of UTF-8, then a 0 byte
};

// A str object of exactly type str (not a qstr, not a subclass instance).
inline bool IsPlainHeapStr(Value v) { return IsObject(v) && ObjectPointer<Object>(v)->type == &kStrType; }
// QstrHash of a StrObject's text, computed on first use and kept.
inline size_t StrObjectHash(StrObject* str) {
  if (str->hash == 0) str->hash = QstrHash(str->data, str->length);
  return str->hash;
}
// Equality of two values that are each a qstr or a plain heap str, by text.
bool PlainStrsEqual(Value a, Value b);
// <0, 0, >0 as the text of a sorts before, with or after b's (each a qstr
// or a plain heap str).
int PlainStrsCompare(Value a, Value b);

// The UTF-8 bytes of a str value (TypeError "can't convert 'int' object to
// str implicitly" for anything else, MicroPython's wording).
struct StrText {
  const char* data;
  size_t length;
  const char* end() const { return data + length; }
};
inline StrText StrTextOf(Value v) {
  StrText t;
  t.data = StrBytes(v, &t.length);
  return t;
}

// A str holding a copy of `data` (UTF-8, not checked).
Value NewStr(const char* data, size_t length);
Value NewStrFromCString(const char* text);
// A new heap str with room for `length` bytes of text right after the
// object (one allocation; the 0 after them is written): the caller writes
// the text. Not interned: for text that may be a qstr's, NewStr.
StrObject* NewStrWithRoom(size_t length);
// A str taking over `data`, a GC allocation of length + 1 bytes ending in 0.
Value NewStrTakingBuffer(char* data, size_t length);
// The text of a StringBuilder as a str, taking over its buffer (the builder
// is left empty).
Value NewStrTakingBuilder(StringBuilder* text);
// The qstr for a str value (interning it if needed).
Qstr StrToQstr(Value str);

// --- UTF-8 ----------------------------------------------------------------------

// Number of code points in `length` bytes of UTF-8.
size_t Utf8CharCount(const char* data, size_t length);
// True if [data, data + length) is well-formed UTF-8 (no overlong forms,
// no surrogates, nothing above U+10FFFF).
bool Utf8IsValid(const char* data, size_t length);
// bytes.decode() and str(buffer, encoding, errors): the text of `length`
// bytes in `encoding` (ASCII when it names it, else UTF-8: MicroPython takes
// any other name for it), with the error handler `errors` (kNull: strict).
// Strict raises UnicodeError; "ignore" drops what cannot be decoded and
// "replace" puts U+FFFD in its place: in UTF-8 one for each byte that starts
// no sequence, or for a sequence's start with the continuation bytes after
// it that do not complete it; in ASCII one for each byte above 0x7F. Any
// other handler name is strict.
Value DecodeText(const char* data, size_t length, Value encoding, Value errors);
// str.encode() and bytes(str, encoding): text (UTF-8) that `encoding` cannot
// hold raises UnicodeError, as MicroPython does for ASCII (any other name
// means UTF-8, which holds all).
void CheckEncodable(const char* data, size_t length, Value encoding);
// Writes the UTF-8 form of code point `c` (< 0x110000) to `out`; returns
// its length (1 to 4).
size_t Utf8Encode(uint32_t c, char out[4]);
// The code point starting at `*p` (valid UTF-8 before `end`); advances *p.
uint32_t Utf8Decode(const char** p, const char* end);
// The byte offset of code point number `chars` (clamped to the end).
size_t Utf8Offset(const char* data, size_t length, size_t chars);

// --- Used by str_format.cpp and other types -----------------------------------

// repr() of text: Python's quoting and escapes.
void PrintStrRepr(const Printer& out, const char* data, size_t length);
// ascii(v): repr(v) with every non-ASCII code point escaped (\xNN, \uNNNN
// or \UNNNNNNNN).
Value AsciiOf(Value v);
// str % args (printf-style formatting).
Value StrPercentFormat(Value format, Value args);
// bytes % args into `out`: the format's `length` bytes stay put meanwhile.
void BytesPercentFormat(const char* format, size_t length, Value args, StringBuilder* out);
// str.format(self, *args, **kwargs) as a builtin method (self is args[0]).
Value StrFormatMethod(size_t n_args, const Value* args, size_t n_kw, const Value* kw);

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_STR_H
