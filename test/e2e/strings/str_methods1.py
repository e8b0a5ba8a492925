# RUN: %python %tools/run_e2e.py %taipan %s
# Searching and testing str methods.
s = 'Hello, World, hello'
print(s.find('o'), s.find('o', 5), s.find('zz'), s.rfind('o'), s.rfind('o', 0, 8))
print(s.index('W'), s.rindex('l'), s.count('l'), s.count('hello'), s.count(''))
print(s.startswith('Hell'), s.startswith('World', 7), s.endswith('llo'), s.endswith(('x', 'lo')))
print(s.startswith(('a', 'H')), 'abc'.endswith('b', 0, 2))
print('abc'.isalpha(), 'ab1'.isalpha(), '123'.isdigit(), ' \t\n'.isspace(), ''.isspace())
print('abc'.islower(), 'aBc'.islower(), 'ABC'.isupper(), 'A1'.isupper())
try:
    s.index('zz')
except ValueError:
    print('ValueError')
