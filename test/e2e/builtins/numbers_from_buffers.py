# RUN: %python %tools/run_e2e.py %taipan %s
# int() and float() read any buffer's bytes as text (bytes, bytearray,
# memoryview, array); %d takes an object's __int__; a __hash__ may return
# a big int; 0.0 ** -inf is inf.
import array

for make in (bytes, bytearray, lambda b: memoryview(bytes(b)), lambda b: array.array("b", b)):
    print(int(make(b"123")), int(make(b" -7 ")), float(make(b"2.5")), float(make(b"-1e3")))
print(int(b"ff", 16), int(bytearray(b"-10"), 8))
try:
    int(memoryview(b"1.5"))
except ValueError:
    print("ValueError")


class Int:
    def __int__(self):
        return 123


class Index:
    def __index__(self):
        return 7


print("%d %x %o" % (Int(), Index(), Index()))
try:
    "%d" % "12"
except TypeError:
    print("TypeError")


class BigHash:
    def __hash__(self):
        return 1 << 70 | 1


print(hash(BigHash()) == hash(1 << 70 | 1), {BigHash(): 1} != {})
print(pow(0.0, float("-inf")), 0.0 ** float("-inf"), pow(-0.0, float("-inf")), pow(0.0, float("inf")))
try:
    pow(0.0, -1.0)
except ZeroDivisionError:
    print("ZeroDivisionError")
