# RUN: %python %tools/run_e2e.py %taipan %s
# Nested lists/dicts/tuples: building, querying, copying.
db = {
    'users': [{'name': 'ann', 'roles': ['admin', 'dev']}, {'name': 'bob', 'roles': ['dev']}],
    'groups': {'dev': 2, 'admin': 1},
}
print([u['name'] for u in db['users'] if 'admin' in u['roles']])
print(sorted(db['groups'].items()), db['users'][1]['roles'][0])
db['users'].append({'name': 'cy', 'roles': []})
db['groups']['ops'] = 0
print(len(db['users']), sorted(db['groups']))
copy = [dict(u) for u in db['users']]
copy[0]['name'] = 'changed'
print(db['users'][0]['name'], copy[0]['name'], copy[0]['roles'] is db['users'][0]['roles'])
t = ((1, 2), [3, 4])
t[1].append(5)
print(t)
