# RUN: %python %tools/run_e2e.py %taipan %s
# Importing modules and packages through a filesystem object mounted with
# vfs.mount: the stat/open/readinto/ioctl protocol and its order, packages,
# namespace packages, relative imports, re-import after sys.modules.clear(),
# missing modules, a stat that raises, native streams, files that are not
# .mpy (version 6), a .py source file, umount. (vfs_corrupt.py: damaged .mpy
# files.)
# .exp: CPython has no vfs module (nor .mpy files); the expected output is
# MicroPython's (its unix port running this program).
import sys
import vfs
from io import IOBase

# The .mpy files below are /work/mp/mpy-cross/build/mpy-cross -msmall-int-bits=30
# of these sources.
# greet.py:
#   print("greet runs as", __name__)
#   def hello(name):
#       return "hello " + name
#   class Box:
#       def __init__(self, v):
#           self.v = v
#       def double(self):
#           return self.v * 2
GREET_MPY = b'M\x06\x00\x1e\x0e\x01\x10greet.py\x00\x0f\x06Box\x00\nhello\x00\x0chello \x00#\x02v\x00\x0cdouble\x00\x81w/\x08name\x00-5\x82\x13\x05\rgreet runs as\x00\x81l\x10\x06\x01)D\x11\x08#\x00\x11\t4\x02Y2\x00\x16\x03T2\x01\x10\x024\x02\x16\x02Qc\x02P\x11\x06\x03\n@\x10\x04\xb0\xf2c\x81D\x00\x08\x02h D\x11\t\x16\x0b\x10\x02\x16\x0c2\x00\x16\x052\x01\x16\x07Qc\x02h\x1a\n\x05\r\x06`@\xb1\xb0\x18\x06Qc`\x11\x08\x07\r\x80\x07\xb0\x13\x06\x82\xf4c'
# pkg/__init__.py:
#   VERSION = (1, 2)
#   def describe():
#       return "pkg " + __name__
PKG_INIT_MPY = b'M\x06\x00\x1e\x06\x01\x1epkg/__init__.py\x00\x0f\x10describe\x00\x08pkg \x00\x0eVERSION\x00/\n\x02\x07\x011\x07\x012t\x00\x04\x01$#\x00\x16\x042\x00\x16\x02Qc\x01P\x08\x04\x02@\x10\x03\x12\x05\xf2c'
# pkg/sub.py:
#   from . import VERSION
#   def total(xs):
#       return sum(xs) + VERSION[0]
PKG_SUB_MPY = b'M\x06\x00\x1e\x07\x00\x14pkg/sub.py\x00\x0f\x0eVERSION\x00\x03\ntotal\x00\x04xs\x00\x823\x814\x08\x04\x01,\x81\x10\x02*\x01\x1b\x03\x1c\x02\x16\x02Y2\x00\x16\x04Qc\x01\x81\x00\x19\x06\x04\x05@\x12\x06\xb04\x01\x12\x02\x80U\xf2c'
# ns/leaf.py:
#   print("leaf runs as", __name__)
#   LEAF = "green"
NS_LEAF_MPY = b'M\x06\x00\x1e\x06\x01\x14ns/leaf.py\x00\x0f\ngreen\x00\x81w/\x08LEAF\x00\x05\x0cleaf runs as\x00\x81\x18\x10\x04\x01)\x11\x03#\x00\x11\x044\x02Y\x10\x02\x16\x05Qc'


class File(IOBase):
    def __init__(self, data, log):
        self.data = memoryview(data)
        self.pos = 0
        self.log = log

    def readinto(self, buf):
        n = min(len(buf), len(self.data) - self.pos)
        buf[:n] = self.data[self.pos : self.pos + n]
        self.pos += n
        return n

    def ioctl(self, request, arg):
        if self.log:
            print("  ioctl", request, arg)
        if request == 4:  # close
            return 0
        return -1


# Reads the way MicroPython's perf_bench programs do: assigning a shorter
# slice at the end shrinks the buffer it was given.
class ShrinkingFile(IOBase):
    def __init__(self, data):
        self.data = data
        self.off = 0

    def readinto(self, buf):
        buf[:] = memoryview(self.data)[self.off : self.off + len(buf)]
        self.off += len(buf)
        return len(buf)

    def ioctl(self, request, arg):
        return 0 if request == 4 else -1


