// Building .mpy files by hand for the runtime's unit tests (the loader,
// the verifier, native tables): the encoders of runtime/bytecode.h put
// together into qstrs and raw codes.
#ifndef TAIPAN_TEST_RUNTIME_MPY_BUILDER_H
#define TAIPAN_TEST_RUNTIME_MPY_BUILDER_H

#include <stdint.h>

#include <string>
#include <vector>

#include "runtime/bytecode.h"

namespace taipan::rt::testing {

using Bytes = std::vector<uint8_t>;

inline void PutUint(Bytes* out, size_t value) {
  uint8_t buf[16];
  out->insert(out->end(), buf, buf + bytecode::EncodeUint(buf, value));
}

// A qstr spelled out: length << 1, the bytes, a NUL.
inline void PutQstr(Bytes* out, const std::string& text) {
  PutUint(out, text.size() << 1);
  out->insert(out->end(), text.begin(), text.end());
  out->push_back(0);
}

struct RawCodeSpec {
  bytecode::Signature sig;
  size_t name;  // qstr index
  std::vector<size_t> arg_names;
  Bytes line_info;  // encoded line steps (none: no line numbers)
  Bytes cells;
  Bytes opcodes;
  std::vector<Bytes> children;  // already encoded raw codes
};

// A raw code as a .mpy stores it: size and flags, prelude, opcodes, then
// its children.
inline Bytes EncodeRawCode(const RawCodeSpec& spec) {
  Bytes body;
  uint8_t buf[32];
  body.insert(body.end(), buf, buf + bytecode::EncodeSignature(buf, spec.sig));
  Bytes info;
  PutUint(&info, spec.name);
  for (size_t a : spec.arg_names) PutUint(&info, a);
  info.insert(info.end(), spec.line_info.begin(), spec.line_info.end());
  body.insert(body.end(), buf, buf + bytecode::EncodePreludeSize(buf, info.size(), spec.cells.size()));
  body.insert(body.end(), info.begin(), info.end());
  body.insert(body.end(), spec.cells.begin(), spec.cells.end());
  body.insert(body.end(), spec.opcodes.begin(), spec.opcodes.end());
  Bytes out;
  PutUint(&out, body.size() << 3 | (spec.children.empty() ? 0 : 4));
  out.insert(out.end(), body.begin(), body.end());
  if (!spec.children.empty()) {
    PutUint(&out, spec.children.size());
    for (const Bytes& child : spec.children) out.insert(out.end(), child.begin(), child.end());
  }
  return out;
}

}  // namespace taipan::rt::testing

#endif  // TAIPAN_TEST_RUNTIME_MPY_BUILDER_H
