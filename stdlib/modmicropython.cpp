// The micropython module.
#include "runtime/runtime.h"
