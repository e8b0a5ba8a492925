// bytes. (Initial core: the types and constructors; the bytes work fills in
// bytes, bytearray and memoryview.)
#include "runtime/bytes.h"

#include "runtime/runtime.h"

namespace taipan::rt {

Value NewBytes(const uint8_t* data, size_t length) {
  uint8_t* copy = static_cast<uint8_t*>(Allocate(length + 1, true));
  __builtin_memcpy(copy, data, length);
  auto* bytes = NewObject<BytesObject>(&kBytesType);
  bytes->hash = QstrHash(reinterpret_cast<const char*>(copy), length);
  bytes->length = length;
  bytes->data = copy;
  return FromPointer(bytes);
}

Value NewByteArray(const uint8_t* data, size_t length) {
  uint8_t* copy = static_cast<uint8_t*>(Allocate(length ? length : 1, true));
  __builtin_memcpy(copy, data, length);
  auto* array = NewObject<ByteArrayObject>(&kByteArrayType);
  array->length = length;
  array->capacity = length ? length : 1;
  array->data = copy;
  return FromPointer(array);
}

const Type kBytesType = {.base = {&kTypeType}, .flags = kTypeBaseAllowed, .name = Q_bytes, .base_type = &kObjectType};
const Type kByteArrayType = {
    .base = {&kTypeType}, .flags = kTypeBaseAllowed, .name = Q_bytearray, .base_type = &kObjectType};
const Type kMemoryViewType = {.base = {&kTypeType}, .name = Q_memoryview, .base_type = &kObjectType};

}  // namespace taipan::rt
