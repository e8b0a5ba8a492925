// The generic operations of runtime.h over the core types.
#include <gtest/gtest.h>

#include "runtime/dict.h"
#include "runtime/exception.h"
#include "runtime/list.h"
#include "runtime/map.h"
#include "runtime/module.h"
#include "runtime/tuple.h"
#include "test/runtime/runtime_test.h"

namespace taipan::rt::testing {
namespace {

using CoreTest = RuntimeTest;

TEST_F(CoreTest, TypeOfImmediates) {
  EXPECT_EQ(TypeOf(FromSmallInt(3)), &kIntType);
  EXPECT_EQ(TypeOf(kTrue), &kBoolType);
  EXPECT_EQ(TypeOf(kNone), &kNoneTypeType);
  EXPECT_EQ(TypeOf(FromQstr(Q_int)), &kStrType);
  EXPECT_EQ(TypeOf(FromType(&kIntType)), &kTypeType);
}

TEST_F(CoreTest, Truth) {
  EXPECT_FALSE(IsTrue(kNone));
  EXPECT_FALSE(IsTrue(FromSmallInt(0)));
  EXPECT_TRUE(IsTrue(FromSmallInt(-1)));
  EXPECT_FALSE(IsTrue(FromQstr(kEmptyQstr)));
  EXPECT_TRUE(IsTrue(S("x")));
}

TEST_F(CoreTest, ReprOfCoreValues) {
  EXPECT_EQ(Repr(kNone), "None");
  EXPECT_EQ(Repr(kTrue), "True");
  EXPECT_EQ(Repr(FromSmallInt(-42)), "-42");
  EXPECT_EQ(Repr(FromType(&kIntType)), "<class 'int'>");
  Value items[] = {FromSmallInt(1), S("a")};
  EXPECT_EQ(Repr(NewTuple(2, items)), "(1, 'a')");
  EXPECT_EQ(Repr(NewTuple(1, items)), "(1,)");
  EXPECT_EQ(Repr(NotImplementedValue()), "NotImplemented");
}

TEST_F(CoreTest, SubclassChecks) {
  EXPECT_TRUE(IsSubclass(&kBoolType, &kIntType));
  EXPECT_TRUE(IsSubclass(&kKeyErrorType, &kLookupErrorType));
  EXPECT_TRUE(IsSubclass(&kBrokenPipeErrorType, &kOSErrorType));
  EXPECT_FALSE(IsSubclass(&kIntType, &kBoolType));
  EXPECT_TRUE(IsInstance(kTrue, FromType(&kIntType)));
  Value options[] = {FromType(&kStrType), FromType(&kIntType)};
  EXPECT_TRUE(IsInstance(FromSmallInt(1), NewTuple(2, options)));
}

TEST_F(CoreTest, RaiseAndCatch) {
  Value exc = Catch([] { RaiseValueError("bad value"); });
  ASSERT_NE(exc, kNull);
  EXPECT_TRUE(ExceptionMatches(exc, FromType(&kValueErrorType)));
  EXPECT_TRUE(ExceptionMatches(exc, FromType(&kExceptionType)));
}

}  // namespace
}  // namespace taipan::rt::testing
