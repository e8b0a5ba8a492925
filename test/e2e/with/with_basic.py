# RUN: %python %tools/run_e2e.py %taipan %s
# with statement: __enter__ result, __exit__ on normal exit and on exception.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print('enter', self.name)
        return self.name * 2
    def __exit__(self, exc_type, exc, tb):
        print('exit', self.name, exc_type.__name__ if exc_type else None, exc.args if exc else None)
        return self.suppress
with CM('a') as v:
    print('body', v)
with CM('b', suppress=True):
    raise ValueError('hidden')
print('after suppressed')
try:
    with CM('c'):
        raise KeyError('visible')
except KeyError as e:
    print('propagated', e.args)
with CM('d'), CM('e') as inner:
    print('two managers', inner)
