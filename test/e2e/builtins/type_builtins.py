# RUN: %python %tools/run_e2e.py %taipan %s
# isinstance, issubclass, type, callable, id-free identity checks.
print(isinstance(1, int), isinstance(True, bool), isinstance(1.0, int), isinstance('a', (int, str)))
print(issubclass(bool, object), issubclass(int, object), issubclass(KeyError, LookupError), issubclass(ValueError, (TypeError, Exception)))
print(type(1) is int, type('') is str, type([]).__name__, type(()).__name__, type({}).__name__, type(set()).__name__)
print(callable(len), callable(1), callable(lambda: 0), callable(int))
class A: pass
class B(A): pass
print(isinstance(B(), A), issubclass(B, A), issubclass(A, B), type(B()).__name__)
print(int, str, type(None).__name__)
