# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
s = 'a\N'
# CPython 3.11 reports column 10: it decodes the whole literal at once and points past its end; ours points at the backslash of the bad escape.
# CHECK:{{.*}}malformed-name-escape.py:3:7: error: malformed \N character escape: expected \N{name} [malformed-name-escape]
# CHECK-NEXT:s = 'a\N'
# CHECK-NEXT:      ^
