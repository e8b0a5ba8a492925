// int: small ints (immediates) and big ints (BigIntObject over bigint.h).
//
// Every operation first reduces its operands to "int values" (IntOperand:
// a small int or a BigIntObject; bools and int-subclass instances become
// their int), takes a word-sized fast path when both are small ints, and
// otherwise runs the bigint.h routine on digit views of the operands into a
// freshly allocated BigIntObject, which Finish() turns back into a small int
// when the result fits one.
#include "runtime/int.h"

#include "runtime/bytes.h"
#include "runtime/class.h"
#include "runtime/format_spec.h"
#include "runtime/print.h"
#include "runtime/runtime.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace taipan::rt {

namespace {

constexpr unsigned kWordBits = sizeof(Word) * 8;
// bigint buffers are addressed with uint32_t lengths in BigIntObject.
constexpr size_t kMaxBigDigits = 0x3FFFFFFF;

// --- Making ints ---------------------------------------------------------------

BigIntObject* AllocateBigInt(size_t capacity) {
  if (capacity == kBigIntTooBig || capacity > kMaxBigDigits) RaiseMemoryError();
  // No pointers inside: the type pointer names a constant table, not the
  // heap. The digits are left as they were: an operation writes those of its
  // result (up to `length`), and nothing reads past them.
  auto* obj = static_cast<BigIntObject*>(
      AllocateUninitialised(sizeof(BigIntObject) + capacity * sizeof(BigDigit), /*no_scan=*/true));
  obj->base.type = &kIntType;
  obj->capacity = static_cast<uint32_t>(capacity);
  obj->length = 0;
  obj->negative = false;
  return obj;
}

BigIntRef RefTo(BigIntObject* obj) { return BigIntRef{obj->digits, 0, false}; }

// The int whose digits an operation left in `obj` (through `result`): a
// small int when it fits, else obj itself.
Value Finish(BigIntObject* obj, const BigIntRef& result) {
  int64_t n;
  if (bigint_to_int64(result, &n) && n >= kSmallIntMin && n <= kSmallIntMax)
    return FromSmallInt(static_cast<SignedWord>(n));
  obj->length = static_cast<uint32_t>(result.length);
  obj->negative = result.negative;
  return FromPointer(obj);
}

// Where an operation's result goes: digits on the stack when the result has
// room for few (such a result mostly turns out a small int, which needs no
// object), else a new BigIntObject. Finish() makes the int.
class ResultDigits {
 public:
  explicit ResultDigits(size_t capacity) {
    if (capacity <= kBigIntInt64Digits) {
      ref = BigIntRef{local_, 0, false};
    } else {
      obj_ = AllocateBigInt(capacity);
      ref = RefTo(obj_);
    }
  }
  ResultDigits(const ResultDigits&) = delete;
  ResultDigits& operator=(const ResultDigits&) = delete;

  Value Finish() {
    if (obj_) return rt::Finish(obj_, ref);
    int64_t n;
    if (bigint_to_int64(ref, &n) && n >= kSmallIntMin && n <= kSmallIntMax)
      return FromSmallInt(static_cast<SignedWord>(n));
    BigIntObject* obj = AllocateBigInt(ref.length);
    __builtin_memcpy(obj->digits, ref.digits, ref.length * sizeof(BigDigit));
    BigIntRef copy{obj->digits, ref.length, ref.negative};
    return rt::Finish(obj, copy);
  }

  BigIntRef ref;

