# RUN: %python %tools/run_e2e.py %taipan %s
# __new__ controls instance creation; __init__ runs afterwards.
class Singleton:
    _instance = None
    def __new__(cls):
        if cls._instance is None:
            print('creating')
            cls._instance = super().__new__(cls)
        return cls._instance
    def __init__(self):
        print('init')
a = Singleton()
b = Singleton()
print(a is b)
class Tagged:
    def __new__(cls, tag):
        obj = object.__new__(cls)
        obj.tag = tag.upper()
        return obj
print(Tagged('abc').tag)
