# A module whose globals attr_cache_modules.py reads, writes and deletes.
counter = 0
label = 'first'


def bump(n):
    global counter
    counter += n
    return counter


def name():
    return 'mod.' + label
