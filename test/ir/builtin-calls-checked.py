# A program that reaches its namespaces dynamically (setattr here) could
# rebind a builtin's global behind the compiler's back, so inference cannot
# prove the callee: the call still becomes call.builtin, with the loaded
# global as its first operand, and the helper calls whatever that is when
# it is not the builtin itself.
# RUN: %taipan compile --emit=ir %s | FileCheck %s
# RUN: %python %tools/run_e2e.py %taipan %s
import sys


class Box:
    pass


def use(box, text):
    setattr(box, "last", text)
    try:
        setattr(5, "x", 1)
    except AttributeError:
        pass
    return len(text), ord(text[0]), getattr(box, "last"), getattr(box, "gone", "-"), hasattr(box, "last")


box = Box()
print(use(box, "hello"))
module = sys.modules[__name__]
setattr(module, "len", lambda x: "len of " + str(x))
setattr(module, "ord", lambda c: -1)
setattr(module, "getattr", lambda *args: args[1:])
setattr(module, "hasattr", lambda obj, name: "maybe")
print(use(box, "again"))

# CHECK: function use (native)
# CHECK: = load.global 'setattr'
# CHECK: call.builtin setattr(%{{[0-9]+}}, %{{[0-9]+}}, %{{[0-9]+}}, %{{[0-9]+}}) checked
# CHECK: object = call.builtin len(%{{[0-9]+}}, %{{[0-9]+}}) checked
# CHECK: object = call.builtin hasattr({{.*}}) checked
