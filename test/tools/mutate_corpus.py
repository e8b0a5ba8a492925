#!/usr/bin/env python3
"""Writes randomly mutated copies of real Python files, for differential tests.

Usage: mutate_corpus.py --seed S --count N --out DIR SRC_DIR...

Picks N .py files under the source directories (deterministically from the
seed) and writes each, after one to three mutations, to DIR. The mutations
are the edits that break real code in interesting ways: deleting, duplicating
or moving a span, inserting a token or raw bytes, re-indenting a line,
truncating the file, and piling up brackets. compare_with_cpython.py then
checks that Taipan accepts exactly what CPython accepts, on the same line,
and never crashes or hangs.
"""
import argparse
import os
import random

TOKENS = [b"(", b")", b"[", b"]", b"{", b"}", b":", b",", b"=", b"*", b"**", b".", b"@", b"->", b":=",
          b"\\\n", b"\n", b"\t", b"    ", b"'", b'"', b'"""', b"f'{", b"}", b"#", b"lambda", b"yield",
          b"await", b"async", b"return", b"def", b"class", b"if", b"else", b"for", b"in", b"not",
          b"match", b"case", b"_", b"global", b"nonlocal", b"del", b"import", b"from", b"0x", b"1_",
          b"\\N{", b"\xc3\xa9", b"\xff", b"\x00", b"\xe2\x82\xac"]


def collect(dirs):
    files = []
    for top in dirs:
        for root, subdirs, names in os.walk(top):
            subdirs[:] = sorted(d for d in subdirs if d not in ("site-packages", "__pycache__"))
            files.extend(os.path.join(root, n) for n in sorted(names) if n.endswith(".py"))
    return files


def mutate(data, rng):
    if not data:
        return rng.choice(TOKENS)
    n = len(data)
    i = rng.randrange(n)
    j = min(n, i + rng.randrange(1, 64))
    kind = rng.randrange(8)
    if kind == 0:
        return data[:i] + data[j:]
    if kind == 1:
        return data[:j] + data[i:j] + data[j:]
    if kind == 2:
        return data[:i] + rng.choice(TOKENS) + data[i:]
    if kind == 3:
        return data[:i] + bytes(rng.randrange(256) for _ in range(rng.randrange(1, 4))) + data[i:]
    if kind == 4:
        lines = data.split(b"\n")
        k = rng.randrange(len(lines))
        lines[k] = b" " * rng.choice([1, 2, 3, 4, 8]) + lines[k].lstrip() if rng.random() < 0.5 else lines[k].lstrip()
        return b"\n".join(lines)
    if kind == 5:
        return data[:i]
    if kind == 6:
        lines = data.split(b"\n")
        a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[a], lines[b] = lines[b], lines[a]
        return b"\n".join(lines)
    depth = rng.choice([50, 199, 201, 1000])
    return data[:i] + b"(" * depth + b"x" + b")" * depth + data[i:]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--out", required=True)
    parser.add_argument("dirs", nargs="+")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    files = collect(args.dirs)
    os.makedirs(args.out, exist_ok=True)
    for index in range(args.count):
        path = rng.choice(files)
        with open(path, "rb") as f:
            data = f.read()
        for _ in range(rng.randrange(1, 4)):
            data = mutate(data, rng)
        with open(os.path.join(args.out, f"m{index:05d}.py"), "wb") as f:
            f.write(data)
    print(f"mutate: wrote {args.count} files from {len(files)} sources")


if __name__ == "__main__":
    main()
