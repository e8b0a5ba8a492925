// complex: a pair of Floats, with CPython's arithmetic (Smith's division,
// integral powers by repeated multiplication) and repr.
#include "runtime/class.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/runtime.h"
#include "runtime/str.h"

namespace taipan::rt {

Value NewComplex(Float real, Float imag) {
  auto* obj = NewBlockObject<ComplexObject>(&kComplexType);
  obj->real = real;
  obj->imag = imag;
  return FromPointer(obj);
}

bool IsComplex(Value v) { return IsObject(v) && IsSubclass(TypeOf(v), &kComplexType); }

namespace {

struct Complex {
  Float real, imag;
};

Complex ComplexOf(Value v) {
  auto* obj = ObjectPointer<ComplexObject>(HasExactType(v, &kComplexType) ? v : NativeValue(v));
  return {obj->real, obj->imag};
}

// An int, float or complex operand as a Complex; false for anything else.
bool ToComplex(Value v, Complex* out) {
  if (HasExactType(v, &kComplexType) || IsComplex(v)) {
    *out = ComplexOf(v);
    return true;
  }
  if (IsFloat(v) || IsInt(v)) {
    *out = {FloatValue(v), 0};
    return true;
  }
  return false;
}

// An object's __complex__, if it has one (which must give a complex).
bool TryComplexDunder(Value v, Complex* out) {
  if (!IsObject(v) || IsStr(v)) return false;
  Value result = CallMethodIfAny(v, Q___complex__);
  if (result == kNull) return false;
  if (!IsComplex(result)) RaiseTypeError("__complex__ returned non-complex");
  *out = ComplexOf(result);
  return true;
}

Complex Product(Complex a, Complex b) {
  return {a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real};
}

// CPython's _Py_c_quot; false on division by zero.
bool Quotient(Complex a, Complex b, Complex* out) {
  Float abs_real = b.real < 0 ? -b.real : b.real;
  Float abs_imag = b.imag < 0 ? -b.imag : b.imag;
  if (abs_real >= abs_imag) {
    if (abs_real == 0) return false;
    Float ratio = b.imag / b.real;
    Float denominator = b.real + b.imag * ratio;
    *out = {(a.real + a.imag * ratio) / denominator, (a.imag - a.real * ratio) / denominator};
  } else if (abs_imag >= abs_real) {
    Float ratio = b.real / b.imag;
    Float denominator = b.real * ratio + b.imag;
    *out = {(a.real * ratio + a.imag) / denominator, (a.imag * ratio - a.real) / denominator};
  } else {
    Float nan = static_cast<Float>(__builtin_nan(""));
    *out = {nan, nan};
  }
  return true;
}

Complex PowerUnsigned(Complex x, long n) {
  Complex r = {1, 0}, p = x;
  for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
    if (n & mask) r = Product(r, p);
    p = Product(p, p);
  }
  return r;
}

[[noreturn]] void RaiseZeroPower() { RaiseZeroDivisionError("0.0 to a negative or complex power"); }

}  // namespace

Value ComplexPower(Float a_real, Float a_imag, Float b_real, Float b_imag) {
  Complex a = {a_real, a_imag};
  Complex r;
  if (b_imag == 0 && b_real == static_cast<Float>(FloatFloor(b_real)) && b_real <= 100 && b_real >= -100) {
    long n = static_cast<long>(b_real);
    if (n >= 0) {
      r = PowerUnsigned(a, n);
    } else if (!Quotient({1, 0}, PowerUnsigned(a, -n), &r)) {
      RaiseZeroPower();
    }
  } else if (b_real == 0 && b_imag == 0) {
    r = {1, 0};
  } else if (a_real == 0 && a_imag == 0) {
    if (b_imag != 0 || b_real < 0) RaiseZeroPower();
    r = {0, 0};
  } else {
    double magnitude = FloatHypot(a_real, a_imag);
    double length = FloatPow(magnitude, b_real);
    double angle = FloatAtan2(a_imag, a_real);
    double phase = angle * b_real;
    if (b_imag != 0) {
      length /= FloatExp(angle * b_imag);
      phase += b_imag * FloatLog(magnitude);
    }
    r = {static_cast<Float>(length * FloatCos(phase)), static_cast<Float>(length * FloatSin(phase))};
  }
  return NewComplex(r.real, r.imag);
}

