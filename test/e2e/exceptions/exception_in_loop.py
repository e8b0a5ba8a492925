# RUN: %python %tools/run_e2e.py %taipan %s
# Exceptions with break/continue in handlers, in loops.
results = []
for v in ['1', 'x', '3', 'stop', '5']:
    try:
        n = int(v)
    except ValueError:
        if v == 'stop':
            break
        results.append('bad')
        continue
    else:
        results.append(n * 2)
    finally:
        results.append('|')
print(results)
count = 0
while True:
    try:
        count += 1
        if count < 3:
            raise KeyError(count)
        break
    except KeyError as e:
        print('retry', e.args[0])
print('count', count)
