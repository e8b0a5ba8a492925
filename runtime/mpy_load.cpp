// Owned by the .mpy loading work (see vm.h).
#include "runtime/vm.h"
