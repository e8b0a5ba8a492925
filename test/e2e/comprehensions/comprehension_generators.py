# RUN: %python %tools/run_e2e.py %taipan %s
# Comprehensions over generators, ranges, strings, and consumed iterators.
def gen():
    for i in range(5):
        yield i
it = iter(range(6))
first_half = [x for x, _ in zip(it, range(3))]
print(first_half, list(it))
print([x * x for x in gen() if x != 2], {c for c in 'abca'} == {'a', 'b', 'c'})
print(list(x for x in range(3)), [list(range(n)) for n in range(3)])
evens = (x for x in gen() if x % 2 == 0)
print(next(evens), [v for v in evens])
