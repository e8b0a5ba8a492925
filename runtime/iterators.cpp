// The builtin iterator types: enumerate, zip, map, filter, reversed, the
// generic sequence `iterator` (over __getitem__, and the fast iterator of
// tuples and lists), and callable_iterator (iter(f, sentinel)).
//
// Every one is its own iterator (get_iter returns self) and returns
// kStopIteration from iter_next when done; once exhausted it forgets its
// source (sets it to kNull), so it stays exhausted and frees the source.
#include "runtime/class.h"
#include "runtime/list.h"
#include "runtime/runtime.h"
#include "runtime/state.h"
#include "runtime/tuple.h"
#include "runtime/vm.h"

namespace taipan::rt {

namespace {

Value IterSelf(Value self) { return self; }

// --- iterator: seq[0], seq[1], ... ------------------------------------------------

struct SequenceIteratorObject {
  Object base;  // &kIteratorType
  Value seq;    // kNull once exhausted
  size_t index;
};

bool IsIndexError(Value exc) { return IsInstance(exc, FromType(&kIndexErrorType)); }

Value SequenceIteratorNext(Value self) {
  auto* it = ObjectPointer<SequenceIteratorObject>(self);
  Value seq = it->seq;
  if (seq == kNull) return kStopIteration;
  if (HasExactType(seq, &kTupleType) || HasExactType(seq, &kListType)) {
    // Re-read every time: a list may grow or shrink while iterated.
    size_t length;
    Value* items;
    GetSequenceItems(seq, &length, &items);
    if (it->index < length) return items[it->index++];
    it->seq = kNull;
    return kStopIteration;
  }
  NlrBuf buf;
  if (taipan_nlr_push(&buf) == 0) {
    Value item = LoadSubscr(seq, FromSmallInt(static_cast<SignedWord>(it->index)));
    taipan_nlr_pop();
    ++it->index;
    return item;
  }
  // IndexError ends the sequence, and so does StopIteration (its value
  // dropped), as in MicroPython and CPython.
  Value exc = FromPointer(buf.value);
  if (!IsIndexError(exc) && !IsInstance(exc, FromType(&kStopIterationType))) Raise(exc);
  it->seq = kNull;
  return kStopIteration;
}

// --- callable_iterator: iter(f, sentinel) -----------------------------------------

struct CallableIteratorObject {
  Object base;  // &kCallableIteratorType
  Value function;  // kNull once exhausted
  Value sentinel;
};

Value CallableIteratorNext(Value self) {
  auto* it = ObjectPointer<CallableIteratorObject>(self);
  if (it->function == kNull) return kStopIteration;
  Value item = Call0(it->function);
  if (Equal(item, it->sentinel)) {
    it->function = kNull;
    return kStopIteration;
  }
  return item;
}

const Type kCallableIteratorType = {
    .base = {&kTypeType},
    .flags = kTypeIsIterator,
    .name = Q_callable_iterator,
    .get_iter = IterSelf,
    .iter_next = CallableIteratorNext,
    .base_type = &kObjectType,
};

// --- enumerate(iterable, start=0) -------------------------------------------------

struct EnumerateObject {
  Object base;  // &kEnumerateType
  Value iterator;
  Value count;  // the next index: an int (big once past a small int)
};

constexpr ArgSpec kEnumerateArgs[] = {{Q_iterable, true, kNone}, {Q_start, false, FromSmallInt(0)}};

Value EnumerateMakeNew(const Type*, size_t n_args, size_t n_kw, const Value* args) {
  Value parsed[2];
  ParseArgs(n_args, args, n_kw, args + n_args, kEnumerateArgs, 2, 2, parsed);
  Value iterator = GetIter(parsed[0]);
  auto* e = NewObject<EnumerateObject>(&kEnumerateType);
  e->iterator = iterator;
  e->count = parsed[1];
  return FromPointer(e);
}

// The next item of a wrapped iterator. Iterators nested thousands deep
// (enumerate(enumerate(...))) recurse in C++, so the stack is checked. Its
// end is the wrapper's: a StopIteration a class raised for it stays for
// next(), and nothing older does.
Value InnerNext(Value it) {
  VmCheckStack();
  g_state.stop_iteration = kNull;
  return IterNext(it);
}

Value EnumerateNext(Value self) {
  auto* e = ObjectPointer<EnumerateObject>(self);
  Value item = InnerNext(e->iterator);
  if (item == kStopIteration) return kStopIteration;
  Value count = e->count;
  Value pair[] = {count, item};
  Value result = NewTuple(2, pair);
  e->count = IsSmallInt(count) && SmallIntValue(count) < kSmallIntMax
                 ? FromSmallInt(SmallIntValue(count) + 1)
                 : ApplyBinaryOp(BinaryOp::kAdd, count, FromSmallInt(1));
  return result;
}

// --- zip(*iterables) ----------------------------------------------------------------

struct ZipObject {
  Object base;  // &kZipType
  Value iterators;  // a tuple
};

Value ZipMakeNew(const Type*, size_t n_args, size_t n_kw, const Value* args) {
  CheckArgCount(n_args, n_kw, 0, kAnyArgs, Q_zip);
  Value iterators = NewTuple(n_args, nullptr);
  for (size_t i = 0; i < n_args; ++i) AsTuple(iterators)->items[i] = GetIter(args[i]);
  auto* z = NewObject<ZipObject>(&kZipType);
  z->iterators = iterators;
  return FromPointer(z);
}

// Stops at the shortest iterable (zip() with none stops at once). Nothing
// remembers the end: a later next() asks the iterators again, as in
// MicroPython and CPython.
Value ZipNext(Value self) {
  auto* z = ObjectPointer<ZipObject>(self);
  Value iterators = z->iterators;
  if (AsTuple(iterators)->length == 0) return kStopIteration;
  size_t n = AsTuple(iterators)->length;
  Value result = NewTuple(n, nullptr);
  for (size_t i = 0; i < n; ++i) {
    Value item = InnerNext(AsTuple(iterators)->items[i]);
    if (item == kStopIteration) return kStopIteration;
    AsTuple(result)->items[i] = item;
  }
  return result;
}

// --- map(f, *iterables) -------------------------------------------------------------

struct MapObject {
  Object base;  // &kMapType
  Value function;
  Value iterators;  // a tuple of at least one
};

Value MapMakeNew(const Type*, size_t n_args, size_t n_kw, const Value* args) {
  CheckArgCount(n_args, n_kw, 2, kAnyArgs, Q_map);
  Value iterators = NewTuple(n_args - 1, nullptr);
  for (size_t i = 1; i < n_args; ++i) AsTuple(iterators)->items[i - 1] = GetIter(args[i]);
  auto* m = NewObject<MapObject>(&kMapType);
  m->function = args[0];
  m->iterators = iterators;
  return FromPointer(m);
}

Value MapNext(Value self) {
  auto* m = ObjectPointer<MapObject>(self);
  Value iterators = m->iterators;
  size_t n = AsTuple(iterators)->length;
  // The arguments: on the stack for the usual few, else on the heap.
  Value local[4];
  Value* args = n <= 4 ? local : static_cast<Value*>(Allocate(n * sizeof(Value)));
  for (size_t i = 0; i < n; ++i) {
    args[i] = InnerNext(AsTuple(iterators)->items[i]);
    if (args[i] == kStopIteration) return kStopIteration;  // asked again on the next call, as zip does
  }
  return Call(m->function, n, 0, args);
}

// --- filter(f or None, iterable) ----------------------------------------------------

struct FilterObject {
  Object base;  // &kFilterType
  Value function;  // None: keep the true items
  Value iterator;
};

Value FilterMakeNew(const Type*, size_t n_args, size_t n_kw, const Value* args) {
  CheckArgCount(n_args, n_kw, 2, 2, Q_filter);
  Value iterator = GetIter(args[1]);
  auto* f = NewObject<FilterObject>(&kFilterType);
  f->function = args[0];
  f->iterator = iterator;
  return FromPointer(f);
}

Value FilterNext(Value self) {
  auto* f = ObjectPointer<FilterObject>(self);
  for (;;) {
    Value item = InnerNext(f->iterator);
    if (item == kStopIteration) return kStopIteration;
    bool keep = f->function == kNone ? IsTrue(item) : IsTrue(Call1(f->function, item));
    if (keep) return item;
  }
}

// --- reversed(seq) ------------------------------------------------------------------

// Over a sequence with len and __getitem__ (tuples and lists read
// directly): seq[len - 1], ..., seq[0].
struct ReversedObject {
  Object base;  // &kReversedType
  Value seq;    // kNull once exhausted
  size_t remaining;  // the next item is seq[remaining - 1]
};

Value ReversedMakeNew(const Type*, size_t n_args, size_t n_kw, const Value* args) {
  CheckArgCount(n_args, n_kw, 1, 1, Q_reversed);
  Value seq = args[0];
  if (HasExactType(seq, &kRangeType)) return NewReversedRangeIterator(seq);
  if (!HasExactType(seq, &kTupleType) && !HasExactType(seq, &kListType)) {
    Value reversed = CallMethodIfAny(seq, Q___reversed__);
    if (reversed != kNull) return reversed;
    seq = NativeValue(seq);
    if (!HasExactType(seq, &kTupleType) && !HasExactType(seq, &kListType)) {
      seq = args[0];
      if (!TypeOf(seq)->subscr) {
        const char* parts[] = {"'", TypeNameOf(seq), "' object isn't reversible"};
        RaiseJoined(&kTypeErrorType, parts, 3);
      }
    }
  }
  size_t length = Length(seq);
  auto* r = NewObject<ReversedObject>(&kReversedType);
  r->seq = seq;
  r->remaining = length;
  return FromPointer(r);
}

Value ReversedNext(Value self) {
  auto* r = ObjectPointer<ReversedObject>(self);
  Value seq = r->seq;
  if (seq == kNull || r->remaining == 0) {
    r->seq = kNull;
    return kStopIteration;
  }
  size_t index = --r->remaining;
  if (HasExactType(seq, &kTupleType) || HasExactType(seq, &kListType)) {
    size_t length;
    Value* items;
    GetSequenceItems(seq, &length, &items);
    // A list that shrank meanwhile ends the iteration, as in CPython.
    if (index < length) return items[index];
    r->seq = kNull;
    return kStopIteration;
  }
  return LoadSubscr(seq, FromSmallInt(static_cast<SignedWord>(index)));
}

}  // namespace

Value NewSequenceIterator(Value seq) {
  auto* it = NewObject<SequenceIteratorObject>(&kIteratorType);
  it->seq = seq;
  it->index = 0;
  return FromPointer(it);
}

Value NewCallableIterator(Value f, Value sentinel) {
  auto* it = NewObject<CallableIteratorObject>(&kCallableIteratorType);
  it->function = f;
  it->sentinel = sentinel;
  return FromPointer(it);
}

const Type kEnumerateType = {
    .base = {&kTypeType},
    .flags = kTypeIsIterator | kTypeBaseAllowed,
    .name = Q_enumerate,
    .make_new = EnumerateMakeNew,
    .get_iter = IterSelf,
    .iter_next = EnumerateNext,
    .base_type = &kObjectType,
};

const Type kZipType = {
    .base = {&kTypeType},
    .flags = kTypeIsIterator | kTypeBaseAllowed,
    .name = Q_zip,
    .make_new = ZipMakeNew,
    .get_iter = IterSelf,
    .iter_next = ZipNext,
    .base_type = &kObjectType,
};

const Type kMapType = {
    .base = {&kTypeType},
    .flags = kTypeIsIterator | kTypeBaseAllowed,
    .name = Q_map,
    .make_new = MapMakeNew,
    .get_iter = IterSelf,
    .iter_next = MapNext,
    .base_type = &kObjectType,
};

const Type kFilterType = {
    .base = {&kTypeType},
    .flags = kTypeIsIterator | kTypeBaseAllowed,
    .name = Q_filter,
    .make_new = FilterMakeNew,
    .get_iter = IterSelf,
    .iter_next = FilterNext,
    .base_type = &kObjectType,
};

const Type kReversedType = {
    .base = {&kTypeType},
    .flags = kTypeIsIterator,
    .name = Q_reversed,
    .make_new = ReversedMakeNew,
    .get_iter = IterSelf,
    .iter_next = ReversedNext,
    .base_type = &kObjectType,
};

const Type kIteratorType = {
    .base = {&kTypeType},
    .flags = kTypeIsIterator,
    .name = Q_iterator,
    .get_iter = IterSelf,
    .iter_next = SequenceIteratorNext,
    .base_type = &kObjectType,
};

}  // namespace taipan::rt
