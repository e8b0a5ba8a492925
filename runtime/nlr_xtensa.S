// Non-local return for Xtensa (see nlr.h for the protocol), both ABIs:
//   call0 (ESP8266, -DTAIPAN_XTENSA_CALL0=1): a0 is the return address, a1
//     the stack pointer, a12-a15 are callee-saved;
//   windowed (ESP32, -DTAIPAN_XTENSA_WINDOWED=1): every function rotates the
//     register window with ENTRY and RETW; see the long comment below.
// Preprocess with `clang -E -x assembler-with-cpp`, assemble with
// `llvm-mc -triple=xtensa -mcpu=esp8266|esp32`. No .cfi directives (llvm-mc
// rejects Xtensa register names in them); literals are placed with
// .literal_position/.literal as llc does.
#include "nlr.h"

#if !defined(__XTENSA__) && !defined(__xtensa__)
#error "nlr_xtensa.S is for Xtensa"
#endif

#define R(i) (TAIPAN_NLR_REGS_OFFSET + 4 * (i))

// Copies four words from src + src_off to dst + dst_off through a6-a9 (the
// window words the push snapshot and the restore move in groups of four).
.macro COPY4 src, src_off, dst, dst_off
        l32i    a6, \src, \src_off
        l32i    a7, \src, \src_off + 4
        l32i    a8, \src, \src_off + 8
        l32i    a9, \src, \src_off + 12
        s32i    a6, \dst, \dst_off
        s32i    a7, \dst, \dst_off + 4
        s32i    a8, \dst, \dst_off + 8
        s32i    a9, \dst, \dst_off + 12
.endm

#if !TAIPAN_NLR_XTENSA_WINDOWED

// ===========================================================================
// call0 ABI
//
// NlrBuf::regs: 8 a0 (return address)  12 a1 (sp)  16 a12  20 a13  24 a14
// 28 a15.
// ===========================================================================

        .literal_position
        .literal .Lpush_tail, taipan_nlr_push_tail
        .text

// unsigned taipan_nlr_push(NlrBuf* buf /* a2 */)
        .global taipan_nlr_push
        .type   taipan_nlr_push, @function
        .p2align 2
taipan_nlr_push:
        s32i    a0, a2, R(0)
        s32i    a1, a2, R(1)
        s32i    a12, a2, R(2)
        s32i    a13, a2, R(3)
        s32i    a14, a2, R(4)
        s32i    a15, a2, R(5)
        // Tail call through a register: `j` reaches only +-128 KB, and IRAM
        // and flash are further apart than that on the ESP8266.
        l32r    a3, .Lpush_tail
        jx      a3                          // buf still in a2; returns 0
        .size   taipan_nlr_push, . - taipan_nlr_push

// [[noreturn]] void taipan_nlr_restore(NlrBuf* buf /* a2 */)
        .global taipan_nlr_restore
        .hidden taipan_nlr_restore
        .type   taipan_nlr_restore, @function
        .p2align 2
taipan_nlr_restore:
        l32i    a0, a2, R(0)
        l32i    a1, a2, R(1)
        l32i    a12, a2, R(2)
        l32i    a13, a2, R(3)
        l32i    a14, a2, R(4)
        l32i    a15, a2, R(5)
        movi    a2, 1
        ret
        .size   taipan_nlr_restore, . - taipan_nlr_restore

#else

