// The bytecode verifier: every raw code loaded from an .mpy passes through
// it before it can run, so that the VM may trust the code it executes:
//  - the prelude and the info section lie inside the code, their qstr
//    indices inside the module's qstr table, cell numbers inside the state;
//  - every instruction decodes inside the code, with qstr, object, child
//    and local operands in range and jumps landing on instruction starts;
//  - a dataflow pass over (value stack depth, exception block chain, which
//    slots hold the VM's own values) proves that no instruction pops an
//    empty stack, that the value stack never grows into the locals (it has
//    the n_state slots the highest local leaves) nor the exception stack
//    beyond n_exc_stack, that kNull and iterator buffers reach only the
//    instructions made for them, and that every path into an instruction
//    agrees on all of it. States are kept only where paths join (see
//    Flow), so the memory needed is small next to the code.
// The stack rules follow MicroPython's VM (py/vm.c): a FOR_ITER that ends
// jumps with its 4-slot iterator popped; JUMP_IF_*_OR_POP keeps the value
// when jumping; a SETUP_* handler is entered with the depth at the SETUP
// (after __exit__ and the context manager for SETUP_WITH) plus the
// exception; UNWIND_JUMP runs the finally handlers it leaves; a finally
// handler is running once execution has passed its first instruction.
//
// What the VM may rely on (and must provide):
//  - The modelled depth is a lower bound of the real one: a finally or with
//    handler entered by a return or an unwinding jump holds a two-slot
//    record where the model has one value (and async-with code moves it
//    about), so the real depth exceeds the model by up to one slot per
//    running finally handler. Every instruction is checked with that
//    margin against the room above the locals.
//  - In a finally handler, the model may reach kStackGuardSlots slots
//    below the stack's base: async-with code tells an exception from an
//    unwind record with a global lookup (BaseException) that a program
//    could rebind, and then takes the record's path. The VM keeps that many
//    slots (holding None) below the value stack's base, so even then no
//    access leaves the frame.
//  - Every other slot holds a Python value, so code that mixes values up
//    raises rather than crashes, provided the VM checks what only it can:
//    that a DEREF slot holds a cell, that defaults are a tuple / dict, and
//    that what END_FINALLY and WITH_CLEANUP take for an unwind record is
//    one (forged small ints must not become jump targets).
//
// TAIPAN_MPY_VERIFY=0 leaves only the prelude's decoding (still checked):
// for a build whose only bytecode is frozen by the Taipan driver itself,
// where the checks would cost flash and start-up time for nothing.
#include "runtime/exception.h"
#include "runtime/gc.h"
#include "runtime/vm.h"

#ifndef TAIPAN_MPY_VERIFY
#define TAIPAN_MPY_VERIFY 1
#endif

