// Source decoding: bytes on disk to the UTF-8 text the lexer reads.
#include <cstdio>
#include <cstring>
#include <string>

#include "frontend/lex/lex.h"
#include "frontend/lex/unicode.h"

namespace taipan {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

std::string HexByte(unsigned char byte) {
  char buf[3];
  std::snprintf(buf, sizeof buf, "%02X", byte);
  return buf;
}

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.';
}

// The coding declaration of one line, as PEP 263's regular expression
// ^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+) finds it. Returns the offset of the
// name in `bytes`, its length in *length, or npos.
size_t FindCodingName(std::string_view bytes, size_t line_begin, size_t line_end, size_t* length) {
  size_t i = line_begin;
  while (i < line_end && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\f')) ++i;
  if (i == line_end || bytes[i] != '#') return std::string_view::npos;
  for (size_t at = bytes.find("coding", i); at < line_end; at = bytes.find("coding", at + 1)) {
    size_t j = at + 6;
    if (j >= line_end || (bytes[j] != ':' && bytes[j] != '=')) continue;
    ++j;
    while (j < line_end && (bytes[j] == ' ' || bytes[j] == '\t')) ++j;
    size_t name_end = j;
    while (name_end < line_end && IsNameChar(bytes[name_end])) ++name_end;
    if (name_end == j) continue;
    *length = name_end - j;
    return j;
  }
  return std::string_view::npos;
}

bool IsBlankOrCommentLine(std::string_view bytes, size_t begin, size_t end) {
  for (size_t i = begin; i < end; ++i) {
    char c = bytes[i];
    if (c == '#' ) return true;
    if (c != ' ' && c != '\t' && c != '\f' && c != '\r') return false;
  }
  return true;
}

size_t LineEnd(std::string_view bytes, size_t begin) {
  size_t end = bytes.find('\n', begin);
  return end == std::string_view::npos ? bytes.size() : end;
}

// The coding declaration on line 1, or on line 2 when line 1 holds only a
// comment or blanks (as CPython looks for it). Returns npos when absent.
size_t FindCodingDeclaration(std::string_view bytes, size_t start, size_t* length) {
  size_t end1 = LineEnd(bytes, start);
  size_t at = FindCodingName(bytes, start, end1, length);
  if (at != std::string_view::npos || end1 == bytes.size()) return at;
  if (!IsBlankOrCommentLine(bytes, start, end1)) return std::string_view::npos;
  return FindCodingName(bytes, end1 + 1, LineEnd(bytes, end1 + 1), length);
}

// CPython's get_normal_name: "utf-8-*" and "latin-1-*" style names.
std::string_view NormalEncodingName(std::string_view name) {
  std::string lower;
  for (size_t i = 0; i < name.size() && i < 12; ++i) {
    char c = name[i];
    lower += c == '_' ? '-' : (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  if (lower == "utf-8" || lower.rfind("utf-8-", 0) == 0) return "utf-8";
  for (std::string_view latin : {"latin-1", "iso-8859-1", "iso-latin-1"}) {
    if (lower == latin || lower.rfind(std::string(latin) + "-", 0) == 0) return "latin-1";
  }
  return name;
}

void AppendNormalizedNewline(std::string& out, std::string_view bytes, size_t* i) {
  // "\r\n" and a lone "\r" both end a line.
  if (bytes[*i] == '\r' && *i + 1 < bytes.size() && bytes[*i + 1] == '\n') ++*i;
  out += '\n';
}

// Copies UTF-8 source text, turning "\r\n" and "\r" into "\n". The bytes
// are not validated here: like CPython's compile(), the lexer reports
// invalid UTF-8 where it reads it, and never in comments.
void NormalizeNewlines(std::string_view bytes, size_t start, std::string& out) {
  out.reserve(bytes.size() - start);
  for (size_t i = start; i < bytes.size();) {
    size_t cr = bytes.find('\r', i);
    if (cr == std::string_view::npos) cr = bytes.size();
    out.append(bytes.substr(i, cr - i));
    if (cr == bytes.size()) break;
    AppendNormalizedNewline(out, bytes, &cr);
    i = cr + 1;
  }
}

bool DecodeSingleByte(std::string_view bytes, size_t start, const SingleByteCodec& codec,
                      std::string& out, size_t* bad) {
  for (size_t i = start; i < bytes.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c == '\r') {
      AppendNormalizedNewline(out, bytes, &i);
    } else if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (codec.high[c - 0x80] == 0xFFFF) {
      *bad = i;
      return false;
    } else {
      AppendUtf8(out, codec.high[c - 0x80]);
    }
  }
  return true;
}

SourceBuffer RawBuffer(std::string filename, std::string_view bytes) {
  return SourceBuffer(std::move(filename), std::string(bytes));
}

}  // namespace

SourceBuffer DecodeSource(std::string filename, std::string_view bytes, Diagnostics& diags) {
  // Positions count from after the byte order mark, for every diagnostic.
  bool has_bom = bytes.substr(0, kUtf8Bom.size()) == kUtf8Bom;
  if (has_bom) bytes.remove_prefix(kUtf8Bom.size());
  size_t start = 0;

  const SingleByteCodec* codec = nullptr;
  size_t name_length = 0;
  size_t name_at = FindCodingDeclaration(bytes, start, &name_length);
  if (name_at != std::string_view::npos) {
    std::string_view declared = bytes.substr(name_at, name_length);
    std::string_view name = NormalEncodingName(declared);
    CodecLookup lookup = FindSourceCodec(name == "latin-1" ? "iso8859-1" : name);
    if (lookup.kind == CodecKind::Unknown) {
      diags.Error(DiagKind::UnknownEncoding, name_at, {declared});
    } else if (lookup.kind == CodecKind::Unsupported) {
      diags.Error(DiagKind::UnsupportedEncoding, name_at, {declared});
    } else if (has_bom && name != "utf-8") {
      // CPython accepts only a declaration that normalises to exactly
      // "utf-8" after a BOM ("utf8" is an encoding problem there).
      diags.Error(DiagKind::BomEncodingMismatch, name_at, {declared});
    }
    if (diags.has_error()) return RawBuffer(std::move(filename), bytes);
    codec = lookup.single_byte;
  }

  std::string text;
  size_t bad = 0;
  if (!codec) {
    NormalizeNewlines(bytes, start, text);
  } else if (!DecodeSingleByte(bytes, start, *codec, text, &bad)) {
    std::string hex = HexByte(static_cast<unsigned char>(bytes[bad]));
    diags.Error(DiagKind::UndecodableByte, bad, {hex, codec->name});
    return RawBuffer(std::move(filename), bytes);
  }
  size_t nul = text.find('\0');
  if (nul != std::string::npos) {
    SourceBuffer buffer(std::move(filename), std::move(text));
    diags.Error(DiagKind::NullByte, static_cast<uint32_t>(nul));
    return buffer;
  }
  return SourceBuffer(std::move(filename), std::move(text));
}

}  // namespace taipan
