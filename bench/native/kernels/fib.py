# Recursive Fibonacci: fib(N) by the doubly recursive definition (a benchmark
# of calls and small-int arithmetic). Prints fib(N), then `time_us N`.
# Usage: fib.py [N]
import sys

try:
    from time import ticks_us, ticks_diff
except ImportError:
    from time import perf_counter

    def ticks_us():
        return int(perf_counter() * 1000000)

    def ticks_diff(a, b):
        return a - b

N = 36


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else N
    t0 = ticks_us()
    result = fib(n)
    t1 = ticks_us()
    print("fib", n, result)
    print("time_us", ticks_diff(t1, t0))


main()
