# RUN: %python %tools/run_e2e.py %taipan %s
# RUN: cd / && %taipan run %s | FileCheck %s
# sys.path[0] is the absolute directory of the script, also when the
# program is started from another directory.
# CHECK: RUN: %python
# CHECK-NEXT: True True
import sys

with open(sys.path[0] + "/sys_path_script_dir.py") as f:
    print(f.readline().rstrip())
print(sys.path[0].startswith("/"), sys.path[0].endswith("modules"))
