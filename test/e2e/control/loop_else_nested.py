# RUN: %python %tools/run_e2e.py %taipan %s
# Prime sieve using for/else and nested breaks.
primes = []
for n in range(2, 50):
    for p in primes:
        if p * p > n:
            pass
        if n % p == 0:
            break
    else:
        primes.append(n)
print(primes)
def find(matrix, target):
    for r, row in enumerate(matrix):
        for c, v in enumerate(row):
            if v == target:
                break
        else:
            continue
        return r, c
    return None
m = [[1, 2], [3, 4], [5, 6]]
print(find(m, 4), find(m, 7))
