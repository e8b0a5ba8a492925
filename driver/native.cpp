// The native pipeline of the driver (native.h).
#include "driver/native.h"

#include <iostream>

#include "backends/mpy/mpy.h"

namespace taipan::driver {

namespace {

// Whether a scope (other than the module's) binds module globals.
bool BindsGlobals(const ScopeTable& scopes, uint32_t scope) {
  if (scope >= scopes.scopes.size() || scope == 0) return scope == 0;
  for (const Symbol& symbol : scopes.scopes[scope].symbols) {
    bool global = symbol.scope == SymbolScope::GlobalExplicit || symbol.scope == SymbolScope::GlobalImplicit;
    if (global && (symbol.flags & kSymAssigned)) return true;
  }
  return false;
}

// Walks the raw-code tree in pre-order (the functions' order) recording
// each function's signature, children and whether it binds globals.
// Returns the next free index.
uint32_t AttachRawCodeFacts(const bytecode::RawCode& raw, const FrontendResult& front,
                            const bytecode::CompileInfo& info, uint32_t index, std::vector<ir::Function>& functions) {
  uint32_t next = index + 1;
  std::vector<uint32_t> children;
  for (const bytecode::RawCode& child : raw.children) {
    children.push_back(next);
    next = AttachRawCodeFacts(child, front, info, next, functions);
  }
  if (index < functions.size()) {
    auto layout = info.layouts.find(raw.scope);
    if (layout != info.layouts.end()) functions[index].signature = layout->second.signature;
    functions[index].children = std::move(children);
    functions[index].binds_globals = BindsGlobals(front.scopes, raw.scope);
  }
  return next;
}

void EliminateTailRecursion(ir::Program& program) {
  for (uint32_t m = 0; m < program.modules.size(); ++m) {
    std::vector<ir::Function>& functions = program.modules[m].functions;
    for (uint32_t i = 0; i < functions.size(); ++i)
      ir::EliminateTailRecursion(functions[i], {m, i}, *program.modules[m].source, program.types);
  }
}

}  // namespace

ir::Program BuildProgramIr(std::vector<ProgramModule>& modules, const Options& options) {
  bool peel_loops = options.opt_level != "0" && options.opt_level != "s";
  ir::Program program;
  for (ProgramModule& module : modules) {
    const FrontendResult& front = *module.front;
    program.modules.push_back(ir::BuildModule(front.ast, front.scopes, front.source, module.name, &module.code,
                                              module.info, program.types));
    AttachRawCodeFacts(module.code.top, front, module.info, 0, program.modules.back().functions);
    program.modules.back().qstrs = module.code.qstrs;
    if (peel_loops)
      for (ir::Function& function : program.modules.back().functions) ir::PeelLoops(function);
  }
  ir::InferTypes(program);
  if (options.opt_level == "2" || options.opt_level == "3") EliminateTailRecursion(program);
  for (ProgramModule& module : modules) module.mpy = mpy::WriteMpy(module.code);
  return program;
}

void PrintRemarks(const ir::Program& program) {
  for (const ir::Module& module : program.modules) {
    for (const ir::Function& function : module.functions) {
      if (!function.is_def) continue;
      LineCol where = module.source->Locate(function.offset);
      std::cerr << module.source->filename() << ":" << where.line << ":" << where.column << ": remark: function '"
                << function.name << "' compiled "
                << (function.native ? std::string("natively") : "to bytecode: " + function.reason) << "\n";
    }
  }
}

llvmbe::CodegenOptions CodegenOptionsFrom(const Options& options) {
  llvmbe::CodegenOptions codegen;
  codegen.march = options.march.empty() ? "x64" : options.march;
  codegen.optimize_size = options.opt_level == "s";
  codegen.opt_level = codegen.optimize_size ? 2 : options.opt_level[0] - '0';
  codegen.debug_info = options.debug_info;
  return codegen;
}

bool EmitNativeObject(const ir::Program& program, uint32_t module_index, const llvmbe::CodegenOptions& codegen,
                      const std::string& path, std::string* symbol, std::string* error) {
  symbol->clear();
  bool any_native = false;
  for (const ir::Function& function : program.modules[module_index].functions) any_native |= function.native;
  if (!any_native) return true;
  std::string object;
  if (!llvmbe::EmitModule(program, module_index, codegen, llvmbe::EmitKind::Object, &object, error)) return false;
  if (!WriteOutput(path, object)) {
    *error = "cannot write '" + path + "'";
    return false;
  }
  *symbol = llvmbe::NativeTableSymbol(module_index);
  return true;
}

}  // namespace taipan::driver
