// Internal to the VM (vm.cpp, vm_function.cpp, generator.cpp): the frame a
// bytecode function runs in, and the entry points between those files.
#ifndef TAIPAN_RUNTIME_VM_FRAME_H
#define TAIPAN_RUNTIME_VM_FRAME_H

#include <stddef.h>
#include <stdint.h>

#include "runtime/print.h"
#include "runtime/vm.h"

namespace taipan::rt {

// One entry of a frame's exception stack, pushed by SETUP_EXCEPT /
// SETUP_FINALLY / SETUP_WITH and popped when the block ends.
struct VmExcEntry {
  const uint8_t* handler;  // where the handler code starts
  Value* sp;               // the value stack top when the block was entered
  Word is_finally;         // finally or with: also run on return/break/continue
  Value prev_exc;          // the exception being handled (for a bare raise), or kNull
};

// A running bytecode function. `state` holds n_state values: the locals
// from the top down (local i is state[n_state - 1 - i], as MicroPython
// numbers them) and the value stack growing up from state[0]; the
// exception stack follows it. On the C stack for ordinary calls, in the
// GC heap for generators.
struct VmFrame {
  BytecodeFunction* fun;
  const uint8_t* ip;  // the next instruction (the current one while it runs); null once finished
  Value* sp;          // the value stack's top item (state - 1 when empty)
  VmExcEntry* exc_sp; // the innermost exception-stack entry (exc_stack() - 1 when none)
  size_t n_state;
  Value state[];

  VmExcEntry* exc_stack() { return reinterpret_cast<VmExcEntry*>(state + n_state); }
};

inline size_t VmFrameBytes(const RawCode* raw) {
  return sizeof(VmFrame) + raw->sig.n_state * sizeof(Value) + raw->sig.n_exc_stack * sizeof(VmExcEntry);
}

enum class VmResult : uint8_t { kReturn, kYield, kException };

// vm_function.cpp: fills a fresh frame for a call of `fun` (binds the
// arguments, makes the cells); raises TypeError for a bad call.
void VmSetupFrame(VmFrame* frame, BytecodeFunction* fun, size_t n_args, size_t n_kw, const Value* args);

// vm_function.cpp: prints a word as lowercase hex digits (addresses in reprs).
void VmPrintHexWord(const Printer& out, Word w);

// vm.cpp: runs the frame until it returns, yields or raises. `inject`:
// an exception to raise at the current instruction (generator.throw), or
// kNull. *out is the returned / yielded value or the exception.
VmResult VmExecute(VmFrame* frame, Value inject, Value* out);
// Raises RuntimeError when the C stack is nearly exhausted.

// vm.cpp: what `raise v` raises: an instance of v when v is an exception
// class, v itself when it is an exception, else a TypeError.
Value VmMakeRaiseObject(Value v);
// vm.cpp: one step of `yield from it` (native generators): the delegate
// resumed with `send`, or with `thrown` when that is not kNull. kYield with
// the value to yield, or kReturn with the delegate's return value (its
// StopIteration's value); raises what the delegate raises.
VmResult VmDelegateStep(Value it, Value send, Value thrown, Value* out);

// generator.cpp: a generator object for a call of a generator function.
Value VmNewGenerator(BytecodeFunction* fun, size_t n_args, size_t n_kw, const Value* args);
// Resumes `gen` (a kGeneratorType object) with `send` (kNull when
// throwing `thrown`): the kind of resumption and its value, as VmExecute.
VmResult VmGeneratorResume(Value gen, Value send, Value thrown, Value* out);

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_VM_FRAME_H
