# RUN: %python %tools/run_e2e.py %taipan %s
# A data pipeline of chained generators with filtering and grouping.
def read(lines):
    for line in lines:
        yield line.strip()
def nonempty(lines):
    for line in lines:
        if line:
            yield line
def parse(lines):
    for line in lines:
        name, _, value = line.partition('=')
        yield name.strip(), int(value)
def group(pairs):
    groups = {}
    for k, v in pairs:
        groups.setdefault(k, []).append(v)
    for k in sorted(groups):
        yield k, groups[k]
raw = ['a = 1\n', '\n', 'b=2\n', 'a=3', '  ', 'c = 10', 'b = 5']
print(list(group(parse(nonempty(read(raw))))))
