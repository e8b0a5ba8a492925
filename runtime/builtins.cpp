// The builtins module: builtin functions and the names of the builtin
// types and exceptions. (Initial core: the table; the builtins work fills it.)
#include "runtime/runtime.h"

namespace taipan::rt {

namespace {
Value BuiltinRepr(Value v) { return ReprOf(v); }
constexpr BuiltinFunction kReprFunction(Q_repr, BuiltinRepr);
}  // namespace

TAIPAN_CONST_MAP(kBuiltinsModuleGlobals,
                 {Q_int, &kIntType},
                 {Q_repr, &kReprFunction},
                 {Q_str, &kStrType});

}  // namespace taipan::rt
