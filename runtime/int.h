// int: small ints are immediates (value.h); larger ones are BigIntObjects
// holding bigint.h digits. Every operation returns a small int whenever the
// result fits one (so a big int is never equal to a small int by identity
// rules: normalised results keep `is` and dict keys consistent).
#ifndef TAIPAN_RUNTIME_INT_H
#define TAIPAN_RUNTIME_INT_H

#include <stddef.h>
#include <stdint.h>

#include "runtime/bigint.h"
#include "runtime/float.h"
#include "runtime/object.h"

namespace taipan::rt {

// A big int: an int outside the small-int range.
// Invariants: the digits are normalised (bigint.h: digits[length-1] != 0)
// and the value does not fit a small int (so length > 0). Immutable once
// made; `capacity` may exceed `length` (the bound an operation reserved).
struct BigIntObject {
  Object base;  // &kIntType
  uint32_t length;    // digits in use
  uint32_t capacity;  // digits allocated
  bool negative;
  BigDigit digits[];
};

// An int with the value n (small when it fits).
Value NewInt(SignedWord n);
Value NewIntFromUnsigned(Word n);
Value NewIntFromLongLong(long long n);
// True for int and bool values (and int subclasses).
bool IsInt(Value v);
// The value if it fits a machine word.
bool IntFitsWord(Value v, SignedWord* out);
// The int's value modulo 2**(bits in a word), two's complement for negative
// ones (no OverflowError: the high digits are dropped); TypeError for a
// non-int.
Word IntLowWord(Value v);
// int(text, base) with Python's syntax (underscores, prefixes, base 0);
// raises ValueError "invalid syntax for integer with base N".
Value ParseInt(const char* text, size_t length, int base);
// Prints v in `base` (2, 8, 10 or 16) with Python's prefixes when asked.
void PrintInt(const Printer& out, Value v, int base, bool prefix, bool upper);

// pow(a, b, m) for ints (a negative b takes the modular inverse, as Python
// 3.8+); TypeError for other types, ValueError for m == 0.
Value IntPowMod(Value a, Value b, Value m);
// int(f): truncates toward zero. OverflowError for inf, ValueError for NaN.
Value IntFromFloat(Float f);
// float(v) for an int or bool (rounded to nearest); OverflowError "int too
// large to convert to float" when out of range.
Float IntToFloat(Value v);

// The slots int and bool share (bool.cpp). The binary slot accepts any mix
// of int, bool and int-subclass operands and returns kNull otherwise (a
// float operand is left to float's reflected slot).
Value IntUnaryOp(UnaryOp op, Value self);
Value IntBinaryOp(BinaryOp op, Value lhs, Value rhs);
// lhs op rhs where both should be exact ints (small or big), straight to the
// int arithmetic; anything else takes the generic way (ApplyBinaryOp).
Value ExactIntBinaryOp(BinaryOp op, Value lhs, Value rhs);
Value IntAttr(Value self, Qstr name, AttrOp op, Value value);

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_INT_H