namespace taipan::rt {

const char* VerifyRawCode(RawCode* raw, const ModuleContext* context);

namespace {

using namespace bytecode;

constexpr int kIterSlots = 4;  // FOR_ITER's iterator buffer

}  // namespace

// Slots the VM keeps below the value stack (see above).
constexpr int kStackGuardSlots = 1;

namespace {

// One decoded instruction.
struct Insn {
  uint8_t op;
  size_t arg;  // the decoded operand (for ranges: op - base)
  unsigned extra;  // the extra byte
  size_t next;  // offset of the following instruction
  SignedWord target;  // jump target offset (Jump/Fwd operands)
};

// Decodes the instruction at `offset` of [code, code + size); false when
// it is not a valid opcode or runs past the end.
bool Decode(const uint8_t* code, size_t size, size_t offset, Insn* insn) {
  const uint8_t* ip = code + offset;
  const uint8_t* end = code + size;
  insn->op = *ip++;
  const OpcodeInfo& info = InfoOf(insn->op);
  if (info.name == nullptr) return false;
  insn->arg = info.is_range ? insn->op - info.range_base : 0;
  insn->extra = 0;
  insn->target = -1;
  switch (info.operand) {
    case Operand::None:
      break;
    case Operand::Qstr:
    case Operand::Uint:
    case Operand::Obj:
    case Operand::Child:
      if (!DecodeUint(&ip, end, &insn->arg)) return false;
      break;
    case Operand::Sint: {
      intptr_t value;
      if (!DecodeSint(&ip, end, &value)) return false;
      insn->arg = 0;
      break;
    }
    case Operand::Jump:
    case Operand::Fwd: {
      intptr_t offset_value;
      if (!DecodeJump(&ip, end, info.operand == Operand::Jump, &offset_value)) return false;
      // Relative to the end of the offset, before UNWIND_JUMP's extra byte.
      insn->target = (ip - code) + offset_value;
      if (info.extra_byte) {
        if (ip >= end) return false;
        insn->extra = *ip++;
      }
      insn->next = ip - code;
      return true;
    }
  }
  if (info.extra_byte) {
    if (ip >= end) return false;
    insn->extra = *ip++;
  }
  insn->next = ip - code;
  return true;
}

// How many values the instruction reads from the stack (it needs at least
// that depth), and its net effect when it falls through.
constexpr int Inputs(const Insn& in) {
  size_t calls = (in.arg & 0xff) + 2 * ((in.arg >> 8) & 0xff);
  switch (InfoOf(in.op).range_base) {
    case kOp_LOAD_ATTR: case kOp_LOAD_METHOD: case kOp_STORE_NAME: case kOp_STORE_GLOBAL:
    case kOp_IMPORT_FROM: case kOp_STORE_FAST_N: case kOp_STORE_DEREF: case kOp_UNPACK_SEQUENCE:
    case kOp_UNPACK_EX: case kOp_POP_JUMP_IF_TRUE: case kOp_POP_JUMP_IF_FALSE:
    case kOp_JUMP_IF_TRUE_OR_POP: case kOp_JUMP_IF_FALSE_OR_POP: case kOp_SETUP_WITH:
    case kOp_DUP_TOP: case kOp_POP_TOP: case kOp_END_FINALLY: case kOp_GET_ITER: case kOp_GET_ITER_STACK:
    case kOp_RETURN_VALUE: case kOp_RAISE_OBJ: case kOp_YIELD_VALUE: case kOp_IMPORT_STAR:
    case kOp_STORE_FAST_MULTI: case kOp_UNARY_OP_MULTI:
      return 1;
    case kOp_STORE_ATTR: case kOp_IMPORT_NAME: case kOp_MAKE_FUNCTION_DEFARGS: case kOp_LOAD_SUBSCR:
    case kOp_DUP_TOP_TWO: case kOp_ROT_TWO: case kOp_RAISE_FROM: case kOp_YIELD_FROM: case kOp_BINARY_OP_MULTI:
      return 2;
    case kOp_LOAD_SUPER_METHOD: case kOp_STORE_SUBSCR: case kOp_ROT_THREE: case kOp_WITH_CLEANUP:
    case kOp_STORE_MAP:
      return 3;
    case kOp_FOR_ITER:
      return kIterSlots;
    case kOp_MAKE_CLOSURE:
      return static_cast<int>(in.extra);
    case kOp_MAKE_CLOSURE_DEFARGS:
      return 2 + static_cast<int>(in.extra);
    case kOp_BUILD_TUPLE: case kOp_BUILD_LIST: case kOp_BUILD_SET: case kOp_BUILD_SLICE:
      return static_cast<int>(in.arg);
    case kOp_STORE_COMP:
      return static_cast<int>(in.arg >> 2) + 1;
    case kOp_CALL_FUNCTION:
      return static_cast<int>(calls) + 1;
    case kOp_CALL_FUNCTION_VAR_KW: case kOp_CALL_METHOD:
      return static_cast<int>(calls) + 2;
    case kOp_CALL_METHOD_VAR_KW:
      return static_cast<int>(calls) + 3;
    default:
      return 0;
  }
}

constexpr int Effect(const Insn& in) { return StackEffect(in.op, in.arg, in.extra); }

// Whether an instruction is plain: it reads its inputs as Python values
// (no kNull or iterator slot may be among them), writes none of the VM's
// own values, takes off the stack all it reads, reaches no higher than its
// result, and falls through to the next instruction. Most are; Step checks
// them without the general rules' case analysis.
constexpr bool IsPlainOpcode(uint8_t op) {
  if (InfoOf(op).name == nullptr) return false;
  switch (InfoOf(op).range_base) {
    // Move or take the VM's values (CheckSpecialReads, CheckSlots).
    case kOp_POP_TOP: case kOp_DUP_TOP: case kOp_DUP_TOP_TWO: case kOp_ROT_TWO: case kOp_ROT_THREE:
    case kOp_STORE_SUBSCR: case kOp_STORE_ATTR: case kOp_MAKE_FUNCTION_DEFARGS: case kOp_MAKE_CLOSURE_DEFARGS:
    case kOp_CALL_METHOD: case kOp_CALL_FUNCTION_VAR_KW: case kOp_CALL_METHOD_VAR_KW: case kOp_STORE_COMP:
    case kOp_LOAD_NULL: case kOp_LOAD_METHOD: case kOp_LOAD_SUPER_METHOD: case kOp_GET_ITER_STACK:
    case kOp_FOR_ITER: case kOp_WITH_CLEANUP:
    // Jump, end or change the exception blocks (Step).
    case kOp_JUMP: case kOp_POP_JUMP_IF_TRUE: case kOp_POP_JUMP_IF_FALSE: case kOp_JUMP_IF_TRUE_OR_POP:
    case kOp_JUMP_IF_FALSE_OR_POP: case kOp_SETUP_EXCEPT: case kOp_SETUP_FINALLY: case kOp_SETUP_WITH:
    case kOp_POP_EXCEPT_JUMP: case kOp_UNWIND_JUMP: case kOp_END_FINALLY: case kOp_RETURN_VALUE:
    case kOp_RAISE_LAST: case kOp_RAISE_OBJ: case kOp_RAISE_FROM:
      return false;
    default:
      return true;
  }
}

// Whether pass 1 checks a local number in the operand.
constexpr bool NamesLocal(uint8_t op) {
  switch (InfoOf(op).range_base) {
    case kOp_LOAD_FAST_N: case kOp_STORE_FAST_N: case kOp_DELETE_FAST: case kOp_LOAD_DEREF:
    case kOp_STORE_DEREF: case kOp_DELETE_DEREF: case kOp_LOAD_FAST_MULTI: case kOp_STORE_FAST_MULTI:
      return true;
    default:
      return false;
  }
}

// What the verifier needs to know of each opcode, worked out at compile
// time so that checking the commonest instructions takes no case analysis.
struct OpFacts {
  bool plain;  // IsPlainOpcode
  bool local;  // NamesLocal
  // Inputs() and Effect() are the same whatever the operand and extra
  // byte; then they are these.
  bool fixed;
  int8_t inputs;
  int8_t effect;
};

struct OpFactsTable {
  OpFacts facts[256];
  constexpr OpFactsTable() : facts() {
    for (unsigned code = 0; code < 256; ++code) {
      uint8_t op = static_cast<uint8_t>(code);
      const OpcodeInfo& info = InfoOf(op);
      size_t arg = info.is_range ? op - info.range_base : 0;
      // Two operands that differ in every field an effect reads.
      Insn one{op, arg, 0, 0, -1};
      Insn other{op, info.is_range ? arg : 0x0305, 7, 0, -1};
      bool fixed = info.name != nullptr && Inputs(one) == Inputs(other) && Effect(one) == Effect(other);
      facts[code] = OpFacts{IsPlainOpcode(op), NamesLocal(op), fixed,
                            static_cast<int8_t>(fixed ? Inputs(one) : 0), static_cast<int8_t>(fixed ? Effect(one) : 0)};
    }
  }
};
inline constexpr OpFactsTable kOpFacts{};

// The state on entry to an instruction: value stack depth (kUnknownDepth:
// not reached yet) and the innermost exception block (the offset of its
// SETUP_* instruction, -1 for none; the blocks below it follow from the
// state at that SETUP, so the block also gives the exception stack depth).
// Which stack slots hold the VM's own values rather than Python objects:
// the kNull of LOAD_NULL and LOAD_METHOD (a CALL_METHOD's "no self"), and
// the four slots of a for loop's iterator buffer (kNull, kSentinel and
// raw positions). Only the instructions made for them may touch them, so
// that no other instruction ever sees one. Bit i is slot i from the base
// of the stack; such values are not allowed above kTrackedSlots.
struct Slots {
  uint64_t nulls;
  uint64_t iters;
  uint64_t heads;  // the first slot of each intact iterator buffer

