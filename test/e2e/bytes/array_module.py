# RUN: %python %tools/run_e2e.py %taipan %s
# The array module: typed arrays, append, indexing, memoryview over them.
from array import array
a = array('i', [1, 2, 3])
a.append(4)
a.extend([5, 6])
print(a, len(a), a[2], a[-1], sum(a))
a[0] = -10
print(list(a), a[1:3])
f = array('d', [0.5, 1.5])
print(f, f[1] * 2)
b = array('B', b'\x01\x02\x03')
mv = memoryview(b)
mv[0] = 9
print(b, bytes(b))
