# RUN: %taipan compile --emit=scopes %s | FileCheck %s
# RUN: %taipan compile --emit=scopes %s | FileCheck --strict-whitespace --check-prefix=TREE %s
# RUN: %taipan compile --emit=scopes %s | grep -c ': ' | FileCheck --check-prefix=NSYM %s
# Assignment expressions: in a comprehension the target binds in the nearest
# function or module scope; the comprehension sees it as free (or global)
# and also assigned.

if (n := 10) > 5:
    pass

matches = [y for x in range(5) if (y := x * 2)]


def in_function(data):
    if (m := len(data)) > 3:
        return m
    return [last := d for d in data], last


def in_nested(data):
    return [[(found := v) for v in row] for row in data], found


def with_global(items):
    global latest
    return [latest := i for i in items]


def with_nonlocal():
    tally = 0

    def add(items):
        nonlocal tally
        return [tally := tally + i for i in items]

    return add


def in_lambda():
    return lambda q: (r := q + 1) + r


def in_genexpr(seq):
    return any((hit := s) for s in seq), hit
