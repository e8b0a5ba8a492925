# RUN: %python %tools/run_e2e.py %taipan %s
# from-imports of names, aliases; modules are initialised once.
from Inputs.helper import greet, Box as B, GREETING
from Inputs import helper
print(greet('x'), B([1]), GREETING)
print(helper.calls)
helper.GREETING = 'hi'
print(greet('y'), GREETING)
