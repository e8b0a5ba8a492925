# RUN: %python %tools/run_e2e.py %taipan %s
# A global stored by a function whose parameter is typed by its direct
# calls: a dynamic call with another type runs the function's bytecode,
# which stores that value, so the global's loads must not assume the
# direct calls' type.
g = 0.5


def set_g(x):
    global g
    g = x


def double_g():
    set_g(1.5)
    return g * 2


print(double_g())
[set_g][0]("s")
print(g * 2)
print(double_g())
