# RUN: %python %tools/run_e2e.py %taipan %s
# Exceptions from __init__, properties and special methods.
class Strict:
    def __init__(self, v):
        if v < 0:
            raise ValueError('negative')
        self.v = v
    @property
    def inverse(self):
        return 1 / self.v
    def __getitem__(self, i):
        raise IndexError('no items')
for v in (2, 0, -1):
    try:
        s = Strict(v)
        print('made', v, s.inverse)
    except ValueError as e:
        print('init failed', e.args)
    except ZeroDivisionError:
        print('property failed for', v)
try:
    Strict(1)[0]
except IndexError as e:
    print('getitem failed', e.args)
