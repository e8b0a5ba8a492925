# RUN: %python %tools/run_e2e.py %taipan %s
# An index whose __index__ empties the view's owner: the item is looked up
# in the owner as it is after the conversion, so the store raises
# IndexError instead of writing past the bytearray. (CPython refuses to
# resize a bytearray with exports; MicroPython takes no __index__ here:
# the .exp is ours.)
buf = bytearray(8)
view = memoryview(buf)


class Shrink:
    def __index__(self):
        buf[:] = b""
        return 5


try:
    view[Shrink()] = 1
    print("stored", len(buf))
except IndexError:
    print("IndexError", len(buf))
