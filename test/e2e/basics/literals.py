# RUN: %python %tools/run_e2e.py %taipan %s
# Literals of every kind print the same way.
print(0, 1, -1, 123456789)
print(0x1F, 0o17, 0b1011, 1_000_000, 0xdead_beef)
print(1.5, 2., .25, 1e3, 1.5e-3, 1_0.0_1)
print(True, False, None)
print('single', "double", '''triple''', """triple2""")
print('a' 'b' "c")
print(r'raw\n', 'esc\t|', '\x41\101\u00e9')
print(b'bytes', b'\x00\xff', rb'\d')
print([1, 2], (3,), (), {}, {1: 2}, [])
print(...)
print(type(1j).__name__, 2j)
