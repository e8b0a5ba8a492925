// The runtime has no compiler (it must fit microcontrollers): eval, exec
// and compile() work only when the embedder installs one. The host
// executables do (targets/host/host_compiler.cpp); elsewhere these builtins
// raise NotImplementedError.
#ifndef TAIPAN_RUNTIME_COMPILE_HOOK_H
#define TAIPAN_RUNTIME_COMPILE_HOOK_H

#include <stddef.h>

#include "runtime/object.h"

namespace taipan::rt {

enum class CompileMode : int { kExec, kEval, kSingle };

// The global that code compiled in kEval mode assigns its value to: an
// expression is compiled as the module `__taipan_eval__ = (<expression>)`
// (the bytecode has no way to return a value from module code), and eval()
// takes the value back out of the globals.
constexpr const char kEvalResultName[] = "__taipan_eval__";

// Compiles `length` bytes of source text into a bytecode .mpy image (a
// bytes object) whose source name is `filename`; raises SyntaxError with
// the compiler's message when the text is not valid Python.
using SourceCompiler = Value (*)(const char* source, size_t length, Qstr filename, CompileMode mode);
void SetSourceCompiler(SourceCompiler compiler);

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_COMPILE_HOOK_H
