# RUN: %python %tools/run_e2e.py %taipan %s
# Raising a class instantiates it; raising instances keeps their args.
try:
    raise ValueError
except ValueError as e:
    print(type(e).__name__, e.args)
class Custom(Exception):
    def __init__(self):
        super().__init__('made by init')
try:
    raise Custom
except Custom as e:
    print(e.args)
try:
    raise 42
except TypeError:
    print('TypeError: exceptions must derive from BaseException')
