// Non-local return for x86-64, System V ABI (see nlr.h for the protocol).
//
// NlrBuf::regs (offsets from the start of the buffer; regs starts at 16):
//   16 return address        24 rsp after the return (entry rsp + 8)
//   32 rbp  40 rbx  48 r12  56 r13  64 r14  72 r15
// Only the System V callee-saved integer registers are kept; the MXCSR and
// x87 control words are left alone, as glibc's setjmp does.
#include "nlr.h"

#if !defined(__x86_64__)
#error "nlr_x86_64.S is for x86-64"
#endif

#define R(i) (TAIPAN_NLR_REGS_OFFSET + 8 * (i))

        .text

// unsigned taipan_nlr_push(NlrBuf* buf /* rdi */)
        .globl  taipan_nlr_push
        .type   taipan_nlr_push, @function
        .p2align 4
taipan_nlr_push:
        .cfi_startproc
        movq    (%rsp), %rax
        movq    %rax, R(0)(%rdi)
        leaq    8(%rsp), %rax
        movq    %rax, R(1)(%rdi)
        movq    %rbp, R(2)(%rdi)
        movq    %rbx, R(3)(%rdi)
        movq    %r12, R(4)(%rdi)
        movq    %r13, R(5)(%rdi)
        movq    %r14, R(6)(%rdi)
        movq    %r15, R(7)(%rdi)
        jmp     taipan_nlr_push_tail        // buf still in rdi; returns 0
        .cfi_endproc
        .size   taipan_nlr_push, . - taipan_nlr_push

// [[noreturn]] void taipan_nlr_restore(NlrBuf* buf /* rdi */)
// Returns 1 from the taipan_nlr_push that filled buf. The return address is
// taken from buf, not from the stack: the slot it had on the stack is below
// the push caller's stack pointer and has been reused since.
        .globl  taipan_nlr_restore
        .hidden taipan_nlr_restore
        .type   taipan_nlr_restore, @function
        .p2align 4
taipan_nlr_restore:
        .cfi_startproc
        movq    R(2)(%rdi), %rbp
        movq    R(3)(%rdi), %rbx
        movq    R(4)(%rdi), %r12
        movq    R(5)(%rdi), %r13
        movq    R(6)(%rdi), %r14
        movq    R(7)(%rdi), %r15
        movq    R(1)(%rdi), %rsp
        movl    $1, %eax
        jmpq    *R(0)(%rdi)
        .cfi_endproc
        .size   taipan_nlr_restore, . - taipan_nlr_restore

        .section .note.GNU-stack, "", @progbits
