# RUN: %python %tools/run_e2e.py %taipan %s
# .exp: gc.threshold() is MicroPython's (CPython's gc has none): it reports
# the threshold in whole heap blocks, rounded down, and -1 when off.
import gc

gc.threshold(1)
print(gc.threshold())
gc.threshold(4096)
print(gc.threshold())
gc.threshold(4096 + 5)
print(gc.threshold() == 4096)
gc.threshold(-1)
print(gc.threshold())
lists = [[i] * 10 for i in range(1000)]  # collections run at the threshold while it is on
gc.threshold(2048)
lists = [[i] * 10 for i in range(1000)]
print(len(lists), lists[-1][0])
gc.threshold(-1)
