# RUN: %python %tools/run_e2e.py %taipan %s
# Instances of known classes keep the attributes stores put on them in
# slots (a layout). Every kind of access sees the same attributes: typed
# loads and stores at the slot, cached generic ones from code that does
# not know the class, attributes outside the layout, del, dir() (which
# moves the slots to the instance dict for good) and hasattr.
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def move(self, dx):
        self.x += dx
        return self.x

    def swap(self):
        self.x, self.y = self.y, self.x


class Q:
    def __init__(self, a):
        self.a = a

    def bump(self):
        self.a += 1.0
        return self.a


def names(o):
    return sorted(n for n in dir(o) if not n.startswith("__"))


def generic(objs):
    for o in objs:
        o.tag = "t%d" % len(objs)  # not in the layout: a store on an object
        o.y = o.y * 2
    return [(o.x, o.y, o.tag) for o in objs]


def work():
    p = P(1.0, 2.0)
    q = P(3.0, 4.0)
    print(p.move(0.5), q.move(-1.0))
    print(generic([p, q]))
    print(names(p))
    print(p.move(1.0), p.x, p.y, p.tag)  # after dir(): the dict
    p.swap()
    q.swap()
    print(p.x, p.y, q.x, q.y)
    r = P(5.0, 6.0)
    del r.x
    print(hasattr(r, "x"), hasattr(r, "y"))
    try:
        r.move(1.0)
    except AttributeError:
        print("no x")
    r.x = 7.0
    print(r.move(1.0), names(r))
    print(generic([r, p, q]))


def direct():
    s = Q(1.0)
    print(s.bump())
    print(names(s))
    print(s.bump(), s.a)  # the typed slot accesses, now through the dict
    t = Q(2.0)
    print(t.bump(), names(t), t.bump())


work()
direct()
