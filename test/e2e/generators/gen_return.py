# RUN: %python %tools/run_e2e.py %taipan %s
# return in a generator sets StopIteration.value.
def g():
    yield 1
    return 'result'
it = g()
next(it)
try:
    next(it)
except StopIteration as e:
    print('value', e.value, e.args)
def empty_return():
    return
    yield
try:
    next(empty_return())
except StopIteration as e:
    print('value', e.value)
def early(n):
    for i in range(n):
        if i == 2:
            return i * 100
        yield i
gen = early(5)
print(list(gen))
