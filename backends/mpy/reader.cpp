// .mpy reader: the bytes of an .mpy version 6 file (as mpy-cross writes
// them) to a bytecode::Module. Every read is bounds-checked and nesting is
// limited, so hostile input gives a message, never a crash.
#include <string_view>

#include "backends/mpy/mpy.h"

namespace taipan::mpy {

namespace {

using bytecode::CodeKind;
using bytecode::MpyObj;

// Deeper nesting than this (tuples in tuples, functions in functions) is
// treated as malformed: real programs stay far below, and it bounds the
// reader's recursion.
constexpr int kMaxNesting = 200;

constexpr const char* kStaticQstrs[] = {
#define STATIC_QSTR(text) text,
#include "runtime/mpy_static_qstrs.def"
#undef STATIC_QSTR
};
constexpr size_t kStaticQstrCount = sizeof(kStaticQstrs) / sizeof(kStaticQstrs[0]);

class Reader {
 public:
  Reader(const std::vector<uint8_t>& bytes, std::string* error)
      : p_(bytes.data()), end_(bytes.data() + bytes.size()), error_(error) {}

  bool Read(bytecode::Module* module) {
    if (!Header()) return false;
    size_t n_qstr = 0, n_obj = 0;
    if (!Count(&n_qstr, "qstr count") || !Count(&n_obj, "object count")) return false;
    module->qstrs.resize(n_qstr);
    for (std::string& qstr : module->qstrs) {
      if (!Qstr(&qstr)) return false;
    }
    module->constants.resize(n_obj);
    for (bytecode::Constant& constant : module->constants) {
      if (!Object(&constant, 0)) return false;
    }
    if (!Code(&module->top, 0)) return false;
    if (p_ != end_) return Fail("trailing bytes after the module's code");
    return true;
  }

 private:
  const uint8_t* p_;
  const uint8_t* end_;
  std::string* error_;

  size_t Left() const { return static_cast<size_t>(end_ - p_); }

  bool Fail(const std::string& message) {
    *error_ = message;
    return false;
  }

  bool Byte(uint8_t* value, const char* what) {
    if (p_ >= end_) return Fail(std::string("truncated .mpy file: expected ") + what);
    *value = *p_++;
    return true;
  }

  bool Uint(size_t* value, const char* what) {
    if (!bytecode::DecodeUint(&p_, end_, value)) return Fail(std::string("truncated or invalid ") + what);
    return true;
  }

  // A count of items that each take at least one byte: more than the bytes
  // left means a corrupt file (and would make us allocate absurd amounts).
  bool Count(size_t* value, const char* what) {
    if (!Uint(value, what)) return false;
    if (*value > Left()) return Fail(std::string(what) + " larger than the file");
    return true;
  }

  bool Bytes(std::string* out, size_t size, const char* what) {
    if (size > Left()) return Fail(std::string("truncated .mpy file: ") + what + " runs past the end");
    out->assign(reinterpret_cast<const char*>(p_), size);
    p_ += size;
    return true;
  }

  bool Nul(const char* what) {
    uint8_t nul = 0;
    if (!Byte(&nul, what)) return false;
    if (nul != 0) return Fail(std::string(what) + " is not NUL-terminated");
    return true;
  }

  bool Header() {
    uint8_t magic = 0, version = 0, features = 0, small_int_bits = 0;
    if (!Byte(&magic, "the header") || magic != bytecode::kMpyMagic) return Fail("not an .mpy file (bad magic byte)");
    if (!Byte(&version, "the header")) return false;
    if (version != bytecode::kMpyVersion) {
      return Fail("unsupported .mpy version " + std::to_string(version) + " (expected 6)");
    }
    if (!Byte(&features, "the header") || !Byte(&small_int_bits, "the header")) return false;
    if (bytecode::MpyFeatureArch(features) != 0 || (features & bytecode::kMpyFeatureArchFlags)) {
      return Fail("the .mpy file contains native code (only bytecode is supported)");
    }
    return true;
  }

  bool Qstr(std::string* text) {
    size_t len = 0;
    if (!Uint(&len, "qstr length")) return false;
    if (len & 1) {
      size_t index = len >> 1;
      if (index == 0 || index > kStaticQstrCount) {
        return Fail("unknown static qstr " + std::to_string(index));
      }
      *text = kStaticQstrs[index - 1];
      return true;
    }
    return Bytes(text, len >> 1, "a qstr") && Nul("a qstr");
  }

  bool Object(bytecode::Constant* constant, int depth) {
    if (depth > kMaxNesting) return Fail("constant tuples nested too deeply");
    uint8_t tag = 0;
    if (!Byte(&tag, "an object tag")) return false;
    constant->kind = static_cast<MpyObj>(tag);
    switch (constant->kind) {
      case MpyObj::None:
      case MpyObj::False:
      case MpyObj::True:
      case MpyObj::Ellipsis:
        return true;
      case MpyObj::Str:
      case MpyObj::Bytes: {
        size_t len = 0;
        return Uint(&len, "object length") && Bytes(&constant->text, len, "a constant") && Nul("a str/bytes constant");
      }
      case MpyObj::Int:
      case MpyObj::Float:
      case MpyObj::Complex: {
        size_t len = 0;
        return Uint(&len, "object length") && Bytes(&constant->text, len, "a constant");
      }
      case MpyObj::Tuple: {
        size_t count = 0;
        if (!Count(&count, "tuple length")) return false;
        constant->items.resize(count);
        for (bytecode::Constant& item : constant->items) {
          if (!Object(&item, depth + 1)) return false;
        }
        return true;
      }
      case MpyObj::FunTable:
        return Fail("the .mpy file contains native code (function table object)");
    }
    return Fail("unknown object tag " + std::to_string(tag));
  }

  bool Code(bytecode::RawCode* code, int depth) {
    if (depth > kMaxNesting) return Fail("functions nested too deeply");
    size_t kind_len = 0;
    if (!Uint(&kind_len, "raw code header")) return false;
    if ((kind_len & 3) + 2 != static_cast<size_t>(CodeKind::Bytecode)) {
      return Fail("the .mpy file contains native code (only bytecode is supported)");
    }
    size_t size = kind_len >> 3;
    if (size > Left()) return Fail("truncated .mpy file: a function's code runs past the end");
    code->code.assign(p_, p_ + size);
    p_ += size;
    if (!(kind_len & 4)) return true;
    size_t n_children = 0;
    if (!Count(&n_children, "child count")) return false;
    code->children.resize(n_children);
    for (bytecode::RawCode& child : code->children) {
      if (!Code(&child, depth + 1)) return false;
    }
    return true;
  }
};

}  // namespace

bool ReadMpy(const std::vector<uint8_t>& bytes, bytecode::Module* module, std::string* error) {
  *module = bytecode::Module();
  Reader reader(bytes, error);
  return reader.Read(module);
}

}  // namespace taipan::mpy
