// What the runtime needs from the platform it runs on, provided by the
// embedder: the host library has port_host.cpp; each board (targets/)
// provides its own. No other file of the runtime touches the platform.
#ifndef TAIPAN_RUNTIME_PORT_H
#define TAIPAN_RUNTIME_PORT_H

#include <stddef.h>
#include <stdint.h>

extern "C" {

// Console output and input (stdout/stderr: fd 1/2). Read returns the bytes
// read, 0 at end of input.
void taipan_port_write(int fd, const char* data, size_t length);
size_t taipan_port_read(int fd, char* data, size_t length);

// Monotonic microseconds since some fixed point; wall-clock nanoseconds
// since the Unix epoch (or since boot when the board has no clock).
uint64_t taipan_port_ticks_us(void);
uint64_t taipan_port_time_ns(void);
uint32_t taipan_port_ticks_cpu(void);
void taipan_port_sleep_us(uint64_t us);

// Ends the program with `status` (sys.exit, uncaught exceptions).
[[noreturn]] void taipan_port_exit(int status);
}

#endif  // TAIPAN_RUNTIME_PORT_H
