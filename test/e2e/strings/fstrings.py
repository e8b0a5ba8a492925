# RUN: %python %tools/run_e2e.py %taipan %s
# f-strings: expressions, format specs, conversions, nesting.
x, y = 3, 4.5
name = 'world'
print(f'hello {name}!', f'{x + 1}', f'{x * y}', f'{{braces}}')
print(f'{x:5d}|{y:<8.2f}|{name:>8}|{name!r}')
w = 10
print(f'{x:{w}}|{y:{w}.{x}f}|')
d = {'k': 'v'}
print(f"{d['k']}", f'{[i * i for i in range(4)]}', f'{"nested"}')
print(f'{x if x > 2 else -x}', f'{len(name)}' f'-{name.upper()}')
print(f'{3:b}', f'{255:#x}', f'{0.5:.0%}')
print(f'{name!s:^11}|')
