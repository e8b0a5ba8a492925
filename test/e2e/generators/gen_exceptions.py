# RUN: %python %tools/run_e2e.py %taipan %s
# Exceptions raised inside generators propagate to the consumer.
def boom():
    yield 1
    raise ValueError('inside')
g = boom()
print(next(g))
try:
    next(g)
except ValueError as e:
    print('caught', e.args)
try:
    next(g)
except StopIteration:
    print('exhausted after exception')
def guarded_loop():
    for i in range(3):
        try:
            if i == 1:
                raise KeyError(i)
            yield i
        except KeyError as e:
            yield 'handled ' + str(e.args[0])
print(list(guarded_loop()))
def gen_running():
    yield next(me)
me = gen_running()
try:
    next(me)
except ValueError:
    print('ValueError: generator already executing')