class FS:
    def __init__(self, files, dirs=(), log=False, shrinking=False):
        self.files = files
        self.dirs = dirs
        self.log = log
        self.shrinking = shrinking

    def mount(self, readonly, mkfs):
        print("mount", readonly, mkfs)

    def umount(self):
        print("umount")

    def stat(self, path):
        if self.log:
            print("  stat", path)
        if path in self.dirs:
            return (0x4000, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        if path in self.files:
            return (0x8000, 0, 0, 0, 0, 0, 0, 0, 0, len(self.files[path]))
        raise OSError(2)  # ENOENT

    def open(self, path, mode):
        if self.log:
            print("  open", path, mode)
        if self.shrinking:
            return ShrinkingFile(self.files[path])
        return File(self.files[path], self.log)


files = {
    "/greet.mpy": GREET_MPY,
    "/pkg/__init__.mpy": PKG_INIT_MPY,
    "/pkg/sub.mpy": PKG_SUB_MPY,
    "/ns/leaf.mpy": NS_LEAF_MPY,
    "/source.py": b"print('source runs as', __name__)\nANSWER = 6 * 7\n",
    "/empty.mpy": b"",
    "/short.mpy": b"M\x06",
    "/version5.mpy": b"M\x05" + GREET_MPY[2:],
    "/notmpy.mpy": b"C" + GREET_MPY[1:],
}
fs = FS(files, dirs=("/pkg", "/ns"), log=True)
vfs.mount(fs, "/mnt")
sys.path.insert(0, "/mnt")

print("import greet")
import greet

print(greet.__name__, greet.__file__)
print(greet.hello("vfs"), greet.Box(21).double())
first = greet
import greet

print("again, same module:", greet is first)

print("after sys.modules.clear()")
sys.modules.clear()
import greet

print("new module:", greet is not first, greet.hello("again"))
import sys as sys_again

print("builtin module kept:", sys_again is sys)
g = __import__("greet")
print("__import__ finds it loaded:", g is greet)

print("import pkg.sub")
import pkg.sub

print(pkg.__name__, pkg.__path__, pkg.__file__)
print(pkg.describe(), pkg.VERSION, pkg.sub.total([1, 2, 3]))
fs.log = False
from pkg import sub

print("from pkg import sub:", sub is pkg.sub, sub.__name__)

print("namespace package")
import ns.leaf

print(ns.leaf.LEAF, ns.__name__, ns.__path__, hasattr(ns, "__file__"))

print("source module")
import source

print(source.ANSWER, source.__file__)

print("missing module")
try:
    import nothere
except ImportError as e:
    print("ImportError", e)

print("bad .mpy files")
for name in ("empty", "short", "version5", "notmpy"):
    try:
        __import__(name)
    except ValueError as e:
        print(name, "ValueError", e)
    print(name, "in sys.modules:", name in sys.modules)

print("buffers that shrink")
vfs.mount(FS({"/greet.mpy": GREET_MPY}, shrinking=True), "/shrink")
sys.path[0] = "/shrink"
del sys.modules["greet"]
import greet

print(greet.__file__, greet.Box(4).double())


class BytesFS(FS):
    def open(self, path, mode):
        return io.BytesIO(self.files[path])


print("native streams (io.BytesIO)")
import io

vfs.mount(BytesFS({"/greet.mpy": GREET_MPY}), "/bytes")
sys.path[0] = "/bytes"
del sys.modules["greet"]
import greet

print(greet.__file__, greet.hello("bytes"))
vfs.umount("/bytes")
sys.path[0] = "/mnt"


class BrokenFS:
    def mount(self, readonly, mkfs):
        pass

    def umount(self):
        print("umount broken")

    def stat(self, path):
        raise RuntimeError("stat is broken")


print("a filesystem whose stat raises")
vfs.mount(BrokenFS(), "/broken")
sys.path.insert(0, "/broken")
sys.modules.clear()
import greet  # found further along sys.path

print(greet.__file__)
try:
    import only_broken
except ImportError as e:
    print("ImportError", e)
sys.path.pop(0)
vfs.umount("/broken")

print("umount")
vfs.umount("/mnt")
vfs.umount("/shrink")
sys.modules.clear()
try:
    import greet
except ImportError as e:
    print("ImportError", e)
sys.path.pop(0)
