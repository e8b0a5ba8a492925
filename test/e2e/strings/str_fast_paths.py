# RUN: %python %tools/run_e2e.py %taipan %s
# The runtime's fast paths for one-character strs, ASCII text and str dict
# keys, checked on the edge cases around them: empty and one-character
# strs, non-ASCII text (before, inside and after long ASCII runs), negative
# indexes, ord/chr at the ASCII boundary, and str keys of both kinds.
long_ascii = 'abcdefgh' * 9 + 'xyz'
mixed = long_ascii + 'é' + long_ascii + '€😀' + 'end'
for s in ['', 'a', 'é', '😀', 'ab', long_ascii, mixed, 'é' + long_ascii]:
    chars = [c for c in s]
    print(len(s), len(chars), ''.join(chars) == s, [ord(c) for c in chars[:3]], [ord(c) for c in chars[-3:]])
    if s:
        print(s[0], s[-1], s[len(s) // 2], s[len(s) - 1], repr(s[0:1]), repr(s[-2:]))
    print(repr(s[1:4]), len(s[::3]), s[5:500] == s[5:], repr(s[70:76]), repr(s[-5:-1]))

# Indexing inside and beyond an ASCII prefix.
print(mixed[72], mixed[73], mixed[74], mixed[-1], mixed[-4], mixed[-5], mixed[147], mixed[148])
for bad in [len(mixed), -len(mixed) - 1]:
    try:
        mixed[bad]
    except IndexError as e:
        print('IndexError', e)

# ord and chr around the fast paths.
print(ord('a'), ord('\x00'), ord('\x7f'), ord('\x80'), ord('é'), ord('€'), ord('😀'))
print(repr(chr(0)), repr(chr(97)), repr(chr(127)), repr(chr(128)), repr(chr(233)), repr(chr(0x1F600)))
print(chr(65) is chr(65), chr(65) == 'A', 'A' == chr(65), len(chr(0x10FFFF)))
for bad in [-1, 0x110000, 2 ** 70]:
    try:
        chr(bad)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__)
for bad in ['', 'ab', 'éé']:
    try:
        ord(bad)
    except TypeError as e:
        print('TypeError')
print(ord(b'a'), ord(bytearray(b'\xff')))

# Split pieces, concatenations and slices as dict keys next to literals.
text = 'the zen of python is the zen'
counts = {}
for word in text.split(' '):
    counts[word] = counts.get(word, 0) + 1
print(sorted(counts.items()))
print(counts['the'], counts.get('zen'), counts.get('z' + 'en'), ('t' + 'he') in counts, 'nope' in counts)
keys = {}
for i in range(40):
    keys['k' + str(i)] = i
for i in range(0, 40, 3):
    del keys['k' + str(i)]
print(len(keys), keys.get('k1'), keys.get('k3'), keys['k' + '38'], sorted(keys)[:4])
keys[('k', 1)] = 'tuple'
keys[7] = 'int'
print(keys.get('k1'), keys[('k', 1)], keys[7], keys.get(7.0), keys.get('k' + str(2)))
