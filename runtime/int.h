// int: small ints are immediates (value.h); larger ones are BigIntObjects
// holding bigint.h digits. Every operation returns a small int whenever the
// result fits one (so a big int is never equal to a small int by identity
// rules: normalised results keep `is` and dict keys consistent).
#ifndef TAIPAN_RUNTIME_INT_H
#define TAIPAN_RUNTIME_INT_H

#include <stddef.h>
#include <stdint.h>

#include "runtime/object.h"

namespace taipan::rt {

// An int with the value n (small when it fits).
Value NewInt(SignedWord n);
Value NewIntFromUnsigned(Word n);
Value NewIntFromLongLong(long long n);
// True for int and bool values (and int subclasses).
bool IsInt(Value v);
// The value if it fits a machine word.
bool IntFitsWord(Value v, SignedWord* out);
// int(text, base) with Python's syntax (underscores, prefixes, base 0);
// raises ValueError "invalid syntax for integer with base N".
Value ParseInt(const char* text, size_t length, int base);
// Prints v in `base` (2, 8, 10 or 16) with Python's prefixes when asked.
void PrintInt(const Printer& out, Value v, int base, bool prefix, bool upper);

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_INT_H
