// float and complex. The precision is fixed per target at build time:
// double on the host, single on microcontrollers with a single-precision
// FPU or none (TAIPAN_FLOAT_IS_DOUBLE selects; see Float below).
//
// Everything here is freestanding: no libm, no strtod/printf. Text
// conversions are exact (big-integer arithmetic, float.cpp): parsing is
// correctly rounded and repr prints the shortest text that reads back as the
// same Float, as CPython does for doubles. The math helpers (FloatFloor,
// FloatFmod, FloatPow, ...) work on double internally whatever Float is.
#ifndef TAIPAN_RUNTIME_FLOAT_H
#define TAIPAN_RUNTIME_FLOAT_H

#include "runtime/object.h"
#include "runtime/print.h"

#ifndef TAIPAN_FLOAT_IS_DOUBLE
#if defined(__x86_64__) || defined(__i386__)
#define TAIPAN_FLOAT_IS_DOUBLE 1
#else
#define TAIPAN_FLOAT_IS_DOUBLE 0
#endif
#endif

namespace taipan::rt {

#if TAIPAN_FLOAT_IS_DOUBLE
using Float = double;
#else
using Float = float;
#endif

struct FloatObject {
  Object base;  // &kFloatType
  Float value;
};

struct ComplexObject {
  Object base;  // &kComplexType
  Float real;
  Float imag;
};

// (Inline: numeric code boxes floats all the time.)
inline Value NewFloat(Float f) {
  auto* obj = NewBlockObject<FloatObject>(&kFloatType);
  obj->value = f;
  return FromPointer(obj);
}
Value NewComplex(Float real, Float imag);
// True for float values and instances of float subclasses.
bool IsFloat(Value v);
bool IsComplex(Value v);
// The parts of a complex (or a complex subclass's instance), or of an int,
// bool or float as (value, 0); TypeError "can't convert X to complex" for
// anything else.
void ComplexParts(Value v, Float* real, Float* imag);
// +, - and * (in place too) of an exact complex `lhs` with an exact complex
// or float: what the complex type's operators give, without their dispatch
// (dynamic code's fast path). Null for anything else.
Value ComplexArithmetic(BinaryOp op, Value lhs, Value rhs);
// abs() of a complex: the correctly rounded hypotenuse; OverflowError when
// it is too large for a float.
Float ComplexAbs(Float real, Float imag);
// The value of an int, bool or float as a Float (correctly rounded for big
// ints; OverflowError "int too big to convert to float"); TypeError otherwise.
Float FloatValue(Value v);
// Like FloatValue, but also accepts objects with __float__; false (and *out
// untouched) when v is none of these.
bool TryFloatValue(Value v, Float* out);
// float(x) of a number: TryFloatValue, else TypeError "can't convert".
Float ConvertToFloat(Value v);

// --- Text ---------------------------------------------------------------------

// float(text): Python's syntax (whitespace around, sign, digits with single
// underscores between them, '.', exponent, inf/infinity/nan in any case);
// correctly rounded. Raises ValueError "invalid syntax for number".
Value ParseFloat(const char* text, size_t length);
// The same without raising: false for a syntax error. No whitespace is
// stripped.
bool ParseFloatText(const char* text, size_t length, Float* out);
// complex(text): '1+2j', '(1-2.5e3J)', 'j', 'nanj', ... ValueError otherwise.
Value ParseComplex(const char* text, size_t length);
// repr(f): the shortest text that reads back as the same Float ('0.1',
// '1e+16', '1.5e-07', 'inf', 'nan', '-0.0', '1.0').
void PrintFloat(const Printer& out, Float f);
// repr's digits without repr's '.0' for integral values when !add_dot_0
// (complex's parts), with a '+' before non-negative values when `plus`.
void PrintFloatShort(const Printer& out, Float f, bool add_dot_0, bool plus);
// printf-style conversion as used by '%' formatting of str: type one of
// e E f F g G (and 'r' for repr-like), precision < 0 means the default (6).
// `alternate` is the '#' flag. Writes sign and digits, no padding.
void FormatFloatPercent(const Printer& out, Float f, char type, int precision, bool alternate);

// Decimal digits of |f| (finite, non-zero), as dtoa gives them: '0'-'9',
// without trailing zeros, value = 0.DIGITS * 10**decpt. Mode 0: shortest
// round-tripping; mode 2: `ndigits` significant digits, correctly rounded;
// mode 3: rounded to `ndigits` places after the point (may then be empty,
// with *decpt = -ndigits, when the value rounds to zero). The digits are
// appended to `out`; returns their count.
size_t FloatDigits(Float f, int mode, int ndigits, StringBuilder& out, int* decpt);

// --- Numbers --------------------------------------------------------------------

// round(x, ndigits) for a float x; ndigits kNone (or kNull) returns an int
// (round half to even); otherwise a float rounded on its exact decimal value.
Value FloatRound(Value x, Value ndigits);
// The int with the value of trunc(f); OverflowError for inf, ValueError for nan.
Value FloatToInt(Float f);
// Python's float // and % and divmod (ZeroDivisionError "divide by zero").
Float FloatFloorDivide(Float a, Float b);
Float FloatModulo(Float a, Float b);
// Python's float ** float: a float, or a complex for a negative base and a
// fractional exponent; ZeroDivisionError for 0.0 to a negative power.
Value FloatPower(Float a, Float b);
// a ** b for complex operands, as CPython (exact repeated multiplication for
// small integral real exponents); ZeroDivisionError "0.0 to a negative or
// complex power".
Value ComplexPower(Float a_real, Float a_imag, Float b_real, Float b_imag);
// hash(f): an integral float hashes as the int of the same value.
SignedWord HashFloat(Float f);

// Math helpers (freestanding replacements for libm; double precision).
double FloatFloor(double x);
double FloatCeil(double x);
double FloatTrunc(double x);
double FloatFmod(double x, double y);      // exact, like C fmod
double FloatSqrt(double x);                // correctly rounded
double FloatLdexp(double x, int e);
double FloatFrexp(double x, int* e);       // like C frexp
double FloatPow(double x, double y);       // like C pow (errors of about an ulp)
double FloatExp(double x);
double FloatLog(double x);
double FloatSin(double x);
double FloatCos(double x);
double FloatAtan2(double y, double x);
double FloatHypot(double x, double y);
// Inline: the hot paths of float and complex arithmetic test these.
inline bool FloatIsNan(double x) { return x != x; }
inline bool FloatIsInf(double x) {
  uint64_t bits;
  __builtin_memcpy(&bits, &x, sizeof bits);
  return (bits << 1) == (uint64_t{0x7ff} << 53);
}
inline bool FloatIsFinite(double x) {
  uint64_t bits;
  __builtin_memcpy(&bits, &x, sizeof bits);
  return ((bits >> 52) & 0x7ff) != 0x7ff;
}
double FloatCopySign(double x, double sign);

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_FLOAT_H
