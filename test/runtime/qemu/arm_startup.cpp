// Minimal Cortex-M startup for the nlr QEMU test: vector table, reset
// handler (copy .data, zero .bss, enable the FPU when there is one), ARM
// semihosting for output and for the exit status. Fits mps2-an385 (M3),
// mps2-an386 (M4F) and microbit (M0, for armv6m code): flash at 0, RAM at
// 0x20000000 (see arm.ld).
#include <stddef.h>
#include <stdint.h>

extern "C" {
extern uint32_t __stack_top[], __data_load[], __data_start[], __data_end[], __bss_start[], __bss_end[];
int nlr_qemu_main();
void platform_write(const char* s, size_t n);
[[noreturn]] void Reset_Handler();
[[noreturn]] void Fault_Handler();
}

namespace {

uintptr_t Semihost(uintptr_t op, const void* arg) {
  register uintptr_t r0 asm("r0") = op;
  register const void* r1 asm("r1") = arg;
  asm volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
  return r0;
}

[[noreturn]] void Exit(int code) {
  // SYS_EXIT_EXTENDED with ADP_Stopped_ApplicationExit: QEMU exits with code & 0xff.
  uintptr_t block[2] = {0x20026, static_cast<uintptr_t>(code)};
  Semihost(0x20, block);
  for (;;) {
  }
}

}  // namespace

extern "C" void platform_write(const char* s, size_t n) {
  char buf[65];
  while (n > 0) {
    size_t k = n < 64 ? n : 64;
    for (size_t i = 0; i < k; ++i) buf[i] = s[i];
    buf[k] = 0;
    Semihost(0x04, buf);  // SYS_WRITE0
    s += k;
    n -= k;
  }
}

extern "C" void Fault_Handler() {
  platform_write("fault\n", 6);
  Exit(200);
}

extern "C" void Reset_Handler() {
  for (volatile uint32_t *d = __data_start, *s = __data_load; d < __data_end;) *d++ = *s++;
  for (volatile uint32_t* d = __bss_start; d < __bss_end;) *d++ = 0;
#if defined(__ARM_FP)
  *reinterpret_cast<volatile uint32_t*>(0xE000ED88) |= 0xFu << 20;  // CPACR: CP10, CP11 full access
  asm volatile("dsb\n\tisb" ::: "memory");
#endif
  Exit(nlr_qemu_main());
}

__attribute__((section(".vectors"), used)) const void* const kVectors[16] = {
    __stack_top,
    reinterpret_cast<const void*>(Reset_Handler),
    reinterpret_cast<const void*>(Fault_Handler),  // NMI
    reinterpret_cast<const void*>(Fault_Handler),  // HardFault
    reinterpret_cast<const void*>(Fault_Handler),  // MemManage
    reinterpret_cast<const void*>(Fault_Handler),  // BusFault
    reinterpret_cast<const void*>(Fault_Handler),  // UsageFault
};
