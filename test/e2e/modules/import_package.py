# RUN: %python %tools/run_e2e.py %taipan %s
# Packages with __init__.py and relative imports between submodules.
import Inputs.pkg
print(Inputs.pkg.add(2, 3), Inputs.pkg.VERSION)
print(Inputs.pkg.util.triple_add(1, 1, 1), Inputs.pkg.util.NAME)
from Inputs.pkg.sub import leaf
print(leaf.describe())
from Inputs.pkg.sub import PARENT_VERSION
print(PARENT_VERSION)
