# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
s = 'a\U00110000'
# CPython 3.11 reports column 18: it decodes the whole literal at once and points past its end; ours points at the backslash of the bad escape.
# CHECK:{{.*}}illegal-unicode-escape.py:3:7: error: illegal Unicode character U+110000 in \U escape [illegal-unicode-escape]
# CHECK-NEXT:s = 'a\U00110000'
# CHECK-NEXT:      ^
