# RUN: %python %tools/run_e2e.py %taipan %s
# A small bank simulation with custom exceptions and a transaction log.
class InsufficientFunds(Exception):
    def __init__(self, needed):
        super().__init__(needed)
        self.needed = needed
class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.log = []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError('amount must be positive')
        self.balance += amount
        self.log.append(('dep', amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(amount - self.balance)
        self.balance -= amount
        self.log.append(('wd', amount))
def transfer(src, dst, amount):
    try:
        src.withdraw(amount)
    except InsufficientFunds as e:
        print('transfer failed, short by', e.needed)
        return False
    else:
        dst.deposit(amount)
        return True
    finally:
        print('transfer attempted:', src.owner, '->', dst.owner, amount)
a, b = Account('ann', 100), Account('bob')
print(transfer(a, b, 30), transfer(a, b, 100), transfer(b, a, 30))
print(a.balance, b.balance, a.log, b.log)
try:
    a.deposit(-5)
except ValueError as e:
    print('rejected:', e)
