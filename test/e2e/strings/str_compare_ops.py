# RUN: %python %tools/run_e2e.py %taipan %s
# String comparison, membership, concatenation and hashing in dicts.
words = ['pear', 'Apple', 'banana', 'apple', 'Banana', '']
print(sorted(words), sorted(words, key=lambda w: (len(w), w)), sorted(words, reverse=True))
print('ana' in 'banana', 'x' not in 'banana', '' in 'abc')
print('a' * 3 + 'b', min('zebra'), max('zebra'))
counts = {}
for w in 'the cat and the hat and the bat'.split():
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items()))
print('abc' == 'abc', 'abc' != 'abd')
