// Whole-program type inference (ir.h: InferTypes).
//
// An optimistic fixpoint over every native function of the program at
// once: types start Unknown and only rise (Unknown < a specific type <
// Object), so the iteration ends. Locals take the join of the values stored
// to them, results follow from their operands (rules in ResultType), a
// function's return type is the join of its returns, and the parameters of
// a function that known call sites reach directly take the join of the
// arguments there.
//
// Known functions. A module-level `def f` whose global is stored exactly
// once in the whole program (by that def), never deleted, never an
// attribute target anywhere (`mod.f = ...`), in a program without
// dynamic access to namespaces (globals(), setattr, exec, eval, __dict__,
// `import *`), is the function that LoadGlobal f yields. Its calls with
// exactly its positional parameters become CallDirect (unboxed arguments)
// when it qualifies for a direct entry (no free variables, no
// *args/**kwargs/keyword-only parameters). The function may still be
// called dynamically too: its native entry checks the parameter types and
// runs its generic clone when they do not hold.
// The call's load of the global stays, for the NameError of a call made
// before the def ran, unless the def has surely run whenever the call does
// (see "the def before the call"). Locals bound once to a nested
// def without free variables are known the same way.
//
// List element types. Every list a native function creates (build.list,
// and `lst * n` of such a list) belongs to an allocation-site class; while
// the fixpoint runs, a list's type names its class (list<C>), and each class
// has an element type: the join of everything stored into its lists
// (build.list items, list.append, lst[i] = v, lst.append/insert/extend).
// Two classes that meet (one local holding lists of both, a parameter
// reached with both) are merged (union-find). A class "escapes" -- its
// element type becomes Object for good, and so do the classes of lists
// stored in it -- as soon as one of its lists is used in any way not known
// to read it or to store typed values into it (default deny): passed to an
// unknown call, stored in an attribute, global, tuple or dict, joined
// with another type (an Object local's or cell's, too), yielded, returned
// from a function that may be called dynamically, sliced, unpacked,
// iterated other than by a for loop.
// Known uses: indexing with an int, for loops, len/print/str/repr, truth,
// comparisons, `in`, is, the read-only and element-storing list methods,
// direct calls (the callee's parameter joins the class), returns from
// functions only ever called directly, `lst * n`. After the fixpoint, list<C>
// becomes list[element type of C]. Native entries of functions whose
// parameters are list[T] with T not Object run the bytecode instead (the
// caller's list cannot be checked).
// Builtins (len, abs, int, float, min, max, ...) and math functions give
// typed results when their names are not rebound anywhere in the program.
// Module globals whose stores are all visible (the same conditions as
// known functions) take the join of the values stored to them.
#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

#include "ir/ir.h"

namespace taipan::ir {

namespace {

constexpr uint8_t kInplaceToBinary = static_cast<uint8_t>(BinOp::Or) - static_cast<uint8_t>(BinOp::InplaceOr);

bool IsInplace(uint8_t code) {
  return code >= static_cast<uint8_t>(BinOp::InplaceOr) && code <= static_cast<uint8_t>(BinOp::InplacePower);
}
// The operator an in-place one applies when its operand has no __i*__
// method (every builtin type): x += y is x + y, or extends x in place.
BinOp PlainBinOp(uint8_t code) { return static_cast<BinOp>(IsInplace(code) ? code + kInplaceToBinary : code); }

// Names whose dynamic use could rebind a global behind the compiler's back.
constexpr std::array<std::string_view, 6> kNamespaceAccess = {"globals", "setattr", "exec", "eval", "__dict__",
                                                             "vars"};

struct NameUse {
  int stores = 0;
  int deletes = 0;
  TypeId type = kUnknownType;    // the join of every value stored (typed globals)
  InstId make_function = kNoId;  // the MakeFunction stored by the only store, in the module body
  uint32_t function = kNoId;     // ... and the function it makes
};

// How many instructions in f's blocks use each instruction's value.
std::vector<uint32_t> CountUses(const Function& f) {
  std::vector<uint32_t> uses(f.insts.size(), 0);
  for (const Block& block : f.blocks)
    for (InstId id : block.insts)
      for (InstId op : f.insts[id].ops) ++uses[op];
  return uses;
}

class Inference {
 public:
  explicit Inference(Program& program) : program_(program), types_(program.types) {}

  void Run() {
    KeepFunctionsAsBuilt();
    FindVisibleModules();
    ScanNames();
    FindKnownFunctions();
    FindKnownClasses();
    for (uint32_t m = 0; m < program_.modules.size(); ++m) {
      FindDefsRun(m);
      BindKnownCalls(m);
      RewriteDirectCalls(m);
    }
    single_stores_.clear();  // (the calls rewritten, collectors about to be made)
    for (uint32_t m = 0; m < program_.modules.size(); ++m) FuseGeneratorExpressions(m);
    single_stores_.clear();
    FindDirectOnlyFunctions();
    FindSpeculativeHints();
    InitLocals();
    GroupCells();
    while (true) {
      Fixpoint();
      if (ApplySpeculativeHints()) continue;
      bool widened = WidenUnknown();
      if (WidenUnreachedParameters() || widened) continue;
      if (!AddGenericClones()) break;
    }
    for (uint32_t m = 0; m < program_.modules.size(); ++m) {
      InsertNarrows(m);
      RewriteMethodCalls(m);
    }
    AssignLayouts();
    SetCellTypes();
    FinishListTypes();
    for (uint32_t m = 0; m < program_.modules.size(); ++m) RewriteBuiltinCalls(m);
    MarkGuardedCalls();
    for (Module& module : program_.modules)
      for (Function& f : module.functions) CallBoundMethodsDirectly(f, types_);
    Finish();
  }

 private:
  // ---- generic clones ----
  //
  // A function whose entry guards typed parameters and that something may
  // call with other types (MayRunBytecode) runs, when a guard fails, its
  // generic clone: a copy of its IR as built, whose parameters are object
  // (self stays exact where the original's is) and whose calls all stay
  // dynamic (no direct calls, no resolved methods or constructors), so
  // that it does what the bytecode would do, in the open: the fixpoint
  // sees its stores as they are and counts its calls as dynamic
  // (DynamicCode), and the original's bytecode never runs. Clones are added
  // once the fixpoint converges, which then runs again with them; they join
  // the module's functions after the raw codes' (the vectors' capacity is
  // reserved first: inference keys its facts by address).

  void KeepFunctionsAsBuilt() {
    for (Module& module : program_.modules) {
      as_built_.push_back(module.functions);
      module.functions.reserve(2 * module.functions.size());
    }
  }

  static bool IsClone(const Function& f) { return f.generic_of != kNoId; }

  // Whether f's calls all count as dynamic: a generic clone's, and those of
  // a function whose bytecode may run (a collector's: it has no entry, so
  // a dynamic call runs its raw code's bytecode generator). Any other
  // function that may run with other arguments runs its clone instead,
  // whose calls and stores inference sees as they are.
  bool DynamicCode(const Function& f) const { return IsClone(f) || BytecodeMayRun(f); }

  // Whether f's bytecode may run with arguments other than its parameters'
  // types, so that its stores of fields and globals are unknown: only for a
  // collector (every other such function has a generic clone).
  bool BytecodeMayRun(const Function& f) const { return f.collects && MayRunBytecode(f); }

  bool AddGenericClones() {
    bool added = false;
    for (uint32_t m = 0; m < program_.modules.size(); ++m) {
      Module& module = program_.modules[m];
      for (uint32_t i = 0, n = module.RawCodeCount(); i < n; ++i) {
        if (module.functions[i].generic != kNoId || !module.functions[i].native || !MayRunBytecode(module.functions[i]))
          continue;
        Function clone = as_built_[m][i];
        clone.generic_of = i;
        clone.is_def = false;
        clone.has_direct_entry = false;
        module.functions.push_back(std::move(clone));
        module.functions[i].generic = static_cast<uint32_t>(module.functions.size() - 1);
        // Entered only from the original's entry or guarded calls, whose
        // self is exactly C when the original's is.
        auto exact = exact_self_.find(&module.functions[i]);
        if (exact != exact_self_.end()) exact_self_[&module.functions.back()] = exact->second;
        InitFunctionLocals(module.functions.back());
        GroupCellsOf(m, module.functions.back());
        added = true;
      }
    }
    return added;
  }

  // ---- whole-program name facts ----

  std::string_view QstrText(uint32_t module, int64_t index) const {
    const std::vector<std::string>& qstrs = program_.modules[module].qstrs;
    return index >= 0 && static_cast<size_t>(index) < qstrs.size() ? std::string_view(qstrs[index])
                                                                    : std::string_view();
  }

  void ScanNames() {
    for (uint32_t m = 0; m < program_.modules.size(); ++m) {
      for (const Function& f : program_.modules[m].functions) {
        for (const Inst& inst : f.insts) ScanInst(m, f, inst);
        for (const std::string& name : f.class_summary.loads) {
          if (std::find(kNamespaceAccess.begin(), kNamespaceAccess.end(), name) != kNamespaceAccess.end())
            dynamic_namespaces_ = true;
          untracked_loads_.insert(name);
          if (name == "getattr") loads_getattr_ = true;
        }
        if (!f.native && !(f.is_class_body && f.class_summary.simple)) runs_unknown_bytecode_[m] = true;
      }
    }
  }

  void ScanInst(uint32_t m, const Function& f, const Inst& inst) {
    switch (inst.op) {
      case Op::StoreGlobal: {
        NameUse& use = globals_[m][std::string(QstrText(m, inst.imm))];
        ++use.stores;
        const Inst& value = f.insts[inst.ops[0]];
        if (&f == &program_.modules[m].functions[0] && value.op == Op::MakeFunction &&
            static_cast<size_t>(value.imm) < f.children.size()) {
          use.function = f.children[value.imm];
        }
        break;
      }
      case Op::DeleteGlobal: ++globals_[m][std::string(QstrText(m, inst.imm))].deletes; break;
      case Op::StoreAttr:
      case Op::DeleteAttr: attribute_targets_.insert(std::string(QstrText(m, inst.imm))); break;
      case Op::ImportStar: dynamic_namespaces_ = true; break;
      case Op::LoadGlobal:
      case Op::LoadAttr:
        for (std::string_view name : kNamespaceAccess) {
          if (QstrText(m, inst.imm) == name) dynamic_namespaces_ = true;
        }
        if (inst.op == Op::LoadAttr) untracked_loads_.insert(std::string(QstrText(m, inst.imm)));
        if (inst.op == Op::LoadGlobal && QstrText(m, inst.imm) == "getattr") loads_getattr_ = true;
        break;
      case Op::ImportFrom: untracked_loads_.insert(std::string(QstrText(m, inst.imm))); break;
      default: break;
    }
  }

  // A global of module m is a known function when its only store is a def
  // in the module body.
  void FindKnownFunctions() {
    if (dynamic_namespaces_) return;
    for (uint32_t m = 0; m < program_.modules.size(); ++m) {
      if (!AllCodeVisible(m)) continue;
      for (auto& [name, use] : globals_[m]) {
        if (use.stores != 1 || use.deletes != 0 || use.function == kNoId) continue;
        if (attribute_targets_.count(name)) continue;
        known_[m][name] = FuncRef{m, use.function};
      }
    }
  }

  // Bytecode-only functions (class bodies, generators) have no IR, so the
  // globals they bind are invisible: a module with one that binds any
  // (`global x`, a walrus in a generator expression) keeps its globals
  // unknown.
  bool AllCodeVisible(uint32_t m) const { return all_code_visible_[m]; }

  void FindVisibleModules() {
    for (uint32_t m = 0; m < program_.modules.size(); ++m) {
      all_code_visible_[m] = true;
      for (const Function& f : program_.modules[m].functions) {
        if (!f.native && f.binds_globals) all_code_visible_[m] = false;
      }
    }
  }

  std::string_view GlobalName(uint32_t m, const Inst& inst) const { return QstrText(m, inst.imm); }

  const FuncRef* KnownFunction(uint32_t m, const Inst& load) const {
    if (load.op != Op::LoadGlobal) return nullptr;
    auto it = known_[m].find(std::string(GlobalName(m, load)));
    return it == known_[m].end() ? nullptr : &it->second;
  }

  // A global every store of which is visible (see FindKnownFunctions) has
  // the join of the values stored; loading it before any store raises
  // NameError, so the type holds for every value a load returns.
  // Whether code inference does not follow, or follows without the stored
  // types, may read global `name` of module m: then a list stored there
  // escapes. Such readers: any code when namespaces are dynamic or a
  // bytecode-only function of the module binds globals, a load that takes
  // object for the global (GlobalType), an attribute load or import of the
  // name anywhere (another module's `mod.name`), getattr, a class body's
  // load, and whatever the module runs as bytecode.
  bool GlobalReadUntracked(uint32_t m, const std::string& name) const {
    if (dynamic_namespaces_ || loads_getattr_ || !AllCodeVisible(m) || attribute_targets_.count(name) ||
        untracked_loads_.count(name))
      return true;
    auto it = globals_[m].find(name);
    return it == globals_[m].end() || it->second.deletes != 0 || runs_unknown_bytecode_[m];
  }

  TypeId GlobalType(uint32_t m, const Inst& load) const {
    if (dynamic_namespaces_ || !AllCodeVisible(m)) return kObjectType;
    std::string name(GlobalName(m, load));
    auto it = globals_[m].find(name);
    if (it == globals_[m].end() || it->second.stores == 0 || it->second.deletes != 0) return kObjectType;
    if (attribute_targets_.count(name)) return kObjectType;
    return it->second.type;
  }

  // A builtin name, when nothing in module m (or the program, by attribute)
  // can rebind it.
  bool IsBuiltin(uint32_t m, const Inst& load, std::string_view name) const {
    return load.op == Op::LoadGlobal && GlobalName(m, load) == name && IsBuiltinName(m, name);
  }

  bool IsBuiltinName(uint32_t m, std::string_view name) const {
    if (dynamic_namespaces_ || !AllCodeVisible(m) || attribute_targets_.count(std::string(name))) return false;
    auto it = globals_[m].find(std::string(name));
    return it == globals_[m].end() || (it->second.stores == 0 && it->second.deletes == 0);
  }

  // ---- known classes ----
  //
  // A module-level `class C:` (or `class C(B):` with B a known class, or
  // `class C(object):`) without decorators, keywords or a metaclass, whose
  // body is simple (ClassSummary), whose global is known as a known
  // function's is, and which defines none of the hooks that change how
  // instances are made or their attributes found (__new__, __getattr__,
  // ...), is a known class. Loading its global gives class<C>, and calling
  // that gives instance<C>: an instance of exactly C, since nothing but
  // __init__ runs between the allocation and the result.
  //
  // A method of C is a name the class or a known base binds by a plain def,
  // which no attribute store in the program can shadow or replace (the name
  // is no attribute target) -- so the function an instance<C> finds for it
  // is that def, always. Method calls and operators on instance<C> then
  // become direct calls of that def (RewriteMethodCalls); while the
  // fixpoint runs they already feed its parameters and take its result.
  // All of this needs every attribute store of the program in sight: each
  // function native (it has IR) or a simple class body.

  struct Resolved {
    bool bound = false;  // the class or a base binds the name
    FuncRef method;      // ... by a plain def
    MemberKind kind = MemberKind::Other;
  };

  struct KnownClass {
    FuncRef body;
    uint32_t base = kNoId;                           // the known base class, or none
    std::unordered_map<std::string, Resolved> own;   // what the body binds
  };

  bool ProgramVisible() const {
    for (const Module& module : program_.modules)
      for (const Function& f : module.functions)
        if (!f.native && !(f.is_class_body && f.class_summary.simple)) return false;
    return true;
  }

  // (`__slots__` is no hook: as in MicroPython, it is an ordinary class
  // attribute and instances keep a dict.)
  static bool HasInstanceHook(const Function& body) {
    static constexpr std::array<std::string_view, 8> kHooks = {
        "__new__",    "__getattr__", "__getattribute__", "__setattr__",
        "__delattr__", "__dict__",   "__class__",        "__init_subclass__"};
    for (const ClassMember& member : body.class_summary.members)
      for (std::string_view hook : kHooks)
        if (member.name == hook) return true;
    return false;
  }

