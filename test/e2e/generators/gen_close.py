# RUN: %python %tools/run_e2e.py %taipan %s
# close() raises GeneratorExit; finally blocks run.
def gen():
    try:
        yield 1
        yield 2
    finally:
        print('cleanup')
g = gen()
print(next(g))
g.close()
g.close()
print(list(g))
def catches_exit():
    try:
        yield 1
    except GeneratorExit:
        print('got GeneratorExit')
        raise
c = catches_exit()
next(c)
c.close()
def bad():
    try:
        yield 1
    except GeneratorExit:
        yield 'ignored'
b = bad()
next(b)
try:
    b.close()
except RuntimeError:
    print('RuntimeError')
never = gen()
never.close()
print('closed unstarted')
