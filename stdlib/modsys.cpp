// The sys module.
#include "runtime/runtime.h"