  void FindKnownClasses() {
    if (dynamic_namespaces_ || attribute_targets_.count("__class__") || !ProgramVisible()) return;
    for (uint32_t m = 0; m < program_.modules.size(); ++m) {
      Function& body = program_.modules[m].functions[0];
      if (!AllCodeVisible(m) || !body.native) continue;
      for (const Block& block : body.blocks)
        for (InstId id : block.insts) FindKnownClassAt(m, body, id);
      for (const Block& block : body.blocks)
        for (InstId id : block.insts) FindClassAlias(m, body, body.insts[id]);
    }
    FindSubclassedClasses();
  }

  // `RGB = Vec` in the module body, RGB bound only there: RGB is Vec too.
  void FindClassAlias(uint32_t m, const Function& module_body, const Inst& store) {
    if (store.op != Op::StoreGlobal) return;
    const Inst& value = module_body.insts[store.ops[0]];
    auto it = value.op == Op::LoadGlobal ? class_of_global_[m].find(std::string(GlobalName(m, value)))
                                         : class_of_global_[m].end();
    std::string name(GlobalName(m, store));
    const NameUse& use = globals_[m][name];
    if (it == class_of_global_[m].end() || use.stores != 1 || use.deletes != 0 || attribute_targets_.count(name)) return;
    class_of_global_[m][name] = it->second;
  }

  // The methods of a class that others derive from also run with instances
  // of those as self, through super() or dynamic calls: their self stays
  // object (typed, their native entries would refuse such selves and run
  // the bytecode).
  void FindSubclassedClasses() {
    if (classes_.empty()) return;
    for (uint32_t m = 0; m < program_.modules.size(); ++m) {
      for (const Function& f : program_.modules[m].functions) {
        for (const Inst& call : f.insts) {
          if (call.op != Op::Call || call.ops.size() < 4 || f.insts[call.ops[0]].op != Op::LoadBuildClass) continue;
          for (size_t i = 3; i < call.ops.size(); ++i) {
            const Inst& base = f.insts[call.ops[i]];
            auto it = base.op == Op::LoadGlobal ? class_of_global_[m].find(std::string(GlobalName(m, base)))
                                                : class_of_global_[m].end();
            for (uint32_t c = it == class_of_global_[m].end() ? kNoId : it->second; c != kNoId; c = classes_[c].base)
              for (const auto& [name, resolved] : classes_[c].own)
                if (resolved.method.valid()) open_self_.insert(&FunctionOf(resolved.method));
          }
        }
      }
    }
  }

  // What a method's self parameter takes from a receiver of type t.
  TypeId SelfType(const Function& method, TypeId t) const { return open_self_.count(&method) ? kObjectType : t; }

  // `store.global C, (call load.build_class(make.function body, name[, base]))`.
  void FindKnownClassAt(uint32_t m, Function& module_body, InstId id) {
    const Inst& store = module_body.insts[id];
    if (store.op != Op::StoreGlobal) return;
    std::string name(GlobalName(m, store));
    const NameUse& use = globals_[m][name];
    if (use.stores != 1 || use.deletes != 0 || attribute_targets_.count(name)) return;
    InstId call_id = store.ops[0];
    const Inst& call = module_body.insts[call_id];
    if (call.op != Op::Call || !call.names.empty() || call.ops.size() < 3 || call.ops.size() > 4) return;
    const Inst& make = module_body.insts[call.ops[1]];
    if (module_body.insts[call.ops[0]].op != Op::LoadBuildClass || make.op != Op::MakeFunction ||
        static_cast<size_t>(make.imm) >= module_body.children.size())
      return;
    FuncRef ref{m, module_body.children[make.imm]};
    Function& class_body = FunctionOf(ref);
    if (!class_body.is_class_body || !class_body.class_summary.simple || HasInstanceHook(class_body)) return;
    KnownClass known{ref, kNoId, {}};
    if (call.ops.size() == 4) {
      const Inst& base = module_body.insts[call.ops[3]];
      auto it = base.op == Op::LoadGlobal ? class_of_global_[m].find(std::string(GlobalName(m, base)))
                                          : class_of_global_[m].end();
      if (it != class_of_global_[m].end()) {
        known.base = it->second;
      } else if (!IsBuiltin(m, base, "object")) {
        return;
      }
    }
    for (const ClassMember& member : class_body.class_summary.members) {
      auto [it, fresh] = known.own.try_emplace(member.name, Resolved{true, {}, member.kind});
      it->second.method = fresh && member.scope != kNoId ? FunctionAt(m, member.scope) : FuncRef{};
      if (!fresh) it->second.kind = MemberKind::Other;
    }
    for (const auto& [method_name, resolved] : known.own) {
      if (!resolved.method.valid()) continue;
      Function& method = FunctionOf(resolved.method);
      if (QualifiesForDirectEntry(method)) method.has_direct_entry = true;
      methods_.insert(&method);
    }
    class_body.known_class = true;
    class_of_global_[m][name] = static_cast<uint32_t>(classes_.size());
    class_index_[{ref.module, ref.function}] = static_cast<uint32_t>(classes_.size());
    class_builds_[{&module_body, call_id}] = static_cast<uint32_t>(classes_.size());
    classes_.push_back(std::move(known));
  }

  // The function of module m whose scope is `scope`.
  FuncRef FunctionAt(uint32_t m, uint32_t scope) const {
    const std::vector<Function>& functions = program_.modules[m].functions;
    for (uint32_t i = 0; i < functions.size(); ++i)
      if (functions[i].scope == scope) return FuncRef{m, i};
    return FuncRef{};
  }

  // What an instance of known class c finds for `name` in its class.
  Resolved Lookup(uint32_t c, std::string_view name) const {
    if (attribute_targets_.count(std::string(name))) return Resolved{true, {}};
    for (; c != kNoId; c = classes_[c].base) {
      auto it = classes_[c].own.find(std::string(name));
      if (it != classes_[c].own.end()) return it->second;
    }
    return Resolved{};
  }

  // The known class of an instance<C> or class<C> type, or kNoId.
  uint32_t KnownClassOf(TypeId t, TypeKind kind) const {
    const Type& type = types_.Get(t);
    if (type.kind != kind) return kNoId;
    auto it = class_index_.find({type.ref.module, type.ref.function});
    return it == class_index_.end() ? kNoId : it->second;
  }

  // The known class whose attribute `name` an attribute access on a value
  // of type t reaches: t's class for an instance<C>; for an optional
  // instance<C> too, when the name is not one None has (None has only
  // dunder attributes): then the access raises on None (see InsertNarrows)
  // and otherwise is one on instance<C>. kNoId for anything else.
  uint32_t AttributeClassOf(TypeId t, std::string_view name) const {
    return KnownClassOf(name.starts_with("__") ? t : Narrowed(t), TypeKind::Instance);
  }

  // An optional instance<C>'s instance<C> (what a narrow makes of it).
  TypeId Narrowed(TypeId t) const { return Kind(t) == TypeKind::Optional ? types_.Get(t).params[0] : t; }

  TypeId InstanceType(uint32_t c) { return types_.Intern(Type{TypeKind::Instance, {}, classes_[c].body}); }
  TypeId ClassObjectType(uint32_t c) { return types_.Intern(Type{TypeKind::Class, {}, classes_[c].body}); }

  // The method a method call, operator or unary operator on an instance of
  // a known class surely calls, with its arguments being the instruction's
  // operands in order; an invalid FuncRef when there is none.
  FuncRef MethodCallee(uint32_t m, const Function& f, const Inst& inst) {
    if (inst.ops.empty() || !inst.names.empty() || IsClone(f)) return {};
    TypeId receiver = f.insts[inst.ops[0]].type;
    uint32_t c = inst.op == Op::CallMethod ? AttributeClassOf(receiver, QstrText(m, inst.imm))
                                           : KnownClassOf(receiver, TypeKind::Instance);
    if (c == kNoId) return {};
    Resolved resolved;
    switch (inst.op) {
      case Op::CallMethod: resolved = Lookup(c, QstrText(m, inst.imm)); break;
      case Op::Unary: resolved = Lookup(c, UnaryMethod(inst.sub)); break;
      case Op::Binary: {
        uint8_t code = inst.sub;
        if (IsInplace(code)) {
          if (Lookup(c, BinaryMethod(code)).bound) return {};  // __iadd__ and the like: the generic path
          code += kInplaceToBinary;
        }
        // `x in y` asks y's __contains__. Every other operator asks the
        // left operand's class first, whatever the right operand is: the
        // runtime's order, MicroPython's (CPython would try the reflected
        // method of a right operand whose class derives from the left's
        // first; MicroPython never does).
        if (code == static_cast<uint8_t>(BinOp::In)) return {};
        resolved = Lookup(c, BinaryMethod(code));
        break;
      }
      default: return {};
    }
    if (!resolved.method.valid()) return {};
    const Function& callee = FunctionOf(resolved.method);
    if (!callee.has_direct_entry || DefaultsNeeded(callee, inst.ops.size()) < 0) return {};
    return resolved.method;
  }

  // The __init__ a call of a known class (class<C>, stored in *c) runs
  // directly: the class's plain def, taking the arguments positionally.
  FuncRef ConstructorInit(const Function& f, const Inst& call, uint32_t* c) {
    if (call.op != Op::Call || !call.names.empty() || IsClone(f)) return {};
    *c = KnownClassOf(f.insts[call.ops[0]].type, TypeKind::Class);
    if (*c == kNoId) return {};
    FuncRef init = Lookup(*c, "__init__").method;
    if (!init.valid()) return {};
    const Function& callee = FunctionOf(init);
    if (!callee.has_direct_entry || DefaultsNeeded(callee, call.ops.size()) < 0) return {};
    return init;
  }

  static std::string_view BinaryMethod(uint8_t code) {
    static constexpr std::string_view kNames[] = {
#define BINARY_OP(Name, method) #method,
#include "runtime/operator.def"
    };
    return code < std::size(kNames) ? kNames[code] : std::string_view();
  }

  static std::string_view UnaryMethod(uint8_t code) {
    auto op = static_cast<UnOp>(code);
    if (op != UnOp::Positive && op != UnOp::Negative && op != UnOp::Invert) return {};
    static constexpr std::string_view kNames[] = {
#define UNARY_OP(Name, method) #method,
#include "runtime/operator.def"
    };
    return kNames[code];
  }

  // After the fixpoint: the method calls MethodCallee resolves become
  // direct calls. An operator only when its method surely returns no
  // NotImplemented (its return type is not object), which would send
  // Python to the reflected method.
  void RewriteMethodCalls(uint32_t m) {
    if (classes_.empty()) return;
    for (Function& f : program_.modules[m].functions) {
      if (!f.native) continue;
      for (Block& block : f.blocks) {
        for (size_t at = 0; at < block.insts.size(); ++at) {
          if (RewriteConstructor(f, block, at)) continue;
          Inst& inst = f.insts[block.insts[at]];
          FuncRef callee = MethodCallee(m, f, inst);
          if (!callee.valid()) continue;
          TypeId result = DirectResult(f, inst, callee);
          if (inst.op != Op::CallMethod && (result == kObjectType || result == kUnknownType)) continue;
          inst.op = Op::CallDirect;
          inst.callee = callee;
          inst.imm = 0;
          inst.sub = 0;
          AppendDefaults(f, block, &at, FunctionOf(callee));
        }
      }
    }
  }

  // An attribute load, store or method call on an optional instance<C> that
  // inference took for one on instance<C> (AttributeClassOf) gets its
  // receiver through a narrow: on None it raises what the access raises
  // there, else it is the instance<C> itself, so that the access compiles
  // as one on instance<C> (slots, direct method calls).
  void InsertNarrows(uint32_t m) {
    for (Function& f : program_.modules[m].functions) {
      if (!f.native) continue;
      for (Block& block : f.blocks) {
        for (size_t at = 0; at < block.insts.size(); ++at) {
          InstId user = block.insts[at];
          Op op = f.insts[user].op;
          if (op != Op::LoadAttr && op != Op::StoreAttr && op != Op::CallMethod) continue;
          InstId receiver = f.insts[user].ops[0];
          TypeId type = f.insts[receiver].type;
          if (Kind(type) != TypeKind::Optional || AttributeClassOf(type, QstrText(m, f.insts[user].imm)) == kNoId)
            continue;
          Inst narrow = f.insts[user];
          narrow.op = Op::Narrow;
          narrow.sub = op == Op::StoreAttr;
          narrow.type = Narrowed(type);
          narrow.ops = {receiver};
          narrow.names.clear();
          f.insts.push_back(std::move(narrow));
          InstId id = static_cast<InstId>(f.insts.size() - 1);
          f.insts[user].ops[0] = id;
          block.insts.insert(block.insts.begin() + static_cast<std::ptrdiff_t>(at), id);
          ++at;
        }
      }
    }
  }

  // A direct call an argument of which may fail a hinted parameter's check
  // (ArgumentsFit) is guarded: `sub` 1.
  void MarkGuardedCalls() {
    for (Module& module : program_.modules) {
      for (Function& f : module.functions) {
        if (!f.native) continue;
        for (const Block& block : f.blocks) {
          for (InstId id : block.insts) {
            Inst& inst = f.insts[id];
            if (inst.op == Op::CallDirect) inst.sub = !ArgumentsFit(f, inst, FunctionOf(inst.callee), false);
          }
        }
      }
    }
  }

  // `C(args)` with C class<C> whose __init__ is known (ConstructorInit) and
  // surely returns None (else TypeError): the call becomes new.instance C,
  // and a direct call of __init__ with it and the arguments follows.
  // Returns whether it rewrote block.insts[at] (and inserted the call).
  bool RewriteConstructor(Function& f, Block& block, size_t at) {
    InstId id = block.insts[at];
    uint32_t c = kNoId;
    FuncRef init = ConstructorInit(f, f.insts[id], &c);
    if (!init.valid() || FunctionOf(init).return_type != kNoneType) return false;
    // A guarded call of __init__ may run its generic clone: that must surely
    // return None too (the call's result is dropped, not checked).
    uint32_t generic = FunctionOf(init).generic;
    if (generic != kNoId && program_.modules[init.module].functions[generic].return_type != kNoneType) return false;
    Inst call = f.insts[id];
    Inst& made = f.insts[id];
    made.op = Op::NewInstance;
    made.ops = {call.ops[0]};
    Inst init_call = call;
    init_call.op = Op::CallDirect;
    init_call.callee = init;
    init_call.ops[0] = id;
    init_call.type = kNoneType;
    f.insts.push_back(std::move(init_call));
    block.insts.insert(block.insts.begin() + static_cast<std::ptrdiff_t>(at) + 1, static_cast<InstId>(f.insts.size() - 1));
    size_t init_at = at + 1;
    AppendDefaults(f, block, &init_at, FunctionOf(init));
    return true;
  }

  // ---- direct calls ----

  Function& FunctionOf(FuncRef ref) { return program_.modules[ref.module].functions[ref.function]; }

  bool QualifiesForDirectEntry(const Function& f) const {
    if (!f.native || f.is_generator || f.is_module_body || f.is_class_body) return false;
    if (f.signature.scope_flags & (bytecode::kScopeVarArgs | bytecode::kScopeVarKeywords | bytecode::kScopeGenerator))
      return false;
    if (f.signature.n_kwonly_args != 0) return false;
    // Own cells are fine (a direct call wraps a cell parameter's argument in
    // a new cell, as the VM's argument binding does); free variables need
    // the closure, which a direct call does not have.
    for (const Local& local : f.locals) {
      if (local.kind == LocalKind::Free) return false;
    }
    return true;
  }

  // Locals of `f` bound once, to a function `f` defines (a nested def
  // without free variables, e.g. a helper inside a benchmark function).
  std::unordered_map<LocalId, FuncRef> LocalFunctions(uint32_t m, const Function& f) const {
    std::vector<int> stores(f.locals.size(), 0);
    std::unordered_map<LocalId, FuncRef> made;
    for (const Block& block : f.blocks) {
      for (InstId id : block.insts) {
        const Inst& inst = f.insts[id];
        if (inst.op == Op::DeleteLocal || (inst.op == Op::LoadLocal && inst.sub == 1)) stores[inst.imm] += 2;
        if (inst.op != Op::StoreLocal) continue;
        ++stores[inst.imm];
        const Inst& value = f.insts[inst.ops[0]];
        if (value.op == Op::MakeFunction && static_cast<size_t>(value.imm) < f.children.size())
          made[inst.imm] = FuncRef{m, f.children[value.imm]};
      }
    }
    std::erase_if(made, [&](const auto& entry) {
      const Local& local = f.locals[entry.first];
      return stores[entry.first] != 1 || local.is_cell || local.kind != LocalKind::Var;
    });
    return made;
  }

