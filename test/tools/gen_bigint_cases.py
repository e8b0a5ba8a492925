#!/usr/bin/env python3
"""Generates bigint_cases.inc: bigint operations checked against Python's
int. Usage: gen_bigint_cases.py OUT.inc (the build runs it; see
test/runtime/CMakeLists.txt). Deterministic: a fixed seed, so every build
checks the same cases.

Each line is BIGINT_CASE(Op, a, b, c, r1, r2) with integers written in
hexadecimal ('-' for negatives, "0" for zero); for Str the base is b (decimal)
and r1 is the expected text; for shifts and Pow, b is decimal.
"""

import os
import random

import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else "bigint_cases.inc"
B = 1 << 16


def h(x):
    return "-" + format(-x, "x") if x < 0 else format(x, "x")


def to_base(x, base):
    if x == 0:
        return "0"
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    neg, x, out = x < 0, abs(x), []
    while x:
        x, r = divmod(x, base)
        out.append(digits[r])
    return ("-" if neg else "") + "".join(reversed(out))


def knuth_adds_back(u, v):
    """True when Knuth's algorithm D with 16-bit digits needs step D6."""
    if v < B or u < v:
        return False
    n = (v.bit_length() + 15) // 16
    s = 16 - (v >> (16 * (n - 1))).bit_length()
    u, v = u << s, v << s
    m = (u.bit_length() + 15) // 16 - n
    dig = lambda x, i: (x >> (16 * i)) & 0xFFFF
    v1, v2 = dig(v, n - 1), dig(v, n - 2)
    for j in range(m, -1, -1):
        top = u >> (16 * (j + n))
        num = (top << 16) | dig(u, j + n - 1)
        qhat = min(num // v1, B - 1)
        rhat = num - qhat * v1
        while rhat < B and qhat * v2 > (rhat << 16) + dig(u, j + n - 2):
            qhat -= 1
            rhat += v1
        part = (u >> (16 * j)) & ((1 << (16 * (n + 1))) - 1)
        if part < qhat * v:
            return True
        u -= (qhat * v) << (16 * j)
    return False


def main():
    rnd = random.Random(20261121)

    def rand_int(maxbits=600):
        bits = rnd.randint(0, maxbits)
        x = rnd.getrandbits(bits) if bits else 0
        return -x if rnd.random() < 0.5 else x

    specials = [0, 1, -1, 2, -2, 0xFFFF, -0xFFFF, B, -B, B + 1, B - 1, -(B + 1)]
    for k in (15, 16, 17, 31, 32, 33, 48, 63, 64, 65, 128, 256):
        for d in (-1, 0, 1):
            specials += [(1 << k) + d, -((1 << k) + d)]
    specials = sorted(set(specials), key=lambda x: (abs(x), x))

    def structured(ndigits):
        pool = [0, 1, 0x7FFF, 0x8000, 0x8001, 0xFFFE, 0xFFFF]
        x = 0
        for _ in range(ndigits):
            x = (x << 16) | (rnd.choice(pool) if rnd.random() < 0.8 else rnd.getrandbits(16))
        if x >> (16 * (ndigits - 1)) == 0:
            x |= 1 << (16 * (ndigits - 1))
        return x

    def operand():
        r = rnd.random()
        if r < 0.15:
            return rnd.choice(specials)
        if r < 0.3:
            x = structured(rnd.randint(1, 12))
            return -x if rnd.random() < 0.5 else x
        return rand_int()

    lines = []

    def case(op, a="", b="", c="", r1="", r2=""):
        lines.append('BIGINT_CASE(%s, "%s", "%s", "%s", "%s", "%s")' % (op, a, b, c, r1, r2))

    # Binary operators on all pairs of specials, then random operands.
    pairs = [(a, b) for a in specials[:20] for b in specials[:20]]
    pairs += [(operand(), operand()) for _ in range(230)]
    for a, b in pairs:
        case("Cmp", h(a), h(b), r1=str((a > b) - (a < b)))
        case("Add", h(a), h(b), r1=h(a + b))
        case("Sub", h(a), h(b), r1=h(a - b))
        case("Mul", h(a), h(b), r1=h(a * b))
        case("And", h(a), h(b), r1=h(a & b))
        case("Or", h(a), h(b), r1=h(a | b))
        case("Xor", h(a), h(b), r1=h(a ^ b))
        if b != 0:
            case("DivMod", h(a), h(b), r1=h(a // b), r2=h(a % b))

    # Division: equal operands, x % x, multiples, near-multiples, divisors
    # with a top digit just above / below half the base.
    for _ in range(250):
        b = operand() or 1
        k = rnd.choice([0, 1, 2, 5])
        q = rnd.getrandbits(16 * k + rnd.randint(0, 15))
        r = rnd.choice([0, 1, -1, rnd.randrange(abs(b))])
        a = q * b + r
        if rnd.random() < 0.5:
            a = -a
        case("DivMod", h(a), h(b), r1=h(a // b), r2=h(a % b))
    for _ in range(150):
        n = rnd.randint(2, 8)
        top = rnd.choice([0x7FFF, 0x8000, 0x8001, 0x7FFE, 0xFFFF, 0x4000, 1])
        b = (top << (16 * (n - 1))) | rnd.getrandbits(16 * (n - 1))
        a = rand_int(16 * n + rnd.randint(0, 200)) if rnd.random() < 0.5 else structured(n + rnd.randint(0, 5))
        for sa, sb in ((1, 1), (-1, 1), (1, -1), (-1, -1)):
            if rnd.random() < 0.5:
                case("DivMod", h(sa * a), h(sb * b), r1=h((sa * a) // (sb * b)), r2=h((sa * a) % (sb * b)))
    found = 0
    tries = 0
    while found < 60 and tries < 200000:
        tries += 1
        n = rnd.randint(2, 6)
        v = structured(n)
        u = structured(n + rnd.randint(0, 4))
        if knuth_adds_back(u, v):
            found += 1
            for sa, sb in ((1, 1), (-1, -1), (-1, 1), (1, -1)):
                a, b = sa * u, sb * v
                case("DivMod", h(a), h(b), r1=h(a // b), r2=h(a % b))
    assert found == 60, found
    for _ in range(40):
        x = operand() or 7
        case("DivMod", h(x), h(x), r1="1", r2="0")
        case("DivMod", h(x), h(-x), r1="-1", r2="0")

    # Shifts and invert.
    for _ in range(300):
        a = operand()
        n = rnd.choice([0, 1, 15, 16, 17, 31, 32, 33, 64, rnd.randint(0, 700)])
        case("LShift", h(a), str(n), r1=h(a << n))
        case("RShift", h(a), str(n), r1=h(a >> n))
        case("Invert", h(a), r1=h(~a))

    # Powers.
    for _ in range(150):
        a = rand_int(rnd.choice([2, 8, 17, 40, 100]))
        e = rnd.randint(0, 12) if rnd.random() < 0.7 else rnd.randint(0, 600 // max(1, abs(a).bit_length()))
        case("Pow", h(a), str(e), r1=h(a ** e))
    for a in (0, 1, -1, 2, -2):
        for e in (0, 1, 2, 3, 100):
            case("Pow", h(a), str(e), r1=h(a ** e))
    for _ in range(200):
        a, e = operand(), abs(rand_int(rnd.choice([1, 8, 64, 300])))
        m = operand() or 3
        case("PowMod", h(a), h(e), h(m), r1=h(pow(a, e, m)))
    for m in (1, -1, 2, -2, 0xFFFF, -(B + 1)):
        for a in (0, 5, -5):
            for e in (0, 1, 7):
                case("PowMod", h(a), h(e), h(m), r1=h(pow(a, e, m)))

    # Strings in every base.
    for _ in range(400):
        a = operand()
        base = rnd.randint(2, 36)
        case("Str", h(a), str(base), r1=to_base(a, base))
    for base in (2, 3, 7, 10, 16, 36):
        for a in specials:
            case("Str", h(a), str(base), r1=to_base(a, base))

    text = "// Generated by gen_bigint_cases.py; do not edit.\n" + "\n".join(lines) + "\n"
    with open(OUT, "w") as f:
        f.write(text)
    print("%d cases, %d bytes, %d add-back divisions" % (len(lines), len(text), found))


if __name__ == "__main__":
    main()
