// tuple. (Initial core: construction and printing; the containers work
// fills in the rest.)
#include "runtime/tuple.h"

#include "runtime/list.h"
#include "runtime/runtime.h"

namespace taipan::rt {

namespace {
const TupleObject kEmptyTupleObject = {{&kTupleType}, 0};
}  // namespace

Value EmptyTuple() { return FromPointer(&kEmptyTupleObject); }

Value NewTuple(size_t length, const Value* items) {
  if (length == 0) return EmptyTuple();
  auto* tuple = NewObject<TupleObject>(&kTupleType, length * sizeof(Value));
  tuple->length = length;
  for (size_t i = 0; i < length; ++i) tuple->items[i] = items ? items[i] : kNone;
  return FromPointer(tuple);
}

void GetSequenceItems(Value seq, size_t* length, Value** items) {
  const Type* type = TypeOf(seq);
  if (type == &kTupleType) {
    *length = AsTuple(seq)->length;
    *items = AsTuple(seq)->items;
    return;
  }
  if (type == &kListType) {
    *length = AsList(seq)->length;
    *items = AsList(seq)->items;
    return;
  }
  const char* parts[] = {"expected tuple/list, got '", TypeName(type), "'"};
  RaiseJoined(&kTypeErrorType, parts, 3);
}

namespace {
void TuplePrint(const Printer& out, Value self, PrintKind) {
  TupleObject* tuple = AsTuple(self);
  PrintChar(out, '(');
  for (size_t i = 0; i < tuple->length; ++i) {
    if (i) PrintCString(out, ", ");
    PrintValue(out, tuple->items[i], PrintKind::kRepr);
  }
  if (tuple->length == 1) PrintChar(out, ',');
  PrintChar(out, ')');
}
}  // namespace

const Type kTupleType = {
    .base = {&kTypeType},
    .flags = kTypeBaseAllowed,
    .name = Q_tuple,
    .print = TuplePrint,
    .base_type = &kObjectType,
};

}  // namespace taipan::rt
