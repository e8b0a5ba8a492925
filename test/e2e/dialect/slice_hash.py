# RUN: %python %tools/run_e2e.py %taipan %s
# Slices are hashable, as in MicroPython and CPython 3.12 (3.11, which the
# other tests compare with, refuses): they hash as the tuple (start, stop,
# step) does, so equal slices make one dict key.
d = {}
d[slice(1, 2)] = "a"
d[slice(1, 2, None)] = "b"
d[slice(None, "x")] = "c"
d[3] = "d"
print(len(d), d[slice(1, 2)], d[slice(None, "x", None)])
print(hash(slice(1, 2)) == hash(slice(1, 2)), hash(slice(1, 2)) == hash((1, 2, None)))
print(slice(0, 5, 2) in {slice(0, 5, 2)}, slice(0, 5) in {slice(0, 5, 2)})
try:
    hash(slice([], 1))
except TypeError as e:
    print("TypeError", e)
