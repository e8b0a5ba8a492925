# RUN: %python %tools/run_e2e.py %taipan %s
# **kwargs is a fresh dict; keyword argument names and values.
def f(**kw):
    kw['added'] = True
    return kw
d = {'x': 1}
r = f(**d)
print(sorted(r.items()), d)
def g(a, **kw):
    return a, sorted(kw.items())
print(g(1, b=2, c=3), g(a=0), g(**{'a': 5, 'z': 6}))
def h(*, key):
    return key
print(h(**{'key': 'v'}))
