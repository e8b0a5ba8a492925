# RUN: %python %tools/run_e2e.py %taipan %s
# Nested try blocks, exceptions inside handlers and finally.
def f():
    try:
        try:
            raise ValueError('inner')
        except ValueError:
            print('handling inner')
            raise TypeError('from handler')
        finally:
            print('inner finally')
    except TypeError as e:
        print('outer caught', e.args)
    finally:
        print('outer finally')
f()
def g():
    try:
        try:
            raise KeyError('a')
        finally:
            print('finally sees exception pass')
    except KeyError:
        print('caught after finally')
g()
def h():
    try:
        raise ValueError
    except ValueError:
        try:
            raise IndexError
        except IndexError:
            print('nested handler')
        print('back in first handler')
h()
