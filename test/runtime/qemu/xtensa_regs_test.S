// Register checks for runtime/nlr_xtensa.S, written in assembly so that the
// registers under test are exactly the ones the ABI promises to keep.
//
// call0 ABI: int nlr_regs_test(int deep)
//   a12-a15 (and a0/a1) get distinct values; push; overwrite them; jump
//   (directly, or from `deep` frames down through nlr_test_deep_jump);
//   check them in the handler. Returns 0, or 1-4 for the first of a12-a15
//   that differs, 5 for a wrong jump value.
//
// windowed ABI: int nlr_callsize_test(int k, int deep)
//   calls taipan_nlr_push with CALL4 (k = 1), CALL8 (k = 2) or CALL12
//   (k = 3), with distinct values in every register of this frame that such
//   a call preserves (a2-a3, a2-a7, a2-a11); overwrites them in the
//   protected region and jumps with a CALL8 (directly, or from `deep` frames
//   down), so that the call size at the jump differs from the one at the
//   push; checks them in the handler. Returns 0, or 0x100 + n for the first
//   register a<n> that differs, 0x200 for a wrong jump value.
#include "runtime/nlr.h"

#if !TAIPAN_NLR_XTENSA_WINDOWED

        .literal_position
        .literal .Lpush, taipan_nlr_push
        .literal .Ljump, taipan_nlr_jump
        .literal .Ldeep, nlr_test_deep_jump
        .text
        .global nlr_regs_test
        .type   nlr_regs_test, @function
        .p2align 2
nlr_regs_test:
        addi    a1, a1, -96
        s32i    a0, a1, 64
        s32i    a12, a1, 68
        s32i    a13, a1, 72
        s32i    a14, a1, 76
        s32i    a15, a1, 80
        s32i    a2, a1, 84          // deep
        movi    a12, 0x41c
        movi    a13, 0x41d
        movi    a14, 0x41e
        movi    a15, 0x41f
        mov     a2, a1              // NlrBuf at sp + 0
        l32r    a0, .Lpush
        callx0  a0
        bnez    a2, .Lcaught
        movi    a12, -1
        movi    a13, -1
        movi    a14, -1
        movi    a15, -1
        l32i    a2, a1, 84
        movi    a3, 0x77
        beqz    a2, 1f
        l32r    a0, .Ldeep
        callx0  a0                  // (depth, value): never returns
1:      movi    a2, 0x77
        l32r    a0, .Ljump
        callx0  a0
.Lcaught:
        movi    a2, 1
        movi    a3, 0x41c
        bne     a12, a3, .Lout
        movi    a2, 2
        movi    a3, 0x41d
        bne     a13, a3, .Lout
        movi    a2, 3
        movi    a3, 0x41e
        bne     a14, a3, .Lout
        movi    a2, 4
        movi    a3, 0x41f
        bne     a15, a3, .Lout
        movi    a2, 5
        l32i    a3, a1, TAIPAN_NLR_VALUE_OFFSET
        movi    a4, 0x77
        bne     a3, a4, .Lout
        movi    a2, 0
.Lout:
        l32i    a0, a1, 64
        l32i    a12, a1, 68
        l32i    a13, a1, 72
        l32i    a14, a1, 76
        l32i    a15, a1, 80
        addi    a1, a1, 96
        ret
        .size   nlr_regs_test, . - nlr_regs_test

#else

#define PAT(n) (0x400 + (n) * 0x11)

        .macro  SETPAT reg, n
        movi    \reg, PAT(\n)
        .endm

        // Leaves with 0x100 + n in a2 unless \reg holds PAT(n).
        .macro  CHKPAT reg, n, tmp
        movi    \tmp, PAT(\n)
        beq     \reg, \tmp, .Lok_\@
        movi    a2, 0x100 + \n
        retw
