// Minimal Xtensa startup for the nlr QEMU test, for `qemu-system-xtensa -M
// sim`, with simcall semihosting for output and the exit status:
//   -DTAIPAN_XTENSA_CALL0=1     -cpu lx106 (ESP8266 class, call0 ABI)
//   -DTAIPAN_XTENSA_WINDOWED=1  -cpu de233_fpu (windowed ABI, like the ESP32;
//                               32 address registers where the ESP32 has 64)
// The image is linked at the CPU's reset vector (xtensa.ld, TAIPAN_QEMU_BASE):
// -M sim ignores the ELF entry point and starts there. The reset vector jumps
// to _start, which installs the vectors below (VECBASE), sets PS (window
// overflow exceptions on for the windowed ABI), zeroes .bss and calls
// nlr_qemu_main; its result becomes QEMU's exit status. Any other exception
// exits with status 100 + EXCCAUSE (99 for a double exception).
#include "runtime/nlr.h"

// llvm-mc does not know `simcall`.
#define SIMCALL .byte 0x00, 0x51, 0x00
#define SYS_EXIT 1
#define SYS_WRITE 4

#if TAIPAN_NLR_XTENSA_WINDOWED
// de233_fpu vector offsets from VECBASE.
#define KERNEL_VECOFS 0x300
#define USER_VECOFS 0x340
#define DOUBLE_VECOFS 0x3c0
#define PS_INIT 0x00040020          // WOE | UM, EXCM = 0, INTLEVEL = 0
#else
// lx106 vector offsets from VECBASE.
#define KERNEL_VECOFS 0x30
#define USER_VECOFS 0x50
#define DOUBLE_VECOFS 0x70
#define PS_INIT 0x00000020          // UM, EXCM = 0, INTLEVEL = 0
#endif

        .section .reset.text, "ax"
        .global _reset
_reset:
        j       _start

// ---------------------------------------------------------------------------
        .section .vectors.text, "ax"
        .global _vectors
_vectors:
#if TAIPAN_NLR_XTENSA_WINDOWED
// The standard window overflow/underflow handlers (Xtensa ISA reference,
// XEA2): on an overflow, a0-a3 (and a4-a11) of call[j] go to the base save
// area below call[j+1]'s sp and the extra save area at the top of call[j]'s
// own frame; an underflow reloads them from there.
        .org    0x000               // WindowOverflow4
        s32e    a0, a5, -16
        s32e    a1, a5, -12
        s32e    a2, a5, -8
        s32e    a3, a5, -4
        rfwo
        .org    0x040               // WindowUnderflow4
        l32e    a0, a5, -16
        l32e    a1, a5, -12
        l32e    a2, a5, -8
        l32e    a3, a5, -4
        rfwu
        .org    0x080               // WindowOverflow8
        s32e    a0, a9, -16
        l32e    a0, a1, -12         // call[j-1]'s sp
        s32e    a1, a9, -12
        s32e    a2, a9, -8
        s32e    a3, a9, -4
        s32e    a4, a0, -32
        s32e    a5, a0, -28
        s32e    a6, a0, -24
        s32e    a7, a0, -20
        rfwo
        .org    0x0c0               // WindowUnderflow8
        l32e    a0, a9, -16
        l32e    a1, a9, -12
        l32e    a2, a9, -8
        l32e    a7, a1, -12         // call[i-1]'s sp
        l32e    a3, a9, -4
        l32e    a4, a7, -32
        l32e    a5, a7, -28
        l32e    a6, a7, -24
        l32e    a7, a7, -20
        rfwu
        .org    0x100               // WindowOverflow12
        s32e    a0, a13, -16
        l32e    a0, a1, -12
        s32e    a1, a13, -12
        s32e    a2, a13, -8
        s32e    a3, a13, -4
        s32e    a4, a0, -48
        s32e    a5, a0, -44
        s32e    a6, a0, -40
        s32e    a7, a0, -36
        s32e    a8, a0, -32
        s32e    a9, a0, -28
        s32e    a10, a0, -24
        s32e    a11, a0, -20
        rfwo
        .org    0x140               // WindowUnderflow12
        l32e    a0, a13, -16
        l32e    a1, a13, -12
        l32e    a2, a13, -8
        l32e    a11, a1, -12
        l32e    a3, a13, -4
        l32e    a4, a11, -48
        l32e    a5, a11, -44
        l32e    a6, a11, -40
        l32e    a7, a11, -36
        l32e    a8, a11, -32
        l32e    a9, a11, -28
        l32e    a10, a11, -24
        l32e    a11, a11, -20
        rfwu
#endif
        .org    KERNEL_VECOFS
        rsr     a3, exccause
        addi    a3, a3, 100
        movi    a2, SYS_EXIT
        SIMCALL
        .org    USER_VECOFS
        rsr     a3, exccause
        addi    a3, a3, 100
        movi    a2, SYS_EXIT
        SIMCALL
        .org    DOUBLE_VECOFS
        movi    a3, 99
        movi    a2, SYS_EXIT
        SIMCALL

// ---------------------------------------------------------------------------
        .text
        .literal_position
        .literal .Lvectors, _vectors
        .literal .Lps, PS_INIT
        .literal .Lstack_top, __stack_top
        .literal .Lbss_start, __bss_start
        .literal .Lbss_end, __bss_end
        .literal .Lmain, nlr_qemu_main
        .global _start
        .p2align 2
_start:
        l32r    a2, .Lvectors
        wsr     a2, vecbase
        movi    a2, 0
        wsr     a2, intenable
        l32r    a2, .Lps
        wsr     a2, ps
        rsync
        l32r    a3, .Lbss_start
        l32r    a4, .Lbss_end
        movi    a5, 0
1:      bgeu    a3, a4, 2f
        s32i    a5, a3, 0
        addi    a3, a3, 4
        j       1b
2:
#if TAIPAN_NLR_XTENSA_WINDOWED
        // _start is the outermost window frame (WINDOWSTART = 1 at reset).
        // Give it a stack and a fake caller whose sp (read from sp - 12 by
        // the overflow handlers when they spill _start's a4-a7) points at
        // the stack top, so that a spill of _start lands in its own 64 bytes.
        l32r    a3, .Lstack_top
        addi    a1, a3, -64
        addi    a4, a1, -16
        s32i    a3, a4, 4
        movi    a0, 0
        l32r    a8, .Lmain
        callx8  a8
        mov     a3, a10
#else
        l32r    a1, .Lstack_top
        l32r    a0, .Lmain
        callx0  a0
        mov     a3, a2
#endif
        movi    a2, SYS_EXIT
        SIMCALL
3:      j       3b

// void platform_write(const char* s /* a2 */, size_t n /* a3 */)
        .global platform_write
        .type   platform_write, @function
        .p2align 2
platform_write:
#if TAIPAN_NLR_XTENSA_WINDOWED
        entry   a1, 32
#endif
        mov     a5, a3
        mov     a4, a2
        movi    a3, 1               // stdout
        movi    a2, SYS_WRITE
        SIMCALL
#if TAIPAN_NLR_XTENSA_WINDOWED
        retw
#else
        ret
#endif
        .size   platform_write, . - platform_write
