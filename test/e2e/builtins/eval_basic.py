# RUN: %python %tools/run_e2e.py %taipan %s
# eval() of expressions, with the caller's globals or a dict given.
x = 10
print(eval("x + 1"))
print(eval("(1,\n 2)  # a comment"))
print(eval("[i * i for i in range(4)]"))
print(eval("{'a': x}"))
print(eval("x * y", {"x": 3, "y": 4}))
print(eval("z", {}, {"z": "from locals"}))
print(eval(b"2 ** 10"))
print(eval("lambda v: v + x")(5))


def in_function():
    return eval("x + 100")


print(in_function())
try:
    eval("x +")
except SyntaxError:
    print("SyntaxError")
try:
    eval("undefined_name")
except NameError:
    print("NameError")
try:
    eval("1 / 0")
except ZeroDivisionError:
    print("ZeroDivisionError")
