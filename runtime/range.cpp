// range. (Initial core: the type; the containers work fills it in.)
#include "runtime/runtime.h"

namespace taipan::rt {

const Type kRangeType = {.base = {&kTypeType}, .name = Q_range, .base_type = &kObjectType};

}  // namespace taipan::rt
