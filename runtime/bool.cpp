// bool: the int subclass with the two instances False and True (both
// immediates, value.h). Arithmetic is int's (True + True == 2); int's binary
// slot keeps & | ^ between two bools a bool. Not subclassable.
#include "runtime/int.h"
#include "runtime/runtime.h"

namespace taipan::rt {

namespace {

void BoolPrint(const Printer& out, Value self, PrintKind) { PrintCString(out, self == kTrue ? "True" : "False"); }

// bool() and bool(x).
Value BoolMakeNew(const Type*, size_t n_args, size_t n_kw, const Value* args) {
  CheckArgCount(n_args, n_kw, 0, 1, Q_bool);
  return n_args == 0 ? kFalse : FromBool(IsTrue(args[0]));
}

}  // namespace

const Type kBoolType = {
    .base = {&kTypeType},
    .name = Q_bool,
    .make_new = BoolMakeNew,
    .print = BoolPrint,
    .unary_op = IntUnaryOp,
    .binary_op = IntBinaryOp,
    .attr = IntAttr,
    .base_type = &kIntType,
};

}  // namespace taipan::rt
