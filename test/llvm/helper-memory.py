# Helpers that only allocate (box_float) or only read (unbox_float) tell
# LLVM so (native_abi.def: TAIPAN_ABI_ALLOCATES, TAIPAN_ABI_READS): a list's
# header words loaded before a boxed path stay in registers after it.
# Neither is willreturn: both may raise, so stores stay before them.
# RUN: %taipan compile --emit=llvm %s | FileCheck %s

def scale(b, f):
    b[0] = b[0] * f
    b[1] = b[1] * f
    return b

print(scale([1.5, 2.5], 2.0))

# CHECK-DAG: declare {{(noundef )?}}i64 @taipan_native_box_float(double) {{.*}}#[[ALLOCATES:[0-9]+]]
# CHECK-DAG: declare {{(noundef )?}}double @taipan_native_unbox_float(i64) {{.*}}#[[READS:[0-9]+]]
# CHECK-DAG: declare {{(noundef )?}}i64 @taipan_native_call(i64, i64, i64, ptr) {{.*}}#[[PLAIN:[0-9]+]]
# CHECK-DAG: attributes #[[ALLOCATES]] = { nounwind memory(inaccessiblemem: readwrite) }
# CHECK-DAG: attributes #[[READS]] = { nounwind memory(read, inaccessiblemem: readwrite) }
# CHECK-DAG: attributes #[[PLAIN]] = { nounwind }
