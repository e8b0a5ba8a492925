// Phase entry: the typed IR.
//
// A Program holds one Module per Python module of the program; a Module one
// Function per raw code of its bytecode (module body, def, lambda,
// comprehension, class body), in the bytecode module's pre-order, so
// function i of a module is raw code i when the runtime loads the .mpy.
// Every raw code has bytecode; a Function that the native backend can
// compile replaces it at load time (native or bytecode per function).
//
// A Function is a control-flow graph: Blocks of Insts, everything referenced
// by 32-bit ids into the function's arrays. Values never cross blocks: an
// instruction's operands are earlier instructions of its own block, and
// whatever must flow between blocks goes through a Local (LLVM's mem2reg
// makes them registers again). So there are no phis, and type inference
// works on locals: a local's type is the join of every value stored to it.
//
// Kinds are listed once: instructions.def and types.def.
#ifndef TAIPAN_IR_IR_H
#define TAIPAN_IR_IR_H

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "backends/bytecode/bytecode.h"
#include "frontend/diag/diagnostics.h"
#include "frontend/diag/source_buffer.h"
#include "frontend/parse/ast.h"
#include "frontend/resolve/resolve.h"

namespace taipan::ir {

using InstId = uint32_t;
using BlockId = uint32_t;
using LocalId = uint32_t;
using TypeId = uint32_t;
constexpr uint32_t kNoId = UINT32_MAX;
// Binary's imm on the add that steps a range loop's counter by 1 or -1,
// right after the loop compared the counter with its end: the sum stays in
// the small-int range whenever the end is a small int.
constexpr int64_t kRangeCounterStep = 1;

// ---- types ----

enum class TypeKind : uint8_t {
#define IR_TYPE(Kind, spelling, rep) Kind,
#include "ir/types.def"
};

// How native code holds a value of a type (types.def explains each).
enum class Rep : uint8_t { Void, Value, Float, Complex, Bool, Word };

// A function of the program: module index and function index in it.
struct FuncRef {
  uint32_t module = kNoId;
  uint32_t function = kNoId;
  bool valid() const { return module != kNoId; }
  bool operator==(const FuncRef&) const = default;
};

struct Type {
  TypeKind kind = TypeKind::Unknown;
  std::vector<TypeId> params;  // List/Set: [element]; Dict: [key, value]; Tuple: items
  FuncRef ref;                 // Function: the function, when known
  bool operator==(const Type&) const = default;
};

// Interned types: equal types have equal ids. The fixed kinds without
// parameters have the predefined ids below.
class TypeTable {
 public:
  TypeTable();
  TypeId Intern(const Type& type);
  TypeId Of(TypeKind kind) { return Intern(Type{kind, {}, {}}); }
  const Type& Get(TypeId id) const { return types_[id]; }
  TypeKind KindOf(TypeId id) const { return types_[id].kind; }
  Rep RepOf(TypeId id) const;
  // The least type holding both (Unknown is the identity; Object the top).
  TypeId Join(TypeId a, TypeId b);
  TypeId JoinOptional(TypeId a, TypeId b);
  // Whether the type is, or has a parameter that is, a known class's
  // class<C> or instance<C> (no guard can check those inside containers).
  bool MentionsKnownClass(TypeId id) const;
  std::string Name(TypeId id) const;
  // The type of a literal constant's value (tuples: element by element).
  TypeId OfConstant(const bytecode::Constant& c);

