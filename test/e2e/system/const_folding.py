# RUN: %python %tools/run_e2e.py %taipan %s
# micropython.const() names constants; CPython gets a stand-in.
try:
    from micropython import const
except ImportError:
    def const(x):
        return x
WIDTH = const(16)
HEIGHT = const(WIDTH * 2)
_PRIVATE = const(0x10 | 3)
MASK = const((1 << 8) - 1)
print(WIDTH, HEIGHT, _PRIVATE, MASK, WIDTH * HEIGHT)
def area():
    return WIDTH * HEIGHT + _PRIVATE
print(area())
class Cfg:
    SIZE = const(4)
print(Cfg.SIZE)
