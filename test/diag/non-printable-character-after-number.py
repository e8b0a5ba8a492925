# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
x = 1 + 2
# A NO-BREAK SPACE (U+00A0) right after a number: CPython reports the character,
# not an invalid decimal literal.
# CHECK:{{.*}}non-printable-character-after-number.py:3:6: error: invalid non-printable character U+00A0 [non-printable-character]
# CHECK-NEXT:x = 1 + 2
# CHECK-NEXT:     ^
