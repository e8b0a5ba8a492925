# RUN: %python %tools/run_e2e.py %taipan %s
# map and filter are lazy iterators; they call functions only when consumed.
calls = []
def f(x):
    calls.append(x)
    return x * 10
m = map(f, [1, 2, 3])
print(calls)
print(next(m), calls)
print(list(m), calls)
flt = filter(lambda x: x > 1, [0, 1, 2, 3])
print(next(flt), list(flt), list(flt))
print(list(map(pow, [2, 3], [3, 2])), list(map(len, ['ab', '', 'xyz'])))
print(sorted(map(lambda s: s[::1].upper(), {'b', 'a'})))