  // A call of a known function that passes positional parameters by
  // keyword, or omits trailing ones whose defaults are constants
  // (Function::constant_defaults), becomes a call with exactly the
  // positional parameters, in order, so that it may become
  // direct. The keyword arguments were evaluated in source order before the
  // call either way; the def's function is the only one the name is ever
  // bound to, and its defaults were made from the same constants (a
  // program that stores a `__defaults__` attribute is left alone).
  void BindKnownCalls(uint32_t m) {
    if (attribute_targets_.count("__defaults__")) return;
    for (Function& caller : program_.modules[m].functions) {
      if (!caller.native) continue;
      for (BlockId b = 0; b < caller.blocks.size(); ++b) {
        std::vector<InstId> insts;
        for (InstId id : caller.blocks[b].insts) {
          BindKnownCall(m, caller, id, b, &insts);
          insts.push_back(id);
        }
        caller.blocks[b].insts = std::move(insts);
      }
    }
  }

  // Rewrites call `id` (see BindKnownCalls) when every positional
  // parameter gets exactly one value, adding the defaults' constants to
  // `insts` (block b, before the call).
  void BindKnownCall(uint32_t m, Function& caller, InstId id, BlockId b, std::vector<InstId>* insts) {
    const Inst& call = caller.insts[id];
    if (call.op != Op::Call) return;
    const FuncRef* ref = KnownFunction(m, CalleeOf(caller, call));
    if (!ref) return;
    const Function& callee = program_.modules[ref->module].functions[ref->function];
    size_t n_params = callee.signature.n_pos_args, n_defaults = callee.constant_defaults.size();
    size_t n_positional = call.ops.size() - 1 - call.names.size();
    if (n_positional > n_params || (call.names.empty() && n_positional == n_params)) return;
    std::vector<InstId> bound(n_params, kNoId);
    for (size_t i = 0; i < n_positional; ++i) bound[i] = call.ops[1 + i];
    for (size_t k = 0; k < call.names.size(); ++k) {
      size_t slot = ParameterNamed(callee, QstrText(m, call.names[k]));
      if (slot >= n_params || bound[slot] != kNoId) return;  // the runtime raises the TypeError
      bound[slot] = call.ops[1 + n_positional + k];
    }
    for (size_t slot = 0; slot < n_params; ++slot)
      if (bound[slot] == kNoId && slot + n_defaults < n_params) return;  // no constant default: the runtime decides
    uint32_t offset = call.offset;
    for (size_t slot = 0; slot < n_params; ++slot) {
      if (bound[slot] != kNoId) continue;
      bound[slot] = AddDefault(caller, callee, slot, b, offset);  // (invalidates `call`)
      insts->push_back(bound[slot]);
    }
    Inst& rewritten = caller.insts[id];
    rewritten.ops.resize(1);
    rewritten.ops.insert(rewritten.ops.end(), bound.begin(), bound.end());
    rewritten.names.clear();
  }

  // The slot of callee's positional parameter `name` (past them: none).
  static size_t ParameterNamed(const Function& callee, std::string_view name) {
    for (const Local& local : callee.locals) {
      bool parameter = local.kind == LocalKind::Param || local.kind == LocalKind::Cell;
      if (parameter && local.slot < callee.signature.n_pos_args && local.name == name) return local.slot;
    }
    return callee.signature.n_pos_args;
  }

  void RewriteDirectCalls(uint32_t m) {
    for (uint32_t index = 0; index < program_.modules[m].functions.size(); ++index) {
      Function& caller = program_.modules[m].functions[index];
      if (!caller.native) continue;
      local_functions_ = LocalFunctions(m, caller);
      std::vector<uint32_t> uses(caller.insts.size(), 0);
      for (const Inst& inst : caller.insts)
        for (InstId op : inst.ops) ++uses[op];
      for (Block& block : caller.blocks) {
        for (InstId id : block.insts) RewriteCall(m, index, id, uses);
        std::erase_if(block.insts, [&](InstId id) { return dropped_.count({&caller, id}) != 0; });
      }
    }
  }

  void RewriteCall(uint32_t m, uint32_t caller_index, InstId id, const std::vector<uint32_t>& uses) {
    Function& caller = program_.modules[m].functions[caller_index];
    Inst& call = caller.insts[id];
    if (call.op != Op::Call || !call.names.empty()) return;
    InstId callee_load = call.ops[0];
    const Inst& load = caller.insts[callee_load];
    const FuncRef* ref = KnownFunction(m, CalleeOf(caller, call));
    if (load.op == Op::LoadLocal) {
      auto it = local_functions_.find(static_cast<LocalId>(load.imm));
      if (it != local_functions_.end()) ref = &it->second;
    }
    if (!ref) return;
    Function& callee = FunctionOf(*ref);
    if (!QualifiesForDirectEntry(callee) || call.ops.size() - 1 != callee.signature.n_pos_args) return;
    callee.has_direct_entry = true;
    call.op = Op::CallDirect;
    call.callee = *ref;
    call.ops.erase(call.ops.begin());
    // The global's load is only there for the call, and for its NameError
    // before the def ran: drop it when the def surely has (its helper call
    // could not be removed later, it may raise).
    bool def_ran = load.op != Op::LoadGlobal || FuncRef{m, caller_index} == *ref ||
                   DefsRunAt(caller_index, id).count(std::string(GlobalName(m, load))) != 0;
    if (uses[callee_load] == 1 && def_ran) dropped_.insert({&caller, callee_load});
  }

  // ---- generator expressions fused into their consumer ----
  //
  // `list(g)`, `set(g)`, `tuple(g)`, `sorted(g)` (the builtins, by
  // IsBuiltin) and `"sep".join(g)` of a generator expression g gather all
  // of g's items before anything else happens to them (join and sorted make
  // a list first, tuple and list copy, set adds each as it comes). So g may
  // gather them itself (MakeCollector), called directly with its cells and
  // first iterator: into the set or list that set() or list() would have
  // made, which then replaces that call (when it comes right after g's, so
  // nothing runs in between), or into a list for the others.

  enum class Consumer { kNone, kList, kSet, kOther };

  Consumer ConsumerOf(uint32_t m, const Function& f, const Inst& call, InstId generator) const {
    if (!call.names.empty() || call.ops.size() != 2 || call.ops[1] != generator) return Consumer::kNone;
    const Inst& callee = f.insts[call.ops[0]];
    if (call.op == Op::CallMethod) {
      bool str_receiver = callee.op == Op::ConstQstr ||
                          (callee.op == Op::ConstObj && IsStrConstant(program_.modules[m], callee.imm));
      return str_receiver && QstrText(m, call.imm) == "join" ? Consumer::kOther : Consumer::kNone;
    }
    if (call.op != Op::Call) return Consumer::kNone;
    if (IsBuiltin(m, callee, "list")) return Consumer::kList;
    if (IsBuiltin(m, callee, "set")) return Consumer::kSet;
    if (IsBuiltin(m, callee, "tuple") || IsBuiltin(m, callee, "sorted")) return Consumer::kOther;
    return Consumer::kNone;
  }

  void FuseGeneratorExpressions(uint32_t m) {
    for (Function& f : program_.modules[m].functions) {
      if (!f.native) continue;
      std::vector<uint32_t> uses = CountUses(f);
      for (Block& block : f.blocks) {
        for (size_t i = 0; i + 1 < block.insts.size(); ++i) FuseAt(m, f, block, i, uses);
        std::erase_if(block.insts, [&](InstId id) { return dropped_.count({&f, id}) != 0; });
      }
    }
  }

  // block.insts[at]: g's call, `call (make.function g)(iterator)`.
  void FuseAt(uint32_t m, Function& f, Block& block, size_t at, const std::vector<uint32_t>& uses) {
    InstId call_id = block.insts[at];
    const Inst& call = f.insts[call_id];
    if (call.op != Op::Call || call.ops.size() != 2 || !call.names.empty() || uses[call_id] != 1) return;
    InstId make_id = call.ops[0];
    const Inst& make = f.insts[make_id];
    if (make.op != Op::MakeFunction || uses[make_id] != 1 || make.imm < 0 ||
        static_cast<size_t>(make.imm) >= f.children.size())
      return;
    FuncRef ref{m, f.children[make.imm]};
    Function& g = FunctionOf(ref);
    if (!CanCollect(g) || make.ops.size() - 2 + 1 != g.n_slots) return;
    auto reads_call = [&](size_t i) {
      const std::vector<InstId>& ops = f.insts[block.insts[i]].ops;
      return std::find(ops.begin(), ops.end(), call_id) != ops.end();
    };
    size_t consumer_at = at + 1;
    while (consumer_at < block.insts.size() && !reads_call(consumer_at)) ++consumer_at;
    if (consumer_at == block.insts.size()) return;
    InstId consumer_id = block.insts[consumer_at];
    Consumer consumer = ConsumerOf(m, f, f.insts[consumer_id], call_id);
    bool replaces_consumer = consumer == Consumer::kList || consumer == Consumer::kSet;
    if (consumer == Consumer::kNone || (replaces_consumer && consumer_at != at + 1)) return;

    MakeCollector(g, consumer == Consumer::kSet ? Op::SetAdd : Op::ListAppend);
    std::vector<InstId> args(make.ops.begin() + 2, make.ops.end());  // the cells, in g's slot order
    args.push_back(call.ops[1]);
    Inst& direct = f.insts[replaces_consumer ? consumer_id : call_id];
    InstId builtin = f.insts[consumer_id].ops[0];
    direct.op = Op::CallDirect;
    direct.callee = ref;
    direct.ops = std::move(args);
    dropped_.insert({&f, make_id});
    if (replaces_consumer) {
      dropped_.insert({&f, call_id});
      if (uses[builtin] == 1) dropped_.insert({&f, builtin});  // a builtin's load cannot raise
    }
  }

  // ---- the def before the call ----
  //
  // Which known functions' defs surely ran, at each call of the module
  // body (a forward must-analysis of its stores over its blocks) and
  // whenever each other function runs. A function runs only after its
  // MakeFunction ran, so it has what is surely stored there; and when its
  // global is only ever loaded to be called, only at those calls, so it
  // also has what is surely stored at every one of them (a greatest
  // fixpoint: the calls may be its own). A function calling itself has
  // surely run its own def (its body runs, so the def's store followed the
  // MakeFunction that nothing separates from it).

  using NameSet = std::set<std::string>;
  struct Site {
    uint32_t function;
    InstId inst;
  };

  const NameSet& DefsRunAt(uint32_t function, InstId inst) const {
    if (function != 0) return defs_run_in_[function];
    auto it = defs_run_before_.find(inst);
    return it != defs_run_before_.end() ? it->second : empty_names_;
  }

  void FindDefsRun(uint32_t m) {
    const std::vector<Function>& functions = program_.modules[m].functions;
    defs_run_before_.clear();
    defs_run_in_.assign(functions.size(), NameSet{});
    if (known_[m].empty() || functions.empty()) return;
    NameSet known;
    std::vector<const std::string*> global_of(functions.size(), nullptr);  // the known global f is the def of
    for (const auto& [name, ref] : known_[m]) {
      known.insert(name);
      global_of[ref.function] = &name;
    }
    FindModuleBodyStores(m, known);
    std::vector<Site> created(functions.size(), Site{kNoId, kNoId});
    std::vector<std::vector<Site>> called(functions.size());
    std::set<std::string> escaped;  // loaded for anything but a call
    for (uint32_t f = 0; f < functions.size(); ++f) FindSites(m, f, created, called, escaped);
    for (uint32_t f = 1; f < functions.size(); ++f) defs_run_in_[f] = created[f].function == kNoId ? NameSet{} : known;
    for (bool changed = true; changed;) {
      changed = false;
      for (uint32_t f = 1; f < functions.size(); ++f) {
        if (created[f].function == kNoId) continue;
        NameSet names = DefsRunAt(created[f].function, created[f].inst);
        if (global_of[f] && !escaped.count(*global_of[f]) && !called[f].empty()) {
          NameSet at_calls = DefsRunAtEvery(called[f]);
          names.insert(at_calls.begin(), at_calls.end());
        }
        if (names != defs_run_in_[f]) {
          defs_run_in_[f] = std::move(names);
          changed = true;
        }
      }
    }
  }

  NameSet DefsRunAtEvery(const std::vector<Site>& sites) const {
    NameSet names = DefsRunAt(sites[0].function, sites[0].inst);
    for (const Site& site : sites) {
      const NameSet& here = DefsRunAt(site.function, site.inst);
      std::erase_if(names, [&](const std::string& name) { return !here.count(name); });
    }
    return names;
  }

  // The module body's known-function stores: what is surely stored before
  // each of its calls and function creations.
  void FindModuleBodyStores(uint32_t m, const NameSet& known) {
    const Function& body = program_.modules[m].functions[0];
    std::vector<std::optional<NameSet>> entry(body.blocks.size());
    auto run_block = [&](BlockId b, bool record) {
      NameSet stored = *entry[b];
      for (InstId id : body.blocks[b].insts) {
        const Inst& inst = body.insts[id];
        if (record && (inst.op == Op::Call || inst.op == Op::MakeFunction)) defs_run_before_[id] = stored;
        if (inst.op == Op::StoreGlobal && known.count(std::string(GlobalName(m, inst))))
          stored.insert(std::string(GlobalName(m, inst)));
      }
      return stored;
    };
    std::vector<BlockId> work{0};
    entry[0] = NameSet{};
    while (!work.empty()) {
      BlockId b = work.back();
      work.pop_back();
      NameSet out = run_block(b, false);
      for (BlockId t : body.insts[body.blocks[b].insts.back()].target) {
        if (t == kNoId) continue;
        if (!entry[t]) {
          entry[t] = out;
        } else {
          size_t before = entry[t]->size();
          std::erase_if(*entry[t], [&](const std::string& name) { return !out.count(name); });
          if (entry[t]->size() == before) continue;
        }
        work.push_back(t);
      }
    }
    for (BlockId b = 0; b < body.blocks.size(); ++b)
      if (entry[b]) run_block(b, true);
  }

  // Where function f of module m creates its children, and calls known
  // functions by their global.
  void FindSites(uint32_t m, uint32_t f, std::vector<Site>& created, std::vector<std::vector<Site>>& called,
                 std::set<std::string>& escaped) const {
    const Function& function = program_.modules[m].functions[f];
    for (const Block& block : function.blocks) {
      for (InstId id : block.insts) {
        const Inst& inst = function.insts[id];
        if (inst.op == Op::MakeFunction && static_cast<size_t>(inst.imm) < function.children.size())
          created[function.children[inst.imm]] = Site{f, id};
        for (size_t k = 0; k < inst.ops.size(); ++k) {
          const FuncRef* ref = KnownFunction(m, function.insts[inst.ops[k]]);
          if (!ref) continue;
          if (inst.op == Op::Call && k == 0) {
            called[ref->function].push_back(Site{f, id});
          } else {
            escaped.insert(std::string(GlobalName(m, function.insts[inst.ops[k]])));
          }
        }
      }
    }
  }

  // ---- list element types (see the top of the file) ----

  // The FuncRef::module that marks list<C> (the class in FuncRef::function).
  static constexpr uint32_t kListClassModule = kNoId - 1;

  struct ListClass {
    uint32_t parent;  // union-find: itself for a representative
    TypeId element;   // the join of what is stored (Object once escaped)
    bool escaped;
  };

  bool IsTracked(TypeId t) const {
    const Type& type = types_.Get(t);
    return type.kind == TypeKind::List && type.ref.module == kListClassModule;
  }

  uint32_t FindClass(uint32_t c) {
    while (list_classes_[c].parent != c) {
      list_classes_[c].parent = list_classes_[list_classes_[c].parent].parent;  // path halving
      c = list_classes_[c].parent;
    }
    return c;
  }

  uint32_t ClassOf(TypeId list) { return FindClass(types_.Get(list).ref.function); }
  TypeId ClassType(uint32_t c) { return types_.Intern(Type{TypeKind::List, {}, FuncRef{kListClassModule, FindClass(c)}}); }
  TypeId Canonical(TypeId t) { return IsTracked(t) ? ClassType(ClassOf(t)) : t; }

  // The class of the lists the build.list `id` of `f` creates.
  uint32_t SiteClass(const Function& f, InstId id) {
    auto [it, fresh] = site_classes_.try_emplace({&f, id}, static_cast<uint32_t>(list_classes_.size()));
    if (fresh) list_classes_.push_back(ListClass{it->second, kUnknownType, false});
    return it->second;
  }

