# RUN: %python %tools/run_e2e.py %taipan %s
# Generators closing over variables of the enclosing function.
def make(prefix):
    count = 0
    def gen(items):
        nonlocal count
        for x in items:
            count += 1
            yield prefix + str(x)
    def seen():
        return count
    return gen, seen
gen, seen = make('#')
print(list(gen([1, 2])), seen())
print(next(gen('ab')), seen())
def counter():
    n = 0
    while True:
        n += 1
        yield lambda: n
fs = counter()
f1 = next(fs)
f2 = next(fs)
print(f1(), f2())
