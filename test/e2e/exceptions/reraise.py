# RUN: %python %tools/run_e2e.py %taipan %s
# Bare raise re-raises the active exception; the as-name is cleared afterwards.
def f():
    try:
        raise ValueError('original')
    except ValueError:
        print('logging')
        raise
try:
    f()
except ValueError as e:
    print('reraised', e.args)
def g():
    try:
        raise KeyError('x')
    except KeyError as err:
        saved = err
    print(type(saved).__name__)
    try:
        err
    except NameError:
        print('err unbound')
g()
try:
    raise
except RuntimeError:
    print('RuntimeError: no active exception')
def h():
    try:
        raise TypeError('t')
    except TypeError as e:
        exc = e
    raise exc
try:
    h()
except TypeError as e:
    print('raised saved', e.args)
