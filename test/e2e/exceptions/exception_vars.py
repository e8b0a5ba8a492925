# RUN: %python %tools/run_e2e.py %taipan %s
# Exception objects as values: stored, compared by type, re-raised later.
caught = []
for exc in (ValueError('a'), KeyError('b'), IndexError('c')):
    try:
        raise exc
    except LookupError as e:
        caught.append(e)
    except ValueError as e:
        caught.append(e)
print([type(e).__name__ for e in caught], [e.args for e in caught])
print(caught[0] is not caught[1], isinstance(caught[1], LookupError))
try:
    raise caught[2]
except IndexError as e:
    print('re-raised stored', e is caught[2])
e = None
try:
    raise TypeError
except TypeError as e:
    pass
print('e' in dir() if False else 'ok')
