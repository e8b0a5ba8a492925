# RUN: %python %tools/run_e2e.py %taipan %s
# .exp: MicroPython's str.upper/lower change ASCII letters only (CPython also
# maps é and ï).
s = 'naïve café'
print(s.upper(), 'ÉCOLE'.lower(), 'é'.isalpha())
