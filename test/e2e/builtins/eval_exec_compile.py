# RUN: %python %tools/run_e2e.py %taipan %s
# exec() of statements and compile() to code objects that exec/eval run.
exec("a = 1\nb = a + 1")
print(a, b)
exec("def f(n):\n    return n * 3")
print(f(4))

g = {"base": 5}
exec("total = base * 2\nclass K:\n    v = base", g)
print(g["total"], g["K"].v, "total" in globals())

loc = {}
exec("y = 7", None, loc)
print(loc["y"], "y" in globals())

code = compile("print('compiled', n)", "<test>", "exec")
for n in range(2):
    exec(code)
expr = compile("n * 10", "<test>", "eval")
print(eval(expr), eval(expr, {"n": 3}))
exec(compile("print(6 * 7)", "<test>", "single"))
print(exec("1") is None)

try:
    exec("for")
except SyntaxError:
    print("SyntaxError")
try:
    compile("1", "<test>", "bad")
except ValueError:
    print("ValueError")
try:
    exec("print(1)", "not a dict")
except TypeError:
    print("TypeError")
try:
    exec("raise KeyError('k')")
except KeyError as e:
    print("KeyError", e.args)