  // Whether `store` (a StoreSubscr) stores into a slice: lst[a:b:c] = value.
  static bool IsSliceIndex(const Function& f, const Inst& store) {
    return f.insts[store.ops[1]].op == Op::BuildSlice;
  }

  // `call` is `list(x)` of the builtin list with one argument that is a
  // range or a tracked list: that argument (else kNoId). The call makes a
  // new tracked list (its own class) of ints or of the tracked list's items.
  InstId ListCopySource(uint32_t m, const Function& f, const Inst& call) {
    if (call.ops.size() != 2 || !call.names.empty() || !IsBuiltin(m, f.insts[call.ops[0]], "list")) return kNoId;
    TypeId source = f.insts[call.ops[1]].type;
    return Kind(source) == TypeKind::Range || IsTracked(source) ? call.ops[1] : kNoId;
  }
  TypeId ListCopyElement(uint32_t m, const Function& f, const Inst& call) {
    TypeId source = f.insts[ListCopySource(m, f, call)].type;
    return Kind(source) == TypeKind::Range ? kIntType : ElementOf(source);
  }

  // The items of a list type (Unknown while nothing was stored).
  TypeId ElementOf(TypeId list) {
    if (IsTracked(list)) return list_classes_[ClassOf(list)].element;
    const Type& t = types_.Get(list);
    return t.kind == TypeKind::List && !t.params.empty() ? t.params[0] : kObjectType;
  }

  // TypeTable::Join, except where lists of tracked classes meet: with each other
  // they merge their classes, with anything else they escape.
  TypeId JoinTypes(TypeId a, TypeId b) {
    a = Canonical(a);
    b = Canonical(b);
    if (a == b || b == kUnknownType) return a;
    if (a == kUnknownType) return b;
    bool tracked_a = IsTracked(a), tracked_b = IsTracked(b);
    if (tracked_a && tracked_b) return ClassType(MergeClasses(ClassOf(a), ClassOf(b)));
    if (tracked_a || tracked_b) {
      EscapeType(a);
      EscapeType(b);
      return kObjectType;
    }
    return types_.Join(a, b);
  }

  uint32_t MergeClasses(uint32_t a, uint32_t b) {
    a = FindClass(a);
    b = FindClass(b);
    if (a == b) return a;
    list_classes_[b].parent = a;
    changed_ = true;
    TypeId element_b = list_classes_[b].element;
    if (list_classes_[b].escaped) EscapeClass(a);
    RaiseElement(a, element_b);
    return FindClass(a);
  }

  // `t` is stored into a list of class `c`.
  void RaiseElement(uint32_t c, TypeId t) {
    c = FindClass(c);
    if (list_classes_[c].escaped) return EscapeType(t);
    TypeId joined = JoinTypes(list_classes_[c].element, Bounded(t));
    c = FindClass(c);  // the join may have merged c into another class
    if (list_classes_[c].escaped) return EscapeType(joined);
    if (joined != list_classes_[c].element) {
      list_classes_[c].element = joined;
      changed_ = true;
    }
  }

  void EscapeClass(uint32_t c) {
    c = FindClass(c);
    if (list_classes_[c].escaped) return;
    list_classes_[c].escaped = true;
    TypeId element = list_classes_[c].element;
    list_classes_[c].element = kObjectType;
    changed_ = true;
    EscapeType(element);  // what its lists hold is reachable by whoever got one
  }

  // Every tracked class in `t` (a tracked list, or a parameter of it).
  void EscapeType(TypeId t) {
    if (IsTracked(t)) return EscapeClass(ClassOf(t));
    std::vector<TypeId> params = types_.Get(t).params;  // a copy: escaping may intern
    for (TypeId param : params) EscapeType(param);
  }

  // The type of a for loop's item: the items of what the loop's iterator
  // local was made from (FindForIterators), else Object.
  TypeId ForItemType(const Function& f, const Inst& for_iter) {
    const Inst& load = f.insts[for_iter.ops[0]];
    if (load.op != Op::LoadLocal) return kObjectType;
    InstId get_iter = ForIterators(f)[load.imm];
    if (get_iter == kNoId) return kObjectType;
    return ItemType(f.insts[f.insts[get_iter].ops[0]].type);
  }

  // The type of the items iterating `iterable` gives (a for loop's, an
  // unpacking's).
  TypeId ItemType(TypeId iterable) {
    if (IsUnknown(iterable)) return kUnknownType;
    switch (Kind(iterable)) {
      case TypeKind::List: return ElementOf(iterable);
      case TypeKind::Range:
      case TypeKind::Bytes:
      case TypeKind::ByteArray: return kIntType;
      case TypeKind::Str: return kStrType;
      case TypeKind::Tuple: {
        const std::vector<TypeId> items = types_.Get(iterable).params;  // a copy: Join may grow the table
        if (items.empty()) return kObjectType;  // of unknown length
        TypeId joined = kUnknownType;
        for (TypeId item : items) joined = types_.Join(joined, item);
        return joined;
      }
      default: return kObjectType;
    }
  }

  const std::vector<InstId>& ForIterators(const Function& f) {
    auto [it, fresh] = for_iterators_.try_emplace(&f);
    if (fresh) it->second = FindForIterators(f);
    return it->second;
  }

  bool IsForIteratorSource(const Function& f, InstId get_iter) {
    for (InstId source : ForIterators(f))
      if (source == get_iter) return true;
    return false;
  }

  // The stores into tracked lists: build.list items, list.append (list
  // comprehensions), lst[i] = v, and the list methods that add items.
  void StoreListElements(uint32_t m, Function& f, InstId id) {
    const Inst& inst = f.insts[id];
    auto operand = [&](size_t i) { return f.insts[inst.ops[i]].type; };
    switch (inst.op) {
      case Op::BuildList: {
        uint32_t c = SiteClass(f, id);
        for (size_t i = 0; i < inst.ops.size(); ++i) RaiseElement(c, operand(i));
        return;
      }
      case Op::ListAppend:
        if (IsTracked(operand(0))) RaiseElement(ClassOf(operand(0)), operand(1));
        return;
      case Op::StoreSubscr:
        if (!IsTracked(operand(0))) return;
        if (IsIntLike(operand(1))) RaiseElement(ClassOf(operand(0)), operand(2));
        // lst[a:b] = items: the items of a list, or anything.
        if (IsSliceIndex(f, inst))
          RaiseElement(ClassOf(operand(0)), Kind(operand(2)) == TypeKind::List ? ElementOf(operand(2)) : kObjectType);
        return;
      case Op::Call:
        // list(range(...)) or list(lst): a new list of ints, or of lst's items.
        if (ListCopySource(m, f, inst) != kNoId) RaiseElement(SiteClass(f, id), ListCopyElement(m, f, inst));
        return;
      case Op::CallMethod: {
        if (!IsTracked(operand(0)) || !inst.names.empty()) return;
        std::string_view name = QstrText(m, inst.imm);
        size_t n_args = inst.ops.size() - 1;
        uint32_t c = ClassOf(operand(0));
        if (name == "append" && n_args == 1) RaiseElement(c, operand(1));
        if (name == "insert" && n_args == 2) RaiseElement(c, operand(2));
        if (name == "extend" && n_args == 1) RaiseElement(c, Kind(operand(1)) == TypeKind::List ? ElementOf(operand(1)) : kObjectType);
        return;
      }
      default: return;
    }
  }

  enum class ListUse {
    kSafe,           // reads the list, or stores typed items into it
    kElementsLeak,   // also hands its items to code that may keep them
    kEscape,         // anything else
  };

  // Escapes the class of every tracked operand of instruction `id` that is
  // not used in a known way (default deny).
  void CheckListUses(uint32_t m, Function& f, InstId id) {
    const Inst& inst = f.insts[id];
    // Decided once every operand is typed (WidenUnknown sees that they are).
    for (InstId op : inst.ops)
      if (IsUnknown(f.insts[op].type)) return;
    for (size_t i = 0; i < inst.ops.size(); ++i) {
      TypeId type = f.insts[inst.ops[i]].type;
      if (!IsTracked(type)) continue;
      switch (ClassifyListUse(m, f, id, i)) {
        case ListUse::kSafe: break;
        case ListUse::kElementsLeak: EscapeType(ElementOf(type)); break;
        case ListUse::kEscape: EscapeClass(ClassOf(type)); break;
      }
    }
  }

  ListUse ClassifyListUse(uint32_t m, const Function& f, InstId id, size_t i) {
    const Inst& inst = f.insts[id];
    auto operand = [&](size_t k) { return f.insts[inst.ops[k]].type; };
    auto safe_if = [](bool safe) { return safe ? ListUse::kSafe : ListUse::kEscape; };
    switch (inst.op) {
      case Op::StoreLocal:   // the local's type joins it (an Object local escapes it)
      case Op::StoreCell:    // so do the cell's contents
      case Op::CallDirect:   // so does the parameter's
      case Op::BuildList:    // and the new list's element type
      case Op::Is:
      case Op::Truth:
      case Op::Not:
      case Op::Reserve: return ListUse::kSafe;  // makes room in one, reads the other's length
      case Op::Return: return safe_if(DirectOnly(f));
      // lst[a:b:c]: a new list of the same items, typed with the same class.
      case Op::Subscr: return safe_if(i == 0 && (IsIntLike(operand(1)) || f.insts[inst.ops[1]].op == Op::BuildSlice));
      case Op::StoreSubscr:
      case Op::ListAppend: {
        // (A slice store copies a tracked value's items: StoreListElements.)
        bool index_ok = inst.op == Op::ListAppend || IsIntLike(operand(1)) || IsSliceIndex(f, inst);
        return safe_if(index_ok && IsTracked(operand(0)) && (i == 0 || i + 1 == inst.ops.size()));
      }
      case Op::GetIter: return safe_if(IsForIteratorSource(f, id));
      case Op::Binary: return ClassifyBinaryUse(inst.sub, i, operand(i == 0 ? 1 : 0));
      case Op::Call: return ClassifyBuiltinUse(m, f, inst, i);
      case Op::CallMethod: return ClassifyMethodUse(m, inst, i, operand(0));
      default: return ListUse::kEscape;
    }
  }

  ListUse ClassifyBinaryUse(uint8_t code, size_t i, TypeId other) {
    BinOp op = PlainBinOp(code);
    if (IsComparison(op)) return ListUse::kSafe;
    switch (op) {
      case BinOp::In: return i == 1 ? ListUse::kSafe : ListUse::kEscape;
      // lst * n (lst *= n): a new list of the same items (or lst itself),
      // typed with the same class.
      case BinOp::Multiply: return IsIntLike(other) ? ListUse::kSafe : ListUse::kEscape;
      // a + b (a += b): a new list of the items of both (or a, extended),
      // typed with the class both merge into.
      case BinOp::Add: return IsTracked(other) ? ListUse::kSafe : ListUse::kEscape;
      default: return ListUse::kEscape;
    }
  }

  ListUse ClassifyBuiltinUse(uint32_t m, const Function& f, const Inst& call, size_t i) {
    if (i == 0 || !call.names.empty()) return ListUse::kEscape;
    const Inst& callee = f.insts[call.ops[0]];
    static constexpr std::array<std::string_view, 6> kReaders = {"len", "print", "str", "repr", "bool", "id"};
    static constexpr std::array<std::string_view, 12> kItemReaders = {
        "sum", "min", "max", "sorted", "tuple", "list", "enumerate", "zip", "reversed", "any", "all", "set"};
    for (std::string_view name : kReaders)
      if (IsBuiltin(m, callee, name)) return ListUse::kSafe;
    for (std::string_view name : kItemReaders)
      if (IsBuiltin(m, callee, name)) return ListUse::kElementsLeak;
    return ListUse::kEscape;
  }

  ListUse ClassifyMethodUse(uint32_t m, const Inst& call, size_t i, TypeId receiver) {
    if (!IsTracked(receiver) || !call.names.empty()) return ListUse::kEscape;
    std::string_view name = QstrText(m, call.imm);
    size_t n_args = call.ops.size() - 1;
    if (i == 0) {
      static constexpr std::array<std::string_view, 9> kMethods = {"append", "insert", "extend", "pop",    "index",
                                                                   "count",  "remove", "clear",  "reverse"};
      for (std::string_view method : kMethods)
        if (name == method) return ListUse::kSafe;
      if (name == "sort" && n_args == 0) return ListUse::kSafe;
      if (name == "copy" && n_args == 0) return ListUse::kElementsLeak;
      return ListUse::kEscape;
    }
    // An argument: stored as an item (append, insert's second), its items
    // stored (extend), or compared with the items.
    bool stored = (name == "append" && n_args == 1) || (name == "insert" && n_args == 2 && i == 2);
    bool read = name == "extend" || name == "index" || name == "count" || name == "remove";
    return stored || read ? ListUse::kSafe : ListUse::kEscape;
  }

  // Functions whose every call is a direct call in the program's own code:
  // what they return reaches no unknown caller, and they never run their
  // bytecode. Needs every function native (bytecode could load the name)
  // or a simple class body (whose loads its summary lists), and no dynamic
  // access to namespaces.
  //
  // Methods of known classes qualify by name, in two steps. Here: no known
  // class escapes (is loaded for anything but a call, a base or
  // isinstance: whoever holds one could call its __init__ or derive from
  // it), the name is never loaded as an attribute (no bound method, no
  // `C.m`), and it is no special method the runtime calls by itself, but
  // __init__. Such a method, also a special one, of a class that no other
  // derives from has an instance of exactly its class for self whoever
  // calls it, as the only calls are method calls and operators on
  // instances whose class finds it (exact_self_): its self is instance<C>
  // from the start, and its entry's guard of self always holds.
  // While the fixpoint runs, a method call of the name that does
  // not resolve to a method (MethodCallee) makes every method of that name
  // dynamic -- or, for a call on super(), only those of classes that others
  // derive from, the only ones super() finds; a class call whose __init__
  // does not run directly (RewriteConstructor) runs that __init__
  // dynamically too, but with a new instance as self (DirectOrByConstructor).
  // In a function that may run its bytecode (MayRunBytecode) every call
  // is dynamic, direct calls included (NoteDynamicCalls).
  void FindDirectOnlyFunctions() {
    if (dynamic_namespaces_) return;
    std::set<std::pair<uint32_t, std::string>> loaded_globals;
    std::set<std::string> attribute_loads;  // attribute and imported names, class bodies' loads
    std::set<std::string> method_calls;
    bool class_escapes = false;
    for (uint32_t m = 0; m < program_.modules.size(); ++m) {
      for (const Function& f : program_.modules[m].functions) {
        if (f.is_class_body && f.class_summary.simple) {
          for (const std::string& name : f.class_summary.loads) {
            if (name == "getattr") return;
            loaded_globals.insert({m, name});
            attribute_loads.insert(name);
            if (class_of_global_[m].count(name)) class_escapes = true;
          }
          continue;
        }
        if (!f.native) return;
        for (const Block& block : f.blocks) {
          for (InstId id : block.insts) {
            const Inst& inst = f.insts[id];
            std::string name(QstrText(m, inst.imm));
            if (inst.op == Op::LoadGlobal) loaded_globals.insert({m, name});
            if (inst.op == Op::LoadAttr || inst.op == Op::ImportFrom) attribute_loads.insert(name);
            if (inst.op == Op::CallMethod) method_calls.insert(name);
            if (inst.op == Op::LoadGlobal && name == "getattr") return;
            for (size_t k = 0; k < inst.ops.size(); ++k)
              if (IsKnownClassLoad(m, f.insts[inst.ops[k]]) && !UseLeaksNoClass(m, f, inst, k)) class_escapes = true;
          }
        }
      }
    }
    for (uint32_t m = 0; m < program_.modules.size(); ++m) {
      for (const auto& [name, ref] : known_[m]) {
        if (!loaded_globals.count({m, name}) && !attribute_loads.count(name) && !method_calls.count(name))
          direct_only_.insert(&FunctionOf(ref));
      }
    }
    if (class_escapes) return;
    for (uint32_t c = 0; c < classes_.size(); ++c) {
      for (const auto& [name, resolved] : classes_[c].own) {
        if (!resolved.method.valid() || attribute_loads.count(name)) continue;
        const Function* method = &FunctionOf(resolved.method);
        if (!open_self_.count(method) && name != "__init_subclass__" && name != "__class_getitem__")
          exact_self_[method] = c;
        if (!IsSpecialName(name) || name == "__init__") direct_only_methods_[method] = name;
      }
    }
  }

