# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
for x in y:
    try:
        pass
    except* ValueError:
        break
# CHECK:{{.*}}control-flow-in-except-star.py:7:9: error: 'break', 'continue' and 'return' cannot appear in an except* block [control-flow-in-except-star]
# CHECK-NEXT:        break
# CHECK-NEXT:        ^
