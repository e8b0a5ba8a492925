# RUN: %python %tools/run_e2e.py %taipan %s
# An exception raised by __exit__ replaces the body's exception.
class Bad:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        raise RuntimeError('from exit, body raised %s' % (t.__name__ if t else None))
for body_raises in (False, True):
    try:
        with Bad():
            if body_raises:
                raise ValueError
    except RuntimeError as e:
        print(e.args[0])
    except ValueError:
        print('ValueError leaked')
