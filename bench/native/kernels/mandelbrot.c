/* Mandelbrot set: the same algorithm and output as mandelbrot.py.
   Usage: mandelbrot [SIZE] */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define SIZE 800
#define MAX_ITER 50

static long long now_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static void mandelbrot(long size, long max_iter, long *inside, long *total) {
    double step = 2.5 / size;
    *inside = 0;
    *total = 0;
    for (long py = 0; py < size; py++) {
        double ci = -1.25 + py * step;
        for (long px = 0; px < size; px++) {
            double cr = -2.0 + px * step;
            double zr = 0.0, zi = 0.0;
            long n = 0;
            while (n < max_iter) {
                double zr2 = zr * zr;
                double zi2 = zi * zi;
                if (zr2 + zi2 > 4.0)
                    break;
                zi = 2.0 * zr * zi + ci;
                zr = zr2 - zi2 + cr;
                n++;
            }
            if (n == max_iter)
                (*inside)++;
            *total += n;
        }
    }
}

int main(int argc, char **argv) {
    long size = argc > 1 ? atol(argv[1]) : SIZE;
    long inside, total;
    long long t0 = now_us();
    mandelbrot(size, MAX_ITER, &inside, &total);
    long long t1 = now_us();
    printf("inside %ld\n", inside);
    printf("iterations %ld\n", total);
    printf("time_us %lld\n", t1 - t0);
    return 0;
}
