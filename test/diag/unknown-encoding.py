#!/usr/bin/env python3
# -*- coding: utf-9 -*-
# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
# CPython 3.11 reports no line or column for this error (lineno 0).
# CHECK:{{.*}}unknown-encoding.py:2:15: error: unknown encoding 'utf-9' in coding declaration [unknown-encoding]
# CHECK-NEXT:# -*- coding: utf-9 -*-
# CHECK-NEXT:              ^
