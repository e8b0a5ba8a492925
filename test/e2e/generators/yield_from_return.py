# RUN: %python %tools/run_e2e.py %taipan %s
# yield from collects return values from a chain of subgenerators.
def leaf(n):
    total = 0
    for i in range(n):
        total += yield i
    return total
def middle():
    a = yield from leaf(2)
    b = yield from leaf(3)
    return a + b
def top():
    r = yield from middle()
    yield 'total %d' % r
g = top()
out = [next(g)]
try:
    while True:
        out.append(g.send(10))
except StopIteration:
    pass
print(out)
def delegate_to_list():
    r = yield from [1, 2]
    yield r
print(list(delegate_to_list()))
