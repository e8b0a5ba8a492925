# RUN: %python %tools/run_e2e.py %taipan %s
# .exp: MicroPython's exception repr keeps a trailing comma for one argument, and
# str(KeyError('k')) is the bare key (CPython: ValueError('x') and 'k').
print(repr(ValueError('x')), repr(KeyError('k')), str(KeyError('k')))
print(repr(Exception()), repr(RuntimeError(1, 2)))
try:
    {}['missing']
except KeyError as e:
    print(repr(e), e.args)
