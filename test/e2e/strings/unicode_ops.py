# RUN: %python %tools/run_e2e.py %taipan %s
# Unicode strings: indexing by code point, encode/decode, comparison.
s = 'naïve café 中文'
print(len(s), s[2], s[-1], s[6:10], s[:2].upper(), s.find('中'))
b = s.encode('utf-8')
print(len(b), b[:6], b.decode('utf-8') == s)
print([ord(c) for c in 'é中'], chr(20013), '中' in s)
print(sorted('éaz'), 'é' > 'z')
print('αβγ'.split('β'), 'x–y'.replace('–', '-'))
