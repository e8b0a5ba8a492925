// str: immutable text, stored as UTF-8.
//
// A str value is either a qstr (interned, an immediate) or a StrObject on
// the heap; every operation accepts both. NewStr returns the qstr when the
// text is already interned, so equal short strings are usually one value.
// The hash of a str is QstrHash of its bytes whichever form it has, so the
// two forms of the same text are equal keys in a dict.
// Invariant: `data` is valid UTF-8 (checked where text comes from bytes).
#ifndef TAIPAN_RUNTIME_STR_H
#define TAIPAN_RUNTIME_STR_H

#include <stddef.h>

#include "runtime/object.h"

namespace taipan::rt {

struct StrObject {
  Object base;       // &kStrType (or a subclass's native base)
  size_t hash;       // QstrHash of the bytes
  size_t length;     // in bytes
  const char* data;  // `length` bytes of UTF-8, then a 0 byte
};

// A str holding a copy of `data` (UTF-8, not checked).
Value NewStr(const char* data, size_t length);
Value NewStrFromCString(const char* text);
// A str taking over `data`, a GC allocation of length + 1 bytes ending in 0.
Value NewStrTakingBuffer(char* data, size_t length);
// The qstr for a str value (interning it if needed).
Qstr StrToQstr(Value str);
// Number of code points in `length` bytes of UTF-8.
size_t Utf8CharCount(const char* data, size_t length);

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_STR_H
