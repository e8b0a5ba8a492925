// Lists that never escape their function (ir.h: FindUnsharedLists): the
// LLVM backend frees them when the function returns, so that a function
// building a temporary list per call reuses the same memory on every call
// instead of leaving it to the collector.
#include <array>
#include <string_view>

#include "ir/ir.h"

namespace taipan::ir {

namespace {

// List methods that neither keep the list nor hand it to Python code (their
// arguments and the items may run Python code, which never sees the list).
constexpr std::array<std::string_view, 11> kPrivateMethods = {
    "append", "extend", "insert", "pop", "remove", "index", "count", "clear", "reverse", "sort", "copy"};

class UnsharedLists {
 public:
  UnsharedLists(const Function& function, const TypeTable& types, const std::vector<std::string>& qstrs)
      : f_(function), types_(types), qstrs_(qstrs), iterators_(FindForIterators(function)) {}

  std::vector<LocalId> Find() {
    if (f_.is_generator) return {};  // its returns end a coroutine (lower_generator.cpp): not handled
    size_t n = f_.locals.size();
    std::vector<bool> ok(n, false);
    for (LocalId local = 0; local < n; ++local) {
      const Local& info = f_.locals[local];
      ok[local] = !info.is_cell && (info.kind == LocalKind::Var || info.kind == LocalKind::Temp) &&
                  types_.KindOf(info.type) == TypeKind::List;
    }
    CountUses();
    for (const Block& block : f_.blocks) {
      for (InstId id : block.insts) {
        const Inst& inst = f_.insts[id];
        auto local = static_cast<LocalId>(inst.imm);
        if (inst.op == Op::StoreLocal && local < n) {
          if (!IsFreshList(inst.ops[0])) ok[local] = false;
        } else if (inst.op == Op::LoadLocal && local < n) {
          if (!OnlyPrivateUses(id)) ok[local] = false;
        } else if (inst.op == Op::ForIter && local < n) {
          ok[local] = false;  // the loop's items are stored into it
        }
      }
    }
    std::vector<LocalId> unshared;
    for (LocalId local = 0; local < n; ++local)
      if (ok[local]) unshared.push_back(local);
    return unshared;
  }

 private:
  void CountUses() {
    uses_.assign(f_.insts.size(), {});
    for (const Block& block : f_.blocks)
      for (InstId id : block.insts)
        for (InstId operand : f_.insts[id].ops)
          if (operand < uses_.size()) uses_[operand].push_back(id);
  }

  // A list just made, which only the store being checked will hold.
  bool IsFreshList(InstId value) const {
    const Inst& inst = f_.insts[value];
    if (uses_[value].size() != 1) return false;
    switch (inst.op) {
      case Op::BuildList:
        return true;
      case Op::Binary: {  // list + list and list * n (n * list) build a new list
        auto op = static_cast<BinOp>(inst.sub);
        TypeKind a = types_.KindOf(f_.insts[inst.ops[0]].type);
        TypeKind b = types_.KindOf(f_.insts[inst.ops[1]].type);
        auto count = [](TypeKind k) { return k == TypeKind::Int || k == TypeKind::Bool; };
        if (op == BinOp::Add) return a == TypeKind::List && b == TypeKind::List;
        // (an object count could be a class whose __rmul__ gets the list)
        return op == BinOp::Multiply && ((a == TypeKind::List && count(b)) || (count(a) && b == TypeKind::List));
      }
      default:
        return false;
    }
  }

  // Every use of the loaded list reads or changes it in place, without
  // keeping it anywhere.
  bool OnlyPrivateUses(InstId load) const {
    for (InstId user : uses_[load]) {
      const Inst& inst = f_.insts[user];
      for (size_t i = 1; i < inst.ops.size(); ++i)
        if (inst.ops[i] == load && inst.op != Op::Is && inst.op != Op::Reserve) return false;
      switch (inst.op) {
        case Op::Subscr:
        case Op::StoreSubscr:
        case Op::Len:
        case Op::Truth:
        case Op::Not:
        case Op::Is:
        case Op::ListAppend:
        case Op::ListExtend:
        case Op::Reserve:
          break;
        case Op::GetIter:  // an iterator only a for loop reads, dead at the return
          if (!IsForIterator(user)) return false;
          break;
        case Op::CallMethod:
          if (!inst.names.empty() || !IsPrivateMethod(inst.imm)) return false;
          break;
        default:
          return false;
      }
    }
    return true;
  }

  bool IsForIterator(InstId get_iter) const {
    for (InstId source : iterators_)
      if (source == get_iter) return true;
    return false;
  }

  bool IsPrivateMethod(int64_t qstr) const {
    if (qstr < 0 || static_cast<size_t>(qstr) >= qstrs_.size()) return false;
    for (std::string_view method : kPrivateMethods)
      if (qstrs_[static_cast<size_t>(qstr)] == method) return true;
    return false;
  }

  const Function& f_;
  const TypeTable& types_;
  const std::vector<std::string>& qstrs_;
  std::vector<InstId> iterators_;
  std::vector<std::vector<InstId>> uses_;
};

}  // namespace

std::vector<LocalId> FindUnsharedLists(const Function& function, const TypeTable& types,
                                       const std::vector<std::string>& qstrs) {
  return UnsharedLists(function, types, qstrs).Find();
}

}  // namespace taipan::ir
