# RUN: %python %tools/run_e2e.py %taipan %s
# An exception raised in finally replaces the one in flight.
def f():
    try:
        raise ValueError('first')
    finally:
        raise KeyError('second')
try:
    f()
except KeyError as e:
    print('KeyError', e.args)
except ValueError:
    print('ValueError (wrong)')
def g():
    try:
        return 'value'
    finally:
        print('finally ran')
print(g())
def h():
    for i in range(3):
        try:
            raise ValueError(i)
        except ValueError as e:
            if e.args[0] == 1:
                continue
            print('handled', e.args[0])
        finally:
            print('cleanup', i)
h()
