#!/usr/bin/env python3
"""Generates frontend/lex's Unicode and codec tables from the host Python.

Usage: gen_unicode_tables.py OUT.inc [NameAliases.txt]

The tables follow the Python that runs this script (python3 on the build
machine, CPython 3.11 on Debian 12), so the lexer classifies identifiers,
printable characters, \\N{...} names and source encodings exactly as that
CPython does:
  - identifier start/continue ranges: str.isidentifier() on each code point;
  - non-printable ranges: not str.isprintable(), for "invalid non-printable
    character" diagnostics;
  - character names: unicodedata.name() for every code point except the
    algorithmic CJK and Hangul names (computed by the lexer), plus the
    aliases of NameAliases.txt that unicodedata.lookup() accepts;
  - NFKC normalisation data (decompositions, combining classes,
    compositions), for identifiers: CPython compares names after NFKC;
  - single-byte codecs usable in a PEP 263 coding declaration, with every
    alias Python accepts for them.
"""
import codecs
import encodings.aliases
import importlib
import pkgutil
import sys
import unicodedata

MAX_CODE_POINT = 0x10FFFF


def ranges_where(predicate):
    """Maximal [first, last] code point ranges where predicate holds."""
    out = []
    start = None
    for cp in range(MAX_CODE_POINT + 1):
        if predicate(cp):
            if start is None:
                start = cp
        elif start is not None:
            out.append((start, cp - 1))
            start = None
    if start is not None:
        out.append((start, MAX_CODE_POINT))
    return out


def is_algorithmic_name(name):
    return name.startswith("CJK UNIFIED IDEOGRAPH-") or name.startswith("HANGUL SYLLABLE ")


def character_names(alias_file):
    names = {}
    for cp in range(MAX_CODE_POINT + 1):
        name = unicodedata.name(chr(cp), None)
        if name and not is_algorithmic_name(name):
            names[name] = cp
    if alias_file:
        with open(alias_file, encoding="utf-8") as f:
            for line in f:
                line = line.split("#", 1)[0].strip()
                if not line:
                    continue
                code, alias, _kind = line.split(";")
                try:
                    if unicodedata.lookup(alias) == chr(int(code, 16)):
                        names.setdefault(alias, int(code, 16))
                except KeyError:
                    pass  # an alias newer than this Python's Unicode database
    return sorted(names.items())


def is_charmap_codec(module):
    if module in ("latin_1", "ascii"):
        return True
    try:
        return hasattr(importlib.import_module("encodings." + module), "decoding_table")
    except ImportError:
        return False


def single_byte_codecs():
    """(codec name, [code point or -1 for bytes 0x80..0xFF]) for every
    charmap codec (one byte, one character) that is ASCII-compatible."""
    modules = sorted(set(encodings.aliases.aliases.values()) | {"latin_1", "utf_8", "ascii"})
    out = []
    for module in modules:
        try:
            info = codecs.lookup(module)
        except LookupError:
            continue
        if any(n == info.name for n, _ in out) or not is_charmap_codec(module):
            continue
        table = []
        ok = True
        for b in range(256):
            try:
                s = bytes([b]).decode(info.name)
            except UnicodeDecodeError:
                s = None
            except Exception:
                ok = False
                break
            if b < 0x80 and s != chr(b):
                ok = False
                break
            if s is not None and len(s) != 1:
                ok = False
                break
            if b >= 0x80:
                table.append(ord(s) if s is not None else -1)
        if ok:
            out.append((info.name, table))
    return out


def codec_aliases():
    """Every codec spelling Python's lookup accepts, normalized as the lexer
    does (lower case, '-' and ' ' turned into '_'), mapped to the codec's
    canonical name. Includes codecs the lexer cannot decode (multi-byte ones),
    so it can tell "unsupported" from "unknown"."""
    aliases = {}
    names = set(encodings.aliases.aliases.items())
    names |= {(m, m) for m in encodings.aliases.aliases.values()}
    names |= {(m.name, m.name) for m in pkgutil.iter_modules(encodings.__path__)}
    for alias, module in sorted(names):
        try:
            name = codecs.lookup(module).name
        except LookupError:
            continue
        aliases[encodings.normalize_encoding(alias).lower()] = name
        aliases[encodings.normalize_encoding(name).lower()] = name
    return sorted(aliases.items())


def is_hangul_syllable(cp):
    return 0xAC00 <= cp <= 0xD7A3


