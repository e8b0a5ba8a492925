# Unpacking takes the item type of what it unpacks: ints from a range, a
# bytes or a bytearray, strs from a str, a tuple's own item types; globals bound so are typed too (pystone's
# `[Ident1, ..., Ident5] = range(1, 6)`). The output checks the values and
# the ValueError of a wrong count under every kind.
# RUN: %taipan compile --emit=ir %s | FileCheck %s
# RUN: %python %tools/run_e2e.py %taipan %s

[One, Two, Three] = range(1, 4)


def f(text, scale):
    a, b = text
    c, d = (1.5, 2.0 * scale)
    e, g = b"\x01\xff"
    h, i = bytearray(2)
    return [a + b, c * d, e + g + h + i + One + Three]


def wrong_count(seq):
    try:
        x, y = seq
        return x, y
    except ValueError:
        return "ValueError"


print(f("xy", 3), Two)
print(wrong_count(range(3)), wrong_count("abc"), wrong_count(b"a"), wrong_count([1.0]))

# CHECK: tuple[int, int, int] = unpack
# CHECK: store.global 'One'
# CHECK: function f (native) slots=2 params: text:str, scale:int returns list[object]
# CHECK: c:float var
# CHECK: tuple[str, str] = unpack
# CHECK: tuple[int, int] = unpack
# CHECK: tuple[int, int] = unpack
# CHECK: int = load.global 'One'
