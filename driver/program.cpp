// Finds a program's modules by following its imports (program.h).
//
// Every module's AST is scanned for Import and ImportFrom nodes wherever
// they are (inside functions too: a lazy import is still part of the
// program). For `from a.b import x`, `x` may be a submodule, so a.b.x is
// looked for as well; finding nothing is not an error.
#include "driver/program.h"

#include <deque>
#include <iostream>
#include <set>

#include "backends/mpy/mpy.h"
#include "driver/driver.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace taipan::driver {

namespace {

bool IsFile(const std::string& path) { return llvm::sys::fs::is_regular_file(path); }

std::vector<std::string> SplitDots(std::string_view name) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t dot = name.find('.', start);
    parts.emplace_back(name.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) return parts;
    start = dot + 1;
  }
}

struct Found {
  std::string path;
  bool is_package = false;
};

// Looks a dotted module name up: the first part in the search directories,
// each further part inside the package directory found so far.
bool FindModule(const std::string& name, const std::vector<std::string>& search_dirs, Found* found) {
  std::vector<std::string> parts = SplitDots(name);
  std::vector<std::string> dirs = search_dirs;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].empty()) return false;
    bool last = i + 1 == parts.size();
    bool hit = false;
    for (const std::string& dir : dirs) {
      std::string package_dir = JoinPath(dir, parts[i]);
      std::string init = JoinPath(package_dir, "__init__.py");
      if (IsFile(init)) {
        dirs = {package_dir};
        if (last) *found = Found{init, true};
        hit = true;
        break;
      }
      std::string file = JoinPath(dir, parts[i] + ".py");
      if (IsFile(file)) {
        if (!last) return false;  // a plain module has no submodules
        *found = Found{file, false};
        hit = true;
        break;
      }
      // A directory without __init__.py is still a package, as in
      // MicroPython (and CPython's namespace packages): an empty one.
      if (llvm::sys::fs::is_directory(package_dir)) {
        dirs = {package_dir};
        if (last) *found = Found{package_dir, true};
        hit = true;
        break;
      }
    }
    if (!hit) return false;
  }
  return true;
}

// `a.b.c` -> a, a.b, a.b.c: importing a submodule imports its parents.
void AddWithParents(const std::string& name, std::vector<std::string>* names) {
  for (size_t dot = name.find('.'); dot != std::string::npos; dot = name.find('.', dot + 1)) {
    names->push_back(name.substr(0, dot));
  }
  names->push_back(name);
}

// The package a relative import of `level` dots in `module` starts from;
// empty when it climbs above the top (the runtime reports that).
std::string RelativeBase(const ProgramModule& module, uint32_t level) {
  if (module.name == "__main__") return {};  // a script is not in a package
  std::string package = module.name;
  uint32_t climb = module.is_package ? level - 1 : level;
  for (uint32_t i = 0; i < climb; ++i) {
    size_t dot = package.rfind('.');
    if (dot == std::string::npos) return {};
    package.resize(dot);
  }
  return package;
}

std::vector<std::string> ImportedNames(const ProgramModule& module, const Ast& ast) {
  std::vector<std::string> names;
  for (const Node& node : ast.nodes) {
    if (node.kind == NodeKind::Import) {
      for (NodeId alias : ast.List(node.list)) AddWithParents(std::string(ast.Name(ast[alias].value)), &names);
    } else if (node.kind == NodeKind::ImportFrom) {
      uint32_t level = node.extra == kNoExtra ? 0 : node.extra;
      std::string base;
      if (level > 0) {
        base = RelativeBase(module, level);
        if (base.empty()) continue;
      }
      if (node.value != kNoName) {
        std::string dotted(ast.Name(node.value));
        base = base.empty() ? dotted : base + "." + dotted;
      }
      if (base.empty()) continue;
      AddWithParents(base, &names);
      for (NodeId alias : ast.List(node.list)) {
        std::string_view item = ast.Name(ast[alias].value);
        if (item != "*") names.push_back(base + "." + std::string(item));
      }
    }
  }
  return names;
}

ProgramModule NewModule(std::string name, std::string path, bool is_package) {
  ProgramModule module;
  module.name = std::move(name);
  module.path = std::move(path);
  module.is_package = is_package;
  return module;
}

}  // namespace

FrontendResult CompileToBytecode(const std::string& path, std::string_view bytes, bytecode::Module* module,
                                 bytecode::CompileInfo* info) {
  FrontendResult result = RunFrontend(path, bytes);
  if (result.ok()) *module = bytecode::Compile(result.ast, result.scopes, result.source, path, result.diags, info);
  if (result.ok()) return result;
  bool color = StderrHasColors();
  for (const Diagnostic& diag : result.diags.list()) std::cerr << RenderDiagnostic(result.source, diag, color);
  return result;
}

bool CollectProgram(const std::string& script, const std::vector<std::string>& search_path, bool verbose,
                    std::vector<ProgramModule>* modules) {
  std::string script_dir(llvm::sys::path::parent_path(script));
  std::vector<std::string> search_dirs = {script_dir.empty() ? std::string(".") : script_dir};
  search_dirs.insert(search_dirs.end(), search_path.begin(), search_path.end());

  std::deque<ProgramModule> queue;
  queue.push_back(NewModule("__main__", script, false));
  std::set<std::string> seen = {"__main__"};
  bool ok = true;
  while (!queue.empty()) {
    ProgramModule module = std::move(queue.front());
    queue.pop_front();
    if (verbose) std::cerr << "taipan: compiling " << module.name << " (" << module.path << ")\n";
    if (!llvm::sys::fs::is_directory(module.path) || module.name == "__main__") {
      std::unique_ptr<InputFile> file = ReadInputFile(module.path);
      if (!file) {
        ok = false;
        continue;
      }
      module.source = std::string(file->bytes());
    }  // else a package directory without __init__.py: an empty module
    module.front = std::make_unique<FrontendResult>(
        CompileToBytecode(module.path, module.source, &module.code, &module.info));
    if (!module.front->ok()) {
      ok = false;
      continue;
    }
    module.mpy = mpy::WriteMpy(module.code);
    for (const std::string& name : ImportedNames(module, module.front->ast)) {
      if (!seen.insert(name).second) continue;
      Found found;
      if (FindModule(name, search_dirs, &found)) queue.push_back(NewModule(name, found.path, found.is_package));
    }
    modules->push_back(std::move(module));
  }
  return ok;
}

}  // namespace taipan::driver
