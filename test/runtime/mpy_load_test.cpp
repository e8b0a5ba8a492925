// The .mpy loader and the bytecode verifier (runtime/mpy_load.cpp,
// mpy_verify.cpp): hand-made files load, and every truncation and many
// corruptions of them give ValueError, never a crash (the sanitized and
// gc-stress binaries run these too).
#include <gtest/gtest.h>

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <string>
#include <vector>

#include "runtime/bytecode.h"
#include "runtime/module.h"
#include "runtime/qstr.h"
#include "runtime/vm.h"
#include "test/runtime/mpy_builder.h"
#include "test/runtime/runtime_test.h"

namespace taipan::rt::testing {
namespace {

using namespace bytecode;

void PutTextObject(Bytes* out, MpyObj tag, const std::string& text, bool nul) {
  out->push_back(static_cast<uint8_t>(tag));
  PutUint(out, text.size());
  out->insert(out->end(), text.begin(), text.end());
  if (nul) out->push_back(0);
}

// Bytecode with labels; jumps take one byte (the tests stay small).
struct Assembler {
  Bytes code;
  std::vector<size_t> labels = std::vector<size_t>(8, SIZE_MAX);
  struct Fixup {
    size_t at;
    size_t label;
    bool is_signed;
  };
  std::vector<Fixup> fixups;

