# RUN: %python %tools/run_e2e.py %taipan %s
# .exp: uses MicroPython's micropython module (absent in CPython): const() and
# decorators that choose the code emitter.
import micropython
from micropython import const
X = const(5)
Y = micropython.const(X + 1)
print(X, Y)
@micropython.bytecode
def f():
    return X * Y
print(f())
