# -*- coding: shift_jis -*-
print('hello')
# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s --dialect-differs "MicroPython only reads UTF-8 source; shift_jis is a valid CPython codec"
# CPython accepts this file (shift_jis is one of its codecs); Taipan, like MicroPython,
# only reads UTF-8 source (and a few single-byte encodings), hence --dialect-differs.
# CHECK:{{.*}}unsupported-encoding.py:1:15: error: source encoding 'shift_jis' is not supported: use UTF-8 [unsupported-encoding]
# CHECK-NEXT:# -*- coding: shift_jis -*-
# CHECK-NEXT:              ^
