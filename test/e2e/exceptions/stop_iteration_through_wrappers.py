# RUN: %python %tools/run_e2e.py %taipan %s
# next() on enumerate, map, zip or filter passes on the StopIteration a
# class's __next__ raised, value included; an iterator over __getitem__
# ends on StopIteration as on IndexError and drops its value; an older
# StopIteration never leaks into a later, plain end.


class Stops:
    def __init__(self, n, value):
        self.n = n
        self.value = value

    def __iter__(self):
        return self

    def __next__(self):
        self.n -= 1
        if self.n < 0:
            raise StopIteration(self.value)
        return self.n


class Items:
    def __getitem__(self, i):
        if i == 2:
            raise StopIteration(7)
        return i * 10


def stop_args(make):
    try:
        next(make())
        return "no stop"
    except StopIteration as e:
        return e.args


def drain(it):
    for _ in it:
        pass
    return "drained"


print(stop_args(lambda: Stops(0, 42)))
print(stop_args(lambda: enumerate(Stops(0, 42))))
print(stop_args(lambda: map(abs, Stops(0, 43))))
print(stop_args(lambda: zip(Stops(0, 44), [1])))
print(stop_args(lambda: zip([], Stops(0, 45))))
print(stop_args(lambda: filter(None, Stops(1, 46))))
print(stop_args(lambda: enumerate(map(abs, Stops(0, 47)))))
print(stop_args(lambda: iter(Items())), list(Items()))
it = iter(Items())
print(next(it), next(it), stop_args(lambda: it))


def uses_stops(x):
    return drain(Stops(2, 99)) + str(x)  # ends an inner iteration on the way


print(list(map(uses_stops, [1, 2])), stop_args(lambda: map(uses_stops, [])))
print(stop_args(lambda: zip(map(uses_stops, [1]), [])))
print(next(map(abs, Stops(0, 48)), "default"), stop_args(lambda: iter([])))


def delegate():
    result = yield from Stops(2, 50)
    return result


print(list(delegate()), stop_args(delegate))
