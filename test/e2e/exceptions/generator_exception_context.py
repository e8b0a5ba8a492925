# RUN: %python %tools/run_e2e.py %taipan %s
# Exceptions inside generator expressions and comprehensions propagate.
def risky(x):
    if x == 3:
        raise ValueError(x)
    return x
try:
    print([risky(x) for x in range(5)])
except ValueError as e:
    print('list comp raised', e.args)
g = (risky(x) for x in range(5))
got = []
try:
    for v in g:
        got.append(v)
except ValueError:
    print('genexp raised after', got)
try:
    {x: risky(x) for x in range(4)}
except ValueError:
    print('dict comp raised')
