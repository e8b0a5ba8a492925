# RUN: %python %tools/run_e2e.py %taipan %s
# Builtins called as methods and through globals, next to names a program
# defines or shadows: the runtime's lookups skip work for names a dict
# cannot hold, and call builtin methods without building argument arrays.
d = {'a': 1}
print(d.get('a'), d.get('b'), d.get('b', 5), d.setdefault('c', 3), d.pop('a'), d)
try:
    d.get()
except TypeError:
    print('TypeError get()')
try:
    d.get('a', 1, 2)
except TypeError:
    print('TypeError get(3)')
l = [3, 1, 2]
l.sort()
print(l, l.index(2), 'a-b-c'.split('-'), ' x '.strip(), 'ab'.startswith('a'))


def uses_builtins(s):
    return [chr(ord(c) + 1) for c in s], len(s), max(s)


print(uses_builtins('abc'))
len = lambda s: 42  # a global now shadows the builtin
print(uses_builtins('abc'))
del len
print(uses_builtins('xyz'))


class A:
    pass


a = A()
for word in ['x', 'y', 'x', 'z', 'x']:
    setattr(a, word, getattr(a, word, 0) + 1)
print(a.x, a.y, a.z, getattr(a, 'w', None), hasattr(a, 'x'), hasattr(a, 'w'))
name = 'dyn' + 'amic'
setattr(a, name, 1)
print(a.dynamic, getattr(a, 'dynamic'), sorted(a.__dict__))
