# RUN: %python %tools/run_e2e.py %taipan %s
# Comparison operators, chaining and identity.
print(1 < 2, 2 < 1, 1 <= 1, 2 >= 3, 1 == 1.0, 1 != 2)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0, 1 == 1 == 1.0)
x = [1, 2]
y = x
z = [1, 2]
print(x is y, x is z, x == z, x is not z, None is None)
print('abc' < 'abd', 'a' < 'ab', (1, 2) < (1, 3), [1, 2] < [1, 2, 0])
print(2 in x, 3 in x, 3 not in x, 'b' in 'abc')
def f(v):
    print('eval', v)
    return v
print(f(1) < f(2) < f(0) < f(5))
