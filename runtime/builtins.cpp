// The builtins module: the builtin functions, and the names of the builtin
// types, singletons and exceptions.
//
// Each function is a constant BuiltinFunction (object.h) in the module's
// constant table, which is written out in ASCII order of the names (the
// X-macro lists of builtin_types.def and exception_types.def are not in that
// order, and TAIPAN_CONST_MAP checks it).
#include "runtime/builtins.h"

#include "runtime/bytes.h"
#include "runtime/class.h"
#include "runtime/compile_hook.h"
#include "runtime/dict.h"
#include "runtime/float.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/runtime.h"
#include "runtime/state.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/vm.h"

namespace taipan::rt {

namespace {

// --- Small helpers --------------------------------------------------------------

// Runs body(); if it raised an exception matching `type`, returns true (the
// exception is dropped), otherwise re-raises it. Returns false when body()
// finished normally.
template <typename F>
bool Swallowed(const Type* type, F body) {
  NlrBuf buf;
  if (taipan_nlr_push(&buf) == 0) {
    body();
    taipan_nlr_pop();
    return false;
  }
  Value exc = FromPointer(buf.value);
  if (!ExceptionMatches(exc, FromType(type))) Raise(exc);
  return true;
}

Qstr AttrName(Value name) {
  if (IsQstr(name)) return QstrValue(name);  // most names
  if (!IsStr(name)) RaiseTypeError("attribute name must be string");
  return StrToQstr(name);
}

// The dict locals() and dir() see: the class body being built, else the
// running module's globals.
Value CurrentLocals() { return g_state.locals != kNull ? g_state.locals : g_state.globals; }

// --- Numbers ------------------------------------------------------------------

Value Abs(Value x) { return ApplyUnaryOp(UnaryOp::kAbs, x); }

Value Divmod(Value a, Value b) { return ApplyBinaryOp(BinaryOp::kDivMod, a, b); }

// bin/oct/hex: ints (and objects with __index__) in base 2, 8 or 16 with
// the 0b/0o/0x prefix.
Value IntInBase(Value x, int base) {
  if (!IsInt(x)) x = NewInt(IndexValue(x));
  StringBuilder text;
  PrintInt(text.AsPrinter(), x, base, true, false);
  return text.ToStr();
}
Value Bin(Value x) { return IntInBase(x, 2); }
Value Oct(Value x) { return IntInBase(x, 8); }
Value Hex(Value x) { return IntInBase(x, 16); }

Value Pow(size_t n_args, const Value* args) {
  if (n_args == 3 && args[2] != kNone) return IntPowMod(args[0], args[1], args[2]);
  return ApplyBinaryOp(BinaryOp::kPower, args[0], args[1]);
}

// round(int, ndigits): ndigits >= 0 leaves it; a negative one rounds to a
// multiple of 10**-ndigits, halves to even (Python's rule).
Value RoundInt(Value x, SignedWord ndigits) {
  if (ndigits >= 0) return x;
  Value unit = ApplyBinaryOp(BinaryOp::kPower, FromSmallInt(10), NewInt(-ndigits));
  Value qr = ApplyBinaryOp(BinaryOp::kDivMod, x, unit);
  Value q = AsTuple(qr)->items[0];
  Value twice_r = ApplyBinaryOp(BinaryOp::kMultiply, AsTuple(qr)->items[1], FromSmallInt(2));
  bool up = ApplyBinaryOp(BinaryOp::kMore, twice_r, unit) == kTrue ||
            (Equal(twice_r, unit) && IsTrue(ApplyBinaryOp(BinaryOp::kAnd, q, FromSmallInt(1))));
  if (up) q = ApplyBinaryOp(BinaryOp::kAdd, q, FromSmallInt(1));
  return ApplyBinaryOp(BinaryOp::kMultiply, q, unit);
}

Value Round(size_t n_args, const Value* args) {
  Value x = args[0];
  Value ndigits = n_args > 1 ? args[1] : kNone;
  if (IsInt(x)) {
    if (x == kTrue || x == kFalse) x = FromSmallInt(x == kTrue);
    return ndigits == kNone ? x : RoundInt(x, IndexValue(ndigits));
  }
  if (IsFloat(x)) return FloatRound(x, ndigits);
  // Other numbers: their __round__.
  Value method[2];
  LoadMethodOrNull(x, Q___round__, method);
  if (method[0] == kNull) {
    const char* parts[] = {"type ", TypeNameOf(x), " doesn't define __round__ method"};
    RaiseJoined(&kTypeErrorType, parts, 3);
  }
  Value call_args[3];
  size_t n = 0;
  if (method[1] != kNull) call_args[n++] = method[1];
  if (ndigits != kNone) call_args[n++] = ndigits;
  return Call(method[0], n, 0, call_args);
}

// sum()'s running total: small ints and exact floats are added inline
// (no object per step; a float total is boxed once, at the end), anything
// else through the + operator, in the same order.
struct SumTotal {
  Value total;
  Float float_total = 0;
  bool in_float = false;  // float_total is the total

