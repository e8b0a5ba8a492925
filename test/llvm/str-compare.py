# Comparisons of two values typed str skip the generic binary_op: == of two
# interned strs (qstrs, immediates) compares the words inline, of anything
# else calls str_equal; an ordering calls str_compare and tests its sign.
# RUN: %taipan compile --emit=llvm -O2 %s > %t.ll
# RUN: sed -n '/^define internal .*@taipan_m0_e1_same/,/^}/p' %t.ll | FileCheck %s --check-prefix=EQ
# RUN: sed -n '/^define internal .*@taipan_m0_e2_before/,/^}/p' %t.ll | FileCheck %s --check-prefix=LT


def same(a, b):
    return a == b


def before(a, b):
    return a < b


print(same("a", "b"), same("a", "a"), before("a", "b"), before(str(7), "10"))

# Both bodies are small enough that LLVM inlines them into their entries,
# where the parameter guards have checked for qstrs already.
# EQ-NOT: @taipan_native_binary_op
# EQ: str.qstrs{{.*}}:
# EQ-NEXT: icmp eq i64 %slot, %slot1
# EQ: str.texts{{.*}}:
# EQ-NEXT: call i1 @taipan_native_str_equal(i64 %slot, i64 %slot1)
# EQ-NOT: @taipan_native_binary_op

# LT-NOT: @taipan_native_binary_op
# LT: [[ORDER:%.*]] = tail call i64 @taipan_native_str_compare(i64 %slot, i64 %slot1)
# LT-NEXT: icmp slt i64 [[ORDER]], 0
# LT-NOT: @taipan_native_binary_op
