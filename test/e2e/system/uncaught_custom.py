# RUN: %python %tools/run_e2e.py %taipan %s
# An uncaught user-defined exception from a method also exits with status 1.
class Broken(Exception):
    pass
class Machine:
    def run(self):
        print('running')
        raise Broken('machine broke')
Machine().run()
