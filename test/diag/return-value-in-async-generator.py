# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
async def f():
    yield 1
    return 2
# CHECK:{{.*}}return-value-in-async-generator.py:5:5: error: 'return' with value in async generator [return-value-in-async-generator]
# CHECK-NEXT:    return 2
# CHECK-NEXT:    ^