 private:
  std::vector<Type> types_;
};

// Predefined by TypeTable's constructor, in this order.
constexpr TypeId kUnknownType = 0;
constexpr TypeId kVoidType = 1;
constexpr TypeId kObjectType = 2;
constexpr TypeId kIntType = 3;
constexpr TypeId kFloatType = 4;
constexpr TypeId kBoolType = 5;
constexpr TypeId kNoneType = 6;
constexpr TypeId kStrType = 7;
constexpr TypeId kComplexType = 8;

// ---- instructions ----

enum class Op : uint8_t {
#define IR_INST(Name, spelling, flags, operands) Name,
#include "ir/instructions.def"
};

enum InstFlag : uint8_t { kTerminator = 1, kNoResult = 2, kMayRaise = 4 };

// runtime/operator.def's numbering: the `sub` code of Binary and Unary.
enum class BinOp : uint8_t {
#define BINARY_OP(Name, method) Name,
#include "runtime/operator.def"
};
enum class UnOp : uint8_t {
#define UNARY_OP(Name, method) Name,
#include "runtime/operator.def"
};

// The math module's functions math.call calls (runtime/math_unary.def): its imm.
enum class MathUnary : uint8_t {
#define MATH_UNARY(Id, name, implementation) Id,
#include "runtime/math_unary.def"
};

// The builtins call.builtin calls (ir/builtin_calls.def): its imm.
enum class BuiltinCall : uint8_t {
#define BUILTIN_CALL(Id, name, arguments, helper, result) Id,
#include "ir/builtin_calls.def"
};

// <, >, ==, <=, >=, != (not `in`, `is`).
constexpr bool IsComparison(BinOp op) { return op >= BinOp::Less && op <= BinOp::NotEqual; }

// The plain operator of an in-place one (x += y on an int is x + y).
inline BinOp NonInplace(BinOp op) {
  if (op >= BinOp::InplaceOr && op <= BinOp::InplacePower)
    return static_cast<BinOp>(static_cast<unsigned>(op) - static_cast<unsigned>(BinOp::InplaceOr) +
                              static_cast<unsigned>(BinOp::Or));
  return op;
}

std::string_view OpName(Op op);
uint8_t OpFlags(Op op);

struct Inst {
  Op op;
  uint8_t sub = 0;
  TypeId type = kUnknownType;  // the result's type (kVoidType without a result)
  BlockId block = kNoId;
  uint32_t offset = 0;         // source byte offset (diagnostics, line tables)
  int64_t imm = 0;
  double fimm = 0;
  std::vector<InstId> ops;
  std::vector<uint32_t> names;  // qstr indices (keyword names)
  BlockId target[2] = {kNoId, kNoId};
  FuncRef callee;               // CallDirect
};

struct Block {
  std::vector<InstId> insts;  // the last one is the terminator
};

// What a class body binds, from its source (class bodies run as bytecode,
// so they have no IR). `simple` when the body is only defs, docstrings,
// `pass` and assignments to plain names: then `members` is every name the
// body binds, in order, each with what binds it and, for a def without
// decorators (a plain method), its scope (kNoId for anything else). `loads` is every name the body's bytecode may read as a variable
// or an attribute (sorted, unique), so that name-based analyses see the
// body as they see functions with IR. Inference reads it to resolve methods
// of known classes.
enum class MemberKind : uint8_t {
  Method,        // a def without decorators
  StaticMethod,  // a def decorated only by @staticmethod
  Constant,      // an assignment of a literal constant
  Other,         // any other def or assignment
};
struct ClassMember {
  std::string name;
  uint32_t scope = kNoId;
  MemberKind kind = MemberKind::Other;
};
struct ClassSummary {
  bool simple = false;
  std::vector<ClassMember> members;
  std::vector<std::string> loads;
};

enum class LocalKind : uint8_t {
  Param,  // a parameter (frame slot `slot`: the VM's argument binding fills it)
  Free,   // a free variable: frame slot `slot` holds the cell the closure passed
  Var,    // a Python local variable
  Cell,   // a local shared with nested functions: the local holds its cell
  Temp,   // a compiler temporary
};

struct Local {
  std::string name;
  LocalKind kind = LocalKind::Var;
  uint32_t slot = kNoId;      // Param/Free (and Cell parameters): index in the bound-argument frame
  bool is_cell = false;       // holds a cell object (Free, Cell, or a Param that is a cell)
  bool is_volatile = false;   // stored inside a try region: kept in memory across nlr jumps
  // A Param that the bytecode makes a cell (only comprehensions the native
  // code builds inline use it): the runtime's argument binding hands it
  // over in a cell, which the entry opens; direct calls pass it plain.
  bool bound_in_cell = false;
  bool may_be_unbound = false; // read maybe-unbound or deleted: null marks unbound, so its type is
                               // one held in a Value word (inference ensures it)
  TypeId type = kUnknownType; // a cell local's: its contents' (the local's slot holds the cell)
  // A parameter annotated with a builtin scalar type's name (int, float,
  // str, bool): the type inference takes for it whatever the call sites
  // pass. Calls with other types, direct ones included, fail its entry's
  // guard and run the generic clone, so a wrong hint costs speed, never
  // correctness (annotations are not checked in Python).
  TypeId hint = kUnknownType;
  // Set by inference: `hint` is its guess from how the body uses the
  // parameter (an int where it needs one: range(n), [x] * n), taken only
  // when no call site passes anything typed; calls passing an object are
  // guarded instead of making the parameter object.
  bool speculative = false;
};

struct Function {
  std::string name;         // the Python name ("<module>", "<lambda>", "<listcomp>", ...)
  std::string qualified;    // for remarks: module.name or the dotted nesting
  uint32_t scope = kNoId;   // in the module's ScopeTable
  uint32_t offset = 0;      // source offset of the def (remarks point here)
  uint32_t n_slots = 0;     // bound-argument frame size: free variables, then parameters
  std::vector<Inst> insts;
  std::vector<Block> blocks;  // blocks[0] is the entry
  std::vector<Local> locals;
  uint32_t n_try_slots = 0;
  TypeId return_type = kUnknownType;

