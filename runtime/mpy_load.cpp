// Loading a bytecode .mpy (version 6): header, qstr table, constant
// objects and the raw code tree, checked byte by byte so that a truncated or
// corrupt file raises ValueError instead of reading out of bounds. Every
// raw code then goes through the verifier (mpy_verify.cpp) before anything
// can run it. The module's natively compiled code, when it has some, is
// attached to the raw codes last.
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/exception.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/print.h"
#include "runtime/qstr.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/vm.h"

namespace taipan::rt {

// mpy_verify.cpp: decodes raw->code's prelude into raw's fields and checks
// every instruction; nullptr when the code is sound, else the reason.
const char* VerifyRawCode(RawCode* raw, const ModuleContext* context);

namespace {

// MicroPython's static qstrs: an .mpy names the n-th (1-based) instead of
// spelling it out.
struct StaticQstr {
  const char* text;
  uint8_t length;
};
constexpr StaticQstr kStaticQstrs[] = {
#define STATIC_QSTR(text) {text, sizeof(text) - 1},
#include "runtime/mpy_static_qstrs.def"
};
constexpr size_t kStaticQstrCount = sizeof(kStaticQstrs) / sizeof(kStaticQstrs[0]);

// Deeper nesting than this (tuples in constants, functions in functions)
// is refused so that a crafted file cannot exhaust the C stack.
constexpr unsigned kMaxNesting = 64;

[[noreturn]] void RaiseMalformed(const char* reason) {
  const char* parts[] = {"malformed .mpy file: ", reason};
  RaiseJoined(&kValueErrorType, parts, 2);
}

[[noreturn]] void RaiseIncompatible() { RaiseValueError("incompatible .mpy file"); }

struct Reader {
  const uint8_t* p;
  const uint8_t* end;

