#!/usr/bin/env python3
"""Writes float formatting test cases with CPython's answers (placeholder)."""
import sys

with open(sys.argv[1], "w") as out:
    out.write("// no cases yet\n")
