// The time module.
#include "runtime/runtime.h"
