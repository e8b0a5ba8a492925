# RUN: %python %tools/run_e2e.py %taipan %s
# hex/oct/bin/str/repr and format specs of ints.
for n in (0, 1, -1, 255, -255, 2 ** 40, -(2 ** 70)):
    print(n, hex(n), oct(n), bin(n), repr(n), str(n))
print('{:d} {:x} {:X} {:o} {:b}'.format(255, 255, 255, 255, 255))
print('{:5d}|{:<5d}|{:^5d}|{:05d}|{:+d}'.format(42, 42, 42, 42, 42))
print('{:#x} {:#o} {:#b}'.format(255, 8, 5))
print('{:,}'.format(1234567))
print('{:x}|{:08d}|{:>4}'.format(255, -42, 7))
