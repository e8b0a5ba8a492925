# RUN: %python %tools/run_e2e.py %taipan %s
# A context manager that suppresses only some exception types.
class Ignore:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        if t is not None and issubclass(t, self.types):
            print('ignored', t.__name__)
            return True
        return False
with Ignore(KeyError, IndexError):
    {}['x']
with Ignore(KeyError, IndexError):
    [][0]
try:
    with Ignore(KeyError):
        1 / 0
except ZeroDivisionError:
    print('ZeroDivisionError escaped')
def early():
    with Ignore(ValueError):
        raise ValueError
    return 'after with'
print(early())
