# RUN: %python %tools/run_e2e.py %taipan %s
# Caesar and Vigenere ciphers with str/bytes conversions.
def caesar(s, k):
    out = []
    for ch in s:
        if 'a' <= ch <= 'z':
            out.append(chr((ord(ch) - 97 + k) % 26 + 97))
        elif 'A' <= ch <= 'Z':
            out.append(chr((ord(ch) - 65 + k) % 26 + 65))
        else:
            out.append(ch)
    return ''.join(out)
msg = 'Hello, World! xyz'
enc = caesar(msg, 3)
print(enc, caesar(enc, -3) == msg)
def vigenere(data, key):
    return bytes((b + key[i % len(key)]) % 256 for i, b in enumerate(data))
def unvigenere(data, key):
    return bytes((b - key[i % len(key)]) % 256 for i, b in enumerate(data))
e = vigenere(b'attack at dawn', b'lemon')
print(e, unvigenere(e, b'lemon'))
