# RUN: %python %tools/run_e2e.py %taipan %s
# Generator expressions are lazy and single-use.
def src():
    for i in range(4):
        print('produce', i)
        yield i
g = (x * 10 for x in src())
print('created')
print(next(g))
print(list(g))
print(list(g))
print(sum(x for x in range(10) if x & 1))
print(list(x + y for x in 'ab' for y in 'cd'))
print(tuple(i for i in range(3)), sorted(set(i % 2 for i in range(5))))
gen = (i for i in [1, 2])
print(type(gen).__name__)
