// The sys module, and the console streams behind sys.stdin/stdout/stderr.
//
// sys.implementation says name='micropython' (not 'taipan'): programs and
// MicroPython's own tests check it to select MicroPython behaviour, which
// is the dialect Taipan implements. Its _mpy is the .mpy version and
// architecture MicroPython would report on the same target, since natively
// compiled Taipan code is .mpy-compatible; _machine names Taipan. It is a
// named tuple printed MicroPython's way:
//   (name='micropython', version=(1, 28, 0, ''), _machine='Taipan ...', _mpy=2822)
#include "runtime/module.h"

#include <stdint.h>

#include "runtime/dict.h"
#include "runtime/exception.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/port.h"
#include "runtime/runtime.h"
#include "runtime/state.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace taipan::rt {

namespace {

constexpr SignedWord kEBADF = 9;

// --- Console streams ------------------------------------------------------------
//
// Constant objects (no GC): fd 0 reads through the port; fds 1 and 2 write
// to g_stdout_printer / g_stderr_printer, which the embedder points at the
// port (UsePortConsole) or tests at a buffer.

struct StreamObject {
  Object base;  // &kConsoleStreamType
  int fd;
};

extern const Type kConsoleStreamType;
constexpr StreamObject kConsoleStreams[3] = {{{&kConsoleStreamType}, 0}, {{&kConsoleStreamType}, 1},
                                             {{&kConsoleStreamType}, 2}};

int StreamFd(Value self) { return ObjectPointer<StreamObject>(self)->fd; }

const Printer& OutputPrinter(Value self) {
  int fd = StreamFd(self);
  if (fd == 0) RaiseOSError(kEBADF);
  return fd == 1 ? g_stdout_printer : g_stderr_printer;
}

// write(s): str or bytes-like; returns the number of bytes written.
Value StreamWrite(Value self, Value data) {
  const Printer& out = OutputPrinter(self);
  size_t length;
  const char* bytes;
  if (IsStr(data)) {
    bytes = StrBytes(data, &length);
  } else {
    BufferInfo buffer;
    GetBuffer(data, &buffer, false);
    bytes = static_cast<const char*>(buffer.data);
    length = buffer.length;
  }
  PrintBytes(out, bytes, length);
  return NewInt(static_cast<SignedWord>(length));
}

// Reads up to `limit` bytes (all input when negative), stopping after a
// newline when `line`.
Value ReadInput(Value self, SignedWord limit, bool line) {
  int fd = StreamFd(self);
  if (fd != 0) RaiseOSError(kEBADF);
  StringBuilder text;
  while (limit < 0 || text.length < static_cast<size_t>(limit)) {
    size_t want = line ? 1 : 256;
    if (limit >= 0 && want > static_cast<size_t>(limit) - text.length) want = static_cast<size_t>(limit) - text.length;
    char* room = text.Reserve(want);
    size_t got = taipan_port_read(fd, room, want);
    if (got == 0) break;
    text.Commit(got);
    if (line && text.data[text.length - 1] == '\n') break;
  }
  return text.ToStr();
}

Value StreamRead(size_t n_args, const Value* args) {
  return ReadInput(args[0], n_args > 1 && args[1] != kNone ? IntToWord(args[1]) : -1, false);
}

Value StreamReadline(size_t n_args, const Value* args) {
  return ReadInput(args[0], n_args > 1 && args[1] != kNone ? IntToWord(args[1]) : -1, true);
}

Value StreamFlush(Value) { return kNone; }
Value StreamFileno(Value self) { return FromSmallInt(StreamFd(self)); }

void StreamPrint(const Printer& out, Value self, PrintKind) {
  PrintCString(out, "<io.TextIOWrapper ");
  PrintSignedWord(out, StreamFd(self));
  PrintCString(out, ">");
}

constexpr BuiltinFunction kStreamFilenoFn(Q_fileno, StreamFileno);
constexpr BuiltinFunction kStreamFlushFn(Q_flush, StreamFlush);
constexpr BuiltinFunction kStreamReadFn(Q_read, 1, 2, StreamRead);
constexpr BuiltinFunction kStreamReadlineFn(Q_readline, 1, 2, StreamReadline);
constexpr BuiltinFunction kStreamWriteFn(Q_write, StreamWrite);

TAIPAN_CONST_MAP(kConsoleStreamMethods,
                 {Q_fileno, &kStreamFilenoFn},
                 {Q_flush, &kStreamFlushFn},
                 {Q_read, &kStreamReadFn},
                 {Q_readline, &kStreamReadlineFn},
                 {Q_write, &kStreamWriteFn});

void PortWrite(void* context, const char* data, size_t length) {
  taipan_port_write(static_cast<int>(reinterpret_cast<intptr_t>(context)), data, length);
}

// --- sys.implementation: a tuple with named fields --------------------------------

struct AttrTupleObject {
  Object base;  // &kAttrTupleType
  const Qstr* fields;
  Value items;  // a tuple, one item per field
};

constexpr Qstr kImplementationFields[] = {Q_name, Q_version, Q__machine, Q__mpy};

void AttrTuplePrint(const Printer& out, Value self, PrintKind) {
  auto* t = ObjectPointer<AttrTupleObject>(self);
  TupleObject* items = AsTuple(t->items);
  PrintChar(out, '(');
  for (size_t i = 0; i < items->length; ++i) {
    if (i > 0) PrintCString(out, ", ");
    PrintQstr(out, t->fields[i]);
    PrintChar(out, '=');
    PrintValue(out, items->items[i], PrintKind::kRepr);
  }
  PrintChar(out, ')');
}

Value AttrTupleAttr(Value self, Qstr name, AttrOp op, Value) {
  if (op != AttrOp::kLoad) return kNull;
  auto* t = ObjectPointer<AttrTupleObject>(self);
  TupleObject* items = AsTuple(t->items);
  for (size_t i = 0; i < items->length; ++i)
    if (t->fields[i] == name) return items->items[i];
  return kNull;
}

Value AttrTupleSubscr(Value self, Value index, Value value) {
  if (value != kSentinel) return kNull;
  return LoadSubscr(ObjectPointer<AttrTupleObject>(self)->items, index);
}

Value AttrTupleUnary(UnaryOp op, Value self) {
  if (op == UnaryOp::kLen) return LengthOrNull(ObjectPointer<AttrTupleObject>(self)->items);
  return kNull;
}

Value AttrTupleIter(Value self) { return GetIter(ObjectPointer<AttrTupleObject>(self)->items); }

const Type kAttrTupleType = {
    .base = {&kTypeType},
    .flags = kTypeEqualIsIdentity,
    .name = Q_tuple,
    .print = AttrTuplePrint,
    .unary_op = AttrTupleUnary,
    .attr = AttrTupleAttr,
    .subscr = AttrTupleSubscr,
    .get_iter = AttrTupleIter,
    .base_type = &kObjectType,
};

// The .mpy architecture code of the target (MicroPython's MP_NATIVE_ARCH_*).
constexpr SignedWord MpyArch() {
#if defined(__x86_64__)
  return 2;
#elif defined(__i386__)
  return 1;
#elif defined(__ARM_ARCH_6M__)
  return 4;
#elif defined(__ARM_ARCH_7M__)
  return 5;
#elif defined(__ARM_ARCH_7EM__) && defined(__ARM_FP)
  return 7;
#elif defined(__ARM_ARCH_7EM__)
  return 6;
#elif defined(__xtensa__) && defined(TAIPAN_XTENSA_WINDOWED)
  return 10;
#elif defined(__xtensa__)
  return 9;
#else
  return 0;
#endif
}
// .mpy version 6, sub-version 3, then the architecture (py/persistentcode.h).
constexpr SignedWord kMpyVersion = 6 | ((3 | (MpyArch() << 2)) << 8);

#if defined(__x86_64__)
#define TAIPAN_MACHINE "Taipan on x86_64"
#elif defined(__i386__)
#define TAIPAN_MACHINE "Taipan on i386"
#elif defined(__arm__) || defined(__thumb__)
#define TAIPAN_MACHINE "Taipan on ARM Cortex-M"
#elif defined(__xtensa__)
#define TAIPAN_MACHINE "Taipan on Xtensa"
#else
#define TAIPAN_MACHINE "Taipan"
#endif

Value NewImplementation() {
  Value version[4] = {FromSmallInt(1), FromSmallInt(28), FromSmallInt(0), FromQstr(kEmptyQstr)};
  Value version_tuple = NewTuple(4, version);
  Value machine = NewStrFromCString(TAIPAN_MACHINE);
  Value items[4] = {FromQstr(Q_micropython), version_tuple, machine, FromSmallInt(kMpyVersion)};
  Value tuple = NewTuple(4, items);
  auto* impl = NewObject<AttrTupleObject>(&kAttrTupleType);
  impl->fields = kImplementationFields;
  impl->items = tuple;
  return FromPointer(impl);
}

// --- Functions ------------------------------------------------------------------------

Value SysExit(size_t n_args, const Value* args) {
  if (n_args == 0) Raise(NewException(&kSystemExitType, 0, nullptr));
  RaiseWithArg(&kSystemExitType, args[0]);
}

// print_exception(exc, file=sys.stdout): as MicroPython, the file must be
// a stream (OSError otherwise) and anything else than an exception is
// printed as it is.
Value SysPrintException(size_t n_args, const Value* args) {
  Value exc = args[0];
  Value file = n_args > 1 ? args[1] : SysStdout();
  Printer console;
  if (ConsolePrinter(file, &console)) {
    PrintException(console, exc);
    return kNone;
  }
  Value write[2];
  LoadMethodOrNull(file, Q_write, write);
  if (write[0] == kNull) RaiseMessage(&kOSErrorType, "stream operation not supported");
  StringBuilder text;
  PrintException(text.AsPrinter(), exc);
  Value str = text.ToStr();
  CallMethod(file, Q_write, 1, &str);
  return kNone;
}

Value SysStream(Qstr name, Value fallback) {
  Value sys = g_state.modules == kNull ? kNull : LoadedBuiltinModule(Q_sys);
  if (sys == kNull) return fallback;
  Value stream = DictLookup(ModuleGlobals(sys), FromQstr(name));
  return stream == kNull ? fallback : stream;
}

// atexit(func): the function to call when the program ends (after its last
// statement, or its uncaught exception); None for none. Returns the one it
// replaces, as MicroPython does.
Value SysAtexit(Value func) {
  Value previous = g_state.atexit == kNull ? kNone : g_state.atexit;
  g_state.atexit = func == kNone ? kNull : func;
  return previous;
}

constexpr BuiltinFunction kSysAtexitFn(Q_atexit, SysAtexit);
constexpr BuiltinFunction kSysExitFn(Q_exit, 0, 1, SysExit);
constexpr BuiltinFunction kSysPrintExceptionFn(Q_print_exception, 1, 2, SysPrintException);

#if defined(TAIPAN_SYS_PLATFORM)
#define TAIPAN_PLATFORM_QSTR TAIPAN_SYS_PLATFORM
#elif defined(__x86_64__) || defined(__i386__)
#define TAIPAN_PLATFORM_QSTR Q_linux
#elif defined(__xtensa__) && defined(TAIPAN_XTENSA_WINDOWED)
#define TAIPAN_PLATFORM_QSTR Q_esp32
#elif defined(__xtensa__)
#define TAIPAN_PLATFORM_QSTR Q_esp8266
#else
#define TAIPAN_PLATFORM_QSTR Q_baremetal
#endif

}  // namespace

