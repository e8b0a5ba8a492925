// Register holders for gc_qemu_test.cpp (Xtensa). Each puts the only copy of
// a fresh allocation in one register (every other register it controls
// zeroed, nothing stored to memory), scrubs the dead stack below it and
// collects, so the allocation is reachable only if the collector gets that
// register onto the stack; then reports through gc_test_phase1(reg) (alive?
// register intact?), clears the register, scrubs, collects again and reports
// through gc_test_phase2 (freed?).
//
// call0 (ESP8266): void gc_hold_a<N>(void), N = 12..15, callee-saved; calls
//   gc_collect directly.
// windowed (ESP32 ABI): void gc_hold_a<N>(int depth), N = 2..7, which a
//   CALL8 preserves; the value sits in this frame's register window while
//   gc_test_collect_deep(depth) calls gc_collect `depth` frames further
//   down, so the window is only ever saved by a window overflow.

#define SCRUB_BYTES 2048

#if defined(TAIPAN_XTENSA_WINDOWED) && TAIPAN_XTENSA_WINDOWED

        .literal_position
        .literal .Lalloc, gc_test_alloc
        .literal .Lscrub, gc_test_scrub
        .literal .Ldeep, gc_test_collect_deep
        .literal .Lphase1, gc_test_phase1
        .literal .Lphase2, gc_test_phase2
        .text

// void gc_test_scrub(void): zeroes SCRUB_BYTES below its own sp, then the
// physical registers: stale pointers left there by returned calls would be
// written to the stack by the window overflows of later calls that leave
// some of their registers unset. 10 nested CALL8s rotate through 80
// registers (the ESP32 has 64, de233_fpu 32), each zeroing its a2-a15.
        .global gc_test_scrub
        .type   gc_test_scrub, @function
        .p2align 2
gc_test_scrub:
        entry   a1, 32
        movi    a3, -SCRUB_BYTES
        add     a2, a1, a3
        movi    a4, 0
1:      s32i    a4, a2, 0
        addi    a2, a2, 4
        bltu    a2, a1, 1b
        .irp    r, 2,3,4,5,6,7,8,9,11,12,13,14,15
        movi    a\r, 0
        .endr
        movi    a10, 10
        call8   .Lzero_windows
        retw
        .size   gc_test_scrub, . - gc_test_scrub

        .p2align 2
.Lzero_windows:                         // (int count)
        entry   a1, 32
        addi    a10, a2, -1
        .irp    r, 2,3,4,5,6,7,8,9,11,12,13,14,15
        movi    a\r, 0
        .endr
        beqz    a10, 1f
        call8   .Lzero_windows
1:      retw

        .macro  ZERO_OTHERS n
        .irp    r, 2,3,4,5,6,7,8,9,10,11,12,13,14,15
        .if     \r != \n
        movi    a\r, 0
        .endif
        .endr
        .endm

// Frame (64 bytes): depth at sp + 0; the top 32 bytes are the ABI's (the
// extra save area for a4-a7 at sp + 32, 16 bytes for our caller's caller).
        .macro  HOLDER n
        .global gc_hold_a\n
        .type   gc_hold_a\n, @function
        .p2align 2
gc_hold_a\n:
        entry   a1, 64
        s32i    a2, a1, 0
        l32r    a8, .Lalloc
        callx8  a8                      // a10 = the allocation
        mov     a\n, a10                // the only copy
        ZERO_OTHERS \n
        l32r    a8, .Lscrub
        callx8  a8
        l32i    a10, a1, 0
        l32r    a8, .Ldeep
        callx8  a8
        mov     a10, a\n
        l32r    a8, .Lphase1
        callx8  a8
        ZERO_OTHERS 0
        // Drop the stale copy an overflow left in our extra save area too.
        s32i    a2, a1, 32
        s32i    a2, a1, 36
        s32i    a2, a1, 40
        s32i    a2, a1, 44
        l32r    a8, .Lscrub
        callx8  a8
        l32i    a10, a1, 0
        l32r    a8, .Ldeep
        callx8  a8
        l32r    a8, .Lphase2
        callx8  a8
        retw
        .size   gc_hold_a\n, . - gc_hold_a\n
        .endm

        HOLDER  2
        HOLDER  3
        HOLDER  4
        HOLDER  5
        HOLDER  6
        HOLDER  7

#else  // call0

        .literal_position
        .literal .Lalloc, gc_test_alloc
        .literal .Lscrub, gc_test_scrub
        .literal .Lcollect, _ZN6taipan2rt10gc_collectEv
        .literal .Lphase1, gc_test_phase1
        .literal .Lphase2, gc_test_phase2
        .text

// void gc_test_scrub(void): zeroes SCRUB_BYTES below sp. A leaf.
        .global gc_test_scrub
        .type   gc_test_scrub, @function
        .p2align 2
gc_test_scrub:
        movi    a3, -SCRUB_BYTES
        add     a2, a1, a3
        movi    a4, 0
1:      s32i    a4, a2, 0
        addi    a2, a2, 4
        bltu    a2, a1, 1b
        ret
        .size   gc_test_scrub, . - gc_test_scrub

        .macro  ZERO_OTHERS n
        .irp    r, 2,3,4,5,6,7,8,9,10,11,12,13,14,15
        .if     \r != \n
        movi    a\r, 0
        .endif
        .endr
        .endm

        .macro  HOLDER n
        .global gc_hold_a\n
        .type   gc_hold_a\n, @function
        .p2align 2
gc_hold_a\n:
        addi    a1, a1, -32
        s32i    a0, a1, 0
        s32i    a12, a1, 4
        s32i    a13, a1, 8
        s32i    a14, a1, 12
        s32i    a15, a1, 16
        l32r    a0, .Lalloc
        callx0  a0                      // a2 = the allocation
        mov     a\n, a2                 // the only copy
        ZERO_OTHERS \n
        l32r    a0, .Lscrub
        callx0  a0
        l32r    a0, .Lcollect
        callx0  a0
        mov     a2, a\n
        l32r    a0, .Lphase1
        callx0  a0
        ZERO_OTHERS 0
        l32r    a0, .Lscrub
        callx0  a0
        l32r    a0, .Lcollect
        callx0  a0
        l32r    a0, .Lphase2
        callx0  a0
        l32i    a0, a1, 0
        l32i    a12, a1, 4
        l32i    a13, a1, 8
        l32i    a14, a1, 12
        l32i    a15, a1, 16
        addi    a1, a1, 32
        ret
        .size   gc_hold_a\n, . - gc_hold_a\n
        .endm

        HOLDER  12
        HOLDER  13
        HOLDER  14
        HOLDER  15

#endif
