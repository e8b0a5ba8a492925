# RUN: %python %tools/run_e2e.py %taipan %s
# array.array: typed sequences with the buffer protocol.
from array import array

a = array("i", [1, -2, 3])
print(a, len(a), a[0], a[-1], list(a), bool(a), bool(array("i")))
a.append(4)
a.extend([5, 6])
a.extend(array("i", [7]))
print(a, repr(array("h")))
a[0] = 100
print(a[0], a[1:3], a[:2], a[5:])
a += array("i", [8])
print(a, a + array("i", [9]))
print(array("B", [1, 2, 3]), array("b", [-1, 127]), array("H", [65535]))
print(array("I", [2**32 - 1]), array("q", [-2**63]), array("Q", [2**64 - 1]))
print(array("f", [1.5, 2]), array("d", [0.25]))
print(bytes(array("h", [1, 256])), bytes(array("B", [65, 66])))
print(array("b", b"AB"), array("h", bytearray(4)))
m = memoryview(array("i", [10, 20]))
print(m[1], len(m), m.itemsize)
print(array("i", [1, 2]) == array("i", [1, 2]), array("i", [1]) == array("i", [2]))
print(array("B", [1, 2]) < array("B", [1, 3]), array("B", [2]) >= array("B", [1, 9]))
print(array("b", [97, 98]) == b"ab")
print([x + 1 for x in array("H", [1, 2])], sum(array("i", range(5))))
b = array("i", [1, 2, 3, 4])
b[1:3] = array("i", [9])
print(b)
try:
    array("X")
except ValueError:
    print("ValueError")
try:
    array("i", [1])[5]
except IndexError:
    print("IndexError")

class Sub(array):
    pass

s = Sub("b", [1, 2])
print(len(s), s[1], bytes(s))
