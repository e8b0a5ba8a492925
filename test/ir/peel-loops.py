# A local stored with a constant before a small loop and with a value of
# another type inside it: the loop's first iteration is peeled, and the
# local split into its webs, so the loop proper has a local of one type
# (z: int in the copy, complex in the loop). Where the value is used after
# the loop, the webs meet again and nothing is peeled.
# RUN: %taipan compile --emit=ir %s | FileCheck %s


def in_set(c):
    z = 0
    for i in range(32):
        z = z * z + c
        if abs(z) > 100:
            return i
    return 0


def accumulate(n):
    total = 0
    for k in range(n):
        total = total + k * 0.5
    return total


def use():
    return in_set(complex(0.25, 0.5)), accumulate(4)


print(use())

# CHECK-LABEL: function in_set (native)
# CHECK: z:int var
# CHECK: z:complex var
# CHECK: {{%[0-9]+}}:complex = binary mul
# CHECK: {{%[0-9]+}}:complex = binary add
# CHECK: {{%[0-9]+}}:int = binary mul
# CHECK: {{%[0-9]+}}:complex = binary add
# CHECK-LABEL: function accumulate (native)
# CHECK: total:object var
# CHECK-NOT: total:
# CHECK: bb0:
