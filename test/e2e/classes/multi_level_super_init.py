# RUN: %python %tools/run_e2e.py %taipan %s
# Cooperative __init__ chains through single inheritance with keyword arguments.
class A:
    def __init__(self, a=0, **kw):
        self.a = a
        print('A init', sorted(kw))
class B(A):
    def __init__(self, b=0, **kw):
        super().__init__(**kw)
        self.b = b
        print('B init')
class C(B):
    def __init__(self, c=0, **kw):
        super().__init__(**kw)
        self.c = c
        print('C init')
obj = C(a=1, b=2, c=3, extra=4)
print(obj.a, obj.b, obj.c)
