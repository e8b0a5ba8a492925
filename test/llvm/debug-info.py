# -g: a line table mapping native code to the Python source, one subprogram
# per function (bodies and entries), for every target. Xtensa assembly
# loses its .cfi directives (llvm-mc rejects their register names).
# RUN: %taipan compile -g --emit=llvm -O2 %s | FileCheck %s
# RUN: %taipan compile -g --emit=obj -O2 %s -o %t.o
# RUN: llvm-dwarfdump --debug-line %t.o | FileCheck %s --check-prefix=LINES
# RUN: %taipan compile -g --emit=asm -O2 -march=xtensa %s | FileCheck %s --check-prefix=XTENSA
# RUN: %taipan compile -g --emit=obj -O2 -march=xtensawin %s -o %t.esp32.o
# RUN: %taipan compile -g --emit=obj -O2 -march=armv7m %s -o %t.armv7m.o
# RUN: llvm-dwarfdump --debug-line %t.armv7m.o | FileCheck %s --check-prefix=LINES

def total(n):
    s = 0
    for i in range(n):
        s += i
    return s

print(total(10))

# CHECK: !DICompileUnit(language: DW_LANG_Python, file: ![[FILE:[0-9]+]], producer: "taipan", {{.*}}emissionKind: LineTablesOnly
# CHECK: ![[FILE]] = !DIFile(filename: "{{.*}}debug-info.py", directory: "{{.+}}")
# CHECK-DAG: !DISubprogram(name: "{{.*}}total", linkageName: "taipan_m0_f1_total", {{.*}}line: 12,
# CHECK-DAG: !DISubprogram(name: "{{.*}}total", linkageName: "taipan_m0_e1_total", {{.*}}line: 12,
# CHECK-DAG: !DILocation(line: 15, column: 9,

# LINES: name: "{{.*}}debug-info.py"
# LINES: 0x{{[0-9a-f]+}} 15 9

# XTENSA-NOT: .cfi_
# XTENSA: .loc {{[0-9]+}} 15 9
# XTENSA-NOT: .cfi_
