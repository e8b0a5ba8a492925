// String formatting: format(value, spec) (FormatValue, also what f-strings
// call), the str formatter (FormatStr), str.format, and printf-style
// formatting (str % args).
//
// Numbers are formatted by their own families (FormatInt in int.cpp,
// FormatFloat in float_format.cpp); this file parses the templates and
// picks the formatter. Widths and precisions of text count code points.
#include "runtime/bytes.h"
#include "runtime/class.h"
#include "runtime/float.h"
#include "runtime/format_spec.h"
#include "runtime/int.h"
#include "runtime/runtime.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace taipan::rt {

namespace {

using Text = StrText;
Text TextOf(Value v) { return StrTextOf(v); }

// The bytes of the first `chars` code points of t (all of it if fewer).
size_t PrefixBytes(Text t, SignedWord chars) {
  if (chars < 0) return t.length;
  return Utf8Offset(t.data, t.length, static_cast<size_t>(chars));
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsFloatTypeCode(char type) {
  return type == 'e' || type == 'E' || type == 'f' || type == 'F' || type == 'g' || type == 'G' || type == '%';
}

[[noreturn]] void RaiseUnknownFormatCode(char code, const char* type_name) {
  char text[2] = {code, 0};
  const char* parts[] = {"unknown format code '", text, "' for object of type '", type_name, "'"};
  RaiseJoined(&kValueErrorType, parts, 5);
}

}  // namespace

// --- format(value, spec) ----------------------------------------------------------

void FormatStr(const Printer& out, Value v, const FormatSpec& spec) {
  if (spec.type != 0 && spec.type != 's') RaiseUnknownFormatCode(spec.type, "str");
  if (spec.sign) RaiseValueError("sign not allowed in string format specifier");
  FormatSpec padded = spec;
  // A '0' before the width pads text with zeros on the right, as CPython
  // does for strs ('ab' formatted with '05' is 'ab000').
  if (spec.zero_pad && (spec.align == 0 || spec.align == '=')) {
    padded.align = '<';
    padded.fill = '0';
  } else if (spec.align == '=') {
    RaiseValueError("'=' alignment not allowed in string format specifier");
  }
  if (spec.grouping) RaiseValueError("cannot specify ',' with 's'");
  Text t = TextOf(v);
  size_t length = PrefixBytes(t, spec.precision);
  PrintPadded(out, padded, '<', t.data, length, Utf8CharCount(t.data, length), 0);
}

Value FormatValue(Value v, const char* spec, size_t length) {
  const Type* type = TypeOf(v);
  if (IsClass(type)) {
    Value method[2];
    LoadMethodOrNull(v, Q___format__, method);
    if (method[0] != kNull) {
      Value spec_str = NewStr(spec, length);
      Value result = method[1] == kNull ? Call1(method[0], spec_str) : Call2(method[0], method[1], spec_str);
      if (!IsStr(result)) {
        const char* parts[] = {"__format__ must return a str, not ", TypeNameOf(result)};
        RaiseJoined(&kTypeErrorType, parts, 2);
      }
      return result;
    }
  }
  if (length == 0) return StrOf(v);
  FormatSpec parsed = ParseFormatSpec(spec, length);
  StringBuilder text;
  Printer out = text.AsPrinter();
  Value native = NativeValue(v);
  if (IsFloat(native)) {
    FormatFloat(out, native, parsed);
  } else if (IsInt(native)) {
    if (IsFloatTypeCode(parsed.type)) FormatFloat(out, native, parsed);
    else FormatInt(out, native, parsed);
  } else if (IsStr(native)) {
    FormatStr(out, native, parsed);
  } else {
    // MicroPython formats str(value) with the spec (CPython raises
    // TypeError for a non-empty spec on a plain object).
    FormatStr(out, StrOf(v), parsed);
  }
  return NewStrTakingBuilder(&text);
}

// --- str.format ---------------------------------------------------------------------

namespace {

struct FormatArgs {
  const Value* positional;
  size_t n_positional;
  const Value* keywords;  // (name, value) pairs
  size_t n_keywords;
  size_t next_auto = 0;
  enum { kUnknown, kAuto, kManual } numbering = kUnknown;
};

bool AllDigits(const char* p, const char* end) {
  if (p == end) return false;
  for (; p < end; ++p)
    if (!IsDigit(*p)) return false;
  return true;
}

SignedWord ParseDecimal(const char* p, const char* end) {
  SignedWord n = 0;
  for (; p < end; ++p) {
    if (n > kSmallIntMax / 10) RaiseValueError("too many decimal digits in format string");
    n = n * 10 + (*p - '0');
  }
  return n;
}

Value PositionalArg(FormatArgs& args, size_t index) {
  if (index >= args.n_positional) RaiseIndexError("tuple index out of range");
  return args.positional[index];
}

// The value a field name names: "", a number or a keyword, then any
// ".attr" and "[key]" parts.
Value LookupField(FormatArgs& args, const char* p, const char* end) {
  const char* name_end = p;
  while (name_end < end && *name_end != '.' && *name_end != '[') ++name_end;
  Value value;
  if (name_end == p) {
    if (args.numbering == FormatArgs::kManual)
      RaiseValueError("can't switch from manual field specification to automatic field numbering");
    args.numbering = FormatArgs::kAuto;
    value = PositionalArg(args, args.next_auto++);
  } else if (AllDigits(p, name_end)) {
    if (args.numbering == FormatArgs::kAuto)
      RaiseValueError("can't switch from automatic field numbering to manual field specification");
    args.numbering = FormatArgs::kManual;
    value = PositionalArg(args, static_cast<size_t>(ParseDecimal(p, name_end)));
  } else {
    value = kNull;
    size_t name_length = static_cast<size_t>(name_end - p);
    for (size_t k = 0; k < args.n_keywords && value == kNull; ++k) {
      size_t length;
      const char* name = QstrData(QstrValue(args.keywords[2 * k]), &length);
      if (length == name_length && __builtin_memcmp(name, p, length) == 0) value = args.keywords[2 * k + 1];
    }
    if (value == kNull) RaiseKeyError(NewStr(p, name_length));
  }
  p = name_end;
  while (p < end) {
    if (*p == '.') {
      const char* attr = ++p;
      while (p < end && *p != '.' && *p != '[') ++p;
      if (p == attr) RaiseValueError("empty attribute in format string");
      Qstr name = QstrIntern(attr, static_cast<size_t>(p - attr));
      if (name == kNoQstr) RaiseMemoryError();
      value = LoadAttr(value, name);
    } else if (*p == '[') {
      const char* key = ++p;
      while (p < end && *p != ']') ++p;
      if (p == end) RaiseValueError("expected '}' before end of string");
      if (p == key) RaiseValueError("empty attribute in format string");
      Value key_value = AllDigits(key, p) ? NewInt(ParseDecimal(key, p)) : NewStr(key, static_cast<size_t>(p - key));
      value = LoadSubscr(value, key_value);
      ++p;  // the ']'
    } else {
      RaiseValueError("only '.' or '[' may follow ']' in format field specifier");
    }
  }
  return value;
}

void FormatTemplate(StringBuilder& out, Text format, FormatArgs& args, int depth);

// One replacement field, `p` just after its '{'; returns the position after
// its '}'.
const char* FormatField(StringBuilder& out, Text format, const char* p, FormatArgs& args, int depth) {
  const char* end = format.end();
  // The field name runs to '!', ':' or '}', skipping over [keys].
  const char* name = p;
  while (p < end && *p != '!' && *p != ':' && *p != '}') {
    if (*p == '[') {
      while (p < end && *p != ']') ++p;
      if (p == end) break;
    } else if (*p == '{') {
      RaiseValueError("unexpected '{' in field name");
    }
    ++p;
  }
  if (p == end) RaiseValueError("unmatched '{' in format");
  const char* name_end = p;
  char conversion = 0;
  if (*p == '!') {
    if (++p == end) RaiseValueError("end of format while looking for conversion specifier");
    conversion = *p++;
    if (p == end) RaiseValueError("unmatched '{' in format");
    if (*p != ':' && *p != '}') RaiseValueError("expected ':' after conversion specifier");
  }
  const char* spec = p;
  const char* spec_end = p;
  bool nested = false;
  if (*p == ':') {
    spec = ++p;
    int level = 1;
    for (; p < end; ++p) {
      if (*p == '{') {
        ++level;
        nested = true;
      } else if (*p == '}' && --level == 0) {
        break;
      }
    }
    if (p == end) RaiseValueError("unmatched '{' in format");
    spec_end = p;
  }
  ++p;  // the closing '}'

  Value value = LookupField(args, name, name_end);
  switch (conversion) {
    case 0: break;
    case 's': value = StrOf(value); break;
    case 'r': value = ReprOf(value); break;
    case 'a': value = AsciiOf(value); break;
    default: {
      char text[2] = {conversion, 0};
      const char* parts[] = {"unknown conversion specifier ", text};
      RaiseJoined(&kValueErrorType, parts, 2);
    }
  }
  Value formatted;
  if (nested) {
    if (depth >= 2) RaiseValueError("Max string recursion exceeded");
    StringBuilder expanded;
    FormatTemplate(expanded, Text{spec, static_cast<size_t>(spec_end - spec)}, args, depth + 1);
    formatted = FormatValue(value, expanded.data ? expanded.data : "", expanded.length);
  } else {
    formatted = FormatValue(value, spec, static_cast<size_t>(spec_end - spec));
  }
  Text t = TextOf(formatted);
  out.Append(t.data, t.length);
  return p;
}

void FormatTemplate(StringBuilder& out, Text format, FormatArgs& args, int depth) {
  const char* p = format.data;
  const char* end = format.end();
  while (p < end) {
    const char* run = p;
    while (p < end && *p != '{' && *p != '}') ++p;
    out.Append(run, static_cast<size_t>(p - run));
    if (p == end) break;
    if (*p == '}') {
      if (p + 1 < end && p[1] == '}') {
        out.Append('}');
        p += 2;
        continue;
      }
      RaiseValueError("single '}' encountered in format string");
    }
    if (p + 1 < end && p[1] == '{') {
      out.Append('{');
      p += 2;
      continue;
    }
    p = FormatField(out, format, p + 1, args, depth);
  }
}

}  // namespace

Value StrFormatMethod(size_t n_args, const Value* args, size_t n_kw, const Value* kw) {
  Text format = TextOf(args[0]);
  FormatArgs format_args{args + 1, n_args - 1, kw, n_kw};
  StringBuilder out;
  FormatTemplate(out, format, format_args, 0);
  return NewStrTakingBuilder(&out);
}

// --- str % args ----------------------------------------------------------------------

namespace {

struct PercentFlags {
  bool left = false;       // '-'
  bool plus = false;       // '+'
  bool space = false;      // ' '
  bool alternate = false;  // '#'
  bool zero = false;       // '0'
  SignedWord width = -1;
  SignedWord precision = -1;
  bool bytes = false;      // formatting bytes: widths count bytes, not characters
};

void AppendRepeated(StringBuilder& out, char c, SignedWord n) {
  for (SignedWord i = 0; i < n; ++i) out.Append(c);
}

// Text padded with spaces to the width (on the right with '-').
void AppendPaddedText(StringBuilder& out, const char* data, size_t length, const PercentFlags& flags) {
  size_t shown = flags.bytes ? length : Utf8CharCount(data, length);
  SignedWord padding = flags.width - static_cast<SignedWord>(shown);
  if (!flags.left) AppendRepeated(out, ' ', padding);
  out.Append(data, length);
  if (flags.left) AppendRepeated(out, ' ', padding);
}

// An int argument of %d, %x, ...: floats are truncated (MicroPython does
// this for every integer conversion).
Value IntegerArgument(Value v) {
  Value native = NativeValue(v);
  if (IsFloat(native)) return Call1(FromType(&kIntType), native);
  if (IsInt(native)) return native;
  // An object that converts itself (__int__, or __index__), as MicroPython
  // and CPython take it; never text.
  const Qstr methods[] = {Q___int__, Q___index__};
  for (Qstr name : methods) {
    Value result = CallMethodIfAny(v, name);
    if (result == kNull) continue;
    if (IsInt(result)) return result;
    break;
  }
  const char* parts[] = {"can't convert ", TypeNameOf(v), " to int"};
  RaiseJoined(&kTypeErrorType, parts, 3);
}

// %d %i %u %x %X %o: sign, prefix ('#'), digits zero-extended to the
// precision, then padded to the width (with zeros after the prefix for '0').
void AppendPercentInt(StringBuilder& out, Value v, int base, bool upper, const PercentFlags& flags) {
  StringBuilder digits;
  PrintInt(digits.AsPrinter(), IntegerArgument(v), base, false, upper);
  const char* body = digits.data;
  size_t body_length = digits.length;
  bool negative = body_length > 0 && body[0] == '-';
  if (negative) ++body, --body_length;
  char prefix[4];
  size_t prefix_length = 0;
  if (negative) prefix[prefix_length++] = '-';
  else if (flags.plus) prefix[prefix_length++] = '+';
  else if (flags.space) prefix[prefix_length++] = ' ';
  if (flags.alternate && base != 10) {
    prefix[prefix_length++] = '0';
    prefix[prefix_length++] = base == 16 ? (upper ? 'X' : 'x') : 'o';
  }
  SignedWord zeros = flags.precision - static_cast<SignedWord>(body_length);
  if (zeros < 0) zeros = 0;
  SignedWord padding = flags.width - static_cast<SignedWord>(prefix_length + body_length) - zeros;
  if (!flags.left && !flags.zero) AppendRepeated(out, ' ', padding);
  out.Append(prefix, prefix_length);
  if (!flags.left && flags.zero) AppendRepeated(out, '0', padding);
  AppendRepeated(out, '0', zeros);
  for (size_t i = 0; i < body_length; ++i) {
    char c = body[i];
    if (upper && c >= 'a' && c <= 'f') c = static_cast<char>(c - 32);
    if (!upper && c >= 'A' && c <= 'F') c = static_cast<char>(c + 32);
    out.Append(c);
  }
  if (flags.left) AppendRepeated(out, ' ', padding);
}

// %e %f %g (and capitals) through FormatFloat.
void AppendPercentFloat(StringBuilder& out, Value v, char type, const PercentFlags& flags) {
  Value native = NativeValue(v);
  Value number = IsFloat(native) ? native : NewFloat(ConvertToFloat(native));
  FormatSpec spec;
  spec.type = type;
  spec.precision = flags.precision < 0 ? 6 : flags.precision;
  spec.sign = flags.plus ? '+' : flags.space ? ' ' : 0;
  spec.alternate = flags.alternate;
  spec.width = flags.width;
  if (flags.left) {
    spec.align = '<';
  } else if (flags.zero) {
    spec.zero_pad = true;
    spec.fill = '0';
    spec.align = '=';
  } else {
    spec.align = '>';
  }
  FormatFloat(out.AsPrinter(), number, spec);
}

// %c: an int code point or a one-character str.
void AppendPercentChar(StringBuilder& out, Value v, const PercentFlags& flags) {
  char encoded[4];
  const char* data = encoded;
  size_t length;
  if (IsStr(v)) {
    Text t = TextOf(v);
    if (Utf8CharCount(t.data, t.length) != 1) RaiseTypeError("%c requires int or char");
    data = t.data;
    length = t.length;
  } else if (IsInt(NativeValue(v))) {
    SignedWord c = IntToWord(NativeValue(v));
    if (c < 0 || c > 0x10FFFF) RaiseOverflowError("%c arg not in range(0x110000)");
    length = Utf8Encode(static_cast<uint32_t>(c), encoded);
  } else {
    RaiseTypeError("%c requires int or char");
  }
  AppendPaddedText(out, data, length, flags);
}

[[noreturn]] void RaiseUnsupportedCharacter(Text format, const char* at) {
  const char* p = at;
  uint32_t c = Utf8Decode(&p, format.end());
  char shown[5] = {};
  Utf8Encode(c, shown);
  char hex[12];
  size_t n = 0;
  char digits[12];
  uint32_t rest = c;
  do {
    digits[n++] = "0123456789abcdef"[rest & 15];
    rest >>= 4;
  } while (rest);
  for (size_t i = 0; i < n; ++i) hex[i] = digits[n - 1 - i];
  hex[n] = 0;
  char index[24];
  size_t position = Utf8CharCount(format.data, static_cast<size_t>(at - format.data));
  size_t k = sizeof index - 1;
  index[k] = 0;
  do {
    index[--k] = static_cast<char>('0' + position % 10);
    position /= 10;
  } while (position);
  const char* parts[] = {"unsupported format character '", shown, "' (0x", hex, ") at index ", index + k};
  RaiseJoined(&kValueErrorType, parts, 6);
}

// bytes % args's %s and %b: a bytes-like value's bytes, or __bytes__'s.
void AppendPercentBytes(StringBuilder& out, Value v, const PercentFlags& flags) {
  BufferInfo info;
  if (!GetBytesLikeBuffer(v, &info)) {
    Value converted = CallMethodIfAny(v, Q___bytes__);
    if (converted == kNull || !GetBytesLikeBuffer(converted, &info)) {
      const char* parts[] = {"%b requires a bytes-like object, or an object that implements __bytes__, not '",
                             TypeNameOf(v), "'"};
      RaiseJoined(&kTypeErrorType, parts, 3);
    }
  }
  size_t length = flags.precision >= 0 && static_cast<size_t>(flags.precision) < info.length
                      ? static_cast<size_t>(flags.precision)
                      : info.length;
  AppendPaddedText(out, static_cast<const char*>(info.data), length, flags);
}

// bytes % args's %c: an int in range(256) or a single byte.
void AppendPercentByte(StringBuilder& out, Value v, const PercentFlags& flags) {
  BufferInfo info;
  char byte;
  if (IsInt(NativeValue(v))) {
    SignedWord c = IntToWord(NativeValue(v));
    if (c < 0 || c > 255) RaiseOverflowError("%c arg not in range(256)");
    byte = static_cast<char>(c);
  } else if (GetBytesLikeBuffer(v, &info) && info.length == 1) {
    byte = *static_cast<const char*>(info.data);
  } else {
    RaiseTypeError("%c requires an integer in range(256) or a single byte");
  }
  AppendPaddedText(out, &byte, 1, flags);
}

// The arguments of str % args: a tuple's items, or the one value (which is
// also the mapping for %(name)s when it has items).
struct PercentArgs {
  const Value* items;
  size_t count;
  size_t next = 0;
  Value mapping = kNull;

