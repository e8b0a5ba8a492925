# Helper modules of the import tests. A package, so the test programs import
# them statically as Inputs.NAME; lit skips directories named Inputs.
print('Inputs package initialised')
