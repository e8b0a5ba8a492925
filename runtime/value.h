// Values: one machine word, tagged.
//
// The encoding is MicroPython's representation A, bit for bit, so that
// natively compiled code can run inside stock MicroPython (.mpy files) as
// well as on Taipan's own runtime:
//
//   ...xxxx1   small int: the word shifted right by one (arithmetic) is the
//              integer; 31 bits of payload on 32-bit targets, 63 on x86-64
//   ...xx010   interned string (qstr): the word shifted right by three is its id
//   ...xx110   immediate object: the word shifted right by three says which;
//              None = 0, False = 1, True = 3 (False and True are odd, so
//              a bool test is one bit once the value is known to be a bool)
//   ...xxx00   pointer to a heap object, whose first word points to its type
//
// Two pointer values are reserved and never name an object: 0 (null: "no
// value", also used for "the iterator is exhausted") and 4 (a sentinel).
#ifndef TAIPAN_RUNTIME_VALUE_H
#define TAIPAN_RUNTIME_VALUE_H

#include <stddef.h>
#include <stdint.h>

namespace taipan::rt {

using Word = uintptr_t;
using SignedWord = intptr_t;

// A value as generated code and the runtime pass it around.
enum class Value : Word {};

constexpr Word kSmallIntTag = 1;
constexpr Word kQstrTag = 2;
constexpr Word kImmediateTag = 6;
constexpr Word kTagMask3 = 7;

constexpr Value kNull = Value{0};
constexpr Value kStopIteration = Value{0};  // same word as null, as in MicroPython
constexpr Value kSentinel = Value{4};

constexpr Word Bits(Value v) { return static_cast<Word>(v); }

// Small ints: the largest and smallest integers a small int holds.
constexpr SignedWord kSmallIntMax = static_cast<SignedWord>(~Word{0} >> 2);
constexpr SignedWord kSmallIntMin = -kSmallIntMax - 1;

constexpr bool IsSmallInt(Value v) { return (Bits(v) & 1) != 0; }
constexpr bool FitsSmallInt(SignedWord n) { return n >= kSmallIntMin && n <= kSmallIntMax; }
constexpr Value FromSmallInt(SignedWord n) { return Value{(static_cast<Word>(n) << 1) | kSmallIntTag}; }
constexpr SignedWord SmallIntValue(Value v) { return static_cast<SignedWord>(Bits(v)) >> 1; }

using Qstr = Word;
constexpr bool IsQstr(Value v) { return (Bits(v) & kTagMask3) == kQstrTag; }
constexpr Value FromQstr(Qstr q) { return Value{(q << 3) | kQstrTag}; }
constexpr Qstr QstrValue(Value v) { return Bits(v) >> 3; }

constexpr bool IsImmediate(Value v) { return (Bits(v) & kTagMask3) == kImmediateTag; }
constexpr Value MakeImmediate(Word n) { return Value{(n << 3) | kImmediateTag}; }
constexpr Value kNone = MakeImmediate(0);
constexpr Value kFalse = MakeImmediate(1);
constexpr Value kTrue = MakeImmediate(3);
constexpr Value FromBool(bool b) { return b ? kTrue : kFalse; }

// A heap object: word-aligned, not null, not the sentinel.
constexpr bool IsObject(Value v) { return (Bits(v) & 3) == 0 && Bits(v) > Bits(kSentinel); }

template <typename T>
T* ObjectPointer(Value v) {
  return reinterpret_cast<T*>(Bits(v));
}
inline Value FromPointer(const void* p) { return Value{reinterpret_cast<Word>(p)}; }

}  // namespace taipan::rt

#endif  // TAIPAN_RUNTIME_VALUE_H
