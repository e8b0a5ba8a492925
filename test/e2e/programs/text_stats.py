# RUN: %python %tools/run_e2e.py %taipan %s
# Word frequency and text statistics.
text = '''the quick brown fox jumps over the lazy dog
the dog barks and the fox runs away
a quick brown dog'''
words = text.split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(len(words), len(freq), top)
lines = text.splitlines()
print([len(l.split()) for l in lines], max(lines, key=len))
letters = {}
for ch in text:
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
print(sorted(letters.items())[:6])
print(' '.join(w[::-1] if False else w.upper() for w in lines[0].split()[:3]))
print('-'.join(sorted(set(words), key=lambda w: (len(w), w))[:8]))
