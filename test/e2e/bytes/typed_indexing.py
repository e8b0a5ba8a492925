# bytes and bytearray values made by bytes()/bytearray() or written as
# constants are typed: their items and len() are read inline, a bytearray's
# items stored inline when the value is a small int in range(256), and
# everything else (big indices, values out of range, bools) goes through
# the runtime with the same errors.
# RUN: %python %tools/run_e2e.py %taipan %s

TABLE = bytes((7, 1, 255, 0, 128, 64))


def checksum(data):
    s = 0
    for i in range(len(data)):
        s = (s * 31 + data[i]) & 0xFFFF
    return s


def lookup(table, i):
    return table[i]


def mixed_checksum(data):
    return checksum(bytearray(data)) + data[-1]


def reverse_into(src, dst):
    n = len(src)
    for i in range(n):
        dst[n - 1 - i] = src[i]


def xor_into(state, key):
    for i in range(len(state)):
        state[i] ^= key[i % len(key)]


def item_kinds(data):
    out = []
    for b in data:
        out.append(b + 1)
    return out


def errors(array, table):
    for index in (6, -7, 2**70, -(2**70)):
        for seq in (array, table):
            try:
                seq[index]
            except IndexError:
                print(type(seq).__name__, index, "IndexError")
    for value in (256, -1, 1.5, "x", None):
        try:
            array[0] = value
        except (ValueError, TypeError, OverflowError) as e:
            print("store", repr(value), type(e).__name__)
    try:
        array[6] = 1
    except IndexError:
        print("store IndexError")
    try:
        table[0] = 1
    except TypeError:
        print("bytes are immutable")


def main():
    array = bytearray(6)
    reverse_into(TABLE, array)
    print(list(array), checksum(array), mixed_checksum(TABLE), mixed_checksum(b"hello"))
    print([lookup(TABLE, i) for i in range(-6, 6)])
    xor_into(array, b"\x0f\xf0")
    print(list(array))
    array[True] = False
    array[0] = True
    array[-1] = 200
    array[2] = 42
    print(list(array), array[False], array[-6], TABLE[True])
    print(item_kinds(array), item_kinds(TABLE[1:4]), item_kinds(array[::2]))
    print(type(TABLE[1:3]).__name__, type(array[1:3]).__name__, len(TABLE), len(array))
    errors(array, TABLE)
    # The same functions called with other sequences take their generic copies.
    print(mixed_checksum([1, 2, 3]), item_kinds((5, 6)))
    grow = bytearray()
    for i in range(300):
        grow.append(i & 0xFF)
    xor_into(grow, bytearray(b"\x01"))
    print(checksum(grow), grow[-1], len(grow))


main()
