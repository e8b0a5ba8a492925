// str. (Initial core: construction, str/repr, equality and hashing; the str
// work fills in the methods.)
#include "runtime/str.h"

#include "runtime/runtime.h"

namespace taipan::rt {

Value NewStr(const char* data, size_t length) {
  Qstr q = QstrFind(data, length);
  if (q != kNoQstr) return FromQstr(q);
  char* copy = static_cast<char*>(Allocate(length + 1, true));
  __builtin_memcpy(copy, data, length);
  return NewStrTakingBuffer(copy, length);
}

Value NewStrFromCString(const char* text) { return NewStr(text, __builtin_strlen(text)); }

Value NewStrTakingBuffer(char* data, size_t length) {
  data[length] = 0;
  auto* str = NewObject<StrObject>(&kStrType);
  str->hash = QstrHash(data, length);
  str->length = length;
  str->data = data;
  return FromPointer(str);
}

Qstr StrToQstr(Value str) {
  if (IsQstr(str)) return QstrValue(str);
  size_t length;
  const char* data = StrBytes(str, &length);
  Qstr q = QstrIntern(data, length);
  if (q == kNoQstr) RaiseMemoryError();
  return q;
}

size_t Utf8CharCount(const char* data, size_t length) {
  size_t count = 0;
  for (size_t i = 0; i < length; ++i) count += (static_cast<unsigned char>(data[i]) & 0xC0) != 0x80;
  return count;
}

namespace {

void StrPrint(const Printer& out, Value self, PrintKind kind) {
  size_t length;
  const char* data = StrBytes(self, &length);
  if (kind == PrintKind::kStr) {
    PrintBytes(out, data, length);
    return;
  }
  PrintChar(out, '\'');
  PrintBytes(out, data, length);
  PrintChar(out, '\'');
}

Value StrUnaryOp(UnaryOp op, Value self) {
  size_t length;
  const char* data = StrBytes(self, &length);
  switch (op) {
    case UnaryOp::kHash: return FromSmallInt(QstrHash(data, length));
    case UnaryOp::kLen: return FromSmallInt(static_cast<SignedWord>(Utf8CharCount(data, length)));
    case UnaryOp::kBool: return FromBool(length != 0);
    default: return kNull;
  }
}

Value StrBinaryOp(BinaryOp op, Value lhs, Value rhs) {
  if (op != BinaryOp::kEqual) return kNull;
  if (!IsStr(rhs)) return kFalse;
  size_t n1, n2;
  const char* d1 = StrBytes(lhs, &n1);
  const char* d2 = StrBytes(rhs, &n2);
  return FromBool(n1 == n2 && __builtin_memcmp(d1, d2, n1) == 0);
}

}  // namespace

const Type kStrType = {
    .base = {&kTypeType},
    .flags = kTypeBaseAllowed,
    .name = Q_str,
    .print = StrPrint,
    .unary_op = StrUnaryOp,
    .binary_op = StrBinaryOp,
    .base_type = &kObjectType,
};

}  // namespace taipan::rt
