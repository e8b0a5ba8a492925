# RUN: %python %tools/run_e2e.py %taipan %s
# An inventory system with classes, properties, exceptions and reports.
class OutOfStock(Exception):
    pass
class Item:
    def __init__(self, sku, name, price, qty):
        self.sku, self.name, self.price, self.qty = sku, name, price, qty
    @property
    def value(self):
        return self.price * self.qty
    def __repr__(self):
        return '%s:%s x%d' % (self.sku, self.name, self.qty)
class Inventory:
    def __init__(self):
        self.items = {}
    def add(self, item):
        self.items[item.sku] = item
    def take(self, sku, n):
        item = self.items[sku]
        if item.qty < n:
            raise OutOfStock('%s has only %d' % (item.name, item.qty))
        item.qty -= n
    def report(self):
        for sku in sorted(self.items):
            it = self.items[sku]
            print('{:<6}{:<10}{:>6}{:>8}'.format(sku, it.name, it.qty, it.value))
        print('total', sum(i.value for i in self.items.values()))
inv = Inventory()
inv.add(Item('A1', 'bolt', 3, 100))
inv.add(Item('B2', 'nut', 1, 250))
inv.add(Item('C3', 'gear', 40, 5))
for sku, n in (('A1', 30), ('C3', 6), ('B2', 250), ('Z9', 1)):
    try:
        inv.take(sku, n)
        print('took', n, sku)
    except OutOfStock as e:
        print('out of stock:', e)
    except KeyError as e:
        print('unknown sku', e.args[0])
inv.report()
print(sorted(inv.items.values(), key=lambda i: i.value))
