# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
x = b'a' 'b'
# CPython 3.11 reports column 13: the end of the last literal; ours points at the first literal of the other kind.
# CHECK:{{.*}}mixed-bytes.py:3:10: error: cannot mix bytes and nonbytes literals [mixed-bytes]
# CHECK-NEXT:x = b'a' 'b'
# CHECK-NEXT:         ^
