// The little test harness the bare-metal QEMU programs share: output through
// the startup code's platform_write, and CHECK, which counts failures (the
// program's return value, turned into QEMU's exit status). Freestanding: no
// division or modulo, no C library.
#ifndef TAIPAN_TEST_RUNTIME_QEMU_BARE_TEST_H
#define TAIPAN_TEST_RUNTIME_QEMU_BARE_TEST_H

#include <stddef.h>
#include <stdint.h>

extern "C" void platform_write(const char* s, size_t n);  // startup code

namespace bare_test {

inline int g_failures = 0;

inline size_t Length(const char* s) {
  size_t n = 0;
  while (s[n] != 0) ++n;
  return n;
}

inline void Print(const char* s) { platform_write(s, Length(s)); }

inline void PrintHex(uintptr_t v) {
  char buf[2 + 2 * sizeof(v)];
  buf[0] = '0';
  buf[1] = 'x';
  for (size_t i = 0; i < 2 * sizeof(v); ++i) {
    unsigned d = (v >> (4 * (2 * sizeof(v) - 1 - i))) & 0xf;
    buf[2 + i] = static_cast<char>(d < 10 ? '0' + d : 'a' + d - 10);
  }
  platform_write(buf, sizeof(buf));
}

inline void Fail(const char* test, int line, const char* what) {
  ++g_failures;
  Print("FAIL ");
  Print(test);
  Print(" line ");
  PrintHex(static_cast<uintptr_t>(line));
  Print(": ");
  Print(what);
  Print("\n");
}

struct Test {
  const char* name;
  void (*run)();
};

// Runs each test, printing "ok" or "FAIL" and its name.
template <size_t N>
void RunTests(const Test (&tests)[N]) {
  for (const Test& test : tests) {
    int before = g_failures;
    test.run();
    Print(g_failures == before ? "ok   " : "FAIL ");
    Print(test.name);
    Print("\n");
  }
}

// The summary line and the program's result (QEMU's exit status).
inline int Finish(const char* suite) {
  Print(suite);
  Print(g_failures == 0 ? ": all tests passed\n" : ": FAILURES\n");
  return g_failures;
}

}  // namespace bare_test

#define CHECK(cond)                                         \
  do {                                                      \
    if (!(cond)) bare_test::Fail(__func__, __LINE__, #cond); \
  } while (0)

#endif  // TAIPAN_TEST_RUNTIME_QEMU_BARE_TEST_H