  Assembler& Op(uint8_t op) {
    code.push_back(op);
    return *this;
  }
  Assembler& OpUint(uint8_t op, size_t arg) {
    code.push_back(op);
    PutUint(&code, arg);
    return *this;
  }
  Assembler& OpSint(uint8_t op, intptr_t value) {
    code.push_back(op);
    uint8_t buf[16];
    code.insert(code.end(), buf, buf + EncodeSint(buf, value));
    return *this;
  }
  Assembler& Jump(uint8_t op, size_t label) {
    code.push_back(op);
    fixups.push_back({code.size(), label, InfoOf(op).operand == Operand::Jump});
    code.push_back(0);
    return *this;
  }
  Assembler& Label(size_t label) {
    labels[label] = code.size();
    return *this;
  }
  Bytes Finish() {
    for (const Fixup& f : fixups) {
      intptr_t offset = static_cast<intptr_t>(labels[f.label]) - static_cast<intptr_t>(f.at + 1);
      uint8_t buf[2];
      EXPECT_EQ(EncodeJump(buf, offset, f.is_signed, false), 1u);
      code[f.at] = buf[0];
    }
    return code;
  }
};

// Every raw code of these tests has two line steps (the loader decodes them).
Bytes EncodeWithLines(RawCodeSpec spec) {
  uint8_t buf[16];
  spec.line_info.insert(spec.line_info.end(), buf, buf + EncodeLineSteps(buf, 2, 1));
  spec.line_info.insert(spec.line_info.end(), buf, buf + EncodeLineSteps(buf, 3, 40));
  return EncodeRawCode(spec);
}

// Qstr table of the test module.
enum : size_t { kQSource, kQModule, kQf, kQx, kQa, kQb, kQCount };

Bytes Header() { return Bytes{'M', 6, 0, 31}; }

Bytes Tables() {
  Bytes out;
  PutUint(&out, kQCount);
  PutUint(&out, 7);  // objects
  PutQstr(&out, "test.py");
  PutUint(&out, 7 << 1 | 1);  // static qstr 7: "<module>"
  PutQstr(&out, "f");
  PutQstr(&out, "x");
  PutQstr(&out, "a");
  PutQstr(&out, "b");
  PutTextObject(&out, MpyObj::Str, "hello, world!", true);
  PutTextObject(&out, MpyObj::Int, "-123456789012345678901234567890", false);
  PutTextObject(&out, MpyObj::Float, "1.5", false);
  PutTextObject(&out, MpyObj::Complex, "2j", false);
  PutTextObject(&out, MpyObj::Bytes, "ab", true);
  out.push_back(static_cast<uint8_t>(MpyObj::Tuple));
  PutUint(&out, 3);
  out.push_back(static_cast<uint8_t>(MpyObj::None));
  out.push_back(static_cast<uint8_t>(MpyObj::True));
  out.push_back(static_cast<uint8_t>(MpyObj::Ellipsis));
  out.push_back(static_cast<uint8_t>(MpyObj::False));
  return out;
}

// def f(a, b): return a + b
Bytes Function() {
  Assembler as;
  as.Op(kOp_LOAD_FAST_MULTI + 0).Op(kOp_LOAD_FAST_MULTI + 1).Op(kOp_BINARY_OP_MULTI + 0).Op(kOp_RETURN_VALUE);
  RawCodeSpec spec;
  spec.sig.n_state = 4;
  spec.sig.n_pos_args = 2;
  spec.name = kQf;
  spec.arg_names = {kQa, kQb};
  spec.opcodes = as.Finish();
  return EncodeWithLines(spec);
}

// x = 'hello, world!'; f = <def>; for _ in x: pass;
// try: 5 finally: pass; return None
Bytes ModuleCode(const Bytes& opcodes_override = {}) {
  Assembler as;
  as.OpUint(kOp_LOAD_CONST_OBJ, 0).OpUint(kOp_STORE_NAME, kQx);
  as.OpUint(kOp_MAKE_FUNCTION, 0).OpUint(kOp_STORE_NAME, kQf);
  as.OpUint(kOp_LOAD_NAME, kQx).Op(kOp_GET_ITER_STACK);
  as.Label(1).Jump(kOp_FOR_ITER, 2).Op(kOp_POP_TOP).Jump(kOp_JUMP, 1);
  as.Label(2).Jump(kOp_SETUP_FINALLY, 3).OpSint(kOp_LOAD_CONST_SMALL_INT, -300).Op(kOp_POP_TOP);
  as.Op(kOp_LOAD_CONST_NONE).Label(3).Op(kOp_END_FINALLY);
  as.Op(kOp_LOAD_CONST_NONE).Op(kOp_RETURN_VALUE);
  RawCodeSpec spec;
  spec.sig.n_state = 8;
  spec.sig.n_exc_stack = 1;
  spec.name = kQModule;
  spec.opcodes = opcodes_override.empty() ? as.Finish() : opcodes_override;
  spec.children = {Function()};
  return EncodeWithLines(spec);
}

Bytes WellFormed(const Bytes& opcodes_override = {}) {
  Bytes out = Header();
  Bytes tables = Tables();
  out.insert(out.end(), tables.begin(), tables.end());
  Bytes code = ModuleCode(opcodes_override);
  out.insert(out.end(), code.begin(), code.end());
  return out;
}

// What loading `mpy` raised ("TypeName: message"), or "no exception".
std::string LoadResult(const Bytes& mpy, bool permanent = false) {
  return Raised([&] {
    RawCode* top;
    LoadMpy(mpy.data(), mpy.size(), permanent, NewModule(Q___main__), &top);
  });
}

using MpyLoadTest = RuntimeTest;

TEST_F(MpyLoadTest, LoadsWellFormedFile) {
  Bytes mpy = WellFormed();
  for (bool permanent : {false, true}) {
    RawCode* top = nullptr;
    ModuleContext* context = nullptr;
    EXPECT_EQ(Raised([&] { context = LoadMpy(mpy.data(), mpy.size(), permanent, NewModule(Q___main__), &top); }),
              "no exception");
    ASSERT_NE(context, nullptr);
    ASSERT_EQ(context->n_qstr, size_t{kQCount});
    size_t length;
    EXPECT_EQ(std::string(QstrData(context->qstr_table[kQSource], &length)), "test.py");
    EXPECT_EQ(std::string(QstrData(context->qstr_table[kQModule], &length)), "<module>");
    ASSERT_EQ(context->n_obj, 7u);
    EXPECT_EQ(Repr(context->obj_table[0]), "'hello, world!'");
    EXPECT_EQ(Repr(context->obj_table[1]), "-123456789012345678901234567890");
    EXPECT_EQ(Repr(context->obj_table[2]), "1.5");
    EXPECT_EQ(Repr(context->obj_table[3]), "2j");
    EXPECT_EQ(Repr(context->obj_table[4]), "b'ab'");
    EXPECT_EQ(Repr(context->obj_table[5]), "(None, True, Ellipsis)");
    EXPECT_EQ(context->obj_table[6], kFalse);
    ASSERT_NE(top, nullptr);
    EXPECT_EQ(top->name, context->qstr_table[kQModule]);
    EXPECT_EQ(top->sig.n_state, 8u);
    EXPECT_EQ(top->sig.n_exc_stack, 1u);
    EXPECT_EQ(top->opcodes[0], kOp_LOAD_CONST_OBJ);
    EXPECT_EQ(permanent, top->code >= mpy.data() && top->code < mpy.data() + mpy.size());
    ASSERT_EQ(top->n_children, 1u);
    RawCode* f = top->children[0];
    EXPECT_EQ(f->name, context->qstr_table[kQf]);
    EXPECT_EQ(f->sig.n_pos_args, 2u);
    EXPECT_EQ(f->opcodes[0], kOp_LOAD_FAST_MULTI);
    EXPECT_EQ(f->code + f->code_size - f->opcodes, 4);
    EXPECT_EQ(LineOfOffset(f, 0), 1u);
  }
}

TEST_F(MpyLoadTest, RefusesOtherFormats) {
  Bytes mpy = WellFormed();
  Bytes bad = mpy;
  bad[0] = 'C';
  EXPECT_EQ(LoadResult(bad), "ValueError: incompatible .mpy file");
  bad = mpy;
  bad[1] = 5;
  EXPECT_EQ(LoadResult(bad), "ValueError: incompatible .mpy file");
  bad = mpy;
  bad[2] = 1 << 2 | kMpySubVersion;  // x86
  EXPECT_EQ(LoadResult(bad), "ValueError: native code in .mpy unsupported");
  bad = mpy;
  bad[2] = kMpyFeatureArchFlags;
  EXPECT_EQ(LoadResult(bad), "ValueError: incompatible .mpy file");
  bad = mpy;
  bad[3] = 200;
  EXPECT_EQ(LoadResult(bad), "ValueError: incompatible .mpy file");
}

TEST_F(MpyLoadTest, EveryTruncationIsValueError) {
  Bytes mpy = WellFormed();
  for (size_t n = 0; n < mpy.size(); ++n) {
    Bytes cut(mpy.begin(), mpy.begin() + n);
    std::string result = LoadResult(cut);
    EXPECT_EQ(result.rfind("ValueError: ", 0), 0u) << n << ": " << result;
  }
}

TEST_F(MpyLoadTest, CorruptionsLoadOrRaiseValueError) {
  Bytes mpy = WellFormed();
  uint32_t seed = 12345;
  auto next = [&seed] {
    seed = seed * 1103515245u + 12345u;
    return seed >> 8;
  };
  int loaded = 0, refused = 0;
#if TAIPAN_GC_STRESS
  constexpr int kRounds = 300;  // every allocation collects: keep it quick
#else
  constexpr int kRounds = 3000;
#endif
  for (int i = 0; i < kRounds; ++i) {
    Bytes bad = mpy;
    int changes = 1 + static_cast<int>(next() % 3);
    for (int k = 0; k < changes; ++k) bad[next() % bad.size()] = static_cast<uint8_t>(next());
    std::string result = LoadResult(bad, (i & 1) != 0);
    if (result == "no exception") {
      ++loaded;
    } else {
      ++refused;
      EXPECT_EQ(result.rfind("ValueError: ", 0), 0u) << i << ": " << result;
    }
  }
  EXPECT_GT(refused, 0);
  EXPECT_GT(loaded, 0);
}

// Code the verifier must refuse, in the module's body.
TEST_F(MpyLoadTest, VerifierRefusesUnsoundCode) {
  struct Case {
    const char* what;
    Bytes code;
  };
  auto assemble = [](auto build) {
    Assembler as;
    build(as);
    return as.Finish();
  };
  std::vector<Case> cases = {
      // One slot below the stack is the VM's guard (see mpy_verify.cpp).
      {"stack underflow", {kOp_POP_TOP, kOp_POP_TOP, kOp_LOAD_CONST_NONE, kOp_RETURN_VALUE}},
      {"underflowing operands", {kOp_LOAD_CONST_NONE, kOp_ROT_THREE, kOp_RETURN_VALUE}},
      {"stack overflow", Bytes(9, kOp_LOAD_CONST_NONE)},
      // Pass 1 steps the straight run of plain instructions from the start
      // (mpy_verify.cpp, ExtendStraightRun): an overflow inside it counts
      // although the run ends within the room.
      {"stack overflow in the straight run", {kOp_LOAD_CONST_NONE, kOp_LOAD_CONST_NONE, kOp_LOAD_CONST_NONE,
                                              kOp_LOAD_CONST_NONE, kOp_LOAD_CONST_NONE, kOp_LOAD_CONST_NONE,
                                              kOp_LOAD_CONST_NONE, kOp_LOAD_CONST_NONE, kOp_LOAD_CONST_NONE,
                                              kOp_BUILD_TUPLE, 9, kOp_RETURN_VALUE}},
      {"stack underflow in the straight run", {kOp_LOAD_CONST_NONE, kOp_POP_TOP, kOp_POP_TOP, kOp_LOAD_CONST_NONE,
                                               kOp_RETURN_VALUE}},
      {"falls off the end", {kOp_LOAD_CONST_NONE}},
      {"bad opcode", {0x01, kOp_LOAD_CONST_NONE, kOp_RETURN_VALUE}},
      {"qstr out of range", {kOp_LOAD_NAME, 40, kOp_RETURN_VALUE}},
      {"object out of range", {kOp_LOAD_CONST_OBJ, 7, kOp_RETURN_VALUE}},
      {"child out of range", {kOp_MAKE_FUNCTION, 1, kOp_RETURN_VALUE}},
      {"local out of range", {kOp_LOAD_FAST_N, 20, kOp_RETURN_VALUE}},
      {"truncated operand", {kOp_LOAD_CONST_NONE, kOp_LOAD_NAME}},
      {"jump into an operand", {kOp_JUMP, 0x40 + 1, kOp_LOAD_CONST_OBJ, 0, kOp_RETURN_VALUE}},
      {"jump outside", {kOp_JUMP, 0x40 + 9, kOp_LOAD_CONST_NONE, kOp_RETURN_VALUE}},
      {"inconsistent join", assemble([](Assembler& as) {
         as.Op(kOp_LOAD_CONST_TRUE).Jump(kOp_POP_JUMP_IF_TRUE, 1).Op(kOp_LOAD_CONST_NONE);
         as.Label(1).Op(kOp_LOAD_CONST_NONE).Op(kOp_RETURN_VALUE);
       })},
      {"inconsistent join inside the straight run", assemble([](Assembler& as) {
         as.Op(kOp_LOAD_CONST_NONE).Label(1).Op(kOp_LOAD_CONST_NONE).Op(kOp_LOAD_CONST_TRUE);
         as.Jump(kOp_POP_JUMP_IF_TRUE, 1).Op(kOp_RETURN_VALUE);
       })},
      {"exception stack overflow", assemble([](Assembler& as) {
         as.Jump(kOp_SETUP_EXCEPT, 1).Jump(kOp_SETUP_EXCEPT, 1).Label(1).Op(kOp_RETURN_VALUE);
       })},
      {"pop except without block", assemble([](Assembler& as) {
         as.Jump(kOp_POP_EXCEPT_JUMP, 1).Label(1).Op(kOp_LOAD_CONST_NONE).Op(kOp_RETURN_VALUE);
       })},
      {"for without iterator", assemble([](Assembler& as) {
         as.Op(kOp_LOAD_CONST_NONE).Label(1).Jump(kOp_FOR_ITER, 2).Jump(kOp_JUMP, 1).Label(2).Op(kOp_RETURN_VALUE);
       })},
      {"yield outside a generator", {kOp_LOAD_CONST_NONE, kOp_YIELD_VALUE, kOp_RETURN_VALUE}},
      {"not a cell", {kOp_LOAD_DEREF, 0, kOp_RETURN_VALUE}},
      // The VM's own values (kNull, iterator buffers) never reach other
      // instructions.
      {"kNull returned", {kOp_LOAD_NULL, kOp_RETURN_VALUE}},
      {"kNull in arithmetic", {kOp_LOAD_NULL, kOp_LOAD_NULL, kOp_BINARY_OP_MULTI + 0, kOp_RETURN_VALUE}},
      {"kNull as a method", {kOp_LOAD_NULL, kOp_LOAD_NULL, kOp_CALL_METHOD, 0, kOp_RETURN_VALUE}},
      {"iterator slot returned", {kOp_LOAD_CONST_OBJ, 0, kOp_GET_ITER_STACK, kOp_RETURN_VALUE}},
      {"iterator slot moved", {kOp_LOAD_CONST_OBJ, 0, kOp_GET_ITER_STACK, kOp_ROT_TWO, kOp_POP_TOP, kOp_POP_TOP,
                               kOp_POP_TOP, kOp_RETURN_VALUE}},
      {"broken iterator", assemble([](Assembler& as) {
         as.OpUint(kOp_LOAD_CONST_OBJ, 0).Op(kOp_GET_ITER_STACK).Op(kOp_POP_TOP).Op(kOp_POP_TOP).Op(kOp_LOAD_NULL);
         as.Op(kOp_LOAD_NULL).Jump(kOp_FOR_ITER, 1).Op(kOp_RETURN_VALUE).Label(1).Op(kOp_LOAD_CONST_NONE);
         as.Op(kOp_RETURN_VALUE);
       })},
  };
  for (const Case& c : cases) {
    std::string result = LoadResult(WellFormed(c.code));
    EXPECT_EQ(result.rfind("ValueError: malformed .mpy file", 0), 0u) << c.what << ": " << result;
  }
  // Sound code loads: the plainest, and the ways compiled code uses the
  // VM's own values (del x.a; a generator expression's iterator buffer;
  // break out of try/finally in a for loop).
  EXPECT_EQ(LoadResult(WellFormed({kOp_LOAD_CONST_NONE, kOp_RETURN_VALUE})), "no exception");
  // A loop back into the straight run, and one to its end.
  EXPECT_EQ(LoadResult(WellFormed(assemble([](Assembler& as) {
              as.Op(kOp_LOAD_CONST_NONE).Op(kOp_POP_TOP).Label(1).Op(kOp_LOAD_CONST_NONE).Op(kOp_POP_TOP);
              as.Op(kOp_LOAD_CONST_TRUE).Jump(kOp_POP_JUMP_IF_TRUE, 1).Op(kOp_LOAD_CONST_NONE).Op(kOp_RETURN_VALUE);
            }))),
            "no exception");
  EXPECT_EQ(LoadResult(WellFormed(assemble([](Assembler& as) {
              as.Op(kOp_LOAD_CONST_NONE).Label(1).Op(kOp_DUP_TOP).Jump(kOp_POP_JUMP_IF_TRUE, 1);
              as.Op(kOp_RETURN_VALUE);
            }))),
            "no exception");
  EXPECT_EQ(LoadResult(WellFormed({kOp_LOAD_NAME, kQx, kOp_LOAD_NULL, kOp_ROT_TWO, kOp_STORE_ATTR, kQx,
                                   kOp_LOAD_CONST_NONE, kOp_RETURN_VALUE})),
            "no exception");
  EXPECT_EQ(LoadResult(WellFormed(assemble([](Assembler& as) {
              as.Op(kOp_LOAD_NULL).OpUint(kOp_LOAD_NAME, kQx).Op(kOp_LOAD_NULL).Op(kOp_LOAD_NULL);
              as.Label(1).Jump(kOp_FOR_ITER, 2).Op(kOp_POP_TOP).Jump(kOp_JUMP, 1);
              as.Label(2).Op(kOp_LOAD_CONST_NONE).Op(kOp_RETURN_VALUE);
            }))),
            "no exception");
  EXPECT_EQ(LoadResult(WellFormed(assemble([](Assembler& as) {
              as.OpUint(kOp_LOAD_NAME, kQx).Op(kOp_GET_ITER_STACK);
              as.Label(1).Jump(kOp_FOR_ITER, 4).Op(kOp_POP_TOP);
              as.Jump(kOp_SETUP_FINALLY, 3);
              as.Jump(kOp_UNWIND_JUMP, 5);
              as.code.push_back(0x80 | 1);  // the extra byte: unwind one block, then the iterator
              as.Op(kOp_LOAD_CONST_NONE).Label(3).Op(kOp_END_FINALLY).Jump(kOp_JUMP, 1);
              as.Label(4).Label(5).Op(kOp_LOAD_CONST_NONE).Op(kOp_RETURN_VALUE);
            }))),
            "no exception");
}

std::vector<std::string> MpyFilesIn(const char* dir) {
  std::vector<std::string> paths;
  if (DIR* d = opendir(dir)) {
    while (dirent* entry = readdir(d)) {
      std::string name = entry->d_name;
      if (name.size() > 4 && name.compare(name.size() - 4, 4, ".mpy") == 0) paths.push_back(std::string(dir) + "/" + name);
    }
    closedir(d);
  }
  return paths;
}

Bytes ReadBytes(const std::string& path) {
  Bytes out;
  if (FILE* f = fopen(path.c_str(), "rb")) {
    uint8_t buffer[4096];
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, f)) > 0) out.insert(out.end(), buffer, buffer + n);
    fclose(f);
  }
  return out;
}

