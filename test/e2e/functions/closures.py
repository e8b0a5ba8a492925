# RUN: %python %tools/run_e2e.py %taipan %s
# Closures capture variables by cell, not by value.
def make_counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c1, c2 = make_counter(), make_counter()
print(c1(), c1(), c1(), c2())
def adders():
    fs = []
    for i in range(3):
        fs.append(lambda x: x + i)
    return fs
print([f(10) for f in adders()])
def adders_bound():
    return [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in adders_bound()])
def outer():
    x = 'before'
    def show():
        return x
    x = 'after'
    return show
print(outer()())
