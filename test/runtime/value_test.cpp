// The value encoding must be MicroPython's, bit for bit (runtime/value.h).
#include "runtime/value.h"

#include <gtest/gtest.h>

namespace taipan::rt {
namespace {

TEST(Value, SmallIntsRoundTripAtTheLimits) {
  for (SignedWord n : {SignedWord{0}, SignedWord{1}, SignedWord{-1}, SignedWord{12345}, kSmallIntMax, kSmallIntMin}) {
    Value v = FromSmallInt(n);
    EXPECT_TRUE(IsSmallInt(v));
    EXPECT_FALSE(IsQstr(v));
    EXPECT_FALSE(IsObject(v));
    EXPECT_EQ(SmallIntValue(v), n);
  }
  EXPECT_TRUE(FitsSmallInt(kSmallIntMax));
  EXPECT_FALSE(FitsSmallInt(kSmallIntMax + 1));
  EXPECT_FALSE(FitsSmallInt(kSmallIntMin - 1));
  // One bit of tag: 63 bits of payload on a 64-bit host.
  EXPECT_EQ(kSmallIntMax, (SignedWord{1} << (sizeof(Word) * 8 - 2)) - 1);
}

TEST(Value, EncodingsAreMicroPythonsRepresentationA) {
  EXPECT_EQ(Bits(FromSmallInt(5)), Word{11});
  EXPECT_EQ(Bits(FromSmallInt(-1)), ~Word{0});
  EXPECT_EQ(Bits(FromQstr(7)), Word{(7 << 3) | 2});
  EXPECT_EQ(Bits(kNone), Word{0x06});
  EXPECT_EQ(Bits(kFalse), Word{0x0E});
  EXPECT_EQ(Bits(kTrue), Word{0x1E});
  EXPECT_EQ(Bits(kNull), Word{0});
  EXPECT_EQ(Bits(kSentinel), Word{4});
}

TEST(Value, KindsAreDisjoint) {
  alignas(8) static const Word object[2] = {0, 0};
  Value values[] = {FromSmallInt(3), FromQstr(3), kNone, kTrue, kFalse, FromPointer(object)};
  for (Value v : values) {
    int kinds = IsSmallInt(v) + IsQstr(v) + IsImmediate(v) + IsObject(v);
    EXPECT_EQ(kinds, 1) << "value " << Bits(v);
  }
  EXPECT_FALSE(IsObject(kNull));
  EXPECT_FALSE(IsObject(kSentinel));
  EXPECT_EQ(ObjectPointer<const Word>(FromPointer(object)), object);
  EXPECT_EQ(FromBool(true), kTrue);
  EXPECT_EQ(FromBool(false), kFalse);
}

}  // namespace
}  // namespace taipan::rt
