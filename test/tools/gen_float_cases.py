#!/usr/bin/env python3
"""Writes float test cases with CPython's answers as a C++ include file.

Usage: gen_float_cases.py OUT

Every expected answer is computed here by python3 itself: repr() of doubles
(random bit patterns, powers of ten and their neighbours, subnormals, edges),
float() of texts (random decimals, exact halfway points between doubles and
values just beside them, underscores, whitespace, inf/nan spellings, invalid
syntax), format() with many specs, and the arithmetic operators with float
and int operands on either side. Doubles travel as their bit patterns so the
C++ side starts from exactly the same values.
"""
import math
import random
import struct
import sys
from decimal import Decimal, getcontext

getcontext().prec = 2000
rng = random.Random(20240601)


def bits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def from_bits(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def c_string(s):
    out = []
    for ch in s:
        if ch in '\\"':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\f":
            out.append("\\f")
        elif ch == "\v":
            out.append("\\v")
        elif " " <= ch <= "~":
            out.append(ch)
        else:
            raise ValueError(repr(s))
    return '"' + "".join(out) + '"'


def random_double(finite=True):
    while True:
        x = from_bits(rng.getrandbits(64))
        if not finite or math.isfinite(x):
            return x


def interesting_doubles():
    values = [0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 1e16, 1e15, 1e17, 9007199254740992.0,
              9007199254740993.0, 5e-324, 2.2250738585072014e-308, 2.225073858507201e-308,
              1.7976931348623157e308, 123456789.0, 0.000123, 1e-4, 1e-5, 1.5e-7, 2.5, 0.5, 100.0,
              math.pi, math.e, float("inf"), float("-inf"), float("nan")]
    for e in range(-325, 309):
        x = float("1e%d" % e)
        values.append(x)
        if x and math.isfinite(x):
            values.append(math.nextafter(x, math.inf))
            values.append(math.nextafter(x, 0))
    for e in range(-1074, 1024, 7):
        values.append(math.ldexp(1.0, e))
    for _ in range(200):  # subnormals
        values.append(from_bits(rng.getrandbits(52)))
    for _ in range(3000):
        values.append(random_double())
    for _ in range(500):  # short decimals
        values.append(float("%de%d" % (rng.randint(1, 10**rng.randint(1, 17)), rng.randint(-30, 30))))
    return values


def parse_texts():
    texts = []
    # Random decimal texts of every length.
    for _ in range(1500):
        n = rng.randint(1, 40)
        digits = "".join(rng.choice("0123456789") for _ in range(n))
        point = rng.randint(0, n)
        text = digits[:point] + "." + digits[point:] if rng.random() < 0.7 else digits
        if rng.random() < 0.6:
            text += "e%d" % rng.randint(-340, 320)
        if rng.random() < 0.2:
            text = rng.choice("+-") + text
        texts.append(text)
    # Exact halfway points between neighbouring doubles, and values beside them.
    for _ in range(600):
        x = abs(random_double())
        if rng.random() < 0.3:
            x = from_bits(rng.getrandbits(52))  # subnormal
        y = math.nextafter(x, math.inf)
        if not math.isfinite(y):
            continue
        mid = (Decimal(x) + Decimal(y)) / 2
        text = format(mid, "f") if abs(mid.adjusted()) < 30 else format(mid, "e")
        texts.append(text)
        tiny = Decimal(10) ** (mid.adjusted() - 780)
        texts.append(format(mid + tiny, "e"))
        texts.append(format(mid - tiny, "e"))
    # Long digit strings (beyond the 800 digits the parser keeps).
    for _ in range(20):
        x = abs(random_double())
        y = math.nextafter(x, math.inf)
        mid = (Decimal(x) + Decimal(y)) / 2
        digits = format(mid, "e").split("e")
        texts.append(digits[0] + "0" * 900 + "1e" + digits[1])
        texts.append(digits[0] + "0" * 900 + "e" + digits[1])
    texts += ["0", "-0", "0.0", "-0.0", "00000.000000", "1e400", "-1e400", "1e-400", "2e-324", "3e-324",
              "2.4703282292062327e-324", "2.4703282292062328e-324", "1.7976931348623157e308",
              "1.7976931348623158e308", "1.7976931348623159e308", "179769313486231580793728971405301e276",
              "inf", "-inf", "+inf", "INF", "Infinity", "-iNfInItY", "nan", "-nan", "+NaN", "NAN",
              "1_000", "1_000.000_1", "1e1_0", "  1.5  ", "\t-2.5e3\n", "1.", ".5", "-.5e-3", "+1E+3",
              "1e99999999999999999999", "1e-99999999999999999999", "0e99999999999",
              "", " ", "x", "1x", "1_", "_1", "1__0", "1_.5", "1._5", "1e", "1e+", "1e_5", ".", "e5",
              ".e5", "+", "-", "inf_", "infinit", "nan1", "0x10", "1.5.5", "1e5.5", "- 1", "1 2",
              "in f", "1,5", "++1", "--1", "1e--5", "1.5e+-3"]
    return texts


def format_specs():
    specs = ["", "e", "E", "f", "F", "g", "G", "n", "%", ".0", ".1", ".3", ".10", ".17", ".0e", ".1e", ".5e",
             ".16e", ".20e", ".0f", ".1f", ".2f", ".3f", ".10f", ".25f", ".0g", ".1g", ".2g", ".5g", ".12g",
             ".17g", ".20g", ".0%", ".2%", "+", " ", "+.3e", " .2f", "-.4g", "10", "<12", ">12", "^15",
             "=12", "*^20.3f", "012", "012.3f", "+015.2e", "#.0f", "#.0e", "#g", "#.3g", "#", "#.0",
             ",", ",.2f", "_.3f", "015,.2f", "0=15,.1f", "20,g", ",.0f", "x<10.2%", ".3G", ".3E", ".3F",
             "+#012.4G", "-^+20"]
    return specs


def format_values():
    values = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1234.5, -1234567.891, 1e16, 1e-5,
              123456789.0, 0.1, 9.999999, 99.95, 0.00012345, 1e100, 1.7976931348623157e308, 5e-324,
              float("inf"), float("-inf"), float("nan"), 1e22, 1e23, 12.0, 100.0, 0.9999, 0.05, 0.15]
    for _ in range(60):
        values.append(random_double())
    for _ in range(60):
        values.append(rng.uniform(-1e6, 1e6))
    for _ in range(30):
        values.append(round(rng.uniform(-100, 100), rng.randint(0, 4)))
    return values


