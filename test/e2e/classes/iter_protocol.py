# RUN: %python %tools/run_e2e.py %taipan %s
# Classes implementing __iter__/__next__.
class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
print(list(Countdown(5)))
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return Countdown(self.n)
r = Range2(3)
print(list(r), list(r), [x * 2 for x in r], sum(r))
it = iter(Countdown(2))
print(next(it), next(it), next(it, 'done'))
a, b, c = Countdown(3)
print(a, b, c)
