/* Recursive Fibonacci: the same algorithm and output as fib.py.
   Usage: fib [N] */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define N 36

static long long now_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* noinline keeps the recursion a real call chain, as in Python. */
__attribute__((noinline)) static long fib(long n) {
    if (n < 2)
        return n;
    return fib(n - 1) + fib(n - 2);
}

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : N;
    long long t0 = now_us();
    long result = fib(n);
    long long t1 = now_us();
    printf("fib %ld %ld\n", n, result);
    printf("time_us %lld\n", t1 - t0);
    return 0;
}
