# RUN: %python %tools/run_e2e.py %taipan %s
# .exp: MicroPython does not mangle __private names, so a.__balance is visible
# from outside the class (CPython prints "mangled" and 100).
class Account:
    def __init__(self):
        self.__balance = 100
    def balance(self):
        return self.__balance
a = Account()
print(a.balance())
try:
    print(a.__balance)
except AttributeError:
    print('mangled')
print(hasattr(a, '_Account__balance'))
