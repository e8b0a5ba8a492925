#!/usr/bin/env python3
"""Checks the microcontroller runtime libraries: every symbol they leave
undefined is one the platform port provides (runtime/port.h) — so the
compiler builtins and C functions they need are all inside — and each
library's code (.text) fits the size budget. Prints one line per library.

Usage: check_runtime_libs.py LLVM_BIN PORT_H LIBDIR ARCH... [--max-text BYTES]
"""
import argparse
import re
import subprocess
import sys


def nm(llvm_bin, args, lib):
    out = subprocess.run([f"{llvm_bin}/llvm-nm", *args, "-j", lib], capture_output=True, text=True, check=True)
    return {line.strip() for line in out.stdout.splitlines() if line.strip() and not line.endswith(":")}


def text_bytes(llvm_bin, lib):
    out = subprocess.run([f"{llvm_bin}/llvm-size", "-A", lib], capture_output=True, text=True, check=True)
    total = 0
    for line in out.stdout.splitlines():
        fields = line.split()
        if len(fields) >= 2 and fields[0].startswith(".text"):
            total += int(fields[1])
    return total


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("llvm_bin")
    parser.add_argument("port_h")
    parser.add_argument("libdir")
    parser.add_argument("archs", nargs="+")
    parser.add_argument("--max-text", type=int, default=256 * 1024)
    args = parser.parse_args()
    with open(args.port_h, encoding="utf-8") as f:
        port = set(re.findall(r"\b(taipan_port_\w+)\s*\(", f.read()))
    failed = False
    for arch in args.archs:
        lib = f"{args.libdir}/{arch}/libtaipan-rt.a"
        missing = sorted(nm(args.llvm_bin, ["-u"], lib) - nm(args.llvm_bin, ["--defined-only"], lib) - port)
        size = text_bytes(args.llvm_bin, lib)
        status = "ok"
        if missing:
            status = "undefined: " + " ".join(missing)
            failed = True
        if size > args.max_text:
            status += f"; .text over {args.max_text}"
            failed = True
        print(f"{arch}: text {size} bytes: {status}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
