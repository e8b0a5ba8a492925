# RUN: %python %tools/run_e2e.py %taipan %s
# Attribute caches of native code: each site below runs several times, so
# its cache is filled and then hit, before and after every change that must
# invalidate it: class attributes stored, replaced and deleted (also on a
# base class, also with setattr), an instance attribute shadowing a method
# or a class constant, properties, __getattr__, __setattr__ and __delattr__
# added to a class later.


class Base:
    kind = 'base'

    def f(self):
        return 'Base.f'


class A(Base):
    scale = 2

    def __init__(self, x):
        self.x = x

    def g(self):
        return 'A.g'


def load_x(o):
    return o.x


def load_scale(o):
    return o.scale


def load_kind(o):
    return o.kind


def call_f(o):
    return o.f()


def call_g(o):
    return o.g()


def run(label, o):
    out = []
    for _ in range(3):
        out.append((load_x(o), load_scale(o), load_kind(o), call_f(o), call_g(o)))
    assert out[0] == out[1] == out[2]
    print(label, out[0])


a = A(1)
b = A(2)
run('start', a)
run('other instance', b)

# Class attributes replaced, added and deleted after the caches were filled.
A.scale = 3
run('A.scale = 3', a)
A.g = lambda self: 'new g'
run('A.g replaced', a)
Base.f = lambda self: 'new Base.f'
run('Base.f replaced', a)
A.f = lambda self: 'A.f'
run('A.f added', a)
del A.f
run('del A.f', a)
setattr(A, 'kind', 'set on A')
run('setattr(A, kind)', a)
delattr(A, 'kind')
run('delattr(A, kind)', a)
Base.kind = 'changed base'
run('Base.kind changed', a)

# An instance attribute shadows a method and a class constant.
b.g = lambda: 'b.g from the instance'
run('b.g shadows', b)
run('a unaffected', a)
del b.g
run('del b.g', b)
b.scale = 10
run('b.scale shadows', b)
run('a.scale still the class', a)
b.__dict__['f'] = lambda: 'f through __dict__'
run('__dict__ shadows', b)



# Shadowing through an instance's __dict__, with a name nothing else stores.
class D:
    def only_here(self):
        return 'D.only_here'


def call_only_here(o):
    return o.only_here()


d1 = D()
d2 = D()
print('dict before', [call_only_here(d1) for _ in range(3)])
d2.__dict__['only_here'] = lambda: 'd2 via __dict__'
print('dict after', [call_only_here(o) for o in (d1, d2, d1, d2)])


# A method added to a class under an instance attribute of the same name.
class E:
    pass


def call_late(o):
    return o.late()


e1 = E()
e1.late = lambda: 'e1 instance late'
E.late = lambda self: 'E.late'
e2 = E()
print('late', [call_late(o) for o in (e2, e2, e1, e2, e1)])


# A class counter: the class constant is read through self, then shadowed.
class Counter:
    count = 0

    def bump(self):
        self.count += 1
        return self.count


def bump_all(c, n):
    total = 0
    for _ in range(n):
        total += c.bump()
    return total


c1 = Counter()
print('counter', bump_all(c1, 5), c1.count, Counter.count)
c2 = Counter()
print('counter 2', bump_all(c2, 3), c2.count, Counter.count)


# A property added to the class after instances stored the name.
class P:
    def __init__(self):
        self.v = 'instance v'


def load_v(o):
    return o.v


def store_v(o, value):
    o.v = value


p = P()
for _ in range(3):
    store_v(p, 'stored')
print('before property', load_v(p), load_v(p))
P.v = property(lambda self: 'from property', lambda self, value: print('setter got', value))
print('after property', load_v(p), load_v(p))
store_v(p, 'to setter')
store_v(p, 'to setter again')
del P.v
print('property deleted', load_v(p))


# __getattr__ added later: found attributes never call it, missing ones do.
class G:
    def __init__(self):
        self.here = 'here'


def load_here(o):
    return o.here


def load_missing(o):
    try:
        return o.missing
    except AttributeError:
        return 'AttributeError'


g = G()
print('getattr before', [load_here(g) for _ in range(3)], [load_missing(g) for _ in range(3)])
G.__getattr__ = lambda self, name: 'getattr(' + name + ')'
print('getattr after', [load_here(g) for _ in range(3)], [load_missing(g) for _ in range(3)])


# __setattr__ and __delattr__ added later.
class S:
    pass


def store_s(o, value):
    o.field = value


s = S()
for i in range(3):
    store_s(s, i)
print('setattr before', s.field)


def logging_setattr(self, name, value):
    print('__setattr__', name, value)
    object.__setattr__(self, name, value * 100)


S.__setattr__ = logging_setattr
for i in range(2):
    store_s(s, i + 5)
print('setattr after', s.field)
del S.__setattr__
store_s(s, 7)
print('setattr removed', s.field)


def delete_field(o):
    del o.field


S.__delattr__ = lambda self, name: print('__delattr__', name)
delete_field(s)
print('still there', s.field)
del S.__delattr__
delete_field(s)
print('deleted', [load_missing(s) for _ in range(2)], hasattr(s, 'field'))


# Static and class methods, and methods reached through super().
class M:
    tag = 'M'

    @staticmethod
    def st(x):
        return ('static', x)

    @classmethod
    def cm(cls, x):
        return (cls.tag, x)

    def plain(self):
        return 'M.plain'


class N(M):
    tag = 'N'

    def plain(self):
        return 'N.plain+' + super().plain()


def call_all(o):
    return (o.st(1), o.cm(2), o.plain())


for o in (M(), N(), M(), N()):
    print('methods', call_all(o), call_all(o))
M.st = staticmethod(lambda x: ('new static', x))
print('methods changed', call_all(N()), call_all(M()))
