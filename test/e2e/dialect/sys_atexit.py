# RUN: %python %tools/run_e2e.py %taipan %s
# sys.atexit(func) (MicroPython's; CPython has the atexit module): the one
# function to call when the program ends, also through SystemExit, whose
# status stays; it returns the function it replaces, None for none.
import sys


def first():
    print("first")


def last():
    print("last, state:", state)


state = "start"
print(sys.atexit(first))
print(sys.atexit(last) is first)
print(sys.atexit(None) is last)
sys.atexit(last)
state = "end"
print("before exit")
raise SystemExit(3)
