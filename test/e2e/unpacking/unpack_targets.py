# RUN: %python %tools/run_e2e.py %taipan %s
# Unpacking into attributes, subscripts and starred targets in for loops.
class O:
    pass
o = O()
d = {}
l = [0, 0, 0]
o.a, d['k'], l[1] = 1, 2, 3
print(o.a, d, l)
l[0], l[2] = l[2], l[0] + 10
print(l)
for i, (name, *vals) in enumerate([('a', 1, 2), ('b',)]):
    print(i, name, vals)
o.x, *o.rest = [1, 2, 3]
print(o.x, o.rest)
