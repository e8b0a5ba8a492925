# RUN: %python %tools/run_e2e.py %taipan %s
# bytearray slices, item assignment, extend from iterables, comparison.
ba = bytearray(range(10))
ba[2:5] = b'\xff\xfe'
print(ba, len(ba))
ba[0] = ba[-1] + 1
print(ba[0], ba[-3:])
ba.extend([100, 101])
ba.extend(bytearray(b'!'))
print(ba[-4:])
print(bytearray(b'abc') == b'abc', bytearray(b'a') < bytearray(b'b'), b'x' + bytearray(b'y'))
copy = bytearray(ba)
copy[0] = 0
print(ba[0] != copy[0])
