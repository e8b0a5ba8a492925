# Every -march: assembly for its CPU, an object for its machine, and the
# target's Float in the bodies (double on x86 hosts, float on every board,
# matching runtime/float.h).
# RUN: %taipan compile --emit=llvm -O0 -march=x64 %s | FileCheck %s --check-prefix=X64-LL
# RUN: %taipan compile --emit=llvm -O0 -march=armv6m %s | FileCheck %s --check-prefix=V6M-LL
# RUN: %taipan compile --emit=llvm -O0 -march=armv7emsp %s | FileCheck %s --check-prefix=V7EM-LL
# RUN: %taipan compile --emit=llvm -O0 -march=xtensawin %s | FileCheck %s --check-prefix=ESP32-LL
#
# RUN: %taipan compile --emit=asm -O0 -march=x64 %s | FileCheck %s --check-prefix=X64
# RUN: %taipan compile --emit=asm -O0 -march=armv6m %s | FileCheck %s --check-prefix=V6M
# RUN: %taipan compile --emit=asm -O0 -march=armv7m %s | FileCheck %s --check-prefix=V7M
# RUN: %taipan compile --emit=asm -O0 -march=armv7em %s | FileCheck %s --check-prefix=V7EM
# RUN: %taipan compile --emit=asm -O0 -march=armv7emsp %s | FileCheck %s --check-prefix=V7EM
# RUN: %taipan compile --emit=asm -O0 -march=armv7emdp %s | FileCheck %s --check-prefix=V7EMDP
# RUN: %taipan compile --emit=asm -O0 -march=xtensa %s | FileCheck %s --check-prefix=ESP8266
# RUN: %taipan compile --emit=asm -O0 -march=xtensawin %s | FileCheck %s --check-prefix=ESP32
#
# RUN: %taipan compile --emit=obj -march=x64 %s -o %t.x64.o
# RUN: llvm-readelf -h %t.x64.o | FileCheck %s --check-prefix=OBJ-X64
# RUN: %taipan compile --emit=obj -march=armv6m %s -o %t.armv6m.o
# RUN: llvm-readelf -h -A %t.armv6m.o | FileCheck %s --check-prefixes=OBJ-ARM,OBJ-V6M
# RUN: %taipan compile --emit=obj -march=armv7m %s -o %t.armv7m.o
# RUN: llvm-readelf -h -A %t.armv7m.o | FileCheck %s --check-prefixes=OBJ-ARM,OBJ-V7M
# RUN: %taipan compile --emit=obj -march=armv7emsp %s -o %t.armv7emsp.o
# RUN: llvm-readelf -h -A %t.armv7emsp.o | FileCheck %s --check-prefixes=OBJ-ARM,OBJ-V7EM
# RUN: %taipan compile --emit=obj -march=armv7emdp %s -o %t.armv7emdp.o
# RUN: llvm-readelf -h -A %t.armv7emdp.o | FileCheck %s --check-prefixes=OBJ-ARM,OBJ-V7EMDP
# Xtensa objects come from llvm-mc (the direct object emission is broken).
# RUN: %taipan compile --emit=obj -march=xtensa %s -o %t.xtensa.o
# RUN: llvm-readelf -h -s %t.xtensa.o | FileCheck %s --check-prefix=OBJ-XTENSA
# RUN: %taipan compile --emit=obj -march=xtensawin %s -o %t.xtensawin.o
# RUN: llvm-readelf -h -s %t.xtensawin.o | FileCheck %s --check-prefix=OBJ-XTENSA

def scale(x, y):
    return x * y + 0.5

def count(n):
    s = 0
    for i in range(n):
        s += i
    return s

print(scale(1.5, 2.0), count(10))

# X64-LL: target triple = "x86_64-unknown-linux-gnu"
# X64-LL: define internal {{(noundef )?}}double @taipan_m0_f1_scale(ptr {{.*}}, double {{.*}}, double {{.*}})
# X64-LL: define internal {{(noundef )?}}i64 @taipan_m0_f2_count(ptr {{.*}}, i64 {{.*}})
# V6M-LL: target triple = "thumbv6m-unknown-none-eabi"
# V6M-LL: define internal {{(noundef )?}}float @taipan_m0_f1_scale(ptr {{.*}}, float {{.*}}, float {{.*}})
# V6M-LL: define internal {{(noundef )?}}i32 @taipan_m0_f2_count(ptr {{.*}}, i32 {{.*}})
# V6M-LL: "target-cpu"="cortex-m0plus" "target-features"="+strict-align,+soft-float" "use-soft-float"="true"
# V7EM-LL: target triple = "thumbv7em-unknown-none-eabihf"
# V7EM-LL: define internal {{(noundef )?}}float @taipan_m0_f1_scale(ptr {{.*}}, float {{.*}}, float {{.*}})
# V7EM-LL: "target-cpu"="cortex-m4" "target-features"="+vfp4d16sp"
# ESP32-LL: target triple = "xtensa"
# ESP32-LL: define internal {{(noundef )?}}float @taipan_m0_f1_scale(ptr {{.*}}, float {{.*}}, float {{.*}})
# ESP32-LL: "target-cpu"="esp32" "target-features"="-mul32high"

# X64: taipan_m0_f1_scale:
# X64: mulsd
# V6M: .cpu cortex-m0plus
# V6M: bl __aeabi_fmul
# V7M: .cpu cortex-m3
# V7M: bl __aeabi_fmul
# V7EM: .cpu cortex-m4
# V7EM: .fpu fpv4-sp-d16
# V7EM: {{vmul|vmla}}.f32
# V7EMDP: .cpu cortex-m7
# V7EMDP: .fpu fpv5-d16
# V7EMDP: {{vmul|vmla}}.f32
# Call0 ABI: no register windows.
# ESP8266: taipan_m0_f1_scale:
# ESP8266-NOT: entry a1
# ESP8266: callx0
# ESP8266: ret
# Windowed ABI, single-precision FPU.
# ESP32: taipan_m0_f1_scale:
# ESP32-NEXT: entry a1,
# ESP32: mul.s
# ESP32: retw

# OBJ-X64: Class: ELF64
# OBJ-X64: Machine: Advanced Micro Devices X86-64
# OBJ-ARM: Class: ELF32
# OBJ-ARM: Machine: ARM
# OBJ-V6M: CPU_name
# OBJ-V6M-NEXT: Value: cortex-m0plus
# OBJ-V7M: CPU_name
# OBJ-V7M-NEXT: Value: cortex-m3
# OBJ-V7EM: CPU_name
# OBJ-V7EM-NEXT: Value: cortex-m4
# OBJ-V7EM: TagName: ABI_VFP_args
# OBJ-V7EM-NEXT: Description: AAPCS VFP
# OBJ-V7EMDP: CPU_name
# OBJ-V7EMDP-NEXT: Value: cortex-m7
# OBJ-V7EMDP: TagName: ABI_VFP_args
# OBJ-V7EMDP-NEXT: Description: AAPCS VFP
# OBJ-XTENSA: Class: ELF32
# OBJ-XTENSA: Machine: Tensilica Xtensa Processor
# OBJ-XTENSA: taipan_native_module_0
