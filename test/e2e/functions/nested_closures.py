# RUN: %python %tools/run_e2e.py %taipan %s
# Several levels of nesting, cells shared between sibling closures.
def level1():
    a = 1
    def level2():
        b = 2
        def level3():
            return a + b
        return level3
    return level2()
print(level1()())
def pair():
    value = [0]
    shared = 10
    def get():
        return shared
    def put(v):
        nonlocal shared
        shared = v
    return get, put
g, p = pair()
print(g()); p(42); print(g())
def param_cell(x):
    def f():
        return x * 2
    x += 1
    return f
print(param_cell(5)())
def deep(n):
    if n == 0:
        return lambda: 'bottom'
    inner = deep(n - 1)
    return lambda: str(n) + inner()
print(deep(4)())
