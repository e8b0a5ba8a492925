# RUN: %python %tools/run_e2e.py %taipan %s
# bytes compare equal by content with bytes, bytearray and memoryview, but
# never with an array.array (which has a buffer too), on either side.
import array

a = array.array("b", [0x61, 0x62, 0x63])
u = array.array("B", b"abc")
for other in (b"abc", bytearray(b"abc"), memoryview(b"abc"), a, u, "abc", 0):
    print(type(other).__name__, b"abc" == other, b"abc" != other, other == b"abc", other != b"abc")
print(b"abd" == bytearray(b"abc"), bytearray(b"abc") == b"abc", a == u, a == array.array("b", b"abc"))
print(b"ab" < b"abc", bytearray(b"b") > b"abc", b"" == bytearray())
