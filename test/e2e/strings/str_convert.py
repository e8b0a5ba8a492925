# RUN: %python %tools/run_e2e.py %taipan %s
# str(), repr() of various objects and quoting rules.
print(str(1), str(1.5), str([1, 'a']), str((1,)), str(None), str(True))
print(repr('a'), repr("it's"), repr('say "hi"'), repr('both \' and "'))
print(repr('tab\tnl\nbs\\'), repr('\x00\x7f'), repr(''))
print(repr([1, 'x', (2, 'y')]), repr({'k': [1]}))
print(chr(65), chr(0x3b1), ord('A'), ord('é'), ord('\n'))
print(str(b'xy', 'ascii'), str(bytearray(b'zz'), 'utf-8'), b'caf\xc3\xa9'.decode())
print('héllo'.encode('utf-8'), len('héllo'.encode()))
