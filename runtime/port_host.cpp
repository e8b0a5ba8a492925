// The host port (Linux): console on file descriptors 0-2, POSIX clocks,
// _exit. The only runtime file that uses the C library.
#include "runtime/port.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
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

long taipan_port_file_size(const char* path) {
  struct stat st;
  if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) return -1;
  return static_cast<long>(st.st_size);
}

long taipan_port_read_file(const char* path, uint8_t* data, size_t length) {
  int fd;
  do {
    fd = open(path, O_RDONLY | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) return -1;
  size_t done = 0;
  while (done < length) {
    ssize_t n = read(fd, data + done, length - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  close(fd);
  return static_cast<long>(done);
}

int taipan_port_file_open(const char* path, int flags) {
  int access = (flags & TAIPAN_FILE_READ) && (flags & TAIPAN_FILE_WRITE) ? O_RDWR
               : (flags & TAIPAN_FILE_WRITE)                            ? O_WRONLY
                                                                        : O_RDONLY;
  if (flags & TAIPAN_FILE_CREATE) access |= O_CREAT;
  if (flags & TAIPAN_FILE_TRUNCATE) access |= O_TRUNC;
  if (flags & TAIPAN_FILE_APPEND) access |= O_APPEND;
  int fd;
  do {
    fd = open(path, access | O_CLOEXEC, 0644);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) return -errno;
  struct stat st;
  if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    close(fd);
    return -EISDIR;
  }
  return fd;
}

long taipan_port_file_read(int fd, void* data, size_t length) {
  for (;;) {
    ssize_t n = read(fd, data, length);
    if (n >= 0) return static_cast<long>(n);
    if (errno != EINTR) return -errno;
  }
}

long taipan_port_file_write(int fd, const void* data, size_t length) {
  for (;;) {
    ssize_t n = write(fd, data, length);
    if (n >= 0) return static_cast<long>(n);
    if (errno != EINTR) return -errno;
  }
}

long long taipan_port_file_seek(int fd, long long offset, int whence) {
  off_t pos = lseek(fd, static_cast<off_t>(offset), whence);
  return pos < 0 ? -static_cast<long long>(errno) : static_cast<long long>(pos);
}

int taipan_port_file_close(int fd) { return close(fd) == 0 ? 0 : -errno; }

void taipan_port_exit(int status) { _exit(status); }

}  // extern "C"
