// The format-spec mini-language: parsing and padding, shared by the int,
// float and str formatters (each type's FormatX lives with the type).
//
// The '0' flag follows CPython (Objects/stringlib/unicode_format.h): when no
// fill character is given, '0' before the width makes the fill '0', and for
// types whose default alignment is '>' (numbers) without an explicit
// alignment it also means '=' (sign-aware). Parsing cannot know the type's
// default, so the '=' part is applied by PrintPadded from `default_align`.
#include "runtime/format_spec.h"

#include "runtime/runtime.h"

namespace taipan::rt {

namespace {

bool IsAlignChar(char c) { return c == '<' || c == '>' || c == '^' || c == '='; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

[[noreturn]] void RaiseInvalidSpec() { RaiseValueError("invalid format specifier"); }

// Reads a run of decimal digits at text[*pos], or returns -1 if there is none.
SignedWord ReadNumber(const char* text, size_t length, size_t* pos) {
  if (*pos >= length || !IsDigit(text[*pos])) return -1;
  constexpr SignedWord kLimit = static_cast<SignedWord>(~Word{0} >> 1) / 10 - 1;
  SignedWord n = 0;
  while (*pos < length && IsDigit(text[*pos])) {
    if (n > kLimit) RaiseValueError("too many decimal digits in format string");
    n = n * 10 + (text[*pos] - '0');
    ++*pos;
  }
  return n;
}

// The alignment PrintPadded applies for this spec and type default.
char EffectiveAlign(const FormatSpec& spec, char default_align) {
  if (spec.align) return spec.align;
  if (spec.zero_pad && default_align == '>') return '=';
  return default_align;
}

void PrintFill(const Printer& out, char fill, size_t count) {
  char chunk[16];
  __builtin_memset(chunk, fill, sizeof chunk);
  while (count > 0) {
    size_t n = count < sizeof chunk ? count : sizeof chunk;
    PrintBytes(out, chunk, n);
    count -= n;
  }
}

}  // namespace

FormatSpec ParseFormatSpec(const char* text, size_t length) {
  FormatSpec spec;
  size_t pos = 0;
  bool fill_given = false;
  // [[fill]align]: a fill is any (ASCII) character followed by an alignment.
  if (length >= 2 && IsAlignChar(text[1]) && static_cast<unsigned char>(text[0]) < 0x80) {
    spec.fill = text[0];
    spec.align = text[1];
    fill_given = true;
    pos = 2;
  } else if (length >= 1 && IsAlignChar(text[0])) {
    spec.align = text[0];
    pos = 1;
  }
  if (pos < length && (text[pos] == '+' || text[pos] == '-' || text[pos] == ' ')) spec.sign = text[pos++];
  if (pos < length && text[pos] == '#') {
    spec.alternate = true;
    ++pos;
  }
  if (!fill_given && pos < length && text[pos] == '0') {
    spec.zero_pad = true;
    spec.fill = '0';
    ++pos;
  }
  spec.width = ReadNumber(text, length, &pos);
  if (pos < length && (text[pos] == ',' || text[pos] == '_')) spec.grouping = text[pos++];
  if (pos < length && text[pos] == '.') {
    ++pos;
    spec.precision = ReadNumber(text, length, &pos);
    if (spec.precision < 0) RaiseValueError("format specifier missing precision");
  }
  if (pos < length) spec.type = text[pos++];
  if (pos != length) RaiseInvalidSpec();
  return spec;
}

void PrintPadded(const Printer& out, const FormatSpec& spec, char default_align, const char* body, size_t length,
                 size_t chars, size_t sign_length) {
  size_t width = spec.width > 0 ? static_cast<size_t>(spec.width) : 0;
  if (chars >= width) {
    PrintBytes(out, body, length);
    return;
  }
  size_t pad = width - chars;
  switch (EffectiveAlign(spec, default_align)) {
    case '<':
      PrintBytes(out, body, length);
      PrintFill(out, spec.fill, pad);
      break;
    case '^':
      PrintFill(out, spec.fill, pad / 2);
      PrintBytes(out, body, length);
      PrintFill(out, spec.fill, pad - pad / 2);
      break;
    case '=':
      if (sign_length > length) sign_length = length;
      PrintBytes(out, body, sign_length);
      PrintFill(out, spec.fill, pad);
      PrintBytes(out, body + sign_length, length - sign_length);
      break;
    default:  // '>'
      PrintFill(out, spec.fill, pad);
      PrintBytes(out, body, length);
      break;
  }
}

}  // namespace taipan::rt
