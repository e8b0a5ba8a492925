# RUN: %python %tools/run_e2e.py %taipan %s
# with statements inside generators exit when the generator closes.
class CM:
    def __enter__(self):
        print('enter')
        return self
    def __exit__(self, *a):
        print('exit', a[0].__name__ if a[0] else None)
        return False
def gen():
    with CM():
        yield 1
        yield 2
g = gen()
print(next(g))
g.close()
g2 = gen()
print(next(g2))
try:
    g2.throw(ValueError)
except ValueError:
    print('ValueError out of generator')
print(list(gen()))
