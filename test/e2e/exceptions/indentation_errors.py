# RUN: %python %tools/run_e2e.py %taipan %s
# exec() of badly indented code raises IndentationError (TabError for tabs
# and spaces mixed), subclasses of SyntaxError; other errors SyntaxError.


def kind(code):
    try:
        exec(code)
        return "ok"
    except TabError:
        return "TabError"
    except IndentationError:
        return "IndentationError"
    except SyntaxError:
        return "SyntaxError"


print(kind("def f():\n  a = 1\n b = 2\n"))
print(kind(" a = 1\n"))
print(kind("if True:\npass\n"))
print(kind("if True:\n\tx = 1\n        y = 2\n"))
print(kind("x = (1,\n"), kind("1 +"), kind("x = 1\n"))
print(issubclass(IndentationError, SyntaxError), issubclass(TabError, IndentationError))
