# RUN: %python %tools/run_e2e.py %taipan %s
# bytes % args: %s and %b take bytes-like values (or __bytes__), %c an int
# in range(256) or one byte, %r and %a give ascii(); widths count bytes;
# a bytearray format gives a bytearray; keys of %(name)s are bytes.
class B:
    def __bytes__(self):
        return b"<B>"
print(b"%d-%s" % (5, b"x"), b"%s|%5s|%-4s|" % (b"ab", b"cd", bytearray(b"e")))
print(b"%b %s %.2s %c%c %x %05.1f %r %a" % (b"b", B(), b"xyz", 65, b"z", 255, 2.25, b"q", "\xe9"))
print(bytearray(b"%d%%") % 7, b"\xff%s" % b"\xfe", b"%(k)s" % {b"k": b"v"})
for bad in ((b"%s", "text"), (b"%c", 300), (b"%c", b"ab"), (b"%d %d", (1,)), (b"%d", (1, 2))):
    try:
        print(bad[0] % bad[1])
    except (TypeError, OverflowError, ValueError) as e:
        print(type(e).__name__)
