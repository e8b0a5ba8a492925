# RUN: %python %tools/run_e2e.py %taipan %s
# io.BytesIO: binary reads and writes, seeking past the end, readinto.
import io

b = io.BytesIO(b"abc\ndef\n")
print(b.read(2), b.readline(), b.readline(), b.read())
b.seek(0, 2)
print(b.tell())
b.write(b"ghi")
print(b.getvalue())
b.seek(12)
b.write(bytearray(b"Z"))
print(b.getvalue())
print(b.seek(-2, 2), b.read())
b.seek(0)
arr = bytearray(5)
print(b.readinto(arr), arr)
print(list(io.BytesIO(b"1\n2\n3")))
with io.BytesIO() as w:
    w.write(b"x" * 3)
    print(w.getvalue())
