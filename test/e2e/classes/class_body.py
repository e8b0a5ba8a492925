# RUN: %python %tools/run_e2e.py %taipan %s
# Class bodies run once, top to bottom, and can use their own names.
print('before class')
class K:
    print('in body')
    a = 1
    b = a + 1
    items = [a, b]
    def method(self):
        return K.b
    if b > 1:
        flag = 'set'
    for i in range(2):
        items.append(i)
print('after class', K.a, K.b, K.items, K.flag, K.i, K().method())
class Outer:
    class Inner:
        value = 'inner'
    ref = Inner.value
print(Outer.Inner.value, Outer.ref, Outer.Inner().value)
