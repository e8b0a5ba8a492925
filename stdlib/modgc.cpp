// The gc module.
#include "runtime/runtime.h"
