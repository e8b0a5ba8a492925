# RUN: %python %tools/run_e2e.py %taipan %s
# yield as an expression in various positions.
def g():
    a = yield
    print('a', a)
    b = (yield a * 2) + 1
    print('b', b)
    c = [(yield), (yield)]
    print('c', c)
    yield sum(c)
it = g()
next(it)
print(it.send(5))
print(it.send(9))
print(it.send('x') if False else it.send(1))
print(it.send(2))
