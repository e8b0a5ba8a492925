# Imports cycle_b, which imports this module back while it is half initialised.
A_BEFORE = 'a before'
from . import cycle_b
A_AFTER = 'a after'


def from_b():
    return cycle_b.B_VALUE
