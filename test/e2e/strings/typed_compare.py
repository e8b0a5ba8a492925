# Comparisons of two values typed str go straight to their texts: == and !=
# of two interned strs compare words, anything else (a str built at run
# time, interned or not) compares bytes, and the order of UTF-8 bytes is
# the order of code points.
# RUN: %python %tools/run_e2e.py %taipan %s


def compare(a, b):
    return [a == b, a != b, a < b, a <= b, a > b, a >= b]


def built(text):
    # Not a constant: made at run time from pieces.
    return str("".join(list(text)))


def count_below(words, limit):
    n = 0
    for w in words:
        if w < limit:
            n += 1
    return n


texts = [
    "A", "A", "A", "B", "B", "A", "", "", "", "a", "abc", "abd", "abc", "ab", "ab", "abc",
    "Z", "a", "\u00e9", "e", "e", "\u00e9", "\u4e2d", "\u00e9", "\U0001f600", "\u20ac",
    "a\u00e9", "a\u00e8",
]
for i in range(0, len(texts), 2):
    a = texts[i]
    b = texts[i + 1]
    print(repr(a), repr(b), compare(a, b))
    print(" built:", compare(built(a), b), compare(a, built(b)), compare(built(a), built(b)))

long_text = "x" * 100
print(compare(long_text, "x" * 99 + "y"), compare(built(long_text), "x" * 100), compare(long_text, "x" * 100))
words = ["pear", "apple", "fig", built("banana"), "cherry", built("apple")]
print(count_below(words, "c"), count_below(words, built("fig")), sorted(words))
char = "A"
seen = []
while char <= "E":
    if char == "C":
        seen.append("(C)")
    elif char != built("D"):
        seen.append(char)
    char = chr(ord(char) + 1)
print(seen)
