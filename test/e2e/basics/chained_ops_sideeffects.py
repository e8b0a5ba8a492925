# RUN: %python %tools/run_e2e.py %taipan %s
# Evaluation order: left to right for operands, arguments, and subscripts.
log = []
def v(name, value):
    log.append(name)
    return value
r = v('a', 1) + v('b', 2) * v('c', 3)
print(r, log)
log.clear()
d = {}
d[v('key', 'k')] = v('value', 1)
print(log)
log.clear()
def f(*args):
    return args
f(v('x', 1), v('y', 2), z=v('z', 3)) if False else f(v('x', 1), v('y', 2))
print(log)
log.clear()
[v('l1', 1), v('l2', 2)][v('i', 0)]
print(log)
