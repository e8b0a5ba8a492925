// MicroPython's bytecode format (.mpy version 6): opcodes, operand
// encodings, the function prelude and line-number info. Header-only and
// freestanding (stdint/stddef only) because the portable emitter
// (backends/bytecode), the .mpy tools (backends/mpy), the runtime's .mpy
// loader and verifier and the VM all share it. The opcode list is
// runtime/bytecode.def.
//
// A bytecode function ("raw code") is one byte string:
//   signature     var-length bit-interleaved (EncodeSignature)
//   prelude size  var-length bit-interleaved: n_info, n_cells (EncodePreludeSize)
//   info section  n_info bytes: simple name (var-uint qstr index), one
//                 var-uint qstr index per positional and keyword-only
//                 argument name, then line-number info (DecodeLineInfo)
//   cell section  n_cells bytes: the local number of each cell
//   opcodes
// Qstr operands are indices into the module's qstr table, object operands
// indices into its object table, child operands indices into the raw code's
// own children.
#ifndef TAIPAN_RUNTIME_BYTECODE_H
#define TAIPAN_RUNTIME_BYTECODE_H

#include <stddef.h>
#include <stdint.h>

namespace taipan::bytecode {

// ---- .mpy file constants ----
constexpr uint8_t kMpyMagic = 'M';
constexpr uint8_t kMpyVersion = 6;
constexpr uint8_t kMpySubVersion = 3;
constexpr uint8_t kMpyFeatureArchFlags = 0x40;  // header byte 2: arch flags follow
// Header byte 2 = arch << 2 | sub-version (sub-version only checked for native code).
constexpr uint8_t MpyFeatureArch(uint8_t features) { return (features >> 2) & 0x2f; }
constexpr uint8_t MpyFeatureSubVersion(uint8_t features) { return features & 3; }

// Kinds of raw code in a .mpy (low two bits of kind_len, plus 2).
enum class CodeKind : uint8_t { Bytecode = 2, NativePy = 3, NativeViper = 4, NativeAsm = 5 };

// Tags of constant objects in a .mpy's object table.
enum class MpyObj : uint8_t {
  FunTable = 0,
  None = 1,
  False = 2,
  True = 3,
  Ellipsis = 4,
  Str = 5,
  Bytes = 6,
  Int = 7,  // decimal text
  Float = 8,  // repr text
  Complex = 9,  // repr text
  Tuple = 10,  // var-uint count, then that many objects
};

// ---- scope flags (signature F field holds the low four) ----
constexpr unsigned kScopeGenerator = 0x01;
constexpr unsigned kScopeVarKeywords = 0x02;
constexpr unsigned kScopeVarArgs = 0x04;
constexpr unsigned kScopeDefKwArgs = 0x08;
constexpr unsigned kScopeSignatureMask = 0x0f;

// ---- opcodes ----
enum class Operand : uint8_t { None, Qstr, Uint, Sint, Obj, Child, Jump, Fwd };

enum Opcode : uint8_t {
#define OPCODE(Name, code, operand, extra_byte, stack_effect) kOp_##Name = code,
#define OPCODE_RANGE(Name, first, count, stack_effect) kOp_##Name = first,
#include "runtime/bytecode.def"
};

#define OPCODE_RANGE(Name, first, count, stack_effect) constexpr unsigned kOpCount_##Name = count;
#include "runtime/bytecode.def"

// Every multi-byte argument appears in one of these places, so a jump
// offset is never wider than two bytes (MicroPython's limit: +-16383 for
// signed offsets, 32767 for forward ones).
constexpr int kJumpMaxSigned = 0x3fff;
constexpr unsigned kJumpMaxForward = 0x7fff;

struct OpcodeInfo {
  const char* name;   // nullptr: not an opcode
  Operand operand;
  bool extra_byte;
  uint8_t range_base;  // first opcode of an OPCODE_RANGE (arg = op - base), else the opcode
  bool is_range;
};

namespace detail {
struct OpcodeTable {
  OpcodeInfo info[256];
  constexpr OpcodeTable() : info() {
    for (auto& i : info) i = OpcodeInfo{nullptr, Operand::None, false, 0, false};
#define OPCODE(Name, code, operand, extra_byte, stack_effect) \
  info[code] = OpcodeInfo{#Name, Operand::operand, extra_byte != 0, code, false};
#define OPCODE_RANGE(Name, first, count, stack_effect) \
  for (unsigned k = 0; k < count; ++k)                  \
    info[first + k] = OpcodeInfo{#Name, Operand::None, false, first, true};
#include "runtime/bytecode.def"
  }
};
inline constexpr OpcodeTable kOpcodeTable{};
}  // namespace detail

constexpr const OpcodeInfo& InfoOf(uint8_t op) { return detail::kOpcodeTable.info[op]; }

// The net stack change of an instruction when it falls through (see
// bytecode.def); `arg` is its decoded argument, `extra` its extra byte.
constexpr int StackEffect(uint8_t op, size_t arg, unsigned extra) {
  (void)arg;
  (void)extra;
  switch (InfoOf(op).range_base) {
#define OPCODE(Name, code, operand, extra_byte, stack_effect) \
  case code:                                                  \
    return stack_effect;
#define OPCODE_RANGE(Name, first, count, stack_effect) \
  case first:                                          \
    return stack_effect;
#include "runtime/bytecode.def"
    default:
      return 0;
  }
}

// ---- operand encodings ----

// Unsigned var-uint: 7 bits per byte, most significant group first, high
// bit set on every byte but the last (also used throughout .mpy files).
inline size_t EncodeUint(uint8_t* out, size_t value) {
  uint8_t tmp[(sizeof(size_t) * 8 + 6) / 7];
  size_t n = 0;
  do {
    tmp[n++] = value & 0x7f;
    value >>= 7;
  } while (value != 0);
  for (size_t i = 0; i < n; ++i) out[i] = tmp[n - 1 - i] | (i + 1 < n ? 0x80 : 0);
  return n;
}

// Decodes a var-uint at *ip (not past `end`); false on truncation or overflow.
inline bool DecodeUint(const uint8_t** ip, const uint8_t* end, size_t* value) {
  const uint8_t* p = *ip;
  if (p < end && !(*p & 0x80)) {  // one byte: most operands
    *ip = p + 1;
    *value = *p;
    return true;
  }
  size_t v = 0;
  for (; p < end; ++p) {
    if (v >> (sizeof(size_t) * 8 - 7)) return false;
    v = (v << 7) | (*p & 0x7f);
    if (!(*p & 0x80)) {
      *ip = p + 1;
      *value = v;
      return true;
    }
  }
  return false;
}

// Signed var-int of LOAD_CONST_SMALL_INT: like a var-uint, two's complement,
// bit 6 of the first byte is the sign.
inline size_t EncodeSint(uint8_t* out, intptr_t value) {
  uint8_t tmp[(sizeof(intptr_t) * 8 + 6) / 7 + 1];
  size_t n = 0;
  do {
    tmp[n++] = value & 0x7f;
    value >>= 7;  // arithmetic shift
  } while (!((value == 0 && !(tmp[n - 1] & 0x40)) || (value == -1 && (tmp[n - 1] & 0x40))));
  for (size_t i = 0; i < n; ++i) out[i] = tmp[n - 1 - i] | (i + 1 < n ? 0x80 : 0);
  return n;
}

inline bool DecodeSint(const uint8_t** ip, const uint8_t* end, intptr_t* value) {
  const uint8_t* p = *ip;
  if (p >= end) return false;
  intptr_t v = (*p & 0x40) ? -1 : 0;
  for (size_t n = 0; p < end; ++p, ++n) {
    if (n == (sizeof(intptr_t) * 8 + 6) / 7) return false;
    v = (intptr_t)(((uintptr_t)v << 7) | (*p & 0x7f));
    if (!(*p & 0x80)) {
      *ip = p + 1;
      *value = v;
      return true;
    }
  }
  return false;
}

// Jump offsets: one byte (high bit clear) or two (low 7 bits first).
// Signed offsets are stored biased by 0x40 (one byte) or 0x4000 (two).
inline size_t EncodeJump(uint8_t* out, intptr_t offset, bool is_signed, bool force_two_bytes) {
  uintptr_t biased_short = (uintptr_t)(offset + (is_signed ? 0x40 : 0));
  if (!force_two_bytes && biased_short < 0x80) {
    out[0] = (uint8_t)biased_short;
    return 1;
  }
  uintptr_t biased = (uintptr_t)(offset + (is_signed ? 0x4000 : 0));
  out[0] = (uint8_t)(0x80 | (biased & 0x7f));
  out[1] = (uint8_t)(biased >> 7);
  return 2;
}

inline bool DecodeJump(const uint8_t** ip, const uint8_t* end, bool is_signed, intptr_t* offset) {
  const uint8_t* p = *ip;
  if (p >= end) return false;
  if (!(p[0] & 0x80)) {
    *offset = (intptr_t)p[0] - (is_signed ? 0x40 : 0);
    *ip = p + 1;
    return true;
  }
  if (p + 1 >= end) return false;
  *offset = (intptr_t)((p[0] & 0x7f) | ((size_t)p[1] << 7)) - (is_signed ? 0x4000 : 0);
  *ip = p + 2;
  return true;
}

// ---- the prelude ----

struct Signature {
  size_t n_state = 1;  // locals + value stack slots (>= 1)
  size_t n_exc_stack = 0;
  size_t scope_flags = 0;  // kScope* (low four bits stored)
  size_t n_pos_args = 0;
  size_t n_kwonly_args = 0;
  size_t n_def_pos_args = 0;
};

// Longest encodings the decoders accept: beyond them the fields' shifts
// would pass the width of size_t.
constexpr size_t kMaxSignatureBytes = 16;  // what EncodeSignature writes at most
constexpr unsigned kMaxSignatureExtraBytes = (sizeof(size_t) * 8 - 4) / 2;
constexpr unsigned kMaxPreludeSizeBytes = (sizeof(size_t) * 8) / 6;

// Bit-interleaved as MicroPython does: first byte xSSSSEAA, then xFSSKAED
// bytes while anything is left (x = another byte follows; S = n_state - 1).
inline size_t EncodeSignature(uint8_t* out, const Signature& sig) {
  size_t s = sig.n_state - 1, e = sig.n_exc_stack, f = sig.scope_flags & kScopeSignatureMask;
  size_t a = sig.n_pos_args, k = sig.n_kwonly_args, d = sig.n_def_pos_args;
  size_t n = 0;
  uint8_t z = (uint8_t)((s & 0xf) << 3 | (e & 1) << 2 | (a & 3));
  s >>= 4;
  e >>= 1;
  a >>= 2;
  while (s | e | f | a | k | d) {
    out[n++] = 0x80 | z;
    z = (uint8_t)((f & 1) << 6 | (s & 3) << 4 | (k & 1) << 3 | (a & 1) << 2 | (e & 1) << 1 | (d & 1));
    s >>= 2;
    e >>= 1;
    f >>= 1;
    a >>= 1;
    k >>= 1;
    d >>= 1;
  }
  out[n++] = z;
  return n;
}

inline bool DecodeSignature(const uint8_t** ip, const uint8_t* end, Signature* sig) {
  const uint8_t* p = *ip;
  if (p >= end) return false;
  uint8_t z = *p++;
  size_t s = (z >> 3) & 0xf, e = (z >> 2) & 1, f = 0, a = z & 3, k = 0, d = 0;
  for (unsigned n = 0; z & 0x80; ++n) {
    if (p >= end || n >= kMaxSignatureExtraBytes) return false;
    z = *p++;
    s |= (size_t)((z >> 4) & 3) << (4 + 2 * n);
    e |= (size_t)((z >> 1) & 1) << (1 + n);
    f |= (size_t)((z >> 6) & 1) << n;
    a |= (size_t)((z >> 2) & 1) << (2 + n);
    k |= (size_t)((z >> 3) & 1) << n;
    d |= (size_t)(z & 1) << n;
  }
  *sig = Signature{s + 1, e, f, a, k, d};
  *ip = p;
  return true;
}

// Prelude size: bytes xIIIIIIC, least significant groups first.
inline size_t EncodePreludeSize(uint8_t* out, size_t n_info, size_t n_cells) {
  size_t n = 0;
  do {
    uint8_t z = (uint8_t)((n_info & 0x3f) << 1 | (n_cells & 1));
    n_cells >>= 1;
    n_info >>= 6;
    if (n_cells | n_info) z |= 0x80;
    out[n++] = z;
  } while (n_cells | n_info);
  return n;
}

inline bool DecodePreludeSize(const uint8_t** ip, const uint8_t* end, size_t* n_info, size_t* n_cells) {
  size_t info = 0, cells = 0;
  for (unsigned n = 0;; ++n) {
    if (*ip >= end || n >= kMaxPreludeSizeBytes) return false;
    uint8_t z = *(*ip)++;
    cells |= (size_t)(z & 1) << n;
    info |= (size_t)((z & 0x7e) >> 1) << (6 * n);
    if (!(z & 0x80)) break;
  }
  *n_info = info;
  *n_cells = cells;
  return true;
}

// Line-number info: a run of (bytecode increment, line increment) entries,
// either 0LLBBBBB (one byte) or 1LLLBBBB LLLLLLLL (two bytes).
struct LineStep {
  size_t bc_increment;
  size_t line_increment;
};

constexpr size_t kLineStepOneByteMaxBc = 0x1f;
constexpr size_t kLineStepOneByteMaxLine = 0x3;
constexpr size_t kLineStepTwoByteMaxBc = 0xf;
constexpr size_t kLineStepTwoByteMaxLine = 0x7ff;

inline bool DecodeLineStep(const uint8_t** ip, const uint8_t* end, LineStep* step) {
  const uint8_t* p = *ip;
  if (p >= end) return false;
  uint8_t c = p[0];
  if (!(c & 0x80)) {
    *step = LineStep{(size_t)(c & 0x1f), (size_t)(c >> 5)};
    *ip = p + 1;
    return true;
  }
  if (p + 1 >= end) return false;
  *step = LineStep{(size_t)(c & 0xf), (size_t)(((c << 4) & 0x700) | p[1])};
  *ip = p + 2;
  return true;
}

// Appends the entries that advance by `bc` bytes and then `lines` lines;
// returns the number of bytes written (out needs room for all of them; pass
// nullptr to count). The bytes are skipped first: a line increment applies
// from the end of its entry's bytes on, so attaching it to an early chunk
// would move the previous line's last instructions onto the new line.
inline size_t EncodeLineSteps(uint8_t* out, size_t bc, size_t lines) {
  size_t n = 0;
  auto put = [&](size_t b, size_t l) {
    if (l <= kLineStepOneByteMaxLine) {
      if (out) out[n] = (uint8_t)(b | l << 5);
      n += 1;
    } else {
      if (out) {
        out[n] = (uint8_t)(0x80 | b | ((l >> 4) & 0x70));
        out[n + 1] = (uint8_t)(l & 0xff);
      }
      n += 2;
    }
  };
  size_t max_bc = lines <= kLineStepOneByteMaxLine ? kLineStepOneByteMaxBc : kLineStepTwoByteMaxBc;
  while (bc > max_bc) {
    put(kLineStepOneByteMaxBc < bc ? kLineStepOneByteMaxBc : bc, 0);
    bc -= kLineStepOneByteMaxBc < bc ? kLineStepOneByteMaxBc : bc;
  }
  do {
    size_t l = lines < kLineStepTwoByteMaxLine ? lines : kLineStepTwoByteMaxLine;
    put(bc, l);
    bc = 0;
    lines -= l;
  } while (lines > 0);
  return n;
}

}  // namespace taipan::bytecode

#endif  // TAIPAN_RUNTIME_BYTECODE_H
