// Phase entry: resolved AST -> MicroPython bytecode (.mpy version 6).
//
// Portable like the front: no LLVM, no C++ exceptions, no RTTI (it will
// also run on devices for eval/exec). The output is exactly what a .mpy
// file stores (backends/mpy writes it; the runtime's loader reads it): a
// qstr table, an object table and a tree of raw codes whose bytes are
// prelude + opcodes as runtime/bytecode.h describes.
#ifndef TAIPAN_BACKENDS_BYTECODE_BYTECODE_H
#define TAIPAN_BACKENDS_BYTECODE_BYTECODE_H

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/diag/diagnostics.h"
#include "frontend/diag/source_buffer.h"
#include "frontend/parse/ast.h"
#include "frontend/resolve/resolve.h"
#include "runtime/bytecode.h"

namespace taipan::bytecode {

// One entry of a module's object table.
struct Constant {
  MpyObj kind = MpyObj::None;
  std::string text;  // Str, Bytes: the bytes; Int: decimal; Float, Complex: the text MicroPython parses
  std::vector<Constant> items;  // Tuple

  bool operator==(const Constant&) const = default;
};

// One function body: `code` is prelude + opcodes, `children` the raw codes
// its MAKE_FUNCTION/MAKE_CLOSURE operands index.
struct RawCode {
  std::vector<uint8_t> code;
  std::vector<RawCode> children;

  bool operator==(const RawCode&) const = default;
};

struct Module {
  std::vector<std::string> qstrs;  // qstrs[0] is the source file name
  std::vector<Constant> constants;
  RawCode top;

  bool operator==(const Module&) const = default;
};

// Compiles a resolved module. `source_name` becomes qstr 0 (tracebacks
// print it). Errors the compiler finds (e.g. a jump too far for MicroPython's
// two-byte offsets) are reported into `diags` with a source location.
Module Compile(const Ast& ast, const ScopeTable& scopes, const SourceBuffer& source, std::string_view source_name,
               Diagnostics& diags);

// A readable listing of every raw code (one instruction per line: offset,
// name, decoded operand), for `taipan compile --emit=bytecode` and FileCheck.
std::string Disassemble(const Module& module);

}  // namespace taipan::bytecode

#endif  // TAIPAN_BACKENDS_BYTECODE_BYTECODE_H
