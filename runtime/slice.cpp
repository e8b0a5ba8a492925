// slice. (Initial core: the type; the containers work fills it in.)
#include "runtime/runtime.h"

namespace taipan::rt {

const Type kSliceType = {.base = {&kTypeType}, .name = Q_slice, .base_type = &kObjectType};

}  // namespace taipan::rt
