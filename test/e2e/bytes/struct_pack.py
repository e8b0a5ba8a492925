# RUN: %python %tools/run_e2e.py %taipan %s
# struct pack/unpack with explicit byte order.
import struct
p = struct.pack('<HIb', 513, 70000, -2)
print(p, len(p), struct.calcsize('<HIb'))
print(struct.unpack('<HIb', p))
print(struct.pack('>i', -1), struct.unpack('>I', b'\x00\x00\x01\x00'))
print(struct.pack('<d', 1.5), struct.unpack('<f', struct.pack('<f', 0.25)))
print(struct.pack('<3sB', b'abc', 9))
