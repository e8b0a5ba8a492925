# RUN: %python %tools/run_e2e.py %taipan %s
# bytearray mutation.
ba = bytearray(b'abc')
ba.append(100)
ba.extend(b'ef')
ba[0] = 65
print(ba, len(ba), ba[1], ba[-1])
ba[1:3] = b'XYZ'
print(ba)
ba = ba[1:]
print(ba)
print(bytearray(4), bytearray([1, 2, 3]), bytearray('hi', 'ascii'))
ba2 = ba + bytearray(b'!!')
print(ba2, type(ba2).__name__, bytes(ba2))
print(ba.find(b'Z'), b'Y' in ba, ba.decode())
ba += b'++'
print(ba)
print(list(bytearray(b'\x01\x02')))
