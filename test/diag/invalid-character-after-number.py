# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
price = 5€
# A character that cannot start or continue a name, right after a number: CPython
# reports the character, not an invalid decimal literal.
# CHECK:{{.*}}invalid-character-after-number.py:3:10: error: invalid character '€' (U+20AC) [invalid-character]
# CHECK-NEXT:price = 5€
# CHECK-NEXT:         ^
