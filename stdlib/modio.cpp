// The io module: StringIO and BytesIO (in-memory streams) and, through the
// port's file functions (port.h), file objects made by open().
//
// open() of a path under a vfs mount point (stdlib/modvfs.cpp) gives what
// the mounted object's open() gives.
//
// One object layout serves all four stream types; the type says whether the
// stream is text (reads give str) or binary (bytes), and whether it lives in
// memory or in a file. Like MicroPython's streams, writes take any object
// with a buffer (str included) and return the number of bytes written; text
// reads count characters, binary reads bytes. Iterating a stream yields its
// lines. Files have no finaliser: an unclosed file keeps its descriptor
// until the program ends.
#include "runtime/bytes.h"
#include "runtime/class.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/port.h"
#include "runtime/runtime.h"
#include "runtime/str.h"

// The ports without a file system (MCU boards): every open fails.
extern "C" {
__attribute__((weak)) int taipan_port_file_open(const char*, int) { return -2; /* ENOENT */ }
__attribute__((weak)) long taipan_port_file_read(int, void*, size_t) { return -9; /* EBADF */ }
__attribute__((weak)) long taipan_port_file_write(int, const void*, size_t) { return -9; }
__attribute__((weak)) long long taipan_port_file_seek(int, long long, int) { return -9; }
__attribute__((weak)) int taipan_port_file_close(int) { return -9; }
}

