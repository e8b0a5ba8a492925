# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
if x:
pass
# CHECK:{{.*}}expected-indented-block.py:4:1: error: expected an indented block after 'if' statement on line 3 [expected-indented-block]
# CHECK-NEXT:pass
# CHECK-NEXT:^