def nfkc_tables():
    """What NFKC needs besides the algorithmic Hangul rules: each code
    point's full compatibility decomposition, canonical combining classes,
    and the canonical compositions NFC performs (exclusions left out)."""
    decompositions, combining, compositions = [], [], []
    for cp in range(MAX_CODE_POINT + 1):
        ch = chr(cp)
        if is_hangul_syllable(cp):
            continue
        nfkd = unicodedata.normalize("NFKD", ch)
        if nfkd != ch:
            decompositions.append((cp, [ord(c) for c in nfkd]))
        ccc = unicodedata.combining(ch)
        if ccc:
            combining.append((cp, ccc))
        decomposition = unicodedata.decomposition(ch)
        if decomposition and not decomposition.startswith("<"):
            parts = [int(x, 16) for x in decomposition.split()]
            if len(parts) == 2 and unicodedata.normalize("NFC", chr(parts[0]) + chr(parts[1])) == ch:
                compositions.append((parts[0], parts[1], cp))
    compositions.sort()
    return decompositions, combining, compositions


def write_nfkc(out):
    decompositions, combining, compositions = nfkc_tables()
    out.write("static const uint32_t kDecompositionData[] = {\n")
    offset = 0
    index = []
    for cp, seq in decompositions:
        out.write("  " + ", ".join(f"0x{c:X}" for c in seq) + ",\n")
        index.append((cp, offset, len(seq)))
        offset += len(seq)
    out.write("};\n\n")
    out.write("static const Decomposition kDecompositions[] = {\n")
    for cp, at, length in index:
        out.write(f"  {{0x{cp:X}, {at}, {length}}},\n")
    out.write("};\n\n")
    out.write("static const CombiningClass kCombiningClasses[] = {\n")
    for cp, ccc in combining:
        out.write(f"  {{0x{cp:X}, {ccc}}},\n")
    out.write("};\n\n")
    out.write("static const Composition kCompositions[] = {\n")
    for first, second, composite in compositions:
        out.write(f"  {{0x{first:X}, 0x{second:X}, 0x{composite:X}}},\n")
    out.write("};\n\n")


def c_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_ranges(out, name, ranges):
    out.write(f"static const CodeRange {name}[] = {{\n")
    for first, last in ranges:
        out.write(f"  {{0x{first:X}, 0x{last:X}}},\n")
    out.write("};\n\n")


def main():
    out_path = sys.argv[1]
    alias_file = sys.argv[2] if len(sys.argv) > 2 else None
    start = ranges_where(lambda cp: chr(cp).isidentifier())
    cont = ranges_where(lambda cp: ("a" + chr(cp)).isidentifier())
    nonprint = ranges_where(lambda cp: not chr(cp).isprintable())
    cjk = ranges_where(lambda cp: unicodedata.name(chr(cp), "").startswith("CJK UNIFIED IDEOGRAPH-"))
    names = character_names(alias_file)
    sbcs = single_byte_codecs()
    aliases = codec_aliases()
    with open(out_path, "w", encoding="utf-8") as out:
        out.write(f"// Generated by tools/gen_unicode_tables.py from Python {sys.version.split()[0]}"
                  f" (Unicode {unicodedata.unidata_version}). Do not edit.\n\n")
        write_ranges(out, "kIdentifierStart", start)
        write_ranges(out, "kIdentifierContinue", cont)
        write_ranges(out, "kNonPrintable", nonprint)
        write_ranges(out, "kCjkUnifiedIdeographs", cjk)
        # Names as one blob of NUL-terminated strings in sorted order.
        out.write("static const char kCharNameBlob[] =\n")
        for name, _ in names:
            out.write(f"  {c_string(name)} \"\\0\"\n")
        out.write(";\n\n")
        out.write("static const CharName kCharNames[] = {\n")
        offset = 0
        for name, cp in names:
            out.write(f"  {{{offset}, 0x{cp:X}}},\n")
            offset += len(name) + 1
        out.write("};\n\n")
        write_nfkc(out)
        out.write("static const SingleByteCodec kSingleByteCodecs[] = {\n")
        for name, table in sbcs:
            cells = ", ".join(str(v if v >= 0 else 0xFFFF) for v in table)
            out.write(f"  {{{c_string(name)}, {{{cells}}}}},\n")
        out.write("};\n\n")
        out.write("static const CodecAlias kCodecAliases[] = {\n")
        for alias, name in aliases:
            out.write(f"  {{{c_string(alias)}, {c_string(name)}}},\n")
        out.write("};\n")


if __name__ == "__main__":
    main()