  void Add(Value item) {
    if (in_float) {
      if (HasExactType(item, &kFloatType)) {
        float_total += FloatValue(item);
        return;
      }
      total = NewFloat(float_total);
      in_float = false;
    } else if (IsSmallInt(total) && IsSmallInt(item)) {
      SignedWord sum = SmallIntValue(total) + SmallIntValue(item);  // no overflow: small ints are narrower
      if (FitsSmallInt(sum)) {
        total = FromSmallInt(sum);
        return;
      }
    } else if (HasExactType(total, &kFloatType) && HasExactType(item, &kFloatType)) {
      float_total = FloatValue(total) + FloatValue(item);
      in_float = true;
      return;
    }
    total = ApplyBinaryOp(BinaryOp::kAdd, total, item);
  }
  Value Result() const { return in_float ? NewFloat(float_total) : total; }
};

Value Sum(size_t n_args, const Value* args, size_t n_kw, const Value* kw) {
  static constexpr ArgSpec kSpecs[] = {{Q_iterable, true, kNone}, {Q_start, false, FromSmallInt(0)}};
  Value a[2];
  ParseArgs(n_args, args, n_kw, kw, kSpecs, 2, 2, a);
  SumTotal sum{a[1]};
  Value source = a[0];
  if (IsSmallInt(a[1]) && (HasExactType(source, &kBytesType) || HasExactType(source, &kByteArrayType))) {
    // The bytes themselves: nothing runs that could change them meanwhile.
    BufferInfo info;
    GetBuffer(source, &info, false);
    Word bytes_total = 0;
    for (size_t i = 0; i < info.length; ++i) bytes_total += static_cast<const uint8_t*>(info.data)[i];
    sum.Add(NewIntFromUnsigned(bytes_total));
    return sum.Result();
  }
  Value it = GetIter(source);
  for (Value item = IterNext(it); item != kStopIteration; item = IterNext(it)) sum.Add(item);
  return sum.Result();
}

// min/max: over one iterable or several arguments, by key(item), ties going
// to the first; `better` is kLess for min, kMore for max.
Value MinMax(size_t n_args, const Value* args, size_t n_kw, const Value* kw, BinaryOp better) {
  static constexpr ArgSpec kSpecs[] = {{Q_key, false, kNone}, {Q_default, false, kNull}};
  Value options[2];
  ParseArgs(0, nullptr, n_kw, kw, kSpecs, 2, 0, options);
  Value key = options[0];
  Value default_value = options[1];
  Value best = kNull, best_key = kNull;
  auto consider = [&](Value item) {
    Value k = key == kNone ? item : Call1(key, item);
    if (best == kNull || ApplyBinaryOp(better, k, best_key) == kTrue) {
      best = item;
      best_key = k;
    }
  };
  if (n_args == 1) {
    Value it = GetIter(args[0]);
    for (Value item = IterNext(it); item != kStopIteration; item = IterNext(it)) consider(item);
  } else {
    if (default_value != kNull) RaiseTypeError("default can't be specified with multiple positional arguments");
    for (size_t i = 0; i < n_args; ++i) consider(args[i]);
  }
  if (best != kNull) return best;
  if (default_value != kNull) return default_value;
  RaiseValueError("arg is an empty sequence");
}

Value Min(size_t n_args, const Value* args, size_t n_kw, const Value* kw) {
  return MinMax(n_args, args, n_kw, kw, BinaryOp::kLess);
}
Value Max(size_t n_args, const Value* args, size_t n_kw, const Value* kw) {
  return MinMax(n_args, args, n_kw, kw, BinaryOp::kMore);
}

// --- Text ---------------------------------------------------------------------

Value Chr(Value code) {
  // ASCII (the common case): the remembered one-character qstr.
  if (IsSmallInt(code) && static_cast<Word>(SmallIntValue(code)) < 0x80) {
    Qstr q = QstrAsciiChar(static_cast<unsigned char>(SmallIntValue(code)));
    if (q != kNoQstr) return FromQstr(q);
  }
  SignedWord c = IntToWord(code);
  if (c < 0 || c > 0x10FFFF) RaiseValueError("chr() arg not in range(0x110000)");
  char utf8[4];
  size_t n;
  Word u = static_cast<Word>(c);
  if (u < 0x80) {
    utf8[0] = static_cast<char>(u);
    n = 1;
  } else if (u < 0x800) {
    utf8[0] = static_cast<char>(0xC0 | (u >> 6));
    utf8[1] = static_cast<char>(0x80 | (u & 0x3F));
    n = 2;
  } else if (u < 0x10000) {
    utf8[0] = static_cast<char>(0xE0 | (u >> 12));
    utf8[1] = static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    utf8[2] = static_cast<char>(0x80 | (u & 0x3F));
    n = 3;
  } else {
    utf8[0] = static_cast<char>(0xF0 | (u >> 18));
    utf8[1] = static_cast<char>(0x80 | ((u >> 12) & 0x3F));
    utf8[2] = static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    utf8[3] = static_cast<char>(0x80 | (u & 0x3F));
    n = 4;
  }
  return NewStr(utf8, n);
}

// The code point of one UTF-8 character (the str invariant: valid UTF-8).
Word DecodeUtf8Char(const unsigned char* p, size_t length) {
  Word c = p[0];
  if (c < 0x80) return c;
  size_t extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
  c &= 0x3F >> extra;
  for (size_t i = 1; i <= extra && i < length; ++i) c = (c << 6) | (p[i] & 0x3F);
  return c;
}

Value Ord(Value ch) {
  if (IsQstr(ch) || IsPlainHeapStr(ch)) {
    // One ASCII character (the common case) without counting code points.
    size_t length;
    const char* data = StrBytes(ch, &length);
    if (length == 1) return FromSmallInt(static_cast<unsigned char>(data[0]));
  }
  if (IsStr(ch)) {
    size_t length;
    const char* data = StrBytes(ch, &length);
    size_t chars = Utf8CharCount(data, length);
    if (chars != 1) {
      StringBuilder text;
      text.AppendCString("ord expected a character, but string of length ");
      PrintSignedWord(text.AsPrinter(), static_cast<SignedWord>(chars));
      text.AppendCString(" found");
      RaiseWithArg(&kTypeErrorType, text.ToStr());
    }
    return NewInt(static_cast<SignedWord>(DecodeUtf8Char(reinterpret_cast<const unsigned char*>(data), length)));
  }
  BufferInfo buffer;
  if (TryGetBuffer(ch, &buffer, false)) {
    if (buffer.length != 1) {
      StringBuilder text;
      text.AppendCString("ord expected a character, but string of length ");
      PrintSignedWord(text.AsPrinter(), static_cast<SignedWord>(buffer.length));
      text.AppendCString(" found");
      RaiseWithArg(&kTypeErrorType, text.ToStr());
    }
    return FromSmallInt(*static_cast<const unsigned char*>(buffer.data));
  }
  const char* parts[] = {"ord() expected string of length 1, but ", TypeNameOf(ch), " found"};
  RaiseJoined(&kTypeErrorType, parts, 3);
}

Value Repr(Value v) { return ReprOf(v); }

// --- Objects and attributes -------------------------------------------------

Value CallableFn(Value v) { return FromBool(IsCallable(v)); }

Value Id(Value v) { return NewInt(static_cast<SignedWord>(Bits(v))); }

Value HashFn(Value v) { return NewInt(Hash(v)); }

Value Len(Value v) {
  // An exact list's or tuple's length without the type's dispatch (a raw
  // float list's length field is as good as a boxed one's).
  if (IsObject(v)) {
    const Type* type = ObjectPointer<Object>(v)->type;
    if (type == &kListType) return FromSmallInt(static_cast<SignedWord>(ObjectPointer<ListObject>(v)->length));
    if (type == &kTupleType) return FromSmallInt(static_cast<SignedWord>(ObjectPointer<TupleObject>(v)->length));
  }
  return NewInt(static_cast<SignedWord>(Length(v)));
}

Value IsinstanceFn(Value v, Value cls) { return FromBool(IsInstance(v, cls)); }
Value IssubclassFn(Value type, Value cls) { return FromBool(IsSubclassValue(type, cls)); }

// getattr with a default and hasattr: a plain miss is answered without
// raising (no exception object is made); an AttributeError raised by code
// the lookup runs (__getattr__, a property) still counts as a miss. Null
// for a miss.
Value AttrOrMiss(Value obj, Qstr name) {
  if (AttrLookupRunsNoCode(obj)) return LoadAttrOrNull(obj, name);  // no handler needed
  Value result = kNull;
  if (Swallowed(&kAttributeErrorType, [&] { result = LoadAttrOrNull(obj, name); })) return kNull;
  return result;
}

[[gnu::always_inline]] inline Value GetattrOr(Value obj, Value name, Value fallback) {
  Qstr q = AttrName(name);
  if (Value* own = OwnAttributeFirst(obj, q)) return *own;
  Value result = AttrOrMiss(obj, q);
  return result != kNull ? result : fallback;
}

Value Getattr(size_t n_args, const Value* args) {
  if (n_args == 2) return LoadAttr(args[0], AttrName(args[1]));
  return GetattrOr(args[0], args[1], args[2]);
}

Value Hasattr(Value obj, Value name) { return FromBool(AttrOrMiss(obj, AttrName(name)) != kNull); }

Value Setattr(Value obj, Value name, Value value) {
  StoreAttr(obj, AttrName(name), value);
  return kNone;
}

Value Delattr(Value obj, Value name) {
  DeleteAttr(obj, AttrName(name));
  return kNone;
}

Value Globals() { return g_state.globals; }
Value Locals() { return CurrentLocals(); }

// dir(): the names in the current scope; dir(obj): the names in the object's
// own dict (module globals, instance attributes) and its type's (along the
// MRO). Attributes that only an attr slot computes are not listed.
void AddKeys(Value names, Value dict) {
  size_t position = 0;
  while (MapEntry* entry = MapNext(DictMap(dict), &position)) DictStore(names, entry->key, kNone);
}

void AddTypeNames(Value names, const Type* type) {
  auto add_one = [&](const Type* t) {
    if (t->dict != kNull) AddKeys(names, t->dict);
    else if (t->methods)
      for (size_t i = 0; i < t->methods->count; ++i) DictStore(names, FromQstr(t->methods->entries[i].name), kNone);
  };
  if (type->mro != kNull) {
    TupleObject* mro = AsTuple(type->mro);
    for (size_t i = 0; i < mro->length; ++i) add_one(TypeValue(mro->items[i]));
    return;
  }
  for (const Type* t = type; t; t = t->base_type) add_one(t);
}

Value Dir(size_t n_args, const Value* args) {
  Value names = NewDict(16);
  if (n_args == 0) {
    Value scope = CurrentLocals();
    if (scope != kNull) AddKeys(names, scope);
  } else {
    Value obj = args[0];
    const Type* type = TypeOf(obj);
    if (type == &kModuleType) {
      AddKeys(names, ModuleGlobals(obj));
    } else if (IsType(obj)) {
      AddTypeNames(names, TypeValue(obj));
    } else {
      if (IsClass(type)) {
        // A class's own __dir__ gives the names.
        Value own = CallMethodIfAny(obj, Q___dir__);
        if (own != kNull) return ListFromIterable(own);
        Value dict = InstanceDict(obj, false);
        if (dict != kNull) AddKeys(names, dict);
      }
      AddTypeNames(names, type);
    }
  }
  Value list = NewList(0, nullptr);
  size_t position = 0;
  while (MapEntry* entry = MapNext(DictMap(names), &position)) ListAppend(list, entry->key);
  return list;
}

// --- Iteration ------------------------------------------------------------------

Value All(Value iterable) {
  Value it = GetIter(iterable);
  for (Value item = IterNext(it); item != kStopIteration; item = IterNext(it))
    if (!IsTrue(item)) return kFalse;
  return kTrue;
}

Value Any(Value iterable) {
  Value it = GetIter(iterable);
  for (Value item = IterNext(it); item != kStopIteration; item = IterNext(it))
    if (IsTrue(item)) return kTrue;
  return kFalse;
}

Value Iter(size_t n_args, const Value* args) {
  if (n_args == 1) return GetIter(args[0]);
  return NewCallableIterator(args[0], args[1]);
}

Value Next(size_t n_args, const Value* args) {
  if (n_args == 1) return IterNextOrRaise(args[0]);
  Value item = IterNext(args[0]);
  return item == kStopIteration ? args[1] : item;
}

Value Sorted(size_t n_args, const Value* args, size_t n_kw, const Value* kw) {
  static constexpr ArgSpec kSpecs[] = {{Q_key, false, kNone}, {Q_reverse, false, kFalse}};
  Value options[2];
  ParseArgs(0, nullptr, n_kw, kw, kSpecs, 2, 0, options);
  (void)n_args;
  Value list = ListFromIterable(args[0]);
  ListSort(list, options[0], IsTrue(options[1]));
  return list;
}

// --- Input and output -------------------------------------------------------------

// Writes `text` (a str) to a file object: the console's printer directly,
// any other object through its write method.
void WriteText(Value file, const Printer* console, Value text) {
  if (console) {
    size_t length;
    const char* data = StrBytes(text, &length);
    PrintBytes(*console, data, length);
    return;
  }
  CallMethod(file, Q_write, 1, &text);
}

void WriteChars(Value file, const Printer* console, const char* text) {
  if (console) PrintCString(*console, text);
  else WriteText(file, console, NewStrFromCString(text));
}

Value Print(size_t n_args, const Value* args, size_t n_kw, const Value* kw) {
  static constexpr ArgSpec kSpecs[] = {
      {Q_sep, false, kNone}, {Q_end, false, kNone}, {Q_file, false, kNone}, {Q_flush, false, kFalse}};
  Value options[4];
  ParseArgs(0, nullptr, n_kw, kw, kSpecs, 4, 0, options);
  Value sep = options[0], end = options[1], file = options[2];
  if (sep != kNone && !IsStr(sep)) RaiseTypeError("sep must be None or a string");
  if (end != kNone && !IsStr(end)) RaiseTypeError("end must be None or a string");
  if (file == kNone) file = SysStdout();
  Printer console;
  const Printer* direct = ConsolePrinter(file, &console) ? &console : nullptr;
  for (size_t i = 0; i < n_args; ++i) {
    if (i > 0) {
      if (sep == kNone) WriteChars(file, direct, " ");
      else WriteText(file, direct, sep);
    }
    if (direct) PrintValue(*direct, args[i], PrintKind::kStr);
    else WriteText(file, direct, StrOf(args[i]));
  }
  if (end == kNone) WriteChars(file, direct, "\n");
  else WriteText(file, direct, end);
  if (IsTrue(options[3]) && !direct) {
    Value method[2];
    LoadMethodOrNull(file, Q_flush, method);
    if (method[0] != kNull) CallMethod(file, Q_flush, 0, nullptr);
  }
  return kNone;
}

// input([prompt]): the prompt to sys.stdout, then a line from sys.stdin
// without its newline; EOFError at the end of input.
Value Input(size_t n_args, const Value* args) {
  if (n_args == 1) {
    Value out = SysStdout();
    Printer console;
    bool direct = ConsolePrinter(out, &console);
    WriteText(out, direct ? &console : nullptr, StrOf(args[0]));
  }
  Value line = CallMethod(SysStdin(), Q_readline, 0, nullptr);
  size_t length;
  const char* data = StrBytes(line, &length);
  if (length == 0) RaiseMessage(&kEOFErrorType, "");
  if (data[length - 1] == '\n') --length;
  return NewStr(data, length);
}

// --- Modules and classes ------------------------------------------------------------

// __import__(name, globals=None, locals=None, fromlist=(), level=0)
Value ImportFn(size_t n_args, const Value* args) {
  if (!IsStr(args[0])) RaiseTypeError("__import__() argument 1 must be str");
  Value globals = n_args > 1 ? args[1] : kNone;
  Value fromlist = n_args > 3 ? args[3] : kNone;
  SignedWord level = n_args > 4 ? IntToWord(args[4]) : 0;
  if (level < 0) RaiseValueError("level must be >= 0");
  return ImportNameIn(StrToQstr(args[0]), fromlist, static_cast<int>(level), globals == kNone ? kNull : globals);
}

// __build_class__(body, name, *bases, metaclass=...): runs the class body
// with g_state.locals set to a new dict (the VM stores the body's names
// there), then makes the class with the metaclass (default: the type of the
// first base, else type). A body whose methods use super() or __class__
// returns the class cell; the new class is stored into it.
Value BuildClass(size_t n_args, const Value* args, size_t n_kw, const Value* kw) {
  Value metaclass = kNull;
  for (size_t k = 0; k < n_kw; ++k) {
    if (QstrValue(kw[2 * k]) != Q_metaclass) RaiseTypeError("__build_class__() got an unexpected keyword argument");
    metaclass = kw[2 * k + 1];
  }
  Value body = args[0];
  Value name = args[1];
  if (!IsStr(name)) RaiseTypeError("__build_class__: name is not a string");
  Value bases = NewTuple(n_args - 2, args + 2);
  Value namespace_dict = NewDict(8);
  Value saved_locals = g_state.locals;
  g_state.locals = namespace_dict;
  NlrBuf buf;
  Value class_cell = kNone;
  if (taipan_nlr_push(&buf) == 0) {
    class_cell = Call0(body);
    taipan_nlr_pop();
    g_state.locals = saved_locals;
  } else {
    g_state.locals = saved_locals;
    Raise(FromPointer(buf.value));
  }
  if (metaclass == kNull) metaclass = n_args > 2 ? FromType(TypeOf(args[2])) : FromType(&kTypeType);
  Value cls;
  if (metaclass == FromType(&kTypeType)) {
    cls = NewClass(StrToQstr(name), bases, namespace_dict);
  } else {
    Value class_args[3] = {name, bases, namespace_dict};
    cls = Call(metaclass, 3, 0, class_args);
  }
  if (IsObject(class_cell) && TypeOf(class_cell) == &kCellType) CellSet(class_cell, cls);
  return cls;
}

// --- The table ------------------------------------------------------------------------


// --- eval, exec, compile ------------------------------------------------------------
//
// A code object keeps the .mpy image the installed compiler made; each run
// loads it afresh into a module whose globals are the dict given (a
// ModuleContext is bound to one module's globals at load time).

SourceCompiler g_source_compiler = nullptr;

struct CodeObject {
  Object base;  // &kCodeType
  Value mpy;    // a bytes object
  CompileMode mode;
};

void CodePrint(const Printer& out, Value, PrintKind) { PrintCString(out, "<code object <module>>"); }

const Type kCodeType = {
    .base = {&kTypeType},
    .flags = kTypeEqualIsIdentity,
    .name = Q_code,
    .print = CodePrint,
    .base_type = &kObjectType,
};

Value CompileSource(Value source, Qstr filename, CompileMode mode) {
  if (g_source_compiler == nullptr) RaiseNotImplementedError("compiler is not available");
  BufferInfo text;
  if (IsStr(source)) {
    text.data = const_cast<char*>(StrBytes(source, &text.length));
  } else if (!TryGetBuffer(source, &text, false)) {
    RaiseTypeError("expected str, bytes or code object");
  }
  // The compiler may allocate (and collect): keep the source alive.
  g_state.scratch[0] = source;
  Value mpy = g_source_compiler(static_cast<const char*>(text.data), text.length, filename, mode);
  g_state.scratch[0] = kNull;
  auto* code = NewObject<CodeObject>(&kCodeType);
  code->mpy = mpy;
  code->mode = mode;
  return FromPointer(code);
}

CompileMode ModeOf(Value mode) {
  StrText text = StrTextOf(mode);
  auto is = [&](const char* name, size_t n) { return text.length == n && __builtin_memcmp(text.data, name, n) == 0; };
  if (is("exec", 4)) return CompileMode::kExec;
  if (is("eval", 4)) return CompileMode::kEval;
  if (is("single", 6)) return CompileMode::kSingle;
  RaiseValueError("bad compile mode");
}

void CheckDict(Value v, const char* message) {
  if (!IsDict(v)) RaiseTypeError(message);
}

// Runs `code` (a code object, or source to compile in `mode`) with the
// globals args[1] and locals args[2] (defaults: the caller's globals);
// returns eval's value, or None.
//
// Module code reads and writes its names in its globals only, so distinct
// locals are approximated: the code runs in a copy of the globals updated
// with the locals, and every name it then holds that the globals do not
// (or hold with another value) is written back to the locals.
Value RunCode(size_t n_args, const Value* args, CompileMode mode) {
  Value code = args[0];
  Value globals = n_args > 1 && args[1] != kNone ? args[1] : g_state.globals;
  CheckDict(globals, "globals must be a dict");
  Value locals = n_args > 2 && args[2] != kNone ? args[2] : globals;
  CheckDict(locals, "locals must be a dict");
  if (!HasExactType(code, &kCodeType)) code = CompileSource(code, QstrIntern("<string>", 8), mode);
  Value scope = globals;
  if (locals != globals) {
    scope = NewDict(0);
    DictUpdate(scope, globals);
    DictUpdate(scope, locals);
  }
  auto* code_object = ObjectPointer<CodeObject>(code);
  Value module = NewModule(Q___main__);
  ObjectPointer<ModuleObject>(module)->globals = scope;
  auto* image = ObjectPointer<BytesObject>(code_object->mpy);
  RawCode* top;
  ModuleContext* context = LoadMpy(image->data, image->length, false, module, &top);
  RunModuleCode(context, top);
  Value result = kNone;
  if (code_object->mode == CompileMode::kEval) {
    result = DictRemove(scope, FromQstr(Q___taipan_eval__));
    if (result == kNull) result = kNone;
  }
  if (scope != globals) {
    size_t position = 0;
    while (MapEntry* entry = MapNext(DictMap(scope), &position))
      if (DictLookup(globals, entry->key) != entry->value) DictStore(locals, entry->key, entry->value);
  }
  return result;
}

Value Exec(size_t n_args, const Value* args) {
  RunCode(n_args, args, CompileMode::kExec);
  return kNone;
}

Value Eval(size_t n_args, const Value* args) { return RunCode(n_args, args, CompileMode::kEval); }

// compile(source, filename, mode, flags=0, dont_inherit=False)
Value CompileFn(size_t, const Value* args) { return CompileSource(args[0], StrToQstr(args[1]), ModeOf(args[2])); }

constexpr BuiltinFunction kCompileFn(Q_compile, 3, 5, CompileFn);
constexpr BuiltinFunction kEvalFn(Q_eval, 1, 3, Eval);
constexpr BuiltinFunction kExecFn(Q_exec, 1, 3, Exec);

constexpr BuiltinFunction kBuildClassFn(Q___build_class__, 2, kAnyArgs, BuildClass);
constexpr BuiltinFunction kImportFn(Q___import__, 1, 5, ImportFn);
constexpr BuiltinFunction kAbsFn(Q_abs, Abs);
constexpr BuiltinFunction kAllFn(Q_all, All);
constexpr BuiltinFunction kAnyFn(Q_any, Any);
constexpr BuiltinFunction kBinFn(Q_bin, Bin);
constexpr BuiltinFunction kCallableFn(Q_callable, CallableFn);
constexpr BuiltinFunction kChrFn(Q_chr, Chr);
constexpr BuiltinFunction kDelattrFn(Q_delattr, Delattr);
constexpr BuiltinFunction kDirFn(Q_dir, 0, 1, Dir);
constexpr BuiltinFunction kDivmodFn(Q_divmod, Divmod);
constexpr BuiltinFunction kGetattrFn(Q_getattr, 2, 3, Getattr);
constexpr BuiltinFunction kGlobalsFn(Q_globals, Globals);
constexpr BuiltinFunction kHasattrFn(Q_hasattr, Hasattr);
constexpr BuiltinFunction kHashFn(Q_hash, HashFn);
constexpr BuiltinFunction kHexFn(Q_hex, Hex);
constexpr BuiltinFunction kIdFn(Q_id, Id);
constexpr BuiltinFunction kInputFn(Q_input, 0, 1, Input);
constexpr BuiltinFunction kIsinstanceFn(Q_isinstance, IsinstanceFn);
constexpr BuiltinFunction kIssubclassFn(Q_issubclass, IssubclassFn);
constexpr BuiltinFunction kIterFn(Q_iter, 1, 2, Iter);
constexpr BuiltinFunction kLenFn(Q_len, Len);
constexpr BuiltinFunction kLocalsFn(Q_locals, Locals);
constexpr BuiltinFunction kMaxFn(Q_max, 1, kAnyArgs, Max);
constexpr BuiltinFunction kMinFn(Q_min, 1, kAnyArgs, Min);
constexpr BuiltinFunction kNextFn(Q_next, 1, 2, Next);
constexpr BuiltinFunction kOctFn(Q_oct, Oct);
constexpr BuiltinFunction kOrdFn(Q_ord, Ord);
constexpr BuiltinFunction kPowFn(Q_pow, 2, 3, Pow);
constexpr BuiltinFunction kPrintFn(Q_print, 0, kAnyArgs, Print);
constexpr BuiltinFunction kReprFn(Q_repr, Repr);
constexpr BuiltinFunction kRoundFn(Q_round, 1, 2, Round);
constexpr BuiltinFunction kSetattrFn(Q_setattr, Setattr);
constexpr BuiltinFunction kSortedFn(Q_sorted, 1, 1, Sorted);
constexpr BuiltinFunction kSumFn(Q_sum, 1, 2, Sum);

// Whether `callee` (see builtins.h) is a function other than `builtin`.
bool IsOtherCallee(Value callee, const BuiltinFunction& builtin) {
  return callee != kNull && callee != FromPointer(&builtin);
}

Value CallOther(Value callee, Value a, Value b, Value c) {
  Value args[] = {a, b, c};
  return Call(callee, 3, 0, args);
}

}  // namespace

Value BuiltinLen(Value callee, Value v) { return IsOtherCallee(callee, kLenFn) ? Call1(callee, v) : Len(v); }

Value BuiltinOrd(Value callee, Value ch) { return IsOtherCallee(callee, kOrdFn) ? Call1(callee, ch) : Ord(ch); }

Value BuiltinChr(Value callee, Value code) { return IsOtherCallee(callee, kChrFn) ? Call1(callee, code) : Chr(code); }

Value BuiltinGetattr(Value callee, Value obj, Value name) {
  if (IsOtherCallee(callee, kGetattrFn)) return Call2(callee, obj, name);
  Qstr q = AttrName(name);
  if (Value* own = OwnAttributeFirst(obj, q)) return *own;
  return LoadAttr(obj, q);
}

Value BuiltinGetattrOr(Value callee, Value obj, Value name, Value fallback) {
  if (IsOtherCallee(callee, kGetattrFn)) return CallOther(callee, obj, name, fallback);
  return GetattrOr(obj, name, fallback);
}

Value BuiltinSetattr(Value callee, Value obj, Value name, Value value) {
  if (IsOtherCallee(callee, kSetattrFn)) return CallOther(callee, obj, name, value);
  if (Value* own = OwnAttributeToStore(obj, AttrName(name))) {
    *own = value;
    return kNone;
  }
  return Setattr(obj, name, value);
}

Value BuiltinHasattr(Value callee, Value obj, Value name) {
  if (IsOtherCallee(callee, kHasattrFn)) return Call2(callee, obj, name);
  if (OwnAttributeFirst(obj, AttrName(name))) return kTrue;
  return Hasattr(obj, name);
}

void SetSourceCompiler(SourceCompiler compiler) { g_source_compiler = compiler; }

extern const BuiltinFunction kOpenFn;  // stdlib/modio.cpp

TAIPAN_CONST_MAP(kBuiltinsModuleGlobals,
    {Q_ArithmeticError, &kArithmeticErrorType},
    {Q_AssertionError, &kAssertionErrorType},
    {Q_AttributeError, &kAttributeErrorType},
    {Q_BaseException, &kBaseExceptionType},
    {Q_BlockingIOError, &kBlockingIOErrorType},
    {Q_BrokenPipeError, &kBrokenPipeErrorType},
    {Q_BytesWarning, &kBytesWarningType},
    {Q_ChildProcessError, &kChildProcessErrorType},
    {Q_ConnectionAbortedError, &kConnectionAbortedErrorType},
    {Q_ConnectionError, &kConnectionErrorType},
    {Q_ConnectionRefusedError, &kConnectionRefusedErrorType},
    {Q_ConnectionResetError, &kConnectionResetErrorType},
    {Q_DeprecationWarning, &kDeprecationWarningType},
    {Q_EOFError, &kEOFErrorType},
    {Q_Ellipsis, &kEllipsisObject},
    {Q_Exception, &kExceptionType},
    {Q_FileExistsError, &kFileExistsErrorType},
    {Q_FileNotFoundError, &kFileNotFoundErrorType},
    {Q_FutureWarning, &kFutureWarningType},
    {Q_GeneratorExit, &kGeneratorExitType},
    {Q_ImportError, &kImportErrorType},
    {Q_ImportWarning, &kImportWarningType},
    {Q_IndentationError, &kIndentationErrorType},
    {Q_IndexError, &kIndexErrorType},
    {Q_InterruptedError, &kInterruptedErrorType},
    {Q_IsADirectoryError, &kIsADirectoryErrorType},
    {Q_KeyError, &kKeyErrorType},
    {Q_KeyboardInterrupt, &kKeyboardInterruptType},
    {Q_LookupError, &kLookupErrorType},
    {Q_MemoryError, &kMemoryErrorType},
    {Q_NameError, &kNameErrorType},
    {Q_NotADirectoryError, &kNotADirectoryErrorType},
    {Q_NotImplemented, &kNotImplementedObject},
    {Q_NotImplementedError, &kNotImplementedErrorType},
    {Q_OSError, &kOSErrorType},
    {Q_OverflowError, &kOverflowErrorType},
    {Q_PendingDeprecationWarning, &kPendingDeprecationWarningType},
    {Q_PermissionError, &kPermissionErrorType},
    {Q_ProcessLookupError, &kProcessLookupErrorType},
    {Q_RecursionError, &kRecursionErrorType},
    {Q_ReferenceError, &kReferenceErrorType},
    {Q_ResourceWarning, &kResourceWarningType},
    {Q_RuntimeError, &kRuntimeErrorType},
    {Q_RuntimeWarning, &kRuntimeWarningType},
    {Q_StopAsyncIteration, &kStopAsyncIterationType},
    {Q_StopIteration, &kStopIterationType},
    {Q_SyntaxError, &kSyntaxErrorType},
    {Q_SyntaxWarning, &kSyntaxWarningType},
    {Q_SystemExit, &kSystemExitType},
    {Q_TabError, &kTabErrorType},
    {Q_TimeoutError, &kTimeoutErrorType},
    {Q_TypeError, &kTypeErrorType},
    {Q_UnboundLocalError, &kUnboundLocalErrorType},
    {Q_UnicodeError, &kUnicodeErrorType},
    {Q_UnicodeWarning, &kUnicodeWarningType},
    {Q_UserWarning, &kUserWarningType},
    {Q_ValueError, &kValueErrorType},
    {Q_Warning, &kWarningType},
    {Q_ZeroDivisionError, &kZeroDivisionErrorType},
    {Q___build_class__, &kBuildClassFn},
    {Q___import__, &kImportFn},
    {Q_abs, &kAbsFn},
    {Q_all, &kAllFn},
    {Q_any, &kAnyFn},
    {Q_bin, &kBinFn},
    {Q_bool, &kBoolType},
    {Q_bytearray, &kByteArrayType},
    {Q_bytes, &kBytesType},
    {Q_callable, &kCallableFn},
    {Q_chr, &kChrFn},
    {Q_classmethod, &kClassMethodType},
    {Q_compile, &kCompileFn},
    {Q_complex, &kComplexType},
    {Q_delattr, &kDelattrFn},
    {Q_dict, &kDictType},
    {Q_dir, &kDirFn},
    {Q_divmod, &kDivmodFn},
    {Q_enumerate, &kEnumerateType},
    {Q_eval, &kEvalFn},
    {Q_exec, &kExecFn},
    {Q_filter, &kFilterType},
    {Q_float, &kFloatType},
    {Q_frozenset, &kFrozenSetType},
    {Q_getattr, &kGetattrFn},
    {Q_globals, &kGlobalsFn},
    {Q_hasattr, &kHasattrFn},
    {Q_hash, &kHashFn},
    {Q_hex, &kHexFn},
    {Q_id, &kIdFn},
    {Q_input, &kInputFn},
    {Q_int, &kIntType},
    {Q_isinstance, &kIsinstanceFn},
    {Q_issubclass, &kIssubclassFn},
    {Q_iter, &kIterFn},
    {Q_len, &kLenFn},
    {Q_list, &kListType},
    {Q_locals, &kLocalsFn},
    {Q_map, &kMapType},
    {Q_max, &kMaxFn},
    {Q_memoryview, &kMemoryViewType},
    {Q_min, &kMinFn},
    {Q_next, &kNextFn},
    {Q_object, &kObjectType},
    {Q_oct, &kOctFn},
    {Q_open, &kOpenFn},
    {Q_ord, &kOrdFn},
    {Q_pow, &kPowFn},
    {Q_print, &kPrintFn},
    {Q_property, &kPropertyType},
    {Q_range, &kRangeType},
    {Q_repr, &kReprFn},
    {Q_reversed, &kReversedType},
    {Q_round, &kRoundFn},
    {Q_set, &kSetType},
    {Q_setattr, &kSetattrFn},
    {Q_slice, &kSliceType},
    {Q_sorted, &kSortedFn},
    {Q_staticmethod, &kStaticMethodType},
    {Q_str, &kStrType},
    {Q_sum, &kSumFn},
    {Q_super, &kSuperType},
    {Q_tuple, &kTupleType},
    {Q_type, &kTypeType},
    {Q_zip, &kZipType});

}  // namespace taipan::rt
