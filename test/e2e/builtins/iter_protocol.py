# RUN: %python %tools/run_e2e.py %taipan %s
# iter() with sentinel, next() on exhausted iterators, StopIteration.
it = iter([10, 20])
print(next(it), next(it))
try:
    next(it)
except StopIteration:
    print('StopIteration')
s = iter('ab')
print(iter(s) is s, list(s), list(s))
d = iter({'k': 1})
print(next(d))
