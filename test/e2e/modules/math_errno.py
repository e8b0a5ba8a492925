# RUN: %python %tools/run_e2e.py %taipan %s
# The errno numbers MicroPython has (Linux values).
import errno

names = ('EPERM ENOENT EIO EBADF EAGAIN ENOMEM EACCES EEXIST ENODEV EISDIR EINVAL '
         'EOPNOTSUPP EADDRINUSE ECONNABORTED ECONNRESET ENOBUFS ENOTCONN ETIMEDOUT '
         'ECONNREFUSED EHOSTUNREACH EALREADY EINPROGRESS').split()
for name in names:
    print(name, getattr(errno, name))
print(errno.__name__)
