# The bytecode backend rejects what MicroPython's bytecode cannot express
# (CPython accepts this file: the match statement is not in MicroPython's dialect).
# RUN: not %taipan compile --emit=bytecode %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
def f(x):
    match x:
        case 1:
            return 2
# CHECK:{{.*}}bytecode-unsupported.py:5:5: error: match statement is not supported by the bytecode backend [bytecode-unsupported]
# CHECK-NEXT:    match x:
# CHECK-NEXT:    ^
