# RUN: %python %tools/run_e2e.py %taipan %s
# map() and zip() remember nothing when an iterator ends: the next call asks
# the iterators again (an iterator may go on after a StopIteration), as in
# CPython and MicroPython.


class Flaky:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n == 3 or self.n >= 6:
            raise StopIteration
        return self.n


m = map(str, Flaky())
print(list(m), list(m), list(m))
z = zip(Flaky(), "abcdefgh")
print(list(z), list(z), list(z))
m2 = map(lambda a, b: a * b, Flaky(), [10, 20, 30, 40, 50])
print(list(m2), list(m2))
print(list(zip()), list(map(abs, [])))
