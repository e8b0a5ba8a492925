# RUN: %python %tools/run_e2e.py %taipan %s
# None, Ellipsis and NotImplemented singletons.
print(None, type(None).__name__, None == None, None is None)
print(..., Ellipsis is ...)
print(NotImplemented is NotImplemented)
def f():
    pass
print(f())
print(repr(None), str(None))
