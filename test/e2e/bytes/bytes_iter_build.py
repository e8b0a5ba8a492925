# RUN: %python %tools/run_e2e.py %taipan %s
# Building bytes from generators and converting back and forth.
b = bytes(x * 2 for x in range(8))
print(b, list(b), sum(b))
print(bytes(reversed(b'abc')), bytes(sorted(b'hello')))
checksum = 0
for byte in b'checksum':
    checksum = (checksum * 31 + byte) & 0xFFFF
print(checksum)
print(''.join(chr(c) for c in b'abc'), bytes(ord(c) for c in 'xyz'))
print(b'%s' % b'' if False else bytes(0), bytes([]))
