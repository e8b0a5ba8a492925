# RUN: %python %tools/run_e2e.py %taipan %s
# if / elif / else chains and truthiness of many types.
def classify(v):
    if v is None:
        return 'none'
    elif isinstance(v, str) and not v:
        return 'empty str'
    elif not v:
        return 'falsy'
    elif v == 1:
        return 'one'
    else:
        return 'other'
for v in (None, '', 0, [], 1, 'x', [0], 0.0, 2):
    print(repr(v), classify(v))
if 0:
    print('no')
elif 0:
    print('no')
print('done')
