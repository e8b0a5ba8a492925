# RUN: %python %tools/run_e2e.py %taipan %s
# int.to_bytes / from_bytes and bit_length.
print((1024).to_bytes(4, 'big'), (1024).to_bytes(4, 'little'))
print(int.from_bytes(b'\x01\x00', 'big'), int.from_bytes(b'\x01\x00', 'little'))
print(int.from_bytes(b'\xff' * 10, 'big'))
print((2 ** 70).to_bytes(10, 'big'))
for n in (1, 2, 255, 256, 2 ** 40):
    print(n, len(bin(n)) - 2)
