# Calls of the builtins ir/builtin_calls.def lists, with exactly their
# arguments, go straight to the builtin's runtime helper (call.builtin)
# once inference has proved the callee: no global load, no builtin
# function object. len, ord and hasattr keep their result types. (setattr
# makes the program's namespaces dynamic: builtin-calls-checked.py.)
# RUN: %taipan compile --emit=ir %s | FileCheck %s
# RUN: %python %tools/run_e2e.py %taipan %s


class Box:
    def __init__(self):
        self.size = 3


def sizes(obj, text, items):
    return len(obj), len(text), len(items), ord(text[0]), chr(ord(text[-1]) + 1)


def attributes(box, name):
    had = hasattr(box, name)
    box.count = getattr(box, name, 0) + 1
    return had, getattr(box, name), getattr(box, "size")


def errors(box):
    out = []
    for attempt in (lambda: len(5), lambda: ord("ab"), lambda: chr(-1), lambda: getattr(box, "missing"),
                    lambda: getattr(box, 5, None), lambda: hasattr(box, None)):
        try:
            attempt()
        except (TypeError, ValueError, AttributeError) as e:
            out.append(type(e).__name__)
    return out


box = Box()
print(sizes({1: 2}, "abc", [1, 2]), sizes("xyz", "\u00e9t\u00e9", (1,)))
print(attributes(box, "count"), attributes(box, "count"), attributes(box, "size"))
print(errors(box))
print(getattr(box, "size", None), hasattr(box, "nothing"), len(range(4)))

# CHECK: function sizes (native)
# CHECK-NOT: load.global 'len'
# CHECK: int = call.builtin len(%{{[0-9]+}})
# CHECK: int = call.builtin ord(
# CHECK: str = call.builtin chr(
# CHECK: function attributes (native)
# CHECK: bool = call.builtin hasattr(
# CHECK: object = call.builtin getattr(%{{[0-9]+}}, %{{[0-9]+}}, %{{[0-9]+}})
# CHECK-NOT: checked
# CHECK: function errors
