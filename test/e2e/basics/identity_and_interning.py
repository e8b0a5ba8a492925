# RUN: %python %tools/run_e2e.py %taipan %s
# Identity of singletons and small values that both dialects guarantee.
a = None
print(a is None, True is True, () == (), type(None)() is None if False else True)
x = [1]
y = x
y.append(2)
print(x, x is y)
def f(l=[]):
    return l
print(f() is f())
s = {}
t = s
t['k'] = 'v'
print(s)
