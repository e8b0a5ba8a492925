# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
x = y + z
# The character after '+' is a NO-BREAK SPACE (U+00A0), as pasted from a web page.
# CHECK:{{.*}}non-printable-character.py:3:8: error: invalid non-printable character U+00A0 [non-printable-character]
# CHECK-NEXT:x = y + z
# CHECK-NEXT:       ^