  bool operator==(const Slots& other) const {
    return nulls == other.nulls && iters == other.iters && heads == other.heads;
  }
};

constexpr int kTrackedSlots = 64;

uint64_t Bit(int slot) { return slot >= 0 && slot < kTrackedSlots ? uint64_t{1} << slot : 0; }
// Slots `slot` and up.
uint64_t BitsFrom(int slot) {
  if (slot <= 0) return ~uint64_t{0};
  return slot >= kTrackedSlots ? 0 : ~uint64_t{0} << slot;
}
uint64_t BitsIn(int from, int to) { return BitsFrom(from) & ~BitsFrom(to); }

// The stack shrinks to `depth` slots; an iterator buffer that loses any of
// its slots is no longer one.
Slots Truncated(Slots s, int depth) {
  s.nulls &= ~BitsFrom(depth);
  s.iters &= ~BitsFrom(depth);
  s.heads &= ~BitsFrom(depth - (kIterSlots - 1));
  return s;
}

struct State {
  int16_t depth;
  // At a SETUP_FINALLY/SETUP_WITH: the depth its handler leaves when its
  // END_FINALLY ends it (kUnknownDepth until the flow gets there).
  int16_t finally_exit;
  int32_t block;
  Slots slots;
};

constexpr int16_t kUnknownDepth = INT16_MIN;

unsigned PopCount(uint64_t x) {
  unsigned n = 0;
  for (; x != 0; x &= x - 1) ++n;
  return n;
}

// Bytes of tables a verifier keeps in itself (on the C stack): enough for
// about 600 bytes of code with a dozen leaders.
constexpr size_t kScratchBytes = 512;

class Verifier {
 public:
  Verifier(RawCode* raw, const ModuleContext* context) : raw_(raw), context_(context) {}

  const char* Run();

 private:
  const char* DecodePrelude();
  const char* CheckOperands();
  const char* Flow();
  const char* Step(size_t offset, const Insn& in, const State& state, bool* changed);
  bool StepPlain(const Insn& in);
  void ExtendStraightRun(const Insn& in);
  bool StartAfterStraightRun(bool* changed);
  bool AnyLeaderBetween(size_t from, size_t to) const;
  const char* Unwind(size_t offset, const Insn& in, const State& state, bool* changed);
  const char* CheckSlots(const Insn& in, int d, int effect, Slots* slots);
  const char* CheckSpecialReads(const Insn& in, int d, int low, Slots* slots);
  int RunningFinallyHandlers(size_t offset, int32_t block) const;
  const char* CheckDepth(int depth) const;
  size_t ExceptionDepth(int32_t block) const;
  const char* Merge(SignedWord offset, int depth, int32_t block, const Slots& slots, bool* changed);
  const char* FallThrough(SignedWord next, int depth, int32_t block, const Slots& slots, bool* changed);
  void IndexLeaders();
  void* Scratch(size_t bytes);
  bool IsStart(SignedWord offset) const {
    return offset >= 0 && static_cast<size_t>(offset) < n_code_ && (starts_[offset >> 3] >> (offset & 7)) & 1;
  }
  bool IsLeader(SignedWord offset) const {
    return offset >= 0 && static_cast<size_t>(offset) < n_code_ && (leaders_[offset >> 6] >> (offset & 63)) & 1;
  }
  void MarkLeader(SignedWord offset) {
    if (offset >= 0 && static_cast<size_t>(offset) < n_code_) leaders_[offset >> 6] |= uint64_t{1} << (offset & 63);
  }
  // The stored state of a leader (see Flow).
  State& At(SignedWord leader) const {
    uint64_t below = leaders_[leader >> 6] & ((uint64_t{1} << (leader & 63)) - 1);
    return states_[leader_rank_[leader >> 6] + PopCount(below)];
  }
  // The value stack depth a block's handler starts from (the exception or
  // unwind record goes on top of it).
  int HandlerBase(int32_t block) const {
    return At(block).depth + (code_[block] == kOp_SETUP_WITH ? 1 : 0);
  }

  bool IsCell(size_t local) const {
    for (size_t i = 0; i < raw_->n_cells; ++i)
      if (raw_->cells[i] == local) return true;
    return false;
  }

  // Where the handler of the block set up at `block` starts.
  SignedWord HandlerOf(int32_t block) const {
    Insn setup;
    Decode(code_, n_code_, block, &setup);
    return setup.target;
  }

