# RUN: %python %tools/run_e2e.py %taipan %s
# Return of multiple values, early returns, implicit None.
def divmod2(a, b):
    return a // b, a % b
q, r = divmod2(17, 5)
print(q, r, divmod2(9, 3))
def first_neg(xs):
    for x in xs:
        if x < 0:
            return x
print(first_neg([1, -2, -3]), first_neg([1]))
def nothing():
    return
print(nothing())
def nested_return(n):
    while True:
        for i in range(n):
            if i == 3:
                return 'found', i
        return 'none'
print(nested_return(10), nested_return(2))
