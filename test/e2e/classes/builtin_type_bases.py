# RUN: %python %tools/run_e2e.py %taipan %s
# Builtin types have __bases__ and __mro__ too, from their base chain.
print(object.__bases__, int.__bases__, bool.__bases__, list.__bases__)
print(bool.__mro__, object.__mro__, KeyError.__mro__)
print(hasattr(object, "__bases__"), type(str.__mro__) is tuple)


class A(dict):
    pass


print(A.__bases__, [c.__name__ for c in A.__mro__])
