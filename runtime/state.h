// The runtime's global state. Every GC root the runtime itself holds is a
// Value field of RuntimeState: RuntimeInit registers the whole struct as one
// root range, so adding a field here is all it takes to keep a value alive.
// (Two roots live elsewhere: the qstr pools register their own, and
// RuntimeInit registers the preallocated MemoryError, g_memory_error.)
#ifndef TAIPAN_RUNTIME_STATE_H
#define TAIPAN_RUNTIME_STATE_H

#include "runtime/object.h"

namespace taipan::rt {

struct RuntimeState {
  Value modules;          // sys.modules (a dict)
  Value builtins;         // the builtins module's globals (a dict)
  Value main_module;      // __main__
  Value sys_path;         // a list
  Value sys_argv;         // a list
  Value sys_stdin;
  Value sys_stdout;
  Value sys_stderr;
  Value locals;           // the locals dict of the class body being built, or kNull
  Value globals;          // the globals of the running module (for globals())
  Value schedule_queue;   // micropython.schedule's pending (function, arg) pairs
  Value keyboard_interrupt;  // preallocated KeyboardInterrupt instance
  // The StopIteration a class's __next__ raised to end the latest inner
  // iteration, for next() to raise again through enumerate, map, zip and
  // filter (runtime.cpp IterNextOrRaise); kNull when that end had none.
  Value stop_iteration;
  Value atexit;           // sys.atexit's function, or kNull
  Value scratch[4];       // short-lived values the runtime must keep alive
  Value lookup_hint[2];   // map.cpp's lookup hint: the key it serves and the key it found
};

// Word-aligned, all Values: scanned as an array of words.
static_assert(sizeof(RuntimeState) % sizeof(Value) == 0, "RuntimeState holds only Values");

extern RuntimeState g_state;

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_STATE_H
