# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
f(a=1, 2)
x = 0123
# CPython, after a parse error, tokenizes the rest of the file and reports a tokenizer
# error found there instead, also after a specific parse error like this one.
# CHECK:{{.*}}first-error-order-specific-parse-error.py:4:5: error: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers [leading-zeros]
# CHECK-NEXT:x = 0123
# CHECK-NEXT:    ^
