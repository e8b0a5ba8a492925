# RUN: %python %tools/run_e2e.py %taipan %s
# bytes.decode() and str(buffer, encoding, errors) with the error handlers
# 'strict' (UnicodeError), 'ignore' and 'replace' (U+FFFD), in UTF-8 and
# ASCII; encoding text to ASCII that does not fit raises UnicodeError.
import array

cases = [b"hello", b"\xff\xfe", b"hello\xffworld", b"\x80\x81\x82", b"\xc0\x20", b"hello\xc0", b"\xc2\xa9",
         b"\xe4\xb8\x80", b"\xf0\x9f\x98\x80", b"\xe4", b"\xe4\xb8", b"\xf0\x9f\x98", b"\xe4\x20\x80",
         b"\xe4\xb8\x20", b"\xf0\x9f\x20\x80", b"hello\xe4world", b"\xe4\xf0\xe4", b"x\xc3\x28y"]
for b in cases:
    print(repr(b.decode("utf-8", "replace")), repr(b.decode("utf-8", "ignore")), repr(bytearray(b).decode("utf-8", "ignore")))
    try:
        print(repr(b.decode()))
    except UnicodeError:
        print("UnicodeError")
print(repr(b"a\xbb\xcc\xddef\x01".decode("ascii", "replace")), repr(b"\xe5\xa5\xbd".decode("ascii", "ignore")))
print(repr(str(array.array("B", b"a\xffb\x80c"), "utf-8", "replace")), repr(str(memoryview(b"x\xc3\x28y"), "utf-8", "ignore")))
for text in ("abc", "caf\u00e9"):
    try:
        print(text.encode("ascii"), bytes(text, "ascii"))
    except UnicodeError:
        print("UnicodeError")
    print(text.encode("utf-8"))
try:
    str(b"ni\xe5\xa5\xbd", "ascii")
except UnicodeError:
    print("UnicodeError")
