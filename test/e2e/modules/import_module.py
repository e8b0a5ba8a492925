# RUN: %python %tools/run_e2e.py %taipan %s
# import of a module from a package; module attributes and state.
import Inputs.helper
print(Inputs.helper.greet('world'), Inputs.helper.calls)
print(Inputs.helper.Box(3), Inputs.helper.GREETING)
import Inputs.helper as h
print(h is Inputs.helper, h.greet('again'), h.calls)
