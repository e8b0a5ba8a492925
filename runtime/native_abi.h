// The runtime as natively compiled code sees it: every helper listed in
// native_abi.def, declared with C linkage as taipan_native_NAME, the type
// objects generated code compares type words with (taipan_native_type_NAME),
// and compile-time checks of every layout fact the list promises.
//
// The helpers are declared inside namespace taipan::rt::native_abi, where
// the .def's argument kinds are type names, so that each declaration is
// generated from its .def line as written:
//   TAIPAN_ABI(load_global, V, P, W)  ->  extern "C" V taipan_native_load_global(P, W);
// C linkage ignores the namespace: the symbol is the plain name, which is
// what the LLVM backend declares from the same list.
#ifndef TAIPAN_RUNTIME_NATIVE_ABI_H
#define TAIPAN_RUNTIME_NATIVE_ABI_H

#include <stddef.h>

#include "runtime/attr_cache.h"
#include "runtime/bytes.h"
#include "runtime/class.h"
#include "runtime/dict.h"
#include "runtime/float.h"
#include "runtime/function.h"
#include "runtime/map.h"
#include "runtime/module.h"
#include "runtime/list.h"
#include "runtime/nlr.h"
#include "runtime/object.h"
#include "runtime/tuple.h"
#include "runtime/vm.h"

namespace taipan::rt::native_abi {

// The .def's argument and result kinds.
using V = Value;       // a tagged word
using W = SignedWord;  // a signed machine word (also: a qstr)
using U = size_t;      // an unsigned machine word
using P = void*;       // a pointer
using F = Float;       // the target's float
using B = bool;
using N = void;  // no result

extern "C" {

#define TAIPAN_ABI(name, result, ...) result taipan_native_##name(__VA_ARGS__);
#define TAIPAN_ABI_NORETURN(name, ...) [[noreturn]] void taipan_native_##name(__VA_ARGS__);
// Each taipan_native_type_NAME is a second name of the type object itself,
// defined next to it (float.cpp, int.cpp, ...): an alias can only be made
// where its target is defined.
#define TAIPAN_ABI_TYPE(name, type) extern const Type taipan_native_type_##name;
#define TAIPAN_ABI_WORD(name) extern Word taipan_native_##name;
#include "runtime/native_abi.def"

}  // extern "C"

// Adds the native frames an exception left, innermost..kept (exclusive), to
// its traceback: RuntimeInit makes it nlr's taipan_nlr_left_frames.
void AddLeftNativeFrames(void* value, uintptr_t innermost, uintptr_t kept);

// ---- layout checks ----

// The size of a field, or of one element of a flexible array (the items
// of a tuple start at its listed word).
template <typename T>
struct FieldUnit {
  static constexpr size_t size = sizeof(T);
};
template <typename T>
struct FieldUnit<T[]> {
  static constexpr size_t size = sizeof(T);
};

#define TAIPAN_ABI_FIELD(type, field, index)                                                  \
  static_assert(offsetof(type, field) == (index) * sizeof(void*),                           \
                "native_abi.def: " #type "::" #field " is not at word " #index);            \
  static_assert(FieldUnit<decltype(type::field)>::size == sizeof(void*),                     \
                "native_abi.def: " #type "::" #field " is not one word wide");
// The first offset after the header word that is aligned for a Float.
inline constexpr size_t kFloatFieldOffset = (sizeof(void*) + alignof(Float) - 1) / alignof(Float) * alignof(Float);
#define TAIPAN_ABI_FLOAT_FIELD(type, field)                                                   \
  static_assert(offsetof(type, field) == kFloatFieldOffset,                                 \
                "native_abi.def: " #type "::" #field " is not at the first Float offset"); \
  static_assert(FieldUnit<decltype(type::field)>::size == sizeof(Float),                    \
                "native_abi.def: " #type "::" #field " is not a Float");
#define TAIPAN_ABI_SIZE(type, words) \
  static_assert(sizeof(type) == (words) * sizeof(void*), "native_abi.def: " #type " is not " #words " words");
#define TAIPAN_ABI_MEMBER(type, member, index)                                   \
  static_assert(offsetof(type, member) == (index) * sizeof(void*),             \
                "native_abi.def: " #type "::" #member " is not at word " #index);
#include "runtime/native_abi.def"

}  // namespace taipan::rt::native_abi

#endif  // TAIPAN_RUNTIME_NATIVE_ABI_H
