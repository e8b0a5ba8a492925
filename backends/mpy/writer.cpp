// .mpy writer: a bytecode::Module to the bytes of an .mpy version 6.3 file
// that stock MicroPython imports.
//
// Every qstr is written out in full (length << 1, the bytes, a NUL) rather
// than as an index into MicroPython's static table: the table differs
// between MicroPython builds only in its dynamic part, but spelling the
// strings out keeps the files independent of it at a small size cost.
#include "backends/mpy/mpy.h"

namespace taipan::mpy {

namespace {

using bytecode::CodeKind;
using bytecode::MpyObj;

// The small-int width mpy-cross declares by default: MicroPython rejects a
// file whose width exceeds its own, and 31 bits is the narrowest port's.
constexpr uint8_t kSmallIntBits = 31;

class Writer {
 public:
  std::vector<uint8_t> bytes;

  void Byte(uint8_t b) { bytes.push_back(b); }

  void Uint(size_t value) {
    uint8_t buf[16];
    size_t n = bytecode::EncodeUint(buf, value);
    bytes.insert(bytes.end(), buf, buf + n);
  }

  void Raw(const void* data, size_t size) {
    const uint8_t* p = static_cast<const uint8_t*>(data);
    bytes.insert(bytes.end(), p, p + size);
  }

  void Qstr(const std::string& text) {
    Uint(text.size() << 1);
    Raw(text.data(), text.size());
    Byte(0);
  }

  void Object(const bytecode::Constant& constant) {
    Byte(static_cast<uint8_t>(constant.kind));
    switch (constant.kind) {
      case MpyObj::Str:
      case MpyObj::Bytes:
        Uint(constant.text.size());
        Raw(constant.text.data(), constant.text.size());
        Byte(0);  // MicroPython keeps str/bytes data NUL-terminated
        break;
      case MpyObj::Int:
      case MpyObj::Float:
      case MpyObj::Complex:
        Uint(constant.text.size());
        Raw(constant.text.data(), constant.text.size());
        break;
      case MpyObj::Tuple:
        Uint(constant.items.size());
        for (const bytecode::Constant& item : constant.items) Object(item);
        break;
      default:  // None, False, True, Ellipsis: the tag alone
        break;
    }
  }

  void Code(const bytecode::RawCode& code) {
    size_t kind = static_cast<size_t>(CodeKind::Bytecode) - 2;
    Uint(code.code.size() << 3 | (code.children.empty() ? 0 : 4) | kind);
    Raw(code.code.data(), code.code.size());
    if (code.children.empty()) return;
    Uint(code.children.size());
    for (const bytecode::RawCode& child : code.children) Code(child);
  }
};

}  // namespace

std::vector<uint8_t> WriteMpy(const bytecode::Module& module) {
  Writer writer;
  writer.Byte(bytecode::kMpyMagic);
  writer.Byte(bytecode::kMpyVersion);
  writer.Byte(0);  // no native code, so no architecture and no sub-version
  writer.Byte(kSmallIntBits);
  writer.Uint(module.qstrs.size());
  writer.Uint(module.constants.size());
  for (const std::string& qstr : module.qstrs) writer.Qstr(qstr);
  for (const bytecode::Constant& constant : module.constants) writer.Object(constant);
  writer.Code(module.top);
  return std::move(writer.bytes);
}

}  // namespace taipan::mpy
