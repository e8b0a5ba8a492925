# bytes() and bytearray() make typed values: a typed loop reading a bytes
# and storing into a bytearray indexes both inline (length and data read
# from the objects, the byte loaded and stored as i8) and calls the runtime
# only on its slow paths (a big index, a value outside range(256)) and to
# raise IndexError.
# RUN: %taipan compile --emit=ir %s | FileCheck %s --check-prefix=IR
# RUN: %taipan compile --emit=llvm -O2 %s > %t.ll
# RUN: sed -n '/^define internal .*@taipan_m0_f1_xor_into/,/^}/p' %t.ll | FileCheck %s


def xor_into(state, key):
    for i in range(16):
        state[i] ^= key[i]


state = bytearray(16)
xor_into(state, bytes(range(16)))
print(list(state), len(state))

# IR: bytearray = call
# IR: int = len
# IR: function xor_into (native) slots=2 params: state:bytearray, key:bytes returns None

# The speculative copy of the loop: both bytes read, xored and stored as i8.
# CHECK: {{^}}byte.small{{[0-9]*}}:
# CHECK-NOT: @taipan_native_subscr
# CHECK-NOT: @taipan_native_store_subscr
# CHECK: load i8
# CHECK-NOT: @taipan_native_subscr
# CHECK: load i8
# CHECK-NEXT: xor i8
# CHECK-NEXT: store i8
# CHECK-NOT: call
# CHECK: }
