// Arbitrary-precision integers: the arithmetic core behind Python's int.
//
// Freestanding C++20 (only <stdint.h> and <stddef.h>; the object code needs
// nothing but memcpy/memset/memmove). Nothing here allocates: every function
// works on digit buffers the caller provides (the object layer takes them
// from the GC heap) and reports how many digits the result uses. No 64-bit
// multiply or divide helpers are needed on any target: a digit product fits
// in 32 bits, and the one 32-by-16 division (Knuth's quotient estimate and
// single-digit division) is done by shift-and-subtract where the CPU has no
// divide instruction (Cortex-M0+, Xtensa).
//
// ---------------------------------------------------------------------------
// Representation
// ---------------------------------------------------------------------------
//
// A value is a magnitude in base 2**16 (uint16_t digits, least significant
// first) and a separate sign. Values are always normalized:
//   - no leading (most significant) zero digit: digits[length-1] != 0;
//   - zero has length 0 (digits may then be null) and is never negative.
// Every function requires normalized inputs and produces normalized outputs.
//
// Inputs are BigIntView (read-only digits). Outputs are BigIntRef: the
// caller sets `digits` to a buffer of at least the capacity given by the
// matching *_digits() bound below (capacity 0 allows a null pointer); the
// function sets `length` and `negative`. A buffer's contents beyond the
// result's length are unspecified afterwards (scratch use).
//
// ---------------------------------------------------------------------------
// Aliasing
// ---------------------------------------------------------------------------
//
// Outputs must not overlap inputs, scratch or each other, except that the
// output's digits may be *exactly* the same buffer (same start pointer) as an
// input's for: bigint_add, bigint_sub, bigint_and, bigint_or, bigint_xor,
// bigint_invert, bigint_lshift, bigint_rshift. (The buffer must still have
// the output's capacity, and hold the input: for bigint_rshift that can be
// more than the bound.) bigint_mul, bigint_divmod and friends, bigint_pow
// and bigint_powmod never allow aliasing.
//
// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------
//
// Functions that can fail return false and leave the output unspecified:
// division by zero, a negative exponent, an invalid digit. The *_digits()
// bounds return kBigIntTooBig when the result could not be addressed; the
// caller raises MemoryError (OverflowError for shift counts, as it sees fit).

#ifndef TAIPAN_RUNTIME_BIGINT_H
#define TAIPAN_RUNTIME_BIGINT_H

#include <stddef.h>
#include <stdint.h>

namespace taipan::rt {

using BigDigit = uint16_t;
inline constexpr unsigned kBigDigitBits = 16;
inline constexpr size_t kBigIntTooBig = ~static_cast<size_t>(0);
// Digits of any int64_t value (bigint_from_int64's output capacity).
inline constexpr size_t kBigIntInt64Digits = 4;

struct BigIntView {
  const BigDigit* digits;
  size_t length;
  bool negative;
};

struct BigIntRef {
  BigDigit* digits;
  size_t length;
  bool negative;
  constexpr operator BigIntView() const { return {digits, length, negative}; }
};

// --- Comparison and conversion ---------------------------------------------

// -1, 0 or 1 as a <, ==, > b.
int bigint_compare(BigIntView a, BigIntView b);

// out capacity: kBigIntInt64Digits.
void bigint_from_int64(BigIntRef& out, int64_t v);
// False (and *v untouched) when a does not fit in int64_t.
bool bigint_to_int64(BigIntView a, int64_t* v);

// Number of significant bits of |a| (0 for zero), like int.bit_length().
size_t bigint_bit_length(BigIntView a);

// --- Result size bounds (digits) -------------------------------------------

size_t bigint_add_digits(BigIntView a, BigIntView b);     // also sub
size_t bigint_mul_digits(BigIntView a, BigIntView b);
size_t bigint_bitwise_digits(BigIntView a, BigIntView b); // and/or/xor
size_t bigint_invert_digits(BigIntView a);
size_t bigint_quotient_digits(BigIntView a, BigIntView b);
size_t bigint_remainder_digits(BigIntView a, BigIntView b);
// Scratch for bigint_divmod / floordiv / mod.
size_t bigint_divmod_scratch_digits(BigIntView a, BigIntView b);
size_t bigint_lshift_digits(BigIntView a, size_t n);
size_t bigint_rshift_digits(BigIntView a, size_t n);
// Both the output and the scratch of bigint_pow need this many digits.
// kBigIntTooBig for a negative exponent or an astronomically large result.
size_t bigint_pow_digits(BigIntView a, BigIntView e);
// bigint_powmod's output needs bigint_remainder_digits(x, m) = m.length.
size_t bigint_powmod_scratch_digits(BigIntView a, BigIntView m);

// --- Arithmetic --------------------------------------------------------------

void bigint_add(BigIntRef& out, BigIntView a, BigIntView b);
void bigint_sub(BigIntRef& out, BigIntView a, BigIntView b);
void bigint_mul(BigIntRef& out, BigIntView a, BigIntView b);

// Python's floor division: q = floor(a / b), r = a - q*b (r has b's sign
// or is zero). Either of q and r may be null (then not computed).
// False when b is zero.
bool bigint_divmod(BigIntRef* q, BigIntRef* r, BigIntView a, BigIntView b, BigDigit* scratch);
bool bigint_floordiv(BigIntRef& q, BigIntView a, BigIntView b, BigDigit* scratch);
bool bigint_mod(BigIntRef& r, BigIntView a, BigIntView b, BigDigit* scratch);

// a ** e for e >= 0 (0 ** 0 == 1). False when e is negative or the bound is
// kBigIntTooBig. scratch: bigint_pow_digits digits, like out.
bool bigint_pow(BigIntRef& out, BigIntView a, BigIntView e, BigDigit* scratch);
// pow(a, e, m) == (a ** e) % m for e >= 0, with Python's sign (m's sign, or
// zero). False when m is zero or e is negative (Python's modular inverse for
// negative exponents is the caller's business).
bool bigint_powmod(BigIntRef& out, BigIntView a, BigIntView e, BigIntView m, BigDigit* scratch);

// a << n and a >> n (floor, so -1 >> n == -1), n >= 0.
void bigint_lshift(BigIntRef& out, BigIntView a, size_t n);
void bigint_rshift(BigIntRef& out, BigIntView a, size_t n);

// Bitwise operators on the infinite two's-complement values, as Python.
void bigint_and(BigIntRef& out, BigIntView a, BigIntView b);
void bigint_or(BigIntRef& out, BigIntView a, BigIntView b);
void bigint_xor(BigIntRef& out, BigIntView a, BigIntView b);
void bigint_invert(BigIntRef& out, BigIntView a);  // ~a == -a - 1

// --- Strings -------------------------------------------------------------

// Upper bound on the characters of bigint_to_string (sign included);
// 0 for an invalid base.
size_t bigint_to_string_chars(BigIntView a, unsigned base);
// Writes a in base 2..36: lower-case digits, a leading '-' when negative, no
// prefix, no terminator; returns the number of characters (0 for an invalid
// base). out: bigint_to_string_chars(a, base) chars; scratch: a.length
// digits (unused, may be null, for zero).
size_t bigint_to_string(char* out, BigIntView a, unsigned base, BigDigit* scratch);

// Capacity bigint_from_string needs for `length` characters in `base`.
size_t bigint_from_string_digits(size_t length, unsigned base);
// Parses [+-]digits in base 2..36 (either case); '_' characters are skipped
// (the caller validates their placement, prefixes and whitespace). False
// for an invalid base, a character that is not a digit of the base, or no
// digits at all.
bool bigint_from_string(BigIntRef& out, const char* s, size_t length, unsigned base);

namespace detail {
// The portable 32-by-16 division used where there is no divide instruction:
// requires (num >> 16) < d; returns num / d and stores num % d. Exposed so
// the host tests can check it against the hardware.
uint16_t bigint_div_digit_soft(uint32_t num, uint16_t d, uint16_t* rem);
}  // namespace detail

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_BIGINT_H
