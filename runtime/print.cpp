#include "runtime/print.h"

#include "runtime/bytes.h"
#include "runtime/runtime.h"
#include "runtime/str.h"

namespace taipan::rt {

namespace {
void DiscardOutput(void*, const char*, size_t) {}
}  // namespace

Printer g_stdout_printer = {nullptr, DiscardOutput};
Printer g_stderr_printer = {nullptr, DiscardOutput};

void PrintBytes(const Printer& out, const char* data, size_t length) { out.write(out.context, data, length); }
void PrintCString(const Printer& out, const char* text) { PrintBytes(out, text, __builtin_strlen(text)); }
void PrintChar(const Printer& out, char c) { PrintBytes(out, &c, 1); }

void PrintQstr(const Printer& out, Qstr q) {
  size_t length;
  const char* data = QstrData(q, &length);
  PrintBytes(out, data, length);
}

const char* DecimalText(SignedWord n, char (&buffer)[24]) {
  size_t i = sizeof buffer;
  buffer[--i] = 0;
  Word magnitude = n < 0 ? Word{0} - static_cast<Word>(n) : static_cast<Word>(n);
  do {
    buffer[--i] = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude);
  if (n < 0) buffer[--i] = '-';
  return buffer + i;
}

void PrintSignedWord(const Printer& out, SignedWord n) {
  char buffer[24];
  PrintCString(out, DecimalText(n, buffer));
}

void PrintValue(const Printer& out, Value v, PrintKind kind) {
  const Type* type = TypeOf(v);
  if (type->print) {
    type->print(out, v, kind);
    return;
  }
  // A type without a print slot prints as <name object at 0x...> (object's).
  kObjectType.print(out, v, kind);
}

void StringBuilder::Append(const char* bytes, size_t n) {
  __builtin_memcpy(Reserve(n), bytes, n);
  length += n;
}

void StringBuilder::AppendCString(const char* text) { Append(text, __builtin_strlen(text)); }

char* StringBuilder::Reserve(size_t n) {
  if (length + n + 1 > capacity) {
    size_t grown = capacity ? capacity * 2 : 16;
    while (grown < length + n + 1) grown *= 2;
    data = static_cast<char*>(data ? Reallocate(data, grown) : Allocate(grown, true));
    capacity = grown;
  }
  return data + length;
}

namespace {
void AppendToBuilder(void* context, const char* data, size_t length) {
  static_cast<StringBuilder*>(context)->Append(data, length);
}
}  // namespace

Printer StringBuilder::AsPrinter() { return Printer{this, AppendToBuilder}; }

Value StringBuilder::ToStr() const { return NewStr(data ? data : "", length); }

Value StringBuilder::ToBytes() const { return NewBytes(reinterpret_cast<const uint8_t*>(data ? data : ""), length); }

}  // namespace taipan::rt
