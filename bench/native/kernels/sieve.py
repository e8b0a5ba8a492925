# Sieve of Eratosthenes: the primes below LIMIT, sieved REPEAT times over a
# fresh list of flags each time (LIMIT is small enough for MicroPython's
# default 2 MB heap). Prints the number of primes and their sum, then
# `time_us N` (the sieving and counting alone).
# Usage: sieve.py [LIMIT [REPEAT]]
import sys

try:
    from time import ticks_us, ticks_diff
except ImportError:
    from time import perf_counter

    def ticks_us():
        return int(perf_counter() * 1000000)

    def ticks_diff(a, b):
        return a - b

LIMIT = 100000
REPEAT = 200


def sieve(limit):
    """Returns (number of primes below limit, their sum)."""
    flags = [True] * limit
    flags[0] = False
    flags[1] = False
    i = 2
    while i * i < limit:
        if flags[i]:
            j = i * i
            while j < limit:
                flags[j] = False
                j += i
        i += 1
    count = 0
    total = 0
    for n in range(limit):
        if flags[n]:
            count += 1
            total += n
    return count, total


def main():
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else LIMIT
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else REPEAT
    count = 0
    total = 0
    t0 = ticks_us()
    for _ in range(repeat):
        count, total = sieve(limit)
    t1 = ticks_us()
    print("primes", count)
    print("sum", total)
    print("time_us", ticks_diff(t1, t0))


main()