// ===========================================================================
// Windowed ABI
//
// Names: C is the caller of taipan_nlr_push, P the caller of C, S the frame
// of taipan_nlr_push itself, sp_X the stack pointer of X (after its ENTRY).
// C called S with CALL4, CALL8 or CALL12 (call size k = 1, 2 or 3, kept in
// bits 31:30 of S's a0); that call size is how many of C's registers survive
// the call: a0-a3, plus a4-a7 for k >= 2, plus a8-a11 for k = 3. Those are
// the registers "callee-saved" for C, and the ones the buffer must capture.
//
// Where the window exception handlers keep a spilled frame's registers
// (this is the ABI's stack layout, and what _WindowOverflow/Underflow4/8/12
// read and write):
//   C's a0-a3   in the 16 bytes below the stack pointer of C's callee:
//               [sp_S - 16, sp_S)
//   C's a4-a11  at the top of C's own frame, just below P's a0-a3 (which
//               are at [sp_C - 16, sp_C)): [sp_P - 16 - 16*(k-1), sp_P - 16),
//               where sp_P is P's a1, found at sp_C - 12.
//
// Push. The caller chain's registers may still be in the physical register
// file, so S first spills every live window but its own, by forcing window
// overflows: it calls a chain of four small frames with CALL12, each of
// which touches its a12-a15. A frame touching a12-a15 makes every older
// frame whose registers overlap its window be spilled first; frame i of the
// chain sits 12*i registers past S, so the last one reaches 12*4 + 15 = 63
// registers past S's a0, all of the 64 physical registers of the ESP32 but
// S's own (with 32 the chain wraps around and also spills S and chain frames,
// which is harmless). In general ceil((NAREG/4 - 4) / 3) chain frames are
// needed: 4 for 64 registers, 2 for 32 (on QEMU's 32-register de233_fpu a
// single frame fails the tests and two pass). No special register is read or written and nothing
// needs PS.EXCM or masked interrupts: this is the "sequence of call/entry/
// retw instructions" way, the same that the overflow handlers of any
// windowed startup (ESP-IDF, ours for QEMU) already serve. After the chain
// returns, C and all its ancestors live in memory only (their WINDOWSTART
// bits are clear), so S copies C's a0-a3 and a4-a(4k-1) from their save areas
// into buf, with its own a0 (return address into C, call size in 31:30).
//
// Restore. J (taipan_nlr_restore) runs somewhere deeper on the same stack.
// It spills every window but its own the same way, so that every frame from
// J's caller up to C and beyond lives in memory only and WINDOWSTART holds
// J's bit alone. It then writes C's saved a4-a(4k-1) back into C's extra save
// area and C's saved a0-a3 into the 16 bytes below J's *own* stack pointer,
// loads S's saved a0 into a0 and 1 into a2, and executes RETW. RETW rotates
// back by k (from a0[31:30]), finds that frame's WINDOWSTART bit clear and
// takes a window underflow exception, whose handler reloads C's a0-a3 from
// [sp_J - 16, sp_J) and C's a4.. from C's frame: exactly the values saved at
// push time; RETW then completes into C, where C reads our a2 as the return
// value. The frames between C and J are simply forgotten.
//
// Why below J's stack pointer and not below sp_S as at push time: [sp_S -
// 16, sp_S) may lie inside J's own frame or its spill areas, which an
// interrupt may write until the RETW completes. The 16 bytes below sp_J are
// the base save area of the frame J returns into, which is what the
// underflow handler reads; the ABI keeps them for that use (interrupt
// handlers leave them alone), and the only other frame that could be
// spilled there, J's real caller, is already in memory and stays there.
// C's extra save area lies inside C's frame, above every frame being
// discarded. P's a0-a3 ([sp_C - 16, sp_C)) are neither saved nor restored:
// they sit at the top of every frame C calls, which the ABI reserves, and
// only a spill of P (unchanged while C is active) ever writes them.
//
// Cost: a push spills every live window (one overflow exception per live
// frame, then one underflow per frame as they return), like newlib's setjmp
// for this ABI. A jump spills the frames it discards.
//
// Requirement (any windowed startup meets it, the overflow handlers need it
// too): the outermost frame's "caller sp" slot, 12 bytes below its sp,
// holds a valid stack address (see test/runtime/qemu/xtensa_startup.S).
//
// NlrBuf::regs: 8..20 C's a0-a3, 24..52 C's a4-a11 (the first 4*(k-1)
// words used), 56 S's a0.
// ===========================================================================

// Frames of the spill chain: ENTRY a1, 48 is the smallest frame a CALL12
// caller may have (16 bytes reserved at the top + 32 for a4-a11).
#define TAIPAN_NLR_SPILL_FRAME 48

        .literal_position
        .literal .Lpush_tail, taipan_nlr_push_tail
        .text

