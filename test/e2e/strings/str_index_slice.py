# RUN: %python %tools/run_e2e.py %taipan %s
# Indexing, slicing and iteration of str.
s = 'abcdefghij'
print(s[0], s[-1], s[3], s[2:5], s[:3], s[7:], s[-3:], s[:-7])
print(s[100:], s[-100:2], s[5:2], s[-2:-1])
print(len(s), len(''), list('abc'), [c for c in 'xyz'])
try:
    s[10]
except IndexError:
    print('IndexError')
print(s * 2, 2 * 'ab', 'ab' * 0, 'x' + 'y')
print('é'.encode(), len('héllo'), 'héllo'[1], 'héllo'[1:4])