 private:
  BigDigit local_[kBigIntInt64Digits];
  BigIntObject* obj_ = nullptr;
};

// Scratch digits for one operation: on the stack when few enough (a
// division of numbers of a few hundred digits, as the common case, then
// allocates nothing), else GC memory (dropped when unreferenced).
constexpr size_t kStackScratchDigits = sizeof(void*) >= 8 ? 1024 : 64;

class Scratch {
 public:
  explicit Scratch(size_t digits) {
    if (digits == kBigIntTooBig || digits > kMaxBigDigits) RaiseMemoryError();
    data = digits == 0 ? nullptr
           : digits <= kStackScratchDigits ? local_
                                           : static_cast<BigDigit*>(Allocate(digits * sizeof(BigDigit), true));
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;

  BigDigit* data;

 private:
  BigDigit local_[kStackScratchDigits];
};

// Scratch digits for one operation (GC memory: dropped when unreferenced).
BigDigit* AllocateScratch(size_t digits) {
  if (digits == kBigIntTooBig || digits > kMaxBigDigits) RaiseMemoryError();
  if (digits == 0) return nullptr;
  return static_cast<BigDigit*>(Allocate(digits * sizeof(BigDigit), true));
}

Value NewIntFromMagnitude(uint64_t magnitude, bool negative) {
  if (magnitude <= static_cast<uint64_t>(kSmallIntMax)) {
    SignedWord n = static_cast<SignedWord>(magnitude);
    return FromSmallInt(negative ? -n : n);
  }
  BigIntObject* obj = AllocateBigInt(4);
  BigIntRef r = RefTo(obj);
  while (magnitude) {
    r.digits[r.length++] = static_cast<BigDigit>(magnitude & 0xFFFF);
    magnitude >>= 16;
  }
  r.negative = negative;
  return Finish(obj, r);
}

// --- Operands ------------------------------------------------------------------

// The int value of an int-like operand (small int or BigIntObject), or
// kNull when v is not an int, bool or instance of an int subclass.
Value IntOperand(Value v) {
  if (IsSmallInt(v)) return v;
  if (v == kFalse) return FromSmallInt(0);
  if (v == kTrue) return FromSmallInt(1);
  if (!IsObject(v)) return kNull;
  const Type* type = ObjectPointer<Object>(v)->type;
  if (type == &kIntType) return v;
  if ((type->flags & kTypeIsClass) && IsSubclass(type, &kIntType)) {
    Value native = NativeValue(v);
    return native == v ? kNull : IntOperand(native);
  }
  return kNull;
}

Value IntOperandOrRaise(Value v) {
  Value n = IntOperand(v);
  if (n == kNull) {
    const char* parts[] = {"can't convert ", TypeNameOf(v), " to int"};
    RaiseJoined(&kTypeErrorType, parts, 3);
  }
  return n;
}

// An int value as bigint digits. A small int is expanded into `small`, so
// the view points into this struct: do not copy it.
struct IntView {
  BigDigit small[kBigIntInt64Digits];
  BigIntView view;
  explicit IntView(Value v) {
    if (IsSmallInt(v)) {
      BigIntRef r{small, 0, false};
      bigint_from_int64(r, SmallIntValue(v));
      view = r;
    } else {
      BigIntObject* big = ObjectPointer<BigIntObject>(v);
      view = BigIntView{big->digits, big->length, big->negative};
    }
  }
  IntView(const IntView&) = delete;
  IntView& operator=(const IntView&) = delete;
};

bool IsNegative(Value n) { return IsSmallInt(n) ? SmallIntValue(n) < 0 : ObjectPointer<BigIntObject>(n)->negative; }
bool IsZero(Value n) { return n == FromSmallInt(0); }

// --- Big arithmetic (operands are int values) ----------------------------------

Value BigAddSub(Value a, Value b, bool subtract) {
  IntView x(a), y(b);
  ResultDigits result(bigint_add_digits(x.view, y.view));
  if (subtract) bigint_sub(result.ref, x.view, y.view);
  else bigint_add(result.ref, x.view, y.view);
  return result.Finish();
}

Value BigMul(Value a, Value b) {
  IntView x(a), y(b);
  ResultDigits result(bigint_mul_digits(x.view, y.view));
  bigint_mul(result.ref, x.view, y.view);
  return result.Finish();
}

[[noreturn]] void RaiseDivideByZero() { RaiseZeroDivisionError("divide by zero"); }

// op: kFloorDivide, kModulo or kDivMod.
Value BigDivMod(BinaryOp op, Value a, Value b) {
  IntView x(a), y(b);
  if (y.view.length == 0) RaiseDivideByZero();
  // A quotient of a few digits (mostly a small int in the end) and the
  // scratch stay on the stack.
  ResultDigits q(op != BinaryOp::kModulo ? bigint_quotient_digits(x.view, y.view) : 0);
  ResultDigits r(op != BinaryOp::kFloorDivide ? bigint_remainder_digits(x.view, y.view) : 0);
  Scratch scratch(bigint_divmod_scratch_digits(x.view, y.view));
  bigint_divmod(op != BinaryOp::kModulo ? &q.ref : nullptr, op != BinaryOp::kFloorDivide ? &r.ref : nullptr, x.view,
                y.view, scratch.data);
  Value quotient = op != BinaryOp::kModulo ? q.Finish() : kNull;
  Value remainder = op != BinaryOp::kFloorDivide ? r.Finish() : kNull;
  if (op == BinaryOp::kFloorDivide) return quotient;
  if (op == BinaryOp::kModulo) return remainder;
  Value items[2] = {quotient, remainder};
  return NewTuple(2, items);
}

// a ** b for b >= 0.
Value BigPow(Value a, Value b) {
  IntView x(a), y(b);
  size_t digits = bigint_pow_digits(x.view, y.view);
  BigIntObject* obj = AllocateBigInt(digits);
  BigDigit* scratch = AllocateScratch(digits);
  BigIntRef r = RefTo(obj);
  if (!bigint_pow(r, x.view, y.view, scratch)) RaiseMemoryError();
  return Finish(obj, r);
}

Value BigShift(Value a, size_t count, bool left) {
  IntView x(a);
  size_t digits = left ? bigint_lshift_digits(x.view, count) : bigint_rshift_digits(x.view, count);
  if (digits == kBigIntTooBig) RaiseOverflowError("overflow converting long int to machine word");
  BigIntObject* obj = AllocateBigInt(digits);
  BigIntRef r = RefTo(obj);
  if (left) bigint_lshift(r, x.view, count);
  else bigint_rshift(r, x.view, count);
  return Finish(obj, r);
}

// op: kAnd, kOr or kXor.
Value BigBitwise(BinaryOp op, Value a, Value b) {
  IntView x(a), y(b);
  BigIntObject* obj = AllocateBigInt(bigint_bitwise_digits(x.view, y.view));
  BigIntRef r = RefTo(obj);
  if (op == BinaryOp::kAnd) bigint_and(r, x.view, y.view);
  else if (op == BinaryOp::kOr) bigint_or(r, x.view, y.view);
  else bigint_xor(r, x.view, y.view);
  return Finish(obj, r);
}

Value BigInvert(Value a) {
  IntView x(a);
  BigIntObject* obj = AllocateBigInt(bigint_invert_digits(x.view));
  BigIntRef r = RefTo(obj);
  bigint_invert(r, x.view);
  return Finish(obj, r);
}

// -a (negate) or |a| (when !negate) of a big int value.
Value BigNegateOrAbs(Value a, bool negate) {
  BigIntObject* src = ObjectPointer<BigIntObject>(a);
  if (!negate && !src->negative) return a;
  BigIntObject* obj = AllocateBigInt(src->length);
  BigIntRef r = RefTo(obj);
  __builtin_memcpy(r.digits, src->digits, src->length * sizeof(BigDigit));
  r.length = src->length;
  r.negative = negate ? !src->negative : false;
  return Finish(obj, r);
}

int CompareInts(Value a, Value b) {
  if (IsSmallInt(a) && IsSmallInt(b)) {
    SignedWord x = SmallIntValue(a), y = SmallIntValue(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  IntView x(a), y(b);
  return bigint_compare(x.view, y.view);
}

size_t BitLength(Value n) {
  if (IsSmallInt(n)) {
    SignedWord v = SmallIntValue(n);
    Word magnitude = v < 0 ? Word{0} - static_cast<Word>(v) : static_cast<Word>(v);
    return magnitude ? kWordBits - static_cast<size_t>(__builtin_clzl(magnitude)) : 0;
  }
  IntView x(n);
  return bigint_bit_length(x.view);
}

// --- Small-int fast paths --------------------------------------------------------

bool MultiplySmall(SignedWord a, SignedWord b, SignedWord* out) {
#if UINTPTR_MAX > 0xFFFFFFFFu
  SignedWord product;
  if (__builtin_mul_overflow(a, b, &product) || !FitsSmallInt(product)) return false;
  *out = product;
#else
  // A 32x32->64 multiply: compiler-rt's __aeabi_lmul on Cortex-M0+.
  int64_t product = static_cast<int64_t>(a) * b;
  if (product < kSmallIntMin || product > kSmallIntMax) return false;
  *out = static_cast<SignedWord>(product);
#endif
  return true;
}

// base ** exponent (exponent >= 0), false when it overflows a small int.
bool PowerSmall(SignedWord base, SignedWord exponent, SignedWord* out) {
  SignedWord result = 1;
  for (;;) {
    if ((exponent & 1) && !MultiplySmall(result, base, &result)) return false;
    exponent >>= 1;
    if (exponent == 0) break;
    if (!MultiplySmall(base, base, &base)) return false;
  }
  *out = result;
  return true;
}

// The shift count of `count` (an int value): ValueError when negative;
// *huge set when it does not fit a size_t.
size_t ShiftCount(Value count, bool* huge) {
  if (IsNegative(count)) RaiseValueError("negative shift count");
  *huge = false;
  if (IsSmallInt(count)) return static_cast<size_t>(SmallIntValue(count));
  int64_t n;
  IntView x(count);
  if (bigint_to_int64(x.view, &n) && static_cast<uint64_t>(n) <= static_cast<uint64_t>(~size_t{0}))
    return static_cast<size_t>(n);
  *huge = true;
  return 0;
}

Value LeftShift(Value a, Value count_value) {
  bool huge;
  size_t count = ShiftCount(count_value, &huge);
  if (IsZero(a)) return a;
  if (huge) RaiseOverflowError("overflow converting long int to machine word");
  if (IsSmallInt(a) && count < kWordBits - 1) {
    SignedWord v = SmallIntValue(a);
    SignedWord shifted = static_cast<SignedWord>(static_cast<Word>(v) << count);
    if ((shifted >> count) == v && FitsSmallInt(shifted)) return FromSmallInt(shifted);
  }
  return BigShift(a, count, true);
}

Value RightShift(Value a, Value count_value) {
  bool huge;
  size_t count = ShiftCount(count_value, &huge);
  if (IsSmallInt(a)) {
    SignedWord v = SmallIntValue(a);
    return FromSmallInt(huge || count >= kWordBits ? (v < 0 ? -1 : 0) : v >> count);
  }
  if (huge) return FromSmallInt(IsNegative(a) ? -1 : 0);
  return BigShift(a, count, false);
}

// a ** b for b < 0: a float, as Python. |a| ** |b| is computed exactly and
// inverted once (within an ulp of the exact answer); results far below the
// smallest float are zero.
Value NegativePower(Value a, Value b);

Value Power(Value a, Value b) {
  if (IsNegative(b)) return NegativePower(a, b);
  if (IsSmallInt(a) && IsSmallInt(b)) {
    SignedWord result;
    if (PowerSmall(SmallIntValue(a), SmallIntValue(b), &result)) return FromSmallInt(result);
  }
  // The bases whose powers stay small however big the exponent is.
  if (!IsSmallInt(b)) {
    bool odd = (ObjectPointer<BigIntObject>(b)->digits[0] & 1) != 0;
    if (a == FromSmallInt(0) || a == FromSmallInt(1)) return a;
    if (a == FromSmallInt(-1)) return FromSmallInt(odd ? -1 : 1);
  }
  return BigPow(a, b);
}

Value NegativePower(Value a, Value b) {
  if (IsZero(a)) RaiseZeroDivisionError("0.0 cannot be raised to a negative power");
  Value exponent = IsSmallInt(b) ? NewInt(-SmallIntValue(b)) : BigNegateOrAbs(b, true);
  bool odd = IsSmallInt(exponent) ? (SmallIntValue(exponent) & 1) != 0
                                  : (ObjectPointer<BigIntObject>(exponent)->digits[0] & 1) != 0;
  bool negative = IsNegative(a) && odd;
  if (a == FromSmallInt(1) || a == FromSmallInt(-1)) return NewFloat(negative ? Float(-1) : Float(1));
  constexpr SignedWord kMaxBits = 1100;  // beyond every float's exponent range
  if (!IsSmallInt(exponent) || static_cast<SignedWord>(BitLength(a)) - 1 > kMaxBits / SmallIntValue(exponent))
    return NewFloat(negative ? -Float(0) : Float(0));
  Value magnitude = Power(a, exponent);
  if (BitLength(magnitude) > (TAIPAN_FLOAT_IS_DOUBLE ? 1024u : 128u)) return NewFloat(negative ? -Float(0) : Float(0));
  return NewFloat(Float(1) / IntToFloat(magnitude));
}

// Python's floor division and modulo on words (b != 0).
void FloorDivMod(SignedWord a, SignedWord b, SignedWord* q, SignedWord* r) {
  SignedWord quotient = a / b, remainder = a % b;
  if (remainder != 0 && ((remainder < 0) != (b < 0))) {
    quotient -= 1;
    remainder += b;
  }
  *q = quotient;
  *r = remainder;
}

Value DivideOp(BinaryOp op, Value a, Value b) {
  if (IsSmallInt(a) && IsSmallInt(b)) {
    SignedWord y = SmallIntValue(b);
    if (y == 0) RaiseDivideByZero();
    SignedWord q, r;
    FloorDivMod(SmallIntValue(a), y, &q, &r);
    if (op == BinaryOp::kFloorDivide) return NewInt(q);
    if (op == BinaryOp::kModulo) return FromSmallInt(r);
    Value items[2] = {NewInt(q), FromSmallInt(r)};
    return NewTuple(2, items);
  }
  return BigDivMod(op, a, b);
}

Value Compare(BinaryOp op, Value a, Value b) {
  int c = CompareInts(a, b);
  switch (op) {
    case BinaryOp::kLess: return FromBool(c < 0);
    case BinaryOp::kMore: return FromBool(c > 0);
    case BinaryOp::kEqual: return FromBool(c == 0);
    case BinaryOp::kLessEqual: return FromBool(c <= 0);
    case BinaryOp::kMoreEqual: return FromBool(c >= 0);
    case BinaryOp::kNotEqual: return FromBool(c != 0);
    default: return kNull;
  }
}

// An arithmetic operator on two int values; kNull for operators ints lack.
Value ArithmeticOp(BinaryOp op, Value a, Value b) {
  bool small = IsSmallInt(a) && IsSmallInt(b);
  SignedWord x = small ? SmallIntValue(a) : 0, y = small ? SmallIntValue(b) : 0;
  switch (op) {
    case BinaryOp::kAdd:
      return small ? NewInt(x + y) : BigAddSub(a, b, false);
    case BinaryOp::kSubtract:
      return small ? NewInt(x - y) : BigAddSub(a, b, true);
    case BinaryOp::kMultiply: {
      SignedWord product;
      if (small && MultiplySmall(x, y, &product)) return FromSmallInt(product);
      return BigMul(a, b);
    }
    case BinaryOp::kFloorDivide:
    case BinaryOp::kModulo:
    case BinaryOp::kDivMod:
      return DivideOp(op, a, b);
    case BinaryOp::kTrueDivide:
      if (IsZero(b)) RaiseDivideByZero();
      return NewFloat(IntToFloat(a) / IntToFloat(b));
    case BinaryOp::kPower:
      return Power(a, b);
    case BinaryOp::kLshift:
      return LeftShift(a, b);
    case BinaryOp::kRshift:
      return RightShift(a, b);
    case BinaryOp::kAnd:
      return small ? FromSmallInt(x & y) : BigBitwise(op, a, b);
    case BinaryOp::kOr:
      return small ? FromSmallInt(x | y) : BigBitwise(op, a, b);
    case BinaryOp::kXor:
      return small ? FromSmallInt(x ^ y) : BigBitwise(op, a, b);
    default:
      return Compare(op, a, b);
  }
}

bool IsBool(Value v) { return v == kTrue || v == kFalse; }

// --- Hashing -------------------------------------------------------------------

// A big int hashes as its value modulo kSmallIntMax with its sign (the
// small-int analogue of CPython's modulus 2**61-1); small ints hash as
// themselves, so equal values of either form hash alike.
Value BigHash(Value n) {
  IntView x(n);
  BigIntView magnitude = x.view;
  magnitude.negative = false;
  BigDigit modulus_digits[kBigIntInt64Digits];
  BigIntRef modulus{modulus_digits, 0, false};
  bigint_from_int64(modulus, kSmallIntMax);
  BigDigit result_digits[kBigIntInt64Digits];
  BigIntRef result{result_digits, 0, false};
  BigDigit* scratch = AllocateScratch(bigint_divmod_scratch_digits(magnitude, modulus));
  bigint_mod(result, magnitude, modulus, scratch);
  int64_t h = 0;
  bigint_to_int64(result, &h);
  return FromSmallInt(static_cast<SignedWord>(x.view.negative ? -h : h));
}

// --- Text ------------------------------------------------------------------------

// The digits of |n| in `base` (lower case, no sign): in `small` for small
// ints, else in GC memory.
struct IntDigits {
  char small[kWordBits + 2];
  const char* data;
  size_t length;
  bool negative;
};

void DigitsOf(Value n, unsigned base, IntDigits* out) {
  out->negative = IsNegative(n);
  if (IsSmallInt(n)) {
    SignedWord v = SmallIntValue(n);
    Word magnitude = v < 0 ? Word{0} - static_cast<Word>(v) : static_cast<Word>(v);
    char* end = out->small + sizeof out->small;
    char* p = end;
    do {
      unsigned d = static_cast<unsigned>(magnitude % base);
      *--p = static_cast<char>(d < 10 ? '0' + d : 'a' + d - 10);
      magnitude /= base;
    } while (magnitude);
    out->data = p;
    out->length = static_cast<size_t>(end - p);
    return;
  }
  IntView x(n);
  BigIntView magnitude = x.view;
  magnitude.negative = false;
  char* text = static_cast<char*>(Allocate(bigint_to_string_chars(magnitude, base), true));
  BigDigit* scratch = AllocateScratch(magnitude.length);
  out->length = bigint_to_string(text, magnitude, base, scratch);
  out->data = text;
}

const char* BasePrefix(unsigned base, bool upper) {
  switch (base) {
    case 2: return upper ? "0B" : "0b";
    case 8: return upper ? "0O" : "0o";
    case 16: return upper ? "0X" : "0x";
    default: return "";
  }
}

char ToUpper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

void IntPrint(const Printer& out, Value self, PrintKind) { PrintInt(out, self, 10, false, false); }

int DigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

bool IsSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// "invalid syntax for integer with base 10: 'x1'", as MicroPython says it.
[[noreturn]] void RaiseInvalidInt(int base, const char* text, size_t length) {
  StringBuilder message;
  message.AppendCString("invalid syntax for integer with base ");
  char digits[8];
  size_t i = sizeof digits;
  unsigned b = base < 0 ? 0u : static_cast<unsigned>(base);
  do {
    digits[--i] = static_cast<char>('0' + b % 10);
    b /= 10;
  } while (b);
  message.Append(digits + i, sizeof digits - i);
  message.AppendCString(": ");
  PrintValue(message.AsPrinter(), NewStr(text, length), PrintKind::kRepr);
  RaiseWithArg(&kValueErrorType, message.ToStr());
}

// --- Float conversions -------------------------------------------------------------

#if TAIPAN_FLOAT_IS_DOUBLE
using FloatBits = uint64_t;
constexpr unsigned kMantissaBits = 52;
constexpr unsigned kExponentBias = 1023;
constexpr unsigned kExponentMask = 0x7FF;
constexpr size_t kFloatMaxBits = 1024;
constexpr Float kFloatMax = __DBL_MAX__;
#else
using FloatBits = uint32_t;
constexpr unsigned kMantissaBits = 23;
constexpr unsigned kExponentBias = 127;
constexpr unsigned kExponentMask = 0xFF;
constexpr size_t kFloatMaxBits = 128;
constexpr Float kFloatMax = __FLT_MAX__;
#endif
static_assert(sizeof(FloatBits) == sizeof(Float), "Float and its bit pattern differ in size");

[[noreturn]] void RaiseIntTooLargeForFloat() { RaiseOverflowError("int too large to convert to float"); }

// --- Methods -----------------------------------------------------------------------

bool ByteOrderIsLittle(Value order) {
  size_t length;
  const char* text = StrBytes(order, &length);
  if (length == 6 && __builtin_memcmp(text, "little", 6) == 0) return true;
  if (length == 3 && __builtin_memcmp(text, "big", 3) == 0) return false;
  RaiseValueError("byteorder must be either 'little' or 'big'");
}

// int.to_bytes(length=1, byteorder='big', *, signed=False)
Value IntToBytes(size_t n_args, const Value* args, size_t n_kw, const Value* kw) {
  static constexpr ArgSpec kSpecs[] = {{Q_length, false, FromSmallInt(1)},
                                       {Q_byteorder, false, FromQstr(Q_big)},
                                       {Q_signed, false, kFalse}};
  Value n = IntOperandOrRaise(args[0]);
  Value values[3];
  ParseArgs(n_args - 1, args + 1, n_kw, kw, kSpecs, 3, 2, values);
  SignedWord length = IndexValue(values[0]);
  if (length < 0) RaiseValueError("length argument must be non-negative");
  bool little = ByteOrderIsLittle(values[1]);
  bool is_signed = IsTrue(values[2]);
  bool negative = IsNegative(n);
  if (negative && !is_signed) RaiseOverflowError("can't convert negative int to unsigned");
  // Bits the two's-complement form needs: for n < 0 those of ~n = -n - 1.
  size_t bits = negative ? BitLength(ArithmeticOp(BinaryOp::kSubtract, FromSmallInt(-1), n)) : BitLength(n);
  if (is_signed) ++bits;
  if (bits > static_cast<size_t>(length) * 8) RaiseOverflowError("int too big to convert");
  uint8_t* bytes = static_cast<uint8_t*>(Allocate(static_cast<size_t>(length), true));
  IntView x(n);
  size_t size = static_cast<size_t>(length);
  for (size_t i = 0; i < size && i / 2 < x.view.length; ++i)
    bytes[i] = static_cast<uint8_t>(x.view.digits[i / 2] >> (8 * (i % 2)));
  if (negative) {  // two's complement of the magnitude: invert, add one
    unsigned carry = 1;
    for (size_t i = 0; i < size; ++i) {
      unsigned b = static_cast<uint8_t>(~bytes[i]) + carry;
      bytes[i] = static_cast<uint8_t>(b);
      carry = b >> 8;
    }
  }
  if (!little)
    for (size_t i = 0; i < size / 2; ++i) {
      uint8_t t = bytes[i];
      bytes[i] = bytes[size - 1 - i];
      bytes[size - 1 - i] = t;
    }
  return NewBytes(bytes, size);
}

// int.from_bytes(bytes, byteorder='big', *, signed=False), a classmethod:
// args[0] is the class.
Value IntFromBytes(size_t n_args, const Value* args, size_t n_kw, const Value* kw) {
  static constexpr ArgSpec kSpecs[] = {{Q_bytes, true, kNone},
                                       {Q_byteorder, false, FromQstr(Q_big)},
                                       {Q_signed, false, kFalse}};
  Value values[3];
  ParseArgs(n_args - 1, args + 1, n_kw, kw, kSpecs, 3, 2, values);
  BufferInfo info;
  GetBuffer(values[0], &info, false);
  bool little = ByteOrderIsLittle(values[1]);
  bool is_signed = IsTrue(values[2]);
  size_t size = info.length;
  const uint8_t* data = static_cast<const uint8_t*>(info.data);
  // Little-endian copy, made a magnitude (two's complement undone) if negative.
  uint8_t* bytes = static_cast<uint8_t*>(Allocate(size + 1, true));
  for (size_t i = 0; i < size; ++i) bytes[i] = little ? data[i] : data[size - 1 - i];
  bool negative = is_signed && size > 0 && (bytes[size - 1] & 0x80);
  if (negative) {
    unsigned carry = 1;
    for (size_t i = 0; i < size; ++i) {
      unsigned b = static_cast<uint8_t>(~bytes[i]) + carry;
      bytes[i] = static_cast<uint8_t>(b);
      carry = b >> 8;
    }
    if (carry) bytes[size] = 1;  // -2**(8*size): the magnitude needs a further byte
  }
  size_t total = size + 1;
  BigIntObject* obj = AllocateBigInt((total + 1) / 2);
  BigIntRef r = RefTo(obj);
  __builtin_memset(r.digits, 0, (total + 1) / 2 * sizeof(BigDigit));  // the bytes are ORed in
  for (size_t i = 0; i < total; ++i) r.digits[i / 2] |= static_cast<BigDigit>(bytes[i] << (8 * (i % 2)));
  r.length = (total + 1) / 2;
  while (r.length && r.digits[r.length - 1] == 0) --r.length;
  r.negative = negative && r.length > 0;
  return Finish(obj, r);
}

Value IntBitLength(Value self) { return NewIntFromUnsigned(BitLength(IntOperandOrRaise(self))); }

constexpr BuiltinFunction kBitLengthFn(Q_bit_length, IntBitLength);
constexpr BuiltinFunction kFromBytesFn(Q_from_bytes, 2, 3, IntFromBytes);
constexpr ConstMethodWrapper kFromBytesMethod{{&kClassMethodType}, &kFromBytesFn.base};
constexpr BuiltinFunction kToBytesFn(Q_to_bytes, 1, 3, IntToBytes);

TAIPAN_CONST_MAP(kIntMethods, {Q_bit_length, &kBitLengthFn}, {Q_from_bytes, &kFromBytesMethod},
                 {Q_to_bytes, &kToBytesFn});

// --- Construction --------------------------------------------------------------------

bool TextOf(Value v, const char** text, size_t* length) {
  if (IsStr(v)) {
    *text = StrBytes(v, length);
    return true;
  }
  // Any buffer, as MicroPython takes it (bytes, bytearray, memoryview, array).
  BufferInfo info;
  if (TryGetBuffer(v, &info, false)) {
    *text = static_cast<const char*>(info.data);
    *length = info.length;
    return true;
  }
  return false;
}

// int(x) for one argument that is not text.
Value IntFromObject(Value x) {
  Value n = IntOperand(x);
  if (n != kNull) return n;
  if (IsFloat(x)) return IntFromFloat(FloatValue(x));
  const char* text;
  size_t length;
  if (TextOf(x, &text, &length)) return ParseInt(text, length, 10);
  Qstr methods[] = {Q___int__, Q___index__};
  for (Qstr name : methods) {
    Value result = CallMethodIfAny(x, name);
    if (result == kNull) continue;
    Value r = IntOperand(result);
    if (r == kNull) {
      const char* parts[] = {name == Q___int__ ? "__int__" : "__index__", " returned non-int (type ",
                             TypeNameOf(result), ")"};
      RaiseJoined(&kTypeErrorType, parts, 4);
    }
    return r;
  }
  const char* parts[] = {"can't convert ", TypeNameOf(x), " to int"};
  RaiseJoined(&kTypeErrorType, parts, 3);
}

// int(), int(x), int(x, base) and int(x, base=b).
Value IntMakeNew(const Type*, size_t n_args, size_t n_kw, const Value* args) {
  Value x = n_args > 0 ? args[0] : kNull;
  Value base = n_args > 1 ? args[1] : kNull;
  if (n_kw == 1 && QstrValue(args[n_args]) == Q_base && n_args <= 1) {
    base = args[n_args + 1];
    n_kw = 0;
  }
  CheckArgCount(n_args, n_kw, 0, base != kNull && n_args < 2 ? 1 : 2, Q_int);
  if (base != kNull) {
    const char* text;
    size_t length;
    if (x == kNull) RaiseTypeError("int() missing string argument");
    if (!TextOf(x, &text, &length)) RaiseTypeError("can't convert non-string with explicit base");
    return ParseInt(text, length, static_cast<int>(IndexValue(base)));
  }
  if (x == kNull) return FromSmallInt(0);
  return IntFromObject(x);
}

}  // namespace

// --- Public: making and reading ints ----------------------------------------------

Value NewInt(SignedWord n) {
  if (FitsSmallInt(n)) return FromSmallInt(n);
  return NewIntFromMagnitude(n < 0 ? uint64_t{0} - static_cast<uint64_t>(static_cast<int64_t>(n)) : static_cast<uint64_t>(n),
                             n < 0);
}

Value NewIntFromUnsigned(Word n) { return NewIntFromMagnitude(n, false); }

Value NewIntFromLongLong(long long n) {
  return NewIntFromMagnitude(n < 0 ? uint64_t{0} - static_cast<uint64_t>(n) : static_cast<uint64_t>(n), n < 0);
}

bool IsInt(Value v) { return IsSmallInt(v) || v == kTrue || v == kFalse || IsSubclass(TypeOf(v), &kIntType); }

bool IntFitsWord(Value v, SignedWord* out) {
  Value n = IntOperand(v);
  if (n == kNull) return false;
  if (IsSmallInt(n)) {
    *out = SmallIntValue(n);
    return true;
  }
  int64_t wide;
  IntView x(n);
  if (!bigint_to_int64(x.view, &wide)) return false;
  if (sizeof(SignedWord) < sizeof(int64_t) &&
      (wide < static_cast<int64_t>(static_cast<SignedWord>(~(~Word{0} >> 1))) ||
       wide > static_cast<int64_t>(static_cast<SignedWord>(~Word{0} >> 1))))
    return false;
  *out = static_cast<SignedWord>(wide);
  return true;
}

Word IntLowWord(Value v) {
  Value n = IntOperandOrRaise(v);
  if (IsSmallInt(n)) return static_cast<Word>(SmallIntValue(n));
  const BigIntObject* big = ObjectPointer<BigIntObject>(n);
  Word magnitude = 0;
  for (size_t i = big->length; i > 0; --i) magnitude = (magnitude << kBigDigitBits) | big->digits[i - 1];
  return big->negative ? Word{0} - magnitude : magnitude;
}

Value ParseInt(const char* text, size_t length, int base) {
  if (base != 0 && (base < 2 || base > 36)) RaiseValueError("int() arg 2 must be >= 2 and <= 36");
  size_t i = 0, end = length;
  while (i < end && IsSpace(text[i])) ++i;
  while (end > i && IsSpace(text[end - 1])) --end;
  bool negative = false;
  if (i < end && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  int radix = base;
  bool prefixed = false;
  if (end - i >= 2 && text[i] == '0') {
    char c = static_cast<char>(text[i + 1] | 0x20);
    int prefix_base = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
    if (prefix_base && (base == 0 || base == prefix_base)) {
      radix = prefix_base;
      prefixed = true;
      i += 2;
    }
  }
  bool decimal_base0 = radix == 0;
  if (radix == 0) radix = 10;
  // Digits, with single underscores between them (or right after a prefix).
  size_t start = i, digits = 0;
  bool nonzero = false, after_underscore = false;
  for (; i < end; ++i) {
    char c = text[i];
    if (c == '_') {
      if (after_underscore || (digits == 0 && !prefixed)) RaiseInvalidInt(base, text, length);
      after_underscore = true;
      continue;
    }
    int d = DigitValue(c);
    if (d >= radix) RaiseInvalidInt(base, text, length);
    nonzero |= d != 0;
    ++digits;
    after_underscore = false;
  }
  if (digits == 0 || after_underscore) RaiseInvalidInt(base, text, length);
  // Base 0: no leading zeros in a decimal number other than zero ("010").
  if (decimal_base0 && nonzero && text[start] == '0') RaiseInvalidInt(base, text, length);
  // Fast path: the magnitude fits a small int.
  Word limit = static_cast<Word>(kSmallIntMax) / static_cast<Word>(radix);
  Word value = 0;
  bool fits = true;
  for (size_t k = start; k < end && fits; ++k) {
    if (text[k] == '_') continue;
    Word d = static_cast<Word>(DigitValue(text[k]));
    if (value > limit) fits = false;
    value = value * static_cast<Word>(radix) + d;
    if (value > static_cast<Word>(kSmallIntMax)) fits = false;
  }
  if (fits) {
    SignedWord v = static_cast<SignedWord>(value);
    return FromSmallInt(negative ? -v : v);
  }
  BigIntObject* obj = AllocateBigInt(bigint_from_string_digits(end - start, static_cast<unsigned>(radix)));
  BigIntRef r = RefTo(obj);
  if (!bigint_from_string(r, text + start, end - start, static_cast<unsigned>(radix))) RaiseInvalidInt(base, text, length);
  r.negative = negative && r.length > 0;
  return Finish(obj, r);
}

void PrintInt(const Printer& out, Value v, int base, bool prefix, bool upper) {
  Value n = IntOperandOrRaise(v);
  IntDigits digits;
  DigitsOf(n, static_cast<unsigned>(base), &digits);
  if (digits.negative) PrintChar(out, '-');
  if (prefix) PrintCString(out, BasePrefix(static_cast<unsigned>(base), false));
  if (!upper) {
    PrintBytes(out, digits.data, digits.length);
    return;
  }
  for (size_t i = 0; i < digits.length; ++i) PrintChar(out, ToUpper(digits.data[i]));
}

Value IntPowMod(Value a, Value b, Value m) {
  Value x = IntOperand(a), e = IntOperand(b), modulus = IntOperand(m);
  if (x == kNull || e == kNull || modulus == kNull) RaiseTypeError("pow() with 3 arguments requires integers");
  if (IsZero(modulus)) RaiseValueError("pow() 3rd argument cannot be 0");
  if (IsNegative(e)) {
    // pow(x, -e, m) == pow(inverse of x modulo |m|, e, m): extended Euclid.
    Value n = IsSmallInt(modulus) ? NewInt(SmallIntValue(modulus) < 0 ? -SmallIntValue(modulus) : SmallIntValue(modulus))
                                  : BigNegateOrAbs(modulus, false);
    Value old_r = ArithmeticOp(BinaryOp::kModulo, x, n), r = n;
    Value old_s = FromSmallInt(1), s = FromSmallInt(0);
    while (!IsZero(r)) {
      Value q = ArithmeticOp(BinaryOp::kFloorDivide, old_r, r);
      Value next_r = ArithmeticOp(BinaryOp::kSubtract, old_r, ArithmeticOp(BinaryOp::kMultiply, q, r));
      old_r = r;
      r = next_r;
      Value next_s = ArithmeticOp(BinaryOp::kSubtract, old_s, ArithmeticOp(BinaryOp::kMultiply, q, s));
      old_s = s;
      s = next_s;
    }
    if (old_r != FromSmallInt(1)) RaiseValueError("base is not invertible for the given modulus");
    x = ArithmeticOp(BinaryOp::kModulo, old_s, n);
    e = IsSmallInt(e) ? NewInt(-SmallIntValue(e)) : BigNegateOrAbs(e, true);
  }
  IntView base_view(x), exponent_view(e), modulus_view(modulus);
  BigIntObject* obj = AllocateBigInt(bigint_remainder_digits(base_view.view, modulus_view.view));
  BigDigit* scratch = AllocateScratch(bigint_powmod_scratch_digits(base_view.view, modulus_view.view));
  BigIntRef r = RefTo(obj);
  if (!bigint_powmod(r, base_view.view, exponent_view.view, modulus_view.view, scratch)) RaiseMemoryError();
  return Finish(obj, r);
}

Float IntToFloat(Value v) {
  Value n = IntOperandOrRaise(v);
  if (IsSmallInt(n)) return static_cast<Float>(SmallIntValue(n));
  IntView x(n);
  size_t bits = bigint_bit_length(x.view);
  if (bits > kFloatMaxBits) RaiseIntTooLargeForFloat();
  // The top 64 bits, with a sticky bit for anything below them, convert to
  // Float with one correct rounding; scaling by a power of two is exact.
  size_t shift = bits > 64 ? bits - 64 : 0;
  uint64_t top = 0;
  bool sticky = false;
  for (size_t i = x.view.length; i-- > 0;) {
    uint64_t d = x.view.digits[i];
    SignedWord position = static_cast<SignedWord>(16 * i) - static_cast<SignedWord>(shift);
    if (position >= 0) {
      top |= d << position;
    } else if (position > -16) {
      top |= d >> -position;
      sticky |= (d & ((uint64_t{1} << -position) - 1)) != 0;
    } else {
      sticky |= d != 0;
    }
  }
  if (sticky) top |= 1;
  Float f = static_cast<Float>(top);
  for (; shift >= 30; shift -= 30) f *= static_cast<Float>(1u << 30);
  f *= static_cast<Float>(1u << shift);
  if (f > kFloatMax) RaiseIntTooLargeForFloat();
  return x.view.negative ? -f : f;
}

Value IntFromFloat(Float f) {
  FloatBits bits;
  __builtin_memcpy(&bits, &f, sizeof bits);
  bool negative = (bits >> (sizeof(FloatBits) * 8 - 1)) != 0;
  unsigned exponent = static_cast<unsigned>(bits >> kMantissaBits) & kExponentMask;
  FloatBits mantissa = bits & ((FloatBits{1} << kMantissaBits) - 1);
  if (exponent == kExponentMask) {
    if (mantissa) RaiseValueError("can't convert NaN to int");
    RaiseOverflowError("can't convert inf to int");
  }
  if (exponent < kExponentBias) return FromSmallInt(0);  // |f| < 1
  // |f| = (2**kMantissaBits + mantissa) * 2**(exponent - bias - kMantissaBits)
  uint64_t significand = static_cast<uint64_t>(mantissa) | (uint64_t{1} << kMantissaBits);
  SignedWord scale = static_cast<SignedWord>(exponent) - static_cast<SignedWord>(kExponentBias + kMantissaBits);
  if (scale <= 0) return NewIntFromMagnitude(significand >> -scale, negative);
  if (scale + static_cast<SignedWord>(kMantissaBits) < 63) return NewIntFromMagnitude(significand << scale, negative);
  Value magnitude = NewIntFromMagnitude(significand, negative);
  return BigShift(magnitude, static_cast<size_t>(scale), true);
}

// --- Format specs ------------------------------------------------------------------

void FormatInt(const Printer& out, Value v, const FormatSpec& spec) {
  Value n = IntOperandOrRaise(v);
  // format(True, "") is str(True); any other spec formats the bool as an int.
  if (IsBool(v) && spec.type == 0 && spec.width < 0 && spec.precision < 0 && spec.align == 0 && spec.sign == 0 &&
      !spec.alternate && !spec.zero_pad && spec.grouping == 0) {
    PrintCString(out, v == kTrue ? "True" : "False");
    return;
  }
  unsigned base = 10;
  switch (spec.type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
      FormatFloat(out, NewFloat(IntToFloat(n)), spec);
      return;
    case 0: case 'd': case 'n': case 'c': base = 10; break;
    case 'b': base = 2; break;
    case 'o': base = 8; break;
    case 'x': case 'X': base = 16; break;
    default: {
      char code[2] = {spec.type, 0};
      const char* parts[] = {"unknown format code '", code, "' for object of type 'int'"};
      RaiseJoined(&kValueErrorType, parts, 3);
    }
  }
  if (spec.precision >= 0) RaiseValueError("precision not allowed in integer format specifier");
  if (spec.grouping && (spec.type == 'c' || spec.type == 'n' || (spec.grouping == ',' && base != 10))) {
    char code[2] = {spec.type, 0};
    const char* parts[] = {"cannot specify '", spec.grouping == ',' ? "," : "_", "' with '", code, "'"};
    RaiseJoined(&kValueErrorType, parts, 5);
  }
  if (spec.type == 'c') {
    if (spec.sign) RaiseValueError("sign not allowed with integer format specifier 'c'");
    if (spec.alternate) RaiseValueError("alternate form (#) not allowed with integer format specifier 'c'");
    SignedWord code;
    if (!IntFitsWord(n, &code) || code < 0 || code > 0x10FFFF) RaiseOverflowError("%c arg not in range(0x110000)");
    char utf8[4];
    size_t length;
    Word c = static_cast<Word>(code);
    if (c < 0x80) {
      utf8[0] = static_cast<char>(c);
      length = 1;
    } else if (c < 0x800) {
      utf8[0] = static_cast<char>(0xC0 | (c >> 6));
      utf8[1] = static_cast<char>(0x80 | (c & 0x3F));
      length = 2;
    } else if (c < 0x10000) {
      utf8[0] = static_cast<char>(0xE0 | (c >> 12));
      utf8[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      utf8[2] = static_cast<char>(0x80 | (c & 0x3F));
      length = 3;
    } else {
      utf8[0] = static_cast<char>(0xF0 | (c >> 18));
      utf8[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      utf8[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      utf8[3] = static_cast<char>(0x80 | (c & 0x3F));
      length = 4;
    }
    PrintPadded(out, spec, '>', utf8, length, 1, 0);  // a number: right-aligned
    return;
  }
  IntDigits digits;
  DigitsOf(n, base, &digits);
  bool upper = spec.type == 'X';
  StringBuilder body;
  if (digits.negative) body.Append('-');
  else if (spec.sign == '+' || spec.sign == ' ') body.Append(spec.sign);
  if (spec.alternate) body.AppendCString(BasePrefix(base, upper));
  size_t sign_length = body.length;
  // Zero padding with grouping puts the zeros among the digits, separators
  // and all (format(1234, "08,") == "0,001,234"), as CPython does.
  size_t group = base == 10 ? 3 : 4;
  size_t total_digits = digits.length;
  char align = spec.align ? spec.align : (spec.zero_pad ? '=' : '>');
  if (spec.grouping && align == '=' && spec.fill == '0' && spec.width > 0) {
    size_t target = static_cast<size_t>(spec.width) > sign_length ? static_cast<size_t>(spec.width) - sign_length : 0;
    while (total_digits + (total_digits - 1) / group < target) ++total_digits;
  }
  for (size_t i = 0; i < total_digits; ++i) {
    size_t from_right = total_digits - 1 - i;
    char c = from_right < digits.length ? digits.data[digits.length - 1 - from_right] : '0';
    body.Append(upper ? ToUpper(c) : c);
    if (spec.grouping && from_right > 0 && from_right % group == 0) body.Append(spec.grouping);
  }
  PrintPadded(out, spec, '>', body.data, body.length, body.length, sign_length);
}

// --- Slots shared with bool ----------------------------------------------------------

Value IntUnaryOp(UnaryOp op, Value self) {
  Value n = IntOperand(self);
  if (n == kNull) return kNull;
  bool small = IsSmallInt(n);
  switch (op) {
    case UnaryOp::kBool: return FromBool(!IsZero(n));
    case UnaryOp::kHash: return small ? n : BigHash(n);
    case UnaryOp::kPositive:
    case UnaryOp::kIntMaybe: return n;
    case UnaryOp::kNegative: return small ? NewInt(-SmallIntValue(n)) : BigNegateOrAbs(n, true);
    case UnaryOp::kInvert: return small ? FromSmallInt(~SmallIntValue(n)) : BigInvert(n);
    case UnaryOp::kAbs:
      if (!small) return BigNegateOrAbs(n, false);
      return NewInt(SmallIntValue(n) < 0 ? -SmallIntValue(n) : SmallIntValue(n));
    case UnaryOp::kFloatMaybe: return NewFloat(IntToFloat(n));
    default: return kNull;
  }
}

Value IntBinaryOp(BinaryOp op, Value lhs, Value rhs) {
  op = NonInplaceOp(op);
  if (op >= BinaryOp::kReverseOr && op <= BinaryOp::kReversePower) {
    // self is the right operand of the plain operator.
    op = static_cast<BinaryOp>(static_cast<unsigned>(op) - static_cast<unsigned>(BinaryOp::kReverseOr) +
                               static_cast<unsigned>(BinaryOp::kOr));
    Value t = lhs;
    lhs = rhs;
    rhs = t;
  }
  if (IsBool(lhs) && IsBool(rhs)) {
    bool a = lhs == kTrue, b = rhs == kTrue;
    if (op == BinaryOp::kAnd) return FromBool(a && b);
    if (op == BinaryOp::kOr) return FromBool(a || b);
    if (op == BinaryOp::kXor) return FromBool(a != b);
  }
  Value a = IntOperand(lhs), b = IntOperand(rhs);
  if (a == kNull || b == kNull) return kNull;
  return ArithmeticOp(op, a, b);
}

Value ExactIntBinaryOp(BinaryOp op, Value lhs, Value rhs) {
  auto exact = [](Value v) { return IsSmallInt(v) || TypeOf(v) == &kIntType; };
  if (exact(lhs) && exact(rhs)) {
    Value result = ArithmeticOp(NonInplaceOp(op), lhs, rhs);
    if (result != kNull) return result;
  }
  return ApplyBinaryOp(op, lhs, rhs);
}

// real, imag, numerator, denominator.
Value IntAttr(Value self, Qstr name, AttrOp op, Value) {
  if (op != AttrOp::kLoad) return kNull;
  if (name == Q_real || name == Q_numerator) return IntOperand(self);
  if (name == Q_imag) return FromSmallInt(0);
  if (name == Q_denominator) return FromSmallInt(1);
  return kNull;
}

const Type kIntType = {
    .base = {&kTypeType},
    .flags = kTypeBaseAllowed,
    .name = Q_int,
    .make_new = IntMakeNew,
    .print = IntPrint,
    .unary_op = IntUnaryOp,
    .binary_op = IntBinaryOp,
    .attr = IntAttr,
    .base_type = &kObjectType,
    .methods = &kIntMethods,
};

// The name natively compiled code compares type words with (native_abi.def);
// an alias can only be defined next to the object it names.
extern "C" [[gnu::alias("_ZN6taipan2rt8kIntTypeE")]] const Type taipan_native_type_int;

}  // namespace taipan::rt
