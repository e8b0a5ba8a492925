// bytes, bytearray and memoryview: byte sequences sharing one buffer
// protocol (BufferInfo, object.h).
//
// bytes.cpp holds bytes itself and everything the three types share (the
// methods bytes and bytearray both have, repr, comparisons, construction
// from a source object); bytearray.cpp and memoryview.cpp hold what only
// their type does.
#ifndef TAIPAN_RUNTIME_BYTES_H
#define TAIPAN_RUNTIME_BYTES_H

#include <stddef.h>
#include <stdint.h>

#include "runtime/object.h"

namespace taipan::rt {

struct Printer;
struct StringBuilder;

// bytes: immutable. `data` points to `length` bytes followed by a 0 byte
// (a no-scan GC allocation of its own); `hash` is QstrHash of them, like a
// str's, computed once at creation.
struct BytesObject {
  Object base;  // &kBytesType
  size_t hash;
  size_t length;
  const uint8_t* data;
};

// bytearray: mutable, growable. `data` is a no-scan GC allocation of
// `capacity` bytes (capacity >= 1, >= length); bytes [0, length) are the
// contents. Growing may move `data`: never keep a pointer into it across an
// operation that can append (or run Python code).
struct ByteArrayObject {
  Object base;  // &kByteArrayType
  size_t length;
  size_t capacity;
  uint8_t* data;
};

// memoryview: a typed window on another object's buffer.
// The view is [offset, offset + length * itemsize) of the owner's buffer,
// fetched afresh (get_buffer) at each access rather than kept as a
// pointer: a bytearray can move or shrink its storage while a view exists,
// and the view must then neither dangle nor read past the end (the visible
// length is clamped to what the owner still has). `owner` is never itself
// a memoryview (a view of a view refers to the first view's owner) and
// keeps the storage alive.
struct MemoryViewObject {
  Object base;  // &kMemoryViewType
  Value owner;
  size_t offset;   // in bytes, into the owner's buffer
  size_t length;   // in items
  char typecode;   // struct-module code of an item: 'B' unless cast
  bool writable;
};

// Copies of `length` bytes at `data` (null `data`: zero bytes).
Value NewBytes(const uint8_t* data, size_t length);
Value NewByteArray(const uint8_t* data, size_t length);
// A bytes holding a copy of the builder's contents.
Value NewBytesFromBuilder(const StringBuilder& builder);

// True if v is a bytes (or an instance of a subclass of bytes).
bool IsBytes(Value v);

// The size in bytes of one item of a struct-module typecode ('B', 'h',
// 'q', 'f', 'd', ...); 0 for an unknown code.
size_t TypecodeItemSize(char typecode);
// Reads / writes one item of the given typecode at `p` (unaligned).
Value LoadTypedItem(char typecode, const uint8_t* p);
void StoreTypedItem(char typecode, uint8_t* p, Value item);

// --- Shared by bytes.cpp, bytearray.cpp and memoryview.cpp -------------------

// b'...' with Python's escapes and choice of quotes.
void PrintBytesRepr(const Printer& out, const uint8_t* data, size_t length);
// The value of an int that must be a byte: ValueError "bytes value out of
// range" outside 0..255.
uint8_t ByteValue(Value v);
// Appends the bytes of `source` to `out`: its buffer if it has one (str
// excluded), else the ints it iterates over.
void AppendBytesOf(StringBuilder* out, Value source);
// The contents for bytes(...) / bytearray(...) called with these arguments.
void BytesArgumentsToBuilder(StringBuilder* out, size_t n_args, size_t n_kw, const Value* args);
// The buffer of a bytes-like operand (anything with a buffer but str), or
// false.
bool GetBytesLikeBuffer(Value v, BufferInfo* info);
// Comparisons (==, <, ...) of bytes-like data with `rhs`: kNull when rhs
// is not bytes-like. `in`: an int is a byte, a bytes-like a subsequence.
Value BytesLikeCompare(BinaryOp op, const uint8_t* data, size_t length, Value rhs);
bool BytesLikeContains(const uint8_t* data, size_t length, Value item);
// The binary_op slot of bytes, and of bytearray for all but the in-place
// operators: comparisons, `in`, + (with any bytes-like) and * (an int).
// `is_array`: results are bytearrays.
Value BytesLikeBinaryOp(BinaryOp op, Value lhs, Value rhs, bool is_array);
// An iterator over the items of a bytes, bytearray or memoryview.
Value NewBytesIterator(Value sequence);
// memoryview.cpp: item `index` of a view, or kNull past its end.
Value MemoryViewItemOrNull(Value view, size_t index);
// The bytes as lowercase hex digits (a str), `sep` (if not 0) between bytes.
Value BytesToHex(const uint8_t* data, size_t length, char sep);
// The byte `sep` given to hex(): a one-character str or bytes, or 0 for None.
char HexSeparator(Value sep);

// The methods bytes and bytearray share (bytes.cpp); bytearray.cpp lists
// them in its own table with its mutating methods. Each accepts a bytes or
// bytearray self and returns results of self's type.
extern const BuiltinFunction kBytesCenterFn;
extern const BuiltinFunction kBytesCountFn;
extern const BuiltinFunction kBytesDecodeFn;
extern const BuiltinFunction kBytesEndsWithFn;
extern const BuiltinFunction kBytesFindFn;
extern const ConstMethodWrapper kBytesFromHexMethod;
extern const BuiltinFunction kBytesHexFn;
extern const BuiltinFunction kBytesIndexFn;
extern const BuiltinFunction kBytesIsAlnumFn;
extern const BuiltinFunction kBytesIsAlphaFn;
extern const BuiltinFunction kBytesIsDigitFn;
extern const BuiltinFunction kBytesIsLowerFn;
extern const BuiltinFunction kBytesIsSpaceFn;
extern const BuiltinFunction kBytesIsUpperFn;
extern const BuiltinFunction kBytesJoinFn;
extern const BuiltinFunction kBytesLJustFn;
extern const BuiltinFunction kBytesLowerFn;
extern const BuiltinFunction kBytesLStripFn;
extern const BuiltinFunction kBytesPartitionFn;
extern const BuiltinFunction kBytesReplaceFn;
extern const BuiltinFunction kBytesRFindFn;
extern const BuiltinFunction kBytesRIndexFn;
extern const BuiltinFunction kBytesRJustFn;
extern const BuiltinFunction kBytesRPartitionFn;
extern const BuiltinFunction kBytesRSplitFn;
extern const BuiltinFunction kBytesRStripFn;
extern const BuiltinFunction kBytesSplitFn;
extern const BuiltinFunction kBytesSplitLinesFn;
extern const BuiltinFunction kBytesStartsWithFn;
extern const BuiltinFunction kBytesStripFn;
extern const BuiltinFunction kBytesUpperFn;

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_BYTES_H
