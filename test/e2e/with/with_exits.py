# RUN: %python %tools/run_e2e.py %taipan %s
# return/break/continue inside with blocks still call __exit__.
class CM:
    def __init__(self, tag):
        self.tag = tag
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        print('exit', self.tag, exc[0] is None)
def f():
    with CM('return'):
        return 'returned'
print(f())
for i in range(3):
    with CM('loop %d' % i):
        if i == 0:
            continue
        if i == 1:
            break
print('loop done')
def nested():
    with CM('outer'):
        with CM('inner'):
            return 'nested'
print(nested())
def gen():
    with CM('gen'):
        yield 1
        yield 2
for v in gen():
    print('gen', v)
