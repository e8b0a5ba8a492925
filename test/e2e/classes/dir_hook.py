# RUN: %python %tools/run_e2e.py %taipan %s
# dir(instance) gives what its class's __dir__ returns, as a list; dir of
# the class itself does not call it.
class A:
    def __init__(self):
        self.z = 1


class B:
    def __dir__(self):
        return ("x", "y")


print("z" in dir(A()), dir(B()), "x" in dir(B), "__dir__" in dir(B))
