# RUN: %python %tools/run_e2e.py %taipan %s
# A builtin base built by __new__ (tuple, int, str) has no __init__ of its
# own, so a class after it in the MRO provides the instance's __init__; a
# builtin built by __init__ (list) ends the search, as object does.


class Base:
    def __init__(self, *args):
        print("Base.__init__", args)


class TupleFirst(tuple, Base):
    pass


class BaseFirst(Base, tuple):
    pass


class IntFirst(int, Base):
    pass


class StrFirst(str, Base):
    pass


class ListFirst(list, Base):
    pass


a = TupleFirst([1, 2])
b = BaseFirst([3])
print(len(a), len(b), a == (1, 2), b == (3,))
c = IntFirst(7)
print(c + 1)
d = StrFirst("xy")
print(d.upper(), len(d))
e = ListFirst([4, 5])
print(e, len(e))
print(TupleFirst.__mro__[1:3] == (tuple, Base), [k.__name__ for k in ListFirst.__mro__])
