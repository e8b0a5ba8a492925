// set and frozenset. (Initial core: the types; the dict work fills them in.)
#include "runtime/map.h"
#include "runtime/runtime.h"

namespace taipan::rt {

const Type kSetType = {.base = {&kTypeType}, .flags = kTypeBaseAllowed, .name = Q_set, .base_type = &kObjectType};
const Type kFrozenSetType = {
    .base = {&kTypeType}, .flags = kTypeBaseAllowed, .name = Q_frozenset, .base_type = &kObjectType};

}  // namespace taipan::rt
