// The errno module, as MicroPython's: the error numbers it names (with
// their Linux values) and errorcode, the dict number -> name, which
// ErrnoModuleInit builds from the same constant table when the module is
// imported (a dict cannot live in flash).
#include "runtime/class.h"
#include "runtime/dict.h"
#include "runtime/module.h"
#include "runtime/runtime.h"

namespace taipan::rt {

// The error numbers, in ASCII order of their names (errorcode is added by
// the init hook, so it is not in this table).
TAIPAN_CONST_MAP(kErrnoModuleGlobals,
                 {Q_EACCES, ConstValue(FromSmallInt(13))},
                 {Q_EADDRINUSE, ConstValue(FromSmallInt(98))},
                 {Q_EAGAIN, ConstValue(FromSmallInt(11))},
                 {Q_EALREADY, ConstValue(FromSmallInt(114))},
                 {Q_EBADF, ConstValue(FromSmallInt(9))},
                 {Q_ECONNABORTED, ConstValue(FromSmallInt(103))},
                 {Q_ECONNREFUSED, ConstValue(FromSmallInt(111))},
                 {Q_ECONNRESET, ConstValue(FromSmallInt(104))},
                 {Q_EEXIST, ConstValue(FromSmallInt(17))},
                 {Q_EHOSTUNREACH, ConstValue(FromSmallInt(113))},
                 {Q_EINPROGRESS, ConstValue(FromSmallInt(115))},
                 {Q_EINVAL, ConstValue(FromSmallInt(22))},
                 {Q_EIO, ConstValue(FromSmallInt(5))},
                 {Q_EISDIR, ConstValue(FromSmallInt(21))},
                 {Q_ENOBUFS, ConstValue(FromSmallInt(105))},
                 {Q_ENODEV, ConstValue(FromSmallInt(19))},
                 {Q_ENOENT, ConstValue(FromSmallInt(2))},
                 {Q_ENOMEM, ConstValue(FromSmallInt(12))},
                 {Q_ENOTCONN, ConstValue(FromSmallInt(107))},
                 {Q_EOPNOTSUPP, ConstValue(FromSmallInt(95))},
                 {Q_EPERM, ConstValue(FromSmallInt(1))},
                 {Q_ETIMEDOUT, ConstValue(FromSmallInt(110))},
                 {Q___name__, ConstValue(FromQstr(Q_errno))});

// errorcode in ascending order of number, as MicroPython prints it.
void ErrnoModuleInit(Value module) {
  const ConstMap& numbers = kErrnoModuleGlobals;
  Value errorcode = NewDict(numbers.count);
  for (SignedWord number = 1; number <= 115; ++number) {
    for (size_t i = 0; i < numbers.count; ++i) {
      if (numbers.entries[i].value.get() == FromSmallInt(number))
        DictStore(errorcode, FromSmallInt(number), FromQstr(numbers.entries[i].name));
    }
  }
  StoreAttr(module, Q_errorcode, errorcode);
}

}  // namespace taipan::rt
