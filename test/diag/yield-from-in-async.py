# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
async def f():
    yield from x
# CHECK:{{.*}}yield-from-in-async.py:4:5: error: 'yield from' inside async function [yield-from-in-async]
# CHECK-NEXT:    yield from x
# CHECK-NEXT:    ^
