// float and complex. The precision is fixed per target at build time:
// double on the host, single on microcontrollers with a single-precision
// FPU or none (TAIPAN_FLOAT_IS_DOUBLE selects; see Float below).
#ifndef TAIPAN_RUNTIME_FLOAT_H
#define TAIPAN_RUNTIME_FLOAT_H

#include "runtime/object.h"

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

Value NewFloat(Float f);
Value NewComplex(Float real, Float imag);
bool IsFloat(Value v);
// The value of an int, bool or float as a Float; TypeError otherwise.
Float FloatValue(Value v);
// float(text): Python's syntax (inf, nan, underscores); ValueError.
Value ParseFloat(const char* text, size_t length);
// repr(f): the shortest text that reads back as the same Float.
void PrintFloat(const Printer& out, Float f);

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_FLOAT_H