namespace taipan::rt {

extern const Type kStringIOType;
extern const Type kBytesIOType;
extern const Type kTextFileType;
extern const Type kBinaryFileType;

namespace {

constexpr SignedWord kEINVAL = 22;

struct IoObject {
  Object base;
  uint8_t* data;  // memory streams: the contents (no-scan GC block)
  size_t length;
  size_t capacity;
  size_t pos;
  int fd;  // files: the port's descriptor
  bool closed;
};

// A subclass of StringIO/BytesIO keeps the stream in its native part.
IoObject* Io(Value self) { return ObjectPointer<IoObject>(NativeValue(self)); }
bool IsText(const IoObject* io) { return io->base.type == &kStringIOType || io->base.type == &kTextFileType; }
bool IsMemory(const IoObject* io) { return io->base.type == &kStringIOType || io->base.type == &kBytesIOType; }

IoObject* OpenIo(Value self) {
  IoObject* io = Io(self);
  if (io->closed) RaiseValueError("I/O operation on closed file");
  return io;
}

long CheckPort(long result) {
  if (result < 0) RaiseOSError(-result);
  return result;
}

// --- Raw byte transfer ------------------------------------------------------------

size_t RawRead(IoObject* io, uint8_t* out, size_t n) {
  if (IsMemory(io)) {
    size_t available = io->pos < io->length ? io->length - io->pos : 0;
    if (n > available) n = available;
    __builtin_memcpy(out, io->data + io->pos, n);
    io->pos += n;
    return n;
  }
  return static_cast<size_t>(CheckPort(taipan_port_file_read(io->fd, out, n)));
}

void RawWrite(IoObject* io, const uint8_t* bytes, size_t n) {
  if (!IsMemory(io)) {
    while (n > 0) {
      size_t done = static_cast<size_t>(CheckPort(taipan_port_file_write(io->fd, bytes, n)));
      bytes += done;
      n -= done;
    }
    return;
  }
  size_t end = io->pos + n;
  if (end > io->capacity) {
    size_t capacity = io->capacity * 2 > end ? io->capacity * 2 : end + 16;
    auto* grown = static_cast<uint8_t*>(Allocate(capacity, true));
    if (io->length > 0) __builtin_memcpy(grown, io->data, io->length);
    io->data = grown;
    io->capacity = capacity;
  }
  if (io->pos > io->length) __builtin_memset(io->data + io->length, 0, io->pos - io->length);
  __builtin_memcpy(io->data + io->pos, bytes, n);
  io->pos = end;
  if (end > io->length) io->length = end;
}

Value Result(const IoObject* io, const StringBuilder& bytes) { return IsText(io) ? bytes.ToStr() : bytes.ToBytes(); }

// Appends up to `n` more bytes; returns how many came.
size_t ReadInto(IoObject* io, StringBuilder* out, size_t n) {
  char* room = out->Reserve(n);
  size_t got = RawRead(io, reinterpret_cast<uint8_t*>(room), n);
  out->Commit(got);
  return got;
}

// The bytes a UTF-8 sequence starting with `lead` still needs after `have`.
size_t MissingContinuation(const StringBuilder& text) {
  size_t i = text.length, back = 0;
  while (i > 0 && back < 4 && (static_cast<uint8_t>(text.data[i - 1]) & 0xC0) == 0x80) --i, ++back;
  if (i == 0) return 0;
  uint8_t lead = static_cast<uint8_t>(text.data[i - 1]);
  size_t need = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
  return need > back ? need - back : 0;
}

// read(n): n characters of a text stream, n bytes of a binary one; all
// that is left when n is negative.
Value ReadAmount(IoObject* io, SignedWord n) {
  StringBuilder out;
  if (n < 0) {
    while (ReadInto(io, &out, 256) > 0) {
    }
    return Result(io, out);
  }
  size_t chars = 0;
  while (chars < static_cast<size_t>(n)) {
    size_t got = ReadInto(io, &out, static_cast<size_t>(n) - chars);
    if (got == 0) break;
    if (!IsText(io)) {
      chars += got;
      continue;
    }
    for (size_t missing = MissingContinuation(out); missing > 0; --missing)
      if (ReadInto(io, &out, 1) == 0) break;
    chars = Utf8CharCount(out.data, out.length);
  }
  return Result(io, out);
}

// One line, its '\n' included; at most `limit` bytes when limit >= 0.
Value ReadLine(IoObject* io, SignedWord limit) {
  StringBuilder out;
  while (limit < 0 || out.length < static_cast<size_t>(limit)) {
    if (ReadInto(io, &out, 1) == 0) break;
    if (out.data[out.length - 1] == '\n') break;
  }
  return Result(io, out);
}

SignedWord OptionalSize(size_t n_args, const Value* args) {
  return n_args > 1 && args[1] != kNone ? IntToWord(args[1]) : -1;
}

// --- Methods ------------------------------------------------------------------------

Value IoRead(size_t n_args, const Value* args) { return ReadAmount(OpenIo(args[0]), OptionalSize(n_args, args)); }

Value IoReadline(size_t n_args, const Value* args) {
  return ReadLine(OpenIo(args[0]), OptionalSize(n_args, args));
}

Value IoReadlines(Value self) {
  IoObject* io = OpenIo(self);
  Value lines = NewList(0, nullptr);
  for (;;) {
    Value line = ReadLine(io, -1);
    if (Length(line) == 0) return lines;
    ListAppend(lines, line);
  }
}

// write(data), and MicroPython's write(data, length) and
// write(data, offset, length) (both clamped to the data).
Value IoWrite(size_t n_args, const Value* args) {
  IoObject* io = OpenIo(args[0]);
  BufferInfo buffer;
  if (IsStr(args[1])) {
    buffer.data = const_cast<char*>(StrBytes(args[1], &buffer.length));
  } else {
    GetBuffer(args[1], &buffer, false);
  }
  size_t offset = 0, length = buffer.length;
  if (n_args > 2) {
    SignedWord first = n_args > 3 ? IntToWord(args[2]) : 0;
    SignedWord count = IntToWord(args[n_args - 1]);
    offset = first < 0 ? 0 : static_cast<size_t>(first) > length ? length : static_cast<size_t>(first);
    length -= offset;
    if (count >= 0 && static_cast<size_t>(count) < length) length = static_cast<size_t>(count);
  }
  RawWrite(io, static_cast<const uint8_t*>(buffer.data) + offset, length);
  return NewInt(static_cast<SignedWord>(length));
}

// readinto(buffer[, length]): the number of bytes read into it.
Value IoReadinto(size_t n_args, const Value* args) {
  IoObject* io = OpenIo(args[0]);
  BufferInfo buffer;
  GetBuffer(args[1], &buffer, true);
  size_t length = buffer.length;
  if (n_args > 2) {
    SignedWord limit = IntToWord(args[2]);
    if (limit >= 0 && static_cast<size_t>(limit) < length) length = static_cast<size_t>(limit);
  }
  size_t done = 0;
  while (done < length) {
    size_t got = RawRead(io, static_cast<uint8_t*>(buffer.data) + done, length - done);
    if (got == 0) break;
    done += got;
  }
  return NewInt(static_cast<SignedWord>(done));
}

Value IoSeek(size_t n_args, const Value* args) {
  IoObject* io = OpenIo(args[0]);
  SignedWord offset = IntToWord(args[1]);
  SignedWord whence = n_args > 2 ? IntToWord(args[2]) : 0;
  if (!IsMemory(io)) return NewInt(static_cast<SignedWord>(CheckPort(
                          static_cast<long>(taipan_port_file_seek(io->fd, offset, static_cast<int>(whence))))));
  SignedWord base = whence == 0 ? 0 : whence == 1 ? static_cast<SignedWord>(io->pos)
                                 : whence == 2    ? static_cast<SignedWord>(io->length)
                                                  : -1;
  if (base < 0 || (whence == 0 && offset < 0)) RaiseOSError(kEINVAL);
  SignedWord pos = base + offset;
  io->pos = pos < 0 ? 0 : static_cast<size_t>(pos);
  return NewInt(static_cast<SignedWord>(io->pos));
}

Value IoTell(Value self) {
  IoObject* io = OpenIo(self);
  if (IsMemory(io)) return NewInt(static_cast<SignedWord>(io->pos));
  return NewInt(static_cast<SignedWord>(CheckPort(static_cast<long>(taipan_port_file_seek(io->fd, 0, 1)))));
}

Value IoFlush(Value self) {
  OpenIo(self);
  return kNone;
}

Value IoClose(Value self) {
  IoObject* io = Io(self);
  if (io->closed) return kNone;
  io->closed = true;
  if (IsMemory(io)) {
    io->data = nullptr;
    io->length = io->capacity = io->pos = 0;
  } else {
    CheckPort(taipan_port_file_close(io->fd));
  }
  return kNone;
}

Value IoGetvalue(Value self) {
  IoObject* io = OpenIo(self);
  StringBuilder out;
  out.Append(reinterpret_cast<const char*>(io->data), io->length);
  return Result(io, out);
}

Value IoFileno(Value self) { return FromSmallInt(OpenIo(self)->fd); }

Value IoEnter(Value self) { return self; }

Value IoExit(size_t, const Value* args) { return IoClose(args[0]); }

Value IoIterNext(Value self) {
  Value line = ReadLine(OpenIo(self), -1);
  return Length(line) == 0 ? kStopIteration : line;
}

void IoPrint(const Printer& out, Value self, PrintKind) {
  IoObject* io = Io(self);
  PrintCString(out, "<io.");
  PrintQstr(out, io->base.type->name);
  if (IsMemory(io)) {
    PrintCString(out, " 0x");
    char digits[2 * sizeof(Word) + 1];
    Word address = Bits(self);
    size_t n = 0;
    do {
      digits[sizeof digits - 2 - n++] = "0123456789abcdef"[address & 15];
      address >>= 4;
    } while (address != 0);
    PrintBytes(out, digits + sizeof digits - 1 - n, n);
  } else {
    PrintChar(out, ' ');
    PrintSignedWord(out, io->fd);
  }
  PrintChar(out, '>');
}

// StringIO(initial) / BytesIO(initial): a str/bytes-like initial value is
// the contents (position 0); an int is only a size hint.
Value IoMakeNew(const Type* type, size_t n_args, size_t n_kw, const Value* args) {
  CheckArgCount(n_args, n_kw, 0, 1, type->name);
  auto* io = NewObject<IoObject>(type);
  io->fd = -1;
  if (n_args == 0 || args[0] == kNone) return FromPointer(io);
  if (IsSmallInt(args[0])) {
    SignedWord size = SmallIntValue(args[0]);
    if (size > 0) {
      io->data = static_cast<uint8_t*>(Allocate(static_cast<size_t>(size), true));
      io->capacity = static_cast<size_t>(size);
    }
    return FromPointer(io);
  }
  Value write_args[2] = {FromPointer(io), args[0]};
  IoWrite(2, write_args);
  io->pos = 0;
  return FromPointer(io);
}

constexpr BuiltinFunction kIoCloseFn(Q_close, IoClose);
constexpr BuiltinFunction kIoEnterFn(Q___enter__, IoEnter);
constexpr BuiltinFunction kIoExitFn(Q___exit__, 1, 4, IoExit);
constexpr BuiltinFunction kIoFilenoFn(Q_fileno, IoFileno);
constexpr BuiltinFunction kIoFlushFn(Q_flush, IoFlush);
constexpr BuiltinFunction kIoGetvalueFn(Q_getvalue, IoGetvalue);
constexpr BuiltinFunction kIoReadFn(Q_read, 1, 2, IoRead);
constexpr BuiltinFunction kIoReadlineFn(Q_readline, 1, 2, IoReadline);
constexpr BuiltinFunction kIoReadlinesFn(Q_readlines, IoReadlines);
constexpr BuiltinFunction kIoSeekFn(Q_seek, 2, 3, IoSeek);
constexpr BuiltinFunction kIoTellFn(Q_tell, IoTell);
constexpr BuiltinFunction kIoWriteFn(Q_write, 2, 4, IoWrite);
constexpr BuiltinFunction kIoReadintoFn(Q_readinto, 2, 3, IoReadinto);

TAIPAN_CONST_MAP(kMemoryIoMethods,
                 {Q___enter__, &kIoEnterFn},
                 {Q___exit__, &kIoExitFn},
                 {Q_close, &kIoCloseFn},
                 {Q_flush, &kIoFlushFn},
                 {Q_getvalue, &kIoGetvalueFn},
                 {Q_read, &kIoReadFn},
                 {Q_readinto, &kIoReadintoFn},
                 {Q_readline, &kIoReadlineFn},
                 {Q_readlines, &kIoReadlinesFn},
                 {Q_seek, &kIoSeekFn},
                 {Q_tell, &kIoTellFn},
                 {Q_write, &kIoWriteFn});

TAIPAN_CONST_MAP(kFileIoMethods,
                 {Q___enter__, &kIoEnterFn},
                 {Q___exit__, &kIoExitFn},
                 {Q_close, &kIoCloseFn},
                 {Q_fileno, &kIoFilenoFn},
                 {Q_flush, &kIoFlushFn},
                 {Q_read, &kIoReadFn},
                 {Q_readinto, &kIoReadintoFn},
                 {Q_readline, &kIoReadlineFn},
                 {Q_readlines, &kIoReadlinesFn},
                 {Q_seek, &kIoSeekFn},
                 {Q_tell, &kIoTellFn},
                 {Q_write, &kIoWriteFn});

Value IoGetIter(Value self) { return self; }

// open(file, mode='r', buffering=-1, encoding=None): MicroPython's reading
// of the mode: r, w (create, truncate), a (create, append), + (both), b / t.
Value Open(size_t n_args, const Value* args, size_t n_kw, const Value* kw) {
  static constexpr ArgSpec kSpecs[] = {{Q_file, true, kNone},
                                       {Q_mode, false, FromQstr(Q_r)},
                                       {Q_buffering, false, kNone},
                                       {Q_encoding, false, kNone}};
  Value values[4];
  ParseArgs(n_args, args, n_kw, kw, kSpecs, 4, 4, values);
  // A path under a vfs mount point is the mounted object's to open.
  Value mounted = VfsOpen(values[0], values[1]);
  if (mounted != kNull) return mounted;
  StrText mode = StrTextOf(values[1]);
  int flags = TAIPAN_FILE_READ;
  bool binary = false;
  for (size_t i = 0; i < mode.length; ++i) {
    switch (mode.data[i]) {
      case 'r': flags = TAIPAN_FILE_READ; break;
      case 'w': flags = TAIPAN_FILE_WRITE | TAIPAN_FILE_CREATE | TAIPAN_FILE_TRUNCATE; break;
      case 'a': flags = TAIPAN_FILE_WRITE | TAIPAN_FILE_CREATE | TAIPAN_FILE_APPEND; break;
      case '+': flags |= TAIPAN_FILE_READ | TAIPAN_FILE_WRITE; break;
      case 'b': binary = true; break;
      case 't': binary = false; break;
      default: break;
    }
  }
  // The path must end in a 0 byte for the port: copy it.
  StringBuilder path;
  StrText name = StrTextOf(values[0]);
  path.Append(name.data, name.length);
  path.Append('\0');
  int fd = static_cast<int>(CheckPort(taipan_port_file_open(path.data, flags)));
  auto* io = NewObject<IoObject>(binary ? &kBinaryFileType : &kTextFileType);
  io->fd = fd;
  return FromPointer(io);
}

}  // namespace

#define TAIPAN_IO_TYPE(Ident, type_name, method_table, extra_flags)                         \
  const Type Ident = {.base = {&kTypeType},                                                 \
                      .flags = kTypeEqualIsIdentity | kTypeIsIterator | extra_flags,        \
                      .name = type_name,                                                    \
                      .make_new = IoMakeNew,                                                \
                      .print = IoPrint,                                                     \
                      .get_iter = IoGetIter,                                                \
                      .iter_next = IoIterNext,                                              \
                      .base_type = &kObjectType,                                            \
                      .methods = &method_table}

TAIPAN_IO_TYPE(kStringIOType, Q_StringIO, kMemoryIoMethods, kTypeBaseAllowed);
TAIPAN_IO_TYPE(kBytesIOType, Q_BytesIO, kMemoryIoMethods, kTypeBaseAllowed);
TAIPAN_IO_TYPE(kTextFileType, Q_TextIOWrapper, kFileIoMethods, 0);
TAIPAN_IO_TYPE(kBinaryFileType, Q_FileIO, kFileIoMethods, 0);

// io.IOBase: only a base for classes that implement the stream methods
// themselves (print(file=...) calls their write).
Value IoBaseMakeNew(const Type* type, size_t, size_t, const Value*) { return FromPointer(NewObject<Object>(type)); }

const Type kIOBaseType = {
    .base = {&kTypeType},
    .flags = kTypeEqualIsIdentity | kTypeBaseAllowed,
    .name = Q_IOBase,
    .make_new = IoBaseMakeNew,
    .base_type = &kObjectType,
};

extern const BuiltinFunction kOpenFn;
constexpr BuiltinFunction kOpenFn(Q_open, 1, 4, Open);

TAIPAN_CONST_MAP(kIoModuleGlobals,
                 {Q_BytesIO, &kBytesIOType},
                 {Q_IOBase, &kIOBaseType},
                 {Q_StringIO, &kStringIOType},
                 {Q___name__, ConstValue(FromQstr(Q_io))},
                 {Q_open, &kOpenFn});

}  // namespace taipan::rt
