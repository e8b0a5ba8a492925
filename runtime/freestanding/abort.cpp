// abort(): what __builtin_trap becomes on targets without a trap
// instruction (Xtensa). The program ends through the platform port with
// SIGABRT's exit status. In a file of its own so that only programs that
// can trap pull in the port's exit.
#include "runtime/port.h"

extern "C" [[noreturn]] void abort(void) { taipan_port_exit(134); }
