# RUN: %python %tools/run_e2e.py %taipan %s
# % formatting with mappings, tuples and single values.
rec = {'name': 'Ann', 'age': 41, 'score': 97.5}
print('%(name)s is %(age)d, scored %(score).1f' % rec)
print('%s' % 'single', '%s and %s' % ('a', 'b'), '%d%%' % 50)
print('%5s|%-5s|%.2s' % ('ab', 'cd', 'efgh'))
print('%i %u' % (3, 4) if True else '')
print('%x-%o-%X' % (3054, 8, 3054), '%#x' % 255, '%#o' % 8)
try:
    '%d %d' % (1,)
except TypeError:
    print('TypeError not enough arguments')
