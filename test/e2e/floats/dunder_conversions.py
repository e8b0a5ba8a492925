# RUN: %python %tools/run_e2e.py %taipan %s
# %-formatting's %e/%f/%g take an object's __float__, as float() does;
# complex() takes __complex__ (which must return a complex) before
# __float__.


class F:
    def __float__(self):
        return 2.5


class C:
    def __complex__(self):
        return 3 + 4j


class Both:
    def __complex__(self):
        return 1j

    def __float__(self):
        return 9.0


class BadComplex:
    def __complex__(self):
        return 6


print("%.2f %e %g" % (F(), F(), F()), "%5.1f|" % F())
print(complex(F()), complex(C()), complex(Both()), float(Both()), complex(C(), 1))
for bad in (BadComplex(), object()):
    try:
        complex(bad)
    except TypeError:
        print("TypeError", type(bad).__name__)
try:
    "%f" % object()
except TypeError:
    print("TypeError %f")
