// The vfs module: mount points for filesystem objects written in Python,
// and the import of modules through them.
//
// A filesystem object follows MicroPython's VFS protocol: mount(readonly,
// mkfs) and umount() when it is attached and detached, stat(path) giving a
// tuple whose item 0 is st_mode (S_IFDIR 0x4000 for a directory; any other
// mode counts as a file) or raising OSError when the path does not exist,
// and open(path, mode) giving a stream. Paths handed to the object are its
// own: the mount point is taken off ("/__remote/x.mpy" is "/x.mpy" to the
// object mounted at "/__remote").
//
// The mount table is a list of (object, mount point) tuples in mount order,
// except that an object mounted at "/" stays last, so that mounts below the
// root win over it. Only absolute paths are looked up in it; every other
// path, and an absolute one under no mount point, is the port's own file
// system, as it was before vfs existed (the host's files).
//
// Import (ImportFromMount, called for each sys.path directory and package
// __path__) asks the mounted object in MicroPython's order: NAME as a
// directory (a package, run from NAME/__init__.py or __init__.mpy when one
// exists), then NAME.py, then NAME.mpy. A file is opened with mode "rb"
// and read whole through the stream protocol — ioctl(11, 0) for a buffer
// size, readinto(bytearray) until it gives 0, then ioctl(4, 0) to close
// (close() for a stream without ioctl, such as io.BytesIO) — before it is
// loaded. A .mpy loads like any other, so a corrupt or truncated one raises
// ValueError. A .py is compiled with the builtin compile(): where the port
// has no compiler, that raises what compile() raises there. open() of a path
// under a mount point (stdlib/modio.cpp) is the mounted object's open().
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/exception.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/nlr.h"
#include "runtime/print.h"
#include "runtime/runtime.h"
#include "runtime/state.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/vm.h"

