// int nlr_regs_test(int deep): puts a distinct value in every callee-saved
// register (r4-r11, and s16-s31 with an FPU), pushes a handler, overwrites
// them all and jumps (directly, or through `deep` frames of recursion when
// deep != 0), then checks in the handler that every one came back. Returns 0,
// or a number naming the first register that did not (1-8: r4-r11, 9: the
// jump value, 16-31: s16-s31). Thumb-1 code, so it runs on every Cortex-M.
#include "runtime/nlr.h"

        .syntax unified
        .thumb
        .text

#define FRAME 120                       // NlrBuf (at most 112 bytes) + deep
#define DEEP_OFS 112

        .globl  nlr_regs_test
        .type   nlr_regs_test, %function
        .p2align 2
        .thumb_func
nlr_regs_test:
        push    {r4-r7, lr}
        mov     r4, r8
        mov     r5, r9
        mov     r6, r10
        mov     r7, r11
        push    {r4-r7}
#if defined(__ARM_FP)
        vpush   {s16-s31}
#endif
        sub     sp, #FRAME
        str     r0, [sp, #DEEP_OFS]

        movs    r4, #0x14
        movs    r5, #0x15
        movs    r6, #0x16
        movs    r7, #0x17
        movs    r0, #0x18
        mov     r8, r0
        movs    r0, #0x19
        mov     r9, r0
        movs    r0, #0x1a
        mov     r10, r0
        movs    r0, #0x1b
        mov     r11, r0
#if defined(__ARM_FP)
        .irp    n, 16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
        movs    r0, #(0x40 + \n)
        vmov    s\n, r0
        .endr
#endif
        mov     r0, sp
        bl      taipan_nlr_push
        cmp     r0, #0
        bne     .Lcaught

        // Protected region: trash everything, then jump.
        movs    r0, #0xe0
        mov     r4, r0
        mov     r5, r0
        mov     r6, r0
        mov     r7, r0
        mov     r8, r0
        mov     r9, r0
        mov     r10, r0
        mov     r11, r0
#if defined(__ARM_FP)
        .irp    n, 16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
        vmov    s\n, r0
        .endr
#endif
        ldr     r0, [sp, #DEEP_OFS]
        movs    r1, #0x77
        cmp     r0, #0
        beq     1f
        bl      nlr_test_deep_jump      // (depth, value): never returns
1:      movs    r0, #0x77
        bl      taipan_nlr_jump

.Lcaught:
        movs    r1, #1
        cmp     r4, #0x14
        bne     .Lout
        movs    r1, #2
        cmp     r5, #0x15
        bne     .Lout
        movs    r1, #3
        cmp     r6, #0x16
        bne     .Lout
        movs    r1, #4
        cmp     r7, #0x17
        bne     .Lout
        movs    r1, #5
        mov     r0, r8
        cmp     r0, #0x18
        bne     .Lout
        movs    r1, #6
        mov     r0, r9
        cmp     r0, #0x19
        bne     .Lout
        movs    r1, #7
        mov     r0, r10
        cmp     r0, #0x1a
        bne     .Lout
        movs    r1, #8
        mov     r0, r11
        cmp     r0, #0x1b
        bne     .Lout
        movs    r1, #9
        ldr     r0, [sp, #TAIPAN_NLR_VALUE_OFFSET]
        cmp     r0, #0x77
        bne     .Lout
#if defined(__ARM_FP)
        .irp    n, 16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
        movs    r1, #\n
        vmov    r0, s\n
        cmp     r0, #(0x40 + \n)
        bne     .Lout
        .endr
#endif
        movs    r1, #0
.Lout:
        mov     r0, r1
        add     sp, #FRAME
#if defined(__ARM_FP)
        vpop    {s16-s31}
#endif
        pop     {r4-r7}
        mov     r8, r4
        mov     r9, r5
        mov     r10, r6
        mov     r11, r7
        pop     {r4-r7, pc}
        .size   nlr_regs_test, . - nlr_regs_test

        .section .note.GNU-stack, "", %progbits
