# A known class's statement keeps the class object in the module's class
# slot; the native entry of a method whose parameters are typed
# instance<C> checks that each is exactly an instance of that class (its
# type word is the slot's class) and otherwise (Vec.dot is also called
# through the class) runs the method's generic clone, whose parameters
# are object; the typed caller calls the method's body directly.
# RUN: %taipan compile --emit=llvm -O0 %s | FileCheck %s


class Vec:
    def __init__(self, x):
        self.x = x

    def dot(self, o):
        return self.x * o.x


def use():
    a = Vec(2)
    return a.dot(a)


print(use(), Vec.dot(Vec(3), Vec(4)))

# CHECK: @taipan_m0_class1 = hidden global i64 0
# CHECK-LABEL: define internal {{.*}}@taipan_m0_f0__module_(
# CHECK: [[CLASS:%[0-9]+]] = call i64 @taipan_native_call(
# CHECK-NEXT: store i64 [[CLASS]], ptr @taipan_m0_class1
# CHECK-LABEL: define internal {{.*}}@taipan_m0_f4_use(
# CHECK: call i64 @taipan_m0_f3_dot(ptr null, i64 %a{{[0-9]*}}, i64 %a{{[0-9]*}})
# The generic clone takes every parameter as an object.
# CHECK-LABEL: define internal {{.*}}i64 @taipan_m0_f5_dot(ptr {{.*}}, i64 {{.*}}, i64 {{.*}})
# CHECK-LABEL: define internal i64 @taipan_m0_e3_dot(
# CHECK: [[SELF_CLASS:%[a-z0-9]+]] = load i64, ptr @taipan_m0_class1
# CHECK: [[SELF_TYPE:%[0-9]+]] = inttoptr i64 [[SELF_CLASS]] to ptr
# CHECK: [[TYPE:%type[0-9]*]] = load ptr, ptr
# CHECK-NEXT: icmp eq ptr [[TYPE]], [[SELF_TYPE]]
# CHECK: call i64 @taipan_m0_f3_dot(
# CHECK-NOT: define
# CHECK: call i64 @taipan_m0_f5_dot(ptr %0, i64 %slot, i64 %slot1)
