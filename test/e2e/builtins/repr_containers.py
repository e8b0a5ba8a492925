# RUN: %python %tools/run_e2e.py %taipan %s
# repr of builtin containers holding mixed values, including nesting and strings.
print(repr([1, 'a', 2.5, None, True, (1,), [], {}]))
print(repr((1, 'b')), repr(('single',)), repr(()), repr([[], [[]]]))
print(str(['it\'s', "q\"uote"]), repr({'k': (1, [2])}))
print(repr(b'\x01a'), repr(bytearray(b'z')), repr(range(3)), repr(range(1, 10, 2)))
print([None, ..., NotImplemented] == [None, Ellipsis, NotImplemented])
