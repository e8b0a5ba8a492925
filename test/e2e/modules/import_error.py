# RUN: %python %tools/run_e2e.py %taipan %s
# Failing imports raise ImportError or the module's own exception.
try:
    import Inputs.no_such_module
except ImportError:
    print('ImportError')
try:
    from Inputs.helper import no_such_name
except ImportError:
    print('ImportError for name')
try:
    import Inputs.raises
except ValueError as e:
    print('ValueError', e.args)
