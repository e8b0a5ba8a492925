# RUN: %python %tools/run_e2e.py %taipan %s
# import statements inside functions bind local names.
def use():
    from Inputs.pkg.core import add
    import Inputs.helper as helper
    return add(40, 2), helper.greet('local')
print(use())
print('add' in globals(), 'helper' in globals())