  RawCode* raw_;
  const ModuleContext* context_;
  const uint8_t* code_ = nullptr;  // the opcodes
  size_t n_code_ = 0;
  size_t room_ = 0;  // stack slots the state leaves beyond the locals
  uint8_t* starts_ = nullptr;  // bitmap: instruction starts
  // Bitmap of the instructions whose state is stored: the first, jump and
  // handler targets, SETUP_* (their state describes their block). Any
  // other instruction is reached only from the one before it.
  uint64_t* leaders_ = nullptr;
  uint32_t* leader_rank_ = nullptr;  // leaders before each word of leaders_
  State* states_ = nullptr;  // one per leader
  // The tables above come from scratch_, which holds those of most code,
  // else from the heap (at most these four).
  alignas(8) uint8_t scratch_[kScratchBytes];
  size_t scratch_used_ = 0;
  void* heap_tables_[4] = {};
  size_t n_heap_tables_ = 0;
  size_t stepping_ = 0;  // the offset of the instruction being stepped
  State pending_;  // the fall-through state of the instruction being stepped
  bool has_pending_ = false;
  // The straight run (see ExtendStraightRun): [0, straight_end_), the depth
  // after it and the highest depth reached in it; open while pass 1 has
  // found only such instructions.
  size_t straight_end_ = 0;
  int straight_depth_ = 0;
  int straight_peak_ = 0;
  bool straight_open_ = true;
};

// Bytes of the longest prelude encodings accepted: n_state up to 2^16 in
// the signature, n_info up to 2^24 in the prelude size.
constexpr size_t kMaxSignatureLength = 7;
constexpr size_t kMaxPreludeSizeLength = 4;

// Whether the var-length value at `ip` (high bit: another byte follows)
// ends within `max_bytes` bytes and before `end`.
bool FitsBytes(const uint8_t* ip, const uint8_t* end, size_t max_bytes) {
  for (size_t n = 0; n < max_bytes && ip + n < end; ++n)
    if (!(ip[n] & 0x80)) return true;
  return false;
}

bool QstrIndexInRange(const uint8_t** ip, const uint8_t* end, size_t n_qstr, size_t* index) {
  return DecodeUint(ip, end, index) && *index < n_qstr;
}

const char* Verifier::DecodePrelude() {
  const uint8_t* ip = raw_->code;
  const uint8_t* end = raw_->code + raw_->code_size;
  Signature& sig = raw_->sig;
  size_t n_info, n_cells;
  // Longer encodings would shift bits out of a word in the decoders.
  if (!FitsBytes(ip, end, kMaxSignatureLength) || !DecodeSignature(&ip, end, &sig)) return "bad signature";
  if (!FitsBytes(ip, end, kMaxPreludeSizeLength) || !DecodePreludeSize(&ip, end, &n_info, &n_cells))
    return "bad prelude size";
  if (n_info > static_cast<size_t>(end - ip) || n_cells > static_cast<size_t>(end - ip) - n_info)
    return "truncated prelude";
  size_t n_args = sig.n_pos_args + sig.n_kwonly_args + ((sig.scope_flags & kScopeVarArgs) ? 1 : 0) +
                  ((sig.scope_flags & kScopeVarKeywords) ? 1 : 0);
  if (sig.n_state > 0x7fff || sig.n_exc_stack > 0x7fff || n_args > sig.n_state ||
      sig.n_def_pos_args > sig.n_pos_args)
    return "bad signature";
  const uint8_t* info_end = ip + n_info;
  size_t name;
  if (!QstrIndexInRange(&ip, info_end, context_->n_qstr, &name)) return "bad function name";
  raw_->name = context_->qstr_table[name];
  raw_->arg_names = ip;
  for (size_t i = 0; i < sig.n_pos_args + sig.n_kwonly_args; ++i) {
    size_t arg_name;
    if (!QstrIndexInRange(&ip, info_end, context_->n_qstr, &arg_name)) return "bad argument name";
  }
  raw_->line_info = ip;
  raw_->line_info_end = info_end;
  for (LineStep step; ip < info_end;)
    if (!DecodeLineStep(&ip, info_end, &step)) return "bad line info";
  raw_->cells = info_end;
  raw_->n_cells = n_cells;
  for (size_t i = 0; i < n_cells; ++i)
    if (info_end[i] >= sig.n_state) return "bad cell";
  raw_->opcodes = info_end + n_cells;
  code_ = raw_->opcodes;
  n_code_ = end - code_;
  if (n_code_ == 0 || n_code_ > 0x7fffffff) return "no code";
  return nullptr;
}

// Pass 1: decodes every instruction, checks its operands and marks where
// instructions start; finds the highest local the code uses.
const char* Verifier::CheckOperands() {
  const Signature& sig = raw_->sig;
  size_t locals = sig.n_pos_args + sig.n_kwonly_args + ((sig.scope_flags & kScopeVarArgs) ? 1 : 0) +
                  ((sig.scope_flags & kScopeVarKeywords) ? 1 : 0);
  for (size_t i = 0; i < raw_->n_cells; ++i)
    if (raw_->cells[i] + 1u > locals) locals = raw_->cells[i] + 1u;
  starts_ = static_cast<uint8_t*>(Scratch((n_code_ + 7) / 8));
  leaders_ = static_cast<uint64_t*>(Scratch((n_code_ + 63) / 64 * sizeof(uint64_t)));
  MarkLeader(0);
  for (size_t offset = 0; offset < n_code_;) {
    starts_[offset >> 3] |= static_cast<uint8_t>(1u << (offset & 7));
    Insn in;
    if (!Decode(code_, n_code_, offset, &in)) return "bad instruction";
    if (in.target >= 0) MarkLeader(in.target);
    if (in.op == kOp_SETUP_EXCEPT || in.op == kOp_SETUP_FINALLY || in.op == kOp_SETUP_WITH) MarkLeader(offset);
    switch (InfoOf(in.op).operand) {
      case Operand::Qstr:
        if (in.arg >= context_->n_qstr) return "qstr index out of range";
        break;
      case Operand::Obj:
        if (in.arg >= context_->n_obj) return "object index out of range";
        break;
      case Operand::Child:
        if (in.arg >= raw_->n_children) return "child index out of range";
        break;
      default:
        break;
    }
    // Counts of stack items (and locals) fit 16 bits; bigger ones would
    // only overflow the depth arithmetic.
    if (InfoOf(in.op).operand == Operand::Uint && in.op != kOp_BUILD_MAP && in.arg > 0xffff)
      return "operand too large";
    if (kOpFacts.facts[in.op].local) {
      if (in.arg >= sig.n_state) return "local out of range";
      if (in.arg + 1 > locals) locals = in.arg + 1;
    }
    switch (in.op) {
      case kOp_LOAD_DEREF: case kOp_STORE_DEREF: case kOp_DELETE_DEREF:
        // A cell of this code, or a closed-over one passed in as one of the
        // first (positional) arguments.
        if (in.arg >= sig.n_pos_args && !IsCell(in.arg)) return "not a cell";
        break;
      case kOp_STORE_COMP:
        if ((in.arg & 3) == 3 || (in.arg >> 2) < ((in.arg & 3) == 1 ? 2u : 1u)) return "bad STORE_COMP";
        break;
      case kOp_BUILD_SLICE:
        if (in.arg != 2 && in.arg != 3) return "bad BUILD_SLICE";
        break;
      case kOp_YIELD_VALUE: case kOp_YIELD_FROM:
        if (!(sig.scope_flags & kScopeGenerator)) return "yield outside a generator";
        break;
      default:
        break;
    }
    if (straight_open_) ExtendStraightRun(in);
    offset = in.next;
  }
  if (locals > sig.n_state) return "locals exceed the state";
  room_ = sig.n_state - locals;
  return nullptr;
}

// The check every state must pass. (The exception stack grows only at a
// SETUP_*, which Step checks.)
const char* Verifier::CheckDepth(int depth) const {
  if (depth < -kStackGuardSlots) return "stack underflow";
  if (depth > static_cast<int>(room_)) return "stack overflow";
  return nullptr;
}

// The exception stack's depth inside the block set up at `block`.
size_t Verifier::ExceptionDepth(int32_t block) const {
  size_t depth = 0;
  for (int32_t b = block; b >= 0; b = At(b).block) ++depth;
  return depth;
}

// A jump (or handler entry) to `offset` with the given state.
const char* Verifier::Merge(SignedWord offset, int depth, int32_t block, const Slots& slots, bool* changed) {
  if (!IsStart(offset) || !IsLeader(offset)) return "jump outside the code";
  if (const char* err = CheckDepth(depth)) return err;
  State& s = At(offset);
  if (s.depth == kUnknownDepth) {
    s.depth = static_cast<int16_t>(depth);
    s.block = block;
    s.slots = slots;
    // A leader after the instruction being stepped is still ahead in this
    // pass; only a state the pass went past (a loop's head) needs another.
    if (static_cast<size_t>(offset) <= stepping_) *changed = true;
    return nullptr;
  }
  if (s.depth != depth || s.block != block || !(s.slots == slots)) return "inconsistent stack at a join";
  return nullptr;
}

// Going on to the next instruction: a leader merges, any other takes the
// state as it is (it has no other way in).
const char* Verifier::FallThrough(SignedWord next, int depth, int32_t block, const Slots& slots, bool* changed) {
  if (static_cast<size_t>(next) >= n_code_) return "code falls off the end";
  if (IsLeader(next)) return Merge(next, depth, block, slots, changed);
  if (const char* err = CheckDepth(depth)) return err;
  pending_ = State{static_cast<int16_t>(depth), kUnknownDepth, block, slots};
  has_pending_ = true;
  return nullptr;
}

// `bytes` of zeroed memory for a table, freed by Run.
void* Verifier::Scratch(size_t bytes) {
  bytes = (bytes + 7) & ~size_t{7};
  if (bytes <= kScratchBytes - scratch_used_) {
    void* p = scratch_ + scratch_used_;
    scratch_used_ += bytes;
    __builtin_memset(p, 0, bytes);
    return p;
  }
  void* p = Allocate(bytes, /*no_scan=*/true);
  heap_tables_[n_heap_tables_++] = p;
  return p;
}

// Numbers the leaders and makes room for their states.
void Verifier::IndexLeaders() {
  size_t words = (n_code_ + 63) / 64;
  leader_rank_ = static_cast<uint32_t*>(Scratch(words * sizeof(uint32_t)));
  uint32_t count = 0;
  for (size_t w = 0; w < words; ++w) {
    leader_rank_[w] = count;
    count += PopCount(leaders_[w]);
  }
  states_ = static_cast<State*>(Scratch(count * sizeof(State)));
  for (uint32_t i = 0; i < count; ++i) states_[i] = State{kUnknownDepth, kUnknownDepth, -1, Slots{0, 0, 0}};
  states_[0] = State{0, kUnknownDepth, -1, Slots{0, 0, 0}};  // offset 0 is the first leader
}

// UNWIND_JUMP (break/continue out of try, with and except blocks), as the
// VM does it: leaving a finally or with block whose handler has not
// started runs the handler first, which needs the stack at the block's
// base (and a with block's handler drops __exit__ and the context
// manager); leaving one whose handler is running (the offset is past the
// handler's start) drops the value its handler started with.
const char* Verifier::Unwind(size_t offset, const Insn& in, const State& state, bool* changed) {
  int d = state.depth;
  int32_t block = state.block;
  int n = static_cast<int>(in.extra & 0x7f);
  for (int k = 0; k < n; ++k) {
    if (block < 0) return "unwinding past the outermost block";
    uint8_t kind = code_[block];
    if (kind != kOp_SETUP_EXCEPT) {
      if (static_cast<SignedWord>(offset) >= HandlerOf(block)) {
        d -= 1;
      } else {
        if (d != HandlerBase(block)) return "unwinding from a bad stack depth";
        // The handler runs, and the unwinding goes on from the depth its
        // END_FINALLY leaves (a with block's drops __exit__ and the
        // context manager); not known yet: a later sweep comes back.
        if (At(block).finally_exit == kUnknownDepth) return nullptr;
        d = At(block).finally_exit;
      }
    }
    block = At(block).block;
  }
  // The VM drops a for loop's iterator buffer last (flag 0x80).
  d -= (in.extra & 0x80) ? kIterSlots : 0;
  return Merge(in.target, d, block, Truncated(state.slots, d), changed);
}

// The number of finally and with handlers running at `offset` (blocks on
// the chain whose handler starts at or before it): each may hold an unwind
// record one slot larger than the model.
int Verifier::RunningFinallyHandlers(size_t offset, int32_t innermost) const {
  int count = 0;
  for (int32_t block = innermost; block >= 0; block = At(block).block) {
    if (code_[block] != kOp_SETUP_EXCEPT && static_cast<SignedWord>(offset) >= HandlerOf(block)) ++count;
  }
  return count;
}

// How far above its entry depth the instruction's stack reaches.
int Peak(const Insn& in, int effect) {
  switch (in.op) {
    case kOp_SETUP_WITH:
      return 3;  // __exit__, the context manager, __enter__ being called
    case kOp_UNWIND_JUMP:
      // The destination; entering a finally handler on the way, the count
      // of blocks left goes where the handler's first instruction checks.
      return 1;
    case kOp_WITH_CLEANUP:
      return 2;  // the arguments of __exit__
    default:
      return effect > 0 ? effect : 0;
  }
}

// How many values the instruction takes off the stack (Inputs counts
// those it only reads too).
int Pops(const Insn& in) {
  switch (in.op) {
    case kOp_STORE_COMP:
      return (in.arg & 3) == 1 ? 2 : 1;
    case kOp_FOR_ITER:
      return 0;
    default:
      return Inputs(in);
  }
}

// Checks that the instruction at depth `d` reads no slot holding the VM's
// own values except where it is made to, and gives the slots after it
// falls through.
// The part of CheckSlots for a stack holding some of the VM's own values
// (or FOR_ITER, which needs its buffer): what the instruction may read of
// them, and where the moving instructions put them.
const char* Verifier::CheckSpecialReads(const Insn& in, int d, int low, Slots* slots) {
  const Slots s = *slots;
  uint64_t special = s.nulls | s.iters;
  uint64_t allowed = 0;
  int n_pos = static_cast<int>(in.arg & 0xff), n_kw = static_cast<int>((in.arg >> 8) & 0xff);
  switch (InfoOf(in.op).range_base) {
    case kOp_POP_TOP:
      allowed = special;
      break;
    case kOp_DUP_TOP: case kOp_DUP_TOP_TWO: case kOp_ROT_TWO: case kOp_ROT_THREE:
      allowed = s.nulls;  // moved about, as async-with code does with a method's self
      break;
    case kOp_STORE_SUBSCR: case kOp_STORE_ATTR:
      allowed = s.nulls & Bit(low);  // storing kNull deletes
      break;
    case kOp_MAKE_FUNCTION_DEFARGS: case kOp_MAKE_CLOSURE_DEFARGS:
      allowed = s.nulls & BitsIn(low, low + 2);  // kNull: no defaults
      break;
    case kOp_CALL_METHOD:
      allowed = s.nulls & Bit(low + 1);  // self, or kNull for none
      break;
    case kOp_CALL_FUNCTION_VAR_KW:
    case kOp_CALL_METHOD_VAR_KW: {
      // kNull as a keyword's name: **mapping.
      int first_key = low + 1 + n_pos + (in.op == kOp_CALL_METHOD_VAR_KW ? 1 : 0);
      for (int k = 0; k < n_kw; ++k) allowed |= s.nulls & Bit(first_key + 2 * k);
      if (in.op == kOp_CALL_METHOD_VAR_KW) allowed |= s.nulls & Bit(low + 1);
      break;
    }
    case kOp_STORE_COMP:
      if (special & Bit(d - 1 - static_cast<int>(in.arg >> 2))) return "bad stack slot";
      break;
    case kOp_FOR_ITER: {
      // GET_ITER_STACK's buffer, or one a generator expression builds:
      // kNull, the iterator, two kNull or values.
      int base = d - kIterSlots;
      uint64_t buffer = BitsIn(base, d);
      bool intact = (s.heads & Bit(base)) && (s.iters & buffer) == buffer;
      bool built = (s.nulls & Bit(base)) && !(special & Bit(base + 1)) && !(s.iters & buffer);
      if (d < kIterSlots || base >= kTrackedSlots || !(intact || built)) return "FOR_ITER without an iterator";
      break;
    }
    default:
      break;
  }
  if ((special & ~allowed & BitsIn(low, d)) != 0) return "bad stack slot";
  *slots = Truncated(s, low);
  // Where the moving instructions put the kNull they take.
  auto null_at = [&s](int slot) { return (s.nulls & Bit(slot)) != 0; };
  auto put_null = [slots](int slot, bool is_null) {
    if (is_null) slots->nulls |= Bit(slot);
  };
  switch (in.op) {
    case kOp_DUP_TOP:
      put_null(d - 1, null_at(d - 1));
      put_null(d, null_at(d - 1));
      break;
    case kOp_DUP_TOP_TWO:
      for (int k = 0; k < 2; ++k) {
        put_null(d - 2 + k, null_at(d - 2 + k));
        put_null(d + k, null_at(d - 2 + k));
      }
      break;
    case kOp_ROT_TWO:
      put_null(d - 2, null_at(d - 1));
      put_null(d - 1, null_at(d - 2));
      break;
    case kOp_ROT_THREE:
      put_null(d - 3, null_at(d - 1));
      put_null(d - 2, null_at(d - 3));
      put_null(d - 1, null_at(d - 2));
      break;
    default:
      break;
  }
  return nullptr;
}

const char* Verifier::CheckSlots(const Insn& in, int d, int effect, Slots* slots) {
  const Slots s = *slots;
  uint64_t special = s.nulls | s.iters;
  int pops = Pops(in);
  int low = d - pops;
  // Without such values, nothing can be misread or moved: the common case.
  if (special != 0 || in.op == kOp_FOR_ITER) {
    if (const char* err = CheckSpecialReads(in, d, low, slots)) return err;
  }
  int top = low + pops + effect - 1;  // the highest slot written
  if (top >= kTrackedSlots && (in.op == kOp_LOAD_NULL || InfoOf(in.op).range_base == kOp_LOAD_METHOD ||
                               in.op == kOp_LOAD_SUPER_METHOD || in.op == kOp_GET_ITER_STACK))
    return "stack too deep";
  switch (in.op) {
    case kOp_LOAD_NULL:
    case kOp_LOAD_METHOD:
    case kOp_LOAD_SUPER_METHOD:
      slots->nulls |= Bit(top);
      break;
    case kOp_GET_ITER_STACK:
      slots->iters |= BitsIn(low, low + kIterSlots);
      slots->heads |= Bit(low);
      break;
    case kOp_FOR_ITER:
      *slots = s;
      break;
    default:
      break;
  }
  return nullptr;
}

// Pass 1 also steps the code's straight run: the instructions from the
// start that are plain (or POP_TOP, which is plain while the stack holds
// none of the VM's values, as it never does in such a run) and fall
// through, so that the first sweep of Flow can start after them. Flow's
// steps would do exactly this to them, as long as no jump lands inside the
// run (the run cannot tell: Flow checks, once the leaders are known) and the
// run stays within the room (not known before the end of pass 1 either: the
// run keeps its peak). Underflow ends the run, for Flow to report.
void Verifier::ExtendStraightRun(const Insn& in) {
  const OpFacts& facts = kOpFacts.facts[in.op];
  if ((!facts.plain && in.op != kOp_POP_TOP) || in.next >= n_code_) {
    straight_open_ = false;
    return;
  }
  const int inputs = facts.fixed ? facts.inputs : Inputs(in);
  const int effect = facts.fixed ? facts.effect : Effect(in);
  if (straight_depth_ < inputs) {
    straight_open_ = false;
    return;
  }
  const int peak = straight_depth_ + (effect > 0 ? effect : 0);
  if (peak > straight_peak_) straight_peak_ = peak;
  straight_depth_ += effect;
  straight_end_ = in.next;
}

// Whether a leader lies in [from, to), to <= n_code_: a word of the bitmap
// at a time.
bool Verifier::AnyLeaderBetween(size_t from, size_t to) const {
  for (size_t word = from >> 6; from < to; ++word, from = word << 6) {
    uint64_t bits = leaders_[word] >> (from & 63);
    size_t span = to - from;
    if (span < 64) bits &= (uint64_t{1} << span) - 1;
    if (bits != 0) return true;
  }
  return false;
}

// Flow's first sweep, when it can skip the straight run: its state after
// the run, taken by the instruction there. False to sweep from the start.
bool Verifier::StartAfterStraightRun(bool* changed) {
  if (straight_end_ == 0 || straight_peak_ > static_cast<int>(room_) || AnyLeaderBetween(1, straight_end_))
    return false;
  const Slots none{0, 0, 0};
  stepping_ = 0;
  if (IsLeader(static_cast<SignedWord>(straight_end_)))
    return Merge(static_cast<SignedWord>(straight_end_), straight_depth_, -1, none, changed) == nullptr;
  pending_ = State{static_cast<int16_t>(straight_depth_), kUnknownDepth, -1, none};
  has_pending_ = true;
  return true;
}

// Step's commonest case, done on pending_ in place: a plain instruction
// with a fixed effect, outside exception blocks, with no VM values on the
// stack, falling through to an instruction that is not a leader. False
// (nothing done) for any other, and for one that breaks the rules: Step
// then says how.
bool Verifier::StepPlain(const Insn& in) {
  const OpFacts& facts = kOpFacts.facts[in.op];
  State& state = pending_;
  if (!facts.plain || !facts.fixed || state.block >= 0 || (state.slots.nulls | state.slots.iters) != 0) return false;
  const int d = state.depth;
  if (d < facts.inputs || d + (facts.effect > 0 ? facts.effect : 0) > static_cast<int>(room_)) return false;
  if (in.next >= n_code_ || IsLeader(static_cast<SignedWord>(in.next))) return false;
  state.depth = static_cast<int16_t>(d + facts.effect);
  return true;
}

// Propagates the state of the instruction at `offset` to its successors.
const char* Verifier::Step(size_t offset, const Insn& in, const State& state, bool* changed) {
  int d = state.depth;
  int32_t b = state.block;
  // Outside exception blocks no finally handler runs (no unwind records
  // beyond the model, no guard slots), and a plain instruction only needs
  // the checks every instruction gets.
  const OpFacts& facts = kOpFacts.facts[in.op];
  if (b < 0 && facts.plain) {
    const int pops = facts.fixed ? facts.inputs : Inputs(in);
    const int effect = facts.fixed ? facts.effect : Effect(in);
    const int low = d - pops;
    if (low < 0) return "stack underflow";
    if (d + (effect > 0 ? effect : 0) > static_cast<int>(room_)) return "stack overflow";
    Slots slots = state.slots;
    if ((slots.nulls | slots.iters) != 0) {
      if (((slots.nulls | slots.iters) & BitsIn(low, d)) != 0) return "bad stack slot";
      slots = Truncated(slots, low);
    }
    return FallThrough(static_cast<SignedWord>(in.next), d + effect, b, slots, changed);
  }
  int32_t here = static_cast<int32_t>(offset);
  int records = RunningFinallyHandlers(offset, b);
  // Only finally handlers (async with) dip into the guard slots.
  if (d - Inputs(in) < (records > 0 ? -kStackGuardSlots : 0)) return "stack underflow";
  // WITH_CLEANUP's two slots take in its own with block's record.
  if (in.op == kOp_WITH_CLEANUP && b >= 0 && code_[b] != kOp_SETUP_EXCEPT && records > 0 &&
      offset >= static_cast<size_t>(HandlerOf(b)))
    --records;
  const int effect = Effect(in);
  if (d + records + Peak(in, effect) > static_cast<int>(room_)) return "stack overflow";
  const Slots before = state.slots;
  Slots after = before;
  if (const char* err = CheckSlots(in, d, effect, &after)) return err;
  SignedWord next = static_cast<SignedWord>(in.next);
  switch (in.op) {
    case kOp_JUMP:
      return Merge(in.target, d, b, after, changed);
    case kOp_POP_JUMP_IF_TRUE:
    case kOp_POP_JUMP_IF_FALSE:
      if (const char* err = Merge(in.target, d - 1, b, after, changed)) return err;
      return FallThrough(next, d - 1, b, after, changed);
    case kOp_JUMP_IF_TRUE_OR_POP:
    case kOp_JUMP_IF_FALSE_OR_POP:
      if (const char* err = Merge(in.target, d, b, before, changed)) return err;
      return FallThrough(next, d - 1, b, after, changed);
    case kOp_SETUP_EXCEPT:
    case kOp_SETUP_FINALLY:
      if (ExceptionDepth(here) > raw_->sig.n_exc_stack) return "exception stack overflow";
      if (const char* err = Merge(in.target, d + 1, here, Truncated(before, d), changed)) return err;
      return FallThrough(next, d, here, after, changed);
    case kOp_SETUP_WITH:
      // __exit__ and the context manager stay below the handler's stack.
      if (ExceptionDepth(here) > raw_->sig.n_exc_stack) return "exception stack overflow";
      if (const char* err = Merge(in.target, d + 2, here, after, changed)) return err;
      return FallThrough(next, d + 2, here, after, changed);
    case kOp_POP_EXCEPT_JUMP:
      if (b < 0) return "no exception block to pop";
      return Merge(in.target, d, At(b).block, after, changed);
    case kOp_FOR_ITER:
      if (const char* err = Merge(in.target, d - kIterSlots, b, Truncated(before, d - kIterSlots), changed))
        return err;
      return FallThrough(next, d + 1, b, after, changed);
    case kOp_UNWIND_JUMP:
      return Unwind(offset, in, state, changed);
    case kOp_END_FINALLY:
      if (b < 0) return "no exception block to pop";
      if (code_[b] != kOp_SETUP_EXCEPT) {
        int16_t& exit = At(b).finally_exit;
        if (exit == kUnknownDepth) {
          exit = static_cast<int16_t>(d - 1);
          *changed = true;
        } else if (exit != d - 1) {
          return "inconsistent stack at the end of a finally";
        }
      }
      return FallThrough(next, d - 1, At(b).block, after, changed);
    case kOp_RETURN_VALUE:
    case kOp_RAISE_LAST:
    case kOp_RAISE_OBJ:
    case kOp_RAISE_FROM:
      return nullptr;
    default:
      break;
  }
  return FallThrough(next, d + effect, b, after, changed);
}

// Pass 2: sweeps the code in order until no state changes; every reached
// instruction's successors get (or must agree with) its outgoing state.
// Only leaders store theirs; any other instruction gets its state from
// the one before, stepped just before it.
const char* Verifier::Flow() {
  IndexLeaders();
  bool first = true;
  for (bool changed = true; changed; first = false) {
    changed = false;
    has_pending_ = false;
    size_t start = first && StartAfterStraightRun(&changed) ? straight_end_ : 0;
    for (size_t offset = start; offset < n_code_;) {
      Insn in;
      Decode(code_, n_code_, offset, &in);  // pass 1 accepted it
      if (IsLeader(offset)) {
        pending_ = At(offset);
        has_pending_ = pending_.depth != kUnknownDepth;
      }
      if (has_pending_ && !StepPlain(in)) {
        const State state = pending_;
        has_pending_ = false;
        stepping_ = offset;
        if (const char* err = Step(offset, in, state, &changed)) return err;
      }
      offset = in.next;
    }
  }
  return nullptr;
}

const char* Verifier::Run() {
  const char* err = DecodePrelude();
#if TAIPAN_MPY_VERIFY
  if (err == nullptr) err = CheckOperands();
  if (err == nullptr) err = Flow();
#endif
  while (n_heap_tables_ > 0) gc_free(heap_tables_[--n_heap_tables_]);
  return err;
}

}  // namespace

const char* VerifyRawCode(RawCode* raw, const ModuleContext* context) {
  Verifier verifier(raw, context);
  return verifier.Run();
}

}  // namespace taipan::rt
