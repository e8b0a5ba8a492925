# RUN: %python %tools/run_e2e.py %taipan %s
# More str methods: startswith with ranges, strip with sets, count overlapping.
s = 'abcabcabc'
print(s.count('abc'), s.count('aa'), 'aaaa'.count('aa'), s.count('b', 2, 6))
print(s.find('c', 3, 5), s.find('c', 3, 6), s.rfind('abc', 0, 5))
print(s.replace('abc', 'X', 1), s.replace('b', ''), s.startswith('bc', 1))
print('--x--'.strip('-'), '<>x<>'.strip('<>'), ' x '.strip(' x'))
print('a\tb\nc'.split(), 'a  b'.split(' '), 'A,B'.lower().split(','))
print('hello'.upper().lower().strip('h').replace('l', 'L'))
print('abc'.isalpha(), ''.isalpha(), 'ABC'.isupper(), 'a b'.islower())