  uint8_t Byte() {
    if (p >= end) RaiseMalformed("truncated");
    return *p++;
  }
  size_t Uint() {
    size_t value;
    if (!bytecode::DecodeUint(&p, end, &value)) RaiseMalformed("truncated");
    return value;
  }
  // `length` bytes in place, followed by the NUL the format stores after
  // strings.
  const uint8_t* Bytes(size_t length, bool nul_follows) {
    if (length > static_cast<size_t>(end - p) || (nul_follows && length == static_cast<size_t>(end - p)))
      RaiseMalformed("truncated");
    const uint8_t* start = p;
    p += length + (nul_follows ? 1 : 0);
    return start;
  }
};

Qstr InternText(const uint8_t* data, size_t length) {
  if (!Utf8IsValid(reinterpret_cast<const char*>(data), length)) RaiseMalformed("bad UTF-8");
  if (length >= 0xffff) RaiseMalformed("qstr too long");
  Qstr q = QstrIntern(reinterpret_cast<const char*>(data), length);
  if (q == kNoQstr) RaiseMemoryError();
  return q;
}

Qstr LoadQstr(Reader* in) {
  size_t n = in->Uint();
  if (n & 1) {  // a static qstr
    size_t index = n >> 1;
    if (index == 0 || index > kStaticQstrCount) RaiseMalformed("bad static qstr");
    const StaticQstr& s = kStaticQstrs[index - 1];
    Qstr q = QstrIntern(s.text, s.length);  // our own table: valid UTF-8, short
    if (q == kNoQstr) RaiseMemoryError();
    return q;
  }
  size_t length = n >> 1;
  return InternText(in->Bytes(length, true), length);
}

// A str constant: the qstr when the text is already interned, as
// MicroPython does, else a new str.
Value StrConstant(const uint8_t* data, size_t length) {
  const char* text = reinterpret_cast<const char*>(data);
  if (!Utf8IsValid(text, length)) RaiseMalformed("bad UTF-8");
  Qstr q = QstrFind(text, length);
  return q != kNoQstr ? FromQstr(q) : NewStr(text, length);
}

// float and complex constants are stored as their repr; a complex constant
// is an imaginary literal ("2.5j").
Value NumberConstant(const uint8_t* data, size_t length, bool is_complex) {
  const char* text = reinterpret_cast<const char*>(data);
  if (is_complex) {
    if (length == 0 || (text[length - 1] != 'j' && text[length - 1] != 'J')) RaiseMalformed("bad complex");
    Float imag;
    if (!ParseFloatText(text, length - 1, &imag)) RaiseMalformed("bad complex");
    return NewComplex(0, imag);
  }
  Float f;
  if (!ParseFloatText(text, length, &f)) RaiseMalformed("bad float");
  return NewFloat(f);
}

Value LoadObject(Reader* in, unsigned depth) {
  using bytecode::MpyObj;
  auto tag = static_cast<MpyObj>(in->Byte());
  switch (tag) {
    case MpyObj::None:
      return kNone;
    case MpyObj::False:
      return kFalse;
    case MpyObj::True:
      return kTrue;
    case MpyObj::Ellipsis:
      return EllipsisValue();
    case MpyObj::Tuple: {
      size_t n = in->Uint();
      if (depth >= kMaxNesting) RaiseMalformed("nesting too deep");
      if (n > static_cast<size_t>(in->end - in->p)) RaiseMalformed("truncated");  // each item takes a byte
      Value tuple = NewTuple(n, nullptr);
      for (size_t i = 0; i < n; ++i) AsTuple(tuple)->items[i] = LoadObject(in, depth + 1);
      return tuple;
    }
    case MpyObj::Str:
    case MpyObj::Bytes: {
      size_t length = in->Uint();
      const uint8_t* data = in->Bytes(length, true);
      return tag == MpyObj::Str ? StrConstant(data, length) : NewBytes(data, length);
    }
    case MpyObj::Int: {
      size_t length = in->Uint();
      const uint8_t* data = in->Bytes(length, false);
      for (size_t i = 0; i < length; ++i) {
        uint8_t c = data[i];
        if (!((c >= '0' && c <= '9') || (i == 0 && c == '-'))) RaiseMalformed("bad int");
      }
      return ParseInt(reinterpret_cast<const char*>(data), length, 10);
    }
    case MpyObj::Float:
    case MpyObj::Complex: {
      size_t length = in->Uint();
      return NumberConstant(in->Bytes(length, false), length, tag == MpyObj::Complex);
    }
    default:
      RaiseMalformed("bad constant");  // including the native function table
  }
}

RawCode* LoadRawCode(Reader* in, ModuleContext* context, bool data_is_permanent, unsigned depth) {
  if (depth >= kMaxNesting) RaiseMalformed("nesting too deep");
  size_t kind_len = in->Uint();
  if ((kind_len & 3) + 2 != static_cast<size_t>(bytecode::CodeKind::Bytecode)) RaiseIncompatible();
  size_t size = kind_len >> 3;
  const uint8_t* bytes = in->Bytes(size, false);
  auto* raw = NewObject<RawCode>(&kRawCodeType);
  if (data_is_permanent) {
    raw->code = bytes;
  } else {
    auto* copy = static_cast<uint8_t*>(Allocate(size, /*no_scan=*/true));
    __builtin_memcpy(copy, bytes, size);
    raw->code = copy;
  }
  raw->code_size = size;
  if (kind_len & 4) {
    size_t n = in->Uint();
    if (n > static_cast<size_t>(in->end - in->p)) RaiseMalformed("truncated");  // each child takes a byte
    raw->children = static_cast<RawCode**>(Allocate(n * sizeof(RawCode*)));
    for (size_t i = 0; i < n; ++i) {
      raw->children[i] = LoadRawCode(in, context, data_is_permanent, depth + 1);
      ++raw->n_children;  // only loaded children count, should a later one fail
    }
  }
  if (const char* reason = VerifyRawCode(raw, context)) RaiseMalformed(reason);
  return raw;
}

void CheckHeader(Reader* in) {
  // Too short for a header at all (an empty file, say) is another format,
  // as MicroPython reports it.
  if (in->end - in->p < 4) RaiseIncompatible();
  uint8_t magic = in->Byte(), version = in->Byte(), features = in->Byte(), small_int_bits = in->Byte();
  if (magic != bytecode::kMpyMagic || version != bytecode::kMpyVersion) RaiseIncompatible();
  // Our small ints are one bit narrower than a word.
  if (small_int_bits > sizeof(Word) * 8 - 1) RaiseIncompatible();
  uint8_t arch = bytecode::MpyFeatureArch(features);
  if (arch != 0) {
    if (bytecode::MpyFeatureSubVersion(features) != bytecode::kMpySubVersion) RaiseIncompatible();
    RaiseValueError("native code in .mpy unsupported");
  }
  if (features & bytecode::kMpyFeatureArchFlags) RaiseIncompatible();
}

// ---- native code ----

size_t CountRawCodes(const RawCode* raw) {
  size_t n = 1;
  for (size_t i = 0; i < raw->n_children; ++i) n += CountRawCodes(raw->children[i]);
  return n;
}

// Gives each raw code its entry, in pre-order from entries[*next], and
// lists it at the same index of `raw_codes`.
void AttachNativeEntries(RawCode* raw, const NativeEntry* entries, RawCode** raw_codes, size_t* next) {
  raw_codes[*next] = raw;
  raw->native = entries[(*next)++];
  for (size_t i = 0; i < raw->n_children; ++i) AttachNativeEntries(raw->children[i], entries, raw_codes, next);
}

// The contexts that native code reads through NativeModuleCode::context,
// which is outside the GC heap: this dict (table address -> context) keeps
// them alive. Registered as a root on first use in each heap.
Value g_native_contexts = kNull;

void KeepNativeContextAlive(const NativeModuleCode* native, ModuleContext* context) {
  void** root = reinterpret_cast<void**>(&g_native_contexts);
  // Not registered: a fresh heap (RuntimeInit resets the roots), so the
  // dict of an earlier one is gone.
  if (!gc_remove_root(root)) g_native_contexts = NewDict(1);
  if (!gc_add_root(root, 1)) RaiseMemoryError();
  Value key = FromSmallInt(static_cast<SignedWord>(reinterpret_cast<Word>(native) >> 2));
  DictStore(g_native_contexts, key, FromPointer(context));
}

void AttachNativeCode(RawCode* top, const NativeModuleCode* native, ModuleContext* context) {
  size_t n_raw = CountRawCodes(top);
  if (native->n_functions != n_raw) {
    char a[24], b[24];
    const char* parts[] = {"malformed .mpy file: its native code table has ",
                           DecimalText(static_cast<SignedWord>(native->n_functions), a), " entries for ",
                           DecimalText(static_cast<SignedWord>(n_raw), b), " raw codes"};
    RaiseJoined(&kValueErrorType, parts, 5);
  }
  size_t next = 0;
  context->raw_codes = static_cast<RawCode**>(Allocate(n_raw * sizeof(RawCode*)));
  AttachNativeEntries(top, native->entries, context->raw_codes, &next);
  KeepNativeContextAlive(native, context);
  *native->context = context;
}

}  // namespace

ModuleContext* LoadMpy(const uint8_t* data, size_t size, bool data_is_permanent, Value module, RawCode** top,
                       const NativeModuleCode* native) {
  Reader in{data, data + size};
  CheckHeader(&in);
  size_t n_qstr = in.Uint();
  size_t n_obj = in.Uint();
  // Every table entry takes at least one byte of the file.
  if (n_qstr > size || n_obj > size) RaiseMalformed("truncated");
  auto* context = NewObject<ModuleContext>(&kModuleContextType);
  context->module = module;
  context->qstr_table = static_cast<Qstr*>(Allocate((n_qstr ? n_qstr : 1) * sizeof(Qstr), /*no_scan=*/true));
  context->obj_table = static_cast<Value*>(Allocate((n_obj ? n_obj : 1) * sizeof(Value)));
  for (size_t i = 0; i < n_qstr; ++i) {
    context->qstr_table[i] = LoadQstr(&in);
    context->n_qstr = i + 1;
  }
  for (size_t i = 0; i < n_obj; ++i) {
    context->obj_table[i] = LoadObject(&in, 0);
    context->n_obj = i + 1;
  }
  // Index 0 is the source file name, which tracebacks and __file__ use.
  if (n_qstr == 0) RaiseMalformed("no source name");
  *top = LoadRawCode(&in, context, data_is_permanent, 0);
  if (native != nullptr) AttachNativeCode(*top, native, context);
  return context;
}

}  // namespace taipan::rt
