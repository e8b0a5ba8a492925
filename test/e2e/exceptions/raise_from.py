# RUN: %python %tools/run_e2e.py %taipan %s
# raise ... from ... sets __cause__ in CPython; here we only check what propagates.
class AppError(Exception):
    pass
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise AppError('bad input: ' + s) from e
try:
    parse('xyz')
except AppError as e:
    print('AppError', e.args)
try:
    raise RuntimeError('r') from None
except RuntimeError as e:
    print('from None', e.args)
print(parse('12'))