  // The native-or-bytecode decision: `native` false means the function stays
  // bytecode, and `reason` says why (for --remarks).
  bool native = true;
  std::string reason;
  bool is_module_body = false;
  bool is_class_body = false;
  bool is_generator = false;
  bool is_def = false;       // a `def` or lambda: gets a --remarks line
  ClassSummary class_summary;  // is_class_body: what the body binds
  // Filled by the driver from the bytecode (BuildModule need not): the
  // argument signature, and the function indices of the raw codes this
  // one's MakeFunction instructions create (child index -> function).
  bytecode::Signature signature;
  std::vector<uint32_t> children;
  // A def whose positional parameters' defaults are all constants a call
  // can pass itself (None, a bool, a small int, a float): one instruction
  // making each (ConstNone/ConstBool/ConstInt/ConstFloat, no operands), for
  // the last constant_defaults.size() positional parameters. Empty when the
  // def has none, or any other. Inference pads direct calls with them.
  std::vector<Inst> constant_defaults;
  bool binds_globals = false;  // its scope assigns or deletes a module global (`global x`, a walrus)
  // Set by inference: may CallDirect reach this function's direct entry
  // (positional parameters only, no free variables; own cells and nested
  // defs are fine).
  bool has_direct_entry = false;
  // Set by inference on a class body: the class is a known class (its
  // instances are typed instance<C>); native code keeps the class object
  // in a slot of the module (the guard of instance<C> parameters).
  bool known_class = false;
  // Set by inference on a known class's body: the attributes its instances
  // keep in slots (runtime/class.h layouts), as qstr indices of its module,
  // in slot order. Load.attr and store.attr on its instances name a slot
  // in their `sub` (1 + the slot number) where they may use it directly.
  std::vector<int64_t> class_layout;
  // Set by inference (MakeCollector): a generator expression that returns
  // the list or set of what it would yield, called only by CallDirect from
  // its consumer. It has no native entry: anything else that calls it runs
  // its bytecode, the generator.
  bool collects = false;
  // Set by inference on a function whose native entry may see arguments
  // its guards reject (it may be called dynamically with other types): the
  // index of its generic clone in the module, which the entry then runs
  // instead of the bytecode; kNoId when none.
  uint32_t generic = kNoId;
  // On a generic clone: the index of the function it is a copy of. A clone
  // is that function's IR as built, with object parameters and only
  // dynamic calls, so it runs what the bytecode would; clones come after
  // the raw codes' functions, with no entry and no remark of their own.
  uint32_t generic_of = kNoId;
  // Set by EliminateTailRecursion: the source offset of the self tail call
  // whose line tracebacks show for each jump back (every such call is on
  // that line; its frame.repeats say how many), or kNoId.
  uint32_t tail_call_offset = kNoId;
};

struct Module {
  std::string name;         // dotted module name ("__main__" for the program)
  std::string source_name;  // qstr 0: what tracebacks print
  const SourceBuffer* source = nullptr;
  // Pre-order of the raw-code tree ([0] is the module body), then the
  // generic clones inference made (Function::generic_of).
  std::vector<Function> functions;
  uint32_t RawCodeCount() const {
    uint32_t n = 0;
    while (n < functions.size() && functions[n].generic_of == kNoId) ++n;
    return n;
  }
  // Copies of the bytecode module's qstr and object tables as BuildModule
  // left them, so that Print can show names and constants (imm indices).
  std::vector<std::string> qstrs;
  std::vector<bytecode::Constant> constants;
};

struct Program {
  TypeTable types;
  std::vector<Module> modules;
};

// ---- entry points ----

// Builds the IR of every raw code of one module. `bc` is the module's
// bytecode (its qstr and object tables grow with what native code needs;
// its raw-code tree fixes the function order) and `info` what the
// bytecode compiler decided about each scope (frame layouts). Functions
// using constructs the native backend does not support are built with
// `native` false and a reason, never an error.
Module BuildModule(const Ast& ast, const ScopeTable& scopes, const SourceBuffer& source, std::string_view name,
                   bytecode::Module* bc, const bytecode::CompileInfo& info, TypeTable& types);

// Checks the structural invariants (operands defined earlier in the same
// block, one terminator per block at its end, targets and locals in range).
// Returns an empty string when the function is well formed.
std::string Verify(const Function& function, const TypeTable& types);

// Peels the first iteration of small innermost loops where a constant
// stored before the loop meets the loop's own stores in one local (z = 0
// before z = z * z + c), when splitting locals into their webs then gives
// the loop a local of its own; splits every plain local into its webs
// either way. Before inference, on functions built native without try
// regions (ir/peel.cpp).
void PeelLoops(Function& function);

// Whole-program type inference: parameter types from the call sites,
// locals, results, return types; turns calls of known functions into
// CallDirect where that is sound. Runs Verify before and after.
void InferTypes(Program& program);

// After inference: a call through a local bound once to a method of a
// builtin container (`push = stack.append`) whose receiver local holds one
// value (a parameter never written, a local stored once outside any loop)
// becomes a method call on that local (ir/bound_methods.cpp).
void CallBoundMethodsDirectly(Function& function, const TypeTable& types);

// After inference: `return self(args)` and `return x + self(args)` (or *,
// on ints; or `self(args) + x` with x a constant or a local's load) in a
// native function `self` become jumps back to its start, each a tail.frames
// (the call it stands for, for tracebacks and the stack check), through an
// accumulator that every other return adds in (ir/tail_recursion.cpp).
// Tail calls on one line only (the one tracebacks repeat for them), that of
// the first in block order. Verified after: a function the rewrite left
// malformed keeps its IR from before.
void EliminateTailRecursion(Function& function, FuncRef self, const SourceBuffer& source, const TypeTable& types);

// Whether `g` is a native generator expression MakeCollector can turn into
// a function returning what it would yield: one parameter, no yield whose
// value is used, no yield from, no try, every return of None.
bool CanCollect(const Function& g);
// Rewrites such a `g` (Function::collects): each yield adds its value to a
// list (`collect` ListAppend) or set (SetAdd) made on entry, which each
// return returns. What escapes the body leaves as from a generator (a
// StopIteration as RuntimeError: Reraise with sub 1).
void MakeCollector(Function& g, Op collect);

// The loops of `function`'s CFG (ir/loops.cpp), shared by loop peeling and
// the backend's speculative loops.
struct NaturalLoop {
  BlockId header;
  // The header, its latches, then every other block reaching a latch
  // without passing the header.
  std::vector<BlockId> blocks;
  bool innermost = true;     // no other loop's header among its blocks
  bool single_entry = true;  // only the header has predecessors outside it
};
struct Loops {
  std::vector<std::vector<BlockId>> predecessors;  // per block
  // (latch, header): the jumps a depth-first walk from every block finds
  // to a block still on its path.
  std::vector<std::pair<BlockId, BlockId>> back_edges;
  std::vector<NaturalLoop> loops;  // one per header (a `continue` adds a latch), by header
};
Loops FindLoops(const Function& function);
// Per block, the blocks whose terminator may jump to it.
std::vector<std::vector<BlockId>> Predecessors(const Function& function);

// Per local of `function`: the GetIter instruction whose iterator the local
// holds for a for loop, when nothing but for.iter ever reads the local
// (stored once, from a GetIter used nowhere else); kNoId for other locals.
std::vector<InstId> FindForIterators(const Function& function);

// The list locals of `function` that only ever hold a list nothing else can
// reach: every store puts a list just built into them (BuildList, list +
// list, list * n), and every load is only read, indexed, iterated by a for
// loop or changed in place. The function may free what they hold when it
// returns. `qstrs`: the module's qstr table (method names).
std::vector<LocalId> FindUnsharedLists(const Function& function, const TypeTable& types,
                                       const std::vector<std::string>& qstrs);

// The text form for --emit=ir.
std::string Print(const Module& module, const TypeTable& types);

}  // namespace taipan::ir

#endif  // TAIPAN_IR_IR_H
