# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
x = = 1
y = 2
s = "abc
# CPython, after a parse error, tokenizes the rest of the file and reports a tokenizer
# error found there instead (_PyPegen_tokenize_full_source_to_check_for_errors).
# CHECK:{{.*}}first-error-order.py:5:5: error: unterminated string literal (detected at line 5) [unterminated-string]
# CHECK-NEXT:s = "abc
# CHECK-NEXT:    ^