// Spill chain: called with CALL12 and a2 = how many more frames to nest.
// Local to this file (no ABI promises beyond the windowed call protocol).
        .type   .Lnlr_spill, @function
        .p2align 2
.Lnlr_spill:
        entry   a1, TAIPAN_NLR_SPILL_FRAME
        mov     a15, a15                    // touch a12-a15: spill older overlapping windows
        beqz    a2, 1f
        addi    a14, a2, -1                 // next frame's a2
        call12  .Lnlr_spill
1:      retw
        .size   .Lnlr_spill, . - .Lnlr_spill

// unsigned taipan_nlr_push(NlrBuf* buf /* a2 */)
        .global taipan_nlr_push
        .type   taipan_nlr_push, @function
        .p2align 2
taipan_nlr_push:
        entry   a1, TAIPAN_NLR_SPILL_FRAME  // S calls with CALL12: 48 bytes
        movi    a14, 3                      // S, then 4 chain frames (3 more after the first)
        call12  .Lnlr_spill                 // a2 (buf) survives: CALL12 keeps a0-a11
        // C's a0-a3: in the 16 bytes below our stack pointer.
        addi    a3, a1, -16
        l32i    a4, a3, 0
        l32i    a5, a3, 4                   // C's sp
        l32i    a6, a3, 8
        l32i    a7, a3, 12
        s32i    a4, a2, R(0)
        s32i    a5, a2, R(1)
        s32i    a6, a2, R(2)
        s32i    a7, a2, R(3)
        s32i    a0, a2, R(12)
        // C's a4..: k = a0[31:30]; P's sp is at sp_C - 12.
        extui   a3, a0, 30, 2
        blti    a3, 2, 2f                   // call4: nothing more
        addi    a4, a5, -16
        l32i    a4, a4, 4                   // sp_P
        beqi    a3, 2, 1f
        addi    a4, a4, -48                 // call12: a4-a11 at [sp_P - 48, sp_P - 16)
        COPY4   a4, 0, a2, R(4)
        COPY4   a4, 16, a2, R(8)
        j       2f
1:      addi    a4, a4, -32                 // call8: a4-a7 at [sp_P - 32, sp_P - 16)
        COPY4   a4, 0, a2, R(4)
2:      // taipan_nlr_push_tail(buf) links buf and returns 0.
        l32r    a8, .Lpush_tail
        mov     a10, a2
        callx8  a8
        mov     a2, a10
        retw
        .size   taipan_nlr_push, . - taipan_nlr_push

// [[noreturn]] void taipan_nlr_restore(NlrBuf* buf /* a2 */)
        .global taipan_nlr_restore
        .hidden taipan_nlr_restore
        .type   taipan_nlr_restore, @function
        .p2align 2
taipan_nlr_restore:
        entry   a1, TAIPAN_NLR_SPILL_FRAME
        movi    a14, 3
        call12  .Lnlr_spill                 // now only this window is live
        l32i    a0, a2, R(12)               // S's a0: where and how to return
        l32i    a5, a2, R(1)                // C's sp
        extui   a3, a0, 30, 2
        blti    a3, 2, 2f
        addi    a4, a5, -16
        l32i    a4, a4, 4                   // sp_P
        beqi    a3, 2, 1f
        addi    a4, a4, -48                 // call12: a4-a11
        COPY4   a2, R(4), a4, 0
        COPY4   a2, R(8), a4, 16
        j       2f
1:      addi    a4, a4, -32                 // call8: a4-a7
        COPY4   a2, R(4), a4, 0
2:      // C's a0-a3 below our stack pointer, where the underflow handler
        // will look for them.
        addi    a3, a1, -16
        l32i    a4, a2, R(0)
        l32i    a6, a2, R(2)
        l32i    a7, a2, R(3)
        s32i    a4, a3, 0
        s32i    a5, a3, 4
        s32i    a6, a3, 8
        s32i    a7, a3, 12
        movi    a2, 1
        retw                                // underflows into C
        .size   taipan_nlr_restore, . - taipan_nlr_restore

#endif
