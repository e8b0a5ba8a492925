# RUN: %python %tools/run_e2e.py %taipan %s
# break and continue from except and finally blocks inside nested loops.
out = []
for i in range(3):
    for j in range(3):
        try:
            if j == 1:
                raise ValueError
            out.append((i, j))
        except ValueError:
            if i == 1:
                break
            continue
        finally:
            out.append('f')
print(out)
n = 0
while n < 5:
    n += 1
    try:
        if n % 2:
            continue
    finally:
        out.append(n)
print(out[-5:])
