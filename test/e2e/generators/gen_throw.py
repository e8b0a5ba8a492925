# RUN: %python %tools/run_e2e.py %taipan %s
# throw() raises inside the generator at the yield point.
def guarded():
    while True:
        try:
            yield 'ok'
        except ValueError as e:
            print('caught', e.args)
            yield 'recovered'
g = guarded()
print(next(g))
print(g.throw(ValueError('bad')))
print(next(g))
def fragile():
    yield 1
    yield 2
f = fragile()
next(f)
try:
    f.throw(KeyError('k'))
except KeyError as e:
    print('propagated', e.args)
try:
    next(f)
except StopIteration:
    print('finished after throw')
def unstarted():
    yield 1
u = unstarted()
try:
    u.throw(RuntimeError('early'))
except RuntimeError as e:
    print('raised at start', e.args)
