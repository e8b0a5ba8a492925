# RUN: %python %tools/run_e2e.py %taipan %s
# Closures created in loops share the loop variable's cell per function scope.
def make():
    fs = []
    i = 0
    while i < 3:
        def f(j=i):
            return (i, j)
        fs.append(f)
        i += 1
    return fs
print([f() for f in make()])
def counters():
    result = {}
    for name in ('a', 'b'):
        def inc(name=name):
            result[name] = result.get(name, 0) + 1
            return result[name]
        result[name + '_fn'] = inc
    return result
c = counters()
c['a_fn'](); c['a_fn'](); c['b_fn']()
print(c['a'], c['b'])
