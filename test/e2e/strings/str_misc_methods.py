# RUN: %python %tools/run_e2e.py %taipan %s
# Less common str methods available in both dialects.
print('hello world'.count('o'), 'x'.join('abc'))
print('tabs\there'.replace('\t', '    '))
print('%s|%s' % ('abc'.upper(), 'ABC'.lower()))
print('  x  '.strip() == 'x', 'abc'.find('c', -1), 'abc'.rfind('a', -3))
print('aXbXc'.split('X', -1), 'a'.split('a'), 'aa'.split('a'))
print('123'.isdigit(), '١'.isdigit() or True)
print('ab' < 'b', 'Z' < 'a', chr(ord('a') + 1))
