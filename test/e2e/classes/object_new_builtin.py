# RUN: %python %tools/run_e2e.py %taipan %s
# object.__new__ makes instances of object and of classes; a builtin type
# makes its own (TypeError), also through super() in a subclass of one.
print(type(object.__new__(object)).__name__)
class A:
    pass
print(type(object.__new__(A)).__name__)
for t in (int, str, list):
    try:
        object.__new__(t)
    except TypeError as e:
        print(e)
class M(int):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)
print(M(4) + 1)
