# RUN: %python %tools/run_e2e.py %taipan %s
# XFAIL: *
# (the json module is not implemented yet)
# A hand-written serializer for nested data with sorted keys.
def dump(v, indent=0):
    pad = '  ' * indent
    if isinstance(v, dict):
        if not v:
            return '{}'
        items = [pad + '  ' + dump(k) + ': ' + dump(v[k], indent + 1) for k in sorted(v)]
        return '{\n' + ',\n'.join(items) + '\n' + pad + '}'
    if isinstance(v, (list, tuple)):
        return '[' + ', '.join(dump(x, indent) for x in v) + ']'
    if isinstance(v, str):
        return '"' + v.replace('"', '\\"') + '"'
    if v is None:
        return 'null'
    if v is True:
        return 'true'
    if v is False:
        return 'false'
    return str(v)
data = {'name': 'taipan', 'tags': ['vm', 'mpy'], 'version': (0, 4), 'nested': {'ok': True, 'none': None, 'q': 'say "x"'}, 'empty': {}}
print(dump(data))
import json
print(json.dumps([1, 'two', None, True, 2.5]), json.loads('{"a": [1, 2, {"b": null}]}')['a'])
