# RUN: %python %tools/run_e2e.py %taipan %s
# del of names, subscripts, slices and attributes.
x = 1
del x
try:
    x
except NameError:
    print('x gone')
l = list(range(10))
del l[0]
del l[-1]
del l[2:4]
del l[1:2]
print(l)
d = {'a': 1, 'b': 2}
del d['a']
print(d)
class C: pass
c = C(); c.v = 1; c.w = 2
del c.v
print(hasattr(c, 'v'), c.w)
a, b = 1, 2
del a, b
def g():
    y = 5
    del y
    try:
        print(y)
    except NameError:
        print('local gone')
g()
