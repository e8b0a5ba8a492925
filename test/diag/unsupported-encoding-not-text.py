# -*- coding: rot13 -*-
x = 1
# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
# A codec that is not a text encoding: CPython rejects it too.
# CPython 3.11 reports no line or column for this error (lineno 0).
# CHECK:{{.*}}unsupported-encoding-not-text.py:1:15: error: source encoding 'rot13' is not supported: use UTF-8 [unsupported-encoding]
# CHECK-NEXT:# -*- coding: rot13 -*-
# CHECK-NEXT:              ^
