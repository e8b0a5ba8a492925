# RUN: %python %tools/run_e2e.py %taipan %s
# Escape sequences in str literals.
s = 'a\tb\nc\\d\'e"f\x41\x7e\101\0end'
print(len(s), repr(s))
print('\u00e9\u4e2d', len('\u4e2d'))
print(r'\n\t', len(r'\n'), '''multi
line''', """with "quotes" inside""")
print('tab:\t|', 'cr-free')
print('back\\slash', "single ' in double", 'double " in single')
