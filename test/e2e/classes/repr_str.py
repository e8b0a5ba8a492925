# RUN: %python %tools/run_e2e.py %taipan %s
# __repr__ and __str__ used by print, str, repr, format and containers.
class Both:
    def __repr__(self):
        return 'Both()'
    def __str__(self):
        return 'both as str'
class ReprOnly:
    def __repr__(self):
        return '<ReprOnly>'
b, r = Both(), ReprOnly()
print(b, r, str(b), repr(b), str(r))
print([b, r], (b,), {'k': b})
print('%s %r' % (b, b), '{} {!r}'.format(b, b), f'{b} {b!r}')
