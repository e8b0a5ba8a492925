# RUN: %python %tools/run_e2e.py %taipan %s
# Single inheritance, overriding, calling base methods explicitly.
class Animal:
    sound = '...'
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + ' says ' + self.sound
    def kind(self):
        return 'animal'
class Dog(Animal):
    sound = 'woof'
    def kind(self):
        return 'dog, an ' + Animal.kind(self)
class Puppy(Dog):
    def __init__(self, name):
        Dog.__init__(self, name + ' jr')
for a in (Animal('generic'), Dog('rex'), Puppy('rex')):
    print(a.speak(), '|', a.kind())
print(issubclass(Puppy, Animal), isinstance(Puppy('x'), Dog))
