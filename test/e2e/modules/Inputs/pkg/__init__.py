# A package whose __init__ re-exports from its submodules with relative imports.
from .core import add, VERSION
from . import util

print('pkg initialised')
