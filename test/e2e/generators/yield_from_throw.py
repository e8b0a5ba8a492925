# RUN: %python %tools/run_e2e.py %taipan %s
# throw() and close() are forwarded through yield from.
def inner():
    try:
        yield 1
        yield 2
    except ValueError:
        print('inner handled ValueError')
        yield 'after-value-error'
    finally:
        print('inner finally')
def outer():
    try:
        yield from inner()
    finally:
        print('outer finally')
g = outer()
print(next(g))
print(g.throw(ValueError))
g.close()
h = outer()
next(h)
try:
    h.throw(TypeError('t'))
except TypeError as e:
    print('escaped', e.args)
