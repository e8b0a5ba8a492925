// The C library functions the compilers call on freestanding targets (copy
// loops become memcpy calls, struct assignment memcpy, zeroing memset), and
// the ARM EABI names clang uses for them. Built only for the
// microcontroller libraries; the host uses its C library.
//
// Compiled with -fno-builtin, or the loops below would be "optimised" into
// calls to the very functions they implement.
#include <stddef.h>
#include <stdint.h>

extern "C" {

void* memcpy(void* dest, const void* src, size_t n) {
  auto* d = static_cast<unsigned char*>(dest);
  auto* s = static_cast<const unsigned char*>(src);
  // Whole words when both sides are word aligned (Cortex-M0 faults on
  // unaligned word access, so never otherwise).
  if (((reinterpret_cast<uintptr_t>(d) | reinterpret_cast<uintptr_t>(s)) & (sizeof(uintptr_t) - 1)) == 0) {
    for (; n >= sizeof(uintptr_t); n -= sizeof(uintptr_t)) {
      *reinterpret_cast<uintptr_t*>(d) = *reinterpret_cast<const uintptr_t*>(s);
      d += sizeof(uintptr_t);
      s += sizeof(uintptr_t);
    }
  }
  while (n--) *d++ = *s++;
  return dest;
}

void* memmove(void* dest, const void* src, size_t n) {
  auto* d = static_cast<unsigned char*>(dest);
  auto* s = static_cast<const unsigned char*>(src);
  if (d == s || n == 0) return dest;
  if (d < s || d >= s + n) return memcpy(dest, src, n);
  while (n--) d[n] = s[n];  // overlapping, destination after source: copy backwards
  return dest;
}

void* memset(void* dest, int c, size_t n) {
  auto* d = static_cast<unsigned char*>(dest);
  unsigned char byte = static_cast<unsigned char>(c);
  if ((reinterpret_cast<uintptr_t>(d) & (sizeof(uintptr_t) - 1)) == 0) {
    uintptr_t word = byte;
    for (size_t i = 1; i < sizeof(uintptr_t); ++i) word = (word << 8) | byte;
    for (; n >= sizeof(uintptr_t); n -= sizeof(uintptr_t)) {
      *reinterpret_cast<uintptr_t*>(d) = word;
      d += sizeof(uintptr_t);
    }
  }
  while (n--) *d++ = byte;
  return dest;
}

int memcmp(const void* a, const void* b, size_t n) {
  auto* x = static_cast<const unsigned char*>(a);
  auto* y = static_cast<const unsigned char*>(b);
  for (size_t i = 0; i < n; ++i) {
    if (x[i] != y[i]) return x[i] < y[i] ? -1 : 1;
  }
  return 0;
}

size_t strlen(const char* s) {
  size_t n = 0;
  while (s[n]) ++n;
  return n;
}

#if defined(__ARM_EABI__)
// ARM run-time ABI names. memset's arguments come in another order here.
void __aeabi_memcpy(void* d, const void* s, size_t n) { memcpy(d, s, n); }
void __aeabi_memcpy4(void* d, const void* s, size_t n) { memcpy(d, s, n); }
void __aeabi_memcpy8(void* d, const void* s, size_t n) { memcpy(d, s, n); }
void __aeabi_memmove(void* d, const void* s, size_t n) { memmove(d, s, n); }
void __aeabi_memmove4(void* d, const void* s, size_t n) { memmove(d, s, n); }
void __aeabi_memmove8(void* d, const void* s, size_t n) { memmove(d, s, n); }
void __aeabi_memset(void* d, size_t n, int c) { memset(d, c, n); }
void __aeabi_memset4(void* d, size_t n, int c) { memset(d, c, n); }
void __aeabi_memset8(void* d, size_t n, int c) { memset(d, c, n); }
void __aeabi_memclr(void* d, size_t n) { memset(d, 0, n); }
void __aeabi_memclr4(void* d, size_t n) { memset(d, 0, n); }
void __aeabi_memclr8(void* d, size_t n) { memset(d, 0, n); }
#endif

}  // extern "C"
