# RUN: %python %tools/run_e2e.py %taipan %s
# A module file bigger than every readinto() chunk (the importer doubles
# its chunk after each full read when the stream names no size of its own,
# up to 4 KiB): the text arrives whole and in order, whether the stream
# fills the buffer or returns fewer bytes, and a stream that names its
# buffer size through ioctl gets buffers of that size.
# .exp: CPython has no vfs module; the expected output is MicroPython's.
import sys
import vfs
from io import IOBase

LINES = ["LINE%d = %r\n" % (i, "x" * (i % 50)) for i in range(400)]
SOURCE = ("".join(LINES) + "TOTAL = sum(len(globals()['LINE%d' % i]) for i in range(400))\n").encode()


class File(IOBase):
    def __init__(self, data, at_most, buffer_size):
        self.data = memoryview(data)
        self.pos = 0
        self.at_most = at_most
        self.buffer_size = buffer_size
        self.sizes = set()

    def readinto(self, buf):
        self.sizes.add(len(buf))
        n = min(len(buf), len(self.data) - self.pos, self.at_most)
        buf[:n] = self.data[self.pos : self.pos + n]
        self.pos += n
        return n

    def ioctl(self, request, arg):
        if request == 11 and self.buffer_size:  # the stream's buffer size
            return self.buffer_size
        return 0 if request == 4 else -1


class FS:
    def __init__(self, at_most, buffer_size=0):
        self.at_most = at_most
        self.buffer_size = buffer_size
        self.opened = None

    def mount(self, readonly, mkfs):
        pass

    def umount(self):
        pass

    def stat(self, path):
        if path == "/big.py":
            return (0x8000, 0, 0, 0, 0, 0, 0, 0, 0, len(SOURCE))
        raise OSError(2)

    def open(self, path, mode):
        self.opened = File(SOURCE, self.at_most, self.buffer_size)
        return self.opened


print(len(SOURCE) > 3 * 4096)
for at_most, buffer_size in ((1 << 20, 0), (700, 0), (1 << 20, 100)):
    fs = FS(at_most, buffer_size)
    vfs.mount(fs, "/m")
    sys.path.insert(0, "/m")
    import big

    print(big.TOTAL, big.LINE399, max(fs.opened.sizes) <= 4096, buffer_size == 0 or fs.opened.sizes == {100})
    del sys.modules["big"]
    sys.path.pop(0)
    vfs.umount("/m")
