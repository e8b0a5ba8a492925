# `from m import *` lowers to the runtime's import_star into the module's
# globals (it also keeps calls of module functions dynamic: any global may
# be rebound by it).
# RUN: %taipan compile --emit=llvm -O0 %s | FileCheck %s

from math import *

def f(x):
    return x

print(f(pi))

# CHECK-LABEL: define internal {{(noundef )?}}i64 @taipan_m0_f0__module_(
# CHECK: %[[M:[0-9]+]] = call i64 @taipan_native_import_name(ptr %ctx, i64 %{{.*}}, i64 %{{.*}}, i64 {{.*}})
# CHECK: call void @taipan_native_import_star(ptr %ctx, i64 %[[M]])
# CHECK: call i64 @taipan_native_call(
