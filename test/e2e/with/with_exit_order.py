# RUN: %python %tools/run_e2e.py %taipan %s
# Multiple managers exit in reverse order; exceptions in __enter__.
class Log:
    def __init__(self, n, fail_enter=False):
        self.n = n
        self.fail_enter = fail_enter
    def __enter__(self):
        if self.fail_enter:
            raise RuntimeError('enter failed %d' % self.n)
        print('enter', self.n)
        return self.n
    def __exit__(self, t, v, tb):
        print('exit', self.n, t.__name__ if t else '-')
with Log(1) as a, Log(2) as b, Log(3) as c:
    print('body', a + b + c)
try:
    with Log(4), Log(5, fail_enter=True):
        print('not reached')
except RuntimeError as e:
    print('caught', e.args[0])
