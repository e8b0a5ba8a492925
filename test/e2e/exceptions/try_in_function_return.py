# RUN: %python %tools/run_e2e.py %taipan %s
# Return values chosen by try/except/else/finally combinations.
def f(x):
    try:
        if x == 0:
            raise ValueError
        r = 'try'
    except ValueError:
        return 'except'
    else:
        return r + '+else'
    finally:
        print('finally for', x)
print(f(0), f(1))
def g(x):
    result = []
    try:
        result.append('try')
        if x:
            return result
    finally:
        result.append('finally')
    result.append('after')
    return result
print(g(True), g(False))
def h():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
print(h())
