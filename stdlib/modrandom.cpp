// The random module, as MicroPython's: the same generator (Ilya Levin's
// public-domain Yasmarang, 32 bits per step), seeded the same way and with
// floats made from its bits the same way, so a program that calls seed(n)
// draws exactly the numbers MicroPython draws. Functions: seed, getrandbits,
// randrange, randint, choice, random, uniform.
//
// Like MicroPython's unix port, importing the module seeds it from the
// platform (here the clock; the unix port reads /dev/urandom), once per
// program: seed() and seed(None) do that again. Integer arguments are
// machine words (OverflowError past one) and ranges are taken modulo 2**32,
// as MicroPython takes them; a range that wraps to 0 (where MicroPython
// would loop forever) raises ValueError.
#include <stdint.h>

#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/port.h"
#include "runtime/runtime.h"

namespace taipan::rt {

namespace {

// The generator's state. Not a GC value: four plain numbers, set before
// the first draw by RandomModuleInit (the import) or seed().
struct Yasmarang {
  uint32_t pad;
  uint32_t n;
  uint32_t d;
  uint8_t dat;
};

constinit Yasmarang g_yasmarang = {0, 69, 233, 0};
constinit bool g_seeded_on_import = false;

void SeedWith(uint32_t seed) { g_yasmarang = {seed, 69, 233, 0}; }

// One step: 32 fresh bits.
uint32_t NextRandom32() {
  Yasmarang& s = g_yasmarang;
  s.pad += s.dat + s.d * s.n;
  s.pad = (s.pad << 3) + (s.pad >> 29);
  s.n = s.pad | 2;
  s.d ^= (s.pad << 31) + (s.pad >> 1);
  s.dat ^= static_cast<uint8_t>(static_cast<uint8_t>(s.pad) ^ (s.d >> 8) ^ 1);
  return s.pad ^ (s.d << 5) ^ (s.pad >> 18) ^ (static_cast<uint32_t>(s.dat) << 1);
}

// A number in [0, n), n > 0: draws masked to n's bit length until one is
// below n (rejection, so every value is equally likely).
uint32_t RandomBelow(uint32_t n) {
  uint32_t mask = 1;
  while ((n & mask) < n) mask = (mask << 1) | 1;
  uint32_t r;
  do {
    r = NextRandom32() & mask;
  } while (r >= n);
  return r;
}

// A range's size as MicroPython's generator takes it: modulo 2**32. Zero
// (an empty range, or one of a multiple of 2**32 values) is a ValueError.
uint32_t RangeSize(Word count) {
  uint32_t n = static_cast<uint32_t>(count);
  if (n == 0) Raise(FromType(&kValueErrorType));
  return n;
}

Value OffsetInt(SignedWord start, SignedWord step, uint32_t k) {
  // Word arithmetic wraps as MicroPython's mp_int_t does for such ranges.
  return NewInt(static_cast<SignedWord>(static_cast<Word>(start) + static_cast<Word>(step) * k));
}

// A float in [0, 1): 1.0 with its fraction bits random, minus 1. A double
// takes its 52 bits from two steps (the first step's low 20 bits on top),
// a single-precision float its 23 bits from one.
Float RandomUnitFloat() {
#if TAIPAN_FLOAT_IS_DOUBLE
  uint64_t high = NextRandom32();
  uint64_t low = NextRandom32();
  uint64_t fraction = ((high << 32) | low) & ((uint64_t{1} << 52) - 1);
  uint64_t bits = (uint64_t{1023} << 52) | fraction;
  double one_to_two;
  __builtin_memcpy(&one_to_two, &bits, sizeof bits);
#else
  uint32_t bits = (uint32_t{127} << 23) | (NextRandom32() & ((uint32_t{1} << 23) - 1));
  float one_to_two;
  __builtin_memcpy(&one_to_two, &bits, sizeof bits);
#endif
  return one_to_two - 1;
}

// A seed from the platform, for seed(), seed(None) and the import.
uint32_t PlatformSeed() {
  uint64_t t = taipan_port_time_ns() ^ (taipan_port_ticks_us() << 20) ^ taipan_port_ticks_cpu();
  return static_cast<uint32_t>(t ^ (t >> 32));
}

// --- The module's functions ---------------------------------------------------

Value Seed(size_t n_args, const Value* args) {
  if (n_args == 0 || args[0] == kNone) {
    SeedWith(PlatformSeed());
    return kNone;
  }
  // Any int: its value modulo 2**32 (two's complement for negative ones).
  Value seed = args[0];
  SeedWith(static_cast<uint32_t>(IsInt(seed) ? IntLowWord(seed) : static_cast<Word>(IntToWord(seed))));
  return kNone;
}

Value GetRandBits(Value bits_value) {
  SignedWord bits = IntToWord(bits_value);
  if (bits < 0 || bits > 32) RaiseValueError("bits must be 32 or less");
  if (bits == 0) return FromSmallInt(0);
  // The step's low bits (mask first: shifting by 32 is undefined).
  uint32_t mask = ~uint32_t{0} >> (32 - bits);
  return NewIntFromUnsigned(NextRandom32() & mask);
}

// randrange(stop), randrange(start, stop), randrange(start, stop, step).
Value RandRange(size_t n_args, const Value* args) {
  SignedWord start = IntToWord(args[0]);
  if (n_args == 1) {
    if (start <= 0) Raise(FromType(&kValueErrorType));
    return NewInt(static_cast<SignedWord>(RandomBelow(RangeSize(static_cast<Word>(start)))));
  }
  SignedWord stop = IntToWord(args[1]);
  if (n_args == 2) {
    if (start >= stop) Raise(FromType(&kValueErrorType));
    return OffsetInt(start, 1, RandomBelow(RangeSize(static_cast<Word>(stop) - static_cast<Word>(start))));
  }
  SignedWord step = IntToWord(args[2]);
  if (step == 0) Raise(FromType(&kValueErrorType));
  // The number of values: the distance over the step, rounded up (C's
  // division truncates); wrapping word arithmetic, as MicroPython's.
  Word distance = static_cast<Word>(stop) - static_cast<Word>(start) + static_cast<Word>(step);
  distance += step > 0 ? ~Word{0} : Word{1};
  SignedWord count = static_cast<SignedWord>(distance) / step;
  if (count <= 0) Raise(FromType(&kValueErrorType));
  return OffsetInt(start, step, RandomBelow(RangeSize(static_cast<Word>(count))));
}

Value RandInt(Value low_value, Value high_value) {
  SignedWord low = IntToWord(low_value);
  SignedWord high = IntToWord(high_value);
  if (low > high) Raise(FromType(&kValueErrorType));
  Word count = static_cast<Word>(high) - static_cast<Word>(low) + 1;
  return OffsetInt(low, 1, RandomBelow(RangeSize(count)));
}

Value Choice(Value sequence) {
  size_t length = Length(sequence);
  if (length == 0) Raise(FromType(&kIndexErrorType));
  return LoadSubscr(sequence, NewInt(static_cast<SignedWord>(RandomBelow(RangeSize(length)))));
}

Value Random() { return NewFloat(RandomUnitFloat()); }

Value Uniform(Value low_value, Value high_value) {
  Float low = FloatValue(low_value);
  Float high = FloatValue(high_value);
  return NewFloat(low + (high - low) * RandomUnitFloat());
}

constexpr BuiltinFunction kChoiceFn(Q_choice, Choice);
constexpr BuiltinFunction kGetRandBitsFn(Q_getrandbits, GetRandBits);
constexpr BuiltinFunction kRandIntFn(Q_randint, RandInt);
constexpr BuiltinFunction kRandRangeFn(Q_randrange, 1, 3, RandRange);
constexpr BuiltinFunction kRandomFn(Q_random, Random);
constexpr BuiltinFunction kSeedFn(Q_seed, 0, 1, Seed);
constexpr BuiltinFunction kUniformFn(Q_uniform, Uniform);

}  // namespace

// Seeds the generator the first time the module is imported, as
// MicroPython's unix port does (not again if sys.modules forgets it).
void RandomModuleInit(Value) {
  if (g_seeded_on_import) return;
  g_seeded_on_import = true;
  SeedWith(PlatformSeed());
}

TAIPAN_CONST_MAP(kRandomModuleGlobals,
                 {Q___name__, ConstValue(FromQstr(Q_random))},
                 {Q_choice, &kChoiceFn},
                 {Q_getrandbits, &kGetRandBitsFn},
                 {Q_randint, &kRandIntFn},
                 {Q_random, &kRandomFn},
                 {Q_randrange, &kRandRangeFn},
                 {Q_seed, &kSeedFn},
                 {Q_uniform, &kUniformFn});

}  // namespace taipan::rt