// The constant part; SysModuleInit adds the values made at run time.
TAIPAN_CONST_MAP(kSysModuleGlobals,
                 {Q_atexit, &kSysAtexitFn},
                 {Q_byteorder, FromQstr(Q_little)},
                 {Q_exit, &kSysExitFn},
                 {Q_platform, FromQstr(TAIPAN_PLATFORM_QSTR)},
                 {Q_print_exception, &kSysPrintExceptionFn});

void SysModuleInit(Value module) {
  Value globals = ModuleGlobals(module);
  DictStore(globals, FromQstr(Q_argv), g_state.sys_argv);
  DictStore(globals, FromQstr(Q_path), g_state.sys_path);
  DictStore(globals, FromQstr(Q_modules), g_state.modules);
  DictStore(globals, FromQstr(Q_stdin), g_state.sys_stdin);
  DictStore(globals, FromQstr(Q_stdout), g_state.sys_stdout);
  DictStore(globals, FromQstr(Q_stderr), g_state.sys_stderr);
  DictStore(globals, FromQstr(Q_maxsize), NewInt(INTPTR_MAX));
  DictStore(globals, FromQstr(Q_version), NewStrFromCString("3.4.0; Taipan 0.1.0"));
  Value version_info[3] = {FromSmallInt(3), FromSmallInt(4), FromSmallInt(0)};
  DictStore(globals, FromQstr(Q_version_info), NewTuple(3, version_info));
  DictStore(globals, FromQstr(Q_implementation), NewImplementation());
}

