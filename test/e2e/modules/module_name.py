# RUN: %python %tools/run_e2e.py %taipan %s
# __name__ of the main program and of imported modules.
import Inputs.helper
print(__name__)
print(Inputs.helper.__name__)
if __name__ == '__main__':
    print('running as main')
