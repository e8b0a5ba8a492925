#!/bin/sh
# Builds the bare-metal nlr and gc tests for every emulated target and runs
# them under QEMU (see README.md).
# Usage: run.sh [-O0|-O1|-O2|-Os] [build-dir] [programs, default "nlr gc"]
# Prints `=== <target>: PASS` (nlr) and `=== <target> gc: PASS` (gc) lines.
# Exits non-zero if any program fails.
set -u
OPT=${1:--O2}
OUT=${2:-$(mktemp -d /tmp/taipan-nlr-qemu.XXXXXX)}
PROGS=${3:-nlr gc}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
mkdir -p "$OUT"
CXXFLAGS="-std=c++20 $OPT -ffreestanding -fno-builtin -fno-exceptions -fno-rtti -fno-threadsafe-statics -Wall -Wextra -I$ROOT"
Q=test/runtime/qemu
status=0

# Sets CXX_SRCS, ASM_SRCS, DIR, LDEXTRA for program $1 (nlr or gc) on
# target $2; $3 is the architecture (arm or xtensa).
sources() {
  case $1-$3 in
    nlr-arm) CXX_SRCS="runtime/nlr.cpp $Q/nlr_qemu_test.cpp"
             ASM_SRCS="runtime/nlr_thumb.S $Q/arm_regs_test.S" ;;
    nlr-xtensa) CXX_SRCS="runtime/nlr.cpp $Q/nlr_qemu_test.cpp"
             ASM_SRCS="runtime/nlr_xtensa.S $Q/xtensa_regs_test.S" ;;
    gc-arm) CXX_SRCS="runtime/gc.cpp runtime/freestanding/libc.cpp $Q/gc_qemu_test.cpp"
             ASM_SRCS="$Q/arm_gc_regs.S" ;;
    gc-xtensa) CXX_SRCS="runtime/gc.cpp runtime/freestanding/libc.cpp $Q/gc_qemu_test.cpp"
             ASM_SRCS="$Q/xtensa_gc_regs.S" ;;
  esac
  if [ "$1" = nlr ]; then
    DIR=$OUT/$2 LDEXTRA=
  else
    # The startup code calls nlr_qemu_main.
    DIR=$OUT/$2-$1 LDEXTRA=--defsym=nlr_qemu_main=${1}_qemu_main
  fi
  mkdir -p "$DIR"
}

# arm PROG NAME QEMU-MACHINE CLANG-FLAGS...
arm() {
  prog=$1 name=$2 machine=$3; shift 3
  sources "$prog" "$name" arm
  d=$DIR
  for src in $CXX_SRCS $Q/arm_startup.cpp; do
    clang++-22 "$@" $CXXFLAGS -c "$ROOT/$src" -o "$d/$(basename "$src").o" || return 1
  done
  for src in $ASM_SRCS; do
    clang-22 "$@" -I"$ROOT" -c "$ROOT/$src" -o "$d/$(basename "$src").o" || return 1
  done
  ld.lld-22 -T "$HERE/arm.ld" --gc-sections $LDEXTRA "$d"/*.o -o "$d/test.elf" || return 1
  timeout 60 qemu-system-arm -M "$machine" -nographic -monitor none -serial none \
    -semihosting-config enable=on,target=native -kernel "$d/test.elf"
}

# xtensa PROG NAME QEMU-CPU LLC-CPU ABI-DEFINE BASE [LLC-FLAGS...]
xtensa() {
  prog=$1 name=$2 cpu=$3 llccpu=$4 abi=$5 base=$6; shift 6
  sources "$prog" "$name" xtensa
  d=$DIR
  for src in $CXX_SRCS; do
    o=$d/$(basename "$src")
    clang++-22 --target=xtensa "$abi" $CXXFLAGS -S -emit-llvm "$ROOT/$src" -o "$o.ll" || return 1
    llc-22 -mcpu="$llccpu" "$@" -O2 -filetype=asm "$o.ll" -o "$o.s" || return 1
    llvm-mc-22 -triple=xtensa -mcpu="$llccpu" -filetype=obj "$o.s" -o "$o.o" || return 1
  done
  for src in $ASM_SRCS $Q/xtensa_startup.S; do
    o=$d/$(basename "$src")
    clang-22 --target=xtensa "$abi" -I"$ROOT" -E -P -x assembler-with-cpp "$ROOT/$src" -o "$o.s" || return 1
    llvm-mc-22 -triple=xtensa -mcpu="$llccpu" -filetype=obj "$o.s" -o "$o.o" || return 1
  done
  xtensa-lx106-elf-ld -z noexecstack --no-warn-rwx-segments -T "$HERE/xtensa.ld" \
    --defsym=TAIPAN_QEMU_BASE="$base" $LDEXTRA "$d"/*.o -o "$d/test.elf" || return 1
  timeout 60 qemu-system-xtensa -M sim -cpu "$cpu" -nographic -monitor none -semihosting \
    -kernel "$d/test.elf"
}

# run ARCH PROG NAME ARGS...
run() {
  prog=$2 name=$3
  if [ "$prog" = nlr ]; then label=$name; else label="$name $prog"; fi
  echo "=== $label ($OPT)"
  "$@"
  rc=$?
  if [ $rc -eq 0 ]; then echo "=== $label: PASS"; else echo "=== $label: FAIL (exit $rc)"; status=1; fi
}

for prog in $PROGS; do
  run arm $prog armv6m microbit --target=thumbv6m-none-eabi -mcpu=cortex-m0plus -mfloat-abi=soft
  run arm $prog armv7m mps2-an385 --target=thumbv7m-none-eabi -mcpu=cortex-m3 -mfloat-abi=soft
  run arm $prog armv7emsp mps2-an386 --target=thumbv7em-none-eabihf -mcpu=cortex-m4 -mfpu=fpv4-sp-d16 -mfloat-abi=hard
  run xtensa $prog xtensa lx106 esp8266 -DTAIPAN_XTENSA_CALL0=1 0x50000000
  run xtensa $prog xtensawin de233_fpu esp32 -DTAIPAN_XTENSA_WINDOWED=1 0xfe000000 -mattr=-mul32high
done
echo "build directory: $OUT"
exit $status
