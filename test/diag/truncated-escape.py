# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
s = 'caf\x4'
# CPython 3.11 reports column 13: it decodes the whole literal at once and points past its end; ours points at the backslash of the bad escape.
# CHECK:{{.*}}truncated-escape.py:3:9: error: truncated \x escape: expected 2 hex digits [truncated-escape]
# CHECK-NEXT:s = 'caf\x4'
# CHECK-NEXT:        ^
