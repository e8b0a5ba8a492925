# RUN: %python %tools/run_e2e.py %taipan %s
# Builtin types have __bases__ and __mro__ too, from their base chain, and
# a __dict__ of their methods.
print(object.__bases__, int.__bases__, bool.__bases__, list.__bases__)
print(bool.__mro__, object.__mro__, KeyError.__mro__)
print(hasattr(object, "__bases__"), type(str.__mro__) is tuple)
print("from_bytes" in int.__dict__, "append" in list.__dict__, "keys" in dict.__dict__, "nope" in str.__dict__)


class A(dict):
    pass


print(A.__bases__, [c.__name__ for c in A.__mro__])
