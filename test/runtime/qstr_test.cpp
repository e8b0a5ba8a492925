// Interned strings: the static table from qstrdefs.txt, and interning at
// run time into GC-allocated pools.
#include "runtime/qstr.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "runtime/gc.h"

extern "C" void* __libc_stack_end;  // glibc: the top of the main thread's stack

namespace taipan::rt {
namespace {

class QstrTest : public ::testing::Test {
 protected:
  void SetUp() override {
    QstrResetPools();
    gc_init(heap_, heap_ + sizeof heap_);
    gc_set_stack_top(__libc_stack_end);
  }
  alignas(64) static inline unsigned char heap_[64 * 1024];
};

std::string Text(Qstr q) {
  size_t length;
  const char* data = QstrData(q, &length);
  return std::string(data, length);
}

TEST_F(QstrTest, StaticNamesHaveFixedIdsAndHashes) {
  EXPECT_EQ(Text(Q___init__), "__init__");
  EXPECT_EQ(Text(Q_angle_module), "<module>");
  EXPECT_EQ(Text(kEmptyQstr), "");
  EXPECT_EQ(QstrFind("__init__", 8), Q___init__);
  EXPECT_EQ(QstrFind("", 0), kEmptyQstr);
  for (Qstr q = 1; q < kStaticQstrCount; ++q) {
    size_t length;
    const char* data = QstrData(q, &length);
    EXPECT_EQ(QstrHashOf(q), QstrHash(data, length)) << "generator and runtime disagree on " << data;
    EXPECT_NE(QstrHashOf(q), 0);
  }
}

TEST_F(QstrTest, FindsEveryStaticNameAndNoPrefixOrExtension) {
  // The static table is searched by bisection: every entry must be found at
  // its own id, and strings between entries (extensions, bytes past 0x7F)
  // must not be.
  for (Qstr q = 2; q < kStaticQstrCount; ++q) {
    std::string text = Text(q);
    EXPECT_EQ(QstrFind(text.data(), text.size()), q) << text;
    std::string longer = text + "\x01";
    EXPECT_EQ(QstrFind(longer.data(), longer.size()), kNoQstr) << longer;
    std::string high = text + "\xC3\xA9";
    EXPECT_EQ(QstrFind(high.data(), high.size()), kNoQstr) << text;
  }
  EXPECT_EQ(QstrFind("__ini", 5), kNoQstr);
  EXPECT_EQ(QstrFind("\xFF", 1), kNoQstr);
  EXPECT_EQ(QstrFind("\x01", 1), kNoQstr);
}

TEST_F(QstrTest, SearchesOnlyTheNamesWithTheSameFirstByte) {
  // The bisection starts from a table of where each first byte's names
  // begin: a name with any first byte (none, ASCII, above 0x7F) and the
  // neighbours of every static name must still be decided right.
  EXPECT_EQ(QstrFind("", 0), kEmptyQstr);
  for (unsigned c = 1; c < 256; ++c) {
    char text[2] = {static_cast<char>(c), 'q'};
    Qstr found = QstrFind(text, 2);
    if (found != kNoQstr) EXPECT_EQ(Text(found), std::string(text, 2));
  }
  for (Qstr q = 2; q < kStaticQstrCount; ++q) {
    std::string text = Text(q);
    std::string shorter = text.substr(0, text.size() - 1);
    Qstr found = QstrFind(shorter.data(), shorter.size());
    EXPECT_TRUE(found == kNoQstr || Text(found) == shorter) << shorter;
    std::string bumped = text;
    bumped.back() = static_cast<char>(bumped.back() + 1);
    found = QstrFind(bumped.data(), bumped.size());
    EXPECT_TRUE(found == kNoQstr || Text(found) == bumped) << bumped;
  }
}

TEST_F(QstrTest, AsciiCharactersAreInternedOnceAndRemembered) {
  for (unsigned c = 0; c < 128; ++c) {
    Qstr q = QstrAsciiChar(static_cast<unsigned char>(c));
    ASSERT_NE(q, kNoQstr);
    EXPECT_EQ(Text(q), std::string(1, static_cast<char>(c)));
    char text = static_cast<char>(c);
    EXPECT_EQ(QstrFind(&text, 1), q);
    EXPECT_EQ(QstrIntern(&text, 1), q);
    EXPECT_EQ(QstrAsciiChar(static_cast<unsigned char>(c)), q);
  }
  size_t count = QstrCount();
  for (unsigned c = 0; c < 128; ++c) QstrAsciiChar(static_cast<unsigned char>(c));
  EXPECT_EQ(QstrCount(), count);
}

TEST_F(QstrTest, RunTimeNamesAreFoundAfterTheIndexGrows) {
  // Each new name may rebuild the hash index; names with equal hashes or
  // lengths must stay apart, and a collection must keep the index.
  char name[32];
  for (int i = 0; i < 300; ++i) {
    int n = std::snprintf(name, sizeof name, "k%d", i);
    ASSERT_NE(QstrIntern(name, static_cast<size_t>(n)), kNoQstr);
    if (i % 64 == 0) gc_collect();
  }
  gc_collect();
  for (int i = 0; i < 300; ++i) {
    int n = std::snprintf(name, sizeof name, "k%d", i);
    Qstr q = QstrFind(name, static_cast<size_t>(n));
    ASSERT_NE(q, kNoQstr) << name;
    EXPECT_EQ(Text(q), std::string(name, static_cast<size_t>(n)));
    n = std::snprintf(name, sizeof name, "j%d", i);
    EXPECT_EQ(QstrFind(name, static_cast<size_t>(n)), kNoQstr) << name;
  }
}

TEST_F(QstrTest, InterningIsIdempotentAndDistinguishesStrings) {
  EXPECT_EQ(QstrFind("temperature", 11), kNoQstr);
  Qstr a = QstrIntern("temperature", 11);
  ASSERT_NE(a, kNoQstr);
  EXPECT_GE(a, kStaticQstrCount);
  EXPECT_EQ(QstrIntern("temperature", 11), a);
  EXPECT_EQ(QstrFind("temperature", 11), a);
  Qstr b = QstrIntern("temperatures", 12);
  EXPECT_NE(a, b);
  EXPECT_EQ(Text(a), "temperature");
  EXPECT_EQ(QstrIntern("__init__", 8), Q___init__);  // static names are not copied
}

TEST_F(QstrTest, ManyInternedStringsSurviveCollections) {
  // Enough names for several pools; every collection in between must keep
  // the pools (a registered root) and the copied bytes alive.
  Qstr ids[500];
  char name[32];
  for (int i = 0; i < 500; ++i) {
    int n = std::snprintf(name, sizeof name, "sensor_%d", i);
    ids[i] = QstrIntern(name, static_cast<size_t>(n));
    ASSERT_NE(ids[i], kNoQstr);
    if (i % 50 == 0) gc_collect();
  }
  gc_collect();
  for (int i = 0; i < 500; ++i) {
    int n = std::snprintf(name, sizeof name, "sensor_%d", i);
    EXPECT_EQ(Text(ids[i]), std::string(name, static_cast<size_t>(n)));
    EXPECT_EQ(QstrFind(name, static_cast<size_t>(n)), ids[i]);
  }
  EXPECT_EQ(QstrCount(), kStaticQstrCount + 500);
}

}  // namespace
}  // namespace taipan::rt