  Value Next() {
    if (next >= count) RaiseTypeError("not enough arguments for format string");
    return items[next++];
  }
};

SignedWord StarArgument(PercentArgs& args) {
  Value v = args.Next();
  if (!IsInt(NativeValue(v))) RaiseTypeError("* wants int");
  return IntToWord(NativeValue(v));
}

// str % args, or bytes % args when `bytes` (the format is then bytes, %s
// and %b take bytes-like values, %c a byte, %r and %a give ascii()).
void PercentFormatInto(StringBuilder& out, Text format, Value args_value, bool bytes) {
  PercentArgs args;
  Value native_args = NativeValue(args_value);
  if (IsSubclass(TypeOf(args_value), &kTupleType)) {
    args.items = AsTuple(native_args)->items;
    args.count = AsTuple(native_args)->length;
  } else {
    args.items = &args_value;
    args.count = 1;
    // As in CPython, any non-str value with items (dict, list, class with
    // __getitem__) may serve %(name)s, and is not required to be consumed.
    const Type* type = TypeOf(args_value);
    bool has_items = IsClass(type) ? LookupInType(type, Q___getitem__) != kNull || (NativeBaseOf(type) && NativeBaseOf(type)->subscr)
                                   : type->subscr != nullptr;
    if (!IsStr(args_value) && has_items) args.mapping = args_value;
  }
  const char* p = format.data;
  const char* end = format.end();
  while (p < end) {
    const char* run = p;
    while (p < end && *p != '%') ++p;
    out.Append(run, static_cast<size_t>(p - run));
    if (p == end) break;
    ++p;  // the %
    if (p == end) RaiseValueError("incomplete format");
    Value value = kNull;
    if (*p == '(') {
      if (args.mapping == kNull) RaiseTypeError("format requires a dict");
      const char* key = ++p;
      int level = 1;
      for (; p < end; ++p) {
        if (*p == '(') ++level;
        else if (*p == ')' && --level == 0) break;
      }
      if (p == end) RaiseValueError("incomplete format key");
      size_t key_length = static_cast<size_t>(p - key);
      Value key_value = bytes ? NewBytes(reinterpret_cast<const uint8_t*>(key), key_length) : NewStr(key, key_length);
      value = LoadSubscr(args.mapping, key_value);
      args.next = args.count;  // the mapping is used up: no positional argument after it
      ++p;
    }
    PercentFlags flags;
    flags.bytes = bytes;
    for (; p < end; ++p) {
      if (*p == '-') flags.left = true;
      else if (*p == '+') flags.plus = true;
      else if (*p == ' ') flags.space = true;
      else if (*p == '#') flags.alternate = true;
      else if (*p == '0') flags.zero = true;
      else break;
    }
    if (p < end && *p == '*') {
      flags.width = StarArgument(args);
      if (flags.width < 0) {
        flags.left = true;
        flags.width = -flags.width;
      }
      ++p;
    } else if (p < end && IsDigit(*p)) {
      const char* digits = p;
      while (p < end && IsDigit(*p)) ++p;
      flags.width = ParseDecimal(digits, p);
    }
    if (p < end && *p == '.') {
      ++p;
      if (p < end && *p == '*') {
        flags.precision = StarArgument(args);
        if (flags.precision < 0) flags.precision = 0;
        ++p;
      } else {
        const char* digits = p;
        while (p < end && IsDigit(*p)) ++p;
        flags.precision = ParseDecimal(digits, p);
      }
    }
    while (p < end && (*p == 'h' || *p == 'l' || *p == 'L')) ++p;
    if (p == end) RaiseValueError("incomplete format");
    char conversion = *p;
    if (conversion == '%') {
      out.Append('%');
      ++p;
      continue;
    }
    if (value == kNull) {
      if (conversion == 's' || conversion == 'r' || conversion == 'a' || conversion == 'd' || conversion == 'i' ||
          conversion == 'u' || conversion == 'x' || conversion == 'X' || conversion == 'o' || conversion == 'c' ||
          IsFloatTypeCode(conversion) || (bytes && conversion == 'b'))
        value = args.Next();
      else
        RaiseUnsupportedCharacter(format, p);
    }
    if (bytes) {
      if (conversion == 's' || conversion == 'b' || conversion == 'c') {
        if (conversion == 'c') AppendPercentByte(out, value, flags);
        else AppendPercentBytes(out, value, flags);
        ++p;
        continue;
      }
      if (conversion == 'r') conversion = 'a';  // %r is %a for bytes
    }
    switch (conversion) {
      case 's':
      case 'r':
      case 'a': {
        Value text_value = conversion == 's' ? StrOf(value) : conversion == 'r' ? ReprOf(value) : AsciiOf(value);
        Text t = TextOf(text_value);
        AppendPaddedText(out, t.data, PrefixBytes(t, flags.precision), flags);
        break;
      }
      case 'd':
      case 'i':
      case 'u': AppendPercentInt(out, value, 10, false, flags); break;
      case 'x': AppendPercentInt(out, value, 16, false, flags); break;
      case 'X': AppendPercentInt(out, value, 16, true, flags); break;
      case 'o': AppendPercentInt(out, value, 8, false, flags); break;
      case 'c': AppendPercentChar(out, value, flags); break;
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G': AppendPercentFloat(out, value, conversion, flags); break;
      default: RaiseUnsupportedCharacter(format, p);
    }
    ++p;
  }
  if (args.next < args.count && args.mapping == kNull)
    RaiseTypeError(bytes ? "not all arguments converted during bytes formatting"
                         : "not all arguments converted during string formatting");
}

}  // namespace

Value StrPercentFormat(Value format_value, Value args_value) {
  StringBuilder out;
  PercentFormatInto(out, TextOf(format_value), args_value, false);
  return NewStrTakingBuilder(&out);
}

void BytesPercentFormat(const char* format, size_t length, Value args, StringBuilder* out) {
  PercentFormatInto(*out, Text{format, length}, args, true);
}

}  // namespace taipan::rt
