// bytes, bytearray and memoryview: byte sequences sharing one buffer
// protocol (BufferInfo, object.h).
#ifndef TAIPAN_RUNTIME_BYTES_H
#define TAIPAN_RUNTIME_BYTES_H

#include <stddef.h>
#include <stdint.h>

#include "runtime/object.h"

namespace taipan::rt {

// bytes: immutable; the data follows the header (and a 0 byte after it).
struct BytesObject {
  Object base;  // &kBytesType
  size_t hash;
  size_t length;
  const uint8_t* data;
};

// bytearray: mutable, growable.
struct ByteArrayObject {
  Object base;  // &kByteArrayType
  size_t length;
  size_t capacity;
  uint8_t* data;
};

// memoryview: a typed window on another object's buffer.
struct MemoryViewObject {
  Object base;  // &kMemoryViewType
  Value owner;
  uint8_t* data;
  size_t length;   // in items
  char typecode;   // 'B' unless cast
  bool writable;
};

Value NewBytes(const uint8_t* data, size_t length);
Value NewByteArray(const uint8_t* data, size_t length);

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_BYTES_H
