# RUN: %python %tools/run_e2e.py %taipan %s
# while/else with break inside try, and loops driven by iterators.
it = iter([3, 5, 8, 9])
while True:
    try:
        v = next(it)
    except StopIteration:
        print('exhausted')
        break
    if v % 2 == 0:
        print('even found', v)
        continue
    print('odd', v)
n = 10
while n > 0:
    n -= 3
    try:
        if n == 1:
            break
    finally:
        print('finally n =', n)
else:
    print('else not expected')
print('end', n)
