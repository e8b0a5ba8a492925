// The type table (interning, representation, join, names) and the
// instruction kinds' names and flags, both from their .def lists.
#include <string>

#include "ir/ir.h"

namespace taipan::ir {

namespace {

struct TypeKindInfo {
  std::string_view spelling;
  Rep rep;
};

constexpr TypeKindInfo kTypeKinds[] = {
#define IR_TYPE(Kind, spelling, rep) {spelling, Rep::rep},
#include "ir/types.def"
};

struct OpInfo {
  std::string_view spelling;
  uint8_t flags;
};

constexpr OpInfo kOps[] = {
#define IR_INST(Name, spelling, flags, operands) {spelling, static_cast<uint8_t>(flags)},
#include "ir/instructions.def"
};

bool HasElementwiseJoin(TypeKind kind) {
  return kind == TypeKind::List || kind == TypeKind::Set || kind == TypeKind::Dict;
}

}  // namespace

TypeTable::TypeTable() {
  for (TypeKind kind : {TypeKind::Unknown, TypeKind::Void, TypeKind::Object, TypeKind::Int, TypeKind::Float,
                        TypeKind::Bool, TypeKind::NoneType, TypeKind::Str, TypeKind::Complex})
    Intern(Type{kind, {}, {}});
}

TypeId TypeTable::OfConstant(const bytecode::Constant& c) {
  switch (c.kind) {
    case bytecode::MpyObj::None: return kNoneType;
    case bytecode::MpyObj::True:
    case bytecode::MpyObj::False: return kBoolType;
    case bytecode::MpyObj::Int: return kIntType;
    case bytecode::MpyObj::Float: return kFloatType;
    case bytecode::MpyObj::Complex: return kComplexType;
    case bytecode::MpyObj::Str: return kStrType;
    case bytecode::MpyObj::Bytes: return Of(TypeKind::Bytes);
    case bytecode::MpyObj::Tuple: {
      Type tuple{TypeKind::Tuple, {}, {}};
      for (const bytecode::Constant& item : c.items) tuple.params.push_back(OfConstant(item));
      return Intern(tuple);
    }
    default: return kObjectType;
  }
}

TypeId TypeTable::Intern(const Type& type) {
  // A linear search: programs have a few hundred distinct types.
  for (TypeId i = 0; i < types_.size(); ++i)
    if (types_[i] == type) return i;
  types_.push_back(type);
  return static_cast<TypeId>(types_.size() - 1);
}

Rep TypeTable::RepOf(TypeId id) const { return kTypeKinds[static_cast<size_t>(types_[id].kind)].rep; }

TypeId TypeTable::Join(TypeId a, TypeId b) {
  if (a == b || b == kUnknownType) return a;
  if (a == kUnknownType) return b;
  const Type ta = types_[a];  // copies: Intern below may grow types_
  const Type tb = types_[b];
  if (ta.kind == TypeKind::Optional || tb.kind == TypeKind::Optional || ta.kind == TypeKind::NoneType ||
      tb.kind == TypeKind::NoneType)
    return JoinOptional(a, b);
  if (ta.kind != tb.kind) return kObjectType;
  if (HasElementwiseJoin(ta.kind) && ta.params.size() == tb.params.size()) {
    Type joined{ta.kind, {}, {}};
    for (size_t i = 0; i < ta.params.size(); ++i) joined.params.push_back(Join(ta.params[i], tb.params[i]));
    return Intern(joined);
  }
  if (ta.kind == TypeKind::Tuple) {
    // Different lengths (or one unknown): a tuple of unknown length.
    if (ta.params.size() != tb.params.size() || ta.params.empty()) return Of(TypeKind::Tuple);
    Type joined{TypeKind::Tuple, {}, {}};
    for (size_t i = 0; i < ta.params.size(); ++i) joined.params.push_back(Join(ta.params[i], tb.params[i]));
    return Intern(joined);
  }
  // Two different known functions: still a function, just not a known one.
  if (ta.kind == TypeKind::Function) return Of(TypeKind::Function);
  return kObjectType;
}

// None joined with an instance of a known class, or with such an optional,
// is an optional instance: a Value that is None or exactly that instance.
// Anything else mixed with None or an optional is an object.
TypeId TypeTable::JoinOptional(TypeId a, TypeId b) {
  auto payload = [this](TypeId t) { return KindOf(t) == TypeKind::Optional ? Get(t).params[0] : t; };
  TypeId pa = payload(a), pb = payload(b);
  TypeId inside = pa == kNoneType ? pb : pb == kNoneType ? pa : pa == pb ? pa : kObjectType;
  if (KindOf(inside) != TypeKind::Instance) return kObjectType;
  return Intern(Type{TypeKind::Optional, {inside}, {}});
}

bool TypeTable::MentionsKnownClass(TypeId id) const {
  const Type& type = types_[id];
  if (type.kind == TypeKind::Instance || type.kind == TypeKind::Class) return true;
  for (TypeId param : type.params)
    if (MentionsKnownClass(param)) return true;
  return false;
}

std::string TypeTable::Name(TypeId id) const {
  if (id >= types_.size()) return "<bad type " + std::to_string(id) + ">";
  const Type& type = types_[id];
  std::string name(kTypeKinds[static_cast<size_t>(type.kind)].spelling);
  if (!type.params.empty()) {
    name += '[';
    for (size_t i = 0; i < type.params.size(); ++i) {
      if (i) name += ", ";
      name += Name(type.params[i]);
    }
    name += ']';
  }
  if (type.ref.valid()) name += "<" + std::to_string(type.ref.module) + ":" + std::to_string(type.ref.function) + ">";
  return name;
}

std::string_view OpName(Op op) { return kOps[static_cast<size_t>(op)].spelling; }
uint8_t OpFlags(Op op) { return kOps[static_cast<size_t>(op)].flags; }

}  // namespace taipan::ir
