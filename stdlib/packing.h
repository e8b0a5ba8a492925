// Reading and writing one binary item of a struct-module code at a given
// size and byte order: shared by the struct and array modules.
#ifndef TAIPAN_STDLIB_PACKING_H
#define TAIPAN_STDLIB_PACKING_H

#include <stddef.h>
#include <stdint.h>

#include "runtime/object.h"

namespace taipan::rt {

constexpr bool kHostBigEndian = __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__;

// Item `code` ('b', 'H', 'q', 'f', 'd', '?', 'P', 'O', ...) of `size`
// bytes at `p`. Integers are stored as their low bits (wrapping, as in
// MicroPython); 'O' is the object itself (its address).
Value LoadPackedItem(char code, size_t size, const uint8_t* p, bool big_endian);
void StorePackedItem(char code, size_t size, uint8_t* p, Value item, bool big_endian);

}  // namespace taipan::rt

#endif  // TAIPAN_STDLIB_PACKING_H
