# RUN: %python %tools/run_e2e.py %taipan %s
# Comprehension scoping: the first iterable is evaluated in the enclosing scope.
class C:
    items = [1, 2, 3]
    doubled = [x * 2 for x in items]
print(C.doubled)
def f():
    y = 10
    return [x + y for x in range(3)], {x: y for x in 'a'}, list(x * y for x in (1,))
print(f())
def g():
    fs = [lambda: i for i in range(3)]
    return [h() for h in fs]
print(g())
n = 5
print([[n for _ in range(2)] for n in range(2)], n)
