// Declarations of the runtime helpers from runtime/native_abi.def.
#include "backends/llvm/abi.h"

#include <llvm/IR/Attributes.h>
#include <llvm/IR/Function.h>
#include <llvm/IR/GlobalVariable.h>

namespace taipan::llvmbe {

namespace {

// native_abi.def's kinds of helpers by the memory they touch.
enum class HelperMemory : uint8_t { Any, Allocates, Reads };

struct HelperSignature {
  const char* name;
  const char* result;     // one kind letter
  const char* arguments;  // kind letters separated by ", " (the .def's text)
  bool noreturn;
  HelperMemory memory;  // what LLVM may assume it touches
};

constexpr HelperSignature kSignatures[] = {
#define TAIPAN_ABI(name, result, ...) {#name, #result, #__VA_ARGS__, false, HelperMemory::Any},
#define TAIPAN_ABI_NORETURN(name, ...) {#name, "N", #__VA_ARGS__, true, HelperMemory::Any},
#define TAIPAN_ABI_ALLOCATES(name, result, ...) {#name, #result, #__VA_ARGS__, false, HelperMemory::Allocates},
#define TAIPAN_ABI_READS(name, result, ...) {#name, #result, #__VA_ARGS__, false, HelperMemory::Reads},
#include "runtime/native_abi.def"
};

constexpr const char* kTypeSymbols[] = {
#define TAIPAN_ABI_TYPE(name, type) #name,
#include "runtime/native_abi.def"
};

constexpr const char* kWordSymbols[] = {
#define TAIPAN_ABI_WORD(name) #name,
#include "runtime/native_abi.def"
};

bool Listed(std::string_view name, const auto& names) {
  for (const char* listed : names)
    if (name == listed) return true;
  return false;
}

}  // namespace

RuntimeAbi::RuntimeAbi(llvm::Module& module, const TargetInfo& target) : module_(module), target_(target) {
  llvm::LLVMContext& context = module.getContext();
  types_.word = llvm::IntegerType::get(context, target.word_bits);
  types_.fp = target.float_is_double ? llvm::Type::getDoubleTy(context) : llvm::Type::getFloatTy(context);
  types_.complex = llvm::StructType::get(context, {types_.fp, types_.fp});
  types_.ptr = llvm::PointerType::getUnqual(context);
  types_.i1 = llvm::Type::getInt1Ty(context);
  types_.i32 = llvm::Type::getInt32Ty(context);
  types_.word_bytes = target.word_bits / 8;
  types_.float_mantissa_bits = target.float_is_double ? 53 : 24;
}

llvm::Type* RuntimeAbi::KindType(char kind) const {
  switch (kind) {
    case 'V':
    case 'W':
    case 'U':
      return types_.word;
    case 'P':
      return types_.ptr;
    case 'F':
      return types_.fp;
    case 'B':
      return types_.i1;
    default:
      return llvm::Type::getVoidTy(module_.getContext());
  }
}

llvm::Function* RuntimeAbi::Declare(const std::string& name, llvm::FunctionType* type) {
  llvm::Function* function = module_.getFunction(name);
  if (!function) function = llvm::Function::Create(type, llvm::GlobalValue::ExternalLinkage, name, module_);
  function->addFnAttr(llvm::Attribute::NoUnwind);
  return function;
}

llvm::Function* RuntimeAbi::Get(Helper helper) {
  llvm::Function*& slot = helpers_[static_cast<unsigned>(helper)];
  if (slot) return slot;
  const HelperSignature& signature = kSignatures[static_cast<unsigned>(helper)];
  std::vector<llvm::Type*> parameters;
  for (const char* c = signature.arguments; *c; ++c)
    if (*c != ',' && *c != ' ') parameters.push_back(KindType(*c));
  llvm::Type* result = KindType(signature.result[0]);
  slot = Declare(std::string("taipan_native_") + signature.name, llvm::FunctionType::get(result, parameters, false));
  // Bools cross the C ABI zero-extended, as clang passes C++ bool.
  if (signature.result[0] == 'B') slot->addRetAttr(llvm::Attribute::ZExt);
  if (!result->isVoidTy()) slot->addRetAttr(llvm::Attribute::NoUndef);
  for (unsigned i = 0; i < parameters.size(); ++i)
    if (parameters[i] == types_.i1) slot->addParamAttr(i, llvm::Attribute::ZExt);
  if (signature.noreturn) {
    slot->addFnAttr(llvm::Attribute::NoReturn);
    slot->addFnAttr(llvm::Attribute::Cold);
  }
  // Never willreturn: a helper may raise, so stores before it stay before it.
  if (signature.memory == HelperMemory::Allocates) slot->setMemoryEffects(llvm::MemoryEffects::inaccessibleMemOnly());
  if (signature.memory == HelperMemory::Reads)
    slot->setMemoryEffects(llvm::MemoryEffects::readOnly() | llvm::MemoryEffects::inaccessibleMemOnly());
  return slot;
}

bool RuntimeAbi::IsNoReturn(Helper helper) const { return kSignatures[static_cast<unsigned>(helper)].noreturn; }

bool RuntimeAbi::OnlyAllocatesOrReads(Helper helper) const {
  return kSignatures[static_cast<unsigned>(helper)].memory != HelperMemory::Any;
}

llvm::Function* RuntimeAbi::NlrPush() {
  llvm::Function* push =
      Declare("taipan_nlr_push", llvm::FunctionType::get(types_.i32, {types_.ptr}, false));
  push->addFnAttr(llvm::Attribute::ReturnsTwice);
  return push;
}

llvm::Function* RuntimeAbi::NlrPop() {
  return Declare("taipan_nlr_pop", llvm::FunctionType::get(llvm::Type::getVoidTy(module_.getContext()), false));
}

llvm::Constant* RuntimeAbi::TypeSymbol(std::string_view name) {
  if (!Listed(name, kTypeSymbols)) return nullptr;
  std::string symbol = "taipan_native_type_" + std::string(name);
  if (llvm::GlobalVariable* existing = module_.getGlobalVariable(symbol)) return existing;
  // Only the address matters: an opaque byte is enough.
  return new llvm::GlobalVariable(module_, llvm::Type::getInt8Ty(module_.getContext()), true,
                                  llvm::GlobalValue::ExternalLinkage, nullptr, symbol);
}

llvm::GlobalVariable* RuntimeAbi::WordSymbol(std::string_view name) {
  if (!Listed(name, kWordSymbols)) return nullptr;
  std::string symbol = "taipan_native_" + std::string(name);
  if (llvm::GlobalVariable* existing = module_.getGlobalVariable(symbol)) return existing;
  auto* word = new llvm::GlobalVariable(module_, types_.word, false, llvm::GlobalValue::ExternalLinkage, nullptr, symbol);
  // The runtime is linked into the same image (executable or firmware), so
  // the word is addressed directly, not through the GOT: the back-edge poll
  // and the frame link are one instruction shorter.
  word->setDSOLocal(true);
  return word;
}

// The first offset after the header word aligned for Float as a struct
// member (the data layout's ABI alignment: 8 for double on ARM, 4 for float).
unsigned RuntimeAbi::FloatValueOffset() const {
  unsigned align = static_cast<unsigned>(module_.getDataLayout().getABITypeAlign(types_.fp).value());
  unsigned header = types_.word_bytes;
  return (header + align - 1) / align * align;
}

}  // namespace taipan::llvmbe
