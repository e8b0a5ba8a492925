#include "frontend/lex/unicode.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

namespace taipan {

namespace {

struct CodeRange {
  uint32_t first, last;
};

struct CharName {
  uint32_t name_offset;  // into kCharNameBlob
  uint32_t code_point;
};

struct CodecAlias {
  const char* alias;
  const char* codec;
};

struct Decomposition {
  uint32_t code_point;
  uint32_t offset;  // into kDecompositionData
  uint32_t length;
};

struct CombiningClass {
  uint32_t code_point;
  uint8_t combining_class;
};

struct Composition {
  uint32_t first, second, composite;
};

#include "unicode_tables.inc"

template <size_t N>
bool InRanges(const CodeRange (&ranges)[N], uint32_t cp) {
  auto it = std::upper_bound(std::begin(ranges), std::end(ranges), cp,
                             [](uint32_t value, const CodeRange& r) { return value < r.first; });
  return it != std::begin(ranges) && cp <= (it - 1)->last;
}

int32_t LookupCjkName(std::string_view name) {
  constexpr std::string_view kPrefix = "CJK UNIFIED IDEOGRAPH-";
  if (name.substr(0, kPrefix.size()) != kPrefix) return -1;
  std::string_view hex = name.substr(kPrefix.size());
  if (hex.size() != 4 && hex.size() != 5) return -1;
  uint32_t cp = 0;
  for (char c : hex) {
    int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (digit < 0) return -1;
    cp = cp * 16 + static_cast<uint32_t>(digit);
  }
  return InRanges(kCjkUnifiedIdeographs, cp) ? static_cast<int32_t>(cp) : -1;
}

// Hangul syllable names are built from jamo short names (Unicode ch. 3.12).
int32_t LookupHangulName(std::string_view name) {
  constexpr std::string_view kPrefix = "HANGUL SYLLABLE ";
  if (name.substr(0, kPrefix.size()) != kPrefix) return -1;
  static constexpr const char* kLeading[] = {"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S",
                                             "SS", "", "J", "JJ", "C", "K", "T", "P", "H"};
  static constexpr const char* kVowel[] = {"A",  "AE", "YA", "YAE", "EO", "E",  "YEO",
                                           "YE", "O",  "WA", "WAE", "OE", "YO", "U",
                                           "WEO", "WE", "WI", "YU", "EU", "YI", "I"};
  static constexpr const char* kTrailing[] = {"",  "G",  "GG", "GS", "N",  "NJ", "NH",
                                              "D", "L",  "LG", "LM", "LB", "LS", "LT",
                                              "LP", "LH", "M", "B",  "BS", "S",  "SS",
                                              "NG", "J", "C", "K",  "T",  "P",  "H"};
  std::string_view rest = name.substr(kPrefix.size());
  for (int l = 0; l < 19; ++l) {
    std::string_view lead = kLeading[l];
    if (rest.substr(0, lead.size()) != lead) continue;
    for (int v = 0; v < 21; ++v) {
      std::string_view vowel = kVowel[v];
      if (rest.substr(lead.size(), vowel.size()) != vowel) continue;
      std::string_view tail = rest.substr(lead.size() + vowel.size());
      for (int t = 0; t < 28; ++t) {
        if (tail == kTrailing[t]) return 0xAC00 + (l * 21 + v) * 28 + t;
      }
    }
  }
  return -1;
}

// Python's encodings.normalize_encoding, lower-cased: runs of characters
// other than letters, digits and '.' become one '_', none at either end.
std::string NormalizeCodecName(std::string_view name) {
  std::string out;
  bool separator = false;
  for (char c : name) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.';
    if (!keep) {
      separator = true;
      continue;
    }
    if (separator && !out.empty()) out += '_';
    separator = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

const char* FindCodecAlias(const std::string& key) {
  for (const CodecAlias& alias : kCodecAliases) {
    if (key == alias.alias) return alias.codec;
  }
  return nullptr;
}

// Hangul syllables decompose and compose by arithmetic (Unicode ch. 3.12).
constexpr uint32_t kHangulBase = 0xAC00, kLeadBase = 0x1100, kVowelBase = 0x1161, kTrailBase = 0x11A7;
constexpr uint32_t kVowelCount = 21, kTrailCount = 28, kSyllableCount = 11172;

uint8_t CombiningClassOf(uint32_t cp) {
  auto it = std::lower_bound(std::begin(kCombiningClasses), std::end(kCombiningClasses), cp,
                             [](const CombiningClass& entry, uint32_t value) { return entry.code_point < value; });
  return it != std::end(kCombiningClasses) && it->code_point == cp ? it->combining_class : 0;
}

void Decompose(uint32_t cp, std::vector<uint32_t>& out) {
  if (cp >= kHangulBase && cp < kHangulBase + kSyllableCount) {
    uint32_t index = cp - kHangulBase;
    out.push_back(kLeadBase + index / (kVowelCount * kTrailCount));
    out.push_back(kVowelBase + (index % (kVowelCount * kTrailCount)) / kTrailCount);
    if (index % kTrailCount) out.push_back(kTrailBase + index % kTrailCount);
    return;
  }
  auto it = std::lower_bound(std::begin(kDecompositions), std::end(kDecompositions), cp,
                             [](const Decomposition& entry, uint32_t value) { return entry.code_point < value; });
  if (it == std::end(kDecompositions) || it->code_point != cp) {
    out.push_back(cp);
    return;
  }
  out.insert(out.end(), kDecompositionData + it->offset, kDecompositionData + it->offset + it->length);
}

// The canonical composite of a starter and a following character, or 0.
uint32_t Compose(uint32_t first, uint32_t second) {
  if (first >= kLeadBase && first < kLeadBase + 19 && second >= kVowelBase && second < kVowelBase + kVowelCount) {
    return kHangulBase + ((first - kLeadBase) * kVowelCount + (second - kVowelBase)) * kTrailCount;
  }
  if (first >= kHangulBase && first < kHangulBase + kSyllableCount && (first - kHangulBase) % kTrailCount == 0 &&
      second > kTrailBase && second < kTrailBase + kTrailCount) {
    return first + (second - kTrailBase);
  }
  const Composition key{first, second, 0};
  auto it = std::lower_bound(std::begin(kCompositions), std::end(kCompositions), key,
                             [](const Composition& a, const Composition& b) {
                               return a.first != b.first ? a.first < b.first : a.second < b.second;
                             });
  return it != std::end(kCompositions) && it->first == first && it->second == second ? it->composite : 0;
}

}  // namespace

std::string NormalizeNfkc(std::string_view text) {
  // Decompose fully (compatibility mappings included).
  std::vector<uint32_t> cps;
  for (size_t i = 0; i < text.size();) {
    uint32_t cp;
    int length = DecodeUtf8(text, i, &cp);
    if (length == 0) return std::string(text);  // not valid UTF-8: leave it alone
    Decompose(cp, cps);
    i += static_cast<size_t>(length);
  }
  // Put each run of combining marks in canonical order (a stable sort).
  for (size_t i = 1; i < cps.size(); ++i) {
    uint8_t ccc = CombiningClassOf(cps[i]);
    for (size_t j = i; ccc != 0 && j > 0 && CombiningClassOf(cps[j - 1]) > ccc; --j) std::swap(cps[j - 1], cps[j]);
  }
  // Compose each mark with the last starter unless a mark of the same or a
  // higher class stands between them.
  std::vector<uint32_t> composed;
  size_t starter = SIZE_MAX;
  uint8_t last_class = 0;
  for (uint32_t cp : cps) {
    uint8_t ccc = CombiningClassOf(cp);
    if (starter != SIZE_MAX && (last_class < ccc || (last_class == 0 && composed.size() == starter + 1))) {
      if (uint32_t composite = Compose(composed[starter], cp)) {
        composed[starter] = composite;
        continue;
      }
    }
    if (ccc == 0) starter = composed.size();
    last_class = ccc;
    composed.push_back(cp);
  }
  std::string out;
  for (uint32_t cp : composed) AppendUtf8(out, cp);
  return out;
}

bool IsIdentifierStart(uint32_t cp) { return InRanges(kIdentifierStart, cp); }
bool IsIdentifierContinue(uint32_t cp) { return InRanges(kIdentifierContinue, cp); }
bool IsPrintable(uint32_t cp) { return !InRanges(kNonPrintable, cp); }

int32_t LookupCharacterName(std::string_view name) {
  std::string upper(name);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');  // lookup ignores case
  }
  auto it = std::lower_bound(std::begin(kCharNames), std::end(kCharNames), upper,
                             [](const CharName& entry, const std::string& key) {
                               return std::strcmp(kCharNameBlob + entry.name_offset, key.c_str()) < 0;
                             });
  if (it != std::end(kCharNames) && upper == kCharNameBlob + it->name_offset) {
    return static_cast<int32_t>(it->code_point);
  }
  int32_t cp = LookupCjkName(upper);
  return cp >= 0 ? cp : LookupHangulName(upper);
}

CodecLookup FindSourceCodec(std::string_view name) {
  std::string key = NormalizeCodecName(name);
  const char* codec = FindCodecAlias(key);
  if (!codec) {
    for (char& c : key) c = c == '.' ? '_' : c;
    codec = FindCodecAlias(key);
  }
  if (!codec) return {CodecKind::Unknown, nullptr};
  if (std::strcmp(codec, "utf-8") == 0) return {CodecKind::Utf8, nullptr};
  for (const SingleByteCodec& single_byte : kSingleByteCodecs) {
    if (std::strcmp(single_byte.name, codec) == 0) return {CodecKind::SingleByte, &single_byte};
  }
  return {CodecKind::Unsupported, nullptr};
}

int DecodeUtf8(std::string_view text, size_t pos, uint32_t* code_point) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char b0 = byte(pos);
  int length;
  uint32_t cp;
  if (b0 < 0x80) {
    *code_point = b0;
    return 1;
  } else if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2, cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3, cp = b0 & 0x0F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4, cp = b0 & 0x07;
  } else {
    return 0;
  }
  if (pos + length > text.size()) return 0;
  for (int i = 1; i < length; ++i) {
    unsigned char b = byte(pos + i);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  // Reject overlong forms, UTF-16 surrogates and values past U+10FFFF.
  if ((length == 3 && cp < 0x800) || (length == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF)) {
    return 0;
  }
  *code_point = cp;
  return length;
}

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    // Lone surrogates from "\ud800" escapes are stored the same way (WTF-8).
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace taipan
