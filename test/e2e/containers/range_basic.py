# RUN: %python %tools/run_e2e.py %taipan %s
# range objects: iteration, len, indexing, slicing, membership.
print(list(range(5)), list(range(2, 8)), list(range(10, 0, -3)), list(range(0)))
r = range(3, 20, 4)
print(len(r), r[0], r[-1], r[1], 7 in r, 8 in r)
print(list(r[1:3]), list(range(10)[::-2]))
print(r.start, r.stop, r.step)
print(len(range(-5)), sum(range(101)))
print(list(range(-3, 3)), list(range(5, -5, -2)))
try:
    range(1, 2, 0)
except ValueError:
    print('ValueError')
print(range(4), range(1, 9, 2))
