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

// Files, for importing .mpy files found on sys.path (the host port). The
// size of the regular file at `path` (NUL-terminated), or -1 when there is
// none; reading copies up to `length` bytes of it into `data` and returns
// how many, or -1 on failure. Ports without a file system (the MCU boards)
// need not define these: the runtime's weak defaults (frozen.cpp) report
// every file as not found, so only frozen modules can be imported there.
long taipan_port_file_size(const char* path);
long taipan_port_read_file(const char* path, uint8_t* data, size_t length);

// Open files for the program (open(), io): POSIX-like descriptors. Each
// returns a negative errno value on failure. `flags` combines the
// TAIPAN_FILE_* bits. Ports without a file system (the MCU boards) need not
// define these: the weak defaults (stdlib/modio.cpp) fail with -ENOENT, so
// open() raises OSError(ENOENT) there.
enum {
  TAIPAN_FILE_READ = 1,
  TAIPAN_FILE_WRITE = 2,
  TAIPAN_FILE_CREATE = 4,
  TAIPAN_FILE_TRUNCATE = 8,
  TAIPAN_FILE_APPEND = 16,
};
int taipan_port_file_open(const char* path, int flags);  // a descriptor >= 0
long taipan_port_file_read(int fd, void* data, size_t length);  // bytes read, 0 at end
long taipan_port_file_write(int fd, const void* data, size_t length);  // bytes written
long long taipan_port_file_seek(int fd, long long offset, int whence);  // the new position
int taipan_port_file_close(int fd);  // 0

// Ends the program with `status` (sys.exit, uncaught exceptions).
[[noreturn]] void taipan_port_exit(int status);
}

#endif  // TAIPAN_RUNTIME_PORT_H
