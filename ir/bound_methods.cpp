// Calls through a local holding a builtin container's bound method become
// method calls (ir.h: CallBoundMethodsDirectly). `push = stack.append`,
// then `push(x)` in a loop, is a common way to skip the attribute lookup
// in the bytecode; natively the method call on the typed receiver is the
// fast one (list.append, pop and insert, dict.get compile to runtime
// helpers without a bound method object or an argument array).
#include "ir/ir.h"

namespace taipan::ir {

namespace {

struct Writes {
  uint32_t stores = 0;  // StoreLocal
  uint32_t others = 0;  // ForIter, DeleteLocal
  InstId store = kNoId;
};

std::vector<Writes> CountWrites(const Function& f) {
  std::vector<Writes> writes(f.locals.size());
  for (const Block& block : f.blocks) {
    for (InstId id : block.insts) {
      const Inst& inst = f.insts[id];
      bool names_local = inst.op == Op::StoreLocal || inst.op == Op::ForIter || inst.op == Op::DeleteLocal;
      if (!names_local || inst.imm < 0 || static_cast<size_t>(inst.imm) >= writes.size()) continue;
      Writes& w = writes[inst.imm];
      if (inst.op == Op::StoreLocal) {
        ++w.stores;
        w.store = id;
      } else {
        ++w.others;
      }
    }
  }
  return writes;
}

// Whether control can come back to `from` once it left it.
bool InCycle(const Function& f, BlockId from) {
  std::vector<bool> seen(f.blocks.size(), false);
  std::vector<BlockId> work{from};
  while (!work.empty()) {
    BlockId b = work.back();
    work.pop_back();
    const std::vector<InstId>& insts = f.blocks[b].insts;
    if (insts.empty()) continue;
    for (BlockId next : f.insts[insts.back()].target) {
      if (next >= f.blocks.size()) continue;
      if (next == from) return true;
      if (!seen[next]) {
        seen[next] = true;
        work.push_back(next);
      }
    }
  }
  return false;
}

bool IsBuiltinContainer(TypeKind kind) {
  switch (kind) {
    case TypeKind::List:
    case TypeKind::Dict:
    case TypeKind::Set:
    case TypeKind::Str:
    case TypeKind::Bytes:
    case TypeKind::ByteArray:
    case TypeKind::Tuple: return true;
    default: return false;
  }
}

// Whether local `x` holds one value whenever it is bound: a parameter
// never written, or a plain local written by one store that runs at most
// once per call.
bool HoldsOneValue(const Function& f, const std::vector<Writes>& writes, LocalId x) {
  const Local& local = f.locals[x];
  if (local.is_cell || writes[x].others != 0) return false;
  if (local.kind == LocalKind::Param) return writes[x].stores == 0;
  return local.kind == LocalKind::Var && writes[x].stores == 1 && !InCycle(f, f.insts[writes[x].store].block);
}

}  // namespace

void CallBoundMethodsDirectly(Function& f, const TypeTable& types) {
  // (Without try regions: exceptions add edges that InCycle does not see.)
  if (!f.native || f.n_try_slots != 0) return;
  std::vector<Writes> writes = CountWrites(f);
  // Per local bound once to `x.name` with x a builtin container holding one
  // value: that attribute load.
  std::vector<InstId> bound(f.locals.size(), kNoId);
  for (LocalId l = 0; l < f.locals.size(); ++l) {
    if (f.locals[l].is_cell || writes[l].stores != 1 || writes[l].others != 0) continue;
    InstId attr = f.insts[writes[l].store].ops[0];
    if (f.insts[attr].op != Op::LoadAttr) continue;
    const Inst& receiver = f.insts[f.insts[attr].ops[0]];
    if (receiver.op != Op::LoadLocal || !IsBuiltinContainer(types.KindOf(f.locals[receiver.imm].type))) continue;
    if (HoldsOneValue(f, writes, static_cast<LocalId>(receiver.imm))) bound[l] = attr;
  }
  for (BlockId b = 0; b < f.blocks.size(); ++b) {
    for (size_t at = 0; at < f.blocks[b].insts.size(); ++at) {
      const Inst& call = f.insts[f.blocks[b].insts[at]];
      if (call.op != Op::Call || call.ops.empty()) continue;
      const Inst& callee = f.insts[call.ops[0]];
      // A load that cannot find the local unbound: its one store ran.
      if (callee.op != Op::LoadLocal || callee.sub != 0 || bound[callee.imm] == kNoId) continue;
      const Inst& attr = f.insts[bound[callee.imm]];
      const Inst& receiver_load = f.insts[attr.ops[0]];
      Inst load;
      load.op = Op::LoadLocal;
      load.type = f.locals[receiver_load.imm].type;
      load.block = b;
      load.offset = call.offset;
      load.imm = receiver_load.imm;
      f.insts.push_back(std::move(load));
      auto load_id = static_cast<InstId>(f.insts.size() - 1);
      Inst& method_call = f.insts[f.blocks[b].insts[at]];
      method_call.op = Op::CallMethod;
      method_call.imm = attr.imm;
      method_call.ops[0] = load_id;
      f.blocks[b].insts.insert(f.blocks[b].insts.begin() + static_cast<ptrdiff_t>(at), load_id);
      ++at;
    }
  }
}

}  // namespace taipan::ir
