// The NativeEntry of a function: `entry(self, local0)` reads the bound
// argument slots (slot i is local0[-i]), checks that each typed parameter
// really has its inferred type — running the function's bytecode instead
// when one does not — unboxes them, calls the body and boxes its result.
#include "backends/llvm/lower.h"

namespace taipan::llvmbe {

using ir::TypeKind;

std::string FunctionLowering::EntrySymbol() const {
  std::string body = body_->getName().str();
  // taipan_m<k>_f<i>_name -> taipan_m<k>_e<i>_name
  size_t f = body.find("_f");
  if (f != std::string::npos) body[f + 1] = 'e';
  return body;
}

void FunctionLowering::GuardParameter(llvm::Value* value, ir::TypeId type, llvm::BasicBlock* fail) {
  RuntimeAbi& abi = module_.abi();
  llvm::BasicBlock* pass = NewBlock("guard.ok");
  auto exact = [&](const char* symbol) { b_.CreateCondBr(HasExactType(value, abi.TypeSymbol(symbol)), pass, fail); };
  auto immediate_or_exact = [&](llvm::Value* is_immediate, const char* symbol) {
    llvm::BasicBlock* object = NewBlock("guard.object");
    b_.CreateCondBr(is_immediate, pass, object);
    b_.SetInsertPoint(object);
    exact(symbol);
  };
  switch (Kind(type)) {
    case TypeKind::Int:  // a small int or a big-int object
      immediate_or_exact(IsSmallInt(value), "int");
      break;
    case TypeKind::Str:  // an interned str (qstr) or a str object
      immediate_or_exact(IsQstr(value), "str");
      break;
    case TypeKind::Float:
      exact("float");
      break;
    case TypeKind::Complex:
      exact("complex");
      break;
    case TypeKind::List:
      // list[T]: inference proved what the direct callers' lists hold; a
      // dynamic caller's list cannot be checked without reading every item.
      if (ElementType(type) == ir::kObjectType) {
        exact("list");
      } else {
        b_.CreateBr(fail);
      }
      break;
    case TypeKind::Tuple:
      // Items of known classes' types cannot be checked without reading them.
      if (module_.program().types.MentionsKnownClass(type)) {
        b_.CreateBr(fail);
      } else {
        exact("tuple");
      }
      break;
    case TypeKind::Class:  // that very class (direct calls construct its instances)
      b_.CreateCondBr(b_.CreateICmpEQ(value, LoadClassSlot(type)), pass, fail);
      break;
    case TypeKind::Instance:  // exactly that class (direct calls of its methods)
      b_.CreateCondBr(HasExactType(value, b_.CreateIntToPtr(LoadClassSlot(type), t_.ptr)), pass, fail);
      break;
    case TypeKind::Optional: {  // None, or exactly that class
      llvm::BasicBlock* instance = NewBlock("guard.instance");
      b_.CreateCondBr(b_.CreateICmpEQ(value, NoneValue()), pass, instance);
      b_.SetInsertPoint(instance);
      ir::TypeId inside = module_.program().types.Get(type).params[0];
      b_.CreateCondBr(HasExactType(value, b_.CreateIntToPtr(LoadClassSlot(inside), t_.ptr)), pass, fail);
      break;
    }
    case TypeKind::Dict:
      exact("dict");
      break;
    case TypeKind::Bytes:
      exact("bytes");
      break;
    case TypeKind::ByteArray:
      exact("bytearray");
      break;
    case TypeKind::Bool:
      b_.CreateCondBr(b_.CreateICmpEQ(b_.CreateOr(value, Word(0x10)), TrueValue()), pass, fail);
      break;
    case TypeKind::NoneType:
      b_.CreateCondBr(b_.CreateICmpEQ(value, NoneValue()), pass, fail);
      break;
    default:  // no inline code depends on other types: nothing to check
      b_.CreateBr(pass);
      break;
  }
  b_.SetInsertPoint(pass);
}

// The class object of a known class's class<C> or instance<C> type (null
// before its class statement ran, which no value matches).
llvm::Value* FunctionLowering::LoadClassSlot(ir::TypeId type) {
  return b_.CreateLoad(t_.word, module_.ClassSlot(module_.program().types.Get(type).ref), "class");
}

llvm::Value* FunctionLowering::UnboxParameter(llvm::Value* value, ir::TypeId type) {
  switch (module_.RepOf(type)) {
    case ir::Rep::Float:  // the guard proved an exact float object
      return LoadFloatAt(value, module_.abi().FloatValueOffset());
    case ir::Rep::Complex:  // an exact complex object
      return UnboxComplex(value);
    case ir::Rep::Bool:
      return b_.CreateICmpEQ(value, TrueValue());
    case ir::Rep::Word:
      return Untag(value);
    default:
      return value;
  }
}

// A parameter's bound value: the contents of the cell the runtime's binding
// made when the native code keeps the parameter plain (Local::bound_in_cell).
llvm::Value* FunctionLowering::OpenBoundCell(uint32_t slot, llvm::Value* bound) {
  for (const ir::Local& local : function_.locals)
    if (local.slot == slot && local.bound_in_cell) return CallHelper(Helper::cell_get, {bound});
  return bound;
}

llvm::Function* FunctionLowering::LowerEntry() {
  llvm::FunctionType* type = llvm::FunctionType::get(t_.word, {t_.ptr, t_.ptr}, false);
  llvm::Function* entry =
      llvm::Function::Create(type, llvm::GlobalValue::InternalLinkage, EntrySymbol(), module_.module());
  module_.SetFunctionAttributes(entry);
  current_ = entry;
  frame_record_ = nullptr;  // the wrapper is no Python frame
  linked_in_prologue_ = false;
  links_lazily_ = false;
  link_at_calls_ = false;
  llvm::DISubprogram* body_subprogram = subprogram_;
  if (module_.di()) subprogram_ = module_.NewSubprogram(entry, function_);
  llvm::Value* self = entry->getArg(0);
  llvm::Value* local0 = entry->getArg(1);
  b_.SetInsertPoint(llvm::BasicBlock::Create(module_.context(), "entry", entry));
  SetLocation(function_.offset);

  llvm::BasicBlock* fail = NewBlock("run_generic");
  std::vector<llvm::Value*> boxed{self};  // all loaded before the first guard (the fail path passes them on)
  for (uint32_t slot = 0; slot < function_.n_slots; ++slot) {
    llvm::Value* address = b_.CreateInBoundsGEP(t_.word, local0, Word(-static_cast<int64_t>(slot)));
    boxed.push_back(OpenBoundCell(slot, b_.CreateLoad(t_.word, address, "slot")));
  }
  std::vector<llvm::Value*> args{self};
  for (uint32_t slot = 0; slot < function_.n_slots; ++slot) {
    ir::TypeId slot_type = module_.SlotType(function_, slot);
    GuardParameter(boxed[slot + 1], slot_type, fail);
    args.push_back(UnboxParameter(boxed[slot + 1], slot_type));
  }
  llvm::Value* result = b_.CreateCall(body_, args);
  b_.CreateRet(Coerce(result, function_.return_type, ir::kObjectType));

  // A parameter without its inferred type: the same function's generic
  // clone (object parameters, dynamic calls), or its bytecode.
  fail->moveAfter(&entry->back());
  b_.SetInsertPoint(fail);
  const std::vector<ir::Function>& functions = module_.ir_module().functions;
  if (function_.generic != ir::kNoId && functions[function_.generic].native) {
    llvm::Value* generic = b_.CreateCall(module_.BodyOf({module_.module_index(), function_.generic}), boxed);
    b_.CreateRet(Coerce(generic, functions[function_.generic].return_type, ir::kObjectType));
  } else {
    b_.CreateRet(CallHelper(Helper::run_bytecode, {self, local0}));
  }
  subprogram_ = body_subprogram;
  return entry;
}

}  // namespace taipan::llvmbe
