# RUN: %python %tools/run_e2e.py %taipan %s
# for loops over many iterables with else, break, continue, nested loops.
for x in [1, 2, 3]:
    if x == 5:
        break
else:
    print('not found')
for x in range(10):
    if x == 4:
        print('found', x)
        break
else:
    print('unreachable')
for i in range(3):
    for j in range(3):
        if j == i:
            continue
        if j > 1:
            break
        print(i, j)
for ch in 'hi':
    print(ch)
for k in {'only': 1}:
    print(k)
for _ in ():
    print('never')
total = 0
for i in range(100):
    total += i
print(total, i)
l = [1, 2, 3]
for v in l:
    if v == 1:
        l.append(4)
print(l)
