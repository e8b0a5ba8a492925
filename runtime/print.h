// Text output: a Printer is where str(), repr() and print() write; a
// StringBuilder collects text in GC memory (to make a str, or a message).
#ifndef TAIPAN_RUNTIME_PRINT_H
#define TAIPAN_RUNTIME_PRINT_H

#include <stddef.h>

#include "runtime/object.h"

namespace taipan::rt {

struct Printer {
  void* context;
  void (*write)(void* context, const char* data, size_t length);
};

void PrintBytes(const Printer& out, const char* data, size_t length);
void PrintCString(const Printer& out, const char* text);
void PrintChar(const Printer& out, char c);
void PrintQstr(const Printer& out, Qstr q);
void PrintSignedWord(const Printer& out, SignedWord n);
// The decimal text of n, NUL-terminated, written at the end of `buffer`;
// returns where it starts (for messages built from pieces).
const char* DecimalText(SignedWord n, char (&buffer)[24]);
// str(v) or repr(v), through the type's print slot (or __str__/__repr__).
void PrintValue(const Printer& out, Value v, PrintKind kind);

// A growable byte buffer in GC memory. It must live where the collector
// scans (a local variable, an object): it holds a pointer to its buffer.
struct StringBuilder {
  char* data = nullptr;
  size_t length = 0;
  size_t capacity = 0;

  void Append(const char* bytes, size_t n);
  void Append(char c) { Append(&c, 1); }
  void AppendCString(const char* text);
  // Room for n more bytes: the returned pointer is valid until the next
  // append; call Commit(n) after writing them.
  char* Reserve(size_t n);
  void Commit(size_t n) { length += n; }
  // A Printer that appends to this builder.
  Printer AsPrinter();
  // The text as a new str (interned when short) / bytes object.
  Value ToStr() const;
  Value ToBytes() const;
};

// The console the runtime prints to (sys.stdout / stderr before the
// program replaces them). Set by the embedder; the default discards.
extern Printer g_stdout_printer;
extern Printer g_stderr_printer;

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_PRINT_H
