# RUN: %python %tools/run_e2e.py %taipan %s
# A call of a module-level function made before its def ran raises
# NameError, natively too: a direct call keeps the load of the global
# unless the def surely ran whenever the call does (ir/infer.cpp, "the def
# before the call").


def calls_later():
    return later()


def calls_later_twice(n):
    return later() + later() * n


def report(f, *args):
    try:
        print(f.__name__, f(*args))
    except NameError:
        print(f.__name__, "NameError")


report(calls_later)
report(calls_later_twice, 2)


def later():
    return 7


report(calls_later)
report(calls_later_twice, 2)


# main() defined first, called only after everything it calls.
def main():
    return helper(3) + helper(4)


def helper(x):
    return x * 10


print(main())


# Defined on one path only.
def maybe_caller():
    return maybe()


for flag in (False, True):
    if flag:

        def maybe():
            return "defined"

    report(maybe_caller)


# Mutual recursion, each defined before the other's first call.
def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


print(is_even(10), is_odd(7))


# A def inside try: the handler's path has not run it.
def uses_guarded():
    return guarded()


try:
    report(uses_guarded)

    def guarded():
        return "guarded"

except ValueError:
    pass
report(uses_guarded)


# A function passed around before its callee's def.
def callback():
    return target() + 1


def apply(f):
    return f()


report(apply, callback)


def target():
    return 41


report(apply, callback)


# Self-recursion before anything else is defined.
def countdown(n):
    return 0 if n == 0 else 1 + countdown(n - 1)


print(countdown(50))
