# RUN: %python %tools/run_e2e.py %taipan %s
# memoryview over bytes and bytearray: slicing shares memory.
ba = bytearray(b'0123456789')
mv = memoryview(ba)
print(len(mv), mv[0], mv[-1], bytes(mv[2:5]))
mv[0] = 65
print(ba)
sub = mv[3:6]
sub[0] = 66
print(ba, bytes(sub), len(sub))
mv[6:8] = b'xy'
print(ba)
ro = memoryview(b'abc')
print(bytes(ro), ro[1])
try:
    ro[0] = 1
except TypeError:
    print('readonly')
print(list(memoryview(b'\x05\x06')))