  bool IsKnownClassLoad(uint32_t m, const Inst& inst) const {
    return inst.op == Op::LoadGlobal && class_of_global_[m].count(std::string(GlobalName(m, inst)));
  }

  // Whether operand k of `user`, a known class, reaches nothing that could
  // run its __init__ or methods other than by calls the fixpoint sees: it
  // is the callee of a call, a base of a class statement, isinstance's
  // class, the store of an alias (whose loads are checked the same way),
  // or the class whose attribute is loaded when that attribute holds no
  // class (AttributeLeaksNoClass).
  bool UseLeaksNoClass(uint32_t m, const Function& f, const Inst& user, size_t k) const {
    if (user.op == Op::StoreGlobal) return class_of_global_[m].count(std::string(GlobalName(m, user))) != 0;  // an alias
    if ((user.op == Op::LoadAttr || user.op == Op::CallMethod) && k == 0) {
      uint32_t c = class_of_global_[m].at(std::string(GlobalName(m, f.insts[user.ops[0]])));
      return AttributeLeaksNoClass(m, c, QstrText(m, user.imm));
    }
    if (user.op != Op::Call) return false;
    const Inst& callee = f.insts[user.ops[0]];
    return k == 0 || (callee.op == Op::LoadBuildClass && k >= 3) || (k == 2 && IsBuiltin(m, callee, "isinstance"));
  }

  // Whether `C.name`, C known class c, gives nothing that holds C: a plain
  // method (a function), a static method or a constant.
  bool AttributeLeaksNoClass(uint32_t m, uint32_t c, std::string_view name) const {
    Resolved resolved = Lookup(c, name);
    switch (resolved.kind) {
      case MemberKind::Method:
      case MemberKind::Constant: return resolved.bound;
      case MemberKind::StaticMethod: return IsBuiltinName(m, "staticmethod");
      case MemberKind::Other: return false;
    }
    return false;
  }

  bool DirectOnly(const Function& f) const { return !constructed_.count(&f) && DirectOrByConstructor(f); }

  // Whether the only calls of f other than direct ones are of its class,
  // whose __init__ f is: those pass their new instance as self.
  bool DirectOrByConstructor(const Function& f) const {
    if (dynamic_functions_.count(&f)) return false;
    if (direct_only_.count(&f)) return true;
    auto it = direct_only_methods_.find(&f);
    if (it == direct_only_methods_.end() || dynamic_method_names_.count(it->second)) return false;
    return !(open_self_.count(&f) && dynamic_super_names_.count(it->second));
  }

  // Calls that may run a function other than directly (see
  // FindDirectOnlyFunctions); `method` is what MethodCallee resolved.
  void NoteDynamicCalls(uint32_t m, const Function& f, const Inst& inst, FuncRef method) {
    if (inst.ops.empty()) return;
    bool bytecode = DynamicCode(f);
    const Inst& receiver = f.insts[inst.ops[0]];
    switch (inst.op) {
      case Op::CallDirect:
        if (bytecode || !ArgumentsFit(f, inst, FunctionOf(inst.callee), false)) NoteDynamicFunction(inst.callee);
        return;
      case Op::CallMethod: {
        if (method.valid() && !ArgumentsFit(f, inst, FunctionOf(method), false)) NoteDynamicFunction(method);
        if (!bytecode && (method.valid() || IsUnknown(receiver.type))) return;
        bool on_super = receiver.op == Op::Call && IsBuiltin(m, f.insts[receiver.ops[0]], "super");
        NoteDynamicMethod(on_super ? dynamic_super_names_ : dynamic_method_names_, std::string(QstrText(m, inst.imm)));
        return;
      }
      case Op::Call: {
        // A clone calls known functions through their entries (it makes no
        // direct calls): their guards see whatever it passes.
        const Type& callee = types_.Get(receiver.type);
        if (bytecode && callee.kind == TypeKind::Function && callee.ref.valid()) NoteDynamicFunction(callee.ref);
        uint32_t c = KnownClassOf(receiver.type, TypeKind::Class);
        FuncRef init = c == kNoId ? FuncRef{} : Lookup(c, "__init__").method;
        if (!init.valid()) return;
        bool direct = ConstructorInit(f, inst, &c).valid();
        if (direct && !ArgumentsFit(f, inst, FunctionOf(init), true)) NoteDynamicFunction(init);
        TypeId result = direct ? FunctionOf(init).return_type : kObjectType;
        if ((bytecode || (result != kNoneType && result != kUnknownType)) && constructed_.insert(&FunctionOf(init)).second)
          changed_ = true;
        return;
      }
      default: return;  // operators: special methods are never direct-only
    }
  }

  void NoteDynamicMethod(std::set<std::string>& names, const std::string& name) {
    if (names.insert(name).second) changed_ = true;
  }

  void NoteDynamicFunction(FuncRef ref) {
    if (dynamic_functions_.insert(&FunctionOf(ref)).second) changed_ = true;
  }

  // Whether f may run as bytecode with arguments other than its parameters'
  // types: its native entry guards typed parameters, and something may
  // call it other than directly.
  bool MayRunBytecode(const Function& f) const {
    if (!f.has_direct_entry || DirectOnly(f)) return false;
    // Self's guard holds for a new instance, and for a method with an exact self.
    uint32_t first = DirectOrByConstructor(f) || exact_self_.count(&f) ? 1 : 0;
    bool method = methods_.count(&f) != 0;
    for (const Local& local : f.locals) {
      if (local.kind != LocalKind::Param || local.slot < first) continue;
      if (method && !reached_parameters_.count(&local) && local.hint == kUnknownType)
        continue;  // object in the end (WidenUnreachedParameters)
      if (local.type != kObjectType && local.type != kUnknownType) return true;
    }
    return false;
  }

  // ---- cell contents ----
  //
  // A cell holds whatever the function that owns it and the closures
  // sharing it store there, so the type of its contents is the join of
  // every store.cell to any local holding it. Those locals form one group
  // (union-find): the owner's cell local, linked through the cell refs that
  // make.function passes to each closure's free variable (and a fused
  // generator expression's direct call, to its collector's), and a generic
  // clone's locals with its original's. A group holds Object when anything
  // may store to it unseen: a cell parameter (the runtime's argument
  // binding fills it), a function that is not native or may run its
  // bytecode, a cell ref used any other way, a free variable no cell ref
  // reaches. Its lists stay tracked, as a local's do. A cell local's type
  // (Local::type) is its contents' type once inference ends.

  struct CellGroup {
    uint32_t parent;  // union-find: itself for a representative
    TypeId contents;
  };

  uint32_t CellNode(const Function& f, LocalId local) {
    auto [it, fresh] = cell_nodes_.try_emplace({&f, local}, static_cast<uint32_t>(cell_groups_.size()));
    if (fresh) cell_groups_.push_back(CellGroup{it->second, kUnknownType});
    return it->second;
  }

  uint32_t FindCellGroup(uint32_t g) {
    while (cell_groups_[g].parent != g) {
      cell_groups_[g].parent = cell_groups_[cell_groups_[g].parent].parent;  // path halving
      g = cell_groups_[g].parent;
    }
    return g;
  }

  void RaiseCell(uint32_t node, TypeId type) { Raise(&cell_groups_[FindCellGroup(node)].contents, type); }
  TypeId CellContents(const Function& f, LocalId local) {
    return cell_groups_[FindCellGroup(CellNode(f, local))].contents;
  }

  void UniteCells(uint32_t a, uint32_t b) {
    a = FindCellGroup(a);
    b = FindCellGroup(b);
    if (a == b) return;
    cell_groups_[b].parent = a;
    RaiseCell(a, cell_groups_[b].contents);
  }

  void GroupCells() {
    for (uint32_t m = 0; m < program_.modules.size(); ++m)
      for (const Function& f : program_.modules[m].functions) GroupCellsOf(m, f);
    // Free variables of native functions that no cell ref of native code reaches.
    for (const Module& module : program_.modules) {
      for (const Function& f : module.functions) {
        for (LocalId l = 0; l < f.locals.size(); ++l) {
          uint32_t node = f.locals[l].kind == LocalKind::Free ? CellNode(f, l) : kNoId;
          if (node != kNoId && !linked_free_.count(node)) RaiseCell(node, kObjectType);
        }
      }
    }
  }

  void GroupCellsOf(uint32_t m, const Function& f) {
    for (LocalId l = 0; l < f.locals.size(); ++l) {
      const Local& local = f.locals[l];
      if (!local.is_cell) continue;
      uint32_t node = CellNode(f, l);
      bool cell_parameter = local.kind == LocalKind::Cell && local.slot != kNoId;
      if (!f.native || cell_parameter) RaiseCell(node, kObjectType);
      if (IsClone(f)) UniteCells(node, CellNode(program_.modules[m].functions[f.generic_of], l));
    }
    if (!f.native) return;
    for (const Inst& inst : f.insts) {
      for (size_t i = 0; i < inst.ops.size(); ++i)
        if (f.insts[inst.ops[i]].op == Op::CellRef) LinkCellRef(m, f, inst, i);
    }
  }

  // inst's operand i is a cell ref: the cell reaches the free variable
  // that slot binds in a closure made or a collector called directly.
  void LinkCellRef(uint32_t m, const Function& f, const Inst& inst, size_t i) {
    uint32_t node = CellNode(f, static_cast<LocalId>(f.insts[inst.ops[i]].imm));
    const Function* target = nullptr;
    size_t slot = i;
    if (inst.op == Op::MakeFunction && i >= 2 && inst.imm >= 0 && static_cast<size_t>(inst.imm) < f.children.size()) {
      target = &program_.modules[m].functions[f.children[inst.imm]];
      slot = i - 2;
    } else if (inst.op == Op::CallDirect) {
      target = &FunctionOf(inst.callee);
    }
    LocalId free = target && target->native ? FreeAtSlot(*target, slot) : kNoId;
    if (free == kNoId) return RaiseCell(node, kObjectType);
    uint32_t other = CellNode(*target, free);
    linked_free_.insert(other);
    UniteCells(node, other);
  }

  static LocalId FreeAtSlot(const Function& f, size_t slot) {
    for (LocalId l = 0; l < f.locals.size(); ++l)
      if (f.locals[l].kind == LocalKind::Free && f.locals[l].slot == slot) return l;
    return kNoId;
  }

  // A store or load in code whose bytecode may run: what it stores is
  // unknown, what it loads goes anywhere.
  void NoteCellAccess(const Function& f, const Inst& inst) {
    if (BytecodeMayRun(f)) RaiseCell(CellNode(f, static_cast<LocalId>(inst.imm)), kObjectType);
  }

  void SetCellTypes() {
    for (Module& module : program_.modules) {
      for (Function& f : module.functions) {
        for (LocalId l = 0; l < f.locals.size(); ++l) {
          if (!f.locals[l].is_cell) continue;
          TypeId contents = CellContents(f, l);
          f.locals[l].type = contents == kUnknownType ? kObjectType : contents;
        }
      }
    }
  }

  // ---- fields of known classes ----
  //
  // An attribute x that neither a known class C nor a base binds in its
  // body is a field of C's instances: `o.x` on an instance<C> yields what a
  // store put there, so its type is the join of the values of every store
  // `p.x = v` with p an instance<C>. That holds while every store of x the
  // program may run is such a store, so x is untyped in every class
  // (untyped_fields_) once one is not:
  //  - a store whose receiver may be something else (object, a class, a
  //    module), or `del p.x`;
  //  - a store in a function that may run its bytecode with other argument
  //    types (MayRunBytecode);
  //  - no other bytecode stores attributes: known classes need every
  //    function native or a simple class body, and no setattr or __dict__.
  // A field never stored stays Unknown: its loads raise AttributeError.

  TypeId FieldType(uint32_t c, const std::string& name) const {
    if (untyped_fields_.count(name) || BoundInClass(c, name)) return kObjectType;
    auto it = fields_.find({c, name});
    return it == fields_.end() ? kUnknownType : it->second;
  }

  bool BoundInClass(uint32_t c, const std::string& name) const {
    for (; c != kNoId; c = classes_[c].base)
      if (classes_[c].own.count(name)) return true;
    return false;
  }

  // After the fixpoint: a known class's layout (runtime/class.h) is every
  // name that stores on its instances put there and the class does not
  // bind (only names its module has a qstr for, at most kMaxLayout). Loads
  // and stores of a typed field (not untyped_fields_) on instance<C> then
  // name their slot: nothing can make such a name anything but the
  // instance's own attribute (no class attribute, property or hook).
  static constexpr size_t kMaxLayout = 254;  // 1 + slot fits Inst::sub

  void AssignLayouts() {
    if (classes_.empty()) return;
    std::vector<std::map<std::string, uint8_t>> slots(classes_.size());
    ForEachInstanceAttr([&](Inst& inst, uint32_t c, const std::string& name) {
      if (inst.op == Op::StoreAttr && !BoundInClass(c, name)) slots[c].try_emplace(name, 0);
    });
    for (uint32_t c = 0; c < classes_.size(); ++c) {
      Function& body = FunctionOf(classes_[c].body);
      const std::vector<std::string>& qstrs = program_.modules[classes_[c].body.module].qstrs;
      for (auto it = slots[c].begin(); it != slots[c].end();) {
        auto q = std::find(qstrs.begin(), qstrs.end(), it->first);
        if (q == qstrs.end() || body.class_layout.size() == kMaxLayout) {
          it = slots[c].erase(it);
          continue;
        }
        it->second = static_cast<uint8_t>(body.class_layout.size());
        body.class_layout.push_back(q - qstrs.begin());
        ++it;
      }
    }
    ForEachInstanceAttr([&](Inst& inst, uint32_t c, const std::string& name) {
      auto it = slots[c].find(name);
      if (it != slots[c].end() && !untyped_fields_.count(name)) inst.sub = static_cast<uint8_t>(it->second + 1);
    });
  }

  // visit(inst, c, name) for every load.attr and store.attr on an instance<C>.
  template <typename Visit>
  void ForEachInstanceAttr(Visit visit) {
    for (uint32_t m = 0; m < program_.modules.size(); ++m) {
      for (Function& f : program_.modules[m].functions) {
        if (!f.native) continue;
        for (const Block& block : f.blocks) {
          for (InstId id : block.insts) {
            Inst& inst = f.insts[id];
            if (inst.op != Op::LoadAttr && inst.op != Op::StoreAttr) continue;
            std::string_view name = QstrText(m, inst.imm);
            uint32_t c = AttributeClassOf(f.insts[inst.ops[0]].type, name);
            if (c != kNoId) visit(inst, c, std::string(name));
          }
        }
      }
    }
  }

  void StoreField(uint32_t m, const Function& f, const Inst& store) {
    std::string name(QstrText(m, store.imm));
    TypeId receiver = f.insts[store.ops[0]].type;
    uint32_t c = AttributeClassOf(receiver, name);
    if (store.op == Op::DeleteAttr || BytecodeMayRun(f) || (c == kNoId && !IsUnknown(receiver))) {
      if (untyped_fields_.insert(name).second) changed_ = true;
      return;
    }
    if (c != kNoId) Raise(&fields_[{c, name}], f.insts[store.ops[1]].type);
  }

  // list<C> becomes list[element type of C] everywhere (nested lists to
  // the depth Bounded allows).
  void FinishListTypes() {
    if (list_classes_.empty()) return;
    for (Module& module : program_.modules) {
      for (Function& f : module.functions) {
        if (!f.native) continue;
        for (Inst& inst : f.insts) inst.type = FinalType(inst.type, 0);
        for (Local& local : f.locals) local.type = FinalType(local.type, 0);
        f.return_type = FinalType(f.return_type, 0);
      }
    }
  }

  TypeId FinalType(TypeId t, int depth) {
    if (IsTracked(t)) {
      TypeId element = list_classes_[ClassOf(t)].element;
      if (element == kUnknownType || depth >= 2) element = kObjectType;
      return types_.Intern(Type{TypeKind::List, {FinalType(element, depth + 1)}, {}});
    }
    Type type = types_.Get(t);
    if (type.params.empty()) return t;
    for (TypeId& param : type.params) param = FinalType(param, depth + 1);
    return types_.Intern(type);
  }

  // ---- the fixpoint ----

  // Locals that must stay Object whatever is stored: cells, frees, and the
  // parameters of functions no direct call reaches. Locals that may be read
  // unbound or are deleted keep only types held in a Value word (null marks
  // unbound; see RaiseLocal).
  void InitLocals() {
    for (Module& module : program_.modules)
      for (Function& f : module.functions)
        if (f.native) InitFunctionLocals(f);
  }

