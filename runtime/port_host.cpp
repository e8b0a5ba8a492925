// The host port (Linux): console, clocks, exit.
#include "runtime/port.h"
