# RUN: %python %tools/run_e2e.py %taipan %s
# bool is a subclass of int in Taipan, as in CPython (MicroPython prints False
# for these).
print(isinstance(True, int), issubclass(bool, int))
print(True + 1, True == 1, {True: 'a'}.get(1))