.Lok_\@:
        .endm

        // The protected region: overwrite a2-a11, jump with a CALL8.
        .macro  TRASH_AND_JUMP
        movi    a2, -2
        movi    a3, -3
        movi    a4, -4
        movi    a5, -5
        movi    a6, -6
        movi    a7, -7
        movi    a9, -9
        movi    a11, -11
        l32i    a10, a1, 64         // deep
        movi    a11, 0x77
        beqz    a10, .Ldirect_\@
        l32r    a8, .Ldeep
        callx8  a8                  // (depth, value): never returns
.Ldirect_\@:
        mov     a10, a11
        l32r    a8, .Ljump
        callx8  a8
        .endm

        .macro  CHKVALUE tmp, tmp2
        l32i    \tmp, a1, TAIPAN_NLR_VALUE_OFFSET
        movi    \tmp2, 0x77
        beq     \tmp, \tmp2, .Lvok_\@
        movi    a2, 0x200
        retw
.Lvok_\@:
        .endm

        .literal_position
        .literal .Lpush, taipan_nlr_push
        .literal .Ljump, taipan_nlr_jump
        .literal .Ldeep, nlr_test_deep_jump
        .text
        .global nlr_callsize_test
        .type   nlr_callsize_test, @function
        .p2align 2
// Frame (128 bytes): NlrBuf at sp + 0 (60 bytes), deep at sp + 64; the top
// 48 bytes are the ABI's: the extra save area for a4-a11 (this frame makes
// CALL12s) at sp + 80 and the 16 bytes reserved for our caller's caller.
nlr_callsize_test:
        entry   a1, 128
        s32i    a3, a1, 64
        bnei    a2, 1, 1f
        j       .Lk1
1:      bnei    a2, 2, 2f
        j       .Lk2
2:

// --- CALL12: a2-a11 survive ---------------------------------------------------
        SETPAT  a2, 2
        SETPAT  a3, 3
        SETPAT  a4, 4
        SETPAT  a5, 5
        SETPAT  a6, 6
        SETPAT  a7, 7
        SETPAT  a8, 8
        SETPAT  a9, 9
        SETPAT  a10, 10
        SETPAT  a11, 11
        l32r    a12, .Lpush
        mov     a14, a1
        callx12 a12
        bnez    a14, 1f
        movi    a8, -8
        movi    a10, -10
        TRASH_AND_JUMP
1:      CHKPAT  a2, 2, a12
        CHKPAT  a3, 3, a12
        CHKPAT  a4, 4, a12
        CHKPAT  a5, 5, a12
        CHKPAT  a6, 6, a12
        CHKPAT  a7, 7, a12
        CHKPAT  a8, 8, a12
        CHKPAT  a9, 9, a12
        CHKPAT  a10, 10, a12
        CHKPAT  a11, 11, a12
        CHKVALUE a12, a13
        movi    a2, 0
        retw

// --- CALL8: a2-a7 survive -----------------------------------------------------
.Lk2:
        SETPAT  a2, 2
        SETPAT  a3, 3
        SETPAT  a4, 4
        SETPAT  a5, 5
        SETPAT  a6, 6
        SETPAT  a7, 7
        l32r    a8, .Lpush
        mov     a10, a1
        callx8  a8
        bnez    a10, 1f
        TRASH_AND_JUMP
1:      CHKPAT  a2, 2, a8
        CHKPAT  a3, 3, a8
        CHKPAT  a4, 4, a8
        CHKPAT  a5, 5, a8
        CHKPAT  a6, 6, a8
        CHKPAT  a7, 7, a8
        CHKVALUE a8, a9
        movi    a2, 0
        retw

// --- CALL4: a2-a3 survive -----------------------------------------------------
.Lk1:
        SETPAT  a2, 2
        SETPAT  a3, 3
        l32r    a4, .Lpush
        mov     a6, a1
        callx4  a4
        bnez    a6, 1f
        TRASH_AND_JUMP
1:      CHKPAT  a2, 2, a4
        CHKPAT  a3, 3, a4
        CHKVALUE a4, a5
        movi    a2, 0
        retw
        .size   nlr_callsize_test, . - nlr_callsize_test

#endif
