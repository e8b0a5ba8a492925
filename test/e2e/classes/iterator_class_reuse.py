# RUN: %python %tools/run_e2e.py %taipan %s
# Iterables that return fresh iterators versus iterators that are exhausted.
class Evens:
    def __init__(self, limit):
        self.limit = limit
    def __iter__(self):
        n = 0
        while n < self.limit:
            yield n
            n += 2
e = Evens(7)
print(list(e), list(e), [x for x in e if x > 2])
it = iter(e)
print(next(it), list(it), list(it))
print(list(zip(Evens(5), Evens(9))), dict(zip('abc', Evens(10))) == {'a': 0, 'b': 2, 'c': 4})
