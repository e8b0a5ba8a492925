# RUN: %python %tools/run_e2e.py %taipan %s
# dict keys/values/items views: len, membership, iteration after updates.
d = {'a': 1, 'b': 2}
ks, vs, its = d.keys(), d.values(), d.items()
d['c'] = 3
print(len(ks), len(vs), len(its), 'c' in ks, ('a', 1) in its if hasattr(its, '__contains__') else True)
print(sorted(ks), sorted(vs), sorted(its))
total = 0
for k, v in d.items():
    total += len(k) * v
print(total)
print(sorted(k for k in d if d[k] > 1))
