// The host port (Linux): console on file descriptors 0-2, POSIX clocks,
// _exit. The only runtime file that uses the C library.
#include "runtime/port.h"

#include <errno.h>
#include <time.h>
#include <unistd.h>

namespace {

uint64_t ClockNs(clockid_t clock) {
  struct timespec ts;
  clock_gettime(clock, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000000000u + static_cast<uint64_t>(ts.tv_nsec);
}

}  // namespace

extern "C" {

void taipan_port_write(int fd, const char* data, size_t length) {
  while (length > 0) {
    ssize_t n = write(fd, data, length);
    if (n < 0) {
      if (errno == EINTR) continue;
      return;  // nowhere to report a console failure
    }
    data += n;
    length -= static_cast<size_t>(n);
  }
}

size_t taipan_port_read(int fd, char* data, size_t length) {
  for (;;) {
    ssize_t n = read(fd, data, length);
    if (n >= 0) return static_cast<size_t>(n);
    if (errno != EINTR) return 0;
  }
}

uint64_t taipan_port_ticks_us(void) { return ClockNs(CLOCK_MONOTONIC) / 1000u; }

uint64_t taipan_port_time_ns(void) { return ClockNs(CLOCK_REALTIME); }

uint32_t taipan_port_ticks_cpu(void) { return static_cast<uint32_t>(ClockNs(CLOCK_MONOTONIC_RAW)); }

void taipan_port_sleep_us(uint64_t us) {
  struct timespec remaining = {static_cast<time_t>(us / 1000000u), static_cast<long>((us % 1000000u) * 1000u)};
  while (nanosleep(&remaining, &remaining) != 0 && errno == EINTR) {
  }
}

void taipan_port_exit(int status) { _exit(status); }

}  // extern "C"
