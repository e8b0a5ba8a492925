# RUN: %python %tools/run_e2e.py %taipan %s
# XFAIL: *
# (the binascii module is not implemented yet)
# Run-length encoding and a hand-written base64 encoder checked against binascii.
def rle(s):
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(str(j - i) + s[i])
        i = j
    return ''.join(out)
def unrle(s):
    out, num = [], ''
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            out.append(ch * int(num))
            num = ''
    return ''.join(out)
r = rle('aaabccddddde')
print(r, unrle(r))
ALPHA = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
def b64(data):
    out = []
    for i in range(0, len(data), 3):
        chunk = data[i:i + 3]
        n = int.from_bytes(chunk + b'\x00' * (3 - len(chunk)), 'big')
        chars = [ALPHA[(n >> s) & 63] for s in (18, 12, 6, 0)]
        keep = len(chunk) + 1
        out.append(''.join(chars[:keep]) + '=' * (4 - keep))
    return ''.join(out)
import binascii
for d in (b'', b'f', b'fo', b'foo', b'foobar', bytes(range(10))):
    print(b64(d), binascii.b2a_base64(d).strip().decode() == b64(d))
