# RUN: %python %tools/run_e2e.py %taipan %s
# Parameters annotated int, float, str or bool: native code assumes the
# annotated type (direct calls with something else are guarded, the entry
# checks dynamic calls) and runs the generic clone when an argument does
# not have it. Annotations are not checked in Python: every argument below
# must behave exactly as without the annotation.


def total(n: int):
    s = 0
    for i in range(n):
        s += i
    return s


def scaled(x: float, k: float = 2.0):
    return x * k


def shout(s: str, times: int = 1):
    return (s.upper() + "!") * times


def flag(b: bool):
    return "yes" if b else "no"


def maybe(n: int = None):
    return -1 if n is None else n + 1


def run(args):
    return (total(args[0]), scaled(args[1]), shout(args[2]), flag(args[3]), maybe(), maybe(args[0]))


print(run((5, 1.5, "hi", True)))
print(run((True, 3, "x", 0)))
print(run((2 ** 70 // 2 ** 68, -0.5, "ab", [1])))
print(scaled("ab", 3), shout("a", times=3), flag(None), total(n=4))
for bad in ("4", [4], None):
    try:
        print(total(bad))
    except TypeError:
        print("TypeError for", type(bad).__name__)


class Counter:
    def __init__(self, start: int):
        self.count = start

    def add(self, step: int):
        self.count += step
        return self.count


c = Counter(1)
print(c.add(2), c.add(0.5), Counter(1.5).add(1), Counter("a").add("b"))


def fib(n: int):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(15), fib(10.0), [fib][0](True))


# A constructor whose __init__ has a hinted parameter: other arguments run
# __init__'s generic clone, whose result Python still checks.
class Checked:
    def __init__(self, v: int):
        self.v = v
        if v == "s":
            return 5


for arg in (3, None, "s"):
    try:
        print(Checked(arg).v)
    except TypeError:
        print("TypeError from __init__")


# A guarded call whose body and clone both return a float: its result stays
# an unboxed float whichever runs.
def twice(x: float):
    return float(x) * 2.0


def sum_twice(values):
    t = 0.0
    for v in values:
        t += twice(v[0])
    return t


print(sum_twice([(1.5,), (2,), (True,), ("3.25",)]))
