// int and bool. (Initial core: small ints; the int work extends this file.)
#include "runtime/int.h"

#include "runtime/runtime.h"

namespace taipan::rt {

Value NewInt(SignedWord n) {
  if (FitsSmallInt(n)) return FromSmallInt(n);
  RaiseOverflowError("small int overflow");
}

Value NewIntFromUnsigned(Word n) { return NewInt(static_cast<SignedWord>(n)); }
Value NewIntFromLongLong(long long n) { return NewInt(static_cast<SignedWord>(n)); }

bool IsInt(Value v) { return IsSmallInt(v) || v == kTrue || v == kFalse || IsSubclass(TypeOf(v), &kIntType); }

bool IntFitsWord(Value v, SignedWord* out) {
  if (!IsSmallInt(v)) return false;
  *out = SmallIntValue(v);
  return true;
}

Value ParseInt(const char*, size_t, int) { RaiseNotImplementedError("int parsing"); }

void PrintInt(const Printer& out, Value v, int, bool, bool) { PrintSignedWord(out, IntToWord(v)); }

namespace {
void IntPrint(const Printer& out, Value self, PrintKind) { PrintInt(out, self, 10, false, false); }
void BoolPrint(const Printer& out, Value self, PrintKind) { PrintCString(out, self == kTrue ? "True" : "False"); }
Value IntBinaryOp(BinaryOp op, Value lhs, Value rhs) {
  if (!IsSmallInt(lhs) || !IsSmallInt(rhs)) return kNull;
  SignedWord a = SmallIntValue(lhs), b = SmallIntValue(rhs);
  switch (op) {
    case BinaryOp::kEqual: return FromBool(a == b);
    case BinaryOp::kLess: return FromBool(a < b);
    case BinaryOp::kAdd: return NewInt(a + b);
    default: return kNull;
  }
}
}  // namespace

const Type kIntType = {
    .base = {&kTypeType},
    .flags = kTypeBaseAllowed,
    .name = Q_int,
    .print = IntPrint,
    .binary_op = IntBinaryOp,
    .base_type = &kObjectType,
};

const Type kBoolType = {
    .base = {&kTypeType},
    .name = Q_bool,
    .print = BoolPrint,
    .base_type = &kIntType,
};

}  // namespace taipan::rt
