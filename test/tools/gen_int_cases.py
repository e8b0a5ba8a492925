#!/usr/bin/env python3
"""Writes int test cases with CPython's answers, as C++ arrays.

Usage: gen_int_cases.py OUT

Three tables, every expected answer computed here by python3:
  kIntOpCases:     {op, a, b, expected}: binary operators on a mix of small
                   and big values near the word-size boundaries; expected is
                   str(result), "q r" for divmod, or "Type: message" for an
                   exception.
  kIntParseCases:  {text, base, expected}: int(text, base); expected is
                   str(result) or "" for a ValueError.
  kIntFormatCases: {value, spec, expected}: format(value, spec).
"""
import sys

BOUNDARIES = [2**30, 2**31, 2**62, 2**63, 2**64]
VALUES = sorted(
    {0, 1, -1, 2, -2, 3, 7, -7, 10, 255, -1000, 12345678}
    | {s * (b + d) for b in BOUNDARIES for d in (-1, 0, 1) for s in (1, -1)}
    | {10**20, -(10**25) + 3, 3**50, 2**100 + 12345, -(2**127)}
)
# The operands of the all-pairs table: a manageable size, still with values
# on both sides of each small-int limit (2**30 on 32-bit, 2**62 on 64-bit)
# and of the word and int64 limits.
OPERAND_VALUES = [0, 1, -1, 2, -7, 255, 12345678, 2**30 - 1, 2**30, -(2**30), -(2**30) - 1, 2**31, -(2**31) - 1,
                  2**62 - 1, 2**62, -(2**62), -(2**62) - 1, 2**63 - 1, 2**63, -(2**63), 2**64 - 1, 2**64 + 1,
                  -(2**64), 10**20, -(10**25) + 3, 3**50, 2**100 + 12345, -(2**127)]

ARITH_OPS = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "//": lambda a, b: a // b,
    "%": lambda a, b: a % b,
    "divmod": divmod,
    "&": lambda a, b: a & b,
    "|": lambda a, b: a | b,
    "^": lambda a, b: a ^ b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    "==": lambda a, b: a == b,
}
ERRORS = {
    ZeroDivisionError: "ZeroDivisionError: divide by zero",
}


def c_string(text):
    """A C++ string literal for text (octal escapes for anything unusual)."""
    out = []
    for byte in text.encode("utf-8"):
        ch = chr(byte)
        if ch in '"\\':
            out.append("\\" + ch)
        elif 32 <= byte < 127 and ch != "?":
            out.append(ch)
        else:
            out.append("\\%03o" % byte)
    return '"' + "".join(out) + '"'


def answer(fn, *args):
    try:
        result = fn(*args)
    except ZeroDivisionError:
        return ERRORS[ZeroDivisionError]
    except ValueError as e:
        if str(e) == "negative shift count":
            return "ValueError: negative shift count"
        raise
    if isinstance(result, tuple):
        return " ".join(str(x) for x in result)
    return str(result)


def op_cases():
    cases = []
    for name, fn in ARITH_OPS.items():
        for a in OPERAND_VALUES:
            for b in OPERAND_VALUES:
                cases.append((name, a, b, answer(fn, a, b)))
    bases = [0, 1, -1, 2, -2, 3, 10, -7, 2**31 - 1, 2**32, -(2**62), 2**64 + 1, 3**50]
    for a in bases:
        for e in (0, 1, 2, 3, 5, 13, 31, 32, 62, 63, 64, 65, 100):
            cases.append(("**", a, e, answer(pow, a, e)))
    for a in VALUES:
        for n in (0, 1, 2, 15, 16, 17, 30, 31, 32, 33, 61, 62, 63, 64, 65, 100, 200, -1):
            cases.append(("<<", a, n, answer(lambda x, y: x << y, a, n)))
            cases.append((">>", a, n, answer(lambda x, y: x >> y, a, n)))
    # Shift counts beyond a word (a non-zero << such a count overflows, with a
    # message of MicroPython's: the unit tests check it).
    cases.append(("<<", 0, 2**70, "0"))
    for a in (0, 5, -5, 2**64, -(2**64)):
        cases.append((">>", a, 2**70, answer(lambda x, y: x >> y, a, 2**70)))
    return cases


