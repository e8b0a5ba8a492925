# RUN: %python %tools/run_e2e.py %taipan %s
# vfs.mount / vfs.umount and the mount table: the calls made on the
# filesystem object, listing, points in use, nested points, errors, and
# open() of paths under a mount point.
# .exp: CPython has no vfs module; the expected output is MicroPython's (its
# unix port running this program).
import vfs


class FS:
    def __init__(self, name):
        self.name = name

    def mount(self, readonly, mkfs):
        print(self.name, "mount", readonly, mkfs)

    def umount(self):
        print(self.name, "umount")

    def open(self, path, mode):
        print(self.name, "open", repr(path), mode)
        return "<file %s>" % path

    def __repr__(self):
        return "FS(%s)" % self.name


# MicroPython's unix port has its host filesystem mounted at "/": leave that
# out of the listing.
def mounts():
    return [(repr(fs), point) for fs, point in vfs.mount() if point != "/"]


def expect_oserror(f, *args, **kwargs):
    try:
        f(*args, **kwargs)
        print("no error")
    except OSError as e:
        print("OSError", e.errno)


print(mounts())
a = FS("a")
vfs.mount(a, "/a")
vfs.mount(FS("bc"), "/b/c", readonly=True)
vfs.mount(FS("b"), "/b")
print(mounts())
print(type(vfs.mount()), type(vfs.mount()[0]))

print("points in use")
expect_oserror(vfs.mount, FS("a2"), "/a")  # mount() is called, then EPERM
expect_oserror(vfs.mount, FS("ax"), "/a/x")
print(mounts())

print("open")
print(open("/a/data.txt"))
print(open("/a", "rb"))
print(open("/b/c/deep/file.bin", mode="wb"))
print(open("/b/cx"))
print(open("/b/c"))

print("umount")
vfs.umount(a)  # by object
vfs.umount("/b/c")  # by mount point
print(mounts())
expect_oserror(vfs.umount, "/a")
expect_oserror(vfs.umount, a)
expect_oserror(vfs.umount, "/nowhere")
vfs.mount(a, "/a")  # free again
print(mounts())
vfs.umount("/a")
vfs.umount("/b")
print(mounts())

print("errors")
# No mount(): a block device to recognise a filesystem on (OSError ENODEV
# here; MicroPython's unix port with FAT and littlefs asks it for blocks).
try:
    vfs.mount(object(), "/obj")
except (OSError, AttributeError):
    print("not a filesystem")
try:
    vfs.mount(FS("x"))
except TypeError:
    print("TypeError")
print(mounts())
