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
#include <map>
#include <optional>
#include <unordered_map>
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
  uint32_t scope = UINT32_MAX;  // the ScopeTable scope it was compiled from (not stored in .mpy files)

  bool operator==(const RawCode& other) const { return code == other.code && children == other.children; }
};

struct Module {
  std::vector<std::string> qstrs;  // qstrs[0] is the source file name
  std::vector<Constant> constants;
  RawCode top;

  bool operator==(const Module&) const = default;
};

// Where a name lives in one scope.
enum class VarKind : uint8_t { Fast, Deref, Name, Global };

struct VarRef {
  VarKind kind = VarKind::Name;
  uint32_t local = 0;
};

// A scope's frame layout, MicroPython style: free variables first (passed
// by the closure as leading positional arguments), then the parameters
// (positional, keyword-only, *args, **kwargs), then the other locals, then
// the non-parameter cells.
struct ScopeLayout {
  std::unordered_map<InternId, VarRef> vars;  // fast and deref names
  // This scope's cells and frees in a fixed order: a child closing over
  // some of them receives them in this order (text, local number).
  std::vector<std::pair<std::string, uint32_t>> closure_order;
  std::vector<uint8_t> cells;
  std::vector<std::string> arg_names;  // "*" for the free slots
  std::vector<NodeId> params;          // Arg nodes in local order
  size_t num_locals = 0;
  size_t n_free = 0;
  Signature signature;
  std::optional<uint32_t> class_cell;  // a class body's __class__ cell
  std::optional<uint32_t> comp_iter;   // a comprehension's iterator argument
};

// What the compiler decided per scope, for the native backend, which must
// agree with the bytecode on frame layouts (argument binding is shared).
struct CompileInfo {
  std::map<uint32_t, ScopeLayout> layouts;  // by scope index
};

// Compiles a resolved module. `source_name` becomes qstr 0 (tracebacks
// print it). Errors the compiler finds (e.g. a jump too far for MicroPython's
// two-byte offsets) are reported into `diags` with a source location.
Module Compile(const Ast& ast, const ScopeTable& scopes, const SourceBuffer& source, std::string_view source_name,
               Diagnostics& diags, CompileInfo* info = nullptr);

// A readable listing of every raw code (one instruction per line: offset,
// name, decoded operand), for `taipan compile --emit=bytecode` and FileCheck.
std::string Disassemble(const Module& module);

}  // namespace taipan::bytecode

#endif  // TAIPAN_BACKENDS_BYTECODE_BYTECODE_H
