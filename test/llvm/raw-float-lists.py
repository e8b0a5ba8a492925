# Lists of floats hold them unboxed (runtime/list.h): a list[float] literal
# is made raw and filled with doubles inline; typed loads read a double
# after one test of the raw-floats bit (boxed items and raw bools convert);
# typed stores write the double into a raw list and box only for a boxed
# one (a list of raw bools goes through the runtime). len() of a list
# is a load of its length. Header words and items carry distinct TBAA tags
# (they never overlap), so header loads need not repeat after item stores.
# Where a Float is wider than a word (x86-32) no list is raw.
# RUN: %taipan compile --emit=llvm -O2 %s > %t.ll
# RUN: sed -n '/^define internal fastcc void @taipan_m0_f1_axpy/,/^}/p' %t.ll > %t.axpy.ll
# RUN: FileCheck %s --check-prefix=AXPY < %t.axpy.ll
# RUN: FileCheck %s --check-prefix=MAIN < %t.ll
# RUN: %taipan compile --emit=llvm -O2 -march=x86 %s | FileCheck %s --check-prefix=X86
# RUN: %taipan compile --emit=asm -O2 -march=armv7emsp %s | FileCheck %s --check-prefix=ARM

def axpy(a, x, y):
    for i in range(len(x)):
        y[i] += a * x[i]


def main():
    x = [1.0, 2.0, 3.0]
    y = [0.0] * 3
    axpy(2.0, x, y)
    print(y)


main()

# AXPY-NOT: taipan_native_load_global
# AXPY: {{%raw_floats[0-9]*}} = icmp slt i64 %{{(field|header)[0-9]*}}, 0
# AXPY: item.raw_floats{{[0-9]*}}:
# AXPY-NOT: call
# AXPY: load double, ptr %{{[a-z.0-9]+}}, align 8, !tbaa [[ITEMTAG:![0-9]+]]
# AXPY: store.raw_floats{{[0-9]*}}:
# AXPY-NOT: call
# AXPY: store double
# AXPY: items.other{{[0-9]*}}:
# AXPY-NEXT: call i64 @taipan_native_box_float(double

# MAIN: call i64 @taipan_native_list_new_floats(i64 3)
# MAIN-NEXT: inttoptr
# MAIN-NEXT: getelementptr
# MAIN-NEXT: load
# MAIN-NEXT: inttoptr
# MAIN-NEXT: store double 1.000000e+00
# MAIN: store double 2.000000e+00
# MAIN: store double 3.000000e+00
# MAIN: call i64 @taipan_native_list_new_floats(i64 1)
# MAIN-DAG: !{!"sequence header", [[ROOT:![0-9]+]], i64 0}
# MAIN-DAG: !{!"sequence item", [[ROOT]], i64 0}
# MAIN-DAG: [[ROOT]] = !{!"taipan"}

# X86-NOT: list_new_floats
# X86-NOT: raw_floats
# X86: call i32 @taipan_native_build_list(

# Single-precision Floats fill 32-bit slots: 1.0f is 0x3f800000.
# ARM: bl taipan_native_list_new_floats
# ARM: #1065353216
