# RUN: %python %tools/run_e2e.py %taipan %s
# Taipan resolves attributes through the C3 MRO, as CPython does; for this
# diamond it finds C.who (MicroPython resolves depth-first and finds A.who).
class A:
    def who(self):
        return 'A'
class B(A):
    pass
class C(A):
    def who(self):
        return 'C'
class D(B, C):
    pass
print(D().who())
