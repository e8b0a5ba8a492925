#!/usr/bin/env python3
"""Runs a command and succeeds iff it exits with the given status.

Usage: expect_exit.py STATUS COMMAND [ARGS...]   (lit's shell has no $?)
The command's output is passed through.
"""
import subprocess
import sys


def main():
    expected = int(sys.argv[1])
    status = subprocess.call(sys.argv[2:])
    if status != expected:
        print(f"expect_exit: {sys.argv[2]} exited with {status}, expected {expected}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
