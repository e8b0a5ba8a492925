// Generates the frozen-module table (frozen_object.h) as an llvm::Module of
// constant globals and lets the host TargetMachine write the object file.
#include "driver/frozen_object.h"

#include <memory>

#include "llvm/IR/Constants.h"
#include "llvm/IR/DerivedTypes.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/Target/TargetOptions.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/Triple.h"

namespace taipan::driver {

namespace {

llvm::GlobalVariable* PrivateBytes(llvm::Module& module, llvm::ArrayRef<uint8_t> bytes, const llvm::Twine& name) {
  llvm::Constant* data = llvm::ConstantDataArray::get(module.getContext(), bytes);
  auto* global = new llvm::GlobalVariable(module, data->getType(), /*isConstant=*/true,
                                          llvm::GlobalValue::PrivateLinkage, data, name);
  global->setUnnamedAddr(llvm::GlobalValue::UnnamedAddr::Global);
  global->setAlignment(llvm::Align(1));
  return global;
}

// { const char* name; const uint8_t* mpy; size_t size; bool is_package;
//   const NativeModuleCode* native; }
void AddTable(llvm::Module& module, const std::vector<FrozenModuleImage>& modules) {
  llvm::LLVMContext& context = module.getContext();
  llvm::Type* ptr = llvm::PointerType::get(context, 0);
  llvm::Type* size = llvm::Type::getInt64Ty(context);
  llvm::Type* flag = llvm::Type::getInt8Ty(context);
  llvm::StructType* entry = llvm::StructType::create(context, {ptr, ptr, size, flag, ptr}, "taipan.FrozenModule");
  std::vector<llvm::Constant*> entries;
  for (size_t i = 0; i < modules.size(); ++i) {
    const FrozenModuleImage& image = modules[i];
    std::vector<uint8_t> name(image.name.begin(), image.name.end());
    name.push_back(0);
    llvm::GlobalVariable* name_global = PrivateBytes(module, name, "taipan.frozen.name." + llvm::Twine(i));
    llvm::GlobalVariable* mpy_global = PrivateBytes(module, image.mpy, "taipan.frozen.mpy." + llvm::Twine(i));
    llvm::Constant* native = llvm::ConstantPointerNull::get(llvm::PointerType::get(context, 0));
    if (!image.native_symbol.empty()) {
      native = new llvm::GlobalVariable(module, llvm::Type::getInt8Ty(context), true,
                                        llvm::GlobalValue::ExternalLinkage, nullptr, image.native_symbol);
    }
    entries.push_back(llvm::ConstantStruct::get(
        entry, {name_global, mpy_global, llvm::ConstantInt::get(size, image.mpy.size()),
                llvm::ConstantInt::get(flag, image.is_package ? 1 : 0), native}));
  }
  llvm::ArrayType* table_type = llvm::ArrayType::get(entry, entries.size());
  new llvm::GlobalVariable(module, table_type, true, llvm::GlobalValue::ExternalLinkage,
                           llvm::ConstantArray::get(table_type, entries), "taipan_frozen_modules");
  new llvm::GlobalVariable(module, size, true, llvm::GlobalValue::ExternalLinkage,
                           llvm::ConstantInt::get(size, entries.size()), "taipan_frozen_module_count");
}

}  // namespace

bool WriteFrozenObject(const std::vector<FrozenModuleImage>& modules, const std::string& path, std::string* error) {
  llvm::InitializeNativeTarget();
  llvm::InitializeNativeTargetAsmPrinter();
  llvm::Triple triple(llvm::sys::getDefaultTargetTriple());
  const llvm::Target* target = llvm::TargetRegistry::lookupTarget(triple, *error);
  if (!target) return false;
  std::unique_ptr<llvm::TargetMachine> machine(
      target->createTargetMachine(triple, "generic", "", llvm::TargetOptions(), llvm::Reloc::PIC_));
  if (!machine) {
    *error = "no target machine for " + triple.str();
    return false;
  }
  llvm::LLVMContext context;
  llvm::Module module("taipan.frozen", context);
  module.setTargetTriple(triple);
  module.setDataLayout(machine->createDataLayout());
  AddTable(module, modules);

  std::error_code ec;
  llvm::raw_fd_ostream out(path, ec);
  if (ec) {
    *error = "cannot write '" + path + "': " + ec.message();
    return false;
  }
  llvm::legacy::PassManager passes;
  if (machine->addPassesToEmitFile(passes, out, nullptr, llvm::CodeGenFileType::ObjectFile)) {
    *error = "the host target cannot emit object files";
    return false;
  }
  passes.run(module);
  out.flush();
  if (out.has_error()) {
    *error = "cannot write '" + path + "'";
    return false;
  }
  return true;
}

}  // namespace taipan::driver
