# RUN: %python %tools/run_e2e.py %taipan %s
# getattr, setattr, hasattr, delattr, vars-free attribute manipulation.
class C:
    cls_attr = 'class'
    def method(self):
        return 'method'
c = C()
setattr(c, 'x', 10)
print(getattr(c, 'x'), getattr(c, 'y', 'default'), hasattr(c, 'x'), hasattr(c, 'y'))
print(getattr(c, 'cls_attr'), getattr(c, 'method')())
delattr(c, 'x')
print(hasattr(c, 'x'))
try:
    getattr(c, 'nope')
except AttributeError:
    print('AttributeError')
print(getattr([1, 2], 'count')(1), getattr('abc', 'upper')())
