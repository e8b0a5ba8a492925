// --emit=scopes: each scope with its symbols' classifications, nested.
#include <string>

#include "frontend/resolve/resolve.h"

namespace taipan {

namespace {

std::string_view ScopeKindText(ScopeKind kind) {
  constexpr std::string_view kText[] = {"module", "class", "function", "lambda", "comprehension"};
  return kText[static_cast<int>(kind)];
}

std::string_view SymbolScopeText(SymbolScope scope) {
  constexpr std::string_view kText[] = {"local", "cell", "free", "global", "global-implicit"};
  return kText[static_cast<int>(scope)];
}

class ScopeDumper {
 public:
  ScopeDumper(const ScopeTable& table, const Ast& ast, const SourceBuffer& source)
      : table_(table), ast_(ast), source_(source) {}

  std::string Run() {
    if (!table_.scopes.empty()) Dump(0, 0);
    return std::move(out_);
  }

 private:
  void Dump(uint32_t index, int indent) {
    const Scope& scope = table_.scopes[index];
    LineCol at = source_.Locate(ast_[scope.node].begin);
    out_.append(indent, ' ');
    out_ += ScopeKindText(scope.kind);
    if (scope.name != kNoName) {
      out_ += " '";
      out_ += ast_.Name(scope.name);
      out_ += '\'';
    }
    if (scope.kind == ScopeKind::Comprehension) {
      out_ += ' ';
      out_ += NodeKindName(ast_[scope.node].kind);
    }
    out_ += " <" + std::to_string(at.line) + ':' + std::to_string(at.column) + '>';
    ScopeFlags(scope.flags);
    out_ += '\n';
    for (const Symbol& symbol : scope.symbols) {
      out_.append(indent + 2, ' ');
      out_ += ast_.Name(symbol.name);
      out_ += ": ";
      out_ += SymbolScopeText(symbol.scope);
      SymbolFlags(symbol.flags);
      out_ += '\n';
    }
    for (uint32_t child : scope.children) Dump(child, indent + 2);
  }

  void ScopeFlags(uint16_t flags) {
    if (flags & kScopeGenerator) out_ += " generator";
    if (flags & kScopeCoroutine) out_ += " coroutine";
    if (flags & kScopeVarargs) out_ += " varargs";
    if (flags & kScopeVarkeywords) out_ += " varkeywords";
    if (flags & kScopeNeedsClassCell) out_ += " needs-class-cell";
    if (flags & kScopeImportStar) out_ += " import-star";
  }

  void SymbolFlags(uint16_t flags) {
    if (flags & kSymParam) out_ += " param";
    if (flags & kSymAssigned) out_ += " assigned";
    if (flags & kSymUsed) out_ += " used";
    if (flags & kSymGlobal) out_ += " declared-global";
    if (flags & kSymNonlocal) out_ += " declared-nonlocal";
    if (flags & kSymAnnotated) out_ += " annotated";
    if (flags & kSymImported) out_ += " imported";
    if (flags & kSymCompIter) out_ += " iteration";
    if (flags & kSymFreeClass) out_ += " free-in-class";
  }

  const ScopeTable& table_;
  const Ast& ast_;
  const SourceBuffer& source_;
  std::string out_;
};

}  // namespace

std::string DumpScopes(const ScopeTable& table, const Ast& ast, const SourceBuffer& source) {
  return ScopeDumper(table, ast, source).Run();
}

}  // namespace taipan
