// The builtin iterator types. (Initial core: the types; the containers work
// fills them in.)
#include "runtime/runtime.h"

namespace taipan::rt {

Value NewSequenceIterator(Value) { RaiseNotImplementedError("sequence iterator"); }

const Type kEnumerateType = {.base = {&kTypeType}, .name = Q_enumerate, .base_type = &kObjectType};
const Type kZipType = {.base = {&kTypeType}, .name = Q_zip, .base_type = &kObjectType};
const Type kMapType = {.base = {&kTypeType}, .name = Q_map, .base_type = &kObjectType};
const Type kFilterType = {.base = {&kTypeType}, .name = Q_filter, .base_type = &kObjectType};
const Type kReversedType = {.base = {&kTypeType}, .name = Q_reversed, .base_type = &kObjectType};
const Type kIteratorType = {.base = {&kTypeType}, .name = Q_iterator, .base_type = &kObjectType};

}  // namespace taipan::rt
