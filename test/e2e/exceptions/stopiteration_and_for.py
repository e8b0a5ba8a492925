# RUN: %python %tools/run_e2e.py %taipan %s
# Custom iterators end for loops by raising StopIteration.
class Count:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(list(Count(4)))
for x in Count(2):
    print('x', x)
print(sum(Count(5)), sorted(Count(3)))
