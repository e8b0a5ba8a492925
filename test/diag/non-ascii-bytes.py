# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
b = b'café'
# CPython 3.11 reports column 5: it points at the start of the literal; ours points at the first non-ASCII character.
# CHECK:{{.*}}non-ascii-bytes.py:3:10: error: bytes can only contain ASCII literal characters [non-ascii-bytes]
# CHECK-NEXT:b = b'café'
# CHECK-NEXT:         ^