  void InitFunctionLocals(Function& f) {
    for (Local& local : f.locals) local.type = kUnknownType;
    for (const Inst& inst : f.insts) {
      if ((inst.op == Op::LoadLocal && inst.sub == 1) || inst.op == Op::DeleteLocal) {
        f.locals[inst.imm].may_be_unbound = true;
      }
    }
    auto exact = exact_self_.find(&f);
    for (Local& local : f.locals) {
      if (local.is_cell || local.kind == LocalKind::Free || local.kind == LocalKind::Cell) local.type = kObjectType;
      if (local.kind == LocalKind::Param && !f.has_direct_entry) local.type = kObjectType;
      if (local.kind == LocalKind::Param && f.has_direct_entry && local.hint != kUnknownType && !local.speculative)
        local.type = local.hint;
      if (local.kind == LocalKind::Param && local.slot == 0 && exact != exact_self_.end() &&
          (local.type == kUnknownType || IsClone(f)))
        local.type = InstanceType(exact->second);
    }
    f.return_type = kUnknownType;
  }

  void Fixpoint() {
    changed_ = true;
    for (int round = 0; changed_ && round < 1000; ++round) {
      changed_ = false;
      for (uint32_t m = 0; m < program_.modules.size(); ++m) {
        for (Function& f : program_.modules[m].functions) {
          if (!f.native) continue;
          for (const Block& block : f.blocks)
            for (InstId id : block.insts) Transfer(m, f, id);
        }
      }
    }
  }

  void Raise(TypeId* slot, TypeId type) {
    TypeId joined = JoinTypes(*slot, Bounded(type));
    if (joined != *slot) {
      *slot = joined;
      changed_ = true;
    }
  }

  void RaiseLocal(Local* local, TypeId type) {
    Raise(&local->type, type);
    if (local->may_be_unbound && types_.RepOf(local->type) != Rep::Value && local->type != kUnknownType) {
      local->type = kObjectType;  // a float or bool has no null to mark unbound
    }
  }

  // Types nest at most two levels (list[list[float]]): deeper ones lose
  // their parameters, so the lattice has finite height.
  TypeId Bounded(TypeId type, int depth = 0) {
    const Type& t = types_.Get(type);
    if (t.params.empty()) return type;
    if (depth >= 2) return types_.Intern(Type{t.kind, {}, t.ref});
    Type copy = t;
    for (TypeId& param : copy.params) param = Bounded(param, depth + 1);
    return types_.Intern(copy);
  }

  void Transfer(uint32_t m, Function& f, InstId id) {
    Inst& inst = f.insts[id];
    FuncRef method;  // the method a call, operator or unary operator surely calls (MethodCallee)
    switch (inst.op) {
      case Op::StoreLocal: RaiseLocal(&f.locals[inst.imm], f.insts[inst.ops[0]].type); return;
      case Op::LoadGlobal:
        // A known function's global loaded in a clone may reach any call
        // (FindDirectOnlyFunctions saw only the originals' loads).
        if (const FuncRef* ref = IsClone(f) ? KnownFunction(m, inst) : nullptr) NoteDynamicFunction(*ref);
        break;
      case Op::StoreGlobal: {
        std::string name(QstrText(m, inst.imm));
        TypeId value = f.insts[inst.ops[0]].type;
        TypeId stored = GlobalValueType(f, value);
        auto it = globals_[m].find(name);
        if (it != globals_[m].end()) Raise(&it->second.type, stored);
        // Lists reach whoever loads the global: they stay tracked only when
        // every load is one inference follows with the stored type.
        if (stored != value || GlobalReadUntracked(m, name)) EscapeType(value);
        return;
      }
      case Op::ForIter: RaiseLocal(&f.locals[inst.imm], ForItemType(f, inst)); return;
      case Op::StoreCell:
        NoteCellAccess(f, inst);
        RaiseCell(CellNode(f, static_cast<LocalId>(inst.imm)), f.insts[inst.ops[0]].type);
        break;
      case Op::LoadCell: NoteCellAccess(f, inst); break;
      case Op::Return:
        Raise(&f.return_type, f.insts[inst.ops[0]].type);
        CheckListUses(m, f, id);
        return;
      case Op::CallDirect:
        RaiseParameters(f, inst, FunctionOf(inst.callee));
        NoteDynamicCalls(m, f, inst, {});
        break;
      case Op::Call: {
        uint32_t c = kNoId;
        FuncRef init = ConstructorInit(f, inst, &c);
        if (init.valid()) RaiseMethodParameters(f, inst, FunctionOf(init), InstanceType(c));  // self: the new instance
        NoteDynamicCalls(m, f, inst, {});
        break;
      }
      case Op::CallMethod:
      case Op::Binary:
      case Op::Unary:
        method = MethodCallee(m, f, inst);
        if (method.valid()) RaiseMethodParameters(f, inst, FunctionOf(method), Narrowed(f.insts[inst.ops[0]].type));
        else if (inst.op == Op::CallMethod) RaiseDynamicMethodParameters(m, f, inst);
        NoteDynamicCalls(m, f, inst, method);
        break;
      case Op::StoreAttr:
      case Op::DeleteAttr:
        if (!classes_.empty()) StoreField(m, f, inst);
        break;
      default: break;
    }
    StoreListElements(m, f, id);
    CheckListUses(m, f, id);
    if (OpFlags(inst.op) & kNoResult) {
      inst.type = kVoidType;
      return;
    }
    TypeId result = method.valid() ? DirectResult(f, inst, method) : ResultType(m, f, inst);
    if (result != inst.type) {
      // Results are recomputed from scratch, but their inputs only rise,
      // so they rise too; join to be safe against rule quirks.
      Raise(&inst.type, result);
    }
  }

  // Whether a parameter's type joins an argument of type t: not when its
  // hint is an annotation's, nor an object for a speculative one (a call
  // whose argument may not have the parameter's type is guarded).
  static bool TakesArgument(const Local& param, TypeId t) {
    if (param.hint == kUnknownType) return true;
    return param.speculative && t != kObjectType;
  }

  // ---- speculative hints ----
  //
  // A parameter of a function with a direct entry that the body uses as an
  // int (a range() bound, a list repetition count, directly or through
  // + - * // % with an int constant) is guessed to be an int: calls passing
  // an object are guarded (the generic clone runs for anything else) rather
  // than making it object, and when no call passes anything typed it takes
  // the guess (ApplySpeculativeHints, before WidenUnknown would make it
  // object). Typed arguments join as usual.
  void FindSpeculativeHints() {
    for (uint32_t m = 0; m < program_.modules.size(); ++m) {
      for (Function& f : program_.modules[m].functions) {
        if (!f.native || !f.has_direct_entry) continue;
        for (LocalId id : IntDemandedParameters(m, f)) Speculate(&f.locals[id], kIntType);
      }
    }
  }

  static void Speculate(Local* param, TypeId guess) {
    if (param->hint != kUnknownType) return;
    param->hint = guess;
    param->speculative = true;
  }

  std::set<LocalId> IntDemandedParameters(uint32_t m, const Function& f) const {
    std::set<LocalId> params;
    std::vector<bool> demanded(f.insts.size(), false);
    auto is_int_constant = [&](InstId id) { return f.insts[id].op == Op::ConstInt; };
    for (const Block& block : f.blocks) {
      for (auto it = block.insts.rbegin(); it != block.insts.rend(); ++it) {
        const Inst& inst = f.insts[*it];
        switch (inst.op) {
          case Op::ToIndex:  // a range loop's bound
            demanded[inst.ops[0]] = true;
            break;
          case Op::Call:
            if (IsBuiltin(m, f.insts[inst.ops[0]], "range"))
              for (size_t k = 1; k < inst.ops.size(); ++k) demanded[inst.ops[k]] = true;
            break;
          case Op::Binary: {
            auto op = static_cast<BinOp>(inst.sub);
            if (op == BinOp::Multiply && inst.ops.size() == 2) {
              for (size_t k = 0; k < 2; ++k)
                if (f.insts[inst.ops[1 - k]].op == Op::BuildList) demanded[inst.ops[k]] = true;
            }
            bool int_arithmetic = op == BinOp::Add || op == BinOp::Subtract || op == BinOp::Multiply ||
                                  op == BinOp::FloorDivide || op == BinOp::Modulo;
            if (demanded[*it] && int_arithmetic && inst.ops.size() == 2) {
              if (is_int_constant(inst.ops[1])) demanded[inst.ops[0]] = true;
              if (is_int_constant(inst.ops[0])) demanded[inst.ops[1]] = true;
            }
            break;
          }
          case Op::LoadLocal:
            if (demanded[*it] && f.locals[inst.imm].kind == LocalKind::Param) params.insert(static_cast<LocalId>(inst.imm));
            break;
          default: break;
        }
      }
    }
    return params;
  }

  // Speculative parameters no typed argument reached take their guess.
  bool ApplySpeculativeHints() {
    bool applied = false;
    for (Module& module : program_.modules) {
      for (Function& f : module.functions) {
        if (!f.native || IsClone(f)) continue;
        for (Local& local : f.locals) {
          if (!local.speculative || local.type != kUnknownType) continue;
          local.type = local.hint;
          applied = true;
        }
      }
    }
    if (applied) changed_ = true;
    return applied;
  }

  // A direct call's arguments (inst's operands) reach the callee's parameters.
  void RaiseParameters(const Function& f, const Inst& inst, Function& callee) {
    for (size_t i = 0; i < inst.ops.size(); ++i) {
      Local* param = ParamAtSlot(callee, static_cast<uint32_t>(i));
      if (param && TakesArgument(*param, f.insts[inst.ops[i]].type)) RaiseLocal(param, f.insts[inst.ops[i]].type);
    }
  }

  // A method call's self and arguments (inst's operands after the first,
  // which is the receiver or, for a constructor, the class) reach the
  // method's parameters. Special methods but __init__ keep their other
  // parameters object: the runtime's operator dispatch calls them too, with
  // whatever the program's untyped operands hold, and typed ones would send
  // those calls to the bytecode (the entry's guard).
  void RaiseMethodParameters(const Function& f, const Inst& inst, Function& method, TypeId self) {
    bool dispatched = IsSpecialName(method.name) && method.name != "__init__";
    for (uint32_t i = 0; i < method.signature.n_pos_args; ++i) {
      Local* param = ParamAtSlot(method, i);
      if (!param) continue;
      reached_parameters_.insert(param);
      TypeId arg = i == 0 ? SelfType(method, self) : dispatched ? kObjectType : ArgumentType(f, inst, method, i);
      if (TakesArgument(*param, arg)) RaiseLocal(param, arg);
    }
  }

  // A method call on a receiver of unknown type (object) may reach the
  // method of that name of any known class, with an instance of that class
  // for self: its arguments join those methods' parameters. A guess that
  // their entries guard (such calls go through the entry; anything else
  // runs the generic clone). Special methods, and calls with keywords or
  // another count of arguments, add nothing.
  void RaiseDynamicMethodParameters(uint32_t m, const Function& f, const Inst& inst) {
    if (!inst.names.empty() || Kind(f.insts[inst.ops[0]].type) != TypeKind::Object || DynamicCode(f)) return;
    std::string name(QstrText(m, inst.imm));
    if (IsSpecialName(name)) return;
    for (uint32_t c = 0; c < classes_.size(); ++c) {
      auto it = classes_[c].own.find(name);
      if (it == classes_[c].own.end() || !it->second.method.valid()) continue;
      Function& method = FunctionOf(it->second.method);
      if (!method.native || !method.has_direct_entry || method.signature.n_pos_args != inst.ops.size()) continue;
      for (uint32_t i = 0; i < method.signature.n_pos_args; ++i) {
        Local* param = ParamAtSlot(method, i);
        if (!param) continue;
        reached_parameters_.insert(param);
        TypeId arg = i == 0 ? SelfType(method, InstanceType(c)) : f.insts[inst.ops[i]].type;
        if (TakesArgument(*param, arg)) RaiseLocal(param, arg);
      }
    }
  }

  // After a fixpoint: the parameters after self that no direct call
  // reaches, of a method that something may call other than directly,
  // become object (returns whether any did). Their type so far came from
  // the method's own stores only (`if p is None: p = ...`), while the
  // dynamic calls, those omitting a default say, pass anything: typed,
  // the entry's guard would send them to the bytecode.
  bool WidenUnreachedParameters() {
    bool widened = false;
    for (const KnownClass& known : classes_) {
      for (const auto& [name, resolved] : known.own) {
        if (!resolved.method.valid()) continue;
        Function& method = FunctionOf(resolved.method);
        if (!method.native || !method.has_direct_entry || DirectOnly(method)) continue;
        for (Local& local : method.locals) {
          if (local.kind != LocalKind::Param || local.slot == 0 || reached_parameters_.count(&local)) continue;
          if (local.hint != kUnknownType) continue;
          if (local.type == kObjectType || local.type == kUnknownType) continue;  // (WidenUnknown: Unknown)
          local.type = kObjectType;
          widened = true;
        }
      }
    }
    return widened;
  }

  static bool IsSpecialName(std::string_view name) {
    return name.size() > 4 && name.starts_with("__") && name.ends_with("__");
  }

  // What a global takes from a store of a value of type t in f: nothing
  // typed when f may run its bytecode with other arguments (its native
  // entry's guard), which could store anything.
  TypeId GlobalValueType(const Function& f, TypeId t) const { return BytecodeMayRun(f) ? kObjectType : t; }

  // Whether every argument of a direct call of `callee` (operand i passes
  // parameter i; a constructor's operand 0, its class, passes nothing) has
  // its parameter's type. Only a hinted parameter may not (the others take
  // the join of their arguments): such a call is guarded, and runs the
  // callee's generic clone when the argument fails the hint's check.
  bool ArgumentsFit(const Function& f, const Inst& inst, const Function& callee, bool constructor) {
    for (const Local& param : callee.locals) {
      if (param.kind != LocalKind::Param || param.hint == kUnknownType || param.slot >= callee.signature.n_pos_args)
        continue;
      if (constructor && param.slot == 0) continue;
      TypeId arg = ArgumentType(f, inst, callee, param.slot);
      if (inst.op == Op::CallMethod && param.slot == 0) arg = Narrowed(arg);
      if (!IsUnknown(arg) && types_.Join(arg, param.type) != param.type) return false;
    }
    return true;
  }

  // How many trailing positional parameters a call with `n_args`
  // positional arguments (self or the new instance included) leaves to
  // their constant defaults (Function::constant_defaults); -1 when they
  // cannot all be bound that way.
  int DefaultsNeeded(const Function& callee, size_t n_args) const {
    size_t n_params = callee.signature.n_pos_args;
    if (n_args > n_params || n_params - n_args > callee.constant_defaults.size()) return -1;
    if (n_args < n_params && attribute_targets_.count("__defaults__")) return -1;
    return static_cast<int>(n_params - n_args);
  }

  // What a call bound by DefaultsNeeded passes in parameter slot `slot`.
  TypeId ArgumentType(const Function& f, const Inst& inst, const Function& callee, size_t slot) const {
    if (slot < inst.ops.size()) return f.insts[inst.ops[slot]].type;
    return callee.constant_defaults[slot + callee.constant_defaults.size() - callee.signature.n_pos_args].type;
  }

  // The call at block.insts[*at], now direct, gets the constants of the
  // defaults it leaves out as its last operands, made right before it
  // (*at moves on with the call).
  void AppendDefaults(Function& f, Block& block, size_t* at, const Function& callee) {
    InstId call = block.insts[*at];
    for (size_t slot = f.insts[call].ops.size(); slot < callee.signature.n_pos_args; ++slot) {
      InstId made = AddDefault(f, callee, slot, f.insts[call].block, f.insts[call].offset);
      f.insts[call].ops.push_back(made);
      block.insts.insert(block.insts.begin() + static_cast<std::ptrdiff_t>((*at)++), made);
    }
  }

  // A new instruction of f (in no block's list yet) making the constant
  // default of callee's parameter slot `slot`.
  static InstId AddDefault(Function& f, const Function& callee, size_t slot, BlockId block, uint32_t offset) {
    Inst value = callee.constant_defaults[slot + callee.constant_defaults.size() - callee.signature.n_pos_args];
    value.block = block;
    value.offset = offset;
    f.insts.push_back(std::move(value));
    return static_cast<InstId>(f.insts.size() - 1);
  }

