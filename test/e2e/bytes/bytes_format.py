# RUN: %python %tools/run_e2e.py %taipan %s
# bytes %-formatting and hex conversions.
print(b'%d-%s' % (5, b'x') if hasattr(bytes, '__mod__') or True else 0)
print(bytes.fromhex('0a0b ff'), b'\x0a\xff'.hex())
print(int.from_bytes(b'\x12\x34', 'big'), (0x1234).to_bytes(2, 'little'))
data = bytes(range(0, 256, 37))
print(data, data.hex())
print(str(b'abc'), str(bytearray(b'q')))
