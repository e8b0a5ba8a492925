# RUN: %python %tools/run_e2e.py %taipan %s
# Handlers that inspect and transform exceptions.
def convert(f):
    try:
        return f()
    except (KeyError, IndexError) as e:
        raise LookupError('converted ' + type(e).__name__) from e
for f in (lambda: {}['x'], lambda: [][3], lambda: 'fine'):
    try:
        print(convert(f))
    except LookupError as e:
        print(e.args[0], isinstance(e, LookupError))
