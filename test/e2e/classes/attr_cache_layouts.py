# RUN: %python %tools/run_e2e.py %taipan %s
# Attribute caches of native code against changing layouts: instance dicts
# in different orders, grown, rebuilt and with deleted attributes; several
# classes at one site; instances of builtin-type subclasses; builtin
# objects' methods; classes collected and new classes made in their place.
import gc


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Reversed:
    def __init__(self, x, y):
        self.y = y
        self.x = x


def get_x(o):
    return o.x


def set_x(o, v):
    o.x = v


def sum_x(objs):
    total = 0
    for o in objs:
        total += get_x(o)
    return total


# Different positions of x, several classes at one site.
objs = [Point(1, 2), Reversed(10, 20), Point(100, 0), Reversed(1000, 0)]
print('polymorphic', sum_x(objs), sum_x(objs))

# The dict grows (rebuilt with new positions) after the cache was filled.
p = Point(5, 6)
print('before growth', get_x(p), get_x(p))
for i in range(40):
    setattr(p, 'extra%d' % i, i)
print('after growth', get_x(p), get_x(p), p.extra39)
set_x(p, 7)
set_x(p, 8)
print('stored after growth', get_x(p))

# Deleted and re-added: the position changes.
q = Point(3, 4)
print('before del', get_x(q), get_x(q))
del q.x
try:
    get_x(q)
except AttributeError:
    print('deleted x: AttributeError')
set_x(q, 9)
print('re-added', get_x(q), get_x(q), sorted(q.__dict__.items()))
del q.y
set_x(q, 11)
print('after del y', get_x(q), sorted(q.__dict__.items()))


# Stores that add new keys (constructors) and replace existing ones.
class Bag:
    pass


def fill(bag, n):
    for i in range(n):
        bag.a = i
        bag.b = i * 2
    return bag.a + bag.b


bags = [Bag() for _ in range(3)]
print('bags', [fill(b, 3) for b in bags], [sorted(b.__dict__.items()) for b in bags])


# Instances of builtin-type subclasses: their methods work on the native part.
class MyList(list):
    def __init__(self, items):
        super().__init__(items)
        self.tag = 'mine'

    def total(self):
        return sum(self)


class LoudList(list):
    def append(self, x):
        print('LoudList.append', x)
        list.append(self, x * 10)


def use_list(lst):
    for i in range(3):
        lst.append(i)
    return lst


print('list', use_list([]), use_list([7]))
m = MyList([1, 2])
print('MyList', use_list(m), m.total(), m.tag,)
print('LoudList', use_list(LoudList()))
print('list again', use_list([]))


class MyError(Exception):
    def __init__(self, msg):
        super().__init__(msg)
        self.code = 42


def error_info(e):
    return (e.args, e.code)


for _ in range(3):
    print('error', error_info(MyError('boom')))


# Builtin objects' methods at one call site, strings heap and interned.
def call_upper(s):
    return s.upper()


def call_get(d, k):
    return d.get(k, 'missing')


words = ['abc', 'x' * 3, ''.join(['d', 'e', 'f'])]
print('str', [call_upper(w) for w in words], [call_upper(w) for w in words])
print('dict', [call_get({'a': 1}, k) for k in 'ab'], call_get({}, 'a'))


class HasUpper:
    def upper(self):
        return 'HasUpper.upper'


print('mixed', [call_upper(o) for o in ['q', HasUpper(), 'r', HasUpper()]])


# Classes made and collected in a loop: a new class may take a dead one's
# address, with other attributes at other positions.
def make_class(i):
    if i % 2:
        class K:
            def __init__(self):
                self.first = 'odd first'
                self.x = i

            def m(self):
                return 'odd m %d' % self.x
    else:
        class K:
            def __init__(self):
                self.x = i
                self.second = 'even'

            def m(self):
                return 'even m %d' % self.x
    return K


def use_class(k):
    o = k()
    return (get_x(o), o.m())


results = []
for i in range(30):
    results.append(use_class(make_class(i)))
    gc.collect()
print('classes', results[:4], results[-2:], len(results))
