// The runtime as generated code sees it: every helper of
// runtime/native_abi.def declared with the target's LLVM types, the layout
// facts of the same file, and the nlr entry points (runtime/nlr.h).
#ifndef TAIPAN_BACKENDS_LLVM_ABI_H
#define TAIPAN_BACKENDS_LLVM_ABI_H

#include <array>
#include <string_view>

#include <llvm/IR/DerivedTypes.h>
#include <llvm/IR/Module.h>

#include "backends/llvm/target.h"

namespace taipan::llvmbe {

// One enumerator per helper, in native_abi.def's order.
enum class Helper : unsigned {
#define TAIPAN_ABI(name, result, ...) name,
#define TAIPAN_ABI_NORETURN(name, ...) name,
#include "runtime/native_abi.def"
  kCount
};

// Word offsets of the object fields and multi-word members generated code
// reads (native_abi.def's TAIPAN_ABI_FIELD and TAIPAN_ABI_MEMBER):
// abi_field::kListObject_items, abi_field::kDictObject_map, ...; and the
// sizes in words of the structs it builds (TAIPAN_ABI_SIZE):
// abi_size::kAttrCache, ...
namespace abi_field {
#define TAIPAN_ABI_FIELD(type, field, index) constexpr unsigned k##type##_##field = index;
#define TAIPAN_ABI_MEMBER(type, member, index) constexpr unsigned k##type##_##member = index;
#include "runtime/native_abi.def"
}  // namespace abi_field
namespace abi_size {
#define TAIPAN_ABI_SIZE(type, words) constexpr unsigned k##type = words;
#include "runtime/native_abi.def"
}  // namespace abi_size

// The LLVM types of the runtime's kinds on one target.
struct AbiTypes {
  llvm::IntegerType* word;  // Value, signed and unsigned words
  llvm::Type* fp;           // runtime/float.h's Float
  llvm::StructType* complex;  // {real, imag}: an unboxed complex (ir::Rep::Complex)
  llvm::PointerType* ptr;
  llvm::IntegerType* i1;    // bool (zeroext at calls, as clang passes it)
  llvm::IntegerType* i32;
  unsigned word_bytes;
  unsigned float_mantissa_bits;  // 53 for double, 24 for float
};

class RuntimeAbi {
 public:
  RuntimeAbi(llvm::Module& module, const TargetInfo& target);

  const AbiTypes& types() const { return types_; }
  // The declaration of taipan_native_NAME (made on first use).
  llvm::Function* Get(Helper helper);
  bool IsNoReturn(Helper helper) const;
  // TAIPAN_ABI_ALLOCATES and TAIPAN_ABI_READS helpers.
  bool OnlyAllocatesOrReads(Helper helper) const;
  // taipan_nlr_push (returns_twice) and taipan_nlr_pop.
  llvm::Function* NlrPush();
  llvm::Function* NlrPop();
  // &taipan_native_type_NAME for a TAIPAN_ABI_TYPE name ("float", "list", ...).
  llvm::Constant* TypeSymbol(std::string_view name);
  // &taipan_native_NAME for a TAIPAN_ABI_WORD name ("stack_limit").
  llvm::GlobalVariable* WordSymbol(std::string_view name);
  // Byte offset of FloatObject::value (TAIPAN_ABI_FLOAT_FIELD), also of
  // ComplexObject::real (imag follows it).
  unsigned FloatValueOffset() const;
  // Words of one NlrBuf: prev, value, the saved registers, native_frames.
  unsigned NlrBufWords() const { return 3 + target_.nlr_registers; }

 private:
  llvm::Type* KindType(char kind) const;
  llvm::Function* Declare(const std::string& name, llvm::FunctionType* type);

  llvm::Module& module_;
  const TargetInfo& target_;
  AbiTypes types_;
  std::array<llvm::Function*, static_cast<unsigned>(Helper::kCount)> helpers_{};
};

}  // namespace taipan::llvmbe

#endif  // TAIPAN_BACKENDS_LLVM_ABI_H
