// Stub: replaced by the type table.
#include "ir/ir.h"

namespace taipan::ir {

TypeTable::TypeTable() {
  for (TypeKind kind : {TypeKind::Unknown, TypeKind::Void, TypeKind::Object, TypeKind::Int, TypeKind::Float,
                        TypeKind::Bool, TypeKind::NoneType, TypeKind::Str})
    types_.push_back(Type{kind, {}, {}});
}
TypeId TypeTable::Intern(const Type& type) {
  for (TypeId i = 0; i < types_.size(); ++i)
    if (types_[i] == type) return i;
  types_.push_back(type);
  return static_cast<TypeId>(types_.size() - 1);
}
Rep TypeTable::RepOf(TypeId) const { return Rep::Value; }
TypeId TypeTable::Join(TypeId a, TypeId b) { return a == b ? a : kObjectType; }
std::string TypeTable::Name(TypeId) const { return "object"; }

std::string_view OpName(Op) { return "?"; }
uint8_t OpFlags(Op) { return 0; }

}  // namespace taipan::ir
