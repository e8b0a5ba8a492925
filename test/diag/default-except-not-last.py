# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
try:
    pass
except:
    pass
except ValueError:
    pass
# CHECK:{{.*}}default-except-not-last.py:5:1: error: default 'except:' must be last [default-except-not-last]
# CHECK-NEXT:except:
# CHECK-NEXT:^
