# RUN: %python %tools/run_e2e.py %taipan %s
# try/except/else/finally ordering.
def attempt(x):
    try:
        print(' try', x)
        r = 10 // x
    except ZeroDivisionError:
        print(' except')
        r = None
    else:
        print(' else')
    finally:
        print(' finally')
    return r
print(attempt(2))
print(attempt(0))
try:
    raise ValueError('v')
except (TypeError, ValueError) as e:
    print('tuple match', type(e).__name__)
try:
    raise KeyError('k')
except LookupError as e:
    print('base match', type(e).__name__)
try:
    try:
        raise IndexError
    except KeyError:
        print('wrong')
except IndexError:
    print('outer caught')
try:
    [][1]
except Exception:
    print('bare Exception')
try:
    raise RuntimeError
except:
    print('bare except')