  // A direct call's result: the callee's return type, joined, when the
  // call is guarded, with what its generic clone returns (until the clone
  // exists, which it will before the fixpoint ends: see AddGenericClones).
  TypeId DirectResult(const Function& f, const Inst& inst, FuncRef ref) {
    const Function& callee = FunctionOf(ref);
    if (ArgumentsFit(f, inst, callee, false) || callee.generic == kNoId) return callee.return_type;
    return types_.Join(callee.return_type, FunctionOf({ref.module, callee.generic}).return_type);
  }

  static Local* ParamAtSlot(Function& f, uint32_t slot) {
    for (Local& local : f.locals) {
      if (local.kind == LocalKind::Param && local.slot == slot) return &local;
    }
    return nullptr;
  }

  TypeKind Kind(TypeId t) const { return types_.KindOf(t); }
  bool IsUnknown(TypeId t) const { return Kind(t) == TypeKind::Unknown; }
  bool IsIntLike(TypeId t) const { return Kind(t) == TypeKind::Int || Kind(t) == TypeKind::Bool; }
  bool IsNumber(TypeId t) const { return IsIntLike(t) || Kind(t) == TypeKind::Float; }
  // Complex arithmetic: a complex with a complex or a number.
  bool IsComplexArithmetic(TypeId a, TypeId b) const {
    return (Kind(a) == TypeKind::Complex || Kind(b) == TypeKind::Complex) &&
           (IsNumber(a) || Kind(a) == TypeKind::Complex) && (IsNumber(b) || Kind(b) == TypeKind::Complex);
  }

  TypeId ResultType(uint32_t m, Function& f, const Inst& inst) {
    auto operand = [&](size_t i) { return f.insts[inst.ops[i]].type; };
    switch (inst.op) {
      case Op::ConstInt: return kIntType;
      case Op::ConstFloat: return kFloatType;
      case Op::ConstBool: return kBoolType;
      case Op::ConstNone: return kNoneType;
      case Op::ConstQstr: return kStrType;
      case Op::ConstObj: return ConstantType(program_.modules[m], inst.imm);
      case Op::LoadLocal: return f.locals[inst.imm].type;
      case Op::LoadCell: return CellContents(f, static_cast<LocalId>(inst.imm));
      case Op::LoadGlobal: {
        if (const FuncRef* ref = KnownFunction(m, inst)) return types_.Intern(Type{TypeKind::Function, {}, *ref});
        return GlobalType(m, inst);
      }
      case Op::Is:
      case Op::Not:
      case Op::Truth:
      case Op::ExceptionMatch: return kBoolType;
      case Op::ToIndex: return kIntType;
      case Op::NewInstance: {
        uint32_t c = KnownClassOf(operand(0), TypeKind::Class);
        return c == kNoId ? kObjectType : InstanceType(c);
      }
      case Op::Sqrt:
      case Op::MathCall:
      case Op::Abs: return kFloatType;
      case Op::MakeComplex: return kComplexType;
      case Op::Len: return kIntType;
      case Op::CallBuiltin: return BuiltinCallType(static_cast<BuiltinCall>(inst.imm));
      // (Those a method of a known class implements: Transfer.)
      case Op::Binary: return BinaryType(inst.sub, operand(0), operand(1));
      case Op::Unary: return UnaryType(inst.sub, operand(0));
      case Op::CallMethod:
        if (inst.names.empty()) {
          std::string_view module = NumericModuleOf(m, f.insts[inst.ops[0]]);
          if (!module.empty()) return NumericModuleResult(module, QstrText(m, inst.imm));
        }
        if (IsTracked(operand(0)) && QstrText(m, inst.imm) == "pop") return ElementOf(operand(0));
        // An untyped receiver may yet turn out an instance of a known class.
        return IsUnknown(operand(0)) && !classes_.empty() ? kUnknownType : kObjectType;
      case Op::BuildTuple: {
        Type tuple{TypeKind::Tuple, {}, {}};
        for (size_t i = 0; i < inst.ops.size(); ++i) {
          if (IsUnknown(operand(i))) return kUnknownType;
          tuple.params.push_back(operand(i));
        }
        return types_.Intern(tuple);
      }
      case Op::BuildList: return ClassType(SiteClass(f, static_cast<InstId>(&inst - f.insts.data())));
      case Op::ListToTuple: return ContainerOf(TypeKind::Tuple);
      case Op::BuildDict: return types_.Intern(Type{TypeKind::Dict, {kObjectType, kObjectType}, {}});
      case Op::BuildSet: return types_.Intern(Type{TypeKind::Set, {kObjectType}, {}});
      case Op::Unpack: {
        TypeId seq = operand(0);
        if (IsUnknown(seq)) return kUnknownType;
        const Type& t = types_.Get(seq);
        if (t.kind == TypeKind::Tuple && t.params.size() == static_cast<size_t>(inst.imm)) return seq;
        return types_.Intern(Type{TypeKind::Tuple, std::vector<TypeId>(inst.imm, ItemType(seq)), {}});
      }
      case Op::TupleItem: {
        const Type& t = types_.Get(operand(0));
        if (t.kind == TypeKind::Tuple && static_cast<size_t>(inst.imm) < t.params.size()) return t.params[inst.imm];
        return IsUnknown(operand(0)) ? kUnknownType : kObjectType;
      }
      case Op::Subscr: return SubscrType(operand(0), operand(1), f.insts[inst.ops[1]]);
      case Op::MakeFunction: {
        if (static_cast<size_t>(inst.imm) < f.children.size())
          return types_.Intern(Type{TypeKind::Function, {}, FuncRef{m, f.children[inst.imm]}});
        return kObjectType;
      }
      case Op::CallDirect: return DirectResult(f, inst, inst.callee);
      case Op::Call: return CallType(m, f, inst);
      case Op::Narrow: return Narrowed(operand(0));
      case Op::LoadAttr: {
        std::string_view name = QstrText(m, inst.imm);
        if (Kind(operand(0)) == TypeKind::Complex && (name == "real" || name == "imag")) return kFloatType;
        if (!NumericModuleOf(m, f.insts[inst.ops[0]]).empty() &&
            (name == "pi" || name == "e" || name == "tau" || name == "inf" || name == "nan"))
          return kFloatType;  // (or AttributeError where the module lacks it)
        uint32_t c = AttributeClassOf(operand(0), name);
        if (c != kNoId) return FieldType(c, std::string(name));
        return IsUnknown(operand(0)) && !classes_.empty() ? kUnknownType : kObjectType;
      }
      default: return kObjectType;
    }
  }

  static bool IsStrConstant(const Module& module, int64_t index) {
    return index >= 0 && static_cast<size_t>(index) < module.constants.size() &&
           module.constants[index].kind == bytecode::MpyObj::Str;
  }

  // A constant from the object table: a big int, a long string, a complex
  // number, bytes, a tuple of constants.
  TypeId ConstantType(const Module& module, int64_t index) {
    if (index < 0 || static_cast<size_t>(index) >= module.constants.size()) return kObjectType;
    return types_.OfConstant(module.constants[index]);
  }

  TypeId ContainerOf(TypeKind kind) {
    if (kind == TypeKind::Tuple) return types_.Intern(Type{TypeKind::Tuple, {}, {}});
    return types_.Intern(Type{kind, {kObjectType}, {}});
  }

  TypeId BinaryType(uint8_t code, TypeId a, TypeId b) {
    if (IsUnknown(a) || IsUnknown(b)) return kUnknownType;
    BinOp op = PlainBinOp(code);
    if (IsComparison(op)) {
      if ((IsNumber(a) && IsNumber(b)) || (Kind(a) == TypeKind::Str && Kind(b) == TypeKind::Str)) return kBoolType;
      // Complex numbers only compare for equality (the rest is TypeError).
      if (IsComplexArithmetic(a, b) && (op == BinOp::Equal || op == BinOp::NotEqual)) return kBoolType;
      return kObjectType;
    }
    if (IsComplexArithmetic(a, b)) {
      bool field = op == BinOp::Add || op == BinOp::Subtract || op == BinOp::Multiply || op == BinOp::TrueDivide;
      return field ? kComplexType : kObjectType;
    }
    switch (op) {
      case BinOp::In: return IsContainer(b) ? kBoolType : kObjectType;
      case BinOp::And:
      case BinOp::Or:
      case BinOp::Xor:
        if (Kind(a) == TypeKind::Bool && Kind(b) == TypeKind::Bool) return kBoolType;
        return IsIntLike(a) && IsIntLike(b) ? kIntType : kObjectType;
      case BinOp::Lshift:
      case BinOp::Rshift: return IsIntLike(a) && IsIntLike(b) ? kIntType : kObjectType;
      case BinOp::Add:
      case BinOp::Subtract:
      case BinOp::Multiply:
      case BinOp::FloorDivide:
      case BinOp::Modulo:
        if (IsIntLike(a) && IsIntLike(b)) return kIntType;
        if (IsNumber(a) && IsNumber(b)) return kFloatType;
        return SequenceArithmetic(op, a, b);
      case BinOp::TrueDivide: return IsNumber(a) && IsNumber(b) ? kFloatType : kObjectType;
      default: return kObjectType;
    }
  }

  bool IsContainer(TypeId t) const {
    TypeKind k = Kind(t);
    return k == TypeKind::List || k == TypeKind::Tuple || k == TypeKind::Dict || k == TypeKind::Set ||
           k == TypeKind::Str || k == TypeKind::Bytes || k == TypeKind::Range;
  }

  // str + str, str * int, str % x, list + list, list * int.
  TypeId SequenceArithmetic(BinOp op, TypeId a, TypeId b) {
    TypeKind ka = Kind(a), kb = Kind(b);
    if (op == BinOp::Add && ka == kb && (ka == TypeKind::Str || ka == TypeKind::Bytes)) return a;
    if (op == BinOp::Modulo && ka == TypeKind::Str) return kStrType;
    if (op == BinOp::Multiply && (ka == TypeKind::Str || ka == TypeKind::List) && IsIntLike(b)) return a;
    if (op == BinOp::Multiply && (kb == TypeKind::Str || kb == TypeKind::List) && IsIntLike(a)) return b;
    if (op == BinOp::Add && IsTracked(a) && IsTracked(b)) return ClassType(MergeClasses(ClassOf(a), ClassOf(b)));
    if (op == BinOp::Add && ka == TypeKind::List && kb == TypeKind::List) return ContainerOf(TypeKind::List);
    return kObjectType;
  }

  TypeId UnaryType(uint8_t code, TypeId a) {
    if (IsUnknown(a)) return kUnknownType;
    switch (static_cast<UnOp>(code)) {
      case UnOp::Positive:
      case UnOp::Negative:
        if (IsIntLike(a)) return kIntType;
        if (Kind(a) == TypeKind::Complex) return kComplexType;
        return Kind(a) == TypeKind::Float ? kFloatType : kObjectType;
      case UnOp::Invert: return IsIntLike(a) ? kIntType : kObjectType;
      default: return kObjectType;
    }
  }

  TypeId SubscrType(TypeId container, TypeId index, const Inst& index_inst) {
    if (IsUnknown(container) || IsUnknown(index)) return kUnknownType;
    const Type& t = types_.Get(container);
    // An exact list's slice: a new exact list of the same items.
    if (index_inst.op == Op::BuildSlice && t.kind == TypeKind::List) return container;
    bool of_bytes = t.kind == TypeKind::Bytes || t.kind == TypeKind::ByteArray;
    if (index_inst.op == Op::BuildSlice && (t.kind == TypeKind::Str || of_bytes)) return container;
    if (!IsIntLike(index)) return kObjectType;
    if (t.kind == TypeKind::Str) return kStrType;
    if (of_bytes) return kIntType;
    if (t.kind == TypeKind::Tuple && index_inst.op == Op::ConstInt) {
      int64_t i = index_inst.imm < 0 ? index_inst.imm + static_cast<int64_t>(t.params.size()) : index_inst.imm;
      if (i >= 0 && static_cast<size_t>(i) < t.params.size()) return t.params[i];
    }
    if (t.kind == TypeKind::List) return ElementOf(container);
    return kObjectType;
  }

  // Builtins and math functions with known result types.
  // What a call of a known function through its entry returns: what its
  // body returns, or its generic clone when a guard fails (a function
  // without a clone has guards that hold). Generators and collectors
  // return something else; bytecode anything.
  TypeId EntryResult(FuncRef ref) {
    const Function& g = FunctionOf(ref);
    if (!g.native || g.is_generator || g.collects || IsClone(g)) return kObjectType;
    if (g.generic == kNoId) return g.return_type;
    return types_.Join(g.return_type, FunctionOf({ref.module, g.generic}).return_type);
  }

  // The instruction a call's callee comes from. An argument that is an
  // inlined comprehension or a conditional expression starts new blocks
  // after the callee's load, so the builder carries the callee over in a
  // temp it stores once (FunctionBuilder::Here): a load of such a temp is
  // looked through. (Cached per function: Run clears the cache where the
  // IR's stores change.)
  const Inst& CalleeOf(const Function& f, const Inst& call) {
    const Inst& callee = f.insts[call.ops[0]];
    if (callee.op != Op::LoadLocal || f.locals[callee.imm].kind != LocalKind::Temp) return callee;
    auto [it, fresh] = single_stores_.try_emplace(&f);
    if (fresh) {
      // Per local: the value of its only store, else kNoId.
      it->second.assign(f.locals.size(), kNoId);
      std::vector<uint32_t> stores(f.locals.size(), 0);
      for (const Block& block : f.blocks) {
        for (InstId id : block.insts) {
          const Inst& inst = f.insts[id];
          if (inst.op != Op::StoreLocal) continue;
          it->second[inst.imm] = ++stores[inst.imm] == 1 ? inst.ops[0] : kNoId;
        }
      }
    }
    InstId stored = callee.imm < static_cast<int64_t>(it->second.size()) ? it->second[callee.imm] : kNoId;
    return stored == kNoId ? callee : f.insts[stored];
  }

  TypeId CallType(uint32_t m, Function& f, const Inst& call) {
    const Inst& callee = CalleeOf(f, call);
    auto build = class_builds_.find({&f, static_cast<InstId>(&call - f.insts.data())});
    if (build != class_builds_.end()) return ClassObjectType(build->second);
    uint32_t constructed = KnownClassOf(callee.type, TypeKind::Class);
    if (constructed != kNoId) return InstanceType(constructed);
    size_t n_args = call.ops.size() - 1 - call.names.size();
    auto arg = [&](size_t i) { return f.insts[call.ops[1 + i]].type; };
    for (size_t i = 0; i < n_args; ++i) {
      if (IsUnknown(arg(i))) return kUnknownType;
    }
    const Type& function = types_.Get(callee.type);
    if (function.kind == TypeKind::Function && function.ref.valid()) return EntryResult(function.ref);
    if (!call.names.empty()) return kObjectType;
    auto builtin = [&](std::string_view name) { return IsBuiltin(m, callee, name); };
    if (std::optional<DirectBuiltin> direct = BuiltinCallOf(m, f, call); direct && direct->proven)
      return BuiltinCallType(direct->which);
    if (builtin("hash")) return kIntType;
    if (builtin("int") && n_args <= 2) return kIntType;  // int() always makes an int (or raises)
    if (builtin("float") && n_args <= 1) return kFloatType;
    if (builtin("bool") || builtin("isinstance") || builtin("callable")) return kBoolType;
    if (builtin("str") || builtin("repr")) return kStrType;
    if (builtin("range")) return types_.Of(TypeKind::Range);
    if (builtin("bytes")) return types_.Of(TypeKind::Bytes);  // exactly bytes (or it raises)
    if (builtin("bytearray")) return types_.Of(TypeKind::ByteArray);
    if (builtin("abs") && n_args == 1 && IsNumber(arg(0))) return Kind(arg(0)) == TypeKind::Float ? kFloatType : kIntType;
    if (builtin("abs") && n_args == 1 && Kind(arg(0)) == TypeKind::Complex) return kFloatType;
    if (IsComplexConstruction(m, f, call)) return kComplexType;
    if ((builtin("min") || builtin("max")) && n_args >= 2) {
      TypeId joined = arg(0);
      for (size_t i = 1; i < n_args; ++i) joined = types_.Join(joined, arg(i));
      if (IsNumber(joined)) return joined;
    }
    if (ListCopySource(m, f, call) != kNoId) return ClassType(SiteClass(f, static_cast<InstId>(&call - f.insts.data())));
    if (builtin("list")) return ContainerOf(TypeKind::List);
    if (builtin("tuple")) return ContainerOf(TypeKind::Tuple);
    if (builtin("dict")) return types_.Intern(Type{TypeKind::Dict, {kObjectType, kObjectType}, {}});
    NumericFunction numeric = NumericFunctionOf(m, f, callee);
    if (!numeric.module.empty()) return NumericModuleResult(numeric.module, numeric.name);
    return kObjectType;
  }

