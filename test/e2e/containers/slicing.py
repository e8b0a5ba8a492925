# RUN: %python %tools/run_e2e.py %taipan %s
# List and tuple slicing with steps, negative indices and slice assignment.
l = list(range(10))
print(l[2:8:2], l[::-1], l[::3], l[-3:], l[-1:-5:-1], l[5:1:-2], l[:100], l[50:])
t = tuple(l)
print(t[1:3], t[-2:])
l[2:5] = ['a', 'b']
print(l)
l[:0] = [-1]
print(l)
l[len(l):] = [99, 100]
print(l)
l[1:3] = []
print(l)
