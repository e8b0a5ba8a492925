# RUN: %python %tools/run_e2e.py %taipan %s
# eval() of an unparenthesized walrus is a SyntaxError; one in parentheses,
# brackets or a call is an expression.
for code in ("x := 1", "(x := 1)", "  x := 2", "((y := 3))", "[z := 4]", "f(w := 5)" , "1 if (v := 6) else 0"):
    try:
        print(eval(code, {"f": abs}))
    except SyntaxError:
        print("SyntaxError", code)