  // The builtin math and cmath modules, whose functions' results inference
  // knows (NumericModuleResult).
  static constexpr std::array<std::string_view, 2> kNumericModules = {"math", "cmath"};

  struct NumericFunction {
    std::string_view module;  // empty: none
    std::string_view name;
  };

  // Which builtin numeric module's function `callee` is: `math.NAME`
  // (NumericModuleOf), or a global bound only by `from math import NAME
  // [as alias]` in the module body (the same for cmath).
  NumericFunction NumericFunctionOf(uint32_t m, const Function& f, const Inst& callee) {
    if (callee.op == Op::LoadAttr) return {NumericModuleOf(m, f.insts[callee.ops[0]]), QstrText(m, callee.imm)};
    if (callee.op != Op::LoadGlobal || dynamic_namespaces_ || !AllCodeVisible(m)) return {};
    auto it = globals_[m].find(std::string(QstrText(m, callee.imm)));
    if (it == globals_[m].end() || it->second.stores != 1 || it->second.deletes != 0) return {};
    const Function& body = program_.modules[m].functions[0];
    for (const Inst& inst : body.insts) {
      if (inst.op != Op::StoreGlobal || inst.imm != callee.imm) continue;
      const Inst& value = body.insts[inst.ops[0]];
      if (value.op != Op::ImportFrom) return {};
      const Inst& module = body.insts[value.ops[0]];
      if (module.op != Op::ImportName) return {};
      for (std::string_view numeric : kNumericModules)
        if (QstrText(m, module.imm) == numeric && !ProgramHasModule(numeric)) return {numeric, QstrText(m, value.imm)};
      return {};
    }
    return {};
  }

  bool ProgramHasModule(std::string_view name) const {
    for (const Module& module : program_.modules) {
      if (module.name == name) return true;
    }
    return false;
  }

  // complex(x, y) of numbers, without keywords.
  bool IsComplexConstruction(uint32_t m, const Function& f, const Inst& call) const {
    if (call.op != Op::Call || !call.names.empty() || call.ops.size() > 3 || !IsBuiltin(m, f.insts[call.ops[0]], "complex"))
      return false;
    for (size_t i = 1; i < call.ops.size(); ++i)
      if (!IsNumber(f.insts[call.ops[i]].type)) return false;
    return true;
  }

  struct DirectBuiltin {
    BuiltinCall which;
    // The global is the builtin (IsBuiltinName); else only the module
    // binds no global of that name, and call.builtin checks the callee.
    bool proven;
  };

  // Which builtin of ir/builtin_calls.def a call calls, with exactly its
  // arguments, through the global of the builtin's name; none when it is
  // no such call or the module itself binds that global.
  std::optional<DirectBuiltin> BuiltinCallOf(uint32_t m, const Function& f, const Inst& call) {
    if (call.op != Op::Call || !call.names.empty()) return std::nullopt;
    const Inst& callee = CalleeOf(f, call);
    if (callee.op != Op::LoadGlobal) return std::nullopt;
    std::string_view name = GlobalName(m, callee);
    auto bound = globals_[m].find(std::string(name));
    if (bound != globals_[m].end() && (bound->second.stores != 0 || bound->second.deletes != 0)) return std::nullopt;
    size_t n_args = call.ops.size() - 1;
#define BUILTIN_CALL(Id, builtin_name, arguments, helper, result) \
    if (n_args == (arguments) && name == (builtin_name)) return DirectBuiltin{BuiltinCall::Id, IsBuiltinName(m, name)};
#include "ir/builtin_calls.def"
    return std::nullopt;
  }

  TypeId BuiltinCallType(BuiltinCall which) {
    switch (which) {
#define BUILTIN_CALL(Id, name, arguments, helper, result) \
      case BuiltinCall::Id: return types_.Of(TypeKind::result);
#include "ir/builtin_calls.def"
    }
    return kObjectType;
  }

  static std::optional<MathUnary> MathUnaryNamed(std::string_view name) {
#define MATH_UNARY(Id, math_name, implementation) \
    if (name == (math_name)) return MathUnary::Id;
#include "runtime/math_unary.def"
    return std::nullopt;
  }

  // math.call's function (BuiltinInstruction gave MathCall).
  MathUnary MathCallOf(uint32_t m, const Function& f, const Inst& call) {
    NumericFunction numeric = call.op == Op::Call
                                  ? NumericFunctionOf(m, f, f.insts[call.ops[0]])
                                  : NumericFunction{NumericModuleOf(m, f.insts[call.ops[0]]), QstrText(m, call.imm)};
    return *MathUnaryNamed(numeric.name);
  }

  // The instruction a call of a builtin becomes, or Call when none:
  // math.sqrt(x) the Sqrt instruction (inline where the target has the
  // instruction; x converted as the math module converts it), len(x) of a
  // list, tuple, bytes or bytearray Len (a load of its length), abs(x) of a
  // float or complex Abs, complex(x, y) of numbers MakeComplex.
  Op BuiltinInstruction(uint32_t m, const Function& f, const Inst& call) {
    if (IsComplexConstruction(m, f, call)) return Op::MakeComplex;
    if ((call.op != Op::Call && call.op != Op::CallMethod) || !call.names.empty()) return Op::Call;
    if (call.ops.size() == 2) {
      NumericFunction numeric = call.op == Op::Call
                                    ? NumericFunctionOf(m, f, f.insts[call.ops[0]])
                                    : NumericFunction{NumericModuleOf(m, f.insts[call.ops[0]]), QstrText(m, call.imm)};
      if (numeric.module == "math" && numeric.name == "sqrt") return Op::Sqrt;
      if (numeric.module == "math" && MathUnaryNamed(numeric.name)) return Op::MathCall;
      if (call.op != Op::Call) return Op::Call;
      TypeKind arg = Kind(f.insts[call.ops[1]].type);
      bool has_length_field = arg == TypeKind::List || arg == TypeKind::Tuple || arg == TypeKind::Bytes ||
                              arg == TypeKind::ByteArray;
      if (has_length_field && IsBuiltin(m, CalleeOf(f, call), "len")) return Op::Len;
      if ((arg == TypeKind::Float || arg == TypeKind::Complex) && IsBuiltin(m, CalleeOf(f, call), "abs"))
        return Op::Abs;
    }
    return BuiltinCallOf(m, f, call) ? Op::CallBuiltin : Op::Call;
  }

  // Calls of builtins become their instructions (BuiltinInstruction); the
  // load of the function goes when nothing else uses it.
  void RewriteBuiltinCalls(uint32_t m) {
    for (Function& f : program_.modules[m].functions) {
      if (!f.native) continue;
      std::vector<uint32_t> uses = CountUses(f);
      for (Block& block : f.blocks) {
        for (InstId id : block.insts) {
          Inst& call = f.insts[id];
          Op op = BuiltinInstruction(m, f, call);
          if (op == Op::Call) continue;
          InstId callee = call.ops[0];  // the builtin, math.sqrt's attribute, or math (call.method)
          call.imm = op == Op::MathCall ? static_cast<int64_t>(MathCallOf(m, f, call)) : 0;
          if (op == Op::CallBuiltin) {
            DirectBuiltin direct = *BuiltinCallOf(m, f, call);
            call.imm = static_cast<int64_t>(direct.which);
            call.sub = direct.proven ? 0 : 1;
            call.op = op;
            if (!direct.proven) continue;  // the callee stays: the check's operand
          }
          call.op = op;
          call.ops.erase(call.ops.begin());
          if (--uses[callee] != 0) continue;
          dropped_.insert({&f, callee});
          if (f.insts[callee].op == Op::LoadAttr && --uses[f.insts[callee].ops[0]] == 0)
            dropped_.insert({&f, f.insts[callee].ops[0]});
        }
        std::erase_if(block.insts, [&](InstId id) { return dropped_.count({&f, id}) != 0; });
      }
    }
  }

  // "math" or "cmath" when `base` loads the global of that name holding the
  // builtin module: bound only by `import math` (cmath) in the module body,
  // and no module of the program is itself called so; empty otherwise.
  std::string_view NumericModuleOf(uint32_t m, const Inst& base) {
    if (base.op != Op::LoadGlobal || dynamic_namespaces_ || !AllCodeVisible(m)) return {};
    std::string_view name = QstrText(m, base.imm);
    if (std::find(kNumericModules.begin(), kNumericModules.end(), name) == kNumericModules.end()) return {};
    if (ProgramHasModule(name)) return {};
    auto it = globals_[m].find(std::string(name));
    if (it == globals_[m].end() || it->second.stores != 1 || it->second.deletes != 0) return {};
    return ImportsModule(m, name) ? name : std::string_view();
  }

  bool ImportsModule(uint32_t m, std::string_view name) {
    const Function& body = program_.modules[m].functions[0];
    for (const Inst& inst : body.insts) {
      if (inst.op != Op::StoreGlobal || QstrText(m, inst.imm) != name) continue;
      const Inst& value = body.insts[inst.ops[0]];
      return value.op == Op::ImportName && QstrText(m, value.imm) == name;
    }
    return false;
  }

  TypeId NumericModuleResult(std::string_view module, std::string_view name) {
    return module == "math" ? MathResult(name) : CmathResult(name);
  }

  // The cmath functions' results (stdlib/modcmath.cpp).
  TypeId CmathResult(std::string_view name) {
    static constexpr std::array<std::string_view, 7> kComplexResults = {"cos", "exp", "log", "log10",
                                                                        "rect", "sin", "sqrt"};
    if (std::find(kComplexResults.begin(), kComplexResults.end(), name) != kComplexResults.end()) return kComplexType;
    if (name == "phase") return kFloatType;
    if (name == "polar") return types_.Intern(Type{TypeKind::Tuple, {kFloatType, kFloatType}, {}});
    return kObjectType;
  }

  TypeId MathResult(std::string_view name) {
    static constexpr std::array<std::string_view, 24> kFloatResults = {
        "sqrt", "sin",   "cos",  "tan",  "asin", "acos", "atan", "atan2", "exp",   "log",   "log2",  "log10",
        "pow",  "fabs",  "sinh", "cosh", "tanh", "hypot", "degrees", "radians", "copysign", "fmod", "expm1",
        "log1p"};
    for (std::string_view f : kFloatResults) {
      if (f == name) return kFloatType;
    }
    if (name == "floor" || name == "ceil" || name == "trunc") return kIntType;
    if (name == "isnan" || name == "isinf" || name == "isfinite") return kBoolType;
    return kObjectType;
  }

  // After a fixpoint, whatever is still Unknown (a cycle nothing typed,
  // or a local never stored) becomes Object; another round then settles
  // what depends on it. Returns whether anything was widened.
  bool WidenUnknown() {
    bool widened = false;
    for (Module& module : program_.modules) {
      for (Function& f : module.functions) {
        if (!f.native) continue;
        for (Local& local : f.locals) {
          if (local.type == kUnknownType) {
            local.type = kObjectType;
            widened = true;
          }
        }
        if (f.return_type == kUnknownType && HasReturn(f)) {
          f.return_type = kObjectType;
          widened = true;
        }
        for (Inst& inst : f.insts) {
          if (inst.type == kUnknownType && !(OpFlags(inst.op) & kNoResult) && InBlock(f, inst)) {
            inst.type = kObjectType;
            widened = true;
          }
        }
      }
    }
    return widened;
  }

  static bool HasReturn(const Function& f) {
    for (const Block& block : f.blocks) {
      if (!block.insts.empty() && f.insts[block.insts.back()].op == Op::Return) return true;
    }
    return false;
  }

  bool InBlock(const Function& f, const Inst& inst) const {
    return inst.block != kNoId && !dropped_.count({&f, static_cast<InstId>(&inst - f.insts.data())});
  }

  // Functions without a return (they always raise) still need a type.
  void Finish() {
    std::string clone_problem;
    for (Module& module : program_.modules) {
      for (Function& f : module.functions) {
        if (!f.native) continue;
        if (f.return_type == kUnknownType) f.return_type = kObjectType;
        for (Inst& inst : f.insts) {
          if (inst.type == kUnknownType) inst.type = (OpFlags(inst.op) & kNoResult) ? kVoidType : kObjectType;
        }
        std::string problem = Verify(f, types_);
        if (!problem.empty()) {
          f.native = false;
          f.reason = "internal error after type inference: " + problem;
          if (IsClone(f)) clone_problem = f.reason;
        }
      }
    }
    // Without its clone, a function's entry would run its bytecode, whose
    // effects inference did not take into account: nothing stays native.
    if (clone_problem.empty()) return;
    for (Module& module : program_.modules) {
      for (Function& f : module.functions) {
        f.native = false;
        f.reason = clone_problem + " (in a generic clone)";
      }
    }
  }

  Program& program_;
  TypeTable& types_;
  std::vector<std::unordered_map<std::string, NameUse>> globals_ =
      std::vector<std::unordered_map<std::string, NameUse>>(program_.modules.size());
  std::vector<std::unordered_map<std::string, FuncRef>> known_ =
      std::vector<std::unordered_map<std::string, FuncRef>>(program_.modules.size());
  std::set<std::string> attribute_targets_;
  // Names loaded other than by LoadGlobal in code with IR: attribute loads,
  // imports, class bodies' loads (GlobalReadUntracked).
  std::set<std::string> untracked_loads_;
  // Per module: a function without IR that is no simple class body.
  std::vector<bool> runs_unknown_bytecode_ = std::vector<bool>(program_.modules.size());
  bool loads_getattr_ = false;  // getattr(module, name) reads any global
  std::vector<std::vector<Function>> as_built_;  // per module: its functions before inference (generic clones)
  std::set<std::pair<const Function*, InstId>> dropped_;  // loads of callees a direct call made dead
  std::unordered_map<LocalId, FuncRef> local_functions_;  // of the caller being rewritten
  std::vector<bool> all_code_visible_ = std::vector<bool>(program_.modules.size());
  bool dynamic_namespaces_ = false;
  bool changed_ = false;
  std::vector<ListClass> list_classes_;
  std::vector<CellGroup> cell_groups_;
  std::map<std::pair<const Function*, LocalId>, uint32_t> cell_nodes_;  // a local holding a cell -> its node
  std::set<uint32_t> linked_free_;  // the nodes of free variables that a cell ref reaches
  std::map<std::pair<const Function*, InstId>, uint32_t> site_classes_;  // build.list -> its class
  std::unordered_map<const Function*, std::vector<InstId>> for_iterators_;
  std::unordered_map<const Function*, std::vector<InstId>> single_stores_;  // CalleeOf
  std::set<const Function*> direct_only_;  // FindDirectOnlyFunctions
  std::map<const Function*, std::string> direct_only_methods_;  // ... unless their name is dynamic
  std::map<const Function*, uint32_t> exact_self_;              // method -> the known class of its self
  std::set<const Local*> reached_parameters_;                   // by a direct call (RaiseMethodParameters)
  std::set<std::string> dynamic_method_names_;                  // NoteDynamicCalls
  std::set<std::string> dynamic_super_names_;                   // ... on super()
  std::set<const Function*> dynamic_functions_;                 // ... whatever their name
  std::set<const Function*> constructed_;                       // __init__s a class call runs dynamically
  std::map<std::pair<uint32_t, std::string>, TypeId> fields_;   // (known class, name) -> type
  std::set<std::string> untyped_fields_;
  std::vector<KnownClass> classes_;        // FindKnownClasses
  std::set<const Function*> open_self_;    // methods of subclassed classes (FindSubclassedClasses)
  std::set<const Function*> methods_;      // every plain def a known class binds
  std::map<std::pair<uint32_t, uint32_t>, uint32_t> class_index_;  // class body -> known class
  std::vector<std::unordered_map<std::string, uint32_t>> class_of_global_ =
      std::vector<std::unordered_map<std::string, uint32_t>>(program_.modules.size());
  std::map<std::pair<const Function*, InstId>, uint32_t> class_builds_;  // the build_class call of each
  // FindDefsRun, for the module being rewritten.
  std::map<InstId, NameSet> defs_run_before_;  // module body: before each call and creation
  std::vector<NameSet> defs_run_in_;           // per function: whenever it runs
  const NameSet empty_names_;
};

}  // namespace

void InferTypes(Program& program) { Inference(program).Run(); }

}  // namespace taipan::ir
