# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
print(*a for a in b)
# CHECK:{{.*}}unpacking-in-comprehension-call.py:3:7: error: iterable unpacking cannot be used in comprehension [unpacking-in-comprehension]
# CHECK-NEXT:print(*a for a in b)
# CHECK-NEXT:      ^