PARSE_TEXTS = [
    ("0", 10), ("123", 10), (" -42 ", 10), ("+7", 10), ("\t\n 5 \r", 10), ("-0", 10),
    ("1_000", 10), ("1__0", 10), ("_1", 10), ("1_", 10), ("", 10), ("  ", 10), ("-", 10),
    ("12a", 10), ("1 2", 10), ("0x1f", 0), ("0x1f", 16), ("0X1F", 0), ("1f", 16), ("0x_1f", 16),
    ("0x", 16), ("0b", 16), ("0b1", 16), ("0b101", 0), ("0b101", 2), ("0B_1_0", 0), ("0o17", 0),
    ("0O17", 8), ("0o17", 10), ("17", 8), ("8", 8), ("z", 36), ("Zz", 36), ("010", 0), ("00", 0),
    ("0_0", 0), ("0", 0), ("-0x10", 0), ("+0b11", 0), ("09", 0), ("09", 10), ("1e5", 10),
    ("123456789012345678901234567890", 10), ("-123456789012345678901234567890", 10),
    ("4611686018427387903", 10), ("4611686018427387904", 10), ("-4611686018427387904", 10),
    ("-4611686018427387905", 10), ("9223372036854775807", 10), ("18446744073709551616", 10),
    ("1073741823", 10), ("1073741824", 10), ("-1073741824", 10), ("-1073741825", 10),
    ("ffffffffffffffffffffffff", 16), ("-0xFFFFFFFFFFFFFFFFFFFF", 0), ("1" * 70, 2), ("7" * 30, 8),
    ("1_000_000_000_000_000_000_000", 10), ("0x_dead_beef_cafe_babe_1234", 0), ("zzzzzzzzzzzzzz", 36),
    ("   12345678901234567890123   ", 10), ("1_2_3", 0), ("0_7", 0), ("000", 0), ("0x1g", 16),
]


def parse_cases():
    cases = []
    for text, base in PARSE_TEXTS:
        try:
            expected = str(int(text, base))
        except ValueError:
            expected = ""
        cases.append((text, base, expected))
    return cases


FORMAT_VALUES = [0, 1, -1, 7, 42, -42, 255, -255, 1234, 1234567, -1234567, 2**31, 2**62, -(2**63),
                 2**64, 2**100, -(10**25)]
FORMAT_SPECS = [
    "", "d", "n", "b", "o", "x", "X", "#b", "#o", "#x", "#X", "+d", " d", "-d", "+", " ",
    "10", "<10", "^10", ">10", "=10", "*^12", "*<8", "_>9", "010", "+010", "-010", " 010", "#010x",
    "#010b", "0=10", "0<10", "0^10", "x=+12", ",", "_", "_x", "_X", "_b", "_o", "08,", "09,", "012,",
    "020_b", "+#x", "0=12,", "0=+12,", "#012_x", "x>+#12_X", ",d", "20,", "<20,", "^+20,", "3",
    "1", "0", "00", "-^7", "#", "#20o",
]
FLOAT_SPECS = ["e", ".2f", "g", "%", "E", "F", "10.3e", "G"]
CHAR_VALUES = [65, 97, 0x3B1, 0x20AC, 0x1F600]
CHAR_SPECS = ["c", "5c", "<5c", "^5c"]


def format_cases():
    cases = []
    for v in FORMAT_VALUES:
        for spec in FORMAT_SPECS:
            cases.append((str(v), spec, format(v, spec)))
    for v in (0, 7, -42, 1234567, 2**40):
        for spec in FLOAT_SPECS:
            cases.append((str(v), spec, format(v, spec)))
    for v in CHAR_VALUES:
        for spec in CHAR_SPECS:
            cases.append((str(v), spec, format(v, spec)))
    return cases


def main():
    lines = ["// Generated by test/tools/gen_int_cases.py from python3's answers. Do not edit.", ""]
    lines.append("struct IntOpCase { const char* op; const char* a; const char* b; const char* expected; };")
    lines.append("const IntOpCase kIntOpCases[] = {")
    for op, a, b, expected in op_cases():
        lines.append("    {%s, %s, %s, %s}," % (c_string(op), c_string(str(a)), c_string(str(b)), c_string(expected)))
    lines.append("};")
    lines.append("")
    lines.append("// expected \"\": int() raises ValueError.")
    lines.append("struct IntParseCase { const char* text; int base; const char* expected; };")
    lines.append("const IntParseCase kIntParseCases[] = {")
    for text, base, expected in parse_cases():
        lines.append("    {%s, %d, %s}," % (c_string(text), base, c_string(expected)))
    lines.append("};")
    lines.append("")
    lines.append("struct IntFormatCase { const char* value; const char* spec; const char* expected; };")
    lines.append("const IntFormatCase kIntFormatCases[] = {")
    for value, spec, expected in format_cases():
        lines.append("    {%s, %s, %s}," % (c_string(value), c_string(spec), c_string(expected)))
    lines.append("};")
    with open(sys.argv[1], "w") as out:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
