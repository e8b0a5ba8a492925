// The fallback VM: bytecode functions, the interpreter, generators, and
// loading bytecode .mpy files (version 6) into them. The format is
// runtime/bytecode.h; the opcodes runtime/bytecode.def.
//
// Ownership of the pieces:
//   vm.cpp          BytecodeFunction calls, the interpreter loop, generators
//   mpy_load.cpp    .mpy bytes -> ModuleContext + RawCode tree (ValueError on
//                   anything malformed), the bytecode verifier, frozen modules
//                   and .mpy files on sys.path through SetModuleLoader
#ifndef TAIPAN_RUNTIME_VM_H
#define TAIPAN_RUNTIME_VM_H

#include <stddef.h>
#include <stdint.h>

#include "runtime/bytecode.h"
#include "runtime/object.h"

namespace taipan::rt {

// What a module's bytecode operands index: its qstr table (index 0 is the
// source file name) and object table, plus the module's globals.
struct RawCode;

struct ModuleContext {
  Object base;  // &kModuleContextType
  Value module;  // the module object whose globals the code runs in
  size_t n_qstr;
  size_t n_obj;
  Qstr* qstr_table;  // GC-allocated, n_qstr entries
  Value* obj_table;  // GC-allocated, n_obj entries
  // With native code: every raw code of the module, in pre-order (native
  // code makes nested functions from these: a direct call has no function
  // object whose raw code lists the children). GC-allocated; else null.
  RawCode** raw_codes;
};

struct BytecodeFunction;

// Natively compiled code for a raw code (backends/llvm). `args` points at
// the bound-argument frame the VM's argument binding fills: slot i (free
// variables' cells first, then the parameters in local order, *args,
// **kwargs; cell parameters already wrapped in cells) is args[-i].
using NativeEntry = Value (*)(BytecodeFunction* self, Value* args);

// What a traceback entry of a native function needs besides the line: one
// constant per function, emitted with its code.
struct NativeFunctionInfo {
  ModuleContext** context;  // the module's context (set when it is loaded)
  Word name;                // the function's name: an index into context's qstr table
  // The line of the function's calls to itself that jump back to its start
  // instead of calling (ir/tail_recursion.cpp), or 0 when it has none. When
  // not 0, its records are NativeTailFrames.
  Word tail_line;
};

// A running native function's frame record. Native code links one per
// running function into taipan_native_frames (innermost first) and unlinks
// it when it returns; an exception leaving native frames cuts the chain back
// (taipan_nlr_unwound), and the frames cut become traceback entries.
struct NativeFrame {
  NativeFrame* prev;
  const NativeFunctionInfo* function;  // null until the function stored it
  Word line;  // the line of the call the function is in (stored before each call)
};

// The record of a function whose tail calls jump back: a traceback shows,
// outside the frame's own entry, one entry at the info's tail_line for each
// jump back, as it would for the calls they replace.
struct NativeTailFrame {
  NativeFrame frame;
  Word repeats;  // the jumps back since the call began
};

// What a natively compiled generator (an LLVM coroutine) and the runtime
// exchange at each resumption; it lives in the generator object.
struct NativeGeneratorState {
  void* coroutine;  // the coroutine's frame once started, else null
  Value sent;       // in: what the resumed yield evaluates to (None for next())
  Value thrown;     // in: an exception to raise at the resumed yield, or kNull
  Value result;     // out: the value yielded, or returned when `returned`
  Word returned;    // out: nonzero once the body has returned
  NativeFrame frame;  // the body's frame record (the runtime links it while the body runs)
  // The runtime's alone (generated code knows no field past `frame`). While
  // the body is suspended in a `yield from` on a generator, that generator:
  // a resumption then steps it straight away and yields what it yields,
  // without resuming the body. A chain of such generators is walked down in
  // a loop to the one that runs its own body (generator.cpp
  // ResumeDelegationChain), so an item costs one resumption, not one
  // resumption and one nested runtime call per level.
  Value delegate;
  // When such a step ended the delegation instead (1: the delegate returned
  // delegate_result; 2: it raised delegate_result), the body is resumed and
  // its yield_from helper takes that outcome instead of stepping again.
  Word delegate_ended;
  Value delegate_result;
};

// The native code of a generator function: runs its body from the start,
// with the arguments bound in the frame (slot i is local0[-i]), to the first
// yield or the end, and returns the coroutine frame; later resumptions go
// through the frame (NativeGeneratorResume in generator.cpp).
using NativeGeneratorStart = void* (*)(BytecodeFunction* self, Value* local0, NativeGeneratorState* state);

// A module's native code, emitted by the LLVM backend next to its .mpy:
// entries[i] is the native code of raw code i in pre-order (0 the module
// body, then each child tree in order), null where it stays bytecode; a
// generator function's entry is really its NativeGeneratorStart.
// Loading stores the module's context into *context (native code without
// a function object to hand, e.g. direct entries, reads globals through it).
struct NativeModuleCode {
  size_t n_functions;
  const NativeEntry* entries;
  ModuleContext** context;
};

// One compiled function body (module, class body, def, lambda,
// comprehension). The prelude is decoded once, at load time, after the
// verifier accepted the code.
struct RawCode {
  Object base;  // &kRawCodeType
  const uint8_t* code;  // prelude + opcodes; in the GC heap, or in a frozen image (flash)
  size_t code_size;
  bytecode::Signature sig;
  Qstr name;  // the function's simple name (already mapped through the qstr table)
  const uint8_t* arg_names;  // var-uint qstr indices, n_pos_args + n_kwonly_args of them
  const uint8_t* line_info;  // line-number info, up to line_info_end
  const uint8_t* line_info_end;
  const uint8_t* cells;  // n_cells local numbers
  size_t n_cells;
  const uint8_t* opcodes;  // the first instruction
  size_t n_children;
  RawCode** children;  // GC-allocated
  NativeEntry native;  // null: run the bytecode
};

// A function made by MAKE_FUNCTION / MAKE_CLOSURE from a RawCode.
struct BytecodeFunction {
  Object base;  // &kBytecodeFunctionType (kTypeIsFunction)
  ModuleContext* context;
  RawCode* raw;
  Value defaults;  // tuple of positional defaults, or kNull
  Value kw_defaults;  // dict of keyword-only defaults, or kNull
  size_t n_closed;  // closed-over cells (appended, for MAKE_CLOSURE)
  Value closed[];
};

extern const Type kModuleContextType;
extern const Type kRawCodeType;
extern const Type kBytecodeFunctionType;
extern const Type kGeneratorType;  // a generator (or coroutine) made by calling a generator function

// ---- vm.cpp ----

// A function object for `raw` in `context` (defaults: tuple or kNull; kw
// defaults: dict or kNull; cells for closures).
Value NewBytecodeFunction(ModuleContext* context, RawCode* raw, Value defaults, Value kw_defaults, size_t n_closed,
                          const Value* closed);

// Runs a module's top-level code in `context->module`'s globals; raises
// whatever the code raises. Returns the code's return value (None).
Value RunModuleCode(ModuleContext* context, RawCode* top);

// The line of the instruction at byte offset `offset` of raw->opcodes
// (0 when there is no line info).
size_t LineOfOffset(const RawCode* raw, size_t offset);

// next(gen): the next value, or StopIteration carrying the generator's
// return value (an iter_next slot can only say "exhausted").
Value GeneratorNextOrRaise(Value gen);

// Calls fn(self, *args) (fn(*args) when self is kNull) into its native
// code when fn is a natively compiled function whose parameters take
// exactly these arguments and nothing else binds: no defaults to fill, no
// *args, **kwargs, keyword-only parameters, cells or generator, the same
// module's globals. Then sets *result and returns true; false otherwise,
// having done nothing (the generic call then makes the call).
bool VmCallNativePlainly(Value fn, Value self, size_t n_args, const Value* args, Value* result);

// Raises RuntimeError("maximum recursion depth exceeded") when the C stack
// is nearly used up: called on every VM call and by code that recurses in
// C++ (iterators wrapping iterators).
void VmCheckStack();
// The same for a stack pointer `bytes` lower than the caller's: the frames
// of calls that native tail recursion jumped back instead of making.
void VmCheckStackBelow(Word bytes);

// ---- mpy_load.cpp ----

// Parses and verifies a bytecode .mpy (version 6; MicroPython's native
// code is refused) and binds it to `module`. `data_is_permanent`: the bytes
// outlive the program (a frozen image), so bytecode is referenced in place
// instead of copied. Raises ValueError for anything malformed: bad header,
// truncation, out-of-range qstr/object/child indices, bad opcodes or jumps,
// a stack deeper than n_state. Never reads outside [data, data + size).
// `native` (null: none): the module's natively compiled code, attached to
// the raw codes in pre-order (ValueError when its count does not match
// theirs); the new context is stored into *native->context.
ModuleContext* LoadMpy(const uint8_t* data, size_t size, bool data_is_permanent, Value module, RawCode** top,
                       const NativeModuleCode* native = nullptr);

// Imports an .mpy into a new module `name` (stored in sys.modules before
// the body runs, removed again if it raises) and runs it; `native` as for
// LoadMpy.
Value ExecMpyAsModule(Qstr name, const uint8_t* data, size_t size, bool data_is_permanent, bool is_package,
                      const NativeModuleCode* native = nullptr);

// Frozen modules: the executable's table of .mpy images, generated by the
// driver. `name` is the dotted module name ("__main__" for the program);
// packages are frozen under their package name with is_package set.
struct FrozenModule {
  const char* name;
  const uint8_t* mpy;
  size_t size;
  bool is_package;
  const NativeModuleCode* native;  // null: all bytecode
};

// Installs the module loader that finds frozen modules first, then (on the
// host) NAME.mpy / NAME/__init__.mpy files in the directories of sys.path.
void UseFrozenModules(const FrozenModule* modules, size_t count);

// Runs the frozen "__main__" as the program: returns the exit status
// (0; 1 after printing an uncaught exception's traceback; SystemExit's code).
int RunFrozenMain();

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_VM_H