def arithmetic_operands():
    ops = []
    for _ in range(250):
        ops.append(random_double())
    for _ in range(400):
        ops.append(rng.uniform(-1000, 1000))
    for _ in range(200):
        ops.append(float(rng.randint(-100, 100)))
    ops += [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, 3.0, 10.0, 1e308, 5e-324, float("inf"), float("-inf"),
            float("nan"), 1e-300, 7.0, -7.0, 0.1]
    return ops


BINARY = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b,
    "//": lambda a, b: a // b,
    "%": lambda a, b: a % b,
    "**": lambda a, b: a ** b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}


def operand_code(x):
    # (is_int, int value or float bits)
    if isinstance(x, int):
        return "true, %dLL" % x
    return "false, static_cast<long long>(0x%016xULL)" % bits(x)


def arithmetic_cases():
    ops = arithmetic_operands()
    ints = [0, 1, -1, 2, 3, 7, -7, 10, 100, 12345, -99999, 2**40 + 1, 2**53 + 1, -(2**53) - 1, 2**61 - 1,
            -(2**61)]
    cases = []
    names = list(BINARY)
    for _ in range(5000):
        op = rng.choice(names)
        a = rng.choice(ops)
        b = rng.choice(ops)
        if rng.random() < 0.25:
            if rng.random() < 0.5:
                a = rng.choice(ints)
            else:
                b = rng.choice(ints)
        if op == "**":
            # Moderate exponents with finite results (OverflowError in CPython
            # is inf in MicroPython) and no complex results.
            if isinstance(b, float) and rng.random() < 0.6:
                b = float(rng.randint(-8, 8)) if rng.random() < 0.7 else rng.choice([0.5, 1.5, -0.5, 0.25, 3.7])
            if isinstance(a, float) and (abs(a) > 1e30 or (a != 0 and abs(a) < 1e-30)):
                a = rng.uniform(0, 50)
        try:
            result = BINARY[op](a, b)
        except ZeroDivisionError:
            result = "ZeroDivisionError"
        except OverflowError:
            continue
        if isinstance(result, complex):
            continue
        if isinstance(result, bool):
            text = repr(result)
        elif isinstance(result, str):
            text = result
        else:
            if isinstance(result, int):
                continue  # int op int is the int helper's business
            text = repr(result)
        cases.append((op, a, b, text))
    for a in ops[:60]:  # divmod
        for b in (3.0, -2.5, 0.0, 1e-3, 7, -7):
            try:
                q, r = divmod(a, b)
                text = "(%r, %r)" % (q, r)
            except ZeroDivisionError:
                text = "ZeroDivisionError"
            cases.append(("divmod", a, b, text))
    return cases


def main():
    out = open(sys.argv[1], "w")
    w = out.write
    w("// Generated by test/tools/gen_float_cases.py from CPython %s. Do not edit.\n"
      % sys.version.split()[0])

    w("struct FloatReprCase { unsigned long long bits; const char* repr; };\n")
    w("constexpr FloatReprCase kFloatReprCases[] = {\n")
    for x in interesting_doubles():
        w("  {0x%016xULL, %s},\n" % (bits(x), c_string(repr(x))))
    w("};\n\n")

    w("// bits is meaningful when ok; ok false: float(text) raises ValueError.\n")
    w("struct FloatParseCase { const char* text; bool ok; unsigned long long bits; };\n")
    w("constexpr FloatParseCase kFloatParseCases[] = {\n")
    for t in parse_texts():
        try:
            x = float(t)
            w("  {%s, true, 0x%016xULL},\n" % (c_string(t), bits(x)))
        except ValueError:
            w("  {%s, false, 0},\n" % c_string(t))
    w("};\n\n")

    w("struct FloatFormatCase { unsigned long long bits; const char* spec; const char* result; };\n")
    w("constexpr FloatFormatCase kFloatFormatCases[] = {\n")
    for x in format_values():
        for spec in format_specs():
            try:
                text = format(x, spec)
            except ValueError:
                continue
            w("  {0x%016xULL, %s, %s},\n" % (bits(x), c_string(spec), c_string(text)))
    w("};\n\n")

    w("// Operands: is_int and the int value, or the float's bits.\n")
    w("struct FloatArithCase { const char* op; bool a_int; long long a; bool b_int; long long b; "
      "const char* result; };\n")
    w("constexpr FloatArithCase kFloatArithCases[] = {\n")
    for op, a, b, text in arithmetic_cases():
        w("  {%s, %s, %s, %s},\n" % (c_string(op), operand_code(a), operand_code(b), c_string(text)))
    w("};\n")
    out.close()


if __name__ == "__main__":
    main()
