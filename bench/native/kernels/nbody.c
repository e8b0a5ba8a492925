/* N-body simulation: the same algorithm, data layout and output as nbody.py.
   Usage: nbody [STEPS] */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define STEPS 400000
#define NBODIES 5
#define PI 3.14159265358979323
#define SOLAR_MASS (4.0 * PI * PI)
#define DAYS_PER_YEAR 365.24

/* x, y, z, vx, vy, vz, mass, as the Python version's lists. */
static double bodies[NBODIES][7] = {
    {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, SOLAR_MASS},
    {4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
     1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR,
     -6.90460016972063023e-05 * DAYS_PER_YEAR, 9.54791938424326609e-04 * SOLAR_MASS},
    {8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
     -2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR,
     2.30417297573763929e-05 * DAYS_PER_YEAR, 2.85885980666130812e-04 * SOLAR_MASS},
    {1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
     2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR,
     -2.96589568540237556e-05 * DAYS_PER_YEAR, 4.36624404335156298e-05 * SOLAR_MASS},
    {1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
     2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR,
     -9.51592254519715870e-05 * DAYS_PER_YEAR, 5.15138902046611451e-05 * SOLAR_MASS},
};

static long long now_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static void offset_momentum(void) {
    double px = 0.0, py = 0.0, pz = 0.0;
    for (int i = 0; i < NBODIES; i++) {
        double m = bodies[i][6];
        px += bodies[i][3] * m;
        py += bodies[i][4] * m;
        pz += bodies[i][5] * m;
    }
    bodies[0][3] = -px / SOLAR_MASS;
    bodies[0][4] = -py / SOLAR_MASS;
    bodies[0][5] = -pz / SOLAR_MASS;
}

static double energy(void) {
    double e = 0.0;
    for (int i = 0; i < NBODIES; i++) {
        double *b = bodies[i];
        e += 0.5 * b[6] * (b[3] * b[3] + b[4] * b[4] + b[5] * b[5]);
        for (int j = i + 1; j < NBODIES; j++) {
            double *b2 = bodies[j];
            double dx = b[0] - b2[0];
            double dy = b[1] - b2[1];
            double dz = b[2] - b2[2];
            e -= (b[6] * b2[6]) / sqrt(dx * dx + dy * dy + dz * dz);
        }
    }
    return e;
}

static void advance(long steps, double dt) {
    for (long s = 0; s < steps; s++) {
        for (int i = 0; i < NBODIES; i++) {
            double *b = bodies[i];
            for (int j = i + 1; j < NBODIES; j++) {
                double *b2 = bodies[j];
                double dx = b[0] - b2[0];
                double dy = b[1] - b2[1];
                double dz = b[2] - b2[2];
                double d2 = dx * dx + dy * dy + dz * dz;
                double mag = dt / (d2 * sqrt(d2));
                double bm = b[6] * mag;
                double b2m = b2[6] * mag;
                b[3] -= dx * b2m;
                b[4] -= dy * b2m;
                b[5] -= dz * b2m;
                b2[3] += dx * bm;
                b2[4] += dy * bm;
                b2[5] += dz * bm;
            }
        }
        for (int i = 0; i < NBODIES; i++) {
            double *b = bodies[i];
            b[0] += dt * b[3];
            b[1] += dt * b[4];
            b[2] += dt * b[5];
        }
    }
}

int main(int argc, char **argv) {
    long steps = argc > 1 ? atol(argv[1]) : STEPS;
    offset_momentum();
    printf("energy %.9f\n", energy());
    long long t0 = now_us();
    advance(steps, 0.01);
    long long t1 = now_us();
    printf("energy %.9f\n", energy());
    printf("time_us %lld\n", t1 - t0);
    return 0;
}
