# RUN: %python %tools/run_e2e.py %taipan %s
# Damaged .mpy files and failing streams read through a mounted filesystem
# object: every truncation of a valid .mpy is a ValueError, the module does
# not stay in sys.modules and the file is closed; a stream whose readinto
# fails raises OSError.
# .exp: Taipan's own output, checked by hand. CPython has no vfs module, and
# MicroPython reads past the end of a truncated .mpy as 0xff bytes (it then
# hangs or loads garbage) instead of raising ValueError.
import sys
import vfs
from io import IOBase

# /work/mp/mpy-cross/build/mpy-cross -msmall-int-bits=30 of
#   print("greet runs as", __name__)
#   def hello(name):
#       return "hello " + name
#   class Box:
#       def __init__(self, v):
#           self.v = v
#       def double(self):
#           return self.v * 2
GREET_MPY = b'M\x06\x00\x1e\x0e\x01\x10greet.py\x00\x0f\x06Box\x00\nhello\x00\x0chello \x00#\x02v\x00\x0cdouble\x00\x81w/\x08name\x00-5\x82\x13\x05\rgreet runs as\x00\x81l\x10\x06\x01)D\x11\x08#\x00\x11\t4\x02Y2\x00\x16\x03T2\x01\x10\x024\x02\x16\x02Qc\x02P\x11\x06\x03\n@\x10\x04\xb0\xf2c\x81D\x00\x08\x02h D\x11\t\x16\x0b\x10\x02\x16\x0c2\x00\x16\x052\x01\x16\x07Qc\x02h\x1a\n\x05\r\x06`@\xb1\xb0\x18\x06Qc`\x11\x08\x07\r\x80\x07\xb0\x13\x06\x82\xf4c'

opened = 0
closed = 0


class File(IOBase):
    def __init__(self, data, failure):
        self.data = memoryview(data)
        self.pos = 0
        self.failure = failure

    def readinto(self, buf):
        if self.failure == "raise":
            raise OSError(5)
        if self.failure == "none":
            return None
        if self.failure == "negative":
            return -13
        if self.failure == "too many":
            return len(buf) + 1
        n = min(len(buf), len(self.data) - self.pos)
        buf[:n] = self.data[self.pos : self.pos + n]
        self.pos += n
        return n

    def ioctl(self, request, arg):
        global closed
        if request == 4:
            closed += 1
            return 0
        return -1


class FS:
    data = b""
    failure = None

    def mount(self, readonly, mkfs):
        pass

    def umount(self):
        pass

    def stat(self, path):
        if path == "/mod.mpy":
            return (0x8000, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        raise OSError(2)

    def open(self, path, mode):
        global opened
        opened += 1
        return File(self.data, self.failure)


fs = FS()
vfs.mount(fs, "/damaged")
sys.path.insert(0, "/damaged")

print("every truncation")
outcomes = {}
for n in range(len(GREET_MPY)):
    fs.data = GREET_MPY[:n]
    try:
        __import__("mod")
        outcome = "loaded"
    except ValueError:
        outcome = "ValueError"
    outcomes[outcome] = outcomes.get(outcome, 0) + 1
    if "mod" in sys.modules:
        print("left in sys.modules at", n)
        del sys.modules["mod"]
print(sorted(outcomes.items()), len(GREET_MPY))
print("opened", opened, "closed", closed)

print("the whole file")
fs.data = GREET_MPY
import mod

print(mod.hello("whole"), mod.__file__)
del sys.modules["mod"]

print("failing streams")
for failure in ("raise", "none", "negative", "too many"):
    fs.failure = failure
    try:
        __import__("mod")
        print(failure, "loaded")
    except OSError as e:
        print(failure, "OSError", e.errno, "mod" in sys.modules)
print("opened", opened, "closed", closed)

vfs.umount(fs)
sys.path.pop(0)
