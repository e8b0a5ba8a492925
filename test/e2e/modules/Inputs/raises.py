# Importing this module fails.
print('raises: before error')
raise ValueError('import failed')
