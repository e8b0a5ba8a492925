# A list comprehension is its own function taking the iterable; it builds
# the list with STORE_COMP while FOR_ITER runs over a 4-slot iterator.
# RUN: %taipan compile --emit=bytecode %s | FileCheck %s
# REQUIRES: bytecode-emitter

squares = [i * i for i in range(10) if i % 2]

# CHECK: code '<module>' [0]
# CHECK: MAKE_FUNCTION child 0 '<listcomp>'
# CHECK-NEXT: LOAD_NAME 'range'
# CHECK: CALL_FUNCTION 1
# CHECK-NEXT: CALL_FUNCTION 1
# CHECK-NEXT: STORE_NAME 'squares'
# CHECK: code '<listcomp>' [0.0]
# CHECK-NEXT: signature: {{.*}} n_pos_args=1
# CHECK: BUILD_LIST 0
# CHECK-NEXT: LOAD_FAST_MULTI 0
# CHECK-NEXT: GET_ITER_STACK
# CHECK-NEXT: [[LOOP:[0-9]+]] FOR_ITER -> [[END:[0-9]+]]
# CHECK: STORE_COMP 20
# CHECK-NEXT: JUMP -> [[LOOP]]
# CHECK-NEXT: [[END]] RETURN_VALUE
