# RUN: %python %tools/run_e2e.py %taipan %s
# Unbounded recursion raises RuntimeError (CPython's RecursionError is one)
# instead of overflowing the C stack: through direct calls of a typed
# function, calls through a variable, methods, an operator's method, and again after the first
# error was caught (the stack check must still be armed).


def down(n):
    return down(n + 1) + 1


def ping(n, other):
    return other(n + 1, ping) + 1


def pong(n, other):
    return other(n + 1, pong) + 1


class Node:
    def depth(self):
        return self.depth() + 1


class Adder:
    def __add__(self, other):
        return other + self  # no call here: the recursion goes through the operator


def catch(label, fn):
    try:
        fn()
    except RuntimeError:
        print(label, "RuntimeError")


for round in range(2):
    catch("direct", lambda: down(0))
    catch("dynamic", lambda: ping(0, pong))
    catch("method", lambda: Node().depth())
    catch("operator", lambda: Adder() + Adder())


def shallow(n):
    return 0 if n == 0 else shallow(n - 1) + 1


print("after", shallow(200))
