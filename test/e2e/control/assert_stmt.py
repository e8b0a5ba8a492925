# RUN: %python %tools/run_e2e.py %taipan %s
# assert with and without a message.
assert True
assert 1 == 1, 'not shown'
try:
    assert 1 == 2
except AssertionError as e:
    print('AssertionError', e.args)
try:
    assert [], 'empty list ' + str(42)
except AssertionError as e:
    print('AssertionError', e.args)
def check(x):
    assert x > 0, x
    return x
print(check(3))
try:
    check(-1)
except AssertionError as e:
    print('failed with', e.args[0])
