// Classes defined by programs: type(name, bases, dict), C3 MRO, instances
// and their special methods, super(). (Initial core: declarations; the
// functions-and-classes work fills this in.)
#include "runtime/class.h"

#include "runtime/runtime.h"

namespace taipan::rt {

Value NewClass(Qstr, Value, Value) { RaiseNotImplementedError("classes"); }
bool IsClass(const Type* type) { return (type->flags & kTypeIsClass) != 0; }
const Type* NativeBaseOf(const Type*) { return nullptr; }
Value NativeValue(Value v) { return v; }
Value InstanceDict(Value, bool) { return kNull; }

const Type kSuperType = {.base = {&kTypeType}, .name = Q_super, .base_type = &kObjectType};

}  // namespace taipan::rt
