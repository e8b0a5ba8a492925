#!/usr/bin/env python3
"""Checks that CPython rejects a source file, the way Taipan's diag tests expect.

Usage:
    cpython_rejects.py FILE [--dialect-differs REASON]

Compiles the file's bytes with ``compile(source, FILE, 'exec',
dont_inherit=True)`` (warnings ignored) and prints what CPython says: the
exception's type, message, line and offset, or that it accepted the file.

The exit status is 0 iff CPython raised SyntaxError (including its subclasses
IndentationError and TabError) or ValueError (null bytes in older 3.11
releases).  Anything else, including RecursionError or MemoryError for inputs
that only hit CPython's implementation limits, is exit status 1.

--dialect-differs REASON documents a test where Taipan deliberately rejects a
file that CPython accepts: the outcome is still printed, with REASON, and the
exit status is always 0.
"""

import argparse
import sys
import warnings


def describe(exc):
    if isinstance(exc, SyntaxError):
        return '%s: %s (line %s, offset %s)' % (type(exc).__name__, exc.msg, exc.lineno, exc.offset)
    return '%s: %s' % (type(exc).__name__, exc)


def main():
    parser = argparse.ArgumentParser(description='Exit 0 iff CPython rejects FILE with SyntaxError or ValueError.')
    parser.add_argument('file')
    parser.add_argument('--dialect-differs', metavar='REASON',
                        help='Taipan deliberately rejects what CPython accepts: always exit 0 and print REASON')
    args = parser.parse_args()

    with open(args.file, 'rb') as f:
        source = f.read()
    rejected = False
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        try:
            compile(source, args.file, 'exec', dont_inherit=True)
            print('CPython %s accepts %s' % (sys.version.split()[0], args.file))
        except (SyntaxError, ValueError) as exc:
            rejected = True
            print('CPython %s rejects %s: %s' % (sys.version.split()[0], args.file, describe(exc)))
        except Exception as exc:  # RecursionError, MemoryError, ...
            print('CPython %s fails on %s without a SyntaxError: %s'
                  % (sys.version.split()[0], args.file, describe(exc)))

    if args.dialect_differs is not None:
        print('dialect differs: %s' % args.dialect_differs)
        return 0
    return 0 if rejected else 1


if __name__ == '__main__':
    sys.exit(main())
