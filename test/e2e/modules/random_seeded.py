# RUN: %python %tools/run_e2e.py %taipan %s
# .exp: made by running this file with MicroPython's unix port
# (ports/unix/build-standard/micropython random_seeded.py > random_seeded.py.exp).
# MicroPython's random module uses its own generator (Yasmarang), not
# CPython's Mersenne Twister, so with a fixed seed the numbers differ from
# CPython's; Taipan's must equal MicroPython's bit for bit, floats included.
import random

random.seed(42)
print([random.getrandbits(32) for _ in range(5)])
print([random.getrandbits(n) for n in range(0, 33, 4)])
print([random.randrange(10) for _ in range(10)])
print([random.randrange(-5, 17) for _ in range(10)])
print([random.randrange(100, -50, -7) for _ in range(10)])
print([random.randrange(3, 100, 9) for _ in range(10)])
print([random.randint(-3, 3) for _ in range(10)])
print([random.choice("abcdef") for _ in range(10)])
print([random.choice([1, 2.5, None]) for _ in range(5)])
print([random.random() for _ in range(5)])
print([random.uniform(-2, 5.5) for _ in range(5)])
random.seed(-1)
print(random.getrandbits(32))
random.seed(2**70 + 12345)
print(random.getrandbits(32))
random.seed(-(2**70) - 12345)
print(random.getrandbits(32))
random.seed(True)
print(random.getrandbits(32))
for bad in ((0,), (5, 5), (1, 10, 0), (10, 1, 1), (1, 10, -1)):
    try:
        random.randrange(*bad)
    except ValueError as e:
        print("ValueError", repr(e.args))
try:
    random.randint(3, 2)
except ValueError as e:
    print("ValueError", e.args)
try:
    random.choice([])
except IndexError as e:
    print("IndexError", e.args)
try:
    random.getrandbits(33)
except ValueError as e:
    print("ValueError", e)
try:
    random.getrandbits(-1)
except ValueError as e:
    print("ValueError", e)
random.seed()
random.seed(None)
x = random.random()
print(0 <= x < 1)
# The same seed gives the same sequence again.
random.seed(12345)
first = [random.getrandbits(32) for _ in range(3)]
random.seed(12345)
print(first == [random.getrandbits(32) for _ in range(3)], first)
# A long run keeps agreeing (state wraps in 32 bits).
random.seed(7)
total = 0
for _ in range(10000):
    total = (total * 31 + random.getrandbits(32)) % 1000000007
print(total)
print(sum(random.randrange(1000) for _ in range(1000)))
print(random.random(), random.uniform(1, 2))
