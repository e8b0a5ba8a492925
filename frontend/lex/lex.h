// Phase entry: source bytes -> decoded SourceBuffer -> TokenizedBuffer.
#ifndef TAIPAN_FRONTEND_LEX_LEX_H
#define TAIPAN_FRONTEND_LEX_LEX_H

#include <string>
#include <string_view>

#include "frontend/diag/diagnostics.h"
#include "frontend/diag/source_buffer.h"
#include "frontend/lex/tokens.h"

namespace taipan {

// Decodes a file's bytes as CPython's compile() does (PEP 3120 UTF-8
// default, a UTF-8 BOM, PEP 263 coding declarations for single-byte
// encodings), normalises "\r\n" and "\r" to "\n", and rejects NUL bytes.
// UTF-8 text is checked by the lexer, where it reads it (invalid bytes in a
// comment are accepted, as by CPython). On an error the returned buffer
// holds the raw bytes so the diagnostic can show the line.
SourceBuffer DecodeSource(std::string filename, std::string_view bytes, Diagnostics& diags);

// Tokenizes a decoded source. Stops at the first error (diags.has_error()).
TokenizedBuffer Lex(const SourceBuffer& source, Diagnostics& diags);

// A stable text form of the tokens for tests (--emit=tokens).
std::string DumpTokens(const TokenizedBuffer& tokens, const SourceBuffer& source);

}  // namespace taipan

#endif  // TAIPAN_FRONTEND_LEX_LEX_H
