#include "test/runtime/runtime_test.h"
