# RUN: %python %tools/run_e2e.py %taipan %s
# and/or/not short-circuit and return operands.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or 'x', '' and 'y')
print(not 0, not 1, not [], not [0], not None)
def t(v):
    print('t', v)
    return v
print(t(0) and t(1))
print(t(1) or t(2))
print(t(0) or t(0) or t(3))
print(bool(0), bool(1), bool(''), bool('a'), bool(()), bool({}), bool(0.0), bool(0j))
print(True + True, True * 3, False - 1, int(True))
