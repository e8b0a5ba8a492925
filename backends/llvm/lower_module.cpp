// One LLVM module per ir::Module: the context global, a body and an entry
// per native function, the NativeModuleCode table, and debug info.
#include <llvm/BinaryFormat/Dwarf.h>
#include <llvm/IR/MDBuilder.h>
#include <llvm/IR/Verifier.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>

#include "backends/llvm/lower.h"

namespace taipan::llvmbe {

using ir::Rep;
using ir::TypeKind;

ModuleLowering::ModuleLowering(const ir::Program& program, uint32_t module_index, const TargetInfo& target,
                               const CodegenOptions& options, llvm::Module& module)
    : program_(program),
      module_index_(module_index),
      target_(target),
      options_(options),
      module_(module),
      abi_(module, target) {
  // Filled by the loader through NativeModuleCode::context; direct calls
  // have no function object, so every body reads its context from here.
  context_global_ =
      new llvm::GlobalVariable(module_, types().ptr, false, llvm::GlobalValue::InternalLinkage,
                               llvm::ConstantPointerNull::get(types().ptr), "taipan_m" + std::to_string(module_index) + "_context");
  called_from_other_modules_.assign(ir_module().functions.size(), false);
  for (uint32_t m = 0; m < program.modules.size(); ++m) {
    if (m == module_index) continue;
    for (const ir::Function& function : program.modules[m].functions)
      for (const ir::Inst& inst : function.insts)
        if (inst.op == ir::Op::CallDirect && inst.callee.module == module_index &&
            inst.callee.function < called_from_other_modules_.size()) {
          called_from_other_modules_[inst.callee.function] = true;
          uint32_t generic = ir_module().functions[inst.callee.function].generic;  // a guarded call's fallback
          if (generic != ir::kNoId) called_from_other_modules_[generic] = true;
        }
  }
  if (options.debug_info) CreateDebugInfo();
}

ModuleLowering::~ModuleLowering() = default;

bool ModuleLowering::Run(std::string* error) {
  const ir::Module& ir = ir_module();
  std::vector<llvm::Function*> entries(ir.RawCodeCount(), nullptr);
  // Bodies first, in function order (readable output; calls refer ahead).
  for (uint32_t i = 0; i < ir.functions.size(); ++i) {
    if (ir.functions[i].native) BodyOf({module_index_, i});
    if (ir.functions[i].known_class) ClassSlot({module_index_, i});
  }
  for (uint32_t i = 0; i < ir.functions.size(); ++i) {
    if (!ir.functions[i].native) continue;
    FunctionLowering lowering(*this, i);
    if (!lowering.LowerBody(error)) return false;
    if (UnrollsRecursion(i) && !FunctionLowering(*this, i, /*recursion_copy=*/true).LowerBody(error)) return false;
    // A generator's body is its start (NativeGeneratorStart): no typed entry.
    // A collecting generator expression has none: its raw code stays the
    // bytecode generator for whatever calls it dynamically.
    if (ir.functions[i].collects || i >= entries.size()) continue;  // generic clones have no entry
    entries[i] = ir.functions[i].is_generator ? BodyOf({module_index_, i}) : lowering.LowerEntry();
  }
  DefineTable(entries);
  if (di_) di_->finalize();
  std::string problems;
  llvm::raw_string_ostream stream(problems);
  if (llvm::verifyModule(module_, &stream)) {
    *error = "LLVM rejected the lowered module " + ir.name + ": " + problems;
    return false;
  }
  return true;
}

// struct NativeModuleCode { size_t n_functions; const NativeEntry* entries; ModuleContext** context; }
void ModuleLowering::DefineTable(const std::vector<llvm::Function*>& entries) {
  llvm::PointerType* ptr = types().ptr;
  std::vector<llvm::Constant*> items;
  for (llvm::Function* entry : entries)
    items.push_back(entry ? static_cast<llvm::Constant*>(entry) : llvm::ConstantPointerNull::get(ptr));
  llvm::ArrayType* array_type = llvm::ArrayType::get(ptr, items.size());
  auto* array = new llvm::GlobalVariable(module_, array_type, true, llvm::GlobalValue::InternalLinkage,
                                         llvm::ConstantArray::get(array_type, items),
                                         "taipan_m" + std::to_string(module_index_) + "_entries");
  llvm::Constant* fields[] = {llvm::ConstantInt::get(types().word, items.size()), array, context_global_};
  llvm::Constant* table = llvm::ConstantStruct::getAnon(fields);
  auto* global = new llvm::GlobalVariable(module_, table->getType(), true, llvm::GlobalValue::ExternalLinkage, table,
                                          NativeTableSymbol(module_index_));
  global->setAlignment(llvm::Align(types().word_bytes));
}

llvm::Constant* ModuleLowering::FunctionInfo(uint32_t index) {
  std::string symbol = "taipan_m" + std::to_string(module_index_) + "_f" + std::to_string(index) + "_info";
  if (llvm::GlobalVariable* existing = module_.getGlobalVariable(symbol, true)) return existing;
  // The name as the bytecode's raw code has it: an entry of the qstr table
  // (0, the source name, if it were missing).
  const std::vector<std::string>& qstrs = ir_module().qstrs;
  const std::string& name = ir_module().functions[index].name;
  size_t name_index = 0;
  for (size_t i = 1; i < qstrs.size() && name_index == 0; ++i)
    if (qstrs[i] == name) name_index = i;
  uint32_t tail_call = ir_module().functions[index].tail_call_offset;
  llvm::Constant* fields[] = {context_global_, llvm::ConstantInt::get(types().word, name_index),
                              llvm::ConstantInt::get(types().word, tail_call == ir::kNoId ? 0 : LineOf(tail_call))};
  llvm::Constant* info = llvm::ConstantStruct::getAnon(fields);
  auto* global = new llvm::GlobalVariable(module_, info->getType(), true, llvm::GlobalValue::InternalLinkage, info, symbol);
  global->setAlignment(llvm::Align(types().word_bytes));
  return global;
}

// ---- types ----

ir::TypeKind ModuleLowering::KindOf(ir::TypeId type) const { return program_.types.KindOf(type); }

ir::Rep ModuleLowering::RepOf(ir::TypeId type) const {
  switch (KindOf(type)) {
#define IR_TYPE(Kind, spelling, rep) \
  case TypeKind::Kind:               \
    return Rep::rep;
#include "ir/types.def"
  }
  return Rep::Value;
}

ir::TypeId ModuleLowering::Effective(ir::TypeId type) const {
  TypeKind kind = KindOf(type);
  return kind == TypeKind::Unknown || kind == TypeKind::Void ? ir::kObjectType : type;
}

llvm::Type* ModuleLowering::LlvmType(ir::TypeId type) const {
  switch (RepOf(Effective(type))) {
    case Rep::Float:
      return types().fp;
    case Rep::Complex:
      return types().complex;
    case Rep::Bool:
      return types().i1;
    default:
      return types().word;
  }
}

ir::TypeId ModuleLowering::SlotType(const ir::Function& function, uint32_t slot) const {
  for (const ir::Local& local : function.locals) {
    if (local.slot != slot) continue;
    return local.is_cell ? ir::kObjectType : Effective(local.type);
  }
  return ir::kObjectType;
}

// ---- bodies ----

std::string ModuleLowering::BodySymbol(ir::FuncRef ref) const {
  std::string name = program_.modules[ref.module].functions[ref.function].name;
  for (char& c : name)
    if (!llvm::isAlnum(c)) c = '_';
  return "taipan_m" + std::to_string(ref.module) + "_f" + std::to_string(ref.function) + "_" + name;
}

llvm::Function* ModuleLowering::BodyOf(ir::FuncRef ref) {
  std::string symbol = BodySymbol(ref);
  if (llvm::Function* existing = module_.getFunction(symbol)) return existing;
  const ir::Function& function = program_.modules[ref.module].functions[ref.function];
  std::vector<llvm::Type*> parameters{types().ptr};  // the function object (null for direct calls)
  llvm::Type* result = LlvmType(function.return_type);
  if (function.is_generator) {
    // runtime/vm.h NativeGeneratorStart: (self, local0, state) -> coroutine frame.
    parameters.insert(parameters.end(), {types().ptr, types().ptr});
    result = types().ptr;
  } else {
    for (uint32_t slot = 0; slot < function.n_slots; ++slot) parameters.push_back(LlvmType(SlotType(function, slot)));
  }
  llvm::FunctionType* type = llvm::FunctionType::get(result, parameters, false);
  // External (hidden) when direct calls from other modules of the program
  // must link to it; internal otherwise (free to inline and drop).
  bool internal = ref.module == module_index_ && !called_from_other_modules_[ref.function];
  llvm::Function* body = llvm::Function::Create(
      type, internal ? llvm::GlobalValue::InternalLinkage : llvm::GlobalValue::ExternalLinkage, symbol, module_);
  if (!internal) body->setVisibility(llvm::GlobalValue::HiddenVisibility);
  body->setDSOLocal(true);
  SetFunctionAttributes(body);
  body->addRetAttr(llvm::Attribute::NoUndef);
  if (function.is_generator) body->addFnAttr(llvm::Attribute::PresplitCoroutine);
  if (options_.opt_level >= 2 && !options_.optimize_size && IsSmallStraightBody(function))
    body->addFnAttr(llvm::Attribute::AlwaysInline);
  if (!function.is_generator && ChangesNoLists(function)) list_safe_bodies_.insert(body);
  return body;
}

llvm::GlobalVariable* ModuleLowering::ClassSlot(ir::FuncRef class_body) {
  std::string symbol = "taipan_m" + std::to_string(class_body.module) + "_class" + std::to_string(class_body.function);
  if (llvm::GlobalVariable* existing = module_.getGlobalVariable(symbol, true)) return existing;
  bool own = class_body.module == module_index_;
  auto* slot = new llvm::GlobalVariable(module_, types().word, /*isConstant=*/false, llvm::GlobalValue::ExternalLinkage,
                                        own ? llvm::ConstantInt::get(types().word, 0) : nullptr, symbol);
  slot->setVisibility(llvm::GlobalValue::HiddenVisibility);
  slot->setDSOLocal(true);
  slot->setAlignment(llvm::Align(types().word_bytes));
  return slot;
}

bool ModuleLowering::UnrollsRecursion(uint32_t index) const {
  constexpr size_t kRecursiveBody = 64;
  const ir::Function& function = ir_module().functions[index];
  if (options_.opt_level < 2 || options_.optimize_size || !function.native || function.is_generator ||
      function.collects || function.insts.size() > kRecursiveBody)
    return false;
  for (const ir::Inst& inst : function.insts)
    if (inst.op == ir::Op::CallDirect && inst.callee.module == module_index_ && inst.callee.function == index)
      return true;
  return false;
}

llvm::Function* ModuleLowering::RecursionCopyOf(uint32_t index) {
  llvm::Function* body = BodyOf({module_index_, index});
  std::string symbol = body->getName().str() + "_unrolled";
  if (llvm::Function* existing = module_.getFunction(symbol)) return existing;
  llvm::Function* copy =
      llvm::Function::Create(body->getFunctionType(), llvm::GlobalValue::InternalLinkage, symbol, module_);
  copy->setDSOLocal(true);
  SetFunctionAttributes(copy);
  copy->addRetAttr(llvm::Attribute::NoUndef);
  copy->addFnAttr(llvm::Attribute::AlwaysInline);
  if (BodyChangesNoLists(body)) list_safe_bodies_.insert(copy);
  return copy;
}

// A function that only computes with ints, floats, complex numbers and
// bools (its slow paths call the runtime on numbers only, which runs no
// Python code) and calls nothing: a speculative loop calling it may keep its
// lists' header words read on entry.
bool ModuleLowering::ChangesNoLists(const ir::Function& function) const {
  auto numeric = [&](ir::InstId id) {
    if (id >= function.insts.size()) return false;
    ir::TypeKind kind = KindOf(function.insts[id].type);
    return kind == ir::TypeKind::Int || kind == ir::TypeKind::Bool || kind == ir::TypeKind::Float ||
           kind == ir::TypeKind::Complex;
  };
  for (const ir::Inst& inst : function.insts) {
    switch (inst.op) {
      case ir::Op::ConstInt:
      case ir::Op::ConstFloat:
      case ir::Op::ConstBool:
      case ir::Op::ConstNone:
      case ir::Op::LoadLocal:
      case ir::Op::StoreLocal:
      case ir::Op::Jump:
      case ir::Op::Branch:
      case ir::Op::Return:
        break;
      case ir::Op::Binary:
      case ir::Op::Unary:
      case ir::Op::Not:
      case ir::Op::Truth:
      case ir::Op::ToIndex:
      case ir::Op::Sqrt:
      case ir::Op::MathCall:
      case ir::Op::Abs:
      case ir::Op::MakeComplex:
        for (ir::InstId operand : inst.ops)
          if (!numeric(operand)) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

// A body worth inlining into every direct caller: loop-free (every branch
// goes forward), no try, at most kSmallBody IR instructions. Its typed fast
// paths then fold into the caller's loop; LLVM's own cost model would count
// each slow-path runtime call (an overflowing add, a non-float operand) and
// decline even a one-line function such as `return 1.0 / (i * j + 1)`.
// Not a directly recursive one (fib): LLVM would inline it once into its
// outside callers, which only makes them bigger.
bool ModuleLowering::IsSmallStraightBody(const ir::Function& function) const {
  constexpr size_t kSmallBody = 48;
  if (function.is_generator || function.insts.size() > kSmallBody) return false;
  for (const ir::Inst& inst : function.insts) {
    if (inst.op != ir::Op::CallDirect || inst.callee.module >= program_.modules.size()) continue;
    const auto& functions = program_.modules[inst.callee.module].functions;
    if (inst.callee.function < functions.size() && &functions[inst.callee.function] == &function) return false;
  }
  for (ir::BlockId b = 0; b < function.blocks.size(); ++b) {
    if (function.blocks[b].insts.empty()) continue;
    const ir::Inst& last = function.insts[function.blocks[b].insts.back()];
    if (last.op == ir::Op::TryPush || last.op == ir::Op::ForIter) return false;
    for (ir::BlockId target : last.target)
      if (target != ir::kNoId && target <= b) return false;
  }
  return true;
}

llvm::MDNode* ModuleLowering::SequenceAliasTag(bool item) {
  if (!header_tag_) {
    llvm::MDBuilder md(context());
    llvm::MDNode* root = md.createTBAARoot("taipan");
    llvm::MDNode* header = md.createTBAAScalarTypeNode("sequence header", root);
    llvm::MDNode* items = md.createTBAAScalarTypeNode("sequence item", root);
    header_tag_ = md.createTBAAStructTagNode(header, header, 0);
    item_tag_ = md.createTBAAStructTagNode(items, items, 0);
  }
  return item ? item_tag_ : header_tag_;
}

void ModuleLowering::SetFunctionAttributes(llvm::Function* function) const {
  // No C++ exceptions anywhere: Python exceptions are nlr jumps.
  function->addFnAttr(llvm::Attribute::NoUnwind);
  function->addFnAttr("target-cpu", target_.cpu);
  if (!target_.features.empty()) function->addFnAttr("target-features", target_.features);
  if (target_.soft_float) function->addFnAttr("use-soft-float", "true");
  if (options_.optimize_size) function->addFnAttr(llvm::Attribute::OptimizeForSize);
  if (options_.opt_level == 0 && !options_.optimize_size) {
    function->addFnAttr(llvm::Attribute::NoInline);
    function->addFnAttr(llvm::Attribute::OptimizeNone);
  }
}

// ---- debug info ----

void ModuleLowering::CreateDebugInfo() {
  const ir::Module& ir = ir_module();
  // The file as the command line named it, relative to the compilation
  // directory (as clang records it), so that gdb finds the source.
  std::string path = ir.source ? std::string(ir.source->filename()) : ir.source_name;
  llvm::SmallString<256> directory;
  if (llvm::sys::path::is_absolute(path) || llvm::sys::fs::current_path(directory)) directory = ".";
  di_ = std::make_unique<llvm::DIBuilder>(module_);
  di_file_ = di_->createFile(path, directory);
  di_unit_ = di_->createCompileUnit(llvm::DISourceLanguageName(llvm::dwarf::DW_LANG_Python), di_file_, "taipan",
                                    options_.opt_level > 0, "", 0, "",
                                    llvm::DICompileUnit::LineTablesOnly);
  module_.addModuleFlag(llvm::Module::Warning, "Debug Info Version", llvm::DEBUG_METADATA_VERSION);
  module_.addModuleFlag(llvm::Module::Warning, "Dwarf Version", 4);
}

llvm::DISubprogram* ModuleLowering::NewSubprogram(llvm::Function* function, const ir::Function& ir_function) {
  if (!di_) return nullptr;
  llvm::DISubroutineType* type = di_->createSubroutineType(di_->getOrCreateTypeArray({}));
  uint32_t line = LineOf(ir_function.offset);
  auto flags = llvm::DISubprogram::SPFlagDefinition;
  if (options_.opt_level > 0) flags |= llvm::DISubprogram::SPFlagOptimized;
  const std::string& name = ir_function.qualified.empty() ? ir_function.name : ir_function.qualified;
  llvm::DISubprogram* subprogram =
      di_->createFunction(di_file_, name, function->getName(), di_file_, line, type, line, llvm::DINode::FlagZero, flags);
  function->setSubprogram(subprogram);
  return subprogram;
}

uint32_t ModuleLowering::LineOf(uint32_t offset) const {
  const ir::Module& ir = ir_module();
  if (!ir.source || offset > ir.source->size()) return 0;
  return ir.source->Locate(offset).line;
}

uint32_t ModuleLowering::ColumnOf(uint32_t offset) const {
  const ir::Module& ir = ir_module();
  if (!ir.source || offset > ir.source->size()) return 0;
  return ir.source->Locate(offset).column;
}

}  // namespace taipan::llvmbe
