// Phase entry: AST -> scopes, with CPython's symbol-table rules.
//
// Every module, class, function, lambda and comprehension is a Scope. Each
// name used in a scope gets one classification, decided as CPython decides
// it (Python/symtable.c):
//   local          bound in this function-like scope (assignment, parameter,
//                  import, def/class, for/with/except target, walrus,
//                  pattern capture, del)
//   cell           local, and used by a nested scope
//   free           bound in an enclosing function scope (or declared
//                  nonlocal); class bodies are skipped when looking outward
//   global         declared global
//   global-implicit not bound anywhere enclosing: module global or builtin
// Class bodies bind names that nested functions do not see; a function
// inside a class that uses super() or __class__ gets a free __class__,
// and the class a cell for it. Comprehensions are their own scopes (as in
// CPython 3.11); their first iterable belongs to the enclosing scope, and
// walrus targets inside them bind in the nearest enclosing function or
// module scope.
#ifndef TAIPAN_FRONTEND_RESOLVE_RESOLVE_H
#define TAIPAN_FRONTEND_RESOLVE_RESOLVE_H

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "frontend/diag/diagnostics.h"
#include "frontend/diag/source_buffer.h"
#include "frontend/parse/ast.h"

namespace taipan {

enum class ScopeKind : uint8_t { Module, Class, Function, Lambda, Comprehension };
enum class SymbolScope : uint8_t { Local, Cell, Free, GlobalExplicit, GlobalImplicit };

// What a scope does with a name (CPython's DEF_* flags).
enum SymbolFlag : uint16_t {
  kSymAssigned = 1 << 0,
  kSymParam = 1 << 1,
  kSymUsed = 1 << 2,
  kSymGlobal = 1 << 3,     // declared `global`
  kSymNonlocal = 1 << 4,   // declared `nonlocal`
  kSymAnnotated = 1 << 5,
  kSymImported = 1 << 6,
  kSymCompIter = 1 << 7,   // a comprehension's iteration variable
  kSymFreeClass = 1 << 8,  // a class scope's name that nested scopes see as free
};

struct Symbol {
  InternId name;
  uint16_t flags = 0;
  SymbolScope scope = SymbolScope::Local;
  uint32_t first_offset = 0;  // where the scope first mentions it
};

// Scope flags.
enum ScopeFlag : uint16_t {
  kScopeGenerator = 1 << 0,
  kScopeCoroutine = 1 << 1,   // async def, or a comprehension with await/async for
  kScopeVarargs = 1 << 2,
  kScopeVarkeywords = 1 << 3,
  kScopeNeedsClassCell = 1 << 4,  // a class whose methods use __class__/super()
  kScopeImportStar = 1 << 5,
  kScopeNested = 1 << 6,      // inside a function-like scope
};

struct Scope {
  ScopeKind kind;
  uint16_t flags = 0;
  NodeId node;                 // Module, ClassDef, FunctionDef, Lambda or comprehension
  uint32_t parent;             // index into ScopeTable::scopes; kNoScope for the module
  InternId name;               // the def/class name; kNoName otherwise
  std::vector<Symbol> symbols; // in order of first mention
  std::vector<uint32_t> children;

  const Symbol* Find(InternId name) const;
  Symbol* Find(InternId name);
  // The symbol for `name`, added (with no flags) if the scope lacks it.
  Symbol& Get(InternId name, uint32_t offset);

 private:
  // Most scopes have a handful of names, searched linearly; big ones get an
  // index once they pass kIndexThreshold names.
  static constexpr size_t kIndexThreshold = 12;
  std::unordered_map<InternId, uint32_t> index_;
};

constexpr uint32_t kNoScope = UINT32_MAX;

struct ScopeTable {
  std::vector<Scope> scopes;  // scopes[0] is the module
  std::unordered_map<NodeId, uint32_t> scope_of_node;
};

// Resolves every scope of a module and reports CPython's compile-time
// SyntaxErrors of this stage. Stops at the first error.
ScopeTable Resolve(const Ast& ast, const SourceBuffer& source, Diagnostics& diags);

// A stable text form of the scopes for tests (--emit=scopes).
std::string DumpScopes(const ScopeTable& scopes, const Ast& ast, const SourceBuffer& source);

}  // namespace taipan

#endif  // TAIPAN_FRONTEND_RESOLVE_RESOLVE_H
