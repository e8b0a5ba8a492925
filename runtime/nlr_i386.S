// Non-local return for i386, cdecl / System V (see nlr.h for the protocol).
//
// NlrBuf::regs (offsets from the start of the buffer; regs starts at 8):
//    8 return address        12 esp after the return (entry esp + 4)
//   16 ebp  20 ebx  24 esi  28 edi
#include "nlr.h"

#if !defined(__i386__)
#error "nlr_i386.S is for i386"
#endif

#define R(i) (TAIPAN_NLR_REGS_OFFSET + 4 * (i))

        .text

// unsigned taipan_nlr_push(NlrBuf* buf /* 4(%esp) */)
        .globl  taipan_nlr_push
        .type   taipan_nlr_push, @function
        .p2align 4
taipan_nlr_push:
        .cfi_startproc
        movl    4(%esp), %edx
        movl    (%esp), %eax
        movl    %eax, R(0)(%edx)
        leal    4(%esp), %eax
        movl    %eax, R(1)(%edx)
        movl    %ebp, R(2)(%edx)
        movl    %ebx, R(3)(%edx)
        movl    %esi, R(4)(%edx)
        movl    %edi, R(5)(%edx)
        // Tail call: the stack still holds our return address and buf, which
        // is exactly the frame taipan_nlr_push_tail(buf) expects. The
        // symbol is hidden, so this needs no PLT (and no ebx) even in a PIE.
        jmp     taipan_nlr_push_tail
        .cfi_endproc
        .size   taipan_nlr_push, . - taipan_nlr_push

// [[noreturn]] void taipan_nlr_restore(NlrBuf* buf /* 4(%esp) */)
        .globl  taipan_nlr_restore
        .hidden taipan_nlr_restore
        .type   taipan_nlr_restore, @function
        .p2align 4
taipan_nlr_restore:
        .cfi_startproc
        movl    4(%esp), %edx
        movl    R(2)(%edx), %ebp
        movl    R(3)(%edx), %ebx
        movl    R(4)(%edx), %esi
        movl    R(5)(%edx), %edi
        movl    R(1)(%edx), %esp
        movl    $1, %eax
        jmpl    *R(0)(%edx)
        .cfi_endproc
        .size   taipan_nlr_restore, . - taipan_nlr_restore

        .section .note.GNU-stack, "", @progbits
