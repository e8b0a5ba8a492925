# RUN: %python %tools/run_e2e.py %taipan %s
# The first matching except clause wins, even when a later one is more specific.
class Base(Exception): pass
class Derived(Base): pass
try:
    raise Derived()
except Base:
    print('Base clause')
except Derived:
    print('Derived clause')
try:
    raise Derived
except (KeyError, Derived) as e:
    print('tuple clause', type(e).__name__)
def which(exc):
    try:
        raise exc
    except ArithmeticError:
        return 'arith'
    except LookupError:
        return 'lookup'
    except Exception:
        return 'exception'
print(which(ZeroDivisionError()), which(OverflowError()), which(IndexError()), which(KeyError()), which(ValueError()))
