# RUN: %python %tools/run_e2e.py %taipan %s
# dict methods; output sorted so order does not matter.
d = {'a': 1, 'b': 2}
d['c'] = 3
print(len(d), d['a'], d.get('z'), d.get('z', 0), 'b' in d, 'z' not in d)
print(sorted(d.keys()), sorted(d.values()), sorted(d.items()))
print(d.pop('a'), d.pop('zz', 'dflt'), sorted(d))
print(d.setdefault('b', 100), d.setdefault('n', []), sorted(d.items()))
d.update({'x': 9}, y=8)
d.update([('w', 7)])
print(sorted(d.items()))
c = d.copy(); c.clear()
print(c, len(d))
print(sorted(dict.fromkeys('abc', 0).items()))
print(sorted(dict(a=1, b=2).items()), sorted(dict([(1, 2), (3, 4)]).items()))
k, v = {'only': 1}.popitem()
print(k, v)
try:
    d['missing']
except KeyError as e:
    print('KeyError', e.args)
