// Register holders for gc_qemu_test.cpp (ARM, Thumb-1 so that it runs on
// every Cortex-M). gc_hold_r<N> (N = 4..11) puts the only copy of a fresh
// allocation in r<N> (every other register zeroed, nothing stored to
// memory), scrubs the dead stack below it and calls gc_collect directly, so
// the allocation is reachable only if the collector spills r<N>; then
// reports through gc_test_phase1(r<N>) (alive? r<N> intact?), clears r<N>,
// scrubs and collects again and reports through gc_test_phase2 (freed?).
        .syntax unified
        .thumb
        .text

// void gc_test_scrub(void): zeroes the 2 KiB below sp (dead stack that may
// hold stale copies of the pointer). A leaf touching only r0-r3.
        .globl  gc_test_scrub
        .type   gc_test_scrub, %function
        .p2align 2
        .thumb_func
gc_test_scrub:
        mov     r1, sp
        movs    r2, #1
        lsls    r2, r2, #11
        subs    r0, r1, r2
        movs    r3, #0
1:      str     r3, [r0]
        adds    r0, r0, #4
        cmp     r0, r1
        blo     1b
        bx      lr
        .size   gc_test_scrub, . - gc_test_scrub

        .macro  ZERO_SCRATCH
        movs    r0, #0
        movs    r1, #0
        movs    r2, #0
        movs    r3, #0
        mov     r12, r0
        .endm

        .macro  HOLDER n
        .globl  gc_hold_r\n
        .type   gc_hold_r\n, %function
        .p2align 2
        .thumb_func
gc_hold_r\n:
        push    {r4-r7, lr}
        mov     r4, r8
        mov     r5, r9
        mov     r6, r10
        mov     r7, r11
        push    {r4-r7}
        sub     sp, #4                  // 40 bytes: sp stays 8-aligned
        bl      gc_test_alloc           // r0 = the allocation
        movs    r1, #0
        mov     r4, r1
        mov     r5, r1
        mov     r6, r1
        mov     r7, r1
        mov     r8, r1
        mov     r9, r1
        mov     r10, r1
        mov     r11, r1
        mov     r\n, r0                 // the only copy
        ZERO_SCRATCH
        bl      gc_test_scrub
        bl      _ZN6taipan2rt10gc_collectEv
        mov     r0, r\n
        bl      gc_test_phase1
        ZERO_SCRATCH
        mov     r\n, r0                 // drop it
        bl      gc_test_scrub
        bl      _ZN6taipan2rt10gc_collectEv
        bl      gc_test_phase2
        add     sp, #4
        pop     {r4-r7}
        mov     r8, r4
        mov     r9, r5
        mov     r10, r6
        mov     r11, r7
        pop     {r4-r7, pc}
        .size   gc_hold_r\n, . - gc_hold_r\n
        .endm

        HOLDER  4
        HOLDER  5
        HOLDER  6
        HOLDER  7
        HOLDER  8
        HOLDER  9
        HOLDER  10
        HOLDER  11
