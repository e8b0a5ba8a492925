# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
x = = 1
if x:
	y = 1
        z = 2
# Indentation errors do not replace an earlier parse error: CPython's tokenizer
# reports them through its caller, which the re-tokenizing pass does not do.
# CHECK:{{.*}}first-error-order-indentation-kept.py:3:5: error: invalid syntax [invalid-syntax]
# CHECK-NEXT:x = = 1
# CHECK-NEXT:    ^
