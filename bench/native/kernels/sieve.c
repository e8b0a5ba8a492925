/* Sieve of Eratosthenes: the same algorithm and output as sieve.py (a fresh
   array of flags per repetition, as the Python version's list).
   Usage: sieve [LIMIT [REPEAT]] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define LIMIT 100000
#define REPEAT 200

static long long now_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* The number of primes below limit and their sum. */
static void sieve(long limit, long *count, long long *total) {
    unsigned char *flags = malloc(limit);
    memset(flags, 1, limit);
    flags[0] = 0;
    flags[1] = 0;
    for (long i = 2; i * i < limit; i++) {
        if (flags[i]) {
            for (long j = i * i; j < limit; j += i)
                flags[j] = 0;
        }
    }
    *count = 0;
    *total = 0;
    for (long n = 0; n < limit; n++) {
        if (flags[n]) {
            (*count)++;
            *total += n;
        }
    }
    free(flags);
}

int main(int argc, char **argv) {
    long limit = argc > 1 ? atol(argv[1]) : LIMIT;
    long repeat = argc > 2 ? atol(argv[2]) : REPEAT;
    long count = 0;
    long long total = 0;
    long long t0 = now_us();
    for (long r = 0; r < repeat; r++)
        sieve(limit, &count, &total);
    long long t1 = now_us();
    printf("primes %ld\n", count);
    printf("sum %lld\n", total);
    printf("time_us %lld\n", t1 - t0);
    return 0;
}
