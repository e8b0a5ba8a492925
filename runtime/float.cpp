// float and complex. (Initial core: the types; the float work fills this in.)
#include "runtime/float.h"

#include "runtime/runtime.h"

namespace taipan::rt {

Value NewFloat(Float f) {
  auto* obj = NewObject<FloatObject>(&kFloatType);
  obj->value = f;
  return FromPointer(obj);
}

Value NewComplex(Float real, Float imag) {
  auto* obj = NewObject<ComplexObject>(&kComplexType);
  obj->real = real;
  obj->imag = imag;
  return FromPointer(obj);
}

bool IsFloat(Value v) { return IsSubclass(TypeOf(v), &kFloatType); }

Float FloatValue(Value v) {
  if (IsFloat(v)) return ObjectPointer<FloatObject>(v)->value;
  return static_cast<Float>(IntToWord(v));
}

Value ParseFloat(const char*, size_t) { RaiseNotImplementedError("float parsing"); }
void PrintFloat(const Printer& out, Float) { PrintCString(out, "<float>"); }

const Type kFloatType = {
    .base = {&kTypeType},
    .flags = kTypeBaseAllowed,
    .name = Q_float,
    .base_type = &kObjectType,
};

const Type kComplexType = {
    .base = {&kTypeType},
    .name = Q_complex,
    .base_type = &kObjectType,
};

}  // namespace taipan::rt
