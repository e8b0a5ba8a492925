# RUN: %python %tools/run_e2e.py %taipan %s
# An exception unwinds many frames, running each frame's finally.
def dive(n):
    try:
        if n == 0:
            raise RuntimeError('bottom')
        dive(n - 1)
    finally:
        print('unwind', n)
try:
    dive(4)
except RuntimeError as e:
    print('caught', e.args[0])
def recurse_catch(n):
    if n == 0:
        raise KeyError(n)
    try:
        recurse_catch(n - 1)
    except KeyError as e:
        if n < 3:
            raise KeyError(n)
        return 'stopped at %d after %s' % (n, e.args)
print(recurse_catch(5))
