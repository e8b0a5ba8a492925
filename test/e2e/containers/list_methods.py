# RUN: %python %tools/run_e2e.py %taipan %s
# list methods.
l = [3, 1, 4, 1, 5]
l.append(9); print(l)
l.extend([2, 6]); print(l)
l.insert(0, 7); l.insert(-1, 8); l.insert(100, 0); print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove(1); print(l)
print(l.index(5), l.count(1), l.count(42))
l.reverse(); print(l)
l.sort(); print(l)
l.sort(reverse=True); print(l)
c = l.copy(); c.clear(); print(c, l)
try:
    l.remove(99)
except ValueError:
    print('ValueError')
try:
    [].pop()
except IndexError:
    print('IndexError')
words = ['bb', 'a', 'ccc']
words.sort(key=len); print(words)
