# RUN: %python %tools/run_e2e.py %taipan %s
# More bytes methods: split, strip, partition-free processing, comparisons.
data = b'key1=val1;key2=val2;;key3='
parts = data.split(b';')
print(parts)
pairs = [p.split(b'=') for p in parts if p]
print(pairs)
print(b'  pad  '.strip(), b'xxdataxx'.strip(b'x'), b'a,b'.split(b','))
print(b'abc'.startswith(b'a'), b'abc'.endswith(b'bc'), b'ABC'.lower())
print(b'hello'[1], b'hello'[1:2], bytes(b'hello'[::1]))
print(sorted([b'b', b'a', b'ab']), b'a' * 3, max(b'hello'))
print(b'12'.isdigit(), b'ab'.isalpha(), b' '.isspace())
