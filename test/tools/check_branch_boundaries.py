"""Reads `llvm-objdump -d` of an x86 object on stdin and fails when a
conditional jump crosses or ends at a 32-byte boundary (what Intel's
JCC-erratum microcode makes slow; the assembler's branch alignment also pads
unconditional jumps, but not a tail call's jmp). Prints how many it checked."""
import re
import sys

INSTRUCTION = re.compile(r"^\s*([0-9a-f]+):\s+((?:[0-9a-f]{2} )+)\s*(\S+)")


def main():
    checked = 0
    bad = []
    for line in sys.stdin:
        m = INSTRUCTION.match(line)
        if not m or not m.group(3).startswith("j") or m.group(3) == "jmp":
            continue
        start = int(m.group(1), 16)
        end = start + len(m.group(2).split())
        checked += 1
        if start // 32 != end // 32:
            bad.append(line.rstrip())
    print("conditional jumps checked: %d, crossing or ending at a 32-byte boundary: %d" % (checked, len(bad)))
    for line in bad:
        print("  " + line)
    return 1 if bad or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
