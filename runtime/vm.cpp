// Owned by the VM work (see vm.h).
#include "runtime/vm.h"
