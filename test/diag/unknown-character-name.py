# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
s = 'a\N{LATIN SMALL LETTER Q WITH FEATHERS}'
# CPython 3.11 reports column 46: it decodes the whole literal at once and points past its end; ours points at the backslash of the bad escape.
# CHECK:{{.*}}unknown-character-name.py:3:7: error: unknown Unicode character name 'LATIN SMALL LETTER Q WITH FEATHERS' [unknown-character-name]
# CHECK-NEXT:s = 'a\N{LATIN SMALL LETTER Q WITH FEATHERS}'
# CHECK-NEXT:      ^
