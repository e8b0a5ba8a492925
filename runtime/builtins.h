// The builtin functions natively compiled code calls directly (the
// builtin_* helpers of native_abi.def, for the calls ir/builtin_calls.def
// lists). `callee` is what the program's global of the builtin's name held
// when the call ran, or kNull where the compiler proved that it is the
// builtin: anything but the builtin function itself is called as usual,
// else each does what the builtin does with exactly these arguments.
#ifndef TAIPAN_RUNTIME_BUILTINS_H
#define TAIPAN_RUNTIME_BUILTINS_H

#include "runtime/value.h"

namespace taipan::rt {

Value BuiltinLen(Value callee, Value v);
Value BuiltinOrd(Value callee, Value ch);
Value BuiltinChr(Value callee, Value code);
Value BuiltinGetattr(Value callee, Value obj, Value name);
Value BuiltinGetattrOr(Value callee, Value obj, Value name, Value fallback);
Value BuiltinSetattr(Value callee, Value obj, Value name, Value value);
Value BuiltinHasattr(Value callee, Value obj, Value name);

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_BUILTINS_H