namespace {

// The parts of an exact complex, or of an exact float as (value, 0).
Complex ExactParts(Value v, bool is_complex) {
  if (is_complex) {
    auto* c = ObjectPointer<ComplexObject>(v);
    return {c->real, c->imag};
  }
  return {ObjectPointer<FloatObject>(v)->value, 0};
}

}  // namespace

Value ComplexArithmetic(BinaryOp op, Value lhs, Value rhs) {
  if (!IsObject(rhs)) return kNull;
  const Type* right = ObjectPointer<Object>(rhs)->type;
  bool right_complex = right == &kComplexType;
  if (!right_complex && right != &kFloatType) return kNull;
  Complex a = ExactParts(lhs, true);
  Complex b = ExactParts(rhs, right_complex);
  switch (NonInplaceOp(op)) {
    case BinaryOp::kAdd: return NewComplex(a.real + b.real, a.imag + b.imag);
    case BinaryOp::kSubtract: return NewComplex(a.real - b.real, a.imag - b.imag);
    case BinaryOp::kMultiply: {
      Complex r = Product(a, b);
      return NewComplex(r.real, r.imag);
    }
    default: return kNull;
  }
}

void ComplexParts(Value v, Float* real, Float* imag) {
  Complex c;
  if (!ToComplex(v, &c)) {
    const char* parts[] = {"can't convert ", TypeNameOf(v), " to complex"};
    RaiseJoined(&kTypeErrorType, parts, 3);
  }
  *real = c.real;
  *imag = c.imag;
}

Float ComplexAbs(Float real, Float imag) {
  double magnitude = FloatHypot(real, imag);
  if (FloatIsInf(magnitude) && FloatIsFinite(real) && FloatIsFinite(imag))
    RaiseOverflowError("absolute value too large");
  return static_cast<Float>(magnitude);
}

