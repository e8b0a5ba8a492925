# Constants of the object table: a big int is an int, a long string a str,
# bytes are bytes and a tuple of constants is typed item by item, so that
# what they flow into is typed too (here the parameters, the result and the
# sum; the items unpacked from the tuple).
# RUN: %taipan compile --emit=ir %s | FileCheck %s


def scaled(x, step):
    return x + step


# CHECK-LABEL: function <module>
# CHECK: {{%[0-9]+}}:int = const.obj #{{[0-9]+}} 1267650600228229401496703205376
# CHECK: {{%[0-9]+}}:str = const.obj #{{[0-9]+}} 'a string longer than
# CHECK: {{%[0-9]+}}:bytes = const.obj #{{[0-9]+}} b'bytes'
# CHECK: {{%[0-9]+}}:tuple[int, float, tuple[str, None, bool]] = const.obj #{{[0-9]+}} (1, 2.5, ('s', None, True))
# CHECK-LABEL: function scaled (native) slots=2 params: x:int, step:int returns int
# CHECK: {{%[0-9]+}}:int = binary add
# CHECK-LABEL: function unpacked (native) slots=1 params: t:tuple[int, float, tuple[str, None, bool]] returns float
# CHECK: {{%[0-9]+}}:float = binary add
print(scaled(3, 1267650600228229401496703205376), scaled(5, 2))
print("a string longer than any qstr the table would hold inline, to be sure it is an object")
print(b"bytes")


def unpacked(t):
    n, x, rest = t
    return n + x


print(unpacked((1, 2.5, ("s", None, True))))
