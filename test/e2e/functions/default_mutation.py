# RUN: %python %tools/run_e2e.py %taipan %s
# Default values shared between calls, including dicts and instances.
def memo(x, seen={}):
    seen[x] = seen.get(x, 0) + 1
    return sorted(seen.items())
print(memo('a'), memo('b'), memo('a'))
class Cfg:
    pass
def setup(cfg=Cfg()):
    cfg.count = getattr(cfg, 'count', 0) + 1
    return cfg.count
print(setup(), setup(), setup(Cfg()))
