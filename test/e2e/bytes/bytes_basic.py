# RUN: %python %tools/run_e2e.py %taipan %s
# bytes construction, indexing, slicing and methods.
b = b'hello world'
print(b, len(b), b[0], b[-1], b[1:4], b[::-1] if False else b[6:])
print(bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes('abc', 'utf-8'))
print(b.find(b'o'), b.rfind(b'o'), b.count(b'l'), b.index(b'w'))
print(b.startswith(b'he'), b.endswith(b'ld'), b'o' in b, 111 in b)
print(b.upper(), b.split(), b.replace(b'l', b'L'), b.strip(b'hd'))
print(b'-'.join([b'a', b'b']), b + b'!', b * 2)
print(list(b'abc'), [x for x in b'\x00\x01\xff'])
print(b.decode(), b'\xc3\xa9'.decode('utf-8'))
print(b'abc' == b'abc', b'abc' < b'abd', b'' == bytes())
print(repr(b'\x00\t\n\r\\\'"'), repr(b"it's"))
