# RUN: %python %tools/run_e2e.py %taipan %s
# super() inside classmethods and with multiple levels of overriding.
class A:
    @classmethod
    def make(cls):
        return ['A.make', cls.__name__]
    def greet(self):
        return ['A']
class B(A):
    @classmethod
    def make(cls):
        return super().make() + ['B.make']
    def greet(self):
        return super().greet() + ['B']
class C(B):
    def greet(self):
        return super().greet() + ['C']
print(B.make(), C.make(), C().greet())
