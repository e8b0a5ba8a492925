# RUN: %python %tools/run_e2e.py %taipan %s
# In-place list mutation through aliases, slices and methods.
a = [1, 2, 3]
b = a
c = a[:]
a[0] = 100
b.append(4)
print(a, b, c)
a[1:3] = [20, 30, 40]
print(a, len(a))
del a[1:]
print(a, b)
m = [[]] * 3
m[0].append('shared')
print(m)
n = [[] for _ in range(3)]
n[0].append('own')
print(n)
x = [3, 1, 2]
y = sorted(x)
x.sort()
print(x == y, x is y)
z = list(range(5))
z[-2:] = []
z.insert(1, 'i')
print(z, z.index('i'))
