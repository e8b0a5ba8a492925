# RUN: %python %tools/run_e2e.py %taipan %s
# f-strings with calls, methods, subscripts, conditionals and conversions.
items = ['apple', 'fig']
d = {'n': 3}
def twice(v):
    return v * 2
print(f'{len(items)} items: {", ".join(items)}')
print(f'{items[0].upper()} {d["n"] + 1} {twice(21)} {twice("ab")}')
print(f'{"yes" if items else "no"} {[x[0] for x in items]} {(1, 2)}')
print(f'{3.0:.1f}{"!"} {{}} {10 // 3}{10 % 3}')
w = 6
print(f'[{"c":^{w}}] [{12:>{w}}] [{"L":<{w}}]')
print(f'{items!r} {"q"!r:>5}')
x = 5
print(f'{x=}', f'{x + 1=}')
