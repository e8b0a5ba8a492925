// Non-local return for ARM Cortex-M in Thumb state, AAPCS (see nlr.h for the
// protocol). One file, two instruction sets:
//   Thumb-1 (__ARM_ARCH_ISA_THUMB == 1: armv6m, armv8m.base): stm/ldm reach
//     only r0-r7, so r8-r11, sp and lr travel through r2/r3;
//   Thumb-2 (__ARM_ARCH_ISA_THUMB >= 2: armv7m, armv7em, armv8m.main).
// With an FPU (__ARM_FP, whatever the float ABI) s16-s31 are callee-saved
// too and are saved after the core registers.
//
// NlrBuf::regs (offsets from the start of the buffer; regs starts at 8):
//    8 r4  12 r5  16 r6  20 r7  24 r8  28 r9  32 r10  36 r11
//   40 sp  44 lr (the return address into the caller of taipan_nlr_push)
//   48..108 s16-s31 (only with __ARM_FP)
// Only r0-r3 (argument/scratch registers under the AAPCS) are used as
// temporaries, so the callee-saved registers still hold the caller's values
// when taipan_nlr_push tail-calls taipan_nlr_push_tail.
#include "nlr.h"

#if !defined(__ARM_ARCH_ISA_THUMB)
#error "nlr_thumb.S is for ARM Thumb"
#endif

#define R(i) (TAIPAN_NLR_REGS_OFFSET + 4 * (i))

        .syntax unified
        .thumb
        .text

// unsigned taipan_nlr_push(NlrBuf* buf /* r0 */)
        .globl  taipan_nlr_push
        .type   taipan_nlr_push, %function
        .p2align 2
        .thumb_func
taipan_nlr_push:
#if __ARM_ARCH_ISA_THUMB == 1
        mov     r1, r0
        adds    r1, #R(0)
        stmia   r1!, {r4-r7}
        mov     r2, r8
        mov     r3, r9
        stmia   r1!, {r2, r3}
        mov     r2, r10
        mov     r3, r11
        stmia   r1!, {r2, r3}
        mov     r2, sp
        mov     r3, lr
        stmia   r1!, {r2, r3}
        // Tail call. A Thumb-1 `b` reaches only +-2 KB and the linker adds no
        // veneer for it, so go through a register (the literal carries the
        // Thumb bit of the function's address).
        ldr     r1, .Lpush_tail
        bx      r1
        .p2align 2
.Lpush_tail:
        .word   taipan_nlr_push_tail
#else
        add     r1, r0, #R(0)
        stmia   r1!, {r4-r11}
        mov     r2, sp
        stmia   r1!, {r2, lr}
#if defined(__ARM_FP)
        vstmia  r1, {s16-s31}
#endif
        b.w     taipan_nlr_push_tail        // buf still in r0; returns 0
#endif
        .size   taipan_nlr_push, . - taipan_nlr_push

// [[noreturn]] void taipan_nlr_restore(NlrBuf* buf /* r0 */)
// Returns 1 from the taipan_nlr_push that filled buf (to the saved lr, with
// the saved sp).
        .globl  taipan_nlr_restore
        .hidden taipan_nlr_restore
        .type   taipan_nlr_restore, %function
        .p2align 2
        .thumb_func
taipan_nlr_restore:
#if __ARM_ARCH_ISA_THUMB == 1
        mov     r1, r0
        adds    r1, #R(4)
        ldmia   r1!, {r2, r3}
        mov     r8, r2
        mov     r9, r3
        ldmia   r1!, {r2, r3}
        mov     r10, r2
        mov     r11, r3
        ldmia   r1!, {r2, r3}
        mov     sp, r2
        mov     lr, r3
        mov     r1, r0
        adds    r1, #R(0)
        ldmia   r1!, {r4-r7}
        movs    r0, #1
        bx      lr
#else
        add     r1, r0, #R(0)
        ldmia   r1!, {r4-r11}
        ldmia   r1!, {r2, lr}
        mov     sp, r2
#if defined(__ARM_FP)
        vldmia  r1, {s16-s31}
#endif
        movs    r0, #1
        bx      lr
#endif
        .size   taipan_nlr_restore, . - taipan_nlr_restore

        .section .note.GNU-stack, "", %progbits
