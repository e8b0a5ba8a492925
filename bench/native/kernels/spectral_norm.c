/* Spectral norm: the same algorithm and output as spectral_norm.py.
   Usage: spectral_norm [N] */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define N 500

static long long now_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static double eval_a(long i, long j) {
    long ij = i + j;
    return 1.0 / (ij * (ij + 1) / 2 + i + 1);
}

/* out = A u */
static void times_a(const double *u, double *out, long n) {
    for (long i = 0; i < n; i++) {
        double s = 0.0;
        for (long j = 0; j < n; j++)
            s += eval_a(i, j) * u[j];
        out[i] = s;
    }
}

/* out = A^T u */
static void times_at(const double *u, double *out, long n) {
    for (long i = 0; i < n; i++) {
        double s = 0.0;
        for (long j = 0; j < n; j++)
            s += eval_a(j, i) * u[j];
        out[i] = s;
    }
}

static void times_ata(const double *u, double *out, double *tmp, long n) {
    times_a(u, tmp, n);
    times_at(tmp, out, n);
}

static double spectral_norm(long n) {
    double *u = malloc(n * sizeof(double));
    double *v = malloc(n * sizeof(double));
    double *tmp = malloc(n * sizeof(double));
    for (long i = 0; i < n; i++) {
        u[i] = 1.0;
        v[i] = 0.0;
        tmp[i] = 0.0;
    }
    for (int k = 0; k < 10; k++) {
        times_ata(u, v, tmp, n);
        times_ata(v, u, tmp, n);
    }
    double vbv = 0.0, vv = 0.0;
    for (long i = 0; i < n; i++) {
        vbv += u[i] * v[i];
        vv += v[i] * v[i];
    }
    free(u);
    free(v);
    free(tmp);
    return sqrt(vbv / vv);
}

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : N;
    long long t0 = now_us();
    double norm = spectral_norm(n);
    long long t1 = now_us();
    printf("norm %.9f\n", norm);
    printf("time_us %lld\n", t1 - t0);
    return 0;
}
