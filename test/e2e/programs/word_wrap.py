# RUN: %python %tools/run_e2e.py %taipan %s
# Greedy word wrapping and justified text.
TEXT = ('Taipan compiles Python programs ahead of time and falls back to a small '
        'bytecode virtual machine for code it cannot compile natively.')
def wrap(text, width):
    lines, cur = [], []
    for word in text.split():
        if cur and len(' '.join(cur + [word])) > width:
            lines.append(cur)
            cur = []
        cur.append(word)
    if cur:
        lines.append(cur)
    return lines
def justify(words, width):
    if len(words) == 1:
        return words[0]
    gaps = len(words) - 1
    spaces = width - sum(len(w) for w in words)
    out = ''
    for i, w in enumerate(words[:-1]):
        out += w + ' ' * (spaces // gaps + (1 if i < spaces % gaps else 0))
    return out + words[-1]
for line in wrap(TEXT, 28):
    print('|' + justify(line, 28) + '|')
print([len(l) for l in wrap(TEXT, 40)])