void SysSetArgv(int argc, char** argv) {
  Value list = NewList(0, nullptr);
  for (int i = 0; i < argc; ++i) ListAppend(list, NewStrFromCString(argv[i]));
  g_state.sys_argv = list;
  Value sys = LoadedBuiltinModule(Q_sys);
  if (sys != kNull) DictStore(ModuleGlobals(sys), FromQstr(Q_argv), list);
}

Value SysStdout() { return SysStream(Q_stdout, g_state.sys_stdout); }
Value SysStdin() { return SysStream(Q_stdin, g_state.sys_stdin); }
Value SysStderr() { return SysStream(Q_stderr, g_state.sys_stderr); }

bool ConsolePrinter(Value stream, Printer* out) {
  if (!IsObject(stream) || TypeOf(stream) != &kConsoleStreamType || StreamFd(stream) == 0) return false;
  *out = StreamFd(stream) == 1 ? g_stdout_printer : g_stderr_printer;
  return true;
}

void UsePortConsole() {
  g_stdout_printer = Printer{reinterpret_cast<void*>(intptr_t{1}), PortWrite};
  g_stderr_printer = Printer{reinterpret_cast<void*>(intptr_t{2}), PortWrite};
}

Value ConsoleStream(int fd) { return FromPointer(&kConsoleStreams[fd]); }

namespace {
const Type kConsoleStreamType = {
    .base = {&kTypeType},
    .flags = kTypeEqualIsIdentity,
    .name = Q_TextIOWrapper,
    .print = StreamPrint,
    .base_type = &kObjectType,
    .methods = &kConsoleStreamMethods,
};
}  // namespace

}  // namespace taipan::rt
