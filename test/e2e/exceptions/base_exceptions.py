# RUN: %python %tools/run_e2e.py %taipan %s
# BaseException subclasses are not caught by "except Exception".
def raise_it(exc):
    try:
        raise exc
    except Exception:
        return 'Exception caught ' + type(exc).__name__
    except BaseException:
        return 'BaseException caught ' + type(exc).__name__
for e in (ValueError(), KeyboardInterrupt(), SystemExit(), GeneratorExit(), StopIteration(), RuntimeError()):
    print(raise_it(e))
print(issubclass(KeyboardInterrupt, Exception), issubclass(StopIteration, Exception))
print(issubclass(NotImplementedError, RuntimeError), issubclass(ZeroDivisionError, ArithmeticError), issubclass(OSError, Exception))
