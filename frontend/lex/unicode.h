// Unicode facts the lexer needs, from tables generated at build time from the
// host CPython (tools/gen_unicode_tables.py), so identifiers, \N{...} names
// and coding declarations are judged as CPython judges them.
#ifndef TAIPAN_FRONTEND_LEX_UNICODE_H
#define TAIPAN_FRONTEND_LEX_UNICODE_H

#include <cstdint>
#include <string>
#include <string_view>

namespace taipan {

bool IsIdentifierStart(uint32_t code_point);
bool IsIdentifierContinue(uint32_t code_point);
bool IsPrintable(uint32_t code_point);

// The NFKC normal form of valid UTF-8 text. CPython compares identifiers
// after NFKC, so `ﬁle` and `file` are one name.
std::string NormalizeNfkc(std::string_view text);

// The code point named by a \N{...} escape (names and aliases), or -1.
int32_t LookupCharacterName(std::string_view name);

// Maps bytes 0x80..0xFF of a single-byte encoding to code points; 0xFFFF
// marks an undefined byte.
struct SingleByteCodec {
  const char* name;
  uint16_t high[128];
};

enum class CodecKind { Unknown, Utf8, SingleByte, Unsupported };

struct CodecLookup {
  CodecKind kind;
  const SingleByteCodec* single_byte;  // for CodecKind::SingleByte
};

// Classifies a coding-declaration name (any spelling Python's codecs accept).
CodecLookup FindSourceCodec(std::string_view name);

// Decodes one UTF-8 sequence at text[pos]; returns its length (0 if invalid)
// and stores the code point.
int DecodeUtf8(std::string_view text, size_t pos, uint32_t* code_point);
void AppendUtf8(std::string& out, uint32_t code_point);

}  // namespace taipan

#endif  // TAIPAN_FRONTEND_LEX_UNICODE_H
