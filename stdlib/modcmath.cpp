// The cmath module, as MicroPython's: e, pi and the functions phase, polar,
// rect, exp, log, log10, sqrt, cos and sin, by the same textbook formulas
// (so results, and the absence of domain errors, match MicroPython's).
// Computed in double with float.h's helpers, rounded to Float at the end.
#include "runtime/class.h"
#include "runtime/float.h"
#include "runtime/runtime.h"
#include "runtime/tuple.h"

namespace taipan::rt {

namespace {

constexpr double kInvLn10 = 0.43429448190325182765;  // 1 / log(10)

struct Complex {
  double real, imag;
};

// The value of a complex, int, bool or float, or of an object with
// __complex__ or __float__.
Complex ArgComplex(Value z) {
  if (IsComplex(z)) {
    auto* c = ObjectPointer<ComplexObject>(NativeValue(z));
    return {c->real, c->imag};
  }
  Float f;
  if (TryFloatValue(z, &f)) return {f, 0};
  Value method[2];
  if (IsObject(z)) LoadMethodOrNull(z, Q___complex__, method);
  else method[0] = kNull;
  if (method[0] == kNull) return {FloatValue(z), 0};  // raises the TypeError
  Value result = method[1] == kNull ? Call0(method[0]) : Call1(method[0], method[1]);
  if (!IsComplex(result)) RaiseTypeError("__complex__ returned non-complex");
  return ArgComplex(result);
}

Value MakeComplex(double real, double imag) {
  return NewComplex(static_cast<Float>(real), static_cast<Float>(imag));
}

double Phase(Complex z) { return FloatAtan2(z.imag, z.real); }
double SquaredAbs(Complex z) { return z.real * z.real + z.imag * z.imag; }

// cosh and sinh of y together from one exp.
void CoshSinh(double y, double* cosh, double* sinh) {
  double e = FloatExp(y);
  *cosh = 0.5 * (e + 1 / e);
  *sinh = 0.5 * (e - 1 / e);
}

Value CmathPhase(Value z) { return NewFloat(static_cast<Float>(Phase(ArgComplex(z)))); }

Value CmathPolar(Value z_value) {
  Complex z = ArgComplex(z_value);
  Value items[2] = {NewFloat(static_cast<Float>(FloatSqrt(SquaredAbs(z)))), NewFloat(static_cast<Float>(Phase(z)))};
  return NewTuple(2, items);
}

Value CmathRect(Value r_value, Value phi_value) {
  double r = FloatValue(r_value), phi = FloatValue(phi_value);
  return MakeComplex(r * FloatCos(phi), r * FloatSin(phi));
}

Value CmathExp(Value z_value) {
  Complex z = ArgComplex(z_value);
  double magnitude = FloatExp(z.real);
  return MakeComplex(magnitude * FloatCos(z.imag), magnitude * FloatSin(z.imag));
}

// log and log10 share the code: log(|z|) and the phase, scaled.
Value ScaledLog(Value z_value, double scale) {
  Complex z = ArgComplex(z_value);
  return MakeComplex(scale * 0.5 * FloatLog(SquaredAbs(z)), scale * Phase(z));
}

Value CmathLog(Value z) { return ScaledLog(z, 1.0); }
Value CmathLog10(Value z) { return ScaledLog(z, kInvLn10); }

Value CmathSqrt(Value z_value) {
  Complex z = ArgComplex(z_value);
  double root_abs = FloatPow(SquaredAbs(z), 0.25);
  double half_phase = 0.5 * Phase(z);
  return MakeComplex(root_abs * FloatCos(half_phase), root_abs * FloatSin(half_phase));
}

Value CmathCos(Value z_value) {
  Complex z = ArgComplex(z_value);
  double ch, sh;
  CoshSinh(z.imag, &ch, &sh);
  return MakeComplex(FloatCos(z.real) * ch, -FloatSin(z.real) * sh);
}

Value CmathSin(Value z_value) {
  Complex z = ArgComplex(z_value);
  double ch, sh;
  CoshSinh(z.imag, &ch, &sh);
  return MakeComplex(FloatSin(z.real) * ch, FloatCos(z.real) * sh);
}

constexpr FloatObject kEObject = {{&kFloatType}, static_cast<Float>(2.71828182845904523536)};
constexpr FloatObject kPiObject = {{&kFloatType}, static_cast<Float>(3.14159265358979323846)};

constexpr BuiltinFunction kCosFn(Q_cos, CmathCos);
constexpr BuiltinFunction kExpFn(Q_exp, CmathExp);
constexpr BuiltinFunction kLogFn(Q_log, CmathLog);
constexpr BuiltinFunction kLog10Fn(Q_log10, CmathLog10);
constexpr BuiltinFunction kPhaseFn(Q_phase, CmathPhase);
constexpr BuiltinFunction kPolarFn(Q_polar, CmathPolar);
constexpr BuiltinFunction kRectFn(Q_rect, CmathRect);
constexpr BuiltinFunction kSinFn(Q_sin, CmathSin);
constexpr BuiltinFunction kSqrtFn(Q_sqrt, CmathSqrt);

}  // namespace

TAIPAN_CONST_MAP(kCmathModuleGlobals,
                 {Q___name__, ConstValue(FromQstr(Q_cmath))},
                 {Q_cos, &kCosFn},
                 {Q_e, &kEObject},
                 {Q_exp, &kExpFn},
                 {Q_log, &kLogFn},
                 {Q_log10, &kLog10Fn},
                 {Q_phase, &kPhaseFn},
                 {Q_pi, &kPiObject},
                 {Q_polar, &kPolarFn},
                 {Q_rect, &kRectFn},
                 {Q_sin, &kSinFn},
                 {Q_sqrt, &kSqrtFn});

}  // namespace taipan::rt