namespace {

Value ComplexBinaryOp(BinaryOp op, Value lhs, Value rhs) {
  Complex a = ComplexOf(lhs), b;
  if (!ToComplex(rhs, &b)) return kNull;
  if (op == BinaryOp::kEqual || op == BinaryOp::kNotEqual) {
    bool equal;
    if (IsInt(rhs)) {
      // Exactly, as int == float does.
      equal = a.imag == 0 && Equal(NewFloat(a.real), rhs);
    } else {
      equal = a.real == b.real && a.imag == b.imag;
    }
    return FromBool(op == BinaryOp::kEqual ? equal : !equal);
  }
  op = NonInplaceOp(op);
  if (op >= BinaryOp::kReverseOr && op <= BinaryOp::kReversePower) {
    Complex t = a;
    a = b;
    b = t;
    op = static_cast<BinaryOp>(static_cast<unsigned>(op) - static_cast<unsigned>(BinaryOp::kReverseOr) +
                               static_cast<unsigned>(BinaryOp::kOr));
  }
  switch (op) {
    case BinaryOp::kAdd: return NewComplex(a.real + b.real, a.imag + b.imag);
    case BinaryOp::kSubtract: return NewComplex(a.real - b.real, a.imag - b.imag);
    case BinaryOp::kMultiply: {
      Complex r = Product(a, b);
      return NewComplex(r.real, r.imag);
    }
    case BinaryOp::kTrueDivide: {
      Complex r;
      if (!Quotient(a, b, &r)) RaiseZeroDivisionError("complex divide by zero");
      return NewComplex(r.real, r.imag);
    }
    case BinaryOp::kPower: return ComplexPower(a.real, a.imag, b.real, b.imag);
    default: return kNull;
  }
}

SignedWord HashComplex(Complex c) {
  Word combined = static_cast<Word>(HashFloat(c.real)) + 1000003u * static_cast<Word>(HashFloat(c.imag));
  if (c.imag == 0) return HashFloat(c.real);
  return static_cast<SignedWord>(combined << 2) >> 2;  // within the small int range
}

Value ComplexUnaryOp(UnaryOp op, Value self) {
  Complex c = ComplexOf(self);
  switch (op) {
    case UnaryOp::kBool: return FromBool(c.real != 0 || c.imag != 0);
    case UnaryOp::kPositive: return HasExactType(self, &kComplexType) ? self : NewComplex(c.real, c.imag);
    case UnaryOp::kNegative: return NewComplex(-c.real, -c.imag);
    case UnaryOp::kAbs: return NewFloat(ComplexAbs(c.real, c.imag));
    case UnaryOp::kHash: return NewInt(HashComplex(c));
    default: return kNull;
  }
}

// CPython's complex_repr: '2j' when the real part is +0, else '(1+2j)';
// the parts print like repr() but without a '.0' for integral values.
void ComplexPrint(const Printer& out, Value self, PrintKind) {
  Complex c = ComplexOf(self);
  bool positive_zero_real = c.real == 0 && FloatCopySign(1.0, c.real) > 0;
  if (positive_zero_real) {
    PrintFloatShort(out, c.imag, false, false);
    PrintChar(out, 'j');
    return;
  }
  PrintChar(out, '(');
  PrintFloatShort(out, c.real, false, false);
  PrintFloatShort(out, c.imag, false, true);
  PrintCString(out, "j)");
}

Value ComplexMakeNew(const Type*, size_t n_args, size_t n_kw, const Value* args) {
  CheckArgCount(n_args, n_kw, 0, 2, Q_complex);
  if (n_args == 0) return NewComplex(0, 0);
  Value first = args[0];
  if (IsStr(first)) {
    if (n_args == 2) RaiseTypeError("complex() can't take second arg if first is a string");
    size_t length;
    const char* text = StrBytes(first, &length);
    return ParseComplex(text, length);
  }
  if (n_args == 2 && IsStr(args[1])) RaiseTypeError("complex() second arg can't be a string");
  if (n_args == 1 && HasExactType(first, &kComplexType)) return first;
  // complex(a, b) == a + b*1j for any numbers a and b (complex ones too).
  // Each is converted to a Complex; true when it was a complex (or gave
  // one through __complex__).
  Complex a, b = {0, 0};
  auto convert = [](Value v, Complex* out) {
    if (IsComplex(v)) {
      *out = ComplexOf(v);
      return true;
    }
    if (TryComplexDunder(v, out)) return true;
    Float f;
    if (TryFloatValue(v, &f)) {
      *out = {f, 0};
      return false;
    }
    const char* parts[] = {"can't convert ", TypeNameOf(v), " to complex"};
    RaiseJoined(&kTypeErrorType, parts, 3);
  };
  bool a_complex = convert(first, &a);
  if (n_args == 1) return NewComplex(a.real, a.imag);
  bool b_complex = convert(args[1], &b);
  // As CPython: a real argument's value is taken as it is (complex(1, -0.0)
  // keeps its negative zero); only a complex one's other part is added.
  Float real = b_complex ? a.real - b.imag : a.real;
  Float imag = a_complex ? a.imag + b.real : b.real;
  return NewComplex(real, imag);
}

Value ComplexAttr(Value self, Qstr name, AttrOp op, Value) {
  if (op != AttrOp::kLoad) return kNull;
  if (name == Q_real) return NewFloat(ComplexOf(self).real);
  if (name == Q_imag) return NewFloat(ComplexOf(self).imag);
  return kNull;
}

Value ComplexConjugate(Value self) {
  Complex c = ComplexOf(self);
  return NewComplex(c.real, -c.imag);
}

constexpr BuiltinFunction kComplexConjugateFn(Q_conjugate, ComplexConjugate);

TAIPAN_CONST_MAP(kComplexMethods, {Q_conjugate, &kComplexConjugateFn});

}  // namespace

const Type kComplexType = {
    .base = {&kTypeType},
    .flags = kTypeBaseAllowed,
    .name = Q_complex,
    .make_new = ComplexMakeNew,
    .print = ComplexPrint,
    .unary_op = ComplexUnaryOp,
    .binary_op = ComplexBinaryOp,
    .attr = ComplexAttr,
    .base_type = &kObjectType,
    .methods = &kComplexMethods,
};

// The name natively compiled code compares type words with (native_abi.def);
// an alias can only be defined next to the object it names.
extern "C" [[gnu::alias("_ZN6taipan2rt12kComplexTypeE")]] const Type taipan_native_type_complex;

}  // namespace taipan::rt
