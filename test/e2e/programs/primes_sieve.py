# RUN: %python %tools/run_e2e.py %taipan %s
# Sieve of Eratosthenes with a bytearray, and trial division for checking.
def sieve(n):
    flags = bytearray(b"\x01" * (n + 1))
    flags[0] = flags[1] = 0
    i = 2
    while i * i <= n:
        if flags[i]:
            for j in range(i * i, n + 1, i):
                flags[j] = 0
        i += 1
    return [i for i in range(n + 1) if flags[i]]
ps = sieve(1000)
print(len(ps), ps[:15], ps[-3:])
def is_prime(n):
    return n > 1 and all(n % d for d in range(2, int(n ** 0.5) + 1))
print(all(is_prime(p) for p in ps), [n for n in range(90, 110) if is_prime(n)])
