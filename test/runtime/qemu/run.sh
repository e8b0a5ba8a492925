#!/bin/sh
# Builds the bare-metal nlr test for every emulated target and runs it under
# QEMU (see README.md). Usage: run.sh [-O0|-O1|-O2|-Os] [build-dir]
# Exits non-zero if any target fails.
set -u
OPT=${1:--O2}
OUT=${2:-$(mktemp -d /tmp/taipan-nlr-qemu.XXXXXX)}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
mkdir -p "$OUT"
CXXFLAGS="-std=c++20 $OPT -ffreestanding -fno-builtin -fno-exceptions -fno-rtti -fno-threadsafe-statics -Wall -Wextra -I$ROOT"
status=0

# arm NAME QEMU-MACHINE CLANG-FLAGS...
arm() {
  name=$1 machine=$2; shift 2
  d=$OUT/$name; mkdir -p "$d"
  for src in runtime/nlr.cpp test/runtime/qemu/nlr_qemu_test.cpp test/runtime/qemu/arm_startup.cpp; do
    clang++-22 "$@" $CXXFLAGS -c "$ROOT/$src" -o "$d/$(basename "$src").o" || return 1
  done
  for src in runtime/nlr_thumb.S test/runtime/qemu/arm_regs_test.S; do
    clang-22 "$@" -I"$ROOT" -c "$ROOT/$src" -o "$d/$(basename "$src").o" || return 1
  done
  ld.lld-22 -T "$HERE/arm.ld" --gc-sections "$d"/*.o -o "$d/test.elf" || return 1
  timeout 60 qemu-system-arm -M "$machine" -nographic -monitor none -serial none \
    -semihosting-config enable=on,target=native -kernel "$d/test.elf"
}

# xtensa NAME QEMU-CPU LLC-CPU ABI-DEFINE BASE [LLC-FLAGS...]
xtensa() {
  name=$1 cpu=$2 llccpu=$3 abi=$4 base=$5; shift 5
  d=$OUT/$name; mkdir -p "$d"
  for src in runtime/nlr.cpp test/runtime/qemu/nlr_qemu_test.cpp; do
    o=$d/$(basename "$src")
    clang++-22 --target=xtensa "$abi" $CXXFLAGS -S -emit-llvm "$ROOT/$src" -o "$o.ll" || return 1
    llc-22 -mcpu="$llccpu" "$@" -O2 -filetype=asm "$o.ll" -o "$o.s" || return 1
    llvm-mc-22 -triple=xtensa -mcpu="$llccpu" -filetype=obj "$o.s" -o "$o.o" || return 1
  done
  for src in runtime/nlr_xtensa.S test/runtime/qemu/xtensa_startup.S test/runtime/qemu/xtensa_regs_test.S; do
    o=$d/$(basename "$src")
    clang-22 --target=xtensa "$abi" -I"$ROOT" -E -P -x assembler-with-cpp "$ROOT/$src" -o "$o.s" || return 1
    llvm-mc-22 -triple=xtensa -mcpu="$llccpu" -filetype=obj "$o.s" -o "$o.o" || return 1
  done
  xtensa-lx106-elf-ld -z noexecstack --no-warn-rwx-segments -T "$HERE/xtensa.ld" \
    --defsym=TAIPAN_QEMU_BASE="$base" "$d"/*.o -o "$d/test.elf" || return 1
  timeout 60 qemu-system-xtensa -M sim -cpu "$cpu" -nographic -monitor none -semihosting \
    -kernel "$d/test.elf"
}

run() {
  name=$2
  echo "=== $name ($OPT)"
  "$@"
  rc=$?
  if [ $rc -eq 0 ]; then echo "=== $name: PASS"; else echo "=== $name: FAIL (exit $rc)"; status=1; fi
}

run arm armv6m microbit --target=thumbv6m-none-eabi -mcpu=cortex-m0plus -mfloat-abi=soft
run arm armv7m mps2-an385 --target=thumbv7m-none-eabi -mcpu=cortex-m3 -mfloat-abi=soft
run arm armv7emsp mps2-an386 --target=thumbv7em-none-eabihf -mcpu=cortex-m4 -mfpu=fpv4-sp-d16 -mfloat-abi=hard
run xtensa xtensa lx106 esp8266 -DTAIPAN_XTENSA_CALL0=1 0x50000000
run xtensa xtensawin de233_fpu esp32 -DTAIPAN_XTENSA_WINDOWED=1 0xfe000000 -mattr=-mul32high
echo "build directory: $OUT"
exit $status
