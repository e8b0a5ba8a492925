# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
match x:
    case {"a": 1, 1: 2, True: 3}:
        pass
# Keys are compared as Python values: 1 and True are the same key. The
# message shows the repeated key, at the mapping pattern, as CPython does.
# CHECK:{{.*}}duplicate-mapping-key.py:4:10: error: mapping pattern checks duplicate key (True) [duplicate-mapping-key]
# CHECK-NEXT:    case {"a": 1, 1: 2, True: 3}:
# CHECK-NEXT:         ^
