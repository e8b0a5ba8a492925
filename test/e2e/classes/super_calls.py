# RUN: %python %tools/run_e2e.py %taipan %s
# super() with and without arguments.
class A:
    def __init__(self):
        self.log = ['A']
    def hello(self):
        return 'A.hello'
class B(A):
    def __init__(self):
        super().__init__()
        self.log.append('B')
    def hello(self):
        return 'B>' + super().hello()
class C(B):
    def __init__(self):
        super(C, self).__init__()
        self.log.append('C')
    def hello(self):
        return 'C>' + super(C, self).hello()
c = C()
print(c.log, c.hello())
class D(C):
    def hello(self):
        inner = lambda: super(D, self).hello()
        return 'D>' + inner()
print(D().hello())
