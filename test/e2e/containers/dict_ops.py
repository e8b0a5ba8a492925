# RUN: %python %tools/run_e2e.py %taipan %s
# dict iteration, equality, nesting and keys of many types.
d = {1: 'int', 'one': 'str', (1,): 'tuple', 2.5: 'float', None: 'none', True: 'bool?'}
print(len(d), d[1], d[(1,)], d[None], d[2.5])
print({1: 2} == {1: 2}, {1: 2} != {1: 3}, {} == {})
total = 0
for k in {10: 1, 20: 2}:
    total += k
print(total)
nested = {'a': {'b': {'c': 1}}}
nested['a']['b']['d'] = 2
print(sorted(nested['a']['b'].items()))
inv = {v: k for k, v in {'x': 1, 'y': 2}.items()}
print(sorted(inv.items()))
counts = {}
for ch in 'mississippi':
    counts[ch] = counts.get(ch, 0) + 1
print(sorted(counts.items()))
print({'k': [1, 2]})
d2 = dict(zip('abc', range(3)))
del d2['b']
print(sorted(d2.items()), list({5: 0}.items()))
