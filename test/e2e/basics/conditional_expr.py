# RUN: %python %tools/run_e2e.py %taipan %s
# Conditional expressions and walrus.
for v in range(-2, 3):
    print(v, 'neg' if v < 0 else 'zero' if v == 0 else 'pos')
data = [3, 8, 1, 9]
if (n := len(data)) > 3:
    print('long', n)
while (v := data.pop()) != 8:
    print('popped', v)
print(data, v)
print([y for x in range(5) if (y := x * x) % 2])
