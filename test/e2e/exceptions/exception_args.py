# RUN: %python %tools/run_e2e.py %taipan %s
# Exception args and str() for zero, one and several arguments.
for exc in (Exception(), Exception('one'), Exception('a', 2), ValueError(42), KeyboardInterrupt()):
    print(type(exc).__name__, exc.args, '[' + str(exc) + ']')
e = RuntimeError('msg')
print(e.args[0], len(e.args))
class WithArgs(Exception):
    def __init__(self, x):
        self.x = x
        super().__init__('custom', x)
w = WithArgs(5)
print(w.x, w.args, str(w))
print(str(Exception(['list'])), str(Exception(3.5)))
