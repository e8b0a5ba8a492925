#!/usr/bin/env python3
"""Runs a command with TAIPAN_CACHE_LIMIT set to a multiple of the largest
entry of a `taipan run` cache (lit's shell has no $(...)).

Usage: with_cache_limit.py FACTOR CACHE_DIR COMMAND [ARGS...]
The tests then do not depend on how big an executable is today.
"""
import os
import subprocess
import sys


def entry_size(path):
    return sum(os.path.getsize(os.path.join(path, name)) for name in os.listdir(path))


def main():
    factor, cache = float(sys.argv[1]), sys.argv[2]
    sizes = [entry_size(os.path.join(cache, name)) for name in os.listdir(cache)]
    env = dict(os.environ, TAIPAN_CACHE_DIR=cache, TAIPAN_CACHE_LIMIT=str(int(factor * max(sizes))))
    return subprocess.call(sys.argv[3:], env=env)


if __name__ == "__main__":
    sys.exit(main())
