# RUN: %python %tools/run_e2e.py %taipan %s
# List element types are inferred per creation site; every way a list can
# reach code that stores other items into it must widen its element type.
# Each case stores a float list somewhere the compiler cannot follow, lets
# other code add a str (or an int), then reads the items back as the typed
# code would.


def total(xs):
    s = 0.0
    for x in xs:
        s += x
    return s


def first_plus(xs):
    return xs[0] + 1.5


def first(xs):
    return xs[0]


def add_str(xs):
    xs.append("s")


def through_unknown_call():
    xs = [1.0, 2.0]
    f = add_str  # a call through a variable: not a direct call
    f(xs)
    print("unknown call", xs, len(xs), xs[-1])


KEEP = []


def through_global():
    xs = [1.0]
    global SHARED
    SHARED = xs
    mutate_shared()
    print("global", xs, xs[-1])


def mutate_shared():
    SHARED.append("g")


def through_tuple():
    xs = [1.0]
    pair = (xs, 2)
    a, b = pair
    a.append("t")
    print("tuple", xs, xs[-1])


class Box:
    pass


def through_attribute():
    xs = [1.0]
    box = Box()
    box.items = xs
    box.items.append(7)
    print("attribute", xs, xs[1] + 1)


def through_closure():
    xs = [1.0]

    def push():
        xs.append("c")

    push()
    print("closure", xs, xs[-1])


def through_join(flag):
    a = [1.0]
    b = ["x"]
    c = a if flag else b
    c.append(2.0)
    print("join", a, b, a[0] * 2, a[-1], b[-1])


def nested_lists():
    rows = [[1.0, 2.0], [3.0]]
    keep = []
    for r in rows:
        keep.append(r)
    keep[0].append("n")
    print("nested", rows, [len(r) for r in rows], rows[0][-1], keep[0][-1])


def through_iterator():
    rows = [[1.0], [2.0]]
    it = iter(rows)
    inner = next(it)
    inner.append("i")
    print("iterator", rows, rows[0][-1])


def through_dict():
    xs = [1.0]
    d = {"k": xs}
    d["k"].append("d")
    print("dict", xs, xs[-1])


def through_slice():
    xs = [1.0, 2.0, 3.0]
    ys = xs[1:]
    ys.append("sl")
    xs[0:1] = ["r"]
    print("slice", xs, ys, xs[0], ys[-1])


def repeated():
    xs = [0.0] * 3
    ys = xs * 2
    ys[1] = "rep"
    print("repeat", xs, ys, ys[1], xs[1])


def concatenated():
    xs = [1.0] + [2.0]
    xs.append("cat")
    print("concat", xs, xs[-1])


def make():
    return [1.0, 2.0]


def returned_to_dynamic_caller():
    lists = list(map(lambda _: make(), range(2)))
    lists[0].append("dyn")
    typed = make()
    print("returned", lists, typed[0] + typed[1], lists[0][-1])


def gen(xs):
    yield xs


def through_generator():
    xs = [1.0]
    for got in gen(xs):
        got.append("y")
    print("generator", xs, xs[-1])


def sorted_with_key():
    xs = [3.0, 1.0, 2.0]
    xs.sort(key=lambda v: -v)
    print("sort", xs, sorted(xs), sum(xs), min(xs), max(xs))


def methods():
    xs = [1.0, 2.0]
    xs.insert(0, 0.5)
    xs.extend([4.0, 5.0])
    last = xs.pop()
    xs.remove(2.0)
    xs.reverse()
    print("methods", xs, last + 1.0, xs.index(1.0), xs.count(4.0), 4.0 in xs)
    ints = [1, 2]
    ints.extend(range(3))
    print("extend", ints, ints[3] + 1)


def typed_and_dynamic_calls():
    print("direct", total([1.0, 2.0]), first_plus([2.0]), first([1.5]))
    f = total
    g = first_plus
    h = first  # its parameter is list[float]: a dynamic call runs the bytecode
    print("dynamic", f([1, 2]), g([1]), f([True]), h([7]), h(["s"]))


def deleted_items():
    xs = [1.0, 2.0]
    del xs[0]
    xs.append("del")
    print("del", xs, xs[-1])


def bools_and_ints():
    flags = [True] * 4
    flags[2] = False
    count = 0
    for i in range(4):
        if flags[i]:
            count += 1
    mixed = [1, True]
    print("bools", flags, count, mixed[0] + mixed[1])


def empty_list():
    xs = []
    print("empty", xs, len(xs))
    xs.append(1.5)
    print(xs[0] * 2)


through_unknown_call()
through_global()
through_tuple()
through_attribute()
through_closure()
through_join(True)
through_join(False)
nested_lists()
through_iterator()
through_dict()
through_slice()
repeated()
concatenated()
returned_to_dynamic_caller()
through_generator()
sorted_with_key()
methods()
typed_and_dynamic_calls()
deleted_items()
bools_and_ints()
empty_list()
