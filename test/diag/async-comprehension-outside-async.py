# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
def f():
    return [x async for x in y]
# CHECK:{{.*}}async-comprehension-outside-async.py:4:12: error: asynchronous comprehension outside of an asynchronous function [async-comprehension-outside-async]
# CHECK-NEXT:    return [x async for x in y]
# CHECK-NEXT:           ^
