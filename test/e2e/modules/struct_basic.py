# RUN: %python %tools/run_e2e.py %taipan %s
# struct: sizes, byte orders, pack/unpack and the *_into/_from forms.
import struct

for fmt in ("<bhiq", ">BHIQ", "!Hd", "<f", "4s2x", "@b", "@bh", "@bi", "@hd"):
    print(fmt, struct.calcsize(fmt))
print(struct.pack("<bhi", -1, 258, -3))
print(struct.pack(">bhi", -1, 258, -3))
print(struct.pack("<q", -2), struct.pack(">Q", 2**64 - 1))
print(struct.pack("<fd", 1.5, -0.25), struct.unpack("<fd", struct.pack("<fd", 1.5, -0.25)))
print(struct.unpack("<bhi", b"\xff\x02\x01\xfd\xff\xff\xff"))
print(struct.unpack(">I", b"\xff\xff\xff\xfe"), struct.unpack("<Q", b"\xff" * 8), struct.unpack("<q", b"\xff" * 8))
print(struct.pack("3s", b"abcdef"), struct.pack("5s", b"ab"), struct.unpack("<2sH", b"hi\x01\x00"))
print(struct.pack("<2H", 1, 2), struct.unpack("<3B", b"abc"))
buf = bytearray(8)
struct.pack_into("<hh", buf, 2, 7, -7)
print(buf)
struct.pack_into("<b", buf, -1, 9)
print(buf)
print(struct.unpack_from("<h", buf, 2), struct.unpack_from("<b", buf, -1))
print(struct.unpack_from("<H", memoryview(buf), 4))
for fmt, data in (("<I", b"\x00\x00"), ("<h", b"")):
    try:
        struct.unpack(fmt, data)
    except Exception:
        print("error", fmt)
try:
    struct.pack_into("<i", bytearray(2), 0, 1)
except Exception:
    print("error pack_into")
try:
    struct.calcsize("z")
except Exception:
    print("error typecode")
# Half precision.
print(struct.calcsize("<e"), struct.pack("<e", 1.5), struct.pack(">e", -0.333), struct.unpack(">e", b"\x3c\x00"))
print(struct.unpack("<3e", struct.pack("<3e", 65504, 6e-8, 0.125)))
