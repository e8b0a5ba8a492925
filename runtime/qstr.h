// Interned strings (qstrs): each distinct string has one small id, so
// equality is an id comparison. The runtime's own names are a constant table
// made at build time (runtime/qstrdefs.txt, tools/gen_qstr.py), which can
// live in flash; strings interned while running go into pools allocated
// from the GC heap and chained together from one root.
#ifndef TAIPAN_RUNTIME_QSTR_H
#define TAIPAN_RUNTIME_QSTR_H

#include <stddef.h>
#include <stdint.h>

#include "runtime/value.h"

namespace taipan::rt {

struct QstrEntry {
  uint16_t hash;    // QstrHash of the bytes; 0 only for id 0
  uint16_t length;  // strings of 65,535 bytes or more are not interned
  const char* data;
};

#include "qstr_table.inc"

constexpr Qstr kNoQstr = 0;
constexpr Qstr kEmptyQstr = 1;

// The hash stored with every qstr (FNV-1a folded to 16 bits, never 0).
uint16_t QstrHash(const char* data, size_t length);

// The id of an interned string, or kNoQstr.
Qstr QstrFind(const char* data, size_t length);

// The id of a string, interning a copy of it if it is new; kNoQstr when the
// heap is full or the string is too long to intern.
Qstr QstrIntern(const char* data, size_t length);

// The qstr of the one-character string chr(c), c < 0x80 (interned on first
// use, then remembered: iterating over a str, indexing it and chr() make
// these all the time); kNoQstr only when the heap is full.
Qstr QstrAsciiChar(unsigned char c);

const char* QstrData(Qstr q, size_t* length);
uint16_t QstrHashOf(Qstr q);
size_t QstrCount();

// Forgets the runtime pools and their root registration, for a heap set up
// again with gc_init (tests; the pools' memory belongs to the GC).
void QstrResetPools();

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_QSTR_H
