// Format specifications: the mini-language of format(), str.format and
// f-strings ("[[fill]align][sign][#][0][width][,|_][.precision][type]"),
// parsed once and applied by each type's formatter.
#ifndef TAIPAN_RUNTIME_FORMAT_SPEC_H
#define TAIPAN_RUNTIME_FORMAT_SPEC_H

#include <stddef.h>

#include "runtime/object.h"
#include "runtime/print.h"

namespace taipan::rt {

struct FormatSpec {
  char fill = ' ';       // (ASCII fill only, as MicroPython)
  char align = 0;        // '<', '>', '^', '=' or 0 (the type's default)
  char sign = 0;         // '+', '-', ' ' or 0
  bool alternate = false;  // '#'
  bool zero_pad = false;   // '0' before the width
  char grouping = 0;     // ',' or '_' or 0
  SignedWord width = -1;      // -1: none
  SignedWord precision = -1;  // -1: none
  char type = 0;         // 'd', 'x', 'f', 's', ... or 0
};

// Parses `spec`; raises ValueError "invalid format specifier" on bad input.
FormatSpec ParseFormatSpec(const char* spec, size_t length);

// Writes `body` (already formatted, UTF-8, `chars` code points long) to
// `out`, padded to spec.width with spec.fill as spec.align says (default
// `default_align`). For '=' alignment, `sign_length` leading bytes of body
// (sign and prefix such as "-0x") stay before the padding.
void PrintPadded(const Printer& out, const FormatSpec& spec, char default_align, const char* body,
                 size_t length, size_t chars, size_t sign_length);

// format(value, spec) for each family (the spec already parsed); each
// raises ValueError for a type code it does not accept.
void FormatInt(const Printer& out, Value v, const FormatSpec& spec);     // int.cpp
void FormatFloat(const Printer& out, Value v, const FormatSpec& spec);   // float_format.cpp (int too)
void FormatStr(const Printer& out, Value v, const FormatSpec& spec);     // str_format.cpp
// format(value, spec) for any value: dispatches on the type, calls
// __format__ of classes, else formats str(value). Returns a str.
Value FormatValue(Value v, const char* spec, size_t length);             // str_format.cpp

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_FORMAT_SPEC_H