namespace taipan::rt {

namespace {

constexpr SignedWord kEPERM = 1;
constexpr SignedWord kEIO = 5;
constexpr SignedWord kEAGAIN = 11;
constexpr SignedWord kENODEV = 19;
constexpr SignedWord kEINVAL = 22;

constexpr SignedWord kStatIsDirectory = 0x4000;  // S_IFDIR
// MicroPython's stream ioctl requests, as the Python ioctl method sees them.
constexpr SignedWord kIoctlClose = 4;
constexpr SignedWord kIoctlGetBufferSize = 11;
// readinto() chunk: what the stream asks for through ioctl, within these
// bounds; when it does not say, the default, doubled after each full read
// up to the maximum (a big file takes few calls, a small one little room).
constexpr size_t kMinChunk = 16;
constexpr size_t kMaxChunk = 4096;
constexpr size_t kDefaultChunk = 512;

// The mount table (a list, see above) or kNull when nothing was ever
// mounted in this heap. A GC root: VfsInit registers it.
Value g_mounts = kNull;

Value MountedObject(Value entry) { return AsTuple(entry)->items[0]; }
StrText MountPoint(Value entry) { return StrTextOf(AsTuple(entry)->items[1]); }
bool IsRootMount(Value entry) { return MountPoint(entry).length == 1; }

// --- Path lookup ---------------------------------------------------------------------

// Where an absolute path lies: the mount table entry and the path inside
// the mounted object (starting with '/'), as MicroPython's lookup finds
// them. A mount point matches a whole leading component run: "/ab" is not
// under "/a".
struct Mounted {
  Value entry;        // kNull: under no mount point (or the virtual root itself)
  const char* inner;  // the path inside the object
  size_t inner_length;
};

Mounted FindMount(const char* path, size_t length) {
  Mounted found{kNull, nullptr, 0};
  if (g_mounts == kNull || AsList(g_mounts)->length == 0) return found;
  if (length < 2 || path[0] != '/') return found;  // relative, or "/" itself
  ListObject* mounts = AsList(g_mounts);
  for (size_t i = 0; i < mounts->length; ++i) {
    Value entry = mounts->items[i];
    StrText point = MountPoint(entry);
    if (point.length == 1) {  // "/": everything absolute
      found = {entry, path, length};
      return found;
    }
    if (length < point.length || __builtin_memcmp(path, point.data, point.length) != 0) continue;
    if (length == point.length) {
      found = {entry, "/", 1};
      return found;
    }
    if (path[point.length] == '/') {
      found = {entry, path + point.length, length - point.length};
      return found;
    }
  }
  return found;
}

// --- Talking to the mounted object -----------------------------------------------------

// What stat says about a path: MicroPython's import_stat. Any Exception
// from stat() means "not there" (MicroPython's rule: a filesystem signals
// a missing path with OSError, and a broken stat must not break imports
// that other sys.path entries satisfy); KeyboardInterrupt and SystemExit
// still propagate.
enum class PathKind { kMissing, kFile, kDirectory };

PathKind StatPath(Value fs, const StringBuilder& inner) {
  Value path = NewStr(inner.data, inner.length);
  Value result;
  NlrBuf buf;
  if (taipan_nlr_push(&buf) == 0) {
    result = CallMethod(fs, Q_stat, 1, &path);
    taipan_nlr_pop();
  } else {
    Value exc = FromPointer(buf.value);
    if (!ExceptionMatches(exc, FromType(&kExceptionType))) taipan_nlr_jump(buf.value);
    return PathKind::kMissing;
  }
  SignedWord mode = IntToWord(LoadSubscr(result, FromSmallInt(0)));
  return (mode & kStatIsDirectory) != 0 ? PathKind::kDirectory : PathKind::kFile;
}

// A stream ioctl: the Python method's int result, or -1 (an error) when the
// object has none.
SignedWord StreamIoctl(Value stream, SignedWord request) {
  Value method[2];
  LoadMethodOrNull(stream, Q_ioctl, method);
  if (method[0] == kNull) return -1;
  Value args[2] = {FromSmallInt(request), FromSmallInt(0)};
  return IntToWord(CallMethod(stream, Q_ioctl, 2, args));
}

// Closes a stream the protocol's way: ioctl(close) when it has ioctl
// (MicroPython's IOBase), else its close() method (native streams).
void CloseStream(Value stream) {
  Value method[2];
  LoadMethodOrNull(stream, Q_ioctl, method);
  if (method[0] != kNull) {
    SignedWord result = StreamIoctl(stream, kIoctlClose);
    if (result < 0) RaiseOSError(-result);
    return;
  }
  LoadMethodOrNull(stream, Q_close, method);
  if (method[0] != kNull) CallMethod(stream, Q_close, 0, nullptr);
}

// The stream's own chunk size (see kMinChunk), 0 when it does not say.
size_t AskedChunkSize(Value stream) {
  SignedWord asked = StreamIoctl(stream, kIoctlGetBufferSize);
  if (asked <= 0) return 0;
  if (static_cast<size_t>(asked) < kMinChunk) return kMinChunk;
  return static_cast<size_t>(asked) > kMaxChunk ? kMaxChunk : static_cast<size_t>(asked);
}

// Appends everything the stream has to *out: readinto(bytearray) until it
// gives 0. Like MicroPython's IOBase, a negative result is an errno, None
// means "would block" (EAGAIN) and a count beyond the buffer is EIO. The
// callee may resize the bytearray (`buf[:] = shorter`); only the bytes it
// still holds count.
void ReadStream(Value stream, StringBuilder* out) {
  size_t asked = AskedChunkSize(stream);
  size_t chunk = asked != 0 ? asked : kDefaultChunk;
  Value buffer = NewByteArray(nullptr, chunk);
  for (;;) {
    auto* array = ObjectPointer<ByteArrayObject>(buffer);
    if (array->length != chunk) buffer = NewByteArray(nullptr, chunk);
    Value result = CallMethod(stream, Q_readinto, 1, &buffer);
    if (result == kNone) RaiseOSError(kEAGAIN);
    SignedWord n = IntToWord(result);
    if (n < 0) RaiseOSError(-n);
    if (static_cast<size_t>(n) > chunk) RaiseOSError(kEIO);
    if (n == 0) return;
    array = ObjectPointer<ByteArrayObject>(buffer);
    size_t got = static_cast<size_t>(n) < array->length ? static_cast<size_t>(n) : array->length;
    out->Append(reinterpret_cast<const char*>(array->data), got);
    if (asked == 0 && got == chunk && chunk < kMaxChunk) chunk *= 2;
  }
}

// The whole file at `inner` in `fs`, opened with mode "rb" and closed again
// (also when reading fails).
void ReadMountedFile(Value fs, const StringBuilder& inner, StringBuilder* out) {
  Value args[2] = {NewStr(inner.data, inner.length), FromQstr(Q_rb)};
  Value stream = CallMethod(fs, Q_open, 2, args);
  NlrBuf buf;
  if (taipan_nlr_push(&buf) == 0) {
    ReadStream(stream, out);
    taipan_nlr_pop();
  } else {
    CloseStream(stream);
    taipan_nlr_jump(buf.value);
  }
  CloseStream(stream);
}

// --- Running a module found in a mounted object ---------------------------------------

// Runs the source or .mpy `file_data` in `module`'s globals; `file` is the
// full path (for __file__ and tracebacks).
void RunFileInModule(Value module, const StringBuilder& file_data, Value file, bool is_mpy) {
  Value globals = ModuleGlobals(module);
  DictStore(globals, FromQstr(Q___file__), file);
  if (is_mpy) {
    RawCode* top;
    ModuleContext* context =
        LoadMpy(reinterpret_cast<const uint8_t*>(file_data.data), file_data.length, false, module, &top);
    RunModuleCode(context, top);
    return;
  }
  // Source: the builtin compile() (NotImplementedError where the port has
  // no compiler), then exec() in the module's globals.
  Value compile = DictLookup(g_state.builtins, FromQstr(Q_compile));
  Value exec = DictLookup(g_state.builtins, FromQstr(Q_exec));
  Value compile_args[3] = {NewBytes(reinterpret_cast<const uint8_t*>(file_data.data), file_data.length), file,
                           FromQstr(Q_exec)};
  Value code = Call(compile, 3, 0, compile_args);
  Value exec_args[2] = {code, globals};
  Call(exec, 2, 0, exec_args);
}

// The module `name`, found at `full_path` (a str: the path as sys.path
// spells it) in `fs` (whose own path for it is `inner`): a package (a
// directory; `is_package`) or a file (`inner` ends in .py or .mpy). It is
// in sys.modules while its body runs and taken out again if loading fails.
Value LoadMountedModule(Qstr name, Value fs, StringBuilder* inner, Value full_path, bool is_package) {
  Value module = NewModule(name);
  Value globals = ModuleGlobals(module);
  if (is_package) DictStore(globals, FromQstr(Q___path__), full_path);
  DictStore(g_state.modules, FromQstr(name), module);
  NlrBuf buf;
  if (taipan_nlr_push(&buf) == 0) {
    StringBuilder file;
    size_t full_length;
    const char* full = StrBytes(full_path, &full_length);
    file.Append(full, full_length);
    bool found = true;
    if (is_package) {
      // __init__.py, else __init__.mpy; neither: a namespace package.
      size_t base = inner->length;
      inner->AppendCString("/__init__.py");
      if (StatPath(fs, *inner) != PathKind::kFile) {
        inner->length = base;
        inner->AppendCString("/__init__.mpy");
        found = StatPath(fs, *inner) == PathKind::kFile;
      }
      file.Append(inner->data + base, inner->length - base);
    }
    if (found) {
      bool is_mpy = inner->data[inner->length - 3] == 'm';  // ".mpy", not ".py"
      StringBuilder data;
      ReadMountedFile(fs, *inner, &data);
      RunFileInModule(module, data, file.ToStr(), is_mpy);
    }
    taipan_nlr_pop();
    return module;
  }
  DictRemove(g_state.modules, FromQstr(name));
  taipan_nlr_jump(buf.value);
}

// --- The module's functions ------------------------------------------------------------

Value MountList() {
  Value list = NewList(0, nullptr);
  if (g_mounts == kNull) return list;
  ListObject* mounts = AsList(g_mounts);
  for (size_t i = 0; i < mounts->length; ++i) ListAppend(list, mounts->items[i]);
  return list;
}

// Puts `entry` into the table: before a root mount, so that stays last.
void InsertMount(Value entry) {
  if (g_mounts == kNull) g_mounts = NewList(0, nullptr);
  ListAppend(g_mounts, entry);
  ListObject* mounts = AsList(g_mounts);
  size_t at = mounts->length - 1;
  if (IsRootMount(entry)) return;
  while (at > 0 && IsRootMount(mounts->items[at - 1])) {
    mounts->items[at] = mounts->items[at - 1];
    --at;
  }
  mounts->items[at] = entry;
}

void RemoveMountAt(size_t index) {
  ListObject* mounts = AsList(g_mounts);
  for (size_t i = index + 1; i < mounts->length; ++i) mounts->items[i - 1] = mounts->items[i];
  mounts->items[--mounts->length] = kNull;  // the list's invariant: no stale values
}

// mount(fsobj, mount_point, *, readonly=False, mkfs=False); mount() lists
// the table as [(fsobj, mount_point), ...].
Value Mount(size_t n_args, const Value* args, size_t n_kw, const Value* kw) {
  if (n_args == 0 && n_kw == 0) return MountList();
  static constexpr ArgSpec kSpecs[] = {{Q_fsobj, true, kNone},
                                       {Q_mount_point, true, kNone},
                                       {Q_readonly, false, kFalse},
                                       {Q_mkfs, false, kFalse}};
  Value values[4];
  ParseArgs(n_args, args, n_kw, kw, kSpecs, 4, 2, values);
  Value fs = values[0];
  StrText point = StrTextOf(values[1]);
  // An object without mount() would be a block device for a filesystem
  // driver to recognise; there are none here.
  Value method[2];
  LoadMethodOrNull(fs, Q_mount, method);
  if (method[0] == kNull) RaiseOSError(kENODEV);
  CallMethod(fs, Q_mount, 2, values + 2);
  // The point must be free; below a root mount is allowed.
  Mounted existing = FindMount(point.data, point.length);
  bool is_root = point.length == 1 && point.data[0] == '/';
  if (existing.entry != kNull && !IsRootMount(existing.entry)) RaiseOSError(kEPERM);
  if (is_root && g_mounts != kNull) {
    ListObject* mounts = AsList(g_mounts);
    for (size_t i = 0; i < mounts->length; ++i)
      if (IsRootMount(mounts->items[i])) RaiseOSError(kEPERM);
  }
  Value entry_items[2] = {fs, NewStr(point.data, point.length)};
  InsertMount(NewTuple(2, entry_items));
  return kNone;
}

// umount(mount_point or fsobj)
Value Umount(Value target) {
  ListObject* mounts = g_mounts == kNull ? nullptr : AsList(g_mounts);
  for (size_t i = 0; mounts != nullptr && i < mounts->length; ++i) {
    Value entry = mounts->items[i];
    bool match = MountedObject(entry) == target;
    if (!match && IsStr(target)) {
      StrText wanted = StrTextOf(target), point = MountPoint(entry);
      match = wanted.length == point.length && __builtin_memcmp(wanted.data, point.data, point.length) == 0;
    }
    if (!match) continue;
    RemoveMountAt(i);
    CallMethod(MountedObject(entry), Q_umount, 0, nullptr);
    return kNone;
  }
  RaiseOSError(kEINVAL);
}

constexpr BuiltinFunction kMountFn(Q_mount, 0, 2, Mount);
constexpr BuiltinFunction kUmountFn(Q_umount, Umount);

}  // namespace

TAIPAN_CONST_MAP(kVfsModuleGlobals,
                 {Q___name__, ConstValue(FromQstr(Q_vfs))},
                 {Q_mount, &kMountFn},
                 {Q_umount, &kUmountFn});

void VfsInit() {
  // A fresh heap: the table of an earlier one is gone with it, and gc_init
  // forgot the root.
  g_mounts = kNull;
  if (!gc_add_root(reinterpret_cast<void**>(&g_mounts), 1)) RaiseMemoryError();
}

bool ImportFromMount(Qstr full_name, Value dir, const char* last, size_t last_length, Value* module) {
  if (g_mounts == kNull || AsList(g_mounts)->length == 0) return false;  // the usual case: nothing to ask
  StringBuilder full;
  size_t dir_length;
  const char* dir_text = StrBytes(dir, &dir_length);
  full.Append(dir_text, dir_length);
  if (dir_length > 0 && dir_text[dir_length - 1] != '/') full.Append('/');  // "": relative, the port's
  full.Append(last, last_length);
  Mounted mounted = FindMount(full.data, full.length);
  if (mounted.entry == kNull) return false;
  Value fs = MountedObject(mounted.entry);
  StringBuilder inner;
  inner.Append(mounted.inner, mounted.inner_length);  // copied: `full` grows below
  *module = kNull;
  if (StatPath(fs, inner) == PathKind::kDirectory) {
    *module = LoadMountedModule(full_name, fs, &inner, full.ToStr(), true);
    return true;
  }
  size_t base_length = full.length;
  static constexpr const char* kSuffixes[] = {".py", ".mpy"};
  for (const char* suffix : kSuffixes) {
    inner.length = mounted.inner_length;
    inner.AppendCString(suffix);
    if (StatPath(fs, inner) != PathKind::kFile) continue;
    full.length = base_length;
    full.AppendCString(suffix);
    *module = LoadMountedModule(full_name, fs, &inner, full.ToStr(), false);
    return true;
  }
  return true;
}

Value VfsOpen(Value path, Value mode) {
  if (!IsStr(path)) return kNull;
  StrText text = StrTextOf(path);
  Mounted mounted = FindMount(text.data, text.length);
  if (mounted.entry == kNull) return kNull;
  Value args[2] = {NewStr(mounted.inner, mounted.inner_length), mode};
  return CallMethod(MountedObject(mounted.entry), Q_open, 2, args);
}

}  // namespace taipan::rt
