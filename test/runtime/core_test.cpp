// The generic operations of runtime.h over the core types.
#include <gtest/gtest.h>

#include "runtime/dict.h"
#include "runtime/exception.h"
#include "runtime/gc.h"
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

// Filling the heap raises the preallocated MemoryError (making an exception
// object needs memory there is not); once the garbage is dropped the heap
// serves again, and the MemoryError's traceback never allocates.
TEST_F(CoreTest, HeapExhaustionRaisesMemoryErrorAndRecovers) {
  alignas(64) static unsigned char small_heap[64 * 1024];
  RuntimeInit(small_heap, sizeof small_heap, __libc_stack_end);
  Value exc = Catch([] {
    Value list = NewList(0, nullptr);
    for (;;) ListAppend(list, NewTuple(4, nullptr));
  });
  ASSERT_NE(exc, kNull);
  EXPECT_EQ(TypeOf(exc), &kMemoryErrorType);
  EXPECT_EQ(ExceptionOf(exc), &g_memory_error);
  for (int i = 0; i < 20; ++i) TracebackAdd(exc, Q___main__, static_cast<size_t>(i), Q___main__);
  EXPECT_LE(g_memory_error.traceback_length, g_memory_error.traceback_capacity);
  gc_collect();
  Value list = NewList(0, nullptr);
  for (int i = 0; i < 100; ++i) ListAppend(list, NewTuple(4, nullptr));
  EXPECT_EQ(Length(list), 100u);
}

// Raising a class instantiates it; except-matching takes tuples; a raise
// carries the exception through nested handlers unchanged.
TEST_F(CoreTest, RaiseClassAndMatchTuple) {
  Value exc = Catch([] { Raise(FromType(&kKeyErrorType)); });
  EXPECT_EQ(TypeOf(exc), &kKeyErrorType);
  Value options[] = {FromType(&kTypeErrorType), FromType(&kLookupErrorType)};
  EXPECT_TRUE(ExceptionMatches(exc, NewTuple(2, options)));
  EXPECT_FALSE(ExceptionMatches(exc, FromType(&kTypeErrorType)));
  Value outer = Catch([] {
    Value inner = Catch([] { RaiseIndexError("list index out of range"); });
    Raise(inner);
  });
  EXPECT_EQ(Str(outer), "list index out of range");
  EXPECT_EQ(Raised([] { Raise(FromSmallInt(1)); }), "TypeError: exceptions must derive from BaseException");
}

// A traceback that could not grow (the heap full; here, locked) takes no
// more entries, without trying again, until it is cleared: each try would
// collect a full heap, once per frame of the unwinding.
TEST_F(CoreTest, ATracebackThatCouldNotGrowTakesNoMoreEntriesUntilCleared) {
  Value exc = Catch([] { RaiseValueError("deep"); });
  for (size_t line = 1; line <= 4; ++line) TracebackAdd(exc, Q___main__, line, Q___main__);
  ASSERT_EQ(ExceptionOf(exc)->traceback_length, 4u);  // the first allocation's 4 entries
  gc_lock();
  TracebackAdd(exc, Q___main__, 5, Q___main__);
  gc_unlock();
  for (size_t line = 6; line <= 10; ++line) TracebackAdd(exc, Q___main__, line, Q___main__);
  EXPECT_EQ(ExceptionOf(exc)->traceback_length, 4u);
  TracebackClear(exc);
  for (size_t line = 1; line <= 10; ++line) TracebackAdd(exc, Q___main__, line, Q___main__);
  EXPECT_EQ(ExceptionOf(exc)->traceback_length, 10u);
}

// Tracebacks print MicroPython's way: outermost call first.
TEST_F(CoreTest, TracebackPrintsOutermostFirst) {
  Value exc = Catch([] { RaiseValueError("bad"); });
  TracebackAdd(exc, QstrIntern("inner.py", 8), 3, QstrIntern("f", 1));
  TracebackAdd(exc, QstrIntern("main.py", 7), 10, Q_angle_module);
  StringBuilder text;
  PrintException(text.AsPrinter(), exc);
  EXPECT_EQ(std::string(text.data, text.length),
            "Traceback (most recent call last):\n"
            "  File \"main.py\", line 10, in <module>\n"
            "  File \"inner.py\", line 3, in f\n"
            "ValueError: bad\n");
}

}  // namespace
}  // namespace taipan::rt::testing
