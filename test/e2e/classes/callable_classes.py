# RUN: %python %tools/run_e2e.py %taipan %s
# Classes and bound methods as callables passed to higher-order functions.
class Scale:
    def __init__(self, k):
        self.k = k
    def apply(self, x):
        return x * self.k
print(list(map(Scale(3).apply, [1, 2, 3])), list(map(Scale, [1, 2]))[1].k)
print(sorted(['bb', 'a', 'ccc'], key=str.__len__ if hasattr(str, '__len__') else len))
makers = [int, str, list]
print([m() for m in makers], [m('7') if m is not list else m('7') for m in makers])