// TAIPAN_MPY_CORPUS=DIR: every .mpy there (say, mpy-cross's output for
// MicroPython's tests) loads, and corruptions of each (TAIPAN_MPY_ROUNDS,
// default 40) give ValueError or load. Skipped without the variable: the
// corpus is not part of Taipan.
TEST_F(MpyLoadTest, CorpusLoadsAndSurvivesCorruption) {
  const char* dir = getenv("TAIPAN_MPY_CORPUS");
  if (dir == nullptr) GTEST_SKIP() << "TAIPAN_MPY_CORPUS not set";
  const char* rounds_text = getenv("TAIPAN_MPY_ROUNDS");  // corruptions per file
  int rounds = rounds_text != nullptr ? atoi(rounds_text) : 40;
  uint32_t seed = 777;
  auto next = [&seed] {
    seed = seed * 1103515245u + 12345u;
    return seed >> 8;
  };
  for (const std::string& path : MpyFilesIn(dir)) {
    Bytes mpy = ReadBytes(path);
    ASSERT_FALSE(mpy.empty()) << path;
    EXPECT_EQ(LoadResult(mpy), "no exception") << path;
    for (int i = 0; i < rounds; ++i) {
      Bytes bad = mpy;
      bad[next() % bad.size()] = static_cast<uint8_t>(next());
      if (i % 8 == 0) bad.resize(next() % bad.size());
      std::string result = LoadResult(bad);
      EXPECT_TRUE(result == "no exception" || result.rfind("ValueError: ", 0) == 0) << path << ": " << result;
    }
    RuntimeTest::SetUp();  // a fresh heap: the qstr pools only grow
  }
}

}  // namespace
}  // namespace taipan::rt::testing
