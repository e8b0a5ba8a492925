# RUN: %python %tools/run_e2e.py %taipan %s
# while loops with break, continue and else.
i = 0
while i < 10:
    i += 1
    if i % 2:
        continue
    if i == 8:
        break
    print('even', i)
else:
    print('no break')
n = 0
while n < 3:
    n += 1
else:
    print('else ran', n)
while True:
    n -= 1
    if n == 0:
        break
print('n', n)
a, b = 0, 1
while b < 100:
    a, b = b, a + b
print(a, b)
