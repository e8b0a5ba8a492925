# RUN: %python %tools/run_e2e.py %taipan %s
# A loop that crosses the small-int limit on 32- and 64-bit targets.
x = 1
steps = 0
while x < 2 ** 70:
    x *= 3
    steps += 1
print(steps, x)
y = 2 ** 62 - 5
for _ in range(10):
    y += 1
print(y, y - 2 ** 62)
z = -(2 ** 62) + 3
for _ in range(6):
    z -= 1
print(z)
